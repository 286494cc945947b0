"""Export provisions as JSON Lines or CSV (UTF-8 with BOM, so Excel shows Chinese)."""
from __future__ import annotations

import csv
import json
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TextIO

# The stable export interface: later stages add fields, these stay.
RECORD_FIELDS = ("id", "doc", "item", "label", "section", "text", "start", "end", "units")
EXTRA_FIELDS = ("sub", "number_inferred", "target_groups", "instruments", "topics", "notes")
UNIT_FIELDS = ("name", "type", "role", "label", "unit", "start", "end")
AMOUNT_FIELDS = ("text", "value", "min", "max", "unit", "kind", "per", "previous",
                 "quantity", "period", "once", "level", "subject", "start", "end")
MEASURE_FIELDS = ("text", "start", "end", "instruments", "target_groups", "conditions", "eligibility", "duration")


def export_record(provision: dict) -> dict:
    """The export record of a stored provision: the stable fields first, then the extras."""
    record = {key: provision[key] for key in RECORD_FIELDS}
    record["units"] = [{key: unit[key] for key in UNIT_FIELDS} for unit in provision["units"]]
    record["amounts"] = [{key: amount[key] for key in AMOUNT_FIELDS} for amount in provision["amounts"]]
    for key in EXTRA_FIELDS:
        record[key] = provision.get(key)
    record["measures"] = [dict({key: m[key] for key in MEASURE_FIELDS},
                               amounts=[provision["amounts"][i]["text"] for i in m["amounts"]])
                          for m in provision["measures"]]
    record["clauses"] = [{k: c[k] for k in ("text", "kind", "start", "end")} for c in provision["clauses"]]
    return record


def write_jsonl(provisions: Iterable[dict], out: TextIO) -> int:
    """One JSON object per line; returns the number written."""
    count = 0
    for provision in provisions:
        out.write(json.dumps(export_record(provision), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(provisions: Iterable[dict], out: TextIO) -> int:
    """CSV with a BOM; units as ``name|type|role`` joined by ``; ``."""
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["id", "doc", "item", "label", "section", "text", "start", "end",
                     "lead_units", "units", "target_groups", "instruments", "amounts"])
    count = 0
    for provision in provisions:
        units = provision["units"]
        writer.writerow([
            provision["id"], provision["doc"], provision["item"], provision["label"], provision["section"] or "",
            provision["text"], provision["start"], provision["end"],
            "、".join(u["name"] for u in units if u["role"] == "lead"),
            "; ".join(f"{u['name']}|{u['type']}|{u['role']}" for u in units),
            "、".join(provision["target_groups"]), "、".join(provision["instruments"]),
            "; ".join(f"{a['text']}={a['value']}{a['unit']}({a['kind']})" for a in provision["amounts"]),
        ])
        count += 1
    return count


def write_atomically(path: Path, write: Callable[[TextIO], int]) -> int:
    """Call ``write(handle)`` on a new file beside ``path`` and rename it to ``path`` only when
    it is complete: a failure leaves no half-written file and any previous ``path`` intact."""
    path = Path(path)
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", dir=path.parent,
                                         prefix=f".{path.name}.", suffix=".tmp", delete=False)
    try:
        with handle:
            count = write(handle)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(handle.name, 0o666 & ~umask)  # as open() would have made it, not the temporary file's 0600
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return count
