"""Text that remembers where each of its characters came from.

Every normalisation step in policykg rewrites text, yet every extracted fact
must point back to the characters of the file the user gave us. A
:class:`MappedText` carries, for each character of its ``text``, the span of
the original (raw) text it stands for, so any span of the normalised text can
be turned back into a span of the raw text with :meth:`MappedText.raw_span`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable


@dataclass(frozen=True)
class MappedText:
    """``text`` plus, per character, the raw span ``[starts[i], ends[i])`` it came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    raw_length: int

    @classmethod
    def identity(cls, raw: str) -> "MappedText":
        """Wrap raw text: character ``i`` maps to raw span ``[i, i+1)``."""
        return cls(raw, tuple(range(len(raw))), tuple(range(1, len(raw) + 1)), len(raw))

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the normalised span ``text[start:end]``."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside text of length {len(self.text)}")
        if start == end:
            pos = self.starts[start] if start < len(self.text) else self.raw_length
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def replace_spans(self, edits: Iterable[tuple[int, int, str]]) -> "MappedText":
        """Apply non-overlapping ``(start, end, new_text)`` edits, keeping the map.

        A replacement of the same length maps character to character; any other
        replacement maps every new character to the whole replaced raw span, so a
        span that touches it covers all of what it came from.
        """
        text, starts, ends = [], [], []
        pos = 0
        for start, end, new in sorted(edits):
            if start < pos:
                raise ValueError("overlapping edits")
            text.append(self.text[pos:start])
            starts.extend(self.starts[pos:start])
            ends.extend(self.ends[pos:start])
            if len(new) == end - start:
                starts.extend(self.starts[start:end])
                ends.extend(self.ends[start:end])
            elif new:
                raw_start, raw_end = self.raw_span(start, end)
                if start == end:  # pure insertion: anchor to the next character
                    raw_end = raw_start
                starts.extend([raw_start] * len(new))
                ends.extend([raw_end] * len(new))
            text.append(new)
            pos = end
        text.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        return MappedText("".join(text), tuple(starts), tuple(ends), self.raw_length)

    def sub(self, pattern: str | re.Pattern, repl: str | Callable[[re.Match], str]) -> "MappedText":
        """Like :func:`re.sub`, keeping the map (see :meth:`replace_spans`)."""
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        edits = []
        for match in regex.finditer(self.text):
            new = repl(match) if callable(repl) else match.expand(repl)
            if new != match.group(0):
                edits.append((match.start(), match.end(), new))
        return self.replace_spans(edits) if edits else self

    def translate(self, table: dict[int, str]) -> "MappedText":
        """Character-for-character translation (``str.translate`` with 1-char values)."""
        new = self.text.translate(table)
        if len(new) != len(self.text):
            raise ValueError("translate table must map single characters to single characters")
        return MappedText(new, self.starts, self.ends, self.raw_length)
