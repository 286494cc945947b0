"""Bad input everywhere, and a build killed half-way."""
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from conftest import tree_digest
from policykg.home import Home
from policykg.ingest import MAX_BYTES


def test_a_build_killed_half_way_leaves_the_previous_data_serving(built_home, tmp_path):
    home = Home(tmp_path / "home")
    shutil.copytree(built_home.path, home.path, symlinks=True)
    before = tree_digest(home.path)
    current = home.current()
    env = dict(os.environ, POLICYKG_HOME=str(home.path))
    process = subprocess.Popen([sys.executable, "-m", "policykg.cli", "build", "--quiet"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not list(home.states.glob(".tmp-*")) and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert home.current() == current
    leftovers = list(home.states.glob(".tmp-*"))
    assert leftovers, "the kill came before the build started writing"
    for leftover in leftovers:
        shutil.rmtree(leftover)
    assert tree_digest(home.path) == before

    from webui import create_app

    with create_app({"POLICYKG_HOME": str(home.path)}).test_client() as client:
        assert client.get("/provision/luoyang/7.json").status_code == 200


def test_oversized_ingest_is_refused(runner, home, tmp_path):
    from policykg.cli import main

    big = tmp_path / "big.txt"
    big.write_bytes(("（一）很长的条款。" * (MAX_BYTES // 20)).encode("utf-8"))
    assert big.stat().st_size > MAX_BYTES
    result = runner.invoke(main, ["--home", str(home.path), "ingest", str(big), "--id", "big", "--region", "某市"])
    assert result.exit_code == 1 and "larger than" in result.output
    assert home.current() is None


@pytest.mark.parametrize("query", ["SELECT * WHERE { ?s ?p ?o " + "?o " * 10000 + "}", "PREFIX x: <" + "a" * 30000 + ">"])
def test_overlong_sparql_is_refused(client, query):
    assert client.post("/sparql.json", data={"query": query}).status_code == 400


@pytest.mark.parametrize("url", ["/search.json?page=999999", "/search.json?q=" + "创" * 2000, "/search.json?year=1800",
                                 "/search.json?region=" + "x" * 3000, "/compare.json?docs=" + "a," * 500,
                                 "/doc/luoyang/source.json?start=99999999&end=99999999", "/provision/luoyang/-1.json",
                                 "/id/" + "x/" * 200 + "y.json", "/unit/human-resources.json?page=99999999999999999999",
                                 "/units.json?min_weight=99999999999999999999"])
def test_out_of_range_urls_answer_cleanly(client, url):
    response = client.get(url)
    assert response.status_code in (200, 400, 404)
    assert response.get_json() is not None


@pytest.mark.parametrize("url", ["/search.json?min_amount=999999999999999999999", "/search.json?max_amount=1e300",
                                 "/search.json?year=999999999999999999999", "/search.json?year=99999"])
def test_numbers_beyond_what_the_index_holds_are_400_not_500(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.get_json()["error"]["message"]
