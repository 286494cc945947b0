"""Side-by-side comparison of places: the same kind of measure, one column per document.

:func:`comparison` selects measures — by instrument, by target group (each with
the concepts below it) or by the provisions a search found — and lays them out
as rows (one per instrument) × columns (one per document). Each cell lists the
measures with their normalised amounts, target groups, lead units and the
provision they come from, or says explicitly that the place provides nothing.
The row marks the places with the highest and the lowest headline sum.
"""
from __future__ import annotations

from collections import OrderedDict

from corpus.amounts import describe_amount
from corpus.concepts import concept_index

NO_INSTRUMENT = "（未归类措施）"
PERSONAL = (None, "个人")


def _descendant_labels(vocabulary: str, label: str | None) -> set[str] | None:
    if not label:
        return None
    index = concept_index(vocabulary)
    slug = index.lookup(label) or next((s for s, c in index.concepts.items() if c.label == label), None)
    if slug is None:
        return {label}
    return {index.concepts[s].label for s in index.descendants(slug)}


def _headline(amounts: list[dict]) -> float | None:
    """The figure a drafter compares: the largest sum of money for one person, household or
    beneficiary (not a partnership's, an enterprise's or a project's)."""
    money = [a for a in amounts if a["quantity"] == "money" and a["value"] is not None and a["kind"] != "floor"
             and a.get("subject") in PERSONAL and a.get("per") in (None, "人", "户", "家")]
    return max((a["value"] for a in money), default=None)


def _figures(entry: dict) -> list[dict]:
    """The amounts of an entry worth a cell of the matrix: sums of money and rates."""
    return [a for a in entry["amounts"] if a["quantity"] in ("money", "percent", "fraction")]


def comparison(documents: list[dict], provisions: list[dict], *, instrument: str | None = None,
               group: str | None = None, provision_ids: set[str] | None = None,
               docs: list[str] | None = None) -> dict:
    """The comparison matrix (see module docstring) as a plain dict."""
    instruments = _descendant_labels("instruments", instrument)
    groups = _descendant_labels("target_groups", group)
    columns = [d for d in documents if not docs or d["id"] in docs]
    column_ids = [d["id"] for d in columns]
    in_columns = set(column_ids)
    rows: "OrderedDict[str, dict]" = OrderedDict()
    matched: dict[str, list[dict]] = {doc: [] for doc in column_ids}
    for provision in provisions:
        if provision["doc"] not in in_columns:
            continue
        if provision_ids is not None and provision["id"] not in provision_ids:
            continue
        hits = []
        for number, measure in enumerate(provision["measures"], start=1):
            if instruments and not instruments & set(measure["instruments"]):
                continue
            if groups and not groups & set(measure["target_groups"]):
                continue
            hits.append((number, measure))
        if not hits:
            continue
        leads = [u["label"] for u in provision["units"] if u["role"] == "lead"]
        responsible = [u["label"] for u in provision["units"] if u["role"] == "responsible"]
        for number, measure in hits:
            amounts = [provision["amounts"][i] for i in measure["amounts"]]
            entry = {
                "provision": provision["id"], "label": provision["label"], "measure": number,
                "text": measure["text"], "at": measure.get("at"),
                "amounts": amounts, "target_groups": measure["target_groups"],
                "conditions": [c["text"] for c in measure["conditions"]], "duration": measure.get("duration"),
                "leads": leads, "responsible": responsible,
            }
            labels = [i for i in measure["instruments"] if not instruments or i in instruments] or [NO_INSTRUMENT]
            for label in labels:
                if label not in rows:
                    rows[label] = {"label": label, "cells": {doc: [] for doc in column_ids}}
                row = rows[label]
                row["cells"][provision["doc"]].append(entry)
        matched[provision["doc"]].append({
            "provision": provision["id"], "label": provision["label"], "text": provision["text"],
            "amounts": [a for n, m in hits for a in (provision["amounts"][i] for i in m["amounts"])],
            "measures": [n for n, _ in hits],
        })
    out_rows = []
    for row in sorted(rows.values(), key=lambda r: (-sum(bool(c) for c in r["cells"].values()), r["label"])):
        headlines = {doc: _headline([a for e in cell for a in e["amounts"]]) for doc, cell in row["cells"].items()}
        known = {doc: value for doc, value in headlines.items() if value is not None}
        highest = max(known.values()) if len(known) >= 2 else None
        lowest = min(known.values()) if len(known) >= 2 else None
        out_rows.append({
            "label": row["label"],
            "cells": [{
                "doc": doc, "provided": bool(row["cells"][doc]),
                "entries": [e for e in row["cells"][doc] if _figures(e)],
                "other": [e for e in row["cells"][doc] if not _figures(e)],
                "headline": headlines[doc],
                "highest": highest is not None and headlines[doc] == highest and highest != lowest,
                "lowest": lowest is not None and headlines[doc] == lowest and highest != lowest,
            } for doc in column_ids],
            "places": sum(bool(c) for c in row["cells"].values()),
        })
    return {
        "instrument": instrument, "group": group,
        "columns": [{key: d.get(key) for key in ("id", "region", "province", "level", "title", "date", "number")}
                    for d in columns],
        "rows": out_rows,
        "documents": matched,
    }


def comparison_csv(result: dict) -> tuple[list[str], list[list]]:
    """Header and rows for a CSV export of :func:`comparison`."""
    regions = {c["id"]: c["region"] for c in result["columns"]}
    header = ["instrument", "doc", "region", "provision", "measure", "amount_text", "normalised", "value", "min",
              "max", "kind", "per", "period", "target_groups", "lead_units", "clause"]
    rows = []
    for row in result["rows"]:
        for cell in row["cells"]:
            if not cell["provided"]:
                rows.append([row["label"], cell["doc"], regions[cell["doc"]], "", "", "", "未规定 not provided",
                             "", "", "", "", "", "", "", "", ""])
            for entry in cell["entries"] + cell["other"]:
                amounts = entry["amounts"] or [None]
                for amount in amounts:
                    rows.append([
                        row["label"], cell["doc"], regions[cell["doc"]], entry["provision"], entry["measure"],
                        amount["text"] if amount else "", describe_amount(amount) if amount else "",
                        amount["value"] if amount else "", amount["min"] if amount else "",
                        amount["max"] if amount else "", amount["kind"] if amount else "",
                        (amount or {}).get("per") or "", (amount or {}).get("period") or "",
                        "、".join(entry["target_groups"]), "、".join(entry["leads"]), entry["text"],
                    ])
    return header, rows
