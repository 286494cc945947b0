"""Build the RDF knowledge graph from the corpus stage's records.

Input: the records a build wrote (documents, provisions, units); output: an
rdflib :class:`~rdflib.Graph` with the ontology and vocabularies, documents
(ELI), units (ORG), measures, responsibilities and amounts (schema.org), each
fact with its source text and character offsets in the original document.

IRIs (``base`` defaults to ``https://w3id.org/policykg/``; the web UI answers
every ``/id/…`` path)::

    id/doc/luoyang                  eli:LegalResource
    id/doc/luoyang/section/3        pkg:Section
    id/doc/luoyang/7                pkg:Provision (hualong/3-2 for a part)
    id/doc/luoyang/7/measure/1      pkg:Measure
    id/doc/luoyang/7/amount/2       schema:MonetaryAmount or schema:QuantitativeValue
    id/doc/luoyang/7/unit/1         pkg:Responsibility
    id/unit/洛阳市/finance          org:Organization
    id/gov/洛阳市                   pkg:Government
    id/cited/国发〔2017〕28号        eli:LegalResource (a cited document)
"""
from __future__ import annotations

import re
from decimal import Decimal
from urllib.parse import quote

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

import ontology
from ontology.namespaces import DEFAULT_BASE, ELI, INS, ORG, PKG, PREFIXES, SCHEMA, TG, TP, UT
from corpus.concepts import concept_index

ROLES = {"lead": PKG.Lead, "cooperating": PKG.Cooperating, "responsible": PKG.Responsible}
ROLE_SHORTCUT = {"lead": PKG.leadUnit, "cooperating": PKG.cooperatingUnit, "responsible": PKG.responsibleUnit}
KINDS = {"cap": PKG.Cap, "floor": PKG.Floor, "exact": PKG.Exact, "range": PKG.Range}


def segment(text: str) -> str:
    """An IRI path segment: Chinese kept as is, reserved ASCII percent-encoded."""
    return "".join(ch if ord(ch) > 127 or ch.isalnum() or ch in "-_.~/" else quote(ch) for ch in text)


class Iris:
    """IRIs of the graph's nodes under one ``base``."""

    def __init__(self, base: str = DEFAULT_BASE):
        self.base = base if base.endswith("/") else base + "/"

    def doc(self, doc: str) -> URIRef:
        return URIRef(f"{self.base}id/doc/{segment(doc)}")

    def section(self, doc: str, number: int) -> URIRef:
        return URIRef(f"{self.doc(doc)}/section/{number}")

    def provision(self, provision_id: str) -> URIRef:
        return URIRef(f"{self.base}id/doc/{segment(provision_id)}")

    def unit(self, key: str) -> URIRef:
        return URIRef(f"{self.base}id/unit/{segment(key)}")

    def government(self, key: str) -> URIRef:
        return URIRef(f"{self.base}id/gov/{segment(key)}")

    def cited(self, number: str) -> URIRef:
        return URIRef(f"{self.base}id/cited/{segment(number)}")


def _date(value: str | None) -> Literal | None:
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    return None


def _number(value) -> Literal:
    return Literal(Decimal(str(value)), datatype=XSD.decimal)


def vocabulary_graph() -> Graph:
    """The ontology and every SKOS vocabulary in one graph."""
    graph = Graph()
    graph.parse(ontology.HERE / "policykg.ttl", format="turtle")
    for name in ontology.vocabulary_names():
        graph += ontology.load_vocabulary(name)
    return graph


def graph_batches(documents: list[dict], provisions, units: list[dict], base: str = DEFAULT_BASE,
                  include_vocabularies: bool = True, sink=Graph):
    """The knowledge graph in pieces: the vocabularies, then the documents, the units and
    one piece per provision — so a large build never holds one graph of everything.

    ``sink`` makes each piece: an rdflib ``Graph``, or ``kg.serialize.LineSink``,
    which keeps N-Triples lines only (the build's fast path).
    """
    iris = Iris(base)
    if include_vocabularies:
        yield vocabulary_graph()
    governments = {}
    batch = sink()
    for document in documents:
        _add_document(batch, iris, document, governments)
    for unit in units:
        _add_unit(batch, iris, unit, governments)
    yield batch
    for provision in provisions:
        piece = sink()
        _add_provision(piece, iris, provision)
        yield piece


