"""Deterministic serialisation: the same input gives byte-identical output.

N-Triples are written line-sorted; Turtle and JSON-LD are made from a graph
loaded from those sorted lines, so their order does not depend on the order
in which the build added triples.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

from ontology.namespaces import PREFIXES

FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}


def sorted_ntriples(graph: Graph) -> str:
    """The graph as N-Triples, one triple a line, lines sorted."""
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted(set(line for line in text.splitlines() if line.strip()))
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r"))


def nt_term(term) -> str:
    """One RDF term in N-Triples syntax (IRIs, literals with language or datatype)."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        lexical = f'"{_escape(str(term))}"'
        if term.language:
            return f"{lexical}@{term.language}"
        if term.datatype and str(term.datatype) != XSD_STRING:
            return f"{lexical}^^<{term.datatype}>"
        return lexical
    return term.n3()


class LineSink:
    """Collects triples as N-Triples lines; has the ``add`` of an rdflib graph, nothing more."""

    def __init__(self):
        self.lines: set[str] = set()

    def add(self, triple) -> None:
        s, p, o = triple
        self.lines.add(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .")


def write_sorted_ntriples(graph, path: Path) -> int:
    """Write a graph (or an iterable of small graphs) to ``path`` as sorted N-Triples.

    Returns the number of distinct triples. Pieces are serialised one by one, so
    only the lines, not an rdflib graph of everything, are held in memory.
    """
    batches = [graph] if isinstance(graph, (Graph, LineSink)) else graph
    lines: set[str] = set()
    for batch in batches:
        if isinstance(batch, LineSink):
            lines |= batch.lines
            continue
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
