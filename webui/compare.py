"""``/compare`` — one column per place, one row per instrument: amounts side by side."""
from __future__ import annotations

from flask import Blueprint, abort, request

from kg.compare import comparison, comparison_csv
from search.engine import SearchError, SearchRequest

from .data import current
from .render import highlight, respond, wanted_format

bp = Blueprint("compare", __name__)


@bp.route("/compare")
def compare():
    dataset = current()
    q = request.args.get("q", "").strip()
    instrument = request.args.get("instrument", "").strip() or None
    group = request.args.get("group", "").strip() or None
    docs = [d for d in request.args.get("docs", "").split(",") if d]
    unknown = [d for d in docs if d not in dataset.documents_by_id]
    if unknown:
        abort(400, f"没有这些文件：{'、'.join(unknown)}。")
    provision_ids = None
    if q:
        try:
            hits = dataset.searcher.search(SearchRequest(q=q, limit=100))
        except SearchError as exc:
            abort(400, str(exc))
        provision_ids = {h["id"] for h in hits["hits"]}
    result = comparison(dataset.documents, dataset.all_provisions(), instrument=instrument, group=group,
                        provision_ids=provision_ids, docs=docs or None)
    result["q"] = q
    result["asked"] = bool(q or instrument or group)
    if not result["asked"]:
        result["rows"], result["documents"] = [], {}
    overview = dataset.overview()
    result["choices"] = {"instruments": [i["label"] for i in overview["instruments"]],
                         "groups": [g["label"] for g in overview["target_groups"]],
                         "documents": [{"id": d["id"], "region": d["region"]} for d in dataset.documents]}
    if wanted_format() == "html":
        for doc, items in result["documents"].items():
            for item in items:
                spans = [(a["at"][0], a["at"][1], "amount") for a in item["amounts"] if a.get("at")]
                item["html"] = highlight(item["text"], spans)
    return respond("compare.html", result, csv_table=lambda: comparison_csv(result))