def build_graph(documents: list[dict], provisions: list[dict], units: list[dict],
                base: str = DEFAULT_BASE, include_vocabularies: bool = True) -> Graph:
    """The knowledge graph of a build's records, in memory (see module docstring)."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.bind("id", Iris(base).base + "id/")
    for batch in graph_batches(documents, provisions, units, base, include_vocabularies):
        graph += batch
    return graph


def _government_key(document: dict) -> str:
    from corpus.document import government_of

    return government_of(document).key


def _add_document(graph: Graph, iris: Iris, document: dict, governments: dict) -> None:
    doc = iris.doc(document["id"])
    key = _government_key(document)
    gov = iris.government(key)
    governments[key] = gov
    graph.add((gov, RDF.type, PKG.Government))
    graph.add((gov, RDF.type, ORG.Organization))
    graph.add((gov, SKOS.prefLabel, Literal(document["government"], lang="zh")))
    graph.add((gov, PKG.region, Literal(document["region"])))
    graph.add((gov, PKG.level, Literal(document["level"])))
    if document.get("province"):
        graph.add((gov, PKG.province, Literal(document["province"])))
    if document.get("parent"):
        graph.add((gov, PKG.parentRegion, Literal(document["parent"])))
    graph.add((doc, RDF.type, ELI.LegalResource))
    graph.add((doc, ELI.title, Literal(document["title"], lang="zh")))
    graph.add((doc, RDFS.label, Literal(document["title"], lang="zh")))
    graph.add((doc, ELI.passed_by, gov))
    graph.add((doc, DCTERMS.identifier, Literal(document["id"])))
    for prop, key_name in ((PKG.region, "region"), (PKG.province, "province"), (PKG.parentRegion, "parent"),
                           (PKG.level, "level"), (PKG.layout, "layout")):
        if document.get(key_name):
            graph.add((doc, prop, Literal(document[key_name])))
    for number in [document.get("number")] + document.get("other_numbers", []):
        if number:
            graph.add((doc, ELI.number, Literal(number)))
    date = _date(document.get("date"))
    if date is not None:
        graph.add((doc, ELI.date_document, date))
    for cited in document["cites"]:
        target = iris.cited(cited["number"])
        graph.add((doc, ELI.cites, target))
        graph.add((target, RDF.type, ELI.LegalResource))
        graph.add((target, ELI.number, Literal(cited["number"])))
        graph.add((target, RDFS.label, Literal(cited["number"], lang="zh")))
        if cited.get("title"):
            graph.add((target, ELI.title, Literal(cited["title"], lang="zh")))
    for section in document["sections"]:
        node = iris.section(document["id"], section["number"])
        graph.add((node, RDF.type, PKG.Section))
        graph.add((node, RDF.type, ELI.LegalResourceSubdivision))
        graph.add((node, ELI.is_part_of, doc))
        graph.add((doc, ELI.has_part, node))
        graph.add((node, ELI.number, Literal(section["label"])))
        graph.add((node, ELI.title, Literal(section["heading"], lang="zh")))
        graph.add((node, RDFS.label, Literal(section["heading"], lang="zh")))
        graph.add((node, PKG.start, Literal(section["start"])))
        graph.add((node, PKG.end, Literal(section["end"])))


def _add_unit(graph: Graph, iris: Iris, unit: dict, governments: dict) -> None:
    node = iris.unit(unit["key"])
    graph.add((node, RDF.type, ORG.Organization))
    graph.add((node, SKOS.prefLabel, Literal(unit["label"], lang="zh")))
    graph.add((node, RDFS.label, Literal(unit["label"], lang="zh")))
    graph.add((node, ORG.subOrganizationOf, governments.get(unit["government"], iris.government(unit["government"]))))
    graph.add((node, ORG.classification, UT[unit["type_id"]]))
    for name in unit["names"]:
        graph.add((node, PKG.nameAsWritten, Literal(name)))


def _provenance(graph: Graph, node: URIRef, text: str, start: int, end: int) -> None:
    graph.add((node, PKG.sourceText, Literal(text)))
    graph.add((node, PKG.start, Literal(start)))
    graph.add((node, PKG.end, Literal(end)))


def _add_provision(graph: Graph, iris: Iris, provision: dict) -> None:
    node = iris.provision(provision["id"])
    doc = iris.doc(provision["doc"])
    graph.add((node, RDF.type, PKG.Provision))
    graph.add((node, RDF.type, ELI.LegalResourceSubdivision))
    graph.add((node, PKG.inDocument, doc))
    graph.add((doc, ELI.has_part, node))
    if provision["section_number"] is not None:
        section = iris.section(provision["doc"], provision["section_number"])
        graph.add((node, ELI.is_part_of, section))
        graph.add((section, ELI.has_part, node))
    else:
        graph.add((node, ELI.is_part_of, doc))
    if provision["label"]:
        graph.add((node, ELI.number, Literal(provision["label"])))
    graph.add((node, RDFS.label, Literal(f"{provision['id']} {provision['label']}".strip(), lang="zh")))
    graph.add((node, PKG.item, Literal(provision["item"])))
    graph.add((node, PKG.part, Literal(provision["sub"])))
    graph.add((node, PKG.numberInferred, Literal(provision["number_inferred"])))
    graph.add((node, PKG.text, Literal(provision["text"])))
    _provenance(graph, node, provision["text"], provision["start"], provision["end"])
    for topic in provision.get("topic_ids", []):
        graph.add((node, PKG.topic, TP[topic]))
    for index, unit in enumerate(provision["units"], start=1):
        resp = URIRef(f"{node}/unit/{index}")
        target = iris.unit(unit["unit"])
        graph.add((node, PKG.hasResponsibility, resp))
        graph.add((node, ROLE_SHORTCUT[unit["role"]], target))
        graph.add((resp, RDF.type, PKG.Responsibility))
        graph.add((resp, PKG.unit, target))
        graph.add((resp, PKG.role, ROLES[unit["role"]]))
        graph.add((resp, PKG.nameAsWritten, Literal(unit["name"])))
        graph.add((resp, PKG.start, Literal(unit["start"])))
        graph.add((resp, PKG.end, Literal(unit["end"])))
    amount_nodes = []
    for index, amount in enumerate(provision["amounts"], start=1):
        amount_node = URIRef(f"{node}/amount/{index}")
        amount_nodes.append(amount_node)
        _add_amount(graph, amount_node, amount)
    for index, measure in enumerate(provision["measures"], start=1):
        measure_node = URIRef(f"{node}/measure/{index}")
        graph.add((node, PKG.hasMeasure, measure_node))
        graph.add((measure_node, PKG.ofProvision, node))
        graph.add((measure_node, RDF.type, PKG.Measure))
        graph.add((measure_node, RDFS.label, Literal(f"{provision['id']} 措施{index}", lang="zh")))
        _provenance(graph, measure_node, measure["text"], measure["start"], measure["end"])
        for slug in measure["instrument_ids"]:
            graph.add((measure_node, PKG.instrument, INS[slug]))
        for slug in measure["target_group_ids"]:
            graph.add((measure_node, PKG.targetGroup, TG[slug]))
        for amount_index in measure["amounts"]:
            graph.add((measure_node, PKG.hasAmount, amount_nodes[amount_index]))
        for condition in measure["conditions"]:
            graph.add((measure_node, PKG.condition, Literal(condition["text"])))
        if measure.get("eligibility"):
            graph.add((measure_node, PKG.eligibility, Literal(measure["eligibility"]["text"])))
        if measure.get("duration"):
            graph.add((measure_node, PKG.duration, Literal(measure["duration"]["text"])))
        for unit in provision["units"]:
            graph.add((measure_node, ROLE_SHORTCUT[unit["role"]], iris.unit(unit["unit"])))


def _add_amount(graph: Graph, node: URIRef, amount: dict) -> None:
    money = amount["quantity"] == "money"
    graph.add((node, RDF.type, SCHEMA.MonetaryAmount if money else SCHEMA.QuantitativeValue))
    if money:
        graph.add((node, SCHEMA.currency, Literal("CNY")))
    else:
        graph.add((node, SCHEMA.unitText, Literal(amount["unit"])))
    graph.add((node, PKG.quantityKind, Literal(amount["quantity"])))
    graph.add((node, PKG.amountKind, KINDS[amount["kind"]]))
    if amount["value"] is not None:
        graph.add((node, SCHEMA.value, _number(amount["value"])))
    if amount["kind"] == "range":
        graph.add((node, SCHEMA.minValue, _number(amount["min"])))
        graph.add((node, SCHEMA.maxValue, _number(amount["max"])))
    elif amount["kind"] == "cap" and amount["value"] is not None:
        graph.add((node, SCHEMA.maxValue, _number(amount["value"])))
    elif amount["kind"] == "floor" and amount["value"] is not None:
        graph.add((node, SCHEMA.minValue, _number(amount["value"])))
    for prop, key in ((PKG.perUnit, "per"), (PKG.period, "period"), (PKG.appliesToLevel, "level"),
                      (PKG.subject, "subject")):
        if amount.get(key):
            graph.add((node, prop, Literal(amount[key])))
    if amount.get("once"):
        graph.add((node, PKG.oneOff, Literal(True)))
    if amount.get("previous") is not None:
        graph.add((node, PKG.previousValue, _number(amount["previous"])))
    graph.add((node, RDFS.label, Literal(amount["text"], lang="zh")))
    _provenance(graph, node, amount["text"], amount["start"], amount["end"])
