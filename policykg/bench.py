"""Scale benchmark: build, sizes, memory, latency and start time at 1×, 10×, 100× the corpus.

``policykg bench scale --sizes 1,10,100`` prints one table. Every build and every
server runs in its own process, so peak memory is that process's own maximum
resident set (``wait4``), and start time is from launching ``policykg serve``
on a built home to its first answered request (a search). The server then loads
every provision and the responsibility network in the background: the first
compare page and the first units page are timed next, and the latencies after
that are the warm server's. The jieba floor is a process that loads jieba with
the domain dictionary and segments the same texts.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from search.bench import percentile
from search.evaluate import judged_queries

UNIT_PAGES = ["/units", "/unit/human-resources", "/unit/finance", "/unit/government", "/unit/development-reform"]
COMPARE_INSTRUMENTS = ["创业担保贷款", "一次性创业补贴", "就业见习补贴", "求职创业补贴", "社会保险补贴",
                       "职业培训补贴", "稳岗补贴", "岗位补贴", "以奖代补", "交通补贴"]


def _timed_process(args: list[str], env: dict | None = None) -> tuple[float, int, str]:
    """Run ``args``; ``(wall seconds, peak RSS in MB, stdout)``."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    out = process.stdout.read()
    err = process.stderr.read()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise RuntimeError(f"{' '.join(args)} failed: {err[-2000:]}")
    return wall, usage.ru_maxrss // 1024, out


def _dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(home: Path, probe: str = "/index.json", timeout: float = 120.0, capture_stderr: bool = False):
    """Run ``policykg serve`` on ``home`` in a process of its own until ``probe`` answers 200.

    Yields ``(base_url, process)``; with ``capture_stderr`` the server's stderr is in
    ``process.stderr_text`` once it has stopped.
    """
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "policykg.cli", "serve", "--quiet", "--port", str(port)],
                               env=dict(os.environ, POLICYKG_HOME=str(home)), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE if capture_stderr else subprocess.DEVNULL, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if _get(base + probe, timeout=5)[1] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                detail = process.stderr.read() if capture_stderr else ""
                raise RuntimeError(f"policykg serve did not answer {probe}. {detail}")
            time.sleep(0.05)
        yield base, process
    finally:
        process.terminate()
        _, process.stderr_text = process.communicate(timeout=30)


def _get(url: str, timeout: float = 60) -> tuple[float, int]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    return (time.perf_counter() - started) * 1000, status


def _latencies(urls: list[str], runs: int, failures: list) -> list[float]:
    """Latencies (ms) of answered requests; failures are appended to ``failures`` (reported, not hidden)."""
    for url in urls:  # warm up once
        _get(url)
    out = []
    for _ in range(runs):
        for url in urls:
            elapsed, status = _get(url)
            if status == 200:
                out.append(elapsed)
            else:
                failures.append((url, status))
    return out or [float("nan")]


def measure(size: int, work: Path, runs: int = 3) -> dict:
    """Every figure for ``size`` × the corpus, built in a new home under ``work``."""
    home = work / f"home-{size}"
    python = sys.executable
    env = dict(os.environ, POLICYKG_HOME=str(home))
    build_wall, build_rss, _ = _timed_process([python, "-m", "policykg.bench_child", "build", str(size)], env)
    state = json.loads((home / "current" / "state.json").read_text(encoding="utf-8"))
    jieba_wall, _, _ = _timed_process([python, "-m", "policykg.bench_child", "jieba", str(size)], env)
    build_dir = home / "current" / "build"
    row = {
        "size": size, "documents": state["documents"], "provisions": state["provisions"],
        "build_s": build_wall, "stages": state["stages"], "jieba_s": jieba_wall, "build_rss_mb": build_rss,
        "triples": state["triples"], "graph_nt_mb": (build_dir / "graph.nt").stat().st_size / 2**20,
        "oxigraph_mb": _dir_size(build_dir / "oxigraph") / 2**20, "index_mb": _dir_size(build_dir / "index") / 2**20,
    }
    # library search latency
    from search.engine import Searcher, SearchRequest

    searcher = Searcher(build_dir / "index")
    queries = [j["query"] for j in judged_queries()]
    for q in queries:
        searcher.search(SearchRequest(q=q))
    library = []
    for _ in range(runs):
        for q in queries:
            started = time.perf_counter()
            searcher.search(SearchRequest(q=q))
            library.append((time.perf_counter() - started) * 1000)
    row["search_lib_median"], row["search_lib_p95"] = statistics.median(library), percentile(library, 95)
    # the server: start time, then HTTP latencies
    started = time.perf_counter()
    with serving(home, probe="/search.json?q=" + urllib.parse.quote("就业")) as (base, server):
        row["start_s"] = time.perf_counter() - started
        quote = urllib.parse.quote
        # the first compare page needs every provision, which the server loads in the background after start
        row["first_compare_s"] = _get(f"{base}/compare.json?instrument={quote(COMPARE_INSTRUMENTS[0])}")[0] / 1000
        # and the units page the responsibility network; once it answers, the server is warm
        row["first_units_s"] = _get(f"{base}/units")[0] / 1000
        failures: list[tuple[str, int]] = []
        http = _latencies([f"{base}/search.json?q={quote(q)}" for q in queries], runs, failures)
        row["search_http_median"], row["search_http_p95"] = statistics.median(http), percentile(http, 95)
        compare = _latencies([f"{base}/compare.json?instrument={quote(i)}" for i in COMPARE_INSTRUMENTS], runs, failures)
        row["compare_median"], row["compare_p95"] = statistics.median(compare), percentile(compare, 95)
        units = _latencies([base + path for path in UNIT_PAGES], runs, failures)
        row["units_median"], row["units_p95"] = statistics.median(units), percentile(units, 95)
        from kg.queries import EXAMPLES, example_query

        sparql = _latencies([f"{base}/sparql?format=json&query={quote(example_query(n))}" for n in EXAMPLES], runs, failures)
        row["sparql_median"], row["sparql_p95"] = statistics.median(sparql), percentile(sparql, 95)
        row["server_rss_mb"] = _rss_mb(server.pid)
        row["http_errors"] = len(failures)
    return row


