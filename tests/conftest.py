"""Shared fixtures: the parsed bundled corpus, a built data home, a CLI runner."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus import bundled_sources, parse_document
from policykg.bench import serving
from policykg.build import build
from policykg.home import Home

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def parsed():
    """``{doc id: (document record, {provision id: record})}`` for the five bundled documents."""
    out = {}
    for source in bundled_sources():
        document, provisions = parse_document(source)
        out[source.id] = (document, {p["id"]: p for p in provisions})
    return out


@pytest.fixture(scope="session")
def raw_texts():
    return {source.id: source.raw for source in bundled_sources()}


@pytest.fixture(scope="session")
def built_home(tmp_path_factory) -> Home:
    """A data home with the bundled corpus built once for the session (do not modify)."""
    home = Home(tmp_path_factory.mktemp("home"))
    build(home)
    return home


@pytest.fixture
def home(tmp_path) -> Home:
    """An empty data home of one's own."""
    return Home(tmp_path / "home")


@pytest.fixture
def runner():
    return CliRunner()


def tree_digest(path: Path) -> str:
    """Hash of every file and symlink below ``path``: equal digests mean nothing changed."""
    digest = hashlib.sha256()
    if not path.exists():
        return "absent"
    for root, dirs, files in sorted(os.walk(path)):
        dirs.sort()
        for name in sorted(files + [d for d in dirs if os.path.islink(os.path.join(root, d))]):
            full = os.path.join(root, name)
            digest.update(os.path.relpath(full, path).encode())
            if os.path.islink(full):
                digest.update(os.readlink(full).encode())
            elif name != ".lock":
                digest.update(Path(full).read_bytes())
    return digest.hexdigest()


def policykg_serve(home: Home):
    """``policykg serve`` on ``home`` in a process of its own, as in production (see policykg.bench.serving)."""
    return serving(home.path, capture_stderr=True)


@pytest.fixture(scope="session")
def app(built_home):
    from webui import create_app

    return create_app({"POLICYKG_HOME": str(built_home.path), "TESTING": True, "SPARQL_TIMEOUT": 5.0})


@pytest.fixture
def client(app):
    return app.test_client()
