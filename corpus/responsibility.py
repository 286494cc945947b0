"""Responsibility lists: which units a provision names, and in which role.

Conventions handled (all seen in documents of this genre):

* ``（责任单位：A、B）`` — responsible units, no lead;
* ``（A、B，列首位的为牵头单位，下同）`` and ``（A、B等按职责分工负责。列第一位者为
  牵头责任单位，下同）`` — the first is the lead, the others co-operate, and
  "下同" carries the rule to every later list of the document;
* ``〔牵头单位：A；责任单位：B、C〕`` — labelled leads and co-operating units;
* ``（A、B牵头，C、D参加）`` — one or more leads, the rest co-operating;
* ``[责任单位：…]``, ``【…】`` and other brackets; ``…等负责``;
* names joined by a lost 、 (残联总工会), and one name holding 、
  (市政府驻北京、广州、上海、长沙办事处 is four offices).

Roles are ``lead``, ``cooperating`` and ``responsible`` (named, no lead designated).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .units import Government, UnitVocabulary

OPENERS = {"）": "（", ")": "(", "〕": "〔", "］": "［", "]": "[", "】": "【"}
LEAD_RULE = re.compile(
    r"[，,。；]?\s*(?:以上)?(?:列|排)(?:在)?(?:首位|第一位|第一)(?:者|的)?(?:单位)?为牵头(?:责任)?单位"
    r"(?P<same>[，,、]?\s*下同)?[。]?\s*$"
)
DUTY_SUFFIX = re.compile(r"(?:等)?(?:按职责分工|按职责|分别)?(?:负责|落实)[。]?\s*$")
LABEL = re.compile(r"(?P<label>牵头单位|牵头部门|主办单位|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位|相关单位|相关责任单位)\s*[：:]")
LEAD_LABELS = {"牵头单位", "牵头部门", "主办单位"}
COOP_LABELS = {"配合单位", "配合部门", "协办单位", "参与单位", "相关单位", "相关责任单位"}
LEAD_VERB = re.compile(r"^(?:由)?(?P<leads>.+?)牵头(?:[，,；;、]\s*(?P<rest>.*?))?\s*$")
COOP_VERB = re.compile(r"(?:等)?(?:单位|部门)?(?:参加|配合|参与|协助|协同|共同负责)$")


@dataclass
class ListRules:
    """State carried through a document: after "…列首位的为牵头单位，下同" the first of every list leads."""

    lead_first: bool = False


@dataclass(frozen=True)
class Mention:
    """A unit named in a list: ``name`` as written (after splitting), its role, and its span."""

    name: str
    role: str
    start: int
    end: int


@dataclass
class ParsedList:
    """A responsibility list found in the text: its bracket span and the mentions in it."""

    start: int
    end: int
    mentions: list[Mention] = field(default_factory=list)


def trailing_bracket(text: str) -> tuple[int, int] | None:
    """Span ``(open, close + 1)`` of the bracketed group that ends ``text`` (before a final 。)."""
    stripped = text.rstrip(" \t\n。.")
    if not stripped or stripped[-1] not in OPENERS:
        return None
    close = len(stripped) - 1
    depth = 0
    for pos in range(close, -1, -1):
        ch = stripped[pos]
        if ch in OPENERS:
            depth += 1
        elif ch in OPENERS.values():
            depth -= 1
            if depth == 0:
                return pos, close + 1
    return None


def split_names(content: str, base: int) -> list[tuple[str, int, int]]:
    """Split at 、，,；; outside brackets: ``[(name, start, end)]`` with offsets from ``base``."""
    parts, depth, start = [], 0, 0
    for pos, ch in enumerate(content):
        if ch in "（(〔［[【":
            depth += 1
        elif ch in "）)〕］]】":
            depth = max(0, depth - 1)
        elif ch in "、，,；;" and depth == 0:
            parts.append((start, pos))
            start = pos + 1
    parts.append((start, len(content)))
    names = []
    for s, e in parts:
        raw = content[s:e]
        lead_ws = len(raw) - len(raw.lstrip())
        name = raw.strip()
        if name:
            names.append((name, base + s + lead_ws, base + s + lead_ws + len(name)))
    return names


def _distribute_shared(names, vocab: UnitVocabulary, gov: Government):
    """市政府驻北京、广州、上海、长沙办事处 → four names, the shared prefix and suffix spread."""
    out, i = [], 0
    while i < len(names):
        j = i + 1
        while j < len(names) and len(names[j][0]) <= 4 and not vocab.looks_like_unit(names[j][0], gov):
            j += 1
        if j > i + 1 and j < len(names):
            first, last = names[i][0], names[j][0]
            suffix = re.search(r"(办事处|联络处|分行|支行|分局|中心|局|委|办)$", last)
            if suffix and len(last) > len(suffix.group(0)):
                place_len = len(last) - len(suffix.group(0))
                cut = first.rfind("驻") + 1 if "驻" in first else max(0, len(first) - place_len)
                prefix = first[:cut]
                out.append((first + suffix.group(0), names[i][1], names[i][2]))
                out.extend((prefix + n + suffix.group(0), s, e) for n, s, e in names[i + 1:j])
                out.append((prefix + last if not last.startswith(prefix) else last, names[j][1], names[j][2]))
                i = j + 1
                continue
        out.append(names[i])
        i += 1
    return out


def split_units(names, vocab: UnitVocabulary, gov: Government):
    """Clean each name, spread shared parts, and split names that lost their 、.

    Takes and returns ``[(name, start, end)]``. Two neighbours that together form
    a known name (各镇（街道） + 场 → 各镇（街道）、场) are first joined again.
    """
    joined = []
    for name, s, e in names:
        if joined and vocab.is_known(f"{joined[-1][0]}、{name}", gov):
            previous = joined.pop()
            joined.append((f"{previous[0]}、{name}", previous[1], e))
        else:
            joined.append((name, s, e))
    cleaned = []
    for name, s, _ in joined:
        core = re.match(r"^(?:由|以及|和|及)?(.*?)(?:等相关单位|等(?:单位|部门)?)?$", name).group(1).strip()
        if core:
            start = s + name.find(core)
            cleaned.append((core, start, start + len(core)))
    out = []
    for name, s, e in _distribute_shared(cleaned, vocab, gov):
        pieces = vocab.split_joined(name, gov)
        if len(pieces) == 1 and not vocab.is_known(name, gov):
            pieces = _split_conjunction(name, vocab, gov)
        if len(pieces) == 1:
            out.append((name, s, e))
            continue
        pos = 0
        for piece in pieces:
            idx = name.find(piece, pos)
            out.append((piece, s + idx, s + idx + len(piece)))
            pos = idx + len(piece)
    return out


def _split_conjunction(name: str, vocab: UnitVocabulary, gov: Government) -> list[str]:
    """市人社局和市财政局 → two names (only when both sides are known units)."""
    for match in re.finditer("[和及与]", name):
        left, right = name[:match.start()], name[match.end():]
        if vocab.is_known(left, gov) and vocab.is_known(right, gov):
            return [left, right]
    return [name]


def _mentions(names, role_of_index) -> list[Mention]:
    return [Mention(n, role_of_index(i), s, e) for i, (n, s, e) in enumerate(names)]


def parse_list(content: str, base: int, rules: ListRules, vocab: UnitVocabulary,
               gov: Government, explicit: bool = False) -> ParsedList | None:
    """Parse the inside of a bracketed list; ``None`` if it is not a list of units.

    ``base`` is the offset of ``content`` in the document's normalised text, so
    mention spans are document offsets. ``explicit`` accepts unknown names (the
    list is known to be one, e.g. a table cell). Updates ``rules`` on "下同".
    """
    body = content
    declares = False
    rule = LEAD_RULE.search(body)
    if rule:
        declares = True
        body = body[:rule.start()]
        if rule.group("same"):
            rules.lead_first = True
    body = DUTY_SUFFIX.sub("", body).rstrip("，,。；; ")
    lead_first = declares or rules.lead_first

    labels = list(LABEL.finditer(body))
    if labels and labels[0].start() <= 1:
        has_lead_label = any(m.group("label") in LEAD_LABELS for m in labels)
        mentions = []
        for k, label in enumerate(labels):
            seg_end = labels[k + 1].start() if k + 1 < len(labels) else len(body)
            segment = body[label.end():seg_end].rstrip("；;，, ")
            names = split_units(split_names(segment, base + label.end()), vocab, gov)
            kind = label.group("label")
            if kind in LEAD_LABELS:
                mentions += _mentions(names, lambda i: "lead")
            elif kind in COOP_LABELS or has_lead_label:
                mentions += _mentions(names, lambda i: "cooperating")
            elif lead_first:
                mentions += _mentions(names, lambda i: "lead" if i == 0 else "cooperating")
            else:
                mentions += _mentions(names, lambda i: "responsible")
        return ParsedList(base - 1, base + len(content) + 1, mentions)

    verb = LEAD_VERB.match(body)
    if verb and verb.group("leads"):
        leads = split_units(split_names(verb.group("leads"), base + verb.start("leads")), vocab, gov)
        rest_text = verb.group("rest") or ""
        rest_start = base + (verb.start("rest") if verb.group("rest") is not None else len(body))
        rest_text = COOP_VERB.sub("", rest_text)
        rest = split_units(split_names(rest_text, rest_start), vocab, gov)
        if leads and all(vocab.looks_like_unit(n, gov) for n, _, _ in leads + rest):
            mentions = _mentions(leads, lambda i: "lead") + _mentions(rest, lambda i: "cooperating")
            return ParsedList(base - 1, base + len(content) + 1, mentions)

    names = split_units(split_names(body, base), vocab, gov)
    if not names:
        return None
    unit_like = [vocab.looks_like_unit(n, gov) for n, _, _ in names]
    if not explicit and not (all(unit_like) and any(vocab.is_known(n, gov) for n, _, _ in names)):
        return None
    role = (lambda i: "lead" if i == 0 else "cooperating") if lead_first else (lambda i: "responsible")
    return ParsedList(base - 1, base + len(content) + 1, _mentions(names, role))


def find_list(paragraph: str, offset: int, rules: ListRules, vocab: UnitVocabulary,
              gov: Government) -> ParsedList | None:
    """The responsibility list closing ``paragraph`` (at ``offset`` in the document), if any."""
    span = trailing_bracket(paragraph)
    if span is None:
        return None
    open_, close = span
    content = paragraph[open_ + 1:close - 1]
    probe = ListRules(rules.lead_first)
    parsed = parse_list(content, offset + open_ + 1, probe, vocab, gov)
    if parsed is None:
        return None
    rules.lead_first = probe.lead_first
    return parsed


def merge_roles(mentions: list[Mention], resolve) -> list[tuple[Mention, object]]:
    """One entry per concrete unit, keeping its strongest role (lead > responsible > cooperating)."""
    rank = {"lead": 0, "responsible": 1, "cooperating": 2}
    chosen: dict[str, tuple[Mention, object]] = {}
    order: list[str] = []
    for mention in mentions:
        unit = resolve(mention.name)
        if unit.key not in chosen:
            order.append(unit.key)
            chosen[unit.key] = (mention, unit)
        elif rank[mention.role] < rank[chosen[unit.key][0].role]:
            chosen[unit.key] = (mention, unit)
    return [chosen[key] for key in order]
