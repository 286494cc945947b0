"""Deterministic serialisation: the same input gives byte-identical output.

N-Triples are written line-sorted; Turtle and JSON-LD are made from a graph
loaded from those sorted lines, so their order does not depend on the order
in which the build added triples.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from ontology.namespaces import PREFIXES

FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}


def sorted_ntriples(graph: Graph) -> str:
    """The graph as N-Triples, one triple a line, lines sorted."""
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted(set(line for line in text.splitlines() if line.strip()))
    return "\n".join(lines) + "\n"


def write_sorted_ntriples(graph, path: Path) -> int:
    """Write a graph (or an iterable of small graphs) to ``path`` as sorted N-Triples.

    Returns the number of distinct triples. Pieces are serialised one by one, so
    only the lines, not an rdflib graph of everything, are held in memory.
    """
    batches = [graph] if isinstance(graph, Graph) else graph
    lines: set[str] = set()
    for batch in batches:
        text = batch.serialize(format="nt", encoding="utf-8").decode("utf-8")
        lines.update(line for line in text.split("\n") if line.strip())
    ordered = sorted(lines)
    with open(path, "w", encoding="utf-8") as out:
        for line in ordered:
            out.write(line)
            out.write("\n")
    return len(ordered)


def load_graph(path: Path) -> Graph:
    """Parse a build's ``graph.nt`` into an in-memory graph with the project's prefixes bound."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.parse(path, format="nt")
    return graph


def serialize(graph: Graph, fmt: str) -> str:
    """``graph`` as ``ttl``, ``nt`` or ``jsonld`` text, deterministically."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "nt":
        return sorted_ntriples(graph)
    canonical = Graph()
    for prefix, namespace in graph.namespaces():
        canonical.bind(prefix, namespace)
    canonical.parse(data=sorted_ntriples(graph), format="nt")
    kwargs = {"auto_compact": True} if fmt == "jsonld" else {}
    return canonical.serialize(format=FORMATS[fmt], **kwargs)
