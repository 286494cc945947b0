"""``/doc/<id>``, ``/doc/<id>/source`` and ``/provision/<doc>/<n>`` — documents and provisions."""
from __future__ import annotations

from flask import Blueprint, abort, request

from corpus.amounts import describe_amount

from .data import current
from .render import highlight, respond, wanted_format

bp = Blueprint("documents", __name__)


def _document(doc_id: str) -> dict:
    document = current().documents_by_id.get(doc_id)
    if document is None:
        abort(404, f"没有编号为 {doc_id} 的文件。")
    return document


def marked_text(provision: dict):
    """A provision's text with its amounts and in-text unit names marked (HTML)."""
    spans = [(a["at"][0], a["at"][1], "amount", f"a-{a['start']}", describe_amount(a))
             for a in provision["amounts"] if a.get("at")]
    spans += [(u["at"][0], u["at"][1], f"unit {u['role']}", None, f"{u['label']} · {u['type']}")
              for u in provision["units"] if u.get("at")]
    return highlight(provision["text"], spans)


def provision_view(provision: dict, dataset) -> dict:
    """What a provision page shows (and its JSON twin returns)."""
    document = dataset.documents_by_id[provision["doc"]]
    key = provision["id"].split("/", 1)[1]
    iri = str(dataset.iris.provision(provision["id"]))
    measures = []
    for number, measure in enumerate(provision["measures"], start=1):
        amounts = [dict(provision["amounts"][i], reading=describe_amount(provision["amounts"][i]))
                   for i in measure["amounts"]]
        measures.append(dict({k: v for k, v in measure.items() if k not in ("amounts",)}, number=number,
                             amounts=amounts, iri=f"{iri}/measure/{number}"))
    return {
        "provision": {k: v for k, v in provision.items() if k != "clauses"},
        "key": key,
        "iri": iri,
        "document": {k: document.get(k) for k in ("id", "title", "region", "province", "level", "date", "number")},
        "measures": measures,
        "amounts": [dict(a, reading=describe_amount(a)) for a in provision["amounts"]],
        "clauses": [{k: c[k] for k in ("text", "kind", "start", "end")} for c in provision["clauses"]],
        "units_by_role": {role: [u for u in provision["units"] if u["role"] == role]
                          for role in ("lead", "cooperating", "responsible")},
    }


@bp.route("/doc/<doc_id>")
def document(doc_id: str):
    dataset = current()
    document = _document(doc_id)
    provisions = dataset.doc_provisions(doc_id)
    sections = []
    for provision in provisions:
        if not sections or sections[-1]["heading"] != provision["section"]:
            sections.append({"heading": provision["section"], "provisions": []})
        entry = {k: provision[k] for k in ("id", "item", "sub", "label", "text", "start", "end", "units",
                                          "target_groups", "instruments")}
        entry["amounts"] = [dict(a, reading=describe_amount(a)) for a in provision["amounts"]]
        entry["key"] = provision["id"].split("/", 1)[1]
        if wanted_format() == "html":
            entry["html"] = marked_text(provision)
        sections[-1]["provisions"].append(entry)
    data = {"document": document, "sections": sections, "provision_count": len(provisions),
            "iri": str(dataset.iris.doc(doc_id))}
    return respond("document.html", data)


@bp.route("/doc/<doc_id>/source")
def source(doc_id: str):
    """The original text, with the characters ``start``–``end`` highlighted."""
    _document(doc_id)
    raw = current().raw_text(doc_id)
    try:
        start = int(request.args.get("start", 0))
        end = int(request.args.get("end", start))
    except ValueError:
        abort(400, "start 和 end 须为整数。")
    if not 0 <= start <= end <= len(raw):
        abort(400, f"偏移须在 0 到 {len(raw)} 之间，且 start ≤ end。")
    data = {"doc": doc_id, "start": start, "end": end, "length": len(raw), "excerpt": raw[start:end]}
    if wanted_format() == "html":
        data["html"] = highlight(raw, [(start, end, "amount", "hl")] if end > start else [])
    return respond("source.html", data)


@bp.route("/provision/<doc_id>/<key>")
def provision(doc_id: str, key: str):
    dataset = current()
    _document(doc_id)
    record = dataset.provision(f"{doc_id}/{key}")
    if record is None:
        abort(404, f"文件 {doc_id} 中没有条款 {key}。")
    data = provision_view(record, dataset)
    if wanted_format() == "html":
        data["html"] = marked_text(record)
    return respond("provision.html", data)
