"""Substring search over provision texts: exact phrases, and every query word as a substring.

The index build writes :data:`FILENAME` beside the whoosh index: each
provision's text folded by :func:`fold` (whitespace removed, lower case), one
per line, in whoosh document-number order, UTF-8. Searching is ``bytes.find``
on that blob (UTF-8 is self-synchronising, so a byte match is a character
match): at the first occurrence inside a provision the occurrences there are
counted with ``bytes.count`` and the search jumps to the next provision. The
Python loop runs once per *matching provision*, not once per occurrence or per
posting, so a phrase costs the same whether it is rare or everywhere.

:class:`Substring` is the query node that :mod:`search.query` builds for a
phrase; :meth:`SubstringStore.resolve` turns every such node of a whoosh query
into :class:`ScoredDocs` (the matching documents with BM25 scores) before the
query is run.
"""
from __future__ import annotations

import bisect
import math
from collections.abc import Iterable
from pathlib import Path

from whoosh import query as Q
from whoosh.matching import ListMatcher, NullMatcher

FILENAME = "substrings.txt"
SEPARATOR = b"\n"  # never inside a folded text (whitespace is removed)
FIELD_BOOST = 0.6  # a substring match counts less than a whole word
K1, B = 1.2, 0.75  # the engine's BM25F parameters


def fold(text: str) -> str:
    """What substring search compares: the characters of ``text`` without whitespace, lower case."""
    return "".join(ch.lower() for ch in text if not ch.isspace())


def write_substrings(path: Path, texts: Iterable[str]) -> int:
    """Write the folded ``texts`` (in document-number order) to ``path``; returns how many."""
    count = 0
    with open(path, "wb") as out:
        for text in texts:
            out.write(fold(text).encode("utf-8") + SEPARATOR)
            count += 1
    return count


class Substring(Q.Query):
    """Provisions whose folded text contains ``fold(text)``.

    A description only: :meth:`SubstringStore.resolve` replaces it before the
    query runs (matching it directly is an error, not a silent empty result).
    """

    def __init__(self, text: str, boost: float = 1.0):
        self.text = fold(text)
        self.boost = boost
        self.fieldname = "text"

    def __repr__(self):
        return f"{self.__class__.__name__}({self.text!r}, boost={self.boost})"

    def __str__(self):
        return f'substring:"{self.text}"' + (f"^{self.boost}" if self.boost != 1 else "")

    def __eq__(self, other):
        return type(other) is type(self) and (self.text, self.boost) == (other.text, other.boost)

    def __hash__(self):
        return hash((type(self).__name__, self.text, self.boost))

    def has_terms(self):
        return False

    def estimate_size(self, ixreader):
        return ixreader.doc_count_all()

    def estimate_min_size(self, ixreader):
        return 0

    def matcher(self, searcher, context=None):
        raise Q.QueryError("Substring queries must be resolved by SubstringStore.resolve before searching")


class ScoredDocs(Q.Query):
    """Fixed documents with fixed scores (a resolved :class:`Substring`); single-segment indexes only."""

    def __init__(self, text: str, ids: list[int], scores: list[float]):
        self.text, self.ids, self.scores = text, ids, scores
        self.boost = 1.0
        self.fieldname = "text"

    def __repr__(self):
        return f"{self.__class__.__name__}({self.text!r}, {len(self.ids)} documents)"

    def __str__(self):
        return f'substring:"{self.text}"'

    def __eq__(self, other):
        return type(other) is type(self) and (self.text, self.ids, self.scores) == (other.text, other.ids, other.scores)

    def __hash__(self):
        return hash((type(self).__name__, self.text, len(self.ids)))

    def has_terms(self):
        return False

    def estimate_size(self, ixreader):
        return len(self.ids)

    def estimate_min_size(self, ixreader):
        return len(self.ids)

    def matcher(self, searcher, context=None):
        if not self.ids:
            return NullMatcher()
        return ListMatcher(self.ids, weights=self.scores)

    def docs(self, searcher):
        return iter(self.ids)


class SubstringStore:
    """The folded texts of an index's documents, searched in place (see module docstring)."""

    def __init__(self, path: Path):
        self.blob = Path(path).read_bytes()
        starts = [0]
        find, position = self.blob.find, self.blob.find(SEPARATOR)
        while position >= 0:
            starts.append(position + 1)
            position = find(SEPARATOR, position + 1)
        self.starts = starts  # starts[n]: where document n begins; the last entry is the end of the blob
        self.doc_count = len(starts) - 1
        self.average_length = (len(self.blob) - self.doc_count) / self.doc_count if self.doc_count else 1.0

    def occurrences(self, text: str) -> tuple[list[int], list[int]]:
        """Documents containing ``text`` (folded), in order, and how often each contains it."""
        needle = fold(text).encode("utf-8")
        ids: list[int] = []
        counts: list[int] = []
        if not needle:
            return ids, counts
        blob, starts = self.blob, self.starts
        position = blob.find(needle)
        while position >= 0:
            doc = bisect.bisect_right(starts, position) - 1
            end = starts[doc + 1] - 1
            ids.append(doc)
            counts.append(blob.count(needle, position, end))
            position = blob.find(needle, end + 1)
        return ids, counts

    def scored(self, text: str, boost: float = 1.0) -> ScoredDocs:
        """The documents containing ``text``, each scored by BM25 with the phrase as one term.

        Weighted like the character-pair phrase it replaces: a substring of n
        characters counts as its n − 1 pairs would (at least one), times
        :data:`FIELD_BOOST`; idf as whoosh computes it.
        """
        folded = fold(text)
        ids, counts = self.occurrences(folded)
        if not ids:
            return ScoredDocs(folded, [], [])
        idf = math.log(self.doc_count / (len(ids) + 1)) + 1
        weight = boost * FIELD_BOOST * max(1, len(folded) - 1) * idf
        starts, average = self.starts, self.average_length
        scores = []
        for doc, tf in zip(ids, counts):
            length = starts[doc + 1] - starts[doc] - 1
            scores.append(weight * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average)))
        return ScoredDocs(folded, ids, scores)

    def resolve(self, query: Q.Query | None) -> Q.Query | None:
        """``query`` with every :class:`Substring` replaced by its :class:`ScoredDocs`."""
        if query is None:
            return None
        return query.accept(lambda q: self.scored(q.text, q.boost) if isinstance(q, Substring) else q)
