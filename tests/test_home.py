import pytest

from conftest import tree_digest
from policykg.build import build
from policykg.home import Home


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
