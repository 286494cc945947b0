"""Measures: the clause-level policy actions of a provision, with their facts.

A clause is a measure when it carries a policy action (给予…补贴, 提供…贷款,
纳入…范围, 返还…, 享受…政策, 鼓励…, 安置…) together with something to act on
or for: an instrument of the vocabulary, an amount of money or a rate, a
纳入…范围 scope, or a target group. A
measure keeps its instruments, target groups (beneficiaries), amounts,
conditions (签订1年以上劳动合同, 正常经营6个月以上) and duration (不超过3年).

An amount clause that names no instrument inherits the instrument of the
clause before it in the same provision (…纳入创业担保贷款支持范围。个人创业提供
贷款最高申请额度由10万元提高到15万元…): the second sentence is about the loan.
All offsets here are in the normalised text; the caller maps them to raw.
"""
from __future__ import annotations

import re

from .amounts import extract_amounts
from .concepts import concept_index

ACTION = re.compile(
    r"给予|予以|提供|发放|发给|返还|纳入|享受|购买|奖励|资助|贴息|减免|免收|免费|列支|补贴|补助|奖补|扶持|"
    r"申请|领取|可按|按规定|安排|设立|支持|落实|调整为|提高到|提高至|上浮|额度|标准为|明确为|"
    r"鼓励|扶持|帮助|帮扶|引导|推行|安置|优先|招用|吸纳|开展|组织|实施|缴纳"
)
STRONG_ACTION = re.compile(r"给予|予以|提供|发放|发给|返还|纳入.{0,20}范围|享受|购买|资助|贴息|减免|免收|免费提供|领取|申请")
CONDITIONS = [re.compile(p) for p in (
    r"签订\d+年以上(?:期限)?的?劳动合同", r"(?:正常|稳定)?(?:经营|运营)\d+(?:个月|年)以上",
    r"稳定就业\d+(?:个月|年)以上", r"缴纳社会保险费?满\d+年", r"带动就业\d+(?:至\d+)?人(?:以上)?",
    r"(?:离校|毕业)\d+年内", r"领取失业保险金期间", r"首次(?:创办|创业)[\u4e00-\u9fff]{0,6}",
    r"登记失业(?:满)?(?:一|\d+)年(?:以上)?", r"参加失业保险\d+年以上", r"留用率(?:达到|高于)\d+%(?:及)?(?:以上)?",
    r"实际在岗\d+个月(?:以上)?", r"累计缴纳失业保险费\d+个月(?:（含\d+个月）)?以上", r"投入规模在\d+万元以上",
    r"常住\d+个月以上", r"(?:不裁员|少裁员|不裁员或少裁员)", r"依法办理(?:工商)?登记(?:注册)?",
    r"按规定缴纳社会保险费?", r"正常经营并带动就业\d+人以上",
)]
ELIGIBILITY = re.compile(r"对(?P<who>[^，。；]{4,80}?)的[，,]")
SUBJECT = re.compile(r"(个人|借款个人|合伙创业|合伙|组织起来|小微企业|企业|用人单位|单位|每户)")


def find_conditions(text: str) -> list[tuple[str, int, int]]:
    """Eligibility conditions in ``text``: ``[(text, start, end)]``, no overlaps."""
    spans = []
    for pattern in CONDITIONS:
        for match in pattern.finditer(text):
            if not any(s < match.end() and match.start() < e for _, s, e in spans):
                spans.append((match.group(0), match.start(), match.end()))
    return sorted(spans, key=lambda c: c[1])


def _duration(amounts: list[dict], clause: str, conditions) -> dict | None:
    for amount in amounts:
        if amount["quantity"] != "duration" or amount["kind"] == "floor":
            continue
        if any(s <= amount["start"] < e for _, s, e in conditions):
            continue
        before = clause[max(0, amount["start"] - 8):amount["start"]]
        if amount["kind"] == "cap" or re.search(r"期限|期|连续|最长|贴息", before):
            lead = re.search(r"(最长不超过|不超过|最长|期限)$", before)
            text = (lead.group(1) if lead else "") + amount["text"] + ("内" if clause[amount["end"]:amount["end"] + 1] == "内" else "")
            return {"text": text, "value": amount["value"], "unit": amount["unit"], "kind": amount["kind"]}
    return None


def _subject(clause: str, position: int) -> str | None:
    found = None
    for match in SUBJECT.finditer(clause, 0, position):
        found = match.group(1)
    return {"借款个人": "个人", "合伙创业": "合伙", "组织起来": "合伙", "用人单位": "企业", "单位": "企业"}.get(found, found)


def extract_measures(text: str, clauses: list[tuple[int, int, str]]) -> tuple[list[dict], list[dict]]:
    """Measures and amounts of one provision; ``clauses`` are ``(start, end, kind)`` spans of ``text``.

    Returns ``(measures, amounts)``. Amounts are every amount of every clause
    (with ``clause`` and, when in a measure, ``measure`` indexes); a measure has
    ``clause``, ``start``/``end``, ``instruments``, ``target_groups``, ``amounts``
    (indexes into the amounts list), ``conditions``, ``eligibility``, ``duration``.
    All offsets are in ``text``.
    """
    instruments, groups = concept_index("instruments"), concept_index("target_groups")
    measures, all_amounts = [], []
    previous_instruments: list[str] = []
    for index, (start, end, kind) in enumerate(clauses):
        if kind != "clause":
            continue
        clause = text[start:end]
        found_instruments = instruments.slugs_in(clause)
        amounts = extract_amounts(clause)
        first_amount = len(all_amounts)
        for amount in amounts:
            amount["subject"] = _subject(clause, amount["start"])
            amount["clause"] = index
            amount["measure"] = None
            amount["start"] += start
            amount["end"] += start
        all_amounts.extend(amounts)
        money = [a for a in amounts if a["quantity"] in ("money", "percent", "fraction")]
        scope = re.search(r"纳入.{0,30}?范围", clause)
        earlier_instruments = previous_instruments
        if found_instruments:
            previous_instruments = found_instruments
        found_groups = groups.slugs_in(clause)
        if not (STRONG_ACTION.search(clause) or ((money or found_groups) and ACTION.search(clause))):
            continue
        if not (found_instruments or money or scope or found_groups):
            continue
        if money:
            # 贷款, 补贴 … in a clause after one that named the instrument: the same instrument
            inherited = [slug for slug in earlier_instruments
                         if slug not in found_instruments and instruments.concepts[slug].label[-2:] in clause]
            found_instruments = (inherited + found_instruments) or earlier_instruments
        conditions = find_conditions(clause)
        eligibility = ELIGIBILITY.search(clause)
        duration = _duration([dict(a, start=a["start"] - start, end=a["end"] - start) for a in amounts],
                             clause, conditions)
        for amount in amounts:
            amount["measure"] = len(measures)
        measures.append({
            "clause": index,
            "start": start,
            "end": end,
            "instruments": found_instruments,
            "target_groups": found_groups,
            "amounts": list(range(first_amount, first_amount + len(amounts))),
            "conditions": [{"text": t, "start": s + start, "end": e + start} for t, s, e in conditions],
            "eligibility": ({"text": eligibility.group("who"), "start": eligibility.start("who") + start,
                             "end": eligibility.end("who") + start} if eligibility else None),
            "duration": duration,
        })
    return measures, all_amounts
