"""``/units`` and ``/unit/<type>`` — unit types per place, the co-responsibility network, chains."""
from __future__ import annotations

import math
from collections import defaultdict

from flask import Blueprint, abort, request

from corpus.units import unit_vocabulary
from kg.network import provision_chain, top_pairs

from .data import current
from .render import respond

bp = Blueprint("units", __name__)


@bp.route("/units")
def units():
    dataset = current()
    rows, network = dataset.responsibility_network()
    regions = [d["region"] for d in dataset.documents]
    table: dict[str, dict] = {}
    for row in rows:
        slug = row["type"].rsplit("/", 1)[1]
        if slug not in table:  # (not setdefault: its default, one dict per place, would be built for every row)
            table[slug] = {"type_id": slug, "label": row["type_label"], "total": 0, "lead": 0,
                           "regions": {r: {"provisions": 0, "lead": 0} for r in regions}}
        entry = table[slug]
        entry["total"] += 1
        entry["lead"] += row["role"] == "lead"
        entry["regions"][row["region"]]["provisions"] += 1
        entry["regions"][row["region"]]["lead"] += row["role"] == "lead"
    try:
        min_weight = max(1, int(request.args.get("min_weight", 5)))
    except ValueError:
        abort(400, "min_weight 须为整数。")
    nodes = [{"id": n.rsplit("/", 1)[1], "label": d["label"], "total": d["total"], "lead": d["lead"]}
             for n, d in network.nodes(data=True)]
    edges = [{"source": a.rsplit("/", 1)[1], "target": b.rsplit("/", 1)[1], "weight": w}
             for a, b, w in network.edges(data="weight") if w >= min_weight]
    data = {
        "regions": regions,
        "types": sorted(table.values(), key=lambda t: (-t["total"], t["label"])),
        "network": {"nodes": nodes, "edges": sorted(edges, key=lambda e: (-e["weight"], e["source"], e["target"])),
                    "min_weight": min_weight},
        "pairs": [{"a": a, "b": b, "provisions": w} for a, b, w in top_pairs(network, 25)],
    }
    return respond("units.html", data, csv_table=lambda: (
        ["type", "total", "lead"] + [f"{r} provisions" for r in regions] + [f"{r} lead" for r in regions],
        [[t["label"], t["total"], t["lead"]] + [t["regions"][r]["provisions"] for r in regions] +
         [t["regions"][r]["lead"] for r in regions] for t in data["types"]]))


CHAINS_PER_PAGE = 50


@bp.route("/unit/<type_id>")
def unit(type_id: str):
    """Where a unit type leads, co-operates or is responsible, per place; its responsibility
    chains, 50 a page (``page``), optionally of one place (``region``)."""
    dataset = current()
    vocab = unit_vocabulary()
    if type_id not in vocab.types:
        abort(404, f"没有这种单位类型：{type_id}。")
    try:
        page = int(request.args.get("page", 1))
    except ValueError:
        abort(400, "page 须为正整数。")
    if page < 1:
        abort(400, "page 须为正整数。")
    only_region = request.args.get("region") or None
    per_region: dict[str, dict] = {}
    chains = []
    concrete = defaultdict(set)
    for provision in dataset.all_provisions():
        document = dataset.documents_by_id[provision["doc"]]
        roles = {u["role"] for u in provision["units"] if u["type_id"] == type_id}
        if not roles:
            continue
        for u in provision["units"]:
            if u["type_id"] == type_id:
                concrete[document["region"]].add(u["label"])
        role = "lead" if "lead" in roles else ("responsible" if "responsible" in roles else "cooperating")
        region = per_region.setdefault(document["region"], {"region": document["region"], "doc": document["id"],
                                                             "lead": [], "cooperating": [], "responsible": []})
        region[role].append({"provision": provision["id"], "label": provision["label"],
                             "measures": len(provision["measures"]),
                             "text": provision["text"][:80] + ("…" if len(provision["text"]) > 80 else "")})
        if role == "lead" and only_region in (None, document["region"]):
            chains.append(provision)
    pages = max(1, math.ceil(len(chains) / CHAINS_PER_PAGE))
    if page > pages:
        abort(404, f"没有第 {page} 页（共 {pages} 页）。")
    shown = chains[(page - 1) * CHAINS_PER_PAGE:page * CHAINS_PER_PAGE]
    unit_type = vocab.types[type_id]
    data = {
        "type_id": type_id, "label": unit_type.label, "label_en": unit_type.label_en,
        "aliases": sorted(unit_type.aliases),
        "units": {region: sorted(labels) for region, labels in sorted(concrete.items())},
        "regions": sorted(per_region.values(), key=lambda r: r["region"]),
        "region": only_region, "chains_total": len(chains), "page": page, "pages": pages,
        "chains": [provision_chain(p, dataset.documents_by_id[p["doc"]]) for p in shown],
    }
    return respond("unit.html", data)
