"""Build: parse every document of the home into the stores later stages read.

Writes, into a new state of the data home (see :mod:`policykg.home`)::

    build/documents.json     one record per document (metadata, sections, citations)
    build/provisions.jsonl   one record per provision (text, offsets, units, clauses), by document
    build/offsets.json       where each document's provisions start and end in provisions.jsonl
    build/overview.json      counts and entry points for the web UI's first page
    build/units.json         one record per concrete unit, with its type and names
    build/graph.nt           the knowledge graph, sorted N-Triples (see kg/graph.py)
    build/oxigraph/          the same graph in an Oxigraph store, for SPARQL (see kg/store.py)
    build/index/             the full-text index (see search/index.py)
    build/report.json        unknown unit names and parser warnings
    build/FORMAT             the layout version (see policykg.home.BUILD_FORMAT), written last
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from corpus import Source, bundled_sources, load_sources, parse_document
from corpus.units import unit_vocabulary
from kg.graph import graph_batches
from kg.serialize import LineSink, write_sorted_ntriples
from kg.store import STORE_DIR, build_store
from search.index import build_index

from .home import Home, write_build_format
from .overview import overview


@dataclass
class BuildReport:
    """What a build made, and what it could not classify."""

    documents: int = 0
    provisions: int = 0
    items: int = 0
    units: int = 0
    measures: int = 0
    amounts: int = 0
    triples: int = 0
    stages: dict = field(default_factory=dict)
    unknown_units: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    state: str = ""

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def all_sources(documents_dir: Path | None) -> list[Source]:
    """Bundled documents plus those ingested into ``documents_dir``, sorted by id."""
    sources = {s.id: s for s in bundled_sources()}
    if documents_dir and documents_dir.is_dir():
        sources.update({s.id: s for s in load_sources(documents_dir)})
    return [sources[key] for key in sorted(sources)]


def build_into(build_dir: Path, sources: Iterable[Source],
               progress: Callable[[Iterable], Iterable] = lambda it: it) -> BuildReport:
    """Parse ``sources`` and write the stores into ``build_dir`` (which must not exist)."""
    started = time.perf_counter()
    vocab = unit_vocabulary()
    build_dir.mkdir(parents=True)
    report = BuildReport()
    documents, units, all_provisions, offsets = [], {}, [], {}
    clock = time.perf_counter()
    with open(build_dir / "provisions.jsonl", "wb") as out:
        for source in progress(list(sources)):
            document, provisions = parse_document(source, vocab)
            begin = out.tell()
            documents.append(document)
            report.items += document["item_count"]
            report.warnings += [{"doc": source.id, "message": w} for w in document["warnings"]]
            for provision in provisions:
                out.write((json.dumps(provision, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
                _collect_units(units, provision, source.id, vocab, report)
                report.measures += len(provision["measures"])
                report.amounts += len(provision["amounts"])
            report.provisions += len(provisions)
            all_provisions += provisions
            offsets[source.id] = [begin, out.tell()]
    report.documents, report.units = len(documents), len(units)
    _write_json(build_dir / "documents.json", documents)
    _write_json(build_dir / "offsets.json", offsets)
    _write_json(build_dir / "overview.json", overview(documents, all_provisions, len(units)))
    unit_records = [units[key] for key in sorted(units)]
    _write_json(build_dir / "units.json", unit_records)
    report.stages["parse"], clock = round(time.perf_counter() - clock, 3), time.perf_counter()
    report.triples = write_sorted_ntriples(graph_batches(documents, all_provisions, unit_records, sink=LineSink),
                                           build_dir / "graph.nt")
    report.stages["graph"], clock = round(time.perf_counter() - clock, 3), time.perf_counter()
    build_store(build_dir / "graph.nt", build_dir / STORE_DIR)
    report.stages["store"], clock = round(time.perf_counter() - clock, 3), time.perf_counter()
    build_index(build_dir / "index", documents, all_provisions)
    report.stages["index"] = round(time.perf_counter() - clock, 3)
    report.seconds = round(time.perf_counter() - started, 3)
    _write_json(build_dir / "report.json", report.as_dict())
    write_build_format(build_dir)
    return report


def _collect_units(units: dict, provision: dict, doc: str, vocab, report: BuildReport) -> None:
    for unit in provision["units"]:
        entry = units.setdefault(unit["unit"], {
            "key": unit["unit"], "label": unit["label"], "type": unit["type"], "type_id": unit["type_id"],
            "government": unit["unit"].split("/")[0], "names": [], "provisions": {"lead": 0, "cooperating": 0, "responsible": 0},
        })
        if unit["name"] not in entry["names"]:
            entry["names"].append(unit["name"])
        entry["provisions"][unit["role"]] += 1
        if unit["type_id"] == "unknown":
            report.unknown_units.append({"name": unit["name"], "doc": doc, "provision": provision["id"]})


def _write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def build(home: Home, progress: Callable[[Iterable], Iterable] = lambda it: it,
          prepare: Callable[[Path], None] | None = None) -> BuildReport:
    """Rebuild the home's data atomically; ``prepare(state_dir)`` may add documents first."""
    with home.transaction() as state:
        if prepare:
            prepare(state)
        report = build_into(state / "build", all_sources(state / "documents"), progress)
        report.state = state.name.removeprefix(".tmp-")
        home.write_state(state, {"built_at": time.strftime("%Y-%m-%dT%H:%M:%S"), **report.as_dict()})
    return report
