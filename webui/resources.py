"""Every IRI of the graph resolves: ``/id/…``, ``/vocab/…``, ``/ontology``.

HTML by default (the resource's statements, with links, and a link to its
dedicated page where there is one); Turtle or JSON-LD by content negotiation
(``Accept: text/turtle`` / ``application/ld+json``) or by suffix (``.ttl``,
``.jsonld``); ``.json`` gives the same statements as plain JSON.
"""
from __future__ import annotations

from flask import Blueprint, Response, abort, redirect, request, url_for
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from ontology.namespaces import DEFAULT_BASE, PREFIXES

from .data import current
from .render import respond, wanted_format

bp = Blueprint("resources", __name__)


MAX_INCOMING = 200


def describe(graph: Graph, iri: URIRef) -> Graph:
    """The statements about ``iri`` (as subject) plus up to :data:`MAX_INCOMING` pointing at it."""
    out = Graph()
    for prefix, namespace in PREFIXES.items():
        out.bind(prefix, namespace)
    for triple in graph.triples((iri, None, None)):
        out.add(triple)
    for count, triple in enumerate(graph.triples((None, None, iri))):
        if count >= MAX_INCOMING:
            break
        out.add(triple)
    return out


def _local(node) -> str | None:
    """The local path (/id/…, /vocab/…) of a node of this graph, if it has one."""
    text = str(node)
    if isinstance(node, URIRef) and text.startswith(DEFAULT_BASE):
        rest = text[len(DEFAULT_BASE):]
        if rest.startswith(("id/", "vocab/")):
            return "/" + rest
        if rest.startswith("ontology#"):
            return "/ontology?term=" + rest.split("#", 1)[1]
        if rest == "ontology":
            return "/ontology"
    return None


def _label(graph: Graph, node) -> str:
    for predicate in (SKOS.prefLabel, RDFS.label):
        for value in graph.objects(node, predicate):
            if isinstance(value, Literal) and value.language in (None, "zh"):
                return str(value)
    return graph.namespace_manager.normalizeUri(node) if isinstance(node, URIRef) else str(node)


def _page(path: str) -> str | None:
    """The dedicated page of a document, provision or unit type."""
    parts = path.split("/")
    if parts[:2] == ["id", "doc"] and len(parts) == 3:
        return url_for("documents.document", doc_id=parts[2])
    if parts[:2] == ["id", "doc"] and len(parts) == 4:
        return url_for("documents.provision", doc_id=parts[2], key=parts[3])
    if parts[:2] == ["vocab", "unit-type"] and len(parts) == 3:
        return url_for("units.unit", type_id=parts[2])
    return None


def _serve(iri: URIRef, path: str):
    graph = current().graph
    described = describe(graph, iri)
    if not len(described):
        abort(404, f"图谱中没有这个 IRI：{iri}")
    fmt = wanted_format()
    if fmt == "html":
        best = request.accept_mimetypes.best_match(["text/html", "text/turtle", "application/ld+json"],
                                                   default="text/html")
        fmt = {"text/turtle": "ttl", "application/ld+json": "jsonld"}.get(best, "html")
    if fmt == "ttl":
        return Response(described.serialize(format="turtle"), mimetype="text/turtle")
    if fmt == "jsonld":
        return Response(described.serialize(format="json-ld", auto_compact=True), mimetype="application/ld+json")
    statements = []
    for s, p, o in sorted(described, key=lambda t: (t[0] != iri, str(t[1]), str(t[2]))):
        statements.append({
            "subject": str(s), "subject_label": _label(graph, s), "subject_link": _local(s),
            "predicate": str(p), "predicate_label": described.namespace_manager.normalizeUri(p),
            "object": str(o), "object_label": _label(graph, o) if not isinstance(o, Literal) else str(o),
            "object_link": _local(o), "literal": isinstance(o, Literal),
            "language": o.language if isinstance(o, Literal) else None,
            "incoming": s != iri, "blank": isinstance(o, BNode),
        })
    data = {"iri": str(iri), "label": _label(graph, iri), "page": _page(path), "statements": statements}
    return respond("resource.html", data)


@bp.route("/id/<path:path>")
def resource(path: str):
    return _serve(URIRef(DEFAULT_BASE + "id/" + path), "id/" + path)


@bp.route("/vocab/<path:path>")
def vocabulary_term(path: str):
    return _serve(URIRef(DEFAULT_BASE + "vocab/" + path), "vocab/" + path)


@bp.route("/ontology")
def ontology_page():
    term = request.args.get("term")
    if term:
        return _serve(URIRef(DEFAULT_BASE + "ontology#" + term), "ontology")
    return _serve(URIRef(DEFAULT_BASE + "ontology"), "ontology")


@bp.route("/ontology/<term>")
def ontology_term(term: str):
    return redirect(url_for("resources.ontology_page", term=term))
