"""Task tables flattened to text (君山's 具体措施).

The flattened table keeps one line per cell line: a cell starts on a line
that begins with a tab, further lines of the same cell have none, and a blank
line ends a row. The header row (实施计划 / 具体目标任务和政策实施措施 /
牵头责任单位 / 相关责任单位) is repeated on every page, with the section in
the first column of the page's first row.

A related-units cell merged over several rows is printed once, in the first
row; it applies to each following row down to the next non-empty related cell
or the next repeated header. A 备注 saying that every 镇（街道）、场 is a
related unit of every item adds that unit to every row.
"""
from __future__ import annotations

import re

from .markers import section_match, chinese_numeral
from .responsibility import Mention, split_names, split_units
from .structure import Provision, Section, Structure, infer_lost_numbers, match_item
from .units import Government, UnitVocabulary

LEAD_COLUMNS = {"牵头责任单位", "牵头单位", "牵头部门", "主办单位"}
RELATED_COLUMNS = {"相关责任单位", "配合单位", "配合部门", "协办单位", "参与单位", "相关单位", "协助单位"}
RESPONSIBLE_COLUMNS = {"责任单位", "责任部门", "实施单位"}
TASK_COLUMNS = {"具体目标任务和政策实施措施", "工作任务", "主要任务", "重点任务", "具体措施", "政策措施",
                "任务内容", "工作内容", "目标任务", "具体任务", "政策内容", "主要内容"}
OTHER_COLUMNS = {"实施计划", "序号", "项目", "类别", "完成时限", "时间节点", "完成时间", "备注", "工作目标"}
HEADER_WORDS = LEAD_COLUMNS | RELATED_COLUMNS | RESPONSIBLE_COLUMNS | TASK_COLUMNS | OTHER_COLUMNS
REMARK_RELATED = re.compile(
    r"(?P<names>[^，。；：:]+?)(?:同为|均为|也为)(?:以上|上述)?(?:各项|所有)?.{0,12}?(?:相关责任单位|配合单位|责任单位)"
)


def _cells(text: str) -> list[list[tuple[int, int]]]:
    """Rows of the flattened table: each a list of cells, each a ``(start, end)`` span."""
    rows, cells = [], []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if line == "":
            if cells:
                rows.append(cells)
            cells = []
            continue
        content_start = start + len(line) - len(line.lstrip("\t"))
        if line.startswith("\t") or not cells:
            cells.append((content_start, end))
        else:
            cells[-1] = (cells[-1][0], end)
    if cells:
        rows.append(cells)
    return rows


def looks_like_table(text: str) -> bool:
    """True when ``text`` has a header row naming a lead or responsible-unit column."""
    lines = {line.strip() for line in text.split("\n")}
    return bool(lines & (LEAD_COLUMNS | RESPONSIBLE_COLUMNS)) and len(lines & HEADER_WORDS) >= 3


def cell_mentions(text: str, start: int, end: int, role: str, vocab: UnitVocabulary,
                  gov: Government) -> list[Mention]:
    """Units of a table cell, one or more per line (驻区相关银行区财政局 is two)."""
    mentions = []
    pos = start
    for line in text[start:end].split("\n"):
        names = split_units(split_names(line, pos), vocab, gov)
        mentions.extend(Mention(name, role, s, e) for name, s, e in names)
        pos += len(line) + 1
    return mentions


