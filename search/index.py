"""The whoosh index: one document per provision, built from a build's records.

Fields: ``text`` (words, BM25F), ``heading`` (section heading and the item's
own title sentence, boosted), ``concepts`` (prefLabels of its instruments,
target groups and unit types, boosted); facets ``doc``, ``region``, ``province``, ``level``, ``year``,
``groups``, ``instruments``, ``lead_types``, ``unit_types``; numbers ``date``,
``max_amount``, ``min_amount`` (yuan) for range filters and sorting.

Beside it, :data:`search.substrings.FILENAME` holds the provisions' texts for
exact phrases and substrings (see search/substrings.py), in document-number
order: the index is written by one writer in one segment, so document n of the
index is line n of that file.
"""
from __future__ import annotations

import re
from pathlib import Path

from whoosh import fields, index

from corpus.concepts import concept_index

from corpus.words import spans_from_bounds

from .analysis import word_analyzer
from .substrings import FILENAME, write_substrings

SCHEMA_VERSION = 4
NO_AMOUNT = 2**62


def schema() -> fields.Schema:
    """The index schema (see module docstring)."""
    keyword = dict(stored=True, commas=True, scorable=False, sortable=True)
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        doc=fields.ID(stored=True, sortable=True),
        item=fields.NUMERIC(int, stored=True, sortable=True),
        sub=fields.NUMERIC(int, stored=True, sortable=True),
        label=fields.STORED(),
        section=fields.STORED(),
        leads=fields.STORED(),
        bounds=fields.STORED(),
        text=fields.TEXT(analyzer=word_analyzer(), phrase=True, stored=True),
        heading=fields.TEXT(analyzer=word_analyzer(), phrase=True, field_boost=2.0),
        concepts=fields.KEYWORD(commas=True, scorable=True, field_boost=1.5),
        region=fields.KEYWORD(**keyword),
        province=fields.KEYWORD(**keyword),
        level=fields.KEYWORD(**keyword),
        groups=fields.KEYWORD(**keyword),
        instruments=fields.KEYWORD(**keyword),
        topics=fields.KEYWORD(**keyword),
        lead_types=fields.KEYWORD(**keyword),
        unit_types=fields.KEYWORD(**keyword),
        year=fields.NUMERIC(int, stored=True, sortable=True),
        date=fields.NUMERIC(int, stored=True, sortable=True),
        max_amount=fields.NUMERIC(int, bits=64, stored=True, sortable=True),
        min_amount=fields.NUMERIC(int, bits=64, stored=True, sortable=True),
    )


def _title_sentence(provision: dict) -> str:
    text = provision["text"][len(provision["label"]):] if provision["label"] else provision["text"]
    first = re.split(r"[。；]", text, maxsplit=1)[0]
    return first if len(first) <= 40 else ""


def _date(document: dict) -> tuple[int | None, int | None]:
    date = document.get("date") or ""
    year = int(date[:4]) if re.match(r"\d{4}", date) else None
    full = int(date.replace("-", "")) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else (year * 10000 if year else None)
    return year, full


def index_document(provision: dict, document: dict) -> dict:
    """The whoosh fields of one provision."""
    search_terms = concept_index("search_terms")
    money = [a for a in provision["amounts"] if a["quantity"] == "money"]
    values = [v for a in money for v in (a["value"], a["min"], a["max"]) if v is not None]
    year, date = _date(document)
    unit_types = sorted({u["type"] for u in provision["units"]})
    lead_types = sorted({u["type"] for u in provision["units"] if u["role"] == "lead"})
    fields_ = {
        "id": provision["id"], "doc": provision["doc"], "item": provision["item"], "sub": provision["sub"],
        "label": provision["label"], "section": provision["section"] or "",
        "leads": "、".join(u["name"] for u in provision["units"] if u["role"] == "lead"),
        "text": provision["text"],
        "heading": _title_sentence(provision),
        "concepts": ",".join(provision["target_groups"] + provision["instruments"] + unit_types +
                             [search_terms.concepts[slug].label for slug in search_terms.slugs_in(provision["text"])]),
        "bounds": provision["bounds"],
        "region": document["region"], "province": document.get("province") or "", "level": document["level"],
        "groups": ",".join(provision["target_groups"]), "instruments": ",".join(provision["instruments"]),
        "topics": ",".join(provision["topics"]),
        "lead_types": ",".join(lead_types), "unit_types": ",".join(unit_types),
    }
    if year is not None:
        fields_["year"], fields_["date"] = year, date
    # No sum of money: sort last by amount, and match no amount filter.
    fields_["max_amount"], fields_["min_amount"] = (int(max(values)), int(min(values))) if values else (-1, NO_AMOUNT)
    return fields_


def build_index(directory: Path, documents: list[dict], provisions: list[dict]) -> int:
    """Create the index in ``directory`` (must be new); returns the number of documents indexed."""
    directory = Path(directory)
    directory.mkdir(parents=True)
    by_id = {d["id"]: d for d in documents}
    ix = index.create_in(str(directory), schema())
    writer = ix.writer(limitmb=256)
    words = writer.schema["text"].analyzer
    for provision in provisions:
        with words.known_words(provision["text"], spans_from_bounds(provision["text"], provision["bounds"])):
            writer.add_document(**index_document(provision, by_id[provision["doc"]]))
    writer.commit(optimize=True)  # one segment: document numbers are the order of addition
    write_substrings(directory / FILENAME, (provision["text"] for provision in provisions))
    (directory / "VERSION").write_text(str(SCHEMA_VERSION), encoding="utf-8")
    return len(provisions)


def open_index(directory: Path):
    """Open an index made by :func:`build_index`."""
    return index.open_dir(str(directory))
