"""The policykg ontology and the vocabularies of the field, as Turtle files.

The Turtle files in this package are the source of truth; Python code reads
them (``load_vocabulary``) rather than copying their terms into dictionaries.
"""
from __future__ import annotations

import functools
from pathlib import Path

import rdflib

HERE = Path(__file__).resolve().parent
VOCAB_DIR = HERE / "vocab"


def vocabulary_path(name: str) -> Path:
    """Path of the SKOS vocabulary ``name`` (``unit_types``, ``target_groups``, …)."""
    path = VOCAB_DIR / f"{name}.ttl"
    if not path.exists():
        raise FileNotFoundError(f"no vocabulary named {name!r} in {VOCAB_DIR}")
    return path


@functools.lru_cache(maxsize=None)
def load_vocabulary(name: str) -> rdflib.Graph:
    """Parse the vocabulary ``name`` into a (cached, do not mutate) rdflib graph."""
    graph = rdflib.Graph()
    graph.parse(vocabulary_path(name), format="turtle")
    return graph


def vocabulary_names() -> list[str]:
    """Names of the SKOS vocabularies shipped in ``ontology/vocab``."""
    return sorted(path.stem for path in VOCAB_DIR.glob("*.ttl"))
