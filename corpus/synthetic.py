"""A synthetic corpus: N× the five documents, varied so that structure and extraction stay real.

Each copy of a bundled document gets another place (a real prefecture-level city
or district name, its government and 文号 prefix rewritten), another date and
文号, its sums of money scaled by a factor between 0.5 and 2 (rounded as
documents round them), and, in prose documents, its items shuffled within each
section and renumbered. The text keeps every quirk of the original — page
breaks, half-width punctuation, merged table cells — so parsing the copies costs
what parsing real documents costs.

``synthetic_sources(10)`` returns 50 sources (the five originals included).
"""
from __future__ import annotations

import random
import re

from .document import Source
from .markers import CN_NUMERAL, chinese_numeral

PLACES = [
    ("巴中市", "四川省", "巴"), ("绵阳市", "四川省", "绵"), ("南充市", "四川省", "南"), ("宜宾市", "四川省", "宜"),
    ("常德市", "湖南省", "常"), ("衡阳市", "湖南省", "衡"), ("株洲市", "湖南省", "株"), ("邵阳市", "湖南省", "邵"),
    ("开封市", "河南省", "汴"), ("新乡市", "河南省", "新"), ("南阳市", "河南省", "宛"), ("信阳市", "河南省", "信"),
    ("赣州市", "江西省", "赣"), ("九江市", "江西省", "浔"), ("宜昌市", "湖北省", "宜"), ("襄阳市", "湖北省", "襄"),
    ("遵义市", "贵州省", "遵"), ("曲靖市", "云南省", "曲"), ("桂林市", "广西壮族自治区", "桂"), ("汉中市", "陕西省", "汉"),
]
DISTRICTS = ["城关区", "高新区", "临江区", "东城区", "西湖区", "河口区", "新华区", "青山区", "北塘区", "南湖区"]
NUMERALS = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    if n < 20:
        return "十" + NUMERALS[n - 11]
    tens, ones = divmod(n, 10)
    return NUMERALS[tens - 1] + "十" + (NUMERALS[ones - 1] if ones else "")


def _scale_money(text: str, rng: random.Random) -> str:
    factor = rng.choice([0.5, 0.8, 1.2, 1.5, 2.0])

    def repl(match: re.Match) -> str:
        value = float(match.group("num")) * factor
        rounded = round(value) if value >= 10 else round(value, 1)
        number = str(int(rounded)) if float(rounded).is_integer() else str(rounded)
        return f"{number}{match.group('rest')}"

    return re.sub(r"(?P<num>\d+(?:\.\d+)?)(?P<rest>\s*(?:万元|万|元))", repl, text)


def _shuffle_items(text: str, rng: random.Random) -> str:
    """Shuffle the （一）… items inside each section and renumber all items in order.

    An item runs from its marker to the next item marker or section heading; the
    document's last item stays last, so the closing paragraphs stay after it.
    """
    item = re.compile(rf"^\s*[（(]({CN_NUMERAL})[）)]")
    section = re.compile(rf"^\s*{CN_NUMERAL}、")
    segments: list[list[str] | str] = []  # a str is a fixed line, a list is an item block
    for line in text.split("\n"):
        if item.match(line):
            segments.append([line])
        elif section.match(line) and len(line.strip()) < 40:
            segments.append(line)
        elif segments and isinstance(segments[-1], list):
            segments[-1].append(line)
        else:
            segments.append(line)
    last_item = max((i for i, seg in enumerate(segments) if isinstance(seg, list)), default=-1)
    out: list[str] = []
    run: list[list[str]] = []
    for index, segment in enumerate(segments):
        if isinstance(segment, list) and index != last_item:
            run.append(segment)
            continue
        rng.shuffle(run)
        out += [line for block in run for line in block]
        run = []
        out += segment if isinstance(segment, list) else [segment]
    rng.shuffle(run)
    out += [line for block in run for line in block]
    counter = 0
    for index, line in enumerate(out):
        match = item.match(line)
        if match and chinese_numeral(match.group(1)):
            counter += 1
            out[index] = line[:match.start(1)] + _numeral(counter) + line[match.end(1):]
    return "\n".join(out)


def vary(source: Source, copy: int, seed: int = 0) -> Source:
    """Copy number ``copy`` (≥ 1) of ``source``, varied as the module docstring says."""
    rng = random.Random(f"{seed}-{source.id}-{copy}")
    manifest = dict(source.manifest)
    city, province, short = PLACES[(copy - 1 + sum(map(ord, source.id))) % len(PLACES)]
    old_region, old_parent = manifest["region"], manifest.get("parent")
    if manifest["level"] == "区":
        region, parent = DISTRICTS[rng.randrange(len(DISTRICTS))], city
    else:
        region, parent = city, None
    text = source.raw
    for old, new in ((old_parent, parent), (old_region, region)):
        if old and new:
            text = text.replace(old, new).replace(old[:-1], new[:-1]) if len(old) > 2 else text.replace(old, new)
    year = rng.randint(2016, 2021)
    text = re.sub(r"(?<=〔)20\d\d(?=〕)", str(year), text)
    text = re.sub(r"20\d\d年(\d{1,2})月(\d{1,2})日", lambda m: f"{year}年{m.group(1)}月{m.group(2)}日", text)
    text = _scale_money(text, rng)
    if manifest.get("layout") != "table" and "牵头责任单位" not in text[:400]:
        text = _shuffle_items(text, rng)
    doc_id = f"{source.id}-{copy:03d}"
    manifest.update({
        "id": doc_id, "region": region, "parent": parent, "province": province,
        "government": f"{parent or ''}{region}人民政府",
        "title": manifest["title"].replace(old_region, region),
        "number": f"{short}政〔{year}〕{rng.randint(1, 99)}号" if manifest.get("number") else None,
        "other_numbers": [], "date": f"{year}" + (manifest["date"][4:] if manifest.get("date") else ""),
        "source": f"{doc_id}.txt",
    })
    return Source(manifest, text)


def synthetic_sources(times: int, base: list[Source] | None = None, seed: int = 0) -> list[Source]:
    """``times`` × the bundled documents: the originals plus ``times − 1`` varied copies of each."""
    from . import bundled_sources

    base = base or bundled_sources()
    sources = list(base)
    for copy in range(1, times):
        sources += [vary(source, copy, seed) for source in base]
    return sources