def _rss_mb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return 0


ROWS = [
    ("documents", "documents", "{:d}"), ("provisions", "provisions", "{:d}"),
    ("build, whole process (s)", "build_s", "{:.1f}"),
    ("  parse (s)", ("stages", "parse"), "{:.1f}"), ("  graph (s)", ("stages", "graph"), "{:.1f}"),
    ("  oxigraph load (s)", ("stages", "store"), "{:.1f}"), ("  index (s)", ("stages", "index"), "{:.1f}"),
    ("jieba alone, whole process (s)", "jieba_s", "{:.1f}"), ("build ÷ jieba", "ratio", "{:.1f}"),
    ("build peak memory (MB)", "build_rss_mb", "{:d}"), ("triples", "triples", "{:,d}"),
    ("graph.nt (MB)", "graph_nt_mb", "{:.1f}"), ("oxigraph store (MB)", "oxigraph_mb", "{:.1f}"),
    ("index (MB)", "index_mb", "{:.1f}"),
    ("search, library: median / p95 (ms)", ("search_lib_median", "search_lib_p95"), "{:.0f} / {:.0f}"),
    ("search, HTTP: median / p95 (ms)", ("search_http_median", "search_http_p95"), "{:.0f} / {:.0f}"),
    ("compare page, HTTP: median / p95 (ms)", ("compare_median", "compare_p95"), "{:.0f} / {:.0f}"),
    ("unit pages (HTML), HTTP: median / p95 (ms)", ("units_median", "units_p95"), "{:.0f} / {:.0f}"),
    ("SPARQL examples, HTTP: median / p95 (ms)", ("sparql_median", "sparql_p95"), "{:.0f} / {:.0f}"),
    ("server start to first answer (s)", "start_s", "{:.1f}"),
    ("then the first compare page (s)", "first_compare_s", "{:.1f}"),
    ("then the first units page (s)", "first_units_s", "{:.1f}"), ("server peak memory (MB)", "server_rss_mb", "{:d}"),
    ("HTTP requests that failed", "http_errors", "{:d}"),
]


def _cell(row: dict, key, fmt: str) -> str:
    if key == "ratio":
        return fmt.format(row["build_s"] / row["jieba_s"])
    if isinstance(key, tuple) and key[0] == "stages":
        return fmt.format(row["stages"].get(key[1], 0.0))
    if isinstance(key, tuple):
        return fmt.format(*(row[k] for k in key))
    return fmt.format(row[key])


def format_table(rows: list[dict]) -> str:
    header = "| figure | " + " | ".join(f"{r['size']}×" for r in rows) + " |"
    lines = [header, "|---|" + "---|" * len(rows)]
    for label, key, fmt in ROWS:
        lines.append(f"| {label} | " + " | ".join(_cell(r, key, fmt) for r in rows) + " |")
    return "\n".join(lines)


def run(sizes: list[int], runs: int = 3, keep: Path | None = None) -> str:
    """Measure every size and return the table."""
    work = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="policykg-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        rows = [measure(size, work, runs) for size in sizes]
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    return format_table(rows)
