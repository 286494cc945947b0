"""One dict per page, rendered as HTML, JSON or CSV depending on the path's suffix."""
from __future__ import annotations

import csv
import io
from urllib.parse import urlencode

from flask import Response, g, jsonify, render_template, request
from markupsafe import Markup, escape

from corpus.amounts import describe_amount, yuan

ROLE_ZH = {"lead": "牵头", "cooperating": "配合", "responsible": "责任"}


def wanted_format() -> str:
    return request.environ.get("policykg.format", "html") if request else "html"


def respond(template: str, data: dict, csv_table=None, formats: tuple[str, ...] = ("html", "json")):
    """Render ``data`` in the format the path asked for.

    ``csv_table`` is ``(header, rows)`` or a callable returning it, for pages with a CSV twin.
    """
    fmt = wanted_format()
    if fmt == "json":
        return jsonify(data)
    if fmt == "csv" and csv_table is not None:
        header, rows = csv_table() if callable(csv_table) else csv_table
        return csv_response(header, rows, filename=f"policykg-{request.endpoint.split('.')[-1]}.csv")
    if fmt != "html" or "html" not in formats:
        return error_response(404, f"此页面没有 .{fmt} 格式。")
    return render_template(template, data=data, **data)


def csv_response(header: list[str], rows, filename: str) -> Response:
    """A UTF-8 CSV with a BOM (Excel shows Chinese)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    response = Response(buffer.getvalue(), mimetype="text/csv; charset=utf-8")
    response.headers["Content-Disposition"] = f"attachment; filename={filename}"
    return response


def error_response(code: int, message: str):
    """An error as JSON on ``.json`` paths (and for JSON clients), else as an HTML page."""
    fmt = wanted_format()
    accepts_json = request and request.accept_mimetypes.best == "application/json"
    if fmt in ("json", "jsonld") or accepts_json:
        response = jsonify({"error": {"status": code, "message": message}})
    else:
        response = Response(render_template("error.html", status=code, message=message), mimetype="text/html")
    response.status_code = code
    return response


def url_with(**changes) -> str:
    """The current URL with query arguments changed (``None`` removes one)."""
    args = request.args.to_dict(flat=False)
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = value if isinstance(value, list) else [value]
    query = urlencode([(k, v) for k, values in args.items() for v in values])
    return request.path + ("?" + query if query else "")


def twin_url(fmt: str, **changes) -> str:
    """The URL of this page's ``.json`` / ``.csv`` twin, query arguments kept (and changed)."""
    path = request.path.rstrip("/") or "/index"
    here = url_with(**changes)
    query = here.split("?", 1)[1] if "?" in here else ""
    return f"{path}.{fmt}" + (f"?{query}" if query else "")


def highlight(text: str, spans: list[tuple]) -> Markup:
    """``text`` escaped, with ``spans`` ``(start, end, css class[, anchor id[, title]])`` wrapped in ``<mark>``."""
    out, pos = [], 0
    for span in sorted(spans):
        start, end, css = span[:3]
        anchor = span[3] if len(span) > 3 else None
        title = span[4] if len(span) > 4 else None
        if start < pos or start >= end:
            continue
        out.append(escape(text[pos:start]))
        attrs = Markup(' class="{}"').format(css)
        if anchor:
            attrs += Markup(' id="{}"').format(anchor)
        if title:
            attrs += Markup(' title="{}"').format(title)
        out.append(Markup("<mark") + attrs + Markup(">") + escape(text[start:end]) + Markup("</mark>"))
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def register_filters(app) -> None:
    app.jinja_env.filters["yuan"] = yuan
    app.jinja_env.filters["amount"] = describe_amount
    app.jinja_env.globals.update(url_with=url_with, twin_url=twin_url, ROLE_ZH=ROLE_ZH)
