"""Highlighted snippets: whole words marked with ``<mark>``, everything else escaped."""
from __future__ import annotations

import bisect
import html

from .analysis import word_spans


def match_spans(text: str, words: list[str], phrases: list[str],
                bounds: list[int] | None = None) -> list[tuple[int, int]]:
    """Spans of ``text`` to mark, widened to whole words and merged.

    ``phrases`` (and ``words``) are found as substrings; every match is widened to
    the words it touches, so 担保贷款 inside 创业担保贷款 marks the whole word.
    """
    if bounds is None:
        tokens = [(s, e) for _, s, e, _ in word_spans(text)]
    else:
        tokens = list(zip(bounds[0::2], bounds[1::2]))
    lowered = text.lower()
    raw = []
    for needle in sorted({n.lower() for n in words + phrases if n}, key=len, reverse=True):
        start = lowered.find(needle)
        while start != -1:
            raw.append((start, start + len(needle)))
            start = lowered.find(needle, start + len(needle))
    widened = []
    starts = [t[0] for t in tokens]
    for start, end in raw:
        index = max(0, bisect.bisect_right(starts, start) - 1)
        while index < len(tokens) and tokens[index][0] < end:
            t_start, t_end = tokens[index]
            if start < t_end:
                start, end = min(start, t_start), max(end, t_end)
            index += 1
        widened.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(widened):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(text: str, words: list[str], phrases: list[str], width: int = 140,
            bounds: list[int] | None = None) -> str:
    """An HTML snippet of about ``width`` characters around the densest matches.

    ``bounds`` are the text's word boundaries if known (stored in the index).
    """
    spans = match_spans(text, words, phrases, bounds)
    if not spans:
        window = (0, min(len(text), width))
    else:
        best, best_count = spans[0][0], 0
        for start, _ in spans:
            count = sum(1 for s, e in spans if start <= s and e <= start + width)
            if count > best_count:
                best, best_count = start, count
        begin = max(0, best - width // 4)
        window = (begin, min(len(text), begin + width))
    begin, end = window
    out, pos = [], begin
    for start, stop in spans:
        if stop <= begin or start >= end:
            continue
        start, stop = max(start, begin), min(stop, end)
        out.append(html.escape(text[pos:start]))
        out.append(f"<mark>{html.escape(text[start:stop])}</mark>")
        pos = stop
    out.append(html.escape(text[pos:end]))
    return ("…" if begin > 0 else "") + "".join(out) + ("…" if end < len(text) else "")
