"""Run searches: the library function the CLI and the web UI call.

``Searcher(index_dir).search(SearchRequest(q="退伍军人 创业", filters={"region": ["洛阳市"]}))``
returns a plain dict: ``query``, ``expanded``, ``total``, ``fallback``, ``hits``
(``id``, ``doc``, ``item``, ``score``, ``snippet``, …), ``facets`` and paging.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import query as Q
from whoosh import scoring

from .index import open_index
from .query import build_query
from .snippets import snippet
from .substrings import FILENAME as SUBSTRINGS, SubstringStore

# facet key → (index field, Chinese label)
FACETS = {
    "region": ("region", "地区"),
    "province": ("province", "省份"),
    "level": ("level", "行政级别"),
    "group": ("groups", "目标群体"),
    "instrument": ("instruments", "政策工具"),
    "lead": ("lead_types", "牵头单位类型"),
    "year": ("year", "年份"),
    "topic": ("topics", "主题"),
}
FILTERS = dict({key: field_ for key, (field_, _) in FACETS.items()}, unit_type="unit_types", doc="doc")
SORTS = {"relevance": None, "date": ("date", True), "amount": ("max_amount", True), "document": ("doc", False)}
MAX_LIMIT = 100
MAX_AMOUNT = 10**15  # yuan; far above any sum in a policy, far below the index's 64-bit range
COMMON_WORD_DOCS = 1000


class SearchError(ValueError):
    """A request that cannot be run (message for the user)."""


@dataclass
class SearchRequest:
    """What to search: query text, filters (facet key → values), amount range, sort, page."""

    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    min_amount: float | None = None
    max_amount: float | None = None
    sort: str = "relevance"
    page: int = 1
    limit: int = 10
    expand: bool = True

    def validate(self) -> None:
        if self.sort not in SORTS:
            raise SearchError(f"未知的排序方式 {self.sort!r}；可用：{', '.join(SORTS)}。")
        unknown = set(self.filters) - set(FILTERS)
        if unknown:
            raise SearchError(f"未知的筛选条件：{', '.join(sorted(unknown))}。")
        if not 1 <= self.limit <= MAX_LIMIT:
            raise SearchError(f"每页条数须在 1 到 {MAX_LIMIT} 之间。")
        if self.page < 1:
            raise SearchError("页码须从 1 开始。")
        for value in (self.min_amount, self.max_amount):
            if value is not None and (math.isnan(value) or math.isinf(value) or value < 0):
                raise SearchError("金额须为非负数。")
            if value is not None and value > MAX_AMOUNT:
                raise SearchError(f"金额不能超过 {MAX_AMOUNT:,} 元。")


def filter_query(request: SearchRequest) -> Q.Query | None:
    """The filter part of a request: values of one facet OR-ed, facets AND-ed."""
    parts = []
    for key, values in sorted(request.filters.items()):
        values = [v for v in values if v not in ("", None)]
        if not values:
            continue
        field_ = FILTERS[key]
        if field_ == "year":
            terms = [Q.NumericRange("year", int(v), int(v)) for v in values if re.fullmatch(r"\d{4}", str(v))]
            if len(terms) != len(values):
                raise SearchError("年份须为四位数字。")
        else:
            terms = [Q.Term(field_, str(v)) for v in values]
        parts.append(Q.Or(terms) if len(terms) > 1 else terms[0])
    if request.min_amount is not None:
        parts.append(Q.NumericRange("max_amount", int(request.min_amount), None))
    if request.max_amount is not None:
        parts.append(Q.NumericRange("min_amount", None, int(request.max_amount)))
    if not parts:
        return None
    return Q.And(parts) if len(parts) > 1 else parts[0]


class Searcher:
    """An open index; cheap to query many times (keep one per process).

    Facet counts come from per-value document sets read once from the index, and
    only the requested page is scored: counting 20,000 matches costs set
    intersections, not 20,000 scored hits. Exact phrases and substrings are
    searched in the provisions' texts (:class:`~search.substrings.SubstringStore`).
    """

    def __init__(self, index_dir: Path):
        index_dir = Path(index_dir)
        self.index = open_index(index_dir)
        self._reader = self.index.reader()
        self.doc_count = self._reader.doc_count_all()
        try:
            self.substrings = SubstringStore(index_dir / SUBSTRINGS)
        except OSError as exc:
            raise SearchError(f"索引不完整（{exc.strerror}），请重新构建（policykg build）：{index_dir}") from exc
        if not self._reader.is_atomic() or self.substrings.doc_count != self.doc_count:
            raise SearchError(f"索引与其文本不一致，请重新构建（policykg build）：{index_dir}")
        self.facet_sets = self._facet_sets()

    def _facet_sets(self) -> dict[str, dict[str, frozenset[int]]]:
        sets: dict[str, dict[str, frozenset[int]]] = {}
        for key, (field_, _) in FACETS.items():
            values: dict[str, set[int]] = {}
            if field_ == "year":
                column = self._reader.column_reader("year")
                for docnum in range(self.doc_count):
                    value = column[docnum]
                    if value:
                        values.setdefault(str(value), set()).add(docnum)
            else:
                for term in self._reader.field_terms(field_):
                    if term:
                        values[term] = set(self._reader.postings(field_, term).all_ids())
            sets[key] = {value: frozenset(docs) for value, docs in values.items()}
        return sets

    def common(self, word: str) -> bool:
        """True when ``word`` is itself an indexed word of at least :data:`COMMON_WORD_DOCS` provisions:
        its substring search would then cost much and add little."""
        return self._reader.doc_frequency("text", word.lower()) >= COMMON_WORD_DOCS

    def search(self, request: SearchRequest) -> dict:
        """Run ``request``; see the module docstring for the shape of the result."""
        request.validate()
        built = build_query(request.q, expand=request.expand, common=self.common)
        resolve = self.substrings.resolve
        base = resolve(built.query) if built.query is not None else Q.Every()
        filters = filter_query(request)
        sort = SORTS[request.sort]
        with self.index.searcher(weighting=scoring.BM25F(B=0.75, K1=1.2)) as searcher:
            allowed = set(searcher.docs_for_query(filters)) if filters is not None else None
            mask = set(searcher.docs_for_query(resolve(built.excluded))) if built.excluded is not None else set()
            matched = self._matching(searcher, base, allowed, mask)
            query, fallback = base, False
            if not matched and built.fallback is not None:
                query, fallback = resolve(built.fallback), True
                matched = self._matching(searcher, query, allowed, mask)
            total = len(matched)
            start = (request.page - 1) * request.limit
            kwargs = {"filter": filters, "mask": mask or None, "limit": max(1, start + request.limit)}
            if sort:
                kwargs["sortedby"], kwargs["reverse"] = sort
            results = searcher.search(query, **kwargs) if total else []
            hits = []
            for rank, hit in enumerate(list(results)[start:start + request.limit], start=start + 1):
                stored = hit.fields()
                hits.append({
                    "id": stored["id"], "doc": stored["doc"], "item": stored["item"], "sub": stored["sub"],
                    "label": stored.get("label", ""), "section": stored.get("section", ""),
                    "region": stored.get("region", ""), "leads": stored.get("leads", ""),
                    "rank": rank, "score": round(hit.score, 4) if hit.score is not None else None,
                    "snippet": snippet(stored["text"], built.highlight_words, built.highlight_phrases,
                                       bounds=stored.get("bounds")),
                })
        facet_counts = {key: self._facet(matched, key, request) for key in FACETS}
        return {
            "query": request.q, "expanded": built.expanded, "total": total, "fallback": fallback,
            "page": request.page, "limit": request.limit, "pages": max(1, math.ceil(total / request.limit)),
            "sort": request.sort, "filters": request.filters,
            "min_amount": request.min_amount, "max_amount": request.max_amount,
            "hits": hits, "facets": facet_counts,
        }

    def _matching(self, searcher, query, allowed, mask) -> set[int]:
        """Document numbers matching ``query`` within the filter and outside the mask (unscored)."""
        if isinstance(query, Q.Every):
            docs = set(range(self.doc_count))
        else:
            docs = set(searcher.docs_for_query(query))
        if allowed is not None:
            docs &= allowed
        return docs - mask

    def _facet(self, matched: set[int], key: str, request: SearchRequest) -> list[dict]:
        selected = {str(v) for v in request.filters.get(key, [])}
        items = []
        for value, docs in self.facet_sets[key].items():
            count = len(docs & matched)
            if count:
                items.append({"value": value, "count": count, "selected": value in selected})
        items.sort(key=lambda i: (-i["count"], i["value"]) if key != "year" else (i["value"],))
        return items
