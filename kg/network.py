"""The responsibility network, with networkx, from the RDF graph.

* :func:`responsibilities` — every (provision, unit, role) triple of the graph;
* :func:`co_responsibility` — units (or unit types) linked when they share a
  provision, weighted by how many they share;
* :func:`measures_by_type` — for a unit type, the measures it leads or
  co-operates on, per place;
* :func:`chain` — document → provision → measure → lead → co-operating units →
  target groups, for one provision.
"""
from __future__ import annotations

import itertools
from collections import defaultdict

import networkx as nx
from rdflib import Graph, URIRef

from .queries import prefixes

_RESPONSIBILITIES = prefixes() + """
SELECT ?provision ?doc ?region ?unit ?unitLabel ?type ?typeLabel ?role WHERE {
  ?provision pkg:hasResponsibility ?r ; pkg:inDocument ?doc .
  ?doc pkg:region ?region .
  ?r pkg:unit ?unit ; pkg:role ?roleNode .
  ?roleNode skos:notation ?role .
  ?unit skos:prefLabel ?unitLabel ; org:classification ?type .
  ?type skos:prefLabel ?typeLabel . FILTER (lang(?typeLabel) = "zh")
}"""


def responsibilities(graph: Graph) -> list[dict]:
    """Rows ``{provision, doc, region, unit, unit_label, type, type_label, role}`` (strings)."""
    rows = []
    for row in graph.query(_RESPONSIBILITIES):
        rows.append({
            "provision": str(row.provision), "doc": str(row.doc), "region": str(row.region),
            "unit": str(row.unit), "unit_label": str(row.unitLabel), "type": str(row.type),
            "type_label": str(row.typeLabel), "role": str(row.role),
        })
    rows.sort(key=lambda r: (r["provision"], r["unit"]))
    return rows


def co_responsibility(rows: list[dict], by: str = "type") -> nx.Graph:
    """Units (``by="unit"``) or unit types (``by="type"``) joined when named in the same provision.

    Node attributes: ``label``, ``lead`` (provisions led), ``total`` (provisions
    named in); edge attribute ``weight`` (provisions shared).
    """
    key, label = ("unit", "unit_label") if by == "unit" else ("type", "type_label")
    network = nx.Graph()
    by_provision: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        node = row[key]
        if node not in network:
            network.add_node(node, label=row[label], lead=0, total=0, regions=set())
        data = network.nodes[node]
        data["total"] += 1
        data["lead"] += row["role"] == "lead"
        data["regions"].add(row["region"])
        by_provision[row["provision"]].add(node)
    for nodes in by_provision.values():
        for a, b in itertools.combinations(sorted(nodes), 2):
            weight = network.edges[a, b]["weight"] + 1 if network.has_edge(a, b) else 1
            network.add_edge(a, b, weight=weight)
    for _, data in network.nodes(data=True):
        data["regions"] = sorted(data["regions"])
    return network


def top_pairs(network: nx.Graph, limit: int = 10) -> list[tuple[str, str, int]]:
    """The ``limit`` pairs that most often share a provision: ``(label, label, provisions)``."""
    edges = sorted(network.edges(data="weight"), key=lambda e: (-e[2], network.nodes[e[0]]["label"],
                                                                 network.nodes[e[1]]["label"]))
    return [(network.nodes[a]["label"], network.nodes[b]["label"], w) for a, b, w in edges[:limit]]


_MEASURES_OF_TYPE = prefixes() + """
SELECT ?region ?measure ?provision ?text ?role ?unitLabel WHERE {
  ?measure pkg:ofProvision ?provision ; pkg:sourceText ?text .
  ?provision pkg:hasResponsibility ?r ; pkg:inDocument/pkg:region ?region .
  ?r pkg:unit ?unit ; pkg:role/skos:notation ?role .
  ?unit org:classification ?type ; skos:prefLabel ?unitLabel .
}"""


