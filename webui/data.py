"""What the web UI reads: one loaded build, reloaded when the data home swaps in a new one.

A :class:`Dataset` holds the records of one build state (documents, provisions,
units), its search index and — loaded on first use, because parsing it takes a
moment — its RDF graph. :func:`current` returns the dataset of the home's
current state, loading a new one (once, under a lock) after a rebuild or an
ingest swapped ``current``; requests already running keep the one they got.
"""
from __future__ import annotations

import threading
from collections import defaultdict
from pathlib import Path

from flask import current_app, g

from kg.graph import Iris
from policykg.home import Home
from policykg.store import load_json, load_provisions
from search.engine import Searcher


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
        self.provisions = {p["id"]: p for p in load_provisions(build_dir)}
        self.provisions_by_doc: dict[str, list[dict]] = defaultdict(list)
        for provision in self.provisions.values():
            self.provisions_by_doc[provision["doc"]].append(provision)
        self.units = load_json(build_dir, "units")
        self.report = load_json(build_dir, "report")
        self.searcher = Searcher(build_dir / "index")
        self.iris = Iris()
        self._graph = None
        self._graph_lock = threading.Lock()
        self._raw: dict[str, str] = {}

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
        """Counts and entry points for the home page."""
        from collections import Counter

        topics, instruments, groups = Counter(), Counter(), Counter()
        per_doc = {d["id"]: {"provisions": 0, "measures": 0, "amounts": 0} for d in self.documents}
        for provision in self.provisions.values():
            stats = per_doc[provision["doc"]]
            stats["provisions"] += 1
            stats["measures"] += len(provision["measures"])
            stats["amounts"] += len(provision["amounts"])
            topics.update(provision["topics"])
            for measure in provision["measures"]:
                instruments.update(set(measure["instruments"]))
                groups.update(set(measure["target_groups"]))
        documents = [dict({k: d.get(k) for k in ("id", "title", "government", "region", "province", "parent",
                                                   "level", "date", "number", "other_numbers", "layout")},
                          cites=len(d["cites"]), **per_doc[d["id"]]) for d in self.documents]
        ranked = lambda counter: [{"label": k, "count": v} for k, v in sorted(counter.items(), key=lambda i: (-i[1], i[0]))]  # noqa: E731
        return {
            "documents": documents,
            "counts": {"documents": len(self.documents), "provisions": len(self.provisions),
                       "measures": sum(s["measures"] for s in per_doc.values()),
                       "amounts": sum(s["amounts"] for s in per_doc.values()), "units": len(self.units)},
            "topics": ranked(topics), "instruments": ranked(instruments), "target_groups": ranked(groups),
            "state": self.state,
        }

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
    build_dir = home.build_dir()
    if build_dir is None:
        raise NoData(f"数据尚未构建：请运行 `policykg build`（数据目录 {home.path}）。")
    cache = current_app.extensions.setdefault("policykg", {})
    dataset = cache.get("dataset")
    if dataset is None or dataset.build_dir != build_dir:
        with _lock:
            dataset = cache.get("dataset")
            if dataset is None or dataset.build_dir != build_dir:
                dataset = Dataset(build_dir, current_app.config.get("GRAPH_STORE", "oxigraph"))
                cache["dataset"] = dataset
    g.dataset = dataset
    return dataset
