import json
import random
import re

import pytest

from policykg.cli import main
from policykg.store import load_provisions
from search.engine import FACETS, Searcher, SearchError, SearchRequest
from search.evaluate import evaluate
from search.query import build_query, parse


@pytest.fixture(scope="module")
def searcher(built_home):
    return Searcher(built_home.build_dir() / "index")


@pytest.fixture(scope="module")
def provisions(built_home):
    return {p["id"]: p for p in load_provisions(built_home.build_dir())}


def ids(searcher, q, **kwargs):
    """Every hit of ``q`` (all pages) and the first page's result."""
    first = searcher.search(SearchRequest(q=q, limit=100, **kwargs))
    found = {hit["id"] for hit in first["hits"]}
    for page in range(2, first["pages"] + 1):
        found |= {hit["id"] for hit in searcher.search(SearchRequest(q=q, limit=100, page=page, **kwargs))["hits"]}
    return found, first


def substring_ids(provisions, phrase):
    needle = "".join(phrase.split()).lower()
    return {pid for pid, p in provisions.items() if needle in "".join(p["text"].split()).lower()}


FIXED_PHRASES = ["创业担保贷款", "业担保贷", "一次性创业补贴", "（责任单位：人社局", "10万元", "每人每月1000元",
                 "退役士兵", "农民工返乡创业", "小微企业", "的", "5000元", "列首位的为牵头单位", "O2O", "2/3"]


def sampled_phrases(provisions, count=60):
    rng = random.Random(20261122)
    texts = [p["text"] for _, p in sorted(provisions.items())]
    out = []
    while len(out) < count:
        text = rng.choice(texts)
        length = rng.randint(2, 9)
        start = rng.randint(0, max(0, len(text) - length))
        out.append(text[start:start + length].replace('"', ""))
    return out


def test_phrase_queries_find_exactly_what_substring_search_finds(searcher, provisions):
    for phrase in FIXED_PHRASES + sampled_phrases(provisions):
        if not phrase.strip():
            continue
        found, _ = ids(searcher, f'"{phrase}"')
        assert found == substring_ids(provisions, phrase), phrase


def test_plain_word_inside_a_longer_word_is_still_found(searcher, provisions):
    found, _ = ids(searcher, "担保贷款")
    assert substring_ids(provisions, "担保贷款") <= found


def test_veterans_in_all_five_documents_through_the_vocabulary(searcher):
    found, result = ids(searcher, "退伍军人")
    assert {pid.split("/")[0] for pid in found} == {"hualong", "junshan", "ziyang", "luoyang", "yiyang"}
    assert {"退役士兵", "军转干部", "退役军人"} <= set(result["expanded"])
    assert {"hualong/14", "junshan/69", "ziyang/16", "luoyang/23", "yiyang/13"} <= found


@pytest.mark.parametrize("colloquial, written, expected", [
    ("大学生", "高校毕业生", "luoyang/14"),
    ("电商", "电子商务", "junshan/39"),
    ("人社局", "人力资源社会保障局", "ziyang/24"),
])
def test_everyday_words_find_the_documents_terms(searcher, colloquial, written, expected):
    found, result = ids(searcher, colloquial)
    assert written in result["expanded"]
    assert expected in found


def test_expansion_can_be_switched_off(searcher):
    found, result = ids(searcher, "退伍军人", expand=False)
    assert found == set() and result["expanded"] == []


def test_amounts_are_searchable_as_written(searcher, provisions):
    as_written, _ = ids(searcher, "20万元")
    assert as_written == substring_ids(provisions, "20万元")
    in_yuan, _ = ids(searcher, "200000元")
    assert as_written <= in_yuan


def test_and_by_default_with_a_partial_match_fallback(searcher):
    both, result = ids(searcher, "退役士兵 公务员")
    assert both and not result["fallback"]
    assert all(pid in {"hualong/14", "luoyang/23"} for pid in both)
    partial, result = ids(searcher, "退役士兵 孵化器大楼不存在的词")
    assert result["fallback"] and partial


def test_exclusion_and_or(searcher):
    with_luoyang, _ = ids(searcher, "退役士兵")
    without, _ = ids(searcher, '退役士兵 -"公务员"')
    assert "hualong/14" in with_luoyang and "hualong/14" not in without
    either, _ = ids(searcher, "零就业家庭 OR 扶贫车间")
    assert either == ids(searcher, "零就业家庭")[0] | ids(searcher, "扶贫车间")[0]


@pytest.mark.parametrize("key", list(FACETS))
def test_every_facet_counts_and_filters(searcher, key):
    _, everything = ids(searcher, "就业")
    values = everything["facets"][key]
    assert values and all(v["count"] > 0 for v in values)
    value = values[0]
    filtered, result = ids(searcher, "就业", filters={key: [value["value"]]})
    assert len(filtered) == value["count"] == result["total"]
    selected = [v for v in result["facets"][key] if v["selected"]]
    assert selected and selected[0]["value"] == value["value"]


