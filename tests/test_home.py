import pytest

from conftest import policykg_serve, tree_digest
from policykg.build import build
from policykg.home import BUILD_FORMAT, Home, build_format


def test_failed_build_leaves_the_previous_state_serving(built_home, tmp_path):
    import shutil

    home = Home(tmp_path / "home")
    shutil.copytree(built_home.path, home.path, symlinks=True)
    before, current = tree_digest(home.path), home.current()

    def explode(state):
        (state / "documents" / "half.txt").write_text("half-written", encoding="utf-8")
        raise RuntimeError("killed mid-way")

    with pytest.raises(RuntimeError):
        build(home, prepare=explode)
    assert home.current() == current
    assert tree_digest(home.path) == before


def test_a_killed_writers_leftovers_are_cleaned_by_the_next_one(tmp_path):
    home = Home(tmp_path / "home")
    build(home)
    stale = home.states / ".tmp-20000101T000000-dead00"
    (stale / "build").mkdir(parents=True)
    first = home.current()
    build(home)
    assert not stale.exists()
    assert home.current() != first
    assert first.exists(), "the previous state is kept for readers still using it"
    build(home)
    assert not first.exists()


def test_default_home_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("POLICYKG_HOME", str(tmp_path / "x"))
    assert Home().path == tmp_path / "x"


def _outdated_copy(built_home, tmp_path) -> Home:
    """A copy of the built home as an older policykg left it (no FORMAT file)."""
    import shutil

    home = Home(tmp_path / "old-home")
    shutil.copytree(built_home.path, home.path, symlinks=True)
    (home.current() / "build" / "FORMAT").unlink()
    return home


def test_a_build_records_its_format(built_home):
    assert build_format(built_home.build_dir()) == BUILD_FORMAT
    assert built_home.outdated_build() is None


def test_a_build_of_another_format_is_not_read(built_home, tmp_path):
    home = _outdated_copy(built_home, tmp_path)
    assert home.build_dir() is None
    assert home.outdated_build() == home.current() / "build"


def test_commands_ask_for_a_rebuild_of_outdated_data(built_home, tmp_path, runner):
    from policykg.cli import main

    home = _outdated_copy(built_home, tmp_path)
    result = runner.invoke(main, ["--home", str(home.path), "search", "创业"])
    assert result.exit_code == 1
    assert "旧版本" in result.output and "policykg build" in result.output
    assert "Traceback" not in result.output


def test_serve_rebuilds_outdated_data_before_serving(built_home, tmp_path):
    import json
    import urllib.parse
    import urllib.request

    home = _outdated_copy(built_home, tmp_path)
    old_state = home.current()
    with policykg_serve(home) as (base, server):
        with urllib.request.urlopen(base + "/search.json?q=" + urllib.parse.quote("创业"), timeout=10) as response:
            answer = json.load(response)
    assert answer["total"] > 0
    assert "旧版本" in server.stderr_text
    assert home.current() != old_state
    assert build_format(home.current() / "build") == BUILD_FORMAT
