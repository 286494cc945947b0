"""From what a researcher types to a whoosh query — without touching an index.

Syntax: plain words (all required), ``"exact phrases"`` (also “…” and 「…」),
``-word`` / ``-"phrase"`` to exclude, ``OR`` (or ``|``, ``或``) between two items.
Anything else is read as plain text: unbalanced quotes, stray operators and
brackets never raise.

Each plain word also searches, through the SKOS vocabularies, every label of
the concept it names and of the concepts below it: 退伍军人 (a hidden label of
退役军人) also searches 退役士兵、军转干部 ….
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from whoosh import query as Q

from corpus.concepts import Concept, ConceptIndex, concept_index
from corpus.units import unit_vocabulary
from corpus.normalize import SURROGATES, normalise_characters

from .analysis import word_spans
from .substrings import Substring

EXPANDING_VOCABULARIES = ("target_groups", "instruments", "unit_types_search", "search_terms")
QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』"}
TOKEN = re.compile(r'-?"[^"]*"|-?“[^”]*”|-?「[^」]*」|-?『[^』]*』|\S+')
OR_WORDS = {"OR", "|", "或", "or", "||"}
MAX_ITEMS = 32
MAX_QUERY_CHARS = 500


@dataclass
class Item:
    """One piece of a query: a ``word`` or a ``phrase``, maybe ``excluded``."""

    kind: str
    text: str
    excluded: bool = False


@dataclass
class ParsedQuery:
    """``groups``: all required; each group is a list of alternatives (OR)."""

    groups: list[list[Item]] = field(default_factory=list)
    excluded: list[Item] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.groups


def _clean(text: str) -> str:
    return normalise_characters(text).text.strip()


def parse(text: str) -> ParsedQuery:
    """Parse query syntax; never raises (see module docstring)."""
    # NUL and lone surrogates (bytes that were not UTF-8, as the command line passes them) are not text
    text = SURROGATES.sub("", (text or "")[:MAX_QUERY_CHARS]).replace("\x00", " ")
    raw_items: list[Item | str] = []
    for token in TOKEN.findall(text):
        if token in OR_WORDS:
            raw_items.append("OR")
            continue
        if token.upper() == "AND":
            continue
        excluded = token.startswith("-") and len(token) > 1
        body = token[1:] if excluded else token
        if body[:1] in QUOTES and body.endswith(QUOTES[body[0]]) and len(body) >= 2:
            phrase = _clean(body[1:-1])
            if phrase:
                raw_items.append(Item("phrase", phrase, excluded))
            continue
        word = _clean(re.sub(r'[()（）\[\]{}"“”「」『』*?~^:：+\\]', " ", body))
        for part in word.split():
            if part and part not in OR_WORDS and part != "-":
                raw_items.append(Item("word", part, excluded))
    items = [i for i in raw_items if i == "OR" or isinstance(i, Item)][:MAX_ITEMS]
    parsed = ParsedQuery()
    pending_or = False
    for item in items:
        if item == "OR":
            pending_or = bool(parsed.groups)
            continue
        if item.excluded:
            parsed.excluded.append(item)
        elif pending_or and parsed.groups:
            parsed.groups[-1].append(item)
        else:
            parsed.groups.append([item])
        pending_or = False
    if not parsed.groups and parsed.excluded:  # only exclusions: read them as words
        parsed.groups = [[Item(i.kind, i.text)] for i in parsed.excluded]
        parsed.excluded = []
    return parsed


def expansions(word: str) -> list[str]:
    """Labels searched besides ``word``: the concept it names and all concepts below it."""
    out: list[str] = []
    for name in EXPANDING_VOCABULARIES:
        index = _index(name)
        slug = index.lookup(word)
        if not slug:
            continue
        for descendant in index.descendants(slug):
            for label in index.labels_of(descendant):
                if label != word and label not in out and len(label) >= 2:
                    out.append(label)
    return out


def concept_labels(word: str) -> list[str]:
    """prefLabels of the concept ``word`` names and of every concept below it."""
    out = []
    for name in EXPANDING_VOCABULARIES:
        index = _index(name)
        slug = index.lookup(word)
        if slug:
            out += [index.concepts[d].label for d in index.descendants(slug) if index.concepts[d].label not in out]
    return out


def _index(name: str):
    if name == "unit_types_search":
        return _unit_type_index()
    return concept_index(name)


@functools.lru_cache(maxsize=1)
def _unit_type_index() -> ConceptIndex:
    """Unit types as a concept index: 人社局 also searches 人力资源社会保障局 …"""
    vocab = unit_vocabulary()
    concepts = {slug: Concept(slug, t.label, t.label_en, ()) for slug, t in vocab.types.items() if slug != "unknown"}
    labels = {alias: slug for alias, slug in vocab.alias_index.items() if slug != "unknown"}
    return ConceptIndex("unit_types", "", concepts, labels)


def _word_terms(word: str) -> list[list[str]]:
    """Analyzed terms of ``word``, alternatives at the same position grouped."""
    return [[token] + aliases for token, _, _, aliases in word_spans(word)]


def word_query(word: str, expand: bool = True, common=None) -> tuple[Q.Query, list[str]]:
    """The query for one plain word and the labels it was expanded to.

    ``common(word)``, when given (the engine passes one), says whether ``word`` is
    itself a word of very many provisions; its substring search is then left out.
    """
    alternatives: list[Q.Query] = []
    terms = _word_terms(word)
    expanded = expansions(word) if expand else []
    if terms:
        per_term = []
        for group in terms:
            options = [Q.Term("text", t) for t in group]
            if expand and len(terms) > 1:
                # 残疾人就业: 残疾人 names a concept, so it also searches its concepts
                more = expansions(group[0])
                options += [Q.Term("concepts", label, boost=1.2) for label in concept_labels(group[0])]
                expanded += [label for label in more if label not in expanded]
            per_term.append(Q.Or(options))
        alternatives.append(Q.And(per_term) if len(per_term) > 1 else per_term[0])
    # The word as a substring (see search/substrings.py): finds 担保贷款
    # inside 创业担保贷款 and ranks an exact occurrence above its words apart. Skipped
    # for a word common enough on its own (the engine says which), where it only costs.
    if not (common and common(word)):
        alternatives.append(Substring(word))
    if expand:
        # Provisions are indexed with the prefLabels of every concept found in
        # them (by any of its labels), so one term per concept finds them all.
        alternatives += [Q.Term("concepts", label, boost=1.2) for label in concept_labels(word)]
    return (Q.Or(alternatives) if len(alternatives) > 1 else alternatives[0]), expanded


def item_query(item: Item, expand: bool = True, common=None) -> tuple[Q.Query, list[str]]:
    if item.kind == "phrase":
        return Substring(item.text, boost=1.5), []
    return word_query(item.text, expand, common)


@dataclass
class BuiltQuery:
    """A whoosh query, its any-match fallback, and what was added by expansion."""

    query: Q.Query | None
    fallback: Q.Query | None
    excluded: Q.Query | None
    expanded: list[str]
    highlight_words: list[str]
    highlight_phrases: list[str]


def build_query(text: str, expand: bool = True, common=None) -> BuiltQuery:
    """Build the whoosh query for ``text`` (see module docstring); ``common`` as in :func:`word_query`."""
    parsed = parse(text)
    if parsed.empty:
        return BuiltQuery(None, None, None, [], [], [])
    expanded: list[str] = []
    words: list[str] = []
    phrases: list[str] = []
    groups = []
    for group in parsed.groups:
        alternatives = []
        for item in group:
            query, more = item_query(item, expand, common)
            alternatives.append(query)
            expanded += [label for label in more if label not in expanded]
            (phrases if item.kind == "phrase" else words).append(item.text)
        groups.append(Q.Or(alternatives) if len(alternatives) > 1 else alternatives[0])
    excluded = [item_query(item, expand=False)[0] for item in parsed.excluded]
    required = Q.And(groups) if len(groups) > 1 else groups[0]
    any_match = Q.Or(groups) if len(groups) > 1 else None
    query_terms = [t[0] for w in words for t in _word_terms(w)]
    boosts = [Q.Term("heading", t, boost=2.0) for t in dict.fromkeys(query_terms)]  # a match in the title counts more
    if len(query_terms) > 1:
        boosts.append(Q.Phrase("text", query_terms, slop=6, boost=2.0))  # and words close together
    if boosts:
        optional = Q.Or(boosts) if len(boosts) > 1 else boosts[0]
        required = Q.AndMaybe(required, optional)
        any_match = Q.AndMaybe(any_match, optional) if any_match is not None else None
    # Exclusions are applied as a mask by the engine: whoosh's AndNot lets
    # phrase matches through (a Phrase inside AndNot skips wrongly).
    mask = (Q.Or(excluded) if len(excluded) > 1 else excluded[0]) if excluded else None
    return BuiltQuery(required, any_match, mask, expanded, words + expanded, phrases)
