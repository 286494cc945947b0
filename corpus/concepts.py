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

    def __init__(self, name: str, namespace: str, concepts: dict[str, Concept], labels: dict[str, str],
                 hidden: dict[str, str] | None = None):
        self.name, self.namespace, self.concepts = name, namespace, concepts
        self.labels = labels  # label text -> slug (prefLabel and altLabel)
        self.hidden = hidden or {}  # hiddenLabel text -> slug: search words the documents do not use
        self.narrower_of: dict[str, list[str]] = {}
        for slug, concept in sorted(concepts.items()):
            for parent in concept.broader:
                self.narrower_of.setdefault(parent, []).append(slug)
        ordered = sorted(labels, key=lambda t: (-len(t), t))
        self._regex = re.compile("|".join(re.escape(t) for t in ordered)) if ordered else None

    def find(self, text: str) -> list[tuple[str, str, int, int]]:
        """``[(slug, matched text, start, end)]``, longest labels first, no overlaps."""
        if not self._regex:
            return []
        return [(self.labels[m.group(0)], m.group(0), m.start(), m.end()) for m in self._regex.finditer(text)]

    def lookup(self, word: str) -> str | None:
        """The concept whose pref-, alt- or hidden label is exactly ``word``."""
        return self.labels.get(word) or self.hidden.get(word)

    def descendants(self, slug: str) -> list[str]:
        """``slug`` and every concept below it (skos:broader, transitively)."""
        out, stack = [], [slug]
        while stack:
            current = stack.pop(0)
            if current not in out:
                out.append(current)
                stack.extend(self.narrower_of.get(current, []))
        return out

    def labels_of(self, slug: str) -> list[str]:
        """Every pref- and altLabel of ``slug``, prefLabel first."""
        own = sorted((t for t, s in self.labels.items() if s == slug), key=lambda t: (-len(t), t))
        pref = self.concepts[slug].label
        return [pref] + [t for t in own if t != pref]

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
    concepts, labels, hidden = {}, {}, {}
    for concept in sorted(set(graph.subjects(SKOS.inScheme, scheme))):
        slug = str(concept).removeprefix(namespace)
        names = {lit.language: str(lit) for lit in graph.objects(concept, SKOS.prefLabel)}
        broader = tuple(sorted(str(b).removeprefix(namespace) for b in graph.objects(concept, SKOS.broader)))
        concepts[slug] = Concept(slug, names["zh"], names.get("en", names["zh"]), broader)
        if graph.value(concept, SKOS.topConceptOf) is None:
            labels.setdefault(names["zh"], slug)
        for literal in graph.objects(concept, SKOS.altLabel):
            if literal.language == "zh":
                labels.setdefault(str(literal), slug)
        for literal in graph.objects(concept, SKOS.hiddenLabel):
            if literal.language == "zh":
                hidden.setdefault(str(literal), slug)
    return ConceptIndex(name, namespace, concepts, labels, hidden)
