"""The corpus at a glance: counts per document and entry points by topic, instrument, group."""
from __future__ import annotations

from collections import Counter


def overview(documents: list[dict], provisions: list[dict], unit_count: int) -> dict:
    """Counts and ranked entry points (written by the build as ``overview.json``)."""
    topics, instruments, groups = Counter(), Counter(), Counter()
    per_doc = {d["id"]: {"provisions": 0, "measures": 0, "amounts": 0} for d in documents}
    for provision in provisions:
        stats = per_doc[provision["doc"]]
        stats["provisions"] += 1
        stats["measures"] += len(provision["measures"])
        stats["amounts"] += len(provision["amounts"])
        topics.update(provision["topics"])
        for measure in provision["measures"]:
            instruments.update(set(measure["instruments"]))
            groups.update(set(measure["target_groups"]))
    rows = [dict({k: d.get(k) for k in ("id", "title", "government", "region", "province", "parent", "level",
                                        "date", "number", "other_numbers", "layout")},
                 cites=len(d["cites"]), **per_doc[d["id"]]) for d in documents]

    def ranked(counter: Counter) -> list[dict]:
        return [{"label": k, "count": v} for k, v in sorted(counter.items(), key=lambda i: (-i[1], i[0]))]

    return {
        "documents": rows,
        "counts": {"documents": len(documents), "provisions": len(provisions),
                   "measures": sum(s["measures"] for s in per_doc.values()),
                   "amounts": sum(s["amounts"] for s in per_doc.values()), "units": unit_count},
        "topics": ranked(topics), "instruments": ranked(instruments), "target_groups": ranked(groups),
    }
