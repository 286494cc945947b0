"""The parser never crashes, whatever text it is given."""
from hypothesis import HealthCheck, given, settings, strategies as st

from corpus import ParseError, Source, parse_document
from corpus.responsibility import ListRules, find_list
from corpus.units import Government, unit_vocabulary

PIECES = ["一、", "（一）", "(二)", "1.", "2、", "68", "\n", "\n\n", "\t", "（责任单位：", "）", "人社局", "、",
          "财政局", "，列首位的为牵头单位，下同", "牵头", "参加", "〔牵头单位：", "；责任单位：", "〕", "。", "万元",
          "实施计划", "牵头责任单位", "相关责任单位", "备注：", "同为以上各项目标任务相关责任单位", "各镇（街道）、场"]
chunks = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join)
MANIFEST = {"id": "prop", "region": "某市", "government": "某市人民政府", "level": "市"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(chunks)
def test_parse_document_returns_records_or_a_parse_error(text):
    try:
        document, provisions = parse_document(Source(MANIFEST, text))
    except ParseError:
        return
    for provision in provisions:
        assert 0 <= provision["start"] <= provision["end"] <= len(text)
        for unit in provision["units"]:
            assert 0 <= unit["start"] <= unit["end"] <= len(text)
            assert unit["role"] in {"lead", "cooperating", "responsible"}


@settings(max_examples=300, deadline=None)
@given(chunks)
def test_find_list_never_crashes(text):
    find_list(text, 0, ListRules(), unit_vocabulary(), Government("某市", "某市人民政府", "某市", "市"))
