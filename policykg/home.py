"""The data home: where policykg keeps ingested documents and built data.

Layout of ``$POLICYKG_HOME`` (default: the per-user data directory)::

    current -> states/20261122T183000-1a2b3c   a symlink, swapped atomically
    states/<name>/documents/                    documents added by `policykg ingest`
    states/<name>/build/                        what `policykg build` made from them
    states/<name>/state.json                    when and from what it was built
    .lock                                       held by whoever is writing

Every change (build, ingest) happens in a new state directory that is swapped
in with one ``rename`` of the ``current`` symlink only when it is complete. A
failure or a kill midway leaves ``current`` exactly as it was; the half-made
directory is removed (or, after a kill, ignored and cleaned up by the next
writer). Readers resolve ``current`` once and keep reading that state.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
import uuid
from pathlib import Path

import platformdirs

KEEP_PREVIOUS = 1  # states kept besides the current one, for readers still using them
# The layout of build/ this code reads, written to build/FORMAT by every build. A
# build of another format (made by an older policykg) is not read: `policykg
# serve` rebuilds it on start, other commands ask for `policykg build`.
# 2: exact phrases from index/substrings.txt instead of a character-pair field.
BUILD_FORMAT = 2


class HomeError(RuntimeError):
    """The data home cannot be used (message for the user)."""


def default_home() -> Path:
    """``$POLICYKG_HOME`` if set, else the per-user data directory."""
    env = os.environ.get("POLICYKG_HOME")
    return Path(env).expanduser() if env else Path(platformdirs.user_data_dir("policykg", appauthor=False))


def build_format(build_dir: Path) -> int:
    """The format a build directory was written in (1: before formats were recorded)."""
    try:
        return int((build_dir / "FORMAT").read_text(encoding="ascii"))
    except (OSError, ValueError):
        return 1


def write_build_format(build_dir: Path) -> None:
    (build_dir / "FORMAT").write_text(str(BUILD_FORMAT), encoding="ascii")


class Home:
    """A data home directory; see the module docstring."""

    def __init__(self, path: Path | str | None = None):
        self.path = Path(path).expanduser() if path else default_home()

    @property
    def states(self) -> Path:
        return self.path / "states"

    def current(self) -> Path | None:
        """The directory of the current state, or ``None`` before the first build."""
        link = self.path / "current"
        if not link.is_symlink():
            return None
        target = (self.path / os.readlink(link)).resolve()
        return target if target.is_dir() else None

    def build_dir(self) -> Path | None:
        """``current/build`` if the current state has been built, in this code's :data:`BUILD_FORMAT`."""
        built = self._built()
        return built if built and build_format(built) == BUILD_FORMAT else None

    def outdated_build(self) -> Path | None:
        """``current/build`` if it was built in another format (by another version of policykg)."""
        built = self._built()
        return built if built and build_format(built) != BUILD_FORMAT else None

    def require_build(self) -> Path:
        """:meth:`build_dir`, or :class:`HomeError` saying why there is none and what to run."""
        build_dir = self.build_dir()
        if build_dir is not None:
            return build_dir
        if self.outdated_build():
            raise HomeError(f"数据由旧版本的 policykg 构建，格式已变：请运行 `policykg build`（数据目录 {self.path}）。"
                            "The data was built by an older policykg: run `policykg build`.")
        raise HomeError(f"数据尚未构建：请先运行 `policykg build`（数据目录 {self.path}）。"
                        "No data yet: run `policykg build` first.")

    def _built(self) -> Path | None:
        current = self.current()
        if current and (current / "build" / "provisions.jsonl").exists():
            return current / "build"
        return None

    def documents_dir(self) -> Path | None:
        """Ingested documents of the current state, if any."""
        current = self.current()
        return current / "documents" if current else None

    @contextlib.contextmanager
    def lock(self):
        """Exclusive lock for writers, so two builds never interleave."""
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HomeError(f"无法创建数据目录 {self.path}：{exc.strerror}") from exc
        with open(self.path / ".lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    @contextlib.contextmanager
    def transaction(self):
        """Yield a new state directory; swap it in as ``current`` if the block succeeds.

        The new state starts with a copy of the current state's ingested
        documents. Any exception discards it and leaves the home as it was.
        """
        with self.lock():
            self.states.mkdir(parents=True, exist_ok=True)
            self._remove_stale()
            now = time.time_ns()
            name = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now // 10**9)) + f".{now % 10**9:09d}"
            work = self.states / f".tmp-{name}"
            work.mkdir()
            try:
                previous = self.current()
                if previous and (previous / "documents").is_dir():
                    shutil.copytree(previous / "documents", work / "documents")
                else:
                    (work / "documents").mkdir()
                yield work
                final = self.states / name
                os.rename(work, final)
                self._swap(final)
            except BaseException:
                shutil.rmtree(work, ignore_errors=True)
                raise
            self._prune()

    def _swap(self, target: Path) -> None:
        link = self.path / "current"
        tmp_link = self.path / f".current-{uuid.uuid4().hex[:6]}"
        os.symlink(os.path.relpath(target, self.path), tmp_link)
        os.replace(tmp_link, link)

    def _remove_stale(self) -> None:
        """Remove half-made states left by a writer that was killed."""
        for path in self.states.glob(".tmp-*"):
            shutil.rmtree(path, ignore_errors=True)
        for path in self.path.glob(".current-*"):
            with contextlib.suppress(OSError):
                path.unlink()

    def _prune(self) -> None:
        current = self.current()
        older = sorted((p for p in self.states.iterdir() if not p.name.startswith(".") and p != current),
                       key=lambda p: p.name)
        for path in older[:max(0, len(older) - KEEP_PREVIOUS)]:
            shutil.rmtree(path, ignore_errors=True)

    def write_state(self, state_dir: Path, info: dict) -> None:
        """Record what a state was built from (``state.json``)."""
        (state_dir / "state.json").write_text(json.dumps(info, ensure_ascii=False, indent=2), encoding="utf-8")
