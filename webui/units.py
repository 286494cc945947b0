"""``/units`` and ``/unit/<type>`` — unit types per place, the co-responsibility network, chains."""
from __future__ import annotations

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
        entry = table.setdefault(slug, {"type_id": slug, "label": row["type_label"], "total": 0, "lead": 0,
                                        "regions": {r: {"provisions": 0, "lead": 0} for r in regions}})
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


@bp.route("/unit/<type_id>")
def unit(type_id: str):
    dataset = current()
    vocab = unit_vocabulary()
    if type_id not in vocab.types:
        abort(404, f"没有这种单位类型：{type_id}。")
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
        if role == "lead":
            chains.append(provision_chain(provision, document))
    unit_type = vocab.types[type_id]
    data = {
        "type_id": type_id, "label": unit_type.label, "label_en": unit_type.label_en,
        "aliases": sorted(unit_type.aliases),
        "units": {region: sorted(labels) for region, labels in sorted(concrete.items())},
        "regions": sorted(per_region.values(), key=lambda r: r["region"]),
        "chains": chains,
    }
    return respond("unit.html", data)
