import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from corpus.normalize import normalise_characters
from kg import build_graph, load_graph, serialize
from kg.validate import validate
from ontology.namespaces import PKG, SCHEMA
from policykg.build import build
from policykg.home import Home
from policykg.store import load_json, load_provisions

BASE = "https://w3id.org/policykg/id/"


@pytest.fixture(scope="module")
def graph(built_home):
    return load_graph(built_home.build_dir() / "graph.nt")


def test_built_graph_conforms_to_the_shapes(graph):
    result = validate(graph)
    assert result.conforms, result.violations[:5]


def test_a_violation_is_reported(graph):
    broken = Graph()
    broken += graph
    unit = URIRef(BASE + "unit/洛阳市/finance")
    broken.remove((unit, SKOS.prefLabel, None))
    result = validate(broken)
    assert not result.conforms
    assert any("洛阳市/finance" in line for line in result.violations)


def test_turtle_export_parses_in_rdflib_and_oxigraph_with_the_same_triple_count(graph):
    ttl = serialize(graph, "ttl")
    rdflib_graph = Graph().parse(data=ttl, format="turtle")
    store = pyoxigraph.Store()
    store.load(ttl.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(rdflib_graph) == len(store) == len(graph)


def test_jsonld_export_round_trips(graph):
    assert len(Graph().parse(data=serialize(graph, "jsonld"), format="json-ld")) == len(graph)


def test_build_is_deterministic(tmp_path, built_home):
    other = Home(tmp_path / "again")
    build(other)
    first = (built_home.build_dir() / "graph.nt").read_bytes()
    assert (other.build_dir() / "graph.nt").read_bytes() == first
    assert serialize(load_graph(other.build_dir() / "graph.nt"), "ttl") == \
        serialize(load_graph(built_home.build_dir() / "graph.nt"), "ttl")


def test_amounts_are_schema_org_with_provenance(graph, raw_texts):
    amount = URIRef(BASE + "doc/junshan/34/amount/1")
    assert (amount, RDF.type, SCHEMA.MonetaryAmount) in graph
    assert graph.value(amount, SCHEMA.value).toPython() == 150000
    assert graph.value(amount, PKG.previousValue).toPython() == 100000
    assert graph.value(amount, PKG.amountKind) == PKG.Cap
    assert str(graph.value(amount, SCHEMA.currency)) == "CNY"
    start, end = graph.value(amount, PKG.start).toPython(), graph.value(amount, PKG.end).toPython()
    assert raw_texts["junshan"][start:end] == "15万元"


def test_every_fact_points_at_its_source_characters(built_home, raw_texts):
    for provision in load_provisions(built_home.build_dir()):
        raw = raw_texts[provision["doc"]]
        for amount in provision["amounts"]:
            assert "".join(raw[amount["start"]:amount["end"]].split()) == amount["text"], amount
        for measure in provision["measures"]:
            assert "".join(normalise_characters(raw[measure["start"]:measure["end"]]).text.split()) == measure["text"]


def test_documents_cite_upper_level_documents(graph):
    doc = URIRef(BASE + "doc/luoyang")
    cited = {str(graph.value(c, URIRef("http://data.europa.eu/eli/ontology#number")))
             for c in graph.objects(doc, URIRef("http://data.europa.eu/eli/ontology#cites"))}
    assert cited == {"国发〔2017〕28号", "豫政〔2017〕33号"}


def test_units_are_organisations_of_their_government(graph):
    from ontology.namespaces import ORG, UT

    unit = URIRef(BASE + "unit/洛阳市/finance")
    assert graph.value(unit, ORG.classification) == UT["finance"]
    assert graph.value(unit, ORG.subOrganizationOf) == URIRef(BASE + "gov/洛阳市")
    assert {str(n) for n in graph.objects(unit, PKG.nameAsWritten)} == {"财政局", "市财政局"}


def test_provision_roles_in_the_graph(graph):
    provision = URIRef(BASE + "doc/luoyang/7")
    leads = set(graph.objects(provision, PKG.leadUnit))
    assert leads == {URIRef(BASE + "unit/洛阳市/human-resources")}
    hualong = URIRef(BASE + "doc/hualong/1")
    assert not set(graph.objects(hualong, PKG.leadUnit))
    assert len(set(graph.objects(hualong, PKG.responsibleUnit))) == 4


def test_base_iri_is_configurable(built_home):
    build_dir = built_home.build_dir()
    graph = build_graph(load_json(build_dir, "documents"), load_provisions(build_dir)[:3],
                        load_json(build_dir, "units"), base="http://127.0.0.1:8000/", include_vocabularies=False)
    assert (URIRef("http://127.0.0.1:8000/id/doc/hualong/1"), PKG.item, Literal(1)) in graph
