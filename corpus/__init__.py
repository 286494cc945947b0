"""The corpus stage: bundled documents, normalisation, structure and responsible units.

Public API::

    from corpus import bundled_sources, parse_document
    for source in bundled_sources():
        document, provisions = parse_document(source)
"""
from __future__ import annotations

import json
from pathlib import Path

from .document import ParseError, Source, parse_document

DOCUMENTS_DIR = Path(__file__).resolve().parent / "documents"

__all__ = ["DOCUMENTS_DIR", "ParseError", "Source", "load_sources", "bundled_sources", "parse_document"]


def load_sources(directory: Path) -> list[Source]:
    """Every ``<id>.json`` manifest in ``directory`` with its text, sorted by id."""
    sources = []
    for manifest_path in sorted(Path(directory).glob("*.json")):
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        raw = (manifest_path.parent / manifest["source"]).read_text(encoding="utf-8")
        sources.append(Source(manifest, raw))
    return sources


def bundled_sources() -> list[Source]:
    """The five documents shipped with policykg."""
    return load_sources(DOCUMENTS_DIR)
