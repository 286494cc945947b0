"""Words: jieba with the domain dictionary (``corpus/data/userdict.txt``).

The dictionary file is data; the labels of the SKOS vocabularies are added to
it when the tokenizer is made, so a term the graph knows is never cut in two.
"""
from __future__ import annotations

import functools
import logging
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


@functools.lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer with the domain dictionary and vocabulary labels loaded (cached)."""
    tok = jieba.Tokenizer()
    with open(USER_DICT, "rb") as handle:
        tok.load_userdict(handle)
    for term in vocabulary_terms():
        if 2 <= len(term) <= 16 and "（" not in term and "、" not in term:
            tok.add_word(term, freq=max(tok.suggest_freq(term, tune=False), 50))
    return tok


def words(text: str) -> list[tuple[str, int, int]]:
    """``[(word, start, end)]`` of ``text``; punctuation and spaces are dropped."""
    out = []
    for word, start, end in tokenizer().tokenize(text):
        if word.strip() and not all(not ch.isalnum() for ch in word):
            out.append((word, start, end))
    return out
