"""Structural markers of Chinese policy documents: 一、 （一） 1. and numerals."""
from __future__ import annotations

import re

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100}
CN_NUMERAL = "[一二三四五六七八九十百零〇两]+"


def chinese_numeral(text: str) -> int | None:
    """Value of a Chinese numeral up to 999 (``二十六`` → 26); ``None`` if not one."""
    if not text or any(ch not in CN_DIGITS and ch not in CN_UNITS for ch in text):
        return None
    total, digit = 0, None
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        else:
            total += (digit if digit is not None else 1) * CN_UNITS[ch]
            digit = None
    return total + (digit or 0)


# A section heading: 一、深入实施就业优先战略
SECTION = re.compile(rf"^\s*(?P<num>{CN_NUMERAL})、\s*(?P<title>.*)$")
# An item: （一） or, before normalisation, (一); also （1）
ITEM_PAREN = re.compile(rf"^\s*[（(]\s*(?P<num>{CN_NUMERAL}|\d{{1,3}})\s*[）)]\s*(?P<rest>.*)$", re.S)
# An item numbered with digits: 1. 1、 1． — and, when the sequence expects it,
# a number that lost its dot (68每年…).
ITEM_DIGIT = re.compile(r"^\s*(?P<num>\d{1,3})\s*(?P<sep>[.．、])\s*(?P<rest>.*)$", re.S)
ITEM_DIGIT_NODOT = re.compile(r"^\s*(?P<num>\d{1,3})(?P<rest>[\u4e00-\u9fff].*)$", re.S)

# Ends a sentence or a bracketed list: a paragraph ending otherwise was cut.
TERMINAL = "。！？；）)〕］]】"


def section_match(line: str) -> re.Match | None:
    """Match a section heading, rejecting long sentences that merely start with 一、."""
    match = SECTION.match(line)
    if not match or chinese_numeral(match.group("num")) is None:
        return None
    title = match.group("title")
    if len(title) > 40 or "。" in title:
        return None
    return match


def starts_structure(line: str) -> bool:
    """True when ``line`` opens a section or an item, so it must not be glued to the one before."""
    stripped = line.strip()
    return bool(section_match(stripped) or ITEM_PAREN.match(stripped) or ITEM_DIGIT.match(stripped))

_DATE_LINE = re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(印发)?\s*$")
_BACKMATTER = re.compile(
    r"^\s*(抄送|主送|主办|督办|承办|联系人|联系电话|附件|（此件[^）]*）|\(此件)"
    r"|(人民政府|办公室|办公厅)\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*(印发)?\s*$"
    r"|印发\s*$"
)
# Navigation and chrome of a government web page around a pasted document.
_WEB_CHROME = re.compile(
    r"(打印本页|关闭窗口|【\s*字体|字号[：:]\s*[大中小]|分享到|扫一扫|浏览次数|阅读次数|访问量"
    r"|责任编辑|上一篇|下一篇|网站地图|版权所有|ICP备|备案号|联系我们|当前位置|您的位置|首页\s*[>＞»]"
    r"|发布(时间|日期)[：:]|来源[：:]|信息来源|【\s*打印|【\s*关闭|索\s*引\s*号|主题分类)"
)


def is_backmatter_line(line: str) -> bool:
    """Signature, date, 抄送/印发 and similar lines that close a document."""
    return len(line.strip()) < 60 and bool(_DATE_LINE.match(line) or _BACKMATTER.search(line))


def is_web_chrome(line: str) -> bool:
    """A line of web-page navigation or metadata around a pasted document."""
    return len(line.strip()) < 80 and bool(_WEB_CHROME.search(line))
