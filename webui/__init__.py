"""The policykg web UI: a Flask application factory with one blueprint per area.

Every HTML page has a JSON twin at the same path plus ``.json`` (and tables a
CSV twin plus ``.csv``): a small WSGI middleware strips the suffix and records
the wanted format, and each view builds one dict that is rendered either way,
so the page and the API can never disagree. Errors on ``.json`` paths are JSON.
"""
from __future__ import annotations

from pathlib import Path

from flask import Flask, g, request
from werkzeug.exceptions import HTTPException

from policykg.home import Home

from .render import error_response

FORMAT_SUFFIXES = {".json": "json", ".csv": "csv", ".ttl": "ttl", ".jsonld": "jsonld"}


class FormatSuffixMiddleware:
    """``/doc/luoyang.json`` → ``/doc/luoyang`` with ``policykg.format = "json"`` in the environ."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        for suffix, fmt in FORMAT_SUFFIXES.items():
            if path.endswith(suffix) and len(path) > len(suffix) + 1:
                environ["PATH_INFO"] = path[: -len(suffix)]
                environ["policykg.format"] = fmt
                break
        return self.wsgi_app(environ, start_response)


def create_app(config: dict | None = None) -> Flask:
    """Create the app. ``config`` may set ``POLICYKG_HOME`` (a path), ``SPARQL_TIMEOUT`` (s),
    ``SPARQL_ROW_LIMIT``, ``GRAPH_STORE`` (``oxigraph`` or ``memory``) and ``TESTING``."""
    app = Flask(__name__)
    app.config.update(
        POLICYKG_HOME=None,
        SPARQL_TIMEOUT=10.0,
        SPARQL_ROW_LIMIT=1000,
        EXPORT_LIMIT=5000,
        GRAPH_STORE="oxigraph",
        JSON_AS_ASCII=False,
    )
    app.config.update(config or {})
    app.config["POLICYKG_HOME_OBJ"] = Home(Path(app.config["POLICYKG_HOME"]) if app.config["POLICYKG_HOME"] else None)
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    app.wsgi_app = FormatSuffixMiddleware(app.wsgi_app)

    from . import compare, documents, home, resources, search_page, sparql, units

    for module in (home, search_page, compare, units, documents, sparql, resources):
        app.register_blueprint(module.bp)

    @app.before_request
    def remember_format():
        g.format = request.environ.get("policykg.format", "html")

    @app.after_request
    def state_header(response):
        dataset = g.get("dataset")
        if dataset is not None:
            response.headers["X-Policykg-State"] = dataset.state
        return response

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        return error_response(exc.code or 500, exc.description or exc.name)

    from .data import NoData

    @app.errorhandler(NoData)
    def no_data(exc: NoData):
        return error_response(503, str(exc))

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        app.logger.exception("unexpected error")
        return error_response(500, "服务器内部错误。Internal server error.")

    from .render import register_filters

    register_filters(app)
    return app
