"""Words: jieba with the domain dictionary (``corpus/data/userdict.txt``).

The dictionary file is data; the labels of the SKOS vocabularies are added to
it when the tokenizer is made, so a term the graph knows is never cut in two.
"""
from __future__ import annotations

import functools
import logging
import re
import threading
from pathlib import Path

import jieba

USER_DICT = Path(__file__).resolve().parent / "data" / "userdict.txt"
jieba.setLogLevel(logging.WARNING)


def vocabulary_terms() -> list[str]:
    """Every label (pref and alt, zh) of the vocabularies, longest first."""
    from rdflib.namespace import SKOS

    import ontology

    terms = set()
    for name in ontology.vocabulary_names():
        graph = ontology.load_vocabulary(name)
        for predicate in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            terms.update(str(o) for o in graph.objects(None, predicate) if getattr(o, "language", None) == "zh")
    return sorted(terms, key=lambda t: (-len(t), t))


_tokenizer_lock = threading.Lock()


def tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer with the domain dictionary and vocabulary labels loaded (made once;
    threads that ask while it is being made wait for it instead of making their own)."""
    with _tokenizer_lock:
        return _make_tokenizer()


@functools.lru_cache(maxsize=1)
def _make_tokenizer() -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    with open(USER_DICT, "rb") as handle:
        tok.load_userdict(handle)
    for term in vocabulary_terms():
        if 2 <= len(term) <= 16 and "（" not in term and "、" not in term:
            tok.add_word(term, freq=max(tok.suggest_freq(term, tune=False), 50))
    return tok


NUMBER_WITH_UNIT = re.compile(
    r"(?P<num>\d+(?:\.\d+)?)(?P<mult>万|亿|千)?"
    r"(?P<unit>元|%|个百分点|个月|年|天|人|名|个|户|家|次|岁)?(?:/(?P<per>人|户|年|月|天|次|个))?"
)
MULT = {"万": 10_000, "亿": 100_000_000, "千": 1000}


def money_alias(token: str) -> list[str]:
    """``20万元`` → ``["¥200000"]``: a sum of money also as yuan; other tokens → ``[]``."""
    match = NUMBER_WITH_UNIT.fullmatch(token)
    if not match or match.group("unit") != "元":
        return []
    value = float(match.group("num")) * MULT.get(match.group("mult") or "", 1)
    return [f"¥{value:.0f}" if value.is_integer() else f"¥{value}"]


def word_spans(text: str) -> list[tuple[str, int, int, list[str]]]:
    """``[(token, start, end, aliases)]``: numbers with units whole (``20万元``), jieba words
    elsewhere, punctuation dropped, ASCII lower-cased. Used for clauses and for the index."""
    out: list[tuple[str, int, int, list[str]]] = []
    pos = 0
    for match in NUMBER_WITH_UNIT.finditer(text):
        if not (match.group("unit") or match.group("mult")):
            continue
        out.extend(_jieba(text, pos, match.start()))
        token = match.group(0).lower()
        out.append((token, match.start(), match.end(), money_alias(token)))
        pos = match.end()
    out.extend(_jieba(text, pos, len(text)))
    return out


def _jieba(text: str, start: int, end: int) -> list[tuple[str, int, int, list[str]]]:
    if start >= end:
        return []
    return [(word.lower(), start + s, start + e, []) for word, s, e in tokenizer().tokenize(text[start:end])
            if word.strip() and any(ch.isalnum() for ch in word)]


def spans_from_bounds(text: str, bounds: list[int]) -> list[tuple[str, int, int, list[str]]]:
    """Rebuild :func:`word_spans` of ``text`` from its stored flat ``[start, end, …]`` offsets."""
    out = []
    for start, end in zip(bounds[0::2], bounds[1::2]):
        token = text[start:end].lower()
        out.append((token, start, end, money_alias(token)))
    return out