def parse_table(text: str, vocab: UnitVocabulary, gov: Government) -> Structure:
    """Parse a flattened task table into sections and one provision per row."""
    sections: list[Section] = []
    provisions: list[Provision] = []
    preamble, closing, warnings = [], [], []
    columns: list[str] = []
    inherited: list[Mention] = []
    remark_mentions: list[Mention] = []
    previous = 0
    for cells in _cells(text):
        values = [text[s:e].strip() for s, e in cells]
        if values[0].startswith("备注"):
            closing.extend(cells)
            remark_mentions += _remark_units(text, cells, vocab, gov)
            continue
        is_header = [v in HEADER_WORDS for v in values]
        if sum(is_header) >= 3 and all(is_header[is_header.index(True):]):
            first = is_header.index(True)
            preamble.extend(cells[:first])
            columns, inherited = values[first:], []
            continue
        if not columns:
            preamble.extend(cells)
            continue
        item_index = _task_cell(values, previous)
        for s, e in cells[:item_index if item_index is not None else len(cells)]:
            _note_plan_cell(text, s, e, sections, warnings)
        if item_index is None:
            continue
        provision, previous = _row_provision(text, cells, values, item_index, previous, sections, provisions)
        for (s, e), column in zip(cells[item_index + 1:], _unit_columns(columns)):
            if column == "related":
                found = cell_mentions(text, s, e, "cooperating", vocab, gov)
                if found:
                    inherited = found
                provision.mentions += found or inherited
                if not found and inherited:
                    provision.notes.append("related units from the merged cell above")
            elif column:
                provision.mentions += cell_mentions(text, s, e, column, vocab, gov)
        if len(cells) - item_index - 1 < sum(1 for c in _unit_columns(columns) if c == "related") and inherited:
            provision.mentions += inherited
            provision.notes.append("related units from the merged cell above")
        provisions.append(provision)
    for provision in provisions:
        provision.mentions += remark_mentions
    infer_lost_numbers(provisions, warnings)
    return Structure("table", sections, provisions, preamble, closing, warnings)


def _unit_columns(columns: list[str]) -> list[str | None]:
    """Roles of the columns after the task column: ``lead``, ``related``, ``responsible`` or None."""
    task = next((i for i, c in enumerate(columns) if c in TASK_COLUMNS), 0)
    has_lead = any(c in LEAD_COLUMNS for c in columns)
    roles = []
    for column in columns[task + 1:]:
        if column in LEAD_COLUMNS:
            roles.append("lead")
        elif column in RELATED_COLUMNS or (column in RESPONSIBLE_COLUMNS and has_lead):
            roles.append("related")
        elif column in RESPONSIBLE_COLUMNS:
            roles.append("responsible")
        else:
            roles.append(None)
    return roles


def _task_cell(values: list[str], previous: int) -> int | None:
    """Index of the cell holding the task: a numbered one, or else the first long sentence."""
    for index, value in enumerate(values):
        if match_item(value, "digit", previous):
            return index
    for index, value in enumerate(values):
        if len(value) > 15 and not section_match(value):
            return index
    return None


def _note_plan_cell(text, start, end, sections, warnings) -> None:
    value = text[start:end].strip()
    if not value:
        return
    heading = section_match(value)
    if heading:
        number, title = chinese_numeral(heading.group("num")), heading.group("title").strip()
        if not sections or (sections[-1].number, sections[-1].title) != (number, title):
            if any((s.number, s.title) == (number, title) for s in sections):
                return
            sections.append(Section(number, f"{heading.group('num')}、", title, start, end))
    else:
        warnings.append(f"stray text {value!r} in the table's first column at offset {start}, ignored")


def _row_provision(text, cells, values, item_index, previous, sections, provisions):
    start, end = cells[item_index]
    item = match_item(values[item_index], "digit", previous)
    section = len(sections) - 1 if sections else None
    if item:
        number, label, _ = item
        return Provision(number, 1, label, section, (start, end), [(start, end)]), number
    last = provisions[-1] if provisions else None
    number = last.item if last else previous
    sub = last.sub + 1 if last else 1
    return Provision(number, sub, "", section, (start, end), [(start, end)]), previous


def _remark_units(text, cells, vocab, gov) -> list[Mention]:
    start, end = cells[0][0], cells[-1][1]
    mentions = []
    for match in REMARK_RELATED.finditer(text[start:end]):
        names_text = match.group("names").strip()
        offset = start + match.start("names") + (len(match.group("names")) - len(match.group("names").lstrip()))
        for name, s, e in split_units(split_names(names_text, offset), vocab, gov):
            mentions.append(Mention(name, "cooperating", s, e))
    return mentions
