"""Amounts: numbers with their units, bounds, rates and levels, normalised.

``extract_amounts("个人创业提供贷款最高申请额度由10万元提高到15万元")`` gives, among
others, ``{"text": "15万元", "value": 150000, "unit": "元", "kind": "cap",
"previous": 100000, …}``. What is recognised:

* money: ``5000元``, ``1万元`` → 10000, ``1.5万``, ``1000 万元``, ``亿元``;
* bounds: caps (最高, 不超过, 不高于, 最长, 以内, 封顶) vs floors (不低于, 不少于,
  至少, 以上) vs exact; ranges (``2万元至10万元``, ``10万－20万元``, ``3万―5万元``,
  ``16-24岁``);
* parallel lists mapped onto their levels (``国家级、省级、市级…分别给予…200万元、
  100万元、50万元``), the bound of the first applying to all;
* rates: ``每人每月1000元``, ``1000元/人``, ``每人每年``, ``每天20元``, ``一次性``;
* percentages and fractions: ``50%``, ``2/3``, ``百分之五十``, ``三分之二``, ``3个百分点``;
* changes: ``由10万元提高到15万元`` (value 150000, previous 100000);
* quantities that are not money: ``1.5万人`` (headcount), ``1200个`` (count),
  ``6个月`` / ``3年`` (duration), ``16-24岁`` (age) — and dates (2019年,
  1月1日) and 文号 numbers are not amounts at all.

Offsets are relative to the text given; callers add their base offset.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
MULTIPLIER = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

NUMBER = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+|半)"
UNIT = (r"(?:万元|亿元|千元|元|%|％|个百分点|个多月|个月|周年|年|天|小时|课时|人次|人|名|个|家|户|项|所|岁|倍|次|期|批)")
ATOM = re.compile(rf"(?P<num>{NUMBER})(?P<mult>万|千|亿)?(?P<unit>{UNIT})?(?:/(?P<slash>人|户|年|月|天|次|个|家|项|人次))?")
FRACTION = re.compile(r"(?P<a>\d+)\s*/\s*(?P<b>\d+)(?!\s*[/\d])|(?P<cb>[一二三四五六七八九十]+)分之(?P<ca>[一二三四五六七八九十]+)")
PERCENT_WORDS = re.compile(r"百分之(?P<num>[一二三四五六七八九十百零]+|\d+(?:\.\d+)?)")
RANGE_SEP = r"\s*(?:至|到|~|～|-|－|―|—|–)\s*"

CAP_BEFORE = re.compile(r"(最高不超过|最高不高于|累计不超过|最高限额|最高额度|最长不超过|不超过|不高于|不得超过|最高|最多|最长|上限为?|封顶|最大|不足)[^，。；\d]{0,24}$")
FLOOR_BEFORE = re.compile(r"((不低于|不少于|至少|起码|达到|高于|超过)[^，。；\d]{0,12}|最低)$")
CAP_AFTER = re.compile(r"^(?:（含[^）]*）)?(以内|以下|之内|内|封顶)")
FLOOR_AFTER = re.compile(r"^(?:（含[^）]*）)?(及以上|以上|起)")
CHANGE_VERB = re.compile(r"(提高|调整|放宽|增加|扩大|上调|增至|降低|下调|扩展)(到|至|为)?")
PER_UNIT = re.compile(r"每(?P<w>个(?P<noun>(?![给按可补最不])[\u4e00-\u9fff]{1,3}?)(?=最|给|按|补|可|\d|不|每|的|$)|人|户|家|名|项目|项|所|年|月|天|日|次|季度|课时|个)")
TIME_WORDS = {"年": "年", "月": "月", "天": "天", "日": "天", "次": "次", "季度": "季度", "课时": "课时"}
LEVEL_WORD = re.compile(r"(国家级|省级|市级|县级|区级|乡镇级|国家|省外|市外|区县（市）外|县外|区外)")
LIST_SEP = re.compile(r"\s*(、|和|及|或|\.)\s*")

KIND_ZH = {"cap": "最高", "floor": "不低于", "exact": "", "range": ""}
MONEY_UNITS = {"元", "万元", "亿元", "千元"}
COUNT_UNITS = {"个": "count", "家": "count", "户": "count", "项": "count", "所": "count", "次": "count", "期": "count",
               "批": "count", "人": "headcount", "名": "headcount", "人次": "headcount", "岁": "age", "倍": "multiple",
               "个月": "duration", "个多月": "duration", "年": "duration", "周年": "duration", "天": "duration",
               "小时": "duration", "课时": "duration", "%": "percent", "％": "percent", "个百分点": "percentage-point"}


@dataclass
class Amount:
    """One normalised quantity; see the module docstring. ``value`` is the headline figure
    (for a range, its upper bound); ``min``/``max`` are set for ranges only."""

    text: str
    start: int
    end: int
    value: float | int | None
    min: float | int | None
    max: float | int | None
    unit: str
    quantity: str
    kind: str
    per: str | None = None
    period: str | None = None
    once: bool = False
    previous: float | int | None = None
    level: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def chinese_number(text: str) -> float | None:
    """``三`` → 3, ``十二`` → 12, ``一百`` → 100, ``半`` → 0.5; digits pass through."""
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if text == "半":
        return 0.5
    total, digit = 0, None
    for ch in text:
        if ch in CN_DIGIT:
            digit = CN_DIGIT[ch]
        elif ch in MULTIPLIER:
            total += (digit if digit is not None else 1) * MULTIPLIER[ch]
            digit = None
        else:
            return None
    return float(total + (digit or 0))


def _clean(number: float) -> float | int:
    return int(number) if float(number).is_integer() else round(number, 4)


@dataclass
class _Atom:
    start: int
    end: int
    value: float
    unit: str | None
    mult: float
    slash: str | None


def _atoms(text: str) -> list[_Atom]:
    """Every number with its multiplier and unit, dates and 文号 numbers left out."""
    atoms = []
    for match in ATOM.finditer(text):
        num, unit = match.group("num"), match.group("unit")
        if not re.match(r"\d", num) and not unit:
            continue  # a bare Chinese numeral (一批, 三个层次 …) is not an amount
        if not re.match(r"\d", num) and unit not in ("年", "个月", "天", "人", "名", "倍", "周年"):
            continue
        if _is_date_or_number(text, match):
            continue
        if text[max(0, match.start() - 2):match.start()] == "（含" and text[match.end():match.end() + 1] == "）":
            continue  # 3年（含3年）以上: the repeat only says the bound is inclusive
        value = chinese_number(num)
        if value is None:
            continue
        mult = MULTIPLIER.get(match.group("mult") or "", 1)
        if unit in ("万元", "亿元", "千元"):
            mult *= MULTIPLIER[unit[0]]
            unit = "元"
        atoms.append(_Atom(match.start(), match.end(), value, unit, mult, match.group("slash")))
    return atoms


def _is_date_or_number(text: str, match: re.Match) -> bool:
    num, unit = match.group("num"), match.group("unit")
    after = text[match.end():match.end() + 2]
    before = text[max(0, match.start() - 1):match.start()]
    if before in ("〔", "[", "（", "第") and re.match(r"\d{4}", num):
        return True
    if re.fullmatch(r"\d{4}", num) and (unit in ("年", None) or after.startswith("年")) and 1949 <= int(num) <= 2100:
        return not (unit == "元" or match.group("mult"))
    if unit is None and (after[:1] in ("月", "日", "号", "条", "类", "款", "季") or before == "第"):
        return True
    if before.isascii() and before.isalpha():
        return True  # O2O, 3D …
    return False


def _quantity(unit: str | None) -> str:
    if unit in MONEY_UNITS:
        return "money"
    return COUNT_UNITS.get(unit or "", "number")


def _bound(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 30):start]
    before = re.split(r"[，。；：]", before)[-1]
    after = text[end:end + 16]
    if CAP_AFTER.match(after):
        return "cap"
    if FLOOR_AFTER.match(after):
        return "floor"
    if CAP_BEFORE.search(before):
        return "cap"
    floor = FLOOR_BEFORE.search(before)
    if floor and not re.search(r"给予|发放|奖补|奖励|补贴|按", floor.group(0)):
        return "floor"
    return "exact"


def _rate(text: str, start: int, end: int, slash: str | None) -> tuple[str | None, str | None, bool]:
    """``(per, period, once)`` from 每人每月…, …/人 and 一次性 around the amount."""
    window = re.split(r"[，。；：]", text[max(0, start - 18):start])[-1]
    per = period = None
    for match in PER_UNIT.finditer(window):
        word = match.group("noun") or match.group("w")
        if word in TIME_WORDS:
            period = TIME_WORDS[word]
        elif word:
            per = word
    if slash:
        if slash in TIME_WORDS:
            period = TIME_WORDS[slash]
        else:
            per = slash
    after = re.split(r"[，。；]", text[end:end + 12])[0]
    once = "一次性" in window or "一次性" in after
    return per, period, once and "元" in text[start:end]


def extract_amounts(text: str) -> list[dict]:
    """Every amount in ``text`` as a dict (see :class:`Amount`), in order of appearance."""
    atoms = _atoms(text)
    amounts: list[Amount] = []
    used: set[int] = set()
    for index, atom in enumerate(atoms):
        if index in used:
            continue
        nxt = atoms[index + 1] if index + 1 < len(atoms) else None
        if nxt and re.fullmatch(RANGE_SEP, text[atom.end:nxt.start]) and (atom.unit in (None, nxt.unit) or
                                                                             (atom.unit == "元" and nxt.unit == "元")):
            unit = nxt.unit
            mult_low = atom.mult if atom.unit or atom.mult != 1 else nxt.mult
            low, high = _clean(atom.value * mult_low), _clean(nxt.value * nxt.mult)
            bound_kind = _bound(text, atom.start, nxt.end)
            kind = "range" if bound_kind == "exact" else bound_kind
            per, period, once = _rate(text, atom.start, nxt.end, nxt.slash)
            amounts.append(Amount(text[atom.start:nxt.end], atom.start, nxt.end, high, low, high,
                                  unit or "", _quantity(unit), kind, per, period, once))
            used.update({index, index + 1})
            continue
        if atom.unit is None and atom.mult == 1:
            continue
        unit = atom.unit or ""
        if not atom.unit and atom.mult != 1:
            unit = "元" if _money_context(text, atom.end) else ""
            if not unit:
                continue
        value = _clean(atom.value * atom.mult)
        per, period, once = _rate(text, atom.start, atom.end, atom.slash)
        amounts.append(Amount(text[atom.start:atom.end], atom.start, atom.end, value, None, None, unit,
                              _quantity(unit), _bound(text, atom.start, atom.end), per, period, once))
    amounts += _fractions(text)
    amounts.sort(key=lambda a: a.start)
    superseded = _link_changes(text, amounts)
    amounts = [a for a in amounts if id(a) not in superseded]
    _link_lists(text, amounts)
    for amount in amounts:
        if amount.unit == "％":
            amount.unit = "%"
    return [a.as_dict() for a in amounts]


def _money_context(text: str, end: int) -> bool:
    return bool(re.match(r"^(?:[^，。；\d]{0,6})(资金|补贴|奖励|扶持|贷款|额度|元)", text[end:end + 8]))


def _fractions(text: str) -> list[Amount]:
    out = []
    for match in FRACTION.finditer(text):
        if match.group("a"):
            a, b = float(match.group("a")), float(match.group("b"))
        else:
            a, b = chinese_number(match.group("ca")), chinese_number(match.group("cb"))
        if not b or a is None or a > b:
            continue
        out.append(Amount(match.group(0), match.start(), match.end(), _clean(100 * a / b), None, None, "%",
                          "fraction", _bound(text, match.start(), match.end())))
    for match in PERCENT_WORDS.finditer(text):
        value = chinese_number(match.group("num"))
        if value is not None:
            out.append(Amount(match.group(0), match.start(), match.end(), _clean(value), None, None, "%",
                              "percent", _bound(text, match.start(), match.end())))
    return out


def _link_changes(text: str, amounts: list[Amount]) -> set[int]:
    """由/从 X … 提高到/调整为 Y: Y.previous = X; returns the ids of the X amounts."""
    superseded = set()
    for first, second in zip(amounts, amounts[1:]):
        between = text[first.end:second.start]
        lead_in = text[max(0, first.start - 6):first.start]
        if first.quantity != second.quantity or len(between) > 24 or not CHANGE_VERB.search(between):
            continue
        if re.search(r"[由从]", lead_in) or re.search(r"由|从", text[max(0, first.start - 16):first.start]):
            second.previous = first.value if first.kind != "range" else first.min
            if first.kind == "range" and second.kind == "range":
                second.previous = first.max
            if second.kind == "exact" and first.kind in ("cap", "floor"):
                second.kind = first.kind
            second.per = second.per or first.per
            second.period = second.period or first.period
            superseded.add(id(first))
    return superseded


def _link_lists(text: str, amounts: list[Amount]) -> None:
    """``200万元、100万元、50万元``: one bound, rate and level each for a parallel list."""
    index = 0
    while index < len(amounts):
        run = [amounts[index]]
        while index + len(run) < len(amounts):
            nxt = amounts[index + len(run)]
            gap = text[run[-1].end:nxt.start]
            if nxt.quantity == run[0].quantity and nxt.unit == run[0].unit and LIST_SEP.fullmatch(gap):
                run.append(nxt)
            else:
                break
        if len(run) == 1:
            paired = _paired_labels(text, amounts, index)
            if paired:
                run, labels = paired
                for amount, label in zip(run, labels):
                    amount.level = label
                index += len(run)
                continue
        if len(run) > 1 and run[0].quantity not in ("money", "percent"):
            index += len(run)
            continue
        if len(run) > 1:
            head = run[0]
            once = any(a.once for a in run)
            for amount in run[1:]:
                if amount.kind == "exact" and head.kind in ("cap", "floor"):
                    amount.kind = head.kind
                amount.per = amount.per or head.per
                amount.period = amount.period or head.period
            for amount in run:
                amount.once = once
            for amount, level in zip(run, _levels(text, head.start, len(run))):
                amount.level = level
        index += len(run)


def _paired_labels(text: str, amounts: list[Amount], index: int):
    """``按高级技师3000元/人、技师2000元/人``: each amount preceded by its own label."""
    first = amounts[index]
    label = re.search(r"(?:按|为|对|：|，|给予)([\u4e00-\u9fff]{1,8})$", text[max(0, first.start - 10):first.start])
    if not label:
        return None
    run, labels = [first], [label.group(1)]
    while index + len(run) < len(amounts):
        nxt = amounts[index + len(run)]
        gap = re.fullmatch(r"、([\u4e00-\u9fff]{1,8})", text[run[-1].end:nxt.start])
        if not gap or nxt.quantity != first.quantity or nxt.unit != first.unit:
            break
        run.append(nxt)
        labels.append(gap.group(1))
    return (run, labels) if len(run) > 1 else None


def _levels(text: str, start: int, count: int) -> list[str | None]:
    """The enumeration an amount list is mapped onto: 国家级、省级、市级 … 分别给予."""
    sentence_start = max(text.rfind(ch, 0, start) for ch in "。；") + 1
    before = text[sentence_start:start]
    pieces = re.split(r"[，：]", before)
    for piece in reversed(pieces):
        items = [i for i in re.split(r"、|和|及", piece) if i]
        if len(items) < count:
            continue
        items = items[-count:]
        items[-1] = re.split(r"(?:可|的|分别|给予|按|三个层次|三档|等)", items[-1])[0] or items[-1]
        counted = [re.search(r"\d+(?:-\d+)?(?:名|人|个|家|户)(?:以上)?$", item) for item in items]
        if all(counted):
            return [m.group(0) for m in counted]
        levels = [LEVEL_WORD.search(item) for item in items]
        if all(levels) and len({m.group(1) for m in levels}) == count:
            return [m.group(1) for m in levels]
        labels = [_level_label(item, k == 0, k == count - 1) for k, item in enumerate(items)]
        if all(labels) and len(set(labels)) == count:
            return labels
    return [None] * count


def _level_label(item: str, first: bool, last: bool) -> str | None:
    quoted = re.search(r"“([^”]+)”", item)
    if quoted:
        return quoted.group(1)
    item = re.split(r"(?:可|的|分别|给予|按|三个层次|三档|等)", item)[0] if last else item
    level = LEVEL_WORD.search(item)
    if level and not first and not last:
        return level.group(1)
    if first:
        item = re.sub(r"^(?:对|被|经|通过|新认定的|成功创建|认定为?|备案的|分)+", "", item)
        item = re.sub(r"^.*\d+(?:家|名|个|人|户)", "", item)
    else:
        item = re.sub(r"^.*?\d+(?:家|名|个|人|户)", "", item)
    item = item.strip("“”的 ")
    if level and len(item) > 12:
        return level.group(1)
    return item[:16] or None


def yuan(value) -> str:
    """10000 → 1万元, 150000 → 15万元, 5000 → 5000元, 2500000 → 250万元."""
    if value is None:
        return ""
    value = float(value)
    if value >= 10000 and (value / 10000).is_integer():
        return f"{int(value / 10000)}万元"
    if value >= 10000:
        return f"{value / 10000:g}万元"
    return f"{value:g}元"


def describe_amount(amount: dict) -> str:
    """A normalised reading of an amount: 最高 15万元 / 人 · 每月 · 一次性 (由 10万元 提高)."""
    if amount["quantity"] == "money":
        if amount["kind"] == "range":
            figure = f"{yuan(amount['min'])}–{yuan(amount['max'])}"
        else:
            figure = yuan(amount["value"])
    else:
        unit = amount["unit"]
        if amount["kind"] == "range":
            figure = f"{amount['min']:g}–{amount['max']:g}{unit}"
        else:
            figure = f"{amount['value']:g}{unit}"
    parts = [f"{KIND_ZH[amount['kind']]}{figure}".strip()]
    if amount.get("per"):
        parts.append(f"每{amount['per']}")
    if amount.get("period"):
        parts.append(f"每{amount['period']}")
    if amount.get("once"):
        parts.append("一次性")
    if amount.get("level"):
        parts.insert(0, f"{amount['level']}：")
    text = " ".join(parts).replace("： ", "：")
    if amount.get("previous") is not None:
        previous = yuan(amount["previous"]) if amount["quantity"] == "money" else f"{amount['previous']:g}{amount['unit']}"
        text += f"（由{previous}调整）"
    return text
