"""Where a built graph lives: an Oxigraph store on disk (default) or rdflib's in-memory store.

``policykg build`` writes ``graph.nt`` and bulk-loads it into ``oxigraph/`` (RocksDB,
via pyoxigraph). :func:`open_graph` gives an rdflib ``Graph`` over it, read-only,
through ``oxrdflib`` — opening takes milliseconds whatever the size, and SPARQL
runs in Oxigraph. ``store="memory"`` parses ``graph.nt`` into rdflib's own store
instead (slower to open, fine for small builds and kept as an option).
"""
from __future__ import annotations

import shutil
from pathlib import Path

from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from ontology.namespaces import PREFIXES

from .serialize import load_graph

STORE_DIR = "oxigraph"


def build_store(nt_path: Path, store_dir: Path) -> None:
    """Bulk-load sorted N-Triples into a new Oxigraph store at ``store_dir``."""
    import pyoxigraph

    if store_dir.exists():
        shutil.rmtree(store_dir)
    store = pyoxigraph.Store(str(store_dir))
    store.bulk_load(path=str(nt_path), format=pyoxigraph.RdfFormat.N_TRIPLES)
    store.flush()
    store.optimize()
    del store


def open_graph(build_dir: Path, store: str = "oxigraph") -> Graph:
    """The built graph as an rdflib ``Graph`` (read-only for ``oxigraph``)."""
    build_dir = Path(build_dir)
    if store == "memory" or not (build_dir / STORE_DIR).exists():
        return load_graph(build_dir / "graph.nt")
    import pyoxigraph
    from oxrdflib import OxigraphStore

    oxigraph = pyoxigraph.Store.read_only(str(build_dir / STORE_DIR))
    graph = Graph(store=OxigraphStore(store=oxigraph), identifier=DATASET_DEFAULT_GRAPH_ID)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph
