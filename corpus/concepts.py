"""Find the concepts of a SKOS vocabulary (instruments, target groups, topics) in text.

Labels (prefLabel and altLabel, zh) are matched longest first without overlap,
so 一次性求职创业补贴 is one instrument, not also 创业补贴.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rdflib.namespace import SKOS

import ontology


@dataclass(frozen=True)
class Concept:
    """A concept: IRI local name ``slug``, ``label`` (prefLabel@zh), broader slugs."""

    slug: str
    label: str
    label_en: str
    broader: tuple[str, ...]


class ConceptIndex:
    """Label lookup for one vocabulary; build with :func:`concept_index`."""

    def __init__(self, name: str, namespace: str, concepts: dict[str, Concept], labels: dict[str, str]):
        self.name, self.namespace, self.concepts = name, namespace, concepts
        self.labels = labels  # label text -> slug
        ordered = sorted(labels, key=lambda t: (-len(t), t))
        self._regex = re.compile("|".join(re.escape(t) for t in ordered)) if ordered else None

    def find(self, text: str) -> list[tuple[str, str, int, int]]:
        """``[(slug, matched text, start, end)]``, longest labels first, no overlaps."""
        if not self._regex:
            return []
        return [(self.labels[m.group(0)], m.group(0), m.start(), m.end()) for m in self._regex.finditer(text)]

    def slugs_in(self, text: str) -> list[str]:
        """Distinct concept slugs found in ``text``, in order of first appearance."""
        seen = []
        for slug, *_ in self.find(text):
            if slug not in seen:
                seen.append(slug)
        return seen


@functools.lru_cache(maxsize=None)
def concept_index(name: str) -> ConceptIndex:
    """The concept index of vocabulary ``name`` (``instruments``, ``target_groups``, ``topics``)."""
    graph = ontology.load_vocabulary(name)
    scheme = next(graph.subjects(predicate=None, object=SKOS.ConceptScheme))
    namespace = str(scheme).rsplit("/", 1)[0] + "/"
    concepts, labels = {}, {}
    for concept in sorted(set(graph.subjects(SKOS.inScheme, scheme))):
        slug = str(concept).removeprefix(namespace)
        names = {lit.language: str(lit) for lit in graph.objects(concept, SKOS.prefLabel)}
        broader = tuple(sorted(str(b).removeprefix(namespace) for b in graph.objects(concept, SKOS.broader)))
        concepts[slug] = Concept(slug, names["zh"], names.get("en", names["zh"]), broader)
        for literal in graph.objects(concept, SKOS.altLabel):
            if literal.language == "zh":
                labels.setdefault(str(literal), slug)
    return ConceptIndex(name, namespace, concepts, labels)
