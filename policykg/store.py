"""Read what a build wrote (see :mod:`policykg.build`)."""
from __future__ import annotations

import json
from pathlib import Path


def load_provisions(build_dir: Path) -> list[dict]:
    """Provision records, in document then item order."""
    with open(Path(build_dir) / "provisions.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_json(build_dir: Path, name: str):
    """``documents``, ``units`` or ``report`` of a build."""
    return json.loads((Path(build_dir) / f"{name}.json").read_text(encoding="utf-8"))
