"""Search benchmark: index build time, query latency and retrieval quality, in one table.

Run with ``policykg bench search [--runs 5]``. Times are wall-clock medians (and
p95 for queries) on this machine; quality is mean nDCG@10 on the judged set for
policykg and for the plain BM25-over-jieba baseline, measured in the same run.
"""
from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from .engine import Searcher, SearchRequest
from .evaluate import evaluate, judged_queries
from .index import build_index


def percentile(values: list[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def run(documents: list[dict], provisions: list[dict], runs: int = 5) -> list[tuple[str, str]]:
    """Measure; returns ``[(metric, value)]`` rows."""
    build_times = []
    work = Path(tempfile.mkdtemp(prefix="policykg-bench-"))
    try:
        for number in range(runs):
            target = work / f"index-{number}"
            started = time.perf_counter()
            build_index(target, documents, provisions)
            build_times.append(time.perf_counter() - started)
        index_dir = work / "index-0"
        searcher = Searcher(index_dir)
        latencies = []
        queries = [j["query"] for j in judged_queries()]
        for q in queries:  # warm caches once, as a running server would be
            searcher.search(SearchRequest(q=q))
        for _ in range(runs):
            for q in queries:
                started = time.perf_counter()
                searcher.search(SearchRequest(q=q))
                latencies.append((time.perf_counter() - started) * 1000)
        quality = evaluate(index_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [
        ("provisions indexed", f"{len(provisions)}"),
        ("index build, median of runs (s)", f"{statistics.median(build_times):.2f}"),
        ("queries timed (judged set × runs)", f"{len(latencies)}"),
        ("query latency, median (ms)", f"{statistics.median(latencies):.1f}"),
        ("query latency, p95 (ms)", f"{percentile(latencies, 95):.1f}"),
        ("nDCG@10 policykg", f"{quality['policykg']:.3f}"),
        ("nDCG@10 baseline (BM25 over jieba)", f"{quality['baseline']:.3f}"),
    ]


def format_table(rows: list[tuple[str, str]]) -> str:
    width = max(len(name) for name, _ in rows)
    lines = [f"| {'metric'.ljust(width)} | value |", f"|{'-' * (width + 2)}|-------|"]
    lines += [f"| {name.ljust(width)} | {value} |" for name, value in rows]
    return "\n".join(lines)
