"""Namespaces: the policykg ontology as a closed rdflib namespace, plus the ones it reuses.

``PKG`` lists exactly the terms defined in ``ontology/policykg.ttl`` (a test
checks both ways); using an undefined term raises ``AttributeError``.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
UT = Namespace("https://w3id.org/policykg/vocab/unit-type/")
INS = Namespace("https://w3id.org/policykg/vocab/instrument/")
TG = Namespace("https://w3id.org/policykg/vocab/target-group/")
TP = Namespace("https://w3id.org/policykg/vocab/topic/")
DEFAULT_BASE = "https://w3id.org/policykg/"


class PKG(DefinedNamespace):
    """The policykg ontology (``https://w3id.org/policykg/ontology#``)."""

    _NS = Namespace("https://w3id.org/policykg/ontology#")
    _fail = True

    Government: URIRef
    Provision: URIRef
    Section: URIRef
    Measure: URIRef
    Responsibility: URIRef
    Role: URIRef
    Lead: URIRef
    Cooperating: URIRef
    Responsible: URIRef
    AmountKind: URIRef
    Cap: URIRef
    Floor: URIRef
    Exact: URIRef
    Range: URIRef
    region: URIRef
    province: URIRef
    parentRegion: URIRef
    level: URIRef
    layout: URIRef
    inDocument: URIRef
    item: URIRef
    part: URIRef
    numberInferred: URIRef
    text: URIRef
    topic: URIRef
    sourceText: URIRef
    start: URIRef
    end: URIRef
    hasResponsibility: URIRef
    unit: URIRef
    role: URIRef
    nameAsWritten: URIRef
    leadUnit: URIRef
    cooperatingUnit: URIRef
    responsibleUnit: URIRef
    hasMeasure: URIRef
    ofProvision: URIRef
    instrument: URIRef
    targetGroup: URIRef
    beneficiaryKind: URIRef
    hasAmount: URIRef
    condition: URIRef
    eligibility: URIRef
    duration: URIRef
    amountKind: URIRef
    quantityKind: URIRef
    perUnit: URIRef
    period: URIRef
    oneOff: URIRef
    previousValue: URIRef
    appliesToLevel: URIRef
    subject: URIRef
    namePattern: URIRef
    oneUnitPerGovernment: URIRef


PREFIXES = {
    "pkg": str(PKG._NS), "eli": str(ELI), "org": str(ORG), "schema": str(SCHEMA), "prov": str(PROV),
    "skos": "http://www.w3.org/2004/02/skos/core#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "ut": str(UT), "ins": str(INS), "tg": str(TG), "tp": str(TP),
}
