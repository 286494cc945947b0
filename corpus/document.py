"""From a source (manifest + raw text) to plain records: the document and its provisions.

This is the corpus stage's public entry point: :func:`parse_document` runs
normalisation, structure, responsibility lists, clauses and words, and returns
JSON-ready dicts whose offsets point into the raw text (``start``/``end``) —
the provenance every later stage keeps.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .concepts import concept_index
from .mapped import MappedText
from .measures import extract_measures
from .normalize import normalise_characters, rejoin_page_breaks
from .responsibility import merge_roles
from .structure import Provision, Structure, parse_structure
from .table import looks_like_table
from .units import Government, UnitVocabulary, unit_vocabulary
from .words import word_spans

# 文号: 豫政〔2015〕59号, 湘政发〔2018〕30号, 人社部发〔2017〕40号 (brackets vary in the wild)
DOC_NUMBER = re.compile(r"(?P<number>[\u4e00-\u9fff]{1,10}[〔\[［【（(]\s*(?:19|20)\d{2}\s*[〕\]］】）)]\s*\d{1,4}\s*号)")
CLAUSE_END = re.compile(r"[。；！？]")


@dataclass
class Source:
    """A document to parse: its ``manifest`` (dict, see README) and ``raw`` text."""

    manifest: dict
    raw: str

    @property
    def id(self) -> str:
        return self.manifest["id"]


class ParseError(ValueError):
    """The text is not a policy document policykg can read (message for the user)."""


def government_of(manifest: dict) -> Government:
    """The issuing government described by a manifest."""
    region = manifest["region"]
    parent = manifest.get("parent") or ""
    key = region if region.startswith(parent) else parent + region  # 濮阳市华龙区; 洛阳市
    return Government(key=key, name=manifest.get("government") or f"{region}人民政府",
                      region=region, level=manifest.get("level") or region[-1])


def normalise(raw: str) -> MappedText:
    """Normalised text with its offset map (page breaks rejoined for prose)."""
    mapped = normalise_characters(raw)
    if not looks_like_table(mapped.text):
        mapped = mapped.sub(r"\t+", "")
        mapped = rejoin_page_breaks(mapped)
    return mapped


def citations(text: str, own_numbers: set[str]) -> list[dict]:
    """Documents cited by 文号, in order of first mention: ``[{"number", "title"}]``."""
    seen, out = set(), []
    for match in DOC_NUMBER.finditer(text):
        number = re.sub(r"\s+", "", match.group("number"))
        number = re.sub(r"^.*(?:根据|按照|依据|落实|执行|贯彻|参照|结合|印发|和|及|与|或|、)", "", number)
        if number in seen or number in own_numbers:
            continue
        seen.add(number)
        before = text[max(0, match.start() - 120):match.start()]
        title = re.search(r"《([^《》]+)》\s*[（(]?\s*$", before)
        out.append({"number": number, "title": title.group(1) if title else None})
    return out


def clauses_of(text: str, start: int, end: int, list_span: tuple[int, int] | None,
               label: str = "") -> list[tuple[int, int, str]]:
    """Clause spans of ``text[start:end]``: split after 。；！？, the responsibility list apart.

    The item's own marker (``（一）``, ``2.``) is left out, so ``2.2019年`` reads as 2019年.
    """
    if label and text.startswith(label, start):
        start += len(label)
    spans = []
    body_end = list_span[0] if list_span else end
    pos = start
    for match in CLAUSE_END.finditer(text, start, body_end):
        spans.append((pos, match.end(), "clause"))
        pos = match.end()
    if pos < body_end and text[pos:body_end].strip("，, "):
        spans.append((pos, body_end, "clause"))
    if list_span:
        spans.append((list_span[0], list_span[1], "responsibility"))
    return [(s, e, k) for s, e, k in spans if text[s:e].strip()]


def parse_document(source: Source, vocab: UnitVocabulary | None = None) -> tuple[dict, list[dict]]:
    """Parse ``source`` into ``(document record, [provision records])``.

    Raises :class:`ParseError` when no provision can be found.
    """
    vocab = vocab or unit_vocabulary()
    gov = government_of(source.manifest)
    mapped = normalise(source.raw)
    structure = parse_structure(mapped.text, vocab, gov)
    if not structure.provisions:
        raise ParseError(f"在文档 {source.id} 中没有找到编号条款（如“（一）”“1.”），无法解析。"
                         f" No numbered provisions were found in {source.id}.")
    own = {source.manifest.get("number") or ""} | set(source.manifest.get("other_numbers") or [])
    document = _document_record(source, structure, mapped, own)
    provisions = [_provision_record(source, structure, p, mapped, vocab, gov) for p in structure.provisions]
    return document, provisions


def _raw(mapped: MappedText, start: int, end: int) -> list[int]:
    return list(mapped.raw_span(start, end))


def _document_record(source: Source, structure: Structure, mapped: MappedText, own: set[str]) -> dict:
    text = mapped.text
    record = {key: source.manifest.get(key) for key in
              ("id", "government", "region", "province", "parent", "level", "title", "number", "other_numbers", "date")}
    record["other_numbers"] = record["other_numbers"] or []
    record["cites"] = citations(text, own)
    record["layout"] = structure.layout
    record["sections"] = [
        {"number": s.number, "label": s.label, "title": s.title, "heading": s.heading,
         "start": mapped.raw_span(s.start, s.end)[0], "end": mapped.raw_span(s.start, s.end)[1]}
        for s in structure.sections
    ]
    record["preamble"] = [_raw(mapped, s, e) for s, e in structure.preamble]
    record["closing"] = [_raw(mapped, s, e) for s, e in structure.closing]
    record["warnings"] = structure.warnings
    record["provision_count"] = len(structure.provisions)
    record["item_count"] = len({p.item for p in structure.provisions})
    return record


def _provision_record(source, structure, provision: Provision, mapped: MappedText,
                      vocab: UnitVocabulary, gov: Government) -> dict:
    text = mapped.text
    start, end = provision.text_span
    section = structure.sections[provision.section] if provision.section is not None else None
    units = []
    for mention, unit in merge_roles(provision.mentions, lambda name: vocab.resolve(name, gov)):
        raw_start, raw_end = mapped.raw_span(mention.start, mention.end)
        inside = start <= mention.start and mention.end <= end
        units.append({
            "name": mention.name, "type": vocab.types[unit.type].label, "type_id": unit.type,
            "role": mention.role, "unit": unit.key, "label": unit.label,
            "start": raw_start, "end": raw_end,
            "at": [mention.start - start, mention.end - start] if inside else None,
        })
    clause_spans = clauses_of(text, start, end, provision.list_span, provision.label)
    tokens = word_spans(text[start:end])  # jieba once per provision; clauses and the index reuse it
    clauses = []
    for c_start, c_end, kind in clause_spans:
        clause_text = text[c_start:c_end]
        raw_start, raw_end = mapped.raw_span(c_start, c_end)
        clauses.append({"text": clause_text, "kind": kind, "start": raw_start, "end": raw_end,
                        "words": [w for w, s, e, _ in tokens if c_start - start <= s and e <= c_end - start]})
    measures, amounts = extract_measures(text, clause_spans)
    for measure in measures:
        measure["text"] = text[measure["start"]:measure["end"]]
    for fact in amounts + measures + [c for m in measures for c in m["conditions"]] + \
            [m["eligibility"] for m in measures if m["eligibility"]]:
        fact["at"] = [fact["start"] - start, fact["end"] - start]  # offsets in the provision's text
        fact["start"], fact["end"] = mapped.raw_span(fact["start"], fact["end"])
    body_end = provision.list_span[0] if provision.list_span else end
    body = text[start:body_end]
    topic_ids = _topics(section.heading if section else "", body)
    raw_start, raw_end = mapped.raw_span(start, end)
    return {
        "id": f"{source.id}/{provision.key}",
        "doc": source.id,
        "item": provision.item,
        "sub": provision.sub,
        "label": provision.label,
        "number_inferred": provision.number_inferred,
        "section": section.heading if section else None,
        "section_number": section.number if section else None,
        "text": text[start:end],
        "start": raw_start,
        "end": raw_end,
        "units": units,
        "amounts": amounts,
        "target_groups": [_label("target_groups", s) for s in concept_index("target_groups").slugs_in(body)],
        "instruments": [_label("instruments", s) for s in concept_index("instruments").slugs_in(body)],
        "topics": [_label("topics", s) for s in topic_ids],
        "topic_ids": topic_ids,
        "measures": [_measure_labels(m) for m in measures],
        "clauses": clauses,
        "bounds": [offset for _, s, e, _ in tokens for offset in (s, e)],
        "notes": provision.notes,
    }


def _label(vocabulary: str, slug: str) -> str:
    return concept_index(vocabulary).concepts[slug].label


def _measure_labels(measure: dict) -> dict:
    """A measure with concept slugs turned into prefLabels (slugs kept under ``*_ids``)."""
    out = dict(measure)
    out["instrument_ids"], out["target_group_ids"] = measure["instruments"], measure["target_groups"]
    out["instruments"] = [_label("instruments", s) for s in measure["instruments"]]
    out["target_groups"] = [_label("target_groups", s) for s in measure["target_groups"]]
    return out


def _topics(heading: str, body: str) -> list[str]:
    """Topics from the section heading and the provision's first sentence."""
    first_sentence = re.split(r"[。；]", body, maxsplit=1)[0]
    index = concept_index("topics")
    return index.slugs_in(heading + "。" + first_sentence)
