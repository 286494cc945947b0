import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import query as Q

from policykg.store import load_provisions
from search.engine import Searcher, SearchError, SearchRequest
from search.substrings import FILENAME, Substring, SubstringStore, fold, write_substrings


@pytest.fixture(scope="module")
def texts(built_home):
    return [p["text"] for p in load_provisions(built_home.build_dir())]


@pytest.fixture(scope="module")
def store(tmp_path_factory, texts):
    path = tmp_path_factory.mktemp("substrings") / FILENAME
    write_substrings(path, texts)
    return SubstringStore(path)


def brute_force(texts, phrase):
    needle = fold(phrase)
    found = [(n, fold(t).count(needle)) for n, t in enumerate(texts) if needle and needle in fold(t)]
    return [n for n, _ in found], [c for _, c in found]


@pytest.mark.parametrize("phrase", ["创业担保贷款", "10万元", "（责任单位：人社局", "的", "业", "o2o", "O2O",
                                    "每人每月1000元", "列首位的为牵头单位", "2/3", "不存在的短语甲乙丙"])
def test_occurrences_on_the_real_documents_equal_a_plain_scan(store, texts, phrase):
    assert store.occurrences(phrase) == brute_force(texts, phrase)


def test_counts_every_occurrence_inside_a_provision(store, texts):
    ids, counts = store.occurrences("创业担保贷款")
    best = max(range(len(ids)), key=lambda i: counts[i])
    assert counts[best] == fold(texts[ids[best]]).count("创业担保贷款") > 1


def test_a_match_never_spans_two_provisions(store, texts):
    # the end of one provision followed by the start of the next is not a substring of either
    first, second = fold(texts[0]), fold(texts[1])
    straddling = first[-3:] + second[:3]
    assert store.occurrences(straddling) == brute_force(texts, straddling)


def test_whitespace_and_case_are_folded(store, texts):
    assert store.occurrences("创业 担保\t贷款") == store.occurrences("创业担保贷款")
    assert fold("Ｏ2O 平台") == "ｏ2o平台"


def test_scores_follow_bm25(store):
    scored = store.scored("创业担保贷款")
    assert len(scored.ids) == len(scored.scores) > 0
    assert all(score > 0 for score in scored.scores)
    # same document, more weight for a boosted phrase
    assert store.scored("创业担保贷款", boost=1.5).scores[0] == pytest.approx(scored.scores[0] * 1.5)
    assert store.scored("不存在的短语甲乙丙").ids == []


def test_an_unresolved_substring_query_is_an_error_not_an_empty_result(built_home):
    searcher = Searcher(built_home.build_dir() / "index")
    with searcher.index.searcher() as whoosh_searcher, pytest.raises(Q.QueryError):
        whoosh_searcher.search(Q.Or([Q.Term("text", "创业"), Substring("担保贷款")]))
    resolved = searcher.substrings.resolve(Q.Or([Q.Term("text", "创业"), Substring("担保贷款")]))
    assert "Substring(" not in repr(resolved)


def test_searcher_refuses_a_text_file_that_does_not_match_the_index(built_home, tmp_path):
    index_dir = tmp_path / "index"
    shutil.copytree(built_home.build_dir() / "index", index_dir)
    lines = (index_dir / FILENAME).read_bytes().splitlines(keepends=True)
    (index_dir / FILENAME).write_bytes(b"".join(lines[:-1]))
    with pytest.raises(SearchError, match="policykg build"):
        Searcher(index_dir)


def test_phrase_search_through_the_engine_uses_the_store(built_home, texts):
    searcher = Searcher(built_home.build_dir() / "index")
    result = searcher.search(SearchRequest(q='"业担保贷"', limit=100))
    assert result["total"] == len(brute_force(texts, "业担保贷")[0]) > 0


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="创业就补贴 贷款aA1\t", min_size=0, max_size=30), min_size=1, max_size=12),
       st.text(alphabet="创业就补贴 贷款aA1", min_size=1, max_size=4))
def test_occurrences_equal_a_plain_scan_on_any_texts(tmp_path_factory, documents, phrase):
    path = tmp_path_factory.mktemp("hyp") / FILENAME
    write_substrings(path, documents)
    store = SubstringStore(path)
    assert store.doc_count == len(documents)
    assert store.occurrences(phrase) == brute_force(documents, phrase)
