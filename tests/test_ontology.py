import re

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, SKOS

import ontology
from corpus.concepts import concept_index
from ontology.namespaces import PKG


def ontology_graph():
    return Graph().parse(ontology.HERE / "policykg.ttl")


def test_namespace_object_and_turtle_define_the_same_terms():
    graph = ontology_graph()
    defined = {str(s).removeprefix(str(PKG._NS)) for s in graph.subjects() if str(s).startswith(str(PKG._NS))}
    assert defined == set(PKG.__annotations__)


def test_undefined_terms_fail():
    with pytest.raises(AttributeError):
        PKG.notATerm


def test_every_class_and_property_has_zh_and_en_labels():
    graph = ontology_graph()
    for term in set(graph.subjects(RDF.type, OWL.Class)) | set(graph.subjects(RDF.type, OWL.ObjectProperty)) | \
            set(graph.subjects(RDF.type, OWL.DatatypeProperty)):
        labels = {label.language for label in graph.objects(term, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
        assert {"zh", "en"} <= labels, term


@pytest.mark.parametrize("name", ["unit_types", "instruments", "target_groups", "topics"])
def test_every_concept_has_zh_and_en_preflabels_and_a_scheme(name):
    graph = ontology.load_vocabulary(name)
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        languages = [label.language for label in graph.objects(concept, SKOS.prefLabel)]
        assert sorted(languages) == ["en", "zh"], concept
        assert graph.value(concept, SKOS.inScheme) is not None, concept


@pytest.mark.parametrize("name", ["instruments", "target_groups"])
def test_no_label_belongs_to_two_concepts(name):
    graph = ontology.load_vocabulary(name)
    seen = {}
    for concept, label in graph.subject_objects(SKOS.altLabel):
        assert seen.setdefault(str(label), concept) == concept, label


def test_target_group_hierarchy():
    groups = concept_index("target_groups")
    assert "veterans" in groups.concepts["ex-soldiers"].broader
    assert "graduates" in groups.concepts["graduates-unemployed"].broader
    assert groups.slugs_in("大学生") == ["graduates"]


def test_every_broader_target_exists():
    for name in ("instruments", "target_groups", "unit_types"):
        graph = ontology.load_vocabulary(name)
        concepts = set(graph.subjects(RDF.type, SKOS.Concept))
        for _, broader in graph.subject_objects(SKOS.broader):
            assert broader in concepts, broader
