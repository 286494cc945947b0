"""What the web UI reads: one loaded build, reloaded when the data home swaps in a new one.

A :class:`Dataset` holds the records of one build state (documents, provisions,
units), its search index and — loaded on first use, because parsing it takes a
moment — its RDF graph; a background thread loads the rest (:meth:`Dataset.warm`)
as soon as a build is opened. :func:`current` returns the dataset of the home's
current state, loading a new one (once, under a lock) after a rebuild or an
ingest swapped ``current``; requests already running keep the one they got.
"""
from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

from flask import current_app, g

from kg.graph import Iris
from policykg.home import Home, HomeError
from policykg.store import load_json
from search.engine import Searcher, SearchError, SearchRequest


class NoData(RuntimeError):
    """The data home has no build yet."""


class Dataset:
    """The records, index and graph of one build (see module docstring)."""

    def __init__(self, build_dir: Path, graph_store: str = "oxigraph"):
        self.build_dir = build_dir
        self.graph_store = graph_store
        self.state = build_dir.parent.name
        self.documents = load_json(build_dir, "documents")
        self.documents_by_id = {d["id"]: d for d in self.documents}
        self._offsets = load_json(build_dir, "offsets")
        self._by_doc: dict[str, list[dict]] = {}
        self._by_id: dict[str, dict] = {}
        self._all: list[dict] | None = None
        self._network = None
        self._load_lock = threading.Lock()
        self._all_lock = threading.Lock()
        self._network_lock = threading.Lock()
        try:
            self.searcher = Searcher(build_dir / "index")
        except SearchError as exc:
            raise NoData(str(exc)) from exc
        self.iris = Iris()
        self._graph = None
        self._graph_lock = threading.Lock()
        self._raw: dict[str, str] = {}

    def doc_provisions(self, doc_id: str) -> list[dict]:
        """The provisions of one document, read on first use (only its part of provisions.jsonl)."""
        if doc_id not in self._by_doc:
            if doc_id not in self._offsets:
                return []
            start, end = self._offsets[doc_id]
            with open(self.build_dir / "provisions.jsonl", "rb") as handle:
                handle.seek(start)
                chunk = handle.read(end - start).decode("utf-8")
            records = [json.loads(line) for line in chunk.splitlines() if line.strip()]
            with self._load_lock:
                self._by_id.update((p["id"], p) for p in records)
                self._by_doc[doc_id] = records
        return self._by_doc[doc_id]

    def provision(self, provision_id: str) -> dict | None:
        """One provision by id (``luoyang/7``), or None."""
        if provision_id not in self._by_id:
            self.doc_provisions(provision_id.split("/", 1)[0])
        return self._by_id.get(provision_id)

    def all_provisions(self) -> list[dict]:
        """Every provision, in document order (read once, on first use)."""
        if self._all is None:
            with self._all_lock:  # one reader; concurrent callers (the warm-up thread, a request) wait for it
                if self._all is None:
                    self._all = [p for d in self.documents for p in self.doc_provisions(d["id"])]
        return self._all

    def responsibility_network(self):
        """``(rows, network by unit type)`` of every provision's units (computed once)."""
        if self._network is None:
            with self._network_lock:
                if self._network is None:
                    from kg.network import co_responsibility, responsibilities_from_records

                    rows = responsibilities_from_records(self.all_provisions(), self.documents)
                    self._network = (rows, co_responsibility(rows, by="type"))
        return self._network

    def warm(self) -> None:
        """Do now what the first requests would otherwise wait for: load jieba and the
        vocabularies (a first search), every provision (compare) and the responsibility
        network (units). The web app runs it in a background thread when it opens a build."""
        try:
            self.searcher.search(SearchRequest(q="就业创业"))
            self.responsibility_network()
        except Exception:  # a request that needs the same data will meet the error and report it
            logging.getLogger(__name__).exception("warming %s failed", self.build_dir)

    @property
    def graph(self):
        """The RDF graph: the build's Oxigraph store opened read-only (or, with
        ``GRAPH_STORE = "memory"``, ``graph.nt`` parsed into rdflib), on first use."""
        if self._graph is None:
            with self._graph_lock:
                if self._graph is None:
                    from kg.store import open_graph

                    self._graph = open_graph(self.build_dir, self.graph_store)
        return self._graph

    def overview(self) -> dict:
        """Counts and entry points for the home page (computed by the build)."""
        return dict(load_json(self.build_dir, "overview"), state=self.state)

    def raw_text(self, doc_id: str) -> str:
        """The original text of a document (bundled or ingested), for provenance views."""
        if doc_id not in self._raw:
            from corpus import DOCUMENTS_DIR

            candidates = [self.build_dir.parent / "documents" / f"{doc_id}.txt", DOCUMENTS_DIR / f"{doc_id}.txt"]
            path = next((p for p in candidates if p.exists()), None)
            self._raw[doc_id] = path.read_text(encoding="utf-8") if path else ""
        return self._raw[doc_id]


_lock = threading.Lock()


def current() -> Dataset:
    """The dataset of the current build state, cached on the app and on ``g``."""
    if "dataset" in g:
        return g.dataset
    home: Home = current_app.config["POLICYKG_HOME_OBJ"]
    try:
        build_dir = home.require_build()
    except HomeError as exc:
        raise NoData(str(exc)) from exc
    cache = current_app.extensions.setdefault("policykg", {})
    dataset = cache.get("dataset")
    if dataset is None or dataset.build_dir != build_dir:
        with _lock:
            dataset = cache.get("dataset")
            if dataset is None or dataset.build_dir != build_dir:
                dataset = Dataset(build_dir, current_app.config.get("GRAPH_STORE", "oxigraph"))
                cache["dataset"] = dataset
                if current_app.config.get("WARM", True):
                    threading.Thread(target=dataset.warm, name="policykg-warm", daemon=True).start()
    g.dataset = dataset
    return dataset
