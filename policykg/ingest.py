"""Ingest a user's document: decode, clean, check that it parses, then rebuild.

Accepted: UTF-8 (with or without BOM), UTF-16 with BOM, GBK/GB18030, and text
or HTML pasted from a government web page (navigation around it is ignored).
Refused with one sentence, leaving the data home untouched: empty files,
binary files, files over :data:`MAX_BYTES`, text with no Chinese, and text in
which no numbered provision can be found.
"""
from __future__ import annotations

import html
import html.parser
import json
import re
from pathlib import Path

from corpus import ParseError, Source, parse_document
from corpus.normalize import SURROGATES, normalise_characters

from .build import BuildReport, all_sources, build
from .home import Home

MAX_BYTES = 5 * 1024 * 1024
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
LEVEL_SUFFIXES = (("自治县", "县"), ("自治州", "市"), ("地区", "市"), ("市", "市"), ("区", "区"), ("县", "县"),
                  ("旗", "县"), ("州", "市"), ("省", "省"))


class IngestError(ValueError):
    """The file cannot be ingested (message for the user)."""


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8, UTF-16 (BOM) or GB18030, line by line if encodings are mixed."""
    if not data.strip():
        raise IngestError("文件是空的。The file is empty.")
    if len(data) > MAX_BYTES:
        raise IngestError(f"文件过大（{len(data) // 1024} KB，上限 {MAX_BYTES // 1024} KB）。"
                          f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    elif b"\x00" in data:
        raise IngestError("这是二进制文件，不是文本。The file is binary, not text.")
    else:
        text = _decode_text(data)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(5, len(text) // 100):
        raise IngestError("这是二进制文件，不是文本。The file is binary, not text.")
    return text


def _decode_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    lines, bad = [], 0
    for line in data.split(b"\n"):
        for encoding in ("utf-8", "gb18030"):
            try:
                lines.append(line.decode(encoding))
                break
            except UnicodeDecodeError:
                continue
        else:
            bad += 1
            lines.append(line.decode("utf-8", errors="replace"))
    if bad > max(2, len(lines) // 20):
        raise IngestError("无法识别文件编码（既不是 UTF-8 也不是 GBK）。The file is neither UTF-8 nor GBK text.")
    return "\n".join(lines)


class _TextExtractor(html.parser.HTMLParser):
    BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "td"}
    SKIP = {"script", "style", "head", "title", "noscript", "nav", "footer", "header"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_to_text(text: str) -> str:
    """Visible text of an HTML page, one block element per line."""
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    return "\n\n".join(line for line in lines if line)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is HTML markup rather than plain text."""
    return bool(re.search(r"<(html|body|div|p|table|span|br)\b[^>]*>", text[:20000], re.I))


def prepare_text(data: bytes) -> str:
    """Decoded, de-HTML-ed text ready to store; raises :class:`IngestError`."""
    text = decode(data)
    if looks_like_html(text):
        text = html.unescape(html_to_text(text))
    chinese = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if chinese < 20:
        raise IngestError("文件中几乎没有中文，不是政策文件。The file has (almost) no Chinese text.")
    return text


def level_of(region: str) -> str:
    """Administrative level from the region's name (巴中市 → 市, 君山区 → 区)."""
    for suffix, level in LEVEL_SUFFIXES:
        if region.endswith(suffix):
            return level
    return "未知"


TITLE_END = r"(意见|通知|办法|方案|措施|规定|决定|细则|计划)"


def guess_title(text: str) -> str | None:
    """The first line that reads like a policy title (关于…意见/通知/办法/方案/措施)."""
    lines = [re.sub(r"\s+", "", line) for line in text.splitlines()[:60]]
    for line in lines:
        if re.search(rf"关于.{{4,60}}{TITLE_END}", line) and len(line) < 90:
            return line
    for line in lines[:10]:
        if 6 <= len(line) < 60 and re.search(rf"{TITLE_END}$", line):
            return line
    return None


def guess_date(text: str) -> str | None:
    """The signing date: the last line that is only a date (2019年3月20日 → 2019-03-20)."""
    found = None
    for line in text.splitlines():
        match = re.fullmatch(r"\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*", line)
        if match:
            found = f"{match.group(1)}-{int(match.group(2)):02d}-{int(match.group(3)):02d}"
    return found


def guess_number(text: str) -> str | None:
    """The document's own 文号: a line that holds nothing else, near the top."""
    for line in text.splitlines()[:40]:
        line = re.sub(r"\s+", "", line)
        if re.fullmatch(r"[\u4e00-\u9fff]{1,10}〔\d{4}〕\d{1,4}号", line):
            return line
    return None


def make_manifest(doc_id: str, region: str, text: str, **fields) -> dict:
    """A manifest for an ingested document; ``fields`` override what is guessed from the text."""
    if not ID_PATTERN.match(doc_id):
        raise IngestError(f"文档编号 {doc_id!r} 无效：只能用小写字母、数字、- 和 _。"
                          "The id must be lower-case letters, digits, - or _.")
    for name, value in [("region", region)] + sorted(fields.items()):
        if isinstance(value, str) and SURROGATES.search(value):
            raise IngestError(f"--{name} 含有不是 UTF-8 的字节，请检查终端编码。"
                              f"--{name} contains bytes that are not UTF-8.")
    region = region.strip()
    if not region:
        raise IngestError("请用 --region 指明地区（如 巴中市）。Give the region with --region.")
    simplified = normalise_characters(text).text
    manifest = {
        "id": doc_id, "government": f"{region}人民政府", "region": region, "province": None, "parent": None,
        "level": level_of(region), "title": guess_title(simplified) or f"{region}就业创业政策文件",
        "number": guess_number(simplified), "other_numbers": [], "date": guess_date(simplified),
        "source": f"{doc_id}.txt", "encoding": "utf-8",
    }
    manifest.update({k: v for k, v in fields.items() if v is not None})
    return manifest


def ingest(home: Home, path: Path, doc_id: str, region: str, replace: bool = False,
           progress=lambda it: it, **fields) -> tuple[dict, BuildReport]:
    """Add the document at ``path`` to ``home`` and rebuild, atomically.

    Returns ``(manifest, build report)``; raises :class:`IngestError` with a
    sentence for the user, in which case the home is exactly as before.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise IngestError(f"无法读取文件 {path}：{exc.strerror}。Cannot read {path}.") from exc
    text = prepare_text(data)
    manifest = make_manifest(doc_id, region, text, **fields)
    existing = {s.id for s in all_sources(home.documents_dir())}
    if doc_id in existing and not replace:
        raise IngestError(f"已有编号为 {doc_id} 的文档；换一个 --id，或加 --replace 替换。"
                          f"A document with id {doc_id} exists; use another --id or --replace.")
    try:
        parse_document(Source(manifest, text))
    except ParseError as exc:
        raise IngestError(str(exc)) from exc

    def add(state: Path) -> None:
        (state / "documents" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        (state / "documents" / f"{doc_id}.json").write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    return manifest, build(home, progress=progress, prepare=add)
