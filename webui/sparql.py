"""``/sparql`` — a read-only SPARQL 1.1 Protocol endpoint over the built graph.

GET or POST ``query=`` (or a POST body of type ``application/sparql-query``).
Results by content negotiation (or ``format=``): SPARQL JSON (default), CSV,
and Turtle / JSON-LD for CONSTRUCT and DESCRIBE; HTML for a browser, with a
form holding README's example queries. Read-only: an ``update=`` parameter or
an update operation answers 400 and changes nothing. Each query runs in a
forked process that is killed after ``SPARQL_TIMEOUT`` seconds; at most
``SPARQL_ROW_LIMIT`` rows are returned (``X-Policykg-Truncated: true`` says more
were cut).
"""
from __future__ import annotations

import multiprocessing
import os
import signal

from flask import Blueprint, Response, abort, current_app, request
from pyparsing import ParseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

from kg.queries import EXAMPLES, example_query
from ontology.namespaces import PREFIXES

from .data import current
from .render import respond, wanted_format

bp = Blueprint("sparql", __name__)

MIME = {
    "json": "application/sparql-results+json", "csv": "text/csv", "ttl": "text/turtle",
    "jsonld": "application/ld+json", "xml": "application/sparql-results+xml",
}


def check_read_only(text: str) -> str:
    """``"query"`` for a read query; raises 400 for an update or a syntax error."""
    try:
        parseQuery(text)
        return "query"
    except ParseException as query_error:
        try:
            parseUpdate(text)
        except ParseException:
            abort(400, f"SPARQL 语法错误：{str(query_error).splitlines()[0]}")
        abort(400, "此端点只读：不接受 SPARQL Update（INSERT、DELETE、LOAD、CLEAR…）。This endpoint is read-only.")


def _execute(graph, text: str, fmt: str, row_limit: int, conn) -> None:
    """In the child: run the query and send ``(status, truncated, payload)``."""
    try:
        result = graph.query(text, initNs=PREFIXES)
        truncated = False
        if result.type == "SELECT":
            if len(result.bindings) > row_limit:
                result.bindings = result.bindings[:row_limit]
                truncated = True
            payload = result.serialize(format={"json": "json", "csv": "csv", "xml": "xml"}.get(fmt, "json"))
        elif result.type == "ASK":
            payload = result.serialize(format="json" if fmt != "xml" else "xml")
        else:
            payload = result.graph.serialize(format="json-ld" if fmt == "jsonld" else "turtle", encoding="utf-8")
        conn.send(("ok", result.type, truncated, payload))
    except Exception as exc:  # any failure inside rdflib is reported to the parent
        conn.send(("error", None, False, str(exc).splitlines()[0] if str(exc) else type(exc).__name__))
    finally:
        conn.close()


def run_query(graph, text: str, fmt: str, timeout: float, row_limit: int):
    """Run ``text`` in a forked process; ``(kind, truncated, bytes)`` or an HTTP error."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_execute, args=(graph, text, fmt, row_limit, child), daemon=True)
    process.start()
    child.close()
    try:
        if not parent.poll(timeout):
            abort(503, f"查询超过 {timeout:g} 秒，已终止。Query exceeded the time limit.")
        status, kind, truncated, payload = parent.recv()
    except EOFError:
        abort(500, "查询进程意外退出。")
    finally:
        if process.is_alive():
            os.kill(process.pid, signal.SIGKILL)
        process.join(1)
        parent.close()
    if status == "error":
        abort(400, f"查询失败：{payload}")
    return kind, truncated, payload if isinstance(payload, bytes) else payload.encode("utf-8")


def _negotiate(kind: str) -> str:
    explicit = request.values.get("format") or {"csv": "csv", "ttl": "ttl", "jsonld": "jsonld"}.get(wanted_format())
    if explicit:
        return explicit
    accept = request.accept_mimetypes
    if kind in ("CONSTRUCT", "DESCRIBE"):
        return "jsonld" if accept.best_match(["text/turtle", "application/ld+json"]) == "application/ld+json" else "ttl"
    best = accept.best_match(["application/sparql-results+json", "application/json", "text/csv",
                              "application/sparql-results+xml", "text/html"], default="application/sparql-results+json")
    return {"text/csv": "csv", "application/sparql-results+xml": "xml", "text/html": "html"}.get(best, "json")


def _query_text() -> str | None:
    if request.method == "POST" and request.mimetype == "application/sparql-query":
        return request.get_data(as_text=True)
    return request.values.get("query")


def _kind_of(text: str) -> str:
    head = " ".join(line for line in text.splitlines() if not line.strip().upper().startswith("PREFIX")).upper()
    for kind in ("CONSTRUCT", "DESCRIBE", "ASK"):
        if kind in head.split():
            return kind
    return "SELECT"


@bp.route("/sparql", methods=["GET", "POST"])
def sparql():
    if "update" in request.values:
        abort(400, "此端点只读：不接受 update 参数。This endpoint is read-only.")
    text = _query_text()
    examples = [{"name": name, "title": e["title"], "query": example_query(name)} for name, e in EXAMPLES.items()]
    if not text:
        return respond("sparql.html", {"examples": examples, "query": examples[0]["query"], "result": None,
                                       "prefixes": PREFIXES})
    if len(text) > 20000:
        abort(400, "查询过长（上限 20000 字符）。")
    check_read_only(text)
    fmt = _negotiate(_kind_of(text))
    config = current_app.config
    kind, truncated, payload = run_query(current().graph, text, "json" if fmt == "html" else fmt,
                                         config["SPARQL_TIMEOUT"], config["SPARQL_ROW_LIMIT"])
    if fmt == "html":
        import json

        result = json.loads(payload) if kind in ("SELECT", "ASK") else {"turtle": payload.decode("utf-8")}
        return respond("sparql.html", {"examples": examples, "query": text, "result": result, "kind": kind,
                                       "truncated": truncated, "prefixes": PREFIXES})
    response = Response(payload, mimetype=MIME.get(fmt, "application/sparql-results+json"))
    if MIME.get(fmt, "").startswith("text/"):
        response.mimetype_params["charset"] = "utf-8"
    response.headers["X-Policykg-Truncated"] = "true" if truncated else "false"
    return response