def measures_by_type(graph: Graph, type_iri: str) -> dict[str, list[dict]]:
    """``{region: [{measure, provision, text, role, unit}]}`` for unit type ``type_iri``."""
    out: dict[str, list[dict]] = defaultdict(list)
    for row in graph.query(_MEASURES_OF_TYPE, initBindings={"type": URIRef(type_iri)}):
        out[str(row.region)].append({"measure": str(row.measure), "provision": str(row.provision),
                                     "text": str(row.text), "role": str(row.role), "unit": str(row.unitLabel)})
    return {region: sorted(items, key=lambda i: (i["provision"], i["measure"])) for region, items in sorted(out.items())}


_CHAIN = prefixes() + """
SELECT ?doc ?title ?measure ?text ?role ?unitLabel ?group WHERE {
  ?provision pkg:inDocument ?doc . ?doc eli:title ?title .
  OPTIONAL { ?provision pkg:hasResponsibility ?r . ?r pkg:unit/skos:prefLabel ?unitLabel ; pkg:role/skos:notation ?role . }
  OPTIONAL { ?provision pkg:hasMeasure ?measure . ?measure pkg:sourceText ?text .
             OPTIONAL { ?measure pkg:targetGroup/skos:prefLabel ?group . FILTER (lang(?group) = "zh") } }
}"""


def chain(graph: Graph, provision_iri: str) -> dict:
    """Document → provision → measures → lead → co-operating units → target groups."""
    result = {"provision": provision_iri, "document": None, "title": None, "lead": [], "cooperating": [],
              "responsible": [], "measures": {}}
    for row in graph.query(_CHAIN, initBindings={"provision": URIRef(provision_iri)}):
        result["document"], result["title"] = str(row.doc), str(row.title)
        if row.role is not None and str(row.unitLabel) not in result[str(row.role)]:
            result[str(row.role)].append(str(row.unitLabel))
        if row.measure is not None:
            measure = result["measures"].setdefault(str(row.measure), {"text": str(row.text), "target_groups": []})
            if row.group is not None and str(row.group) not in measure["target_groups"]:
                measure["target_groups"].append(str(row.group))
    for key in ("lead", "cooperating", "responsible"):
        result[key].sort()
    result["measures"] = [dict(iri=k, **v) for k, v in sorted(result["measures"].items())]
    return result


def responsibilities_from_records(provisions: list[dict], documents: list[dict]) -> list[dict]:
    """The rows of :func:`responsibilities`, made from a build's records instead of the graph.

    Same shape and order, without parsing the graph: the web UI uses this.
    """
    from ontology.namespaces import UT

    from .graph import Iris

    iris = Iris()
    regions = {d["id"]: d["region"] for d in documents}
    types = {}
    rows = []
    for provision in provisions:
        for unit in provision["units"]:
            if unit["type_id"] not in types:
                types[unit["type_id"]] = unit["type"]
            rows.append({
                "provision": str(iris.provision(provision["id"])), "doc": str(iris.doc(provision["doc"])),
                "region": regions[provision["doc"]], "unit": str(iris.unit(unit["unit"])),
                "unit_label": unit["label"], "type": str(UT[unit["type_id"]]), "type_label": unit["type"],
                "role": unit["role"],
            })
    rows.sort(key=lambda r: (r["provision"], r["unit"]))
    return rows


def provision_chain(provision: dict, document: dict) -> dict:
    """Document → provision → measures → lead → co-operating units → target groups, from records."""
    units = provision["units"]
    return {
        "document": document["id"], "title": document["title"], "region": document["region"],
        "provision": provision["id"], "label": provision["label"],
        "lead": [u["label"] for u in units if u["role"] == "lead"],
        "cooperating": [u["label"] for u in units if u["role"] == "cooperating"],
        "responsible": [u["label"] for u in units if u["role"] == "responsible"],
        "measures": [{"number": n, "text": m["text"], "instruments": m["instruments"],
                      "target_groups": m["target_groups"]} for n, m in enumerate(provision["measures"], start=1)],
    }
