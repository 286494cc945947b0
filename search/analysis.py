"""Analyzers, defined once for indexing and querying.

* :class:`WordTokenizer` — jieba with the domain dictionary; token positions are
  numbered 0, 1, 2 … per *word* (jieba's own whoosh ``ChineseAnalyzer`` numbers
  them by character, which breaks phrase queries); a number with its unit is
  one token as written (``20万元``, ``1000元/人``, ``50%``), and a sum of money is
  also indexed, at the same position, as its value in yuan (``¥200000``), so
  ``20万元`` and ``200000元`` find each other.

Exact phrases and substrings do not go through an analyzer: see
search/substrings.py.
"""
from __future__ import annotations

import contextlib

from whoosh.analysis import Token, Tokenizer

from corpus.words import word_spans


def _tokens(token: Token, pieces, positions: bool, chars: bool, keeporiginal: bool, start_pos: int, start_char: int):
    """Fill and yield ``token`` for each ``(text, position, start, end)`` piece (whoosh reuses one Token)."""
    for text, position, start, end in pieces:
        token.text = text
        token.boost, token.stopped = 1.0, False
        if keeporiginal:
            token.original = text
        if positions:
            token.pos = start_pos + position
        if chars:
            token.startchar, token.endchar = start_char + start, start_char + end
        yield token


class WordTokenizer(Tokenizer):
    """Words with sequential positions (see module docstring).

    The index builder already has each provision's words (the corpus stage stored
    their offsets): :meth:`known_words` hands them over while the provision is
    added, so jieba runs once per provision. whoosh only passes the analyzer the
    text, hence this per-analyzer table (never pickled with the schema).
    """

    def __init__(self):
        self.known: dict[str, list] = {}

    def __getstate__(self):
        return {}

    def __setstate__(self, state):
        self.known = {}

    @contextlib.contextmanager
    def known_words(self, text: str, spans: list):
        """Within the block, analyse ``text`` as ``spans`` (``[(word, start, end, aliases)]``)."""
        self.known[text] = spans
        try:
            yield
        finally:
            self.known.pop(text, None)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            pieces = [(value, 0, 0, len(value))]
        else:
            pieces = [(variant, index, start, end)
                      for index, (text, start, end, aliases) in enumerate(self.known.get(value) or word_spans(value))
                      for variant in [text] + aliases]
        yield from _tokens(token, pieces, positions, chars, keeporiginal, start_pos, start_char)


def word_analyzer() -> WordTokenizer:
    return WordTokenizer()


__all__ = ["WordTokenizer", "word_analyzer", "word_spans"]
