"""The production server under concurrent load, with a rebuild or an ingest swapped in while it serves.

A short run (3 s) is part of the suite; set POLICYKG_LOAD_SECONDS for a longer one.
Throughput and p99 are printed (run with -s to see them); the assertions are
about correctness only: zero errors, and the new build answers after the swap.
"""
import os
import shutil
import statistics
import threading
import time
import urllib.parse
import urllib.request

import pytest

from conftest import policykg_serve
from policykg.build import build
from policykg.home import Home
from policykg.ingest import ingest

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")

SECONDS = float(os.environ.get("POLICYKG_LOAD_SECONDS", "3"))
CLIENTS = 6
PATHS = ["/search.json?q=" + urllib.parse.quote(q) for q in ("退伍军人", "创业担保贷款 10万元", "大学生 创业", '"一次性创业补贴"')] + \
        ["/compare.json?instrument=" + urllib.parse.quote("就业见习补贴"), "/doc/luoyang.json", "/provision/junshan/34.json",
         "/units.json", "/index.json", "/search?q=" + urllib.parse.quote("稳岗补贴")]


@pytest.fixture
def served_home(built_home, tmp_path):
    """A copy of the built home served by ``policykg serve`` (waitress, its own process)."""
    home = Home(tmp_path / "home")
    shutil.copytree(built_home.path, home.path, symlinks=True)
    with policykg_serve(home) as (base, _):
        yield home, base


def client(base, stop, results, errors, states):
    index = 0
    while not stop.is_set():
        path = PATHS[index % len(PATHS)]
        index += 1
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(base + path, timeout=30) as response:
                response.read()
                states.add(response.headers.get("X-Policykg-State"))
                if response.status != 200:
                    errors.append((path, response.status))
        except Exception as exc:  # any failure is an error of the run
            errors.append((path, repr(exc)))
        results.append((time.perf_counter() - started) * 1000)


def rebuild(home):
    build(home)


def add_document(home):
    ingest(home, os.path.join(FIXTURES, "zhoukou_lead_join.gbk.txt"), "zhoukou", "周口市")


@pytest.mark.parametrize("change", [rebuild, add_document], ids=["rebuild", "ingest"])
def test_concurrent_clients_and_a_change_swapped_in_while_serving(served_home, change):
    home, base = served_home
    before = home.current().name
    results, errors, states = [], [], set()
    stop = threading.Event()
    threads = [threading.Thread(target=client, args=(base, stop, results, errors, states)) for _ in range(CLIENTS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(SECONDS / 3)
    change(home)  # swapped in while the clients run
    time.sleep(max(SECONDS / 3, SECONDS - (time.monotonic() - started)))
    stop.set()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    after = home.current().name
    with urllib.request.urlopen(base + "/index.json") as response:
        final_state = response.headers["X-Policykg-State"]
    ordered = sorted(results)
    p99 = ordered[int(0.99 * (len(ordered) - 1))]
    print(f"\nload ({change.__name__}): {len(results)} requests in {elapsed:.1f}s by {CLIENTS} clients = {len(results) / elapsed:.0f}/s, "
          f"median {statistics.median(results):.0f} ms, p99 {p99:.0f} ms, errors {len(errors)}, states {sorted(states)}")
    assert errors == []
    assert after != before and final_state == after
    assert {before, after} <= states, "requests were answered from both builds"
    assert len(results) > CLIENTS
    if change is add_document:
        with urllib.request.urlopen(base + "/doc/zhoukou.json") as response:
            assert response.status == 200 and response.headers["X-Policykg-State"] == after
