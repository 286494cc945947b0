"""``/search`` — results, expansion, facets, filters, sort, pages; CSV and JSON exports."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, request
from markupsafe import Markup

from search.engine import FACETS, FILTERS, SearchError, SearchRequest

from .data import current
from .render import respond, url_with, wanted_format

bp = Blueprint("search", __name__)
SORT_LABELS = {"relevance": "相关度", "date": "日期", "amount": "金额", "document": "文件顺序"}


def _number(name: str, kind=float, default=None):
    value = request.args.get(name, "").strip()
    if value == "":
        return default
    try:
        return kind(value)
    except ValueError:
        abort(400, f"参数 {name} 须为数字。")


def search_request(limit_default: int = 10) -> SearchRequest:
    """A :class:`SearchRequest` from the URL's query arguments (400 on nonsense)."""
    filters = {key: request.args.getlist(key) for key in FILTERS if request.args.getlist(key)}
    return SearchRequest(
        q=request.args.get("q", ""), filters=filters,
        min_amount=_number("min_amount"), max_amount=_number("max_amount"),
        sort=request.args.get("sort", "relevance"), page=_number("page", int, 1),
        limit=_number("limit", int, limit_default), expand=request.args.get("expand", "1") != "0",
    )


def _run(req: SearchRequest) -> dict:
    try:
        return current().searcher.search(req)
    except SearchError as exc:
        abort(400, str(exc))


def all_hits(req: SearchRequest) -> list[dict]:
    """Every hit of ``req`` up to the export limit (pages of 100)."""
    hits, page = [], 1
    limit = current_app.config["EXPORT_LIMIT"]
    while len(hits) < limit:
        req.page, req.limit = page, 100
        result = _run(req)
        hits += result["hits"]
        if page >= result["pages"]:
            break
        page += 1
    return hits[:limit]


@bp.route("/search")
def search():
    req = search_request()
    export_all = wanted_format() == "csv" or request.args.get("all") == "1"
    result = _run(req)
    if export_all:
        result["hits"] = all_hits(search_request())
    dataset = current()
    for hit in result["hits"]:
        provision = dataset.provision(hit["id"]) or {}
        hit["title"] = dataset.documents_by_id.get(hit["doc"], {}).get("title", "")
        hit["units"] = [{"name": u["name"], "role": u["role"], "type": u["type"]} for u in provision.get("units", [])]
        hit["amounts"] = [a["text"] for a in provision.get("amounts", []) if a["quantity"] == "money"]
    facets = []
    for key, (_, label) in FACETS.items():
        values = []
        for value in result["facets"][key]:
            chosen = request.args.getlist(key)
            toggled = [v for v in chosen if v != value["value"]] if value["selected"] else chosen + [value["value"]]
            values.append(dict(value, toggle_url=url_with(**{key: toggled, "page": None})))
        facets.append({"key": key, "label": label, "values": values})
    data = dict(result, facets_list=facets, sort_labels=SORT_LABELS)
    if wanted_format() == "json":
        del data["facets_list"]  # the JSON already has "facets"
    if wanted_format() == "html":
        for hit in data["hits"]:
            hit["snippet_html"] = Markup(hit["snippet"])  # built escaped by search.snippets

    def table():
        header = ["rank", "id", "region", "label", "section", "title", "score", "lead_units", "amounts", "snippet"]
        rows = [[h["rank"], h["id"], h["region"], h["label"], h["section"], h["title"], h["score"], h["leads"],
                 "、".join(h["amounts"]), h["snippet"].replace("<mark>", "").replace("</mark>", "")]
                for h in data["hits"]]
        return header, rows

    return respond("search.html", data, csv_table=table)