def test_filters_combine(searcher, provisions):
    found, _ = ids(searcher, "补贴", filters={"region": ["洛阳市"], "instrument": ["求职创业补贴"]})
    assert found == {"luoyang/12"}
    found, _ = ids(searcher, "", filters={"lead": ["退役军人事务局"]})
    assert found == {"junshan/70"}, "junshan/69 is led by 区人社局, with 区退役军人局 related"


def test_amount_range_filter(searcher, provisions):
    found, _ = ids(searcher, "创业担保贷款", min_amount=1_000_000)
    assert found == {"junshan/34"}
    for pid in ids(searcher, "补贴", max_amount=500)[0]:
        values = [a["value"] for a in provisions[pid]["amounts"] if a["quantity"] == "money"]
        assert min(values) <= 500


def test_sort_by_date_and_amount(searcher, provisions):
    by_date = searcher.search(SearchRequest(q="创业担保贷款", sort="date", limit=20))["hits"]
    assert by_date[0]["doc"] == "junshan" and by_date[-1]["doc"] == "hualong"
    by_amount = searcher.search(SearchRequest(q="创业担保贷款", sort="amount", limit=3))["hits"]
    assert by_amount[0]["id"] == "junshan/34"


def test_pagination(searcher):
    first = searcher.search(SearchRequest(q="就业", limit=10, page=1))
    second = searcher.search(SearchRequest(q="就业", limit=10, page=2))
    assert first["total"] == second["total"] > 20
    assert not {h["id"] for h in first["hits"]} & {h["id"] for h in second["hits"]}
    assert [h["rank"] for h in second["hits"]][0] == 11


def test_snippets_mark_whole_words_and_escape_html(searcher):
    from search.analysis import word_spans

    for hit in searcher.search(SearchRequest(q="担保贷款", limit=10))["hits"]:
        plain = hit["snippet"].replace("<mark>", "").replace("</mark>", "")
        boundaries = {s for _, s, _, _ in word_spans(plain)} | {e for _, _, e, _ in word_spans(plain)}
        marks = re.finditer(r"<mark>(.*?)</mark>", hit["snippet"])
        offset = 0
        for match in marks:
            start = match.start() - offset
            offset += len("<mark></mark>")
            assert start in boundaries and start + len(match.group(1)) in boundaries, (hit["id"], match.group(1))


HOSTILE = ['<script>alert(1)</script>', '"', '"""', "-", "--", "OR", "OR OR", "((((", ")", "*", "?", "\\", "AND",
           "a" * 5000, "退役" * 400, "\x00", "'; DROP TABLE provisions; --", "{{7*7}}", "%s%s%s", "𝕏🙂",
           '"unclosed phrase', "-\"\"", "field:value", "text:创业", "[1 TO 5]", "~", "^2", "　　", "\u202e",
           "\ud800", '"\udcff\udcfe"', "\udcff创业", '"' + "创业" * 300 + '"']


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_never_raise(searcher, q):
    result = searcher.search(SearchRequest(q=q))
    json.dumps(result)
    for hit in result["hits"]:
        assert "<script" not in hit["snippet"]


@pytest.mark.parametrize("bad", [dict(sort="random"), dict(limit=0), dict(limit=1000), dict(page=0),
                                 dict(min_amount=-1), dict(filters={"colour": ["red"]}),
                                 dict(filters={"year": ["twenty"]}), dict(min_amount=float("nan")),
                                 dict(max_amount=1e21), dict(filters={"year": ["999999999999"]})])
def test_bad_requests_are_clear_errors(searcher, bad):
    with pytest.raises(SearchError):
        searcher.search(SearchRequest(q="就业", **bad))


def test_query_parsing_without_an_index():
    parsed = parse('退伍军人 "创业担保贷款" -洛阳 残疾人 OR 低保')
    assert [[i.text for i in g] for g in parsed.groups] == [["退伍军人"], ["创业担保贷款"], ["残疾人", "低保"]]
    assert [i.text for i in parsed.excluded] == ["洛阳"]
    assert build_query("").query is None


def test_mean_ndcg_on_the_judged_queries_beats_the_baseline(built_home):
    result = evaluate(built_home.build_dir() / "index")
    assert len(result["queries"]) >= 20
    assert result["policykg"] >= 0.90
    assert result["policykg"] > result["baseline"] + 0.05


def test_cli_search_text_and_json(runner, built_home):
    text = runner.invoke(main, ["--home", str(built_home.path), "search", "退伍军人", "--limit", "2"])
    assert text.exit_code == 0 and "also searched" in text.output and "【" in text.output
    out = runner.invoke(main, ["--home", str(built_home.path), "search", "创业担保贷款", "--region", "君山区",
                               "--min-amount", "10000", "--format", "json"])
    data = json.loads(out.output)
    assert set(data) >= {"query", "expanded", "total", "hits", "facets"}
    assert {h["doc"] for h in data["hits"]} == {"junshan"}
    assert set(data["hits"][0]) >= {"id", "doc", "item", "score", "snippet"}
