"""Normalise a policy document's text, keeping a map to the original offsets.

Steps, each a :class:`~corpus.mapped.MappedText` rewrite:

1. line ends and byte-order marks;
2. traditional characters to simplified (only when the text is traditional);
3. full-width letters and digits to half-width (１０万元 → 10万元);
4. half-width punctuation in Chinese text to full-width ((一) → （一）, `, ` → ，);
5. an English "and" typed between Chinese words (调整 and 转型) to 和;
6. spaces that are not between two Latin letters or digits removed
   (申请领取 5000 元 → 申请领取5000元, 实 施 意 见 → 实施意见); tabs kept, because
   they delimit the cells of a flattened table;
7. in prose documents, paragraphs cut by a page break rejoined
   (降低创业准入 / 门槛 → 降低创业准入门槛).
"""
from __future__ import annotations

import functools
import re

from .mapped import MappedText
from .markers import TERMINAL, is_backmatter_line, section_match, starts_structure

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Lone surrogates: how Python passes on command-line bytes that are not UTF-8. Not text;
# they cannot be written as UTF-8.
SURROGATES = re.compile("[\ud800-\udfff]")
# Full-width ASCII variants → ASCII, for letters, digits and a few signs used in numbers.
_FULLWIDTH = {code: chr(code - 0xFEE0) for code in range(0xFF10, 0xFF1A)}
_FULLWIDTH.update({code: chr(code - 0xFEE0) for code in range(0xFF21, 0xFF3B)})
_FULLWIDTH.update({code: chr(code - 0xFEE0) for code in range(0xFF41, 0xFF5B)})
_FULLWIDTH.update({ord("％"): "%", ord("／"): "/", ord("＋"): "+", ord("＝"): "="})
# Half-width punctuation → full-width. Commas and colons between digits stay (1,000; 10:30).
_HALFWIDTH_PUNCT = {"(": "（", ")": "）", ";": "；", "?": "？", "!": "！"}


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(mapped: MappedText) -> MappedText:
    """Convert traditional characters to simplified when the text is traditional.

    Conversion is per character so the offset map stays one to one; it is applied
    only when at least 1% of the Chinese characters change, so a simplified text
    is never touched.
    """
    text = mapped.text
    converter = _t2s()
    converted = converter.convert(text)
    if len(converted) != len(text):
        converted = "".join(converter.convert(ch) if len(converter.convert(ch)) == 1 else ch for ch in text)
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") or 1
    changed = sum(1 for a, b in zip(text, converted) if a != b)
    if changed / cjk < 0.01:
        return mapped
    return MappedText(converted, mapped.starts, mapped.ends, mapped.raw_length)


def normalise_characters(raw: str) -> MappedText:
    """Steps 1–6 of the module docstring on raw text."""
    mapped = MappedText.identity(raw)
    mapped = mapped.sub(r"\r\n?|\ufeff|\u200b|\u200c|\u200d|\u2028|\u2029",
                        lambda m: "\n" if m.group(0) in ("\r\n", "\r", "\u2028", "\u2029") else "")
    mapped = to_simplified(mapped)
    mapped = mapped.translate(_FULLWIDTH)
    # ． after a digit (１．) is an item dot; elsewhere it stays.
    mapped = mapped.sub(r"(?<=\d)．", ".")
    mapped = mapped.sub(r"[();?!]", lambda m: _HALFWIDTH_PUNCT[m.group(0)])
    mapped = mapped.sub(r"(?<!\d),|,(?!\d)", "，")
    mapped = mapped.sub(r"(?<!\d):|:(?!\d)", "：")
    # A half-width full stop closing a Chinese sentence (力度.对…) is a 。; 2000元.3000元 is left alone.
    mapped = mapped.sub(rf"(?<=[{CJK}”）])\.(?=[{CJK}“（〔\[［【]|\s*$|\s*\n)", "。")
    mapped = mapped.sub(rf"(?<=[{CJK}])[ \u3000\u00a0]*\band\b[ \u3000\u00a0]*(?=[{CJK}])", "和")
    # Spaces: keep one only between two Latin letters or digits.
    mapped = mapped.sub(r"[ \u3000\u00a0\u2002\u2003\u2009]+",
                        lambda m: " " if _between_latin(m) else "")
    return mapped


def _between_latin(match: re.Match) -> bool:
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return before.isascii() and before.isalnum() and after.isascii() and after.isalnum()


def rejoin_page_breaks(mapped: MappedText) -> MappedText:
    """Glue paragraphs that a page break cut in two (prose documents only).

    A paragraph is continued by the next one when it does not end a sentence or a
    bracketed list, when it is not a heading or a closing line, and when the next
    paragraph does not open a section or an item. Only the body is touched: from
    the first section or item marker on.
    """
    text = mapped.text
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", text) if m.end() > m.start()]
    body_started = False
    edits = []
    content = [(s, e) for s, e in lines if text[s:e].strip()]
    for (start, end), (next_start, next_end) in zip(content, content[1:]):
        line, following = text[start:end].strip(), text[next_start:next_end].strip()
        end = start + len(text[start:end].rstrip())
        next_start = next_end - len(text[next_start:next_end].lstrip())
        if starts_structure(line):
            body_started = True
        if not body_started:
            continue
        if line[-1] in TERMINAL or section_match(line) or is_backmatter_line(line):
            continue
        if starts_structure(following) or is_backmatter_line(following):
            continue
        edits.append((end, next_start, ""))
    return mapped.replace_spans(edits) if edits else mapped
