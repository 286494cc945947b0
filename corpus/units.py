"""Responsible units: names as written → functional types → one entity per government.

A document writes ``市发展改革委、财政局``: the second name elides the 市 prefix,
and both mean units of the issuing government (洛阳市财政局). Names are
classified against the unit-type vocabulary (``ontology/vocab/unit_types.ttl``)
after removing the government prefix (市/区/县, 市委/市政府…) and the region's
own name (人行洛阳中心支行 → 人行中心支行). A name the vocabulary does not
know is kept with the type ``unknown``.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rdflib import Literal, Namespace
from rdflib.namespace import RDF, SKOS

import ontology

UT = Namespace("https://w3id.org/policykg/vocab/unit-type/")
PKG = Namespace("https://w3id.org/policykg/ontology#")

# Endings that make a string look like the name of an organisation.
UNIT_SUFFIX = re.compile(
    r"(局|委|办|部|会|室|中心|支行|分行|银行|队|院|校|所|处|厅|政府|联|社|站|团|公司|集团|小组|单位|部门|机构|场|街道）?)$"
)
# Government prefixes written before a department's name.
GOV_PREFIX = re.compile(r"^(省|市|州|盟|区|县|旗|镇|乡)(委|政府|人民政府)?")


@dataclass(frozen=True)
class UnitType:
    """A functional unit type: ``slug`` (IRI local name), ``label`` (prefLabel@zh)."""

    slug: str
    label: str
    label_en: str
    aliases: frozenset[str]
    patterns: tuple[re.Pattern, ...]
    one_per_government: bool


@dataclass(frozen=True)
class Government:
    """The issuing government of a document, to which elided names resolve."""

    key: str          # 濮阳市华龙区 — unique path of the region
    name: str         # 濮阳市华龙区人民政府
    region: str       # 华龙区
    level: str        # 区 / 市 / 县

    @property
    def short(self) -> str:
        """The region without its level suffix (洛阳市 → 洛阳), when that leaves two characters or more."""
        stem = re.sub(r"(市|区|县|州|旗|自治县|自治州|地区|盟)$", "", self.region)
        return stem if len(stem) >= 2 else self.region


@dataclass(frozen=True)
class Unit:
    """A concrete unit of one government: ``key`` identifies it, ``label`` names it in full."""

    key: str
    label: str
    type: str          # unit-type slug
    government: str    # Government.key


class UnitVocabulary:
    """The unit-type vocabulary with alias lookup; build with :func:`unit_vocabulary`."""

    def __init__(self, types: dict[str, UnitType]):
        self.types = types
        self.alias_index: dict[str, str] = {}
        for unit_type in sorted(types.values(), key=lambda t: t.slug):
            for alias in sorted(unit_type.aliases):
                self.alias_index.setdefault(alias, unit_type.slug)
        self._max_alias = max(map(len, self.alias_index), default=1)
        self._classified: dict[tuple, tuple[str, str, str]] = {}

    def _lookup(self, bare: str) -> str | None:
        if bare in self.alias_index:
            return self.alias_index[bare]
        for unit_type in self.types.values():
            if any(p.search(bare) for p in unit_type.patterns):
                return unit_type.slug
        return None

    def classify(self, name: str, government: Government | None = None) -> tuple[str, str, str]:
        """``(type slug, prefix, bare name)`` of ``name``; slug ``unknown`` when unmatched.

        ``prefix`` is the government prefix removed (``市``, ``区委``, ``市政府``, or ``""``).
        """
        key = (name, government)
        if key not in self._classified:
            self._classified[key] = self._classify(name, government)
        return self._classified[key]

    def _classify(self, name: str, government: Government | None) -> tuple[str, str, str]:
        candidates = [("", name)]
        if government is not None:
            for region in (government.region, government.short):
                if region in name and name != region:
                    candidates.append(("", name.replace(region, "", 1)))
        for _, text in list(candidates):
            match = GOV_PREFIX.match(text)
            if match and len(text) > match.end():
                candidates.append((match.group(0), text[match.end():]))
        for prefix, bare in candidates:
            slug = self._lookup(bare)
            if slug:
                return slug, prefix, bare
        match = GOV_PREFIX.match(name)
        if match and len(name) > match.end() + 1:
            return "unknown", match.group(0), name[match.end():]
        return "unknown", "", name

    def is_known(self, name: str, government: Government | None = None) -> bool:
        """True when ``name`` classifies to a type of the vocabulary."""
        return self.classify(name, government)[0] != "unknown"

    def looks_like_unit(self, name: str, government: Government | None = None) -> bool:
        """Known to the vocabulary, or shaped like an organisation's name."""
        name = name.strip()
        if not name or len(name) > 40 or re.search(r"[。；，：]", name):
            return False
        return self.is_known(name, government) or bool(UNIT_SUFFIX.search(name))

    def split_joined(self, name: str, government: Government | None = None) -> list[str]:
        """Split names that lost the 、 between them (残联总工会 → 残联, 总工会).

        Only an unknown name is split, and only when every piece is known.
        """
        if self.is_known(name, government) or len(name) > 40:
            return [name]
        n = len(name)
        best: list[list[str] | None] = [None] * (n + 1)
        best[0] = []
        for end in range(1, n + 1):
            for start in range(max(0, end - self._max_alias - 4), end):
                if best[start] is None or end - start < 2:
                    continue
                piece = name[start:end]
                if self.is_known(piece, government):
                    candidate = best[start] + [piece]
                    if best[end] is None or len(candidate) < len(best[end]):
                        best[end] = candidate
        pieces = best[n]
        return pieces if pieces and len(pieces) >= 2 else [name]

    def resolve(self, name: str, government: Government) -> Unit:
        """The concrete unit that ``name`` means in a document of ``government``."""
        slug, prefix, bare = self.classify(name, government)
        unit_type = self.types[slug]
        if government.region in name or government.short in name:
            label = name
        elif re.fullmatch(r"团(市|区|县)委", name):
            label = f"共青团{government.region}委"
        else:
            label = government.region + prefix[1:] + bare if prefix else government.region + bare
        key_part = slug if unit_type.one_per_government and slug != "unknown" else bare
        return Unit(key=f"{government.key}/{key_part}", label=label, type=slug, government=government.key)


@functools.lru_cache(maxsize=1)
def unit_vocabulary() -> UnitVocabulary:
    """Load the unit-type vocabulary from the ontology package (cached)."""
    graph = ontology.load_vocabulary("unit_types")
    types = {}
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        slug = str(concept).removeprefix(str(UT))
        labels = {lit.language: str(lit) for lit in graph.objects(concept, SKOS.prefLabel)}
        aliases = {str(lit) for lit in graph.objects(concept, SKOS.altLabel) if lit.language == "zh"}
        aliases.add(labels["zh"])
        patterns = tuple(re.compile(str(p)) for p in graph.objects(concept, PKG.namePattern))
        single = graph.value(concept, PKG.oneUnitPerGovernment)
        types[slug] = UnitType(
            slug=slug, label=labels["zh"], label_en=labels.get("en", labels["zh"]),
            aliases=frozenset(a for a in aliases if slug != "unknown"), patterns=patterns,
            one_per_government=True if single is None else bool(Literal(single).toPython()),
        )
    return UnitVocabulary(types)
