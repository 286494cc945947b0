"""Named SPARQL queries: the examples in README, used by the web UI's SPARQL form.

Building a query (:data:`EXAMPLES`, :func:`prefixes`) is separate from running it
(:func:`run`), so queries are testable without a server.
"""
from __future__ import annotations

from rdflib import Graph

from ontology.namespaces import PREFIXES


def prefixes() -> str:
    """``PREFIX`` lines for every namespace the graph uses."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in sorted(PREFIXES.items()))


EXAMPLES = {
    "loan-cap-per-city": {
        "title": "各地个人创业担保贷款额度上限 · Personal 创业担保贷款 cap per city",
        "query": """SELECT ?region ?cap ?previous ?text ?provision WHERE {
  ?measure pkg:instrument ins:guarantee-loan ;
           pkg:hasAmount ?amount ;
           pkg:ofProvision ?provision .
  ?amount a schema:MonetaryAmount ;
          pkg:amountKind pkg:Cap ;
          schema:value ?cap ;
          pkg:sourceText ?text .
  ?provision pkg:inDocument ?doc .
  ?doc pkg:region ?region .
  FILTER NOT EXISTS { ?amount pkg:subject ?subject FILTER (?subject != "个人") }
  FILTER NOT EXISTS { ?amount pkg:perUnit ?per FILTER (?per != "人") }
  OPTIONAL { ?amount pkg:previousValue ?previous }
}
ORDER BY ?region ?cap""",
    },
    "veterans-measures-per-city": {
        "title": "各地面向退役军人的措施 · Measures for 退役军人 per city",
        "query": """SELECT ?region (COUNT(DISTINCT ?measure) AS ?measures) (GROUP_CONCAT(DISTINCT ?group; separator="、") AS ?groups)
WHERE {
  ?g skos:broader* tg:veterans ;
     skos:prefLabel ?group .
  FILTER (lang(?group) = "zh")
  ?measure pkg:targetGroup ?g ;
           pkg:ofProvision/pkg:inDocument ?doc .
  ?doc pkg:region ?region .
}
GROUP BY ?region
ORDER BY ?region""",
    },
    "led-by-hr-per-city": {
        "title": "各地由人社部门牵头的措施 · Measures led by 人社局 per city",
        "query": """SELECT ?region ?unit (COUNT(DISTINCT ?measure) AS ?measures) WHERE {
  ?measure a pkg:Measure ;
           pkg:leadUnit ?lead .
  ?lead org:classification ut:human-resources ;
        skos:prefLabel ?unit ;
        org:subOrganizationOf ?gov .
  ?gov pkg:region ?region .
}
GROUP BY ?region ?unit
ORDER BY ?region""",
    },
}


def example_query(name: str) -> str:
    """The full text (with prefixes) of example ``name``."""
    return prefixes() + EXAMPLES[name]["query"]


def run(graph: Graph, query: str) -> list[dict]:
    """Run a SELECT query; rows as ``{variable: python value or None}``."""
    result = graph.query(query)
    rows = []
    for row in result:
        rows.append({str(var): (row[var].toPython() if row[var] is not None else None) for var in result.vars})
    return rows
