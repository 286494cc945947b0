"""Document structure: sections (一、) → items (（一）, 1.) → paragraphs → provisions.

Two layouts are recognised:

* **prose** — headings and numbered items in running text (华龙, 资阳, 洛阳, 益阳).
  One provision per item, plus one per unnumbered paragraph that carries its
  own responsibility list (华龙 item （三） has three: ``hualong/3``,
  ``hualong/3-2``, ``hualong/3-3``).
* **table** — a task table flattened to text (君山): a header row repeated on
  every page, cells that start with a tab, and the columns 牵头责任单位 /
  相关责任单位 (see :mod:`corpus.table`).

Items are numbered in sequence; a number that lost its dot (``68每年``) is
accepted when the sequence expects it, and an item that lost its number is
recognised by the gap it leaves.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .markers import (ITEM_DIGIT, ITEM_DIGIT_NODOT, ITEM_PAREN, chinese_numeral,
                      is_backmatter_line, is_web_chrome, section_match)
from .responsibility import ListRules, Mention, find_list
from .units import Government, UnitVocabulary


@dataclass
class Section:
    """A section heading ``label`` + ``title`` (一、 + 深入实施就业优先战略) at ``start:end``."""

    number: int
    label: str
    title: str
    start: int
    end: int

    @property
    def heading(self) -> str:
        return f"{self.label}{self.title}"


@dataclass
class Provision:
    """One provision; spans are offsets in the document's normalised text.

    ``text_span`` is the provision's text (for a table row: the task cell);
    ``list_span`` the responsibility list inside it, if any.
    """

    item: int
    sub: int
    label: str
    section: int | None
    text_span: tuple[int, int]
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    list_span: tuple[int, int] | None = None
    mentions: list[Mention] = field(default_factory=list)
    number_inferred: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return str(self.item) if self.sub == 1 else f"{self.item}-{self.sub}"


@dataclass
class Structure:
    """What :func:`parse_structure` finds in one document."""

    layout: str
    sections: list[Section]
    provisions: list[Provision]
    preamble: list[tuple[int, int]]
    closing: list[tuple[int, int]]
    warnings: list[str]


def paragraphs_of(text: str) -> list[tuple[int, int]]:
    """Non-empty lines of ``text`` as ``(start, end)`` spans, surrounding whitespace excluded."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group(0)
        if line.strip():
            start = match.start() + len(line) - len(line.lstrip())
            spans.append((start, match.start() + len(line.rstrip())))
    return spans


def item_style(text: str) -> str:
    """``paren`` when the document numbers items （一）, else ``digit`` (1.)."""
    for start, end in paragraphs_of(text):
        if ITEM_PAREN.match(text[start:end]):
            return "paren"
    return "digit"


def match_item(line: str, style: str, previous: int) -> tuple[int, str, int] | None:
    """``(number, label, length of the marker)`` if ``line`` opens an item of ``style``.

    Digit items are taken only where the sequence allows them (the next number,
    a small skip, or a restart at 1), so a paragraph starting with ``2019年``
    is not item 2019 and ``1.5万人`` does not open item 1 in the middle of a list.
    """
    if style == "paren":
        match = ITEM_PAREN.match(line)
        if not match:
            return None
        raw = match.group("num")
        number = int(raw) if raw.isdigit() else chinese_numeral(raw)
        return number, line[:match.start("rest")].strip(), match.start("rest")
    match = ITEM_DIGIT.match(line)
    if match:
        number = int(match.group("num"))
        decimal = match.group("sep") == "." and match.group("rest")[:1].isdigit()
        if decimal and number != previous + 1:
            return None
        if number == 1 or previous < number <= previous + 3:
            return number, line[:match.end("sep")].strip(), match.start("rest")
    match = ITEM_DIGIT_NODOT.match(line)
    if match and int(match.group("num")) == previous + 1:
        return previous + 1, match.group("num"), match.start("rest")
    return None


def infer_lost_numbers(provisions: list[Provision], warnings: list[str]) -> None:
    """An unnumbered provision sitting in a numbering gap is the missing item.

    ``27.`` … (unnumbered, own responsibility list) … ``29.``: the unnumbered one
    is item 28, not a second part of item 27.
    """
    for index, provision in enumerate(provisions):
        if provision.sub < 2:
            continue
        following = next((p for p in provisions[index + 1:] if p.sub == 1), None)
        if following and following.item == provision.item + 2:
            old, old_sub = provision.key, provision.sub
            provision.item, provision.sub, provision.number_inferred = provision.item + 1, 1, True
            warnings.append(f"item {provision.item} has no number in the text; inferred from the gap after {old}")
            for later in provisions[index + 1:]:
                if later.sub == 1:
                    break
                later.item, later.sub = provision.item, later.sub - (old_sub - 1)


def parse_prose(text: str, vocab: UnitVocabulary, gov: Government) -> Structure:
    """Parse a prose document (see module docstring)."""
    style = item_style(text)
    sections: list[Section] = []
    provisions: list[Provision] = []
    preamble, closing, pending, warnings = [], [], [], []
    rules = ListRules()
    previous = 0

    def close_pending(into_closing: bool) -> None:
        if pending and provisions:
            target = closing if into_closing else provisions[-1].paragraphs
            target.extend(pending)
        pending.clear()

    for start, end in paragraphs_of(text):
        line = text[start:end]
        if is_web_chrome(line):
            continue
        heading = section_match(line)
        if heading:
            close_pending(into_closing=False)
            number = chinese_numeral(heading.group("num"))
            sections.append(Section(number, f"{heading.group('num')}、", heading.group("title").strip(), start, end))
            continue
        item = match_item(line, style, previous)
        if item:
            close_pending(into_closing=False)
            number, label, _ = item
            if number <= previous:
                warnings.append(f"numbering restarts at {label}; numbered on from {previous}")
                number = previous + 1
            previous = number
            provision = Provision(number, 1, label, len(sections) - 1 if sections else None, (start, end), [(start, end)])
            _attach_list(provision, text, start, end, rules, vocab, gov)
            provisions.append(provision)
            continue
        if not provisions:
            preamble.append((start, end))
            continue
        if is_backmatter_line(line):
            pending.append((start, end))
            continue
        current = provisions[-1]
        listed = find_list(line, start, ListRules(rules.lead_first), vocab, gov)
        if current.list_span is None and not pending:
            current.paragraphs.append((start, end))
            current.text_span = (current.text_span[0], end)
            _attach_list(current, text, start, end, rules, vocab, gov)
        elif listed:
            first = pending[0][0] if pending else start
            sub = Provision(current.item, current.sub + 1, "", current.section, (first, end), pending + [(start, end)])
            pending.clear()
            _attach_list(sub, text, start, end, rules, vocab, gov)
            provisions.append(sub)
        else:
            pending.append((start, end))
    close_pending(into_closing=True)
    infer_lost_numbers(provisions, warnings)
    return Structure("prose", sections, provisions, preamble, closing, warnings)


def _attach_list(provision: Provision, text: str, start: int, end: int, rules: ListRules,
                 vocab: UnitVocabulary, gov: Government) -> None:
    parsed = find_list(text[start:end], start, rules, vocab, gov)
    if parsed:
        provision.list_span = (parsed.start, parsed.end)
        provision.mentions = parsed.mentions


def parse_structure(text: str, vocab: UnitVocabulary, gov: Government) -> Structure:
    """Parse normalised ``text`` as a table (when it has a task-table header) or as prose."""
    from .table import looks_like_table, parse_table

    if looks_like_table(text):
        return parse_table(text, vocab, gov)
    return parse_prose(text, vocab, gov)
