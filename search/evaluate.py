"""Retrieval quality on the judged query set (``search/data/judged_queries.json``).

Each query was judged by reading the five documents: 2 = what a researcher
wants, 1 = relevant. :func:`ndcg_at` scores a ranking; :func:`evaluate` runs the
whole set with policykg's search and with a plain baseline (BM25 over the jieba
words of the text field only, query words OR-ed, no expansion, no boosts).
"""
from __future__ import annotations

import json
import math
import statistics
import time
from pathlib import Path

from whoosh import query as Q
from whoosh import scoring

from .analysis import word_spans
from .engine import Searcher, SearchRequest

JUDGMENTS = Path(__file__).resolve().parent / "data" / "judged_queries.json"


def judged_queries() -> list[dict]:
    """``[{"query", "need", "relevant": {provision id: grade}}]``."""
    return json.loads(JUDGMENTS.read_text(encoding="utf-8"))


def ndcg_at(ranking: list[str], relevant: dict[str, int], k: int = 10) -> float:
    """Normalised discounted cumulative gain of ``ranking`` at ``k`` (gain 2^grade − 1)."""
    dcg = sum((2 ** relevant.get(pid, 0) - 1) / math.log2(rank + 2) for rank, pid in enumerate(ranking[:k]))
    ideal = sorted(relevant.values(), reverse=True)[:k]
    idcg = sum((2 ** grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def baseline_ranking(searcher: Searcher, text: str, k: int = 10) -> list[str]:
    """Plain BM25 over jieba words: the words of ``text`` OR-ed on the ``text`` field."""
    terms = [token for token, _, _, _ in word_spans(text.replace('"', " "))]
    if not terms:
        return []
    with searcher.index.searcher(weighting=scoring.BM25F()) as s:
        results = s.search(Q.Or([Q.Term("text", t) for t in terms]), limit=k)
        return [hit["id"] for hit in results]


def policykg_ranking(searcher: Searcher, text: str, k: int = 10) -> list[str]:
    return [hit["id"] for hit in searcher.search(SearchRequest(q=text, limit=k))["hits"]]


def evaluate(index_dir: Path, k: int = 10) -> dict:
    """Mean nDCG@k of policykg and of the baseline, per query and overall, with latencies (ms)."""
    searcher = Searcher(index_dir)
    rows, latencies = [], []
    for judged in judged_queries():
        started = time.perf_counter()
        ours = policykg_ranking(searcher, judged["query"], k)
        latencies.append((time.perf_counter() - started) * 1000)
        base = baseline_ranking(searcher, judged["query"], k)
        rows.append({"query": judged["query"], "policykg": ndcg_at(ours, judged["relevant"], k),
                     "baseline": ndcg_at(base, judged["relevant"], k)})
    return {
        "queries": rows,
        "policykg": statistics.mean(r["policykg"] for r in rows),
        "baseline": statistics.mean(r["baseline"] for r in rows),
        "latency_ms": latencies,
    }
