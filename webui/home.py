"""``/`` — the corpus at a glance."""
from __future__ import annotations

from flask import Blueprint

from .data import current
from .render import respond

bp = Blueprint("home", __name__)


@bp.route("/")
@bp.route("/index")
def index():
    data = current().overview()
    return respond("index.html", data)
