import pytest

from corpus.responsibility import ListRules, find_list, trailing_bracket
from corpus.units import Government, unit_vocabulary

CITY = Government("巴中市", "巴中市人民政府", "巴中市", "市")


def parse(text, rules=None):
    found = find_list(text, 0, rules or ListRules(), unit_vocabulary(), CITY)
    return [(m.name, m.role) for m in found.mentions] if found else None


def roles_of(provision):
    return [(u["name"], u["role"]) for u in provision["units"]]


def test_plain_responsibility_list_has_no_lead(parsed):
    assert roles_of(parsed["hualong"][1]["hualong/1"]) == [
        ("发改委", "responsible"), ("人社局", "responsible"), ("审计局", "responsible"), ("统计局", "responsible")]


def test_first_listed_leads_and_xiatong_carries_the_rule_in_ziyang(parsed):
    provisions = parsed["ziyang"][1]
    assert roles_of(provisions["ziyang/1"])[0] == ("市发展改革委", "lead")
    assert roles_of(provisions["ziyang/9"])[:2] == [("人行资阳市中心支行", "lead"), ("市发展改革委", "cooperating")]
    assert roles_of(provisions["ziyang/27"]) == [
        ("各级人民政府", "lead"), ("市人力资源社会保障局", "cooperating"), ("市财政局", "cooperating")]
    assert roles_of(provisions["ziyang/29"])[0] == ("市统计局", "lead")


def test_luoyang_lead_rule_after_duty_clause(parsed):
    provisions = parsed["luoyang"][1]
    assert roles_of(provisions["luoyang/1"])[0] == ("市发展改革委", "lead")
    assert roles_of(provisions["luoyang/7"])[:2] == [("市人力资源社会保障局", "lead"), ("科技局", "cooperating")]
    assert roles_of(provisions["luoyang/25"])[0] == ("市教育局", "lead")
    assert provisions["luoyang/7"]["units"][4]["label"] == "洛阳市工业和信息化委"


def test_luoyang_elided_prefixes_resolve_to_luoyang(parsed):
    units = {u["name"]: u for u in parsed["luoyang"][1]["luoyang/1"]["units"]}
    assert units["财政局"]["label"] == "洛阳市财政局"
    assert units["财政局"]["unit"] == units["财政局"]["unit"] == "洛阳市/finance"
    assert units["人行洛阳中心支行"]["type"] == "人民银行分支机构"


def test_luoyang_missing_separator_between_two_units(parsed):
    names = [u["name"] for u in parsed["luoyang"][1]["luoyang/24"]["units"]]
    assert names[-2:] == ["残联", "总工会"]


def test_yiyang_lead_rule_and_offices_in_four_cities(parsed):
    provisions = parsed["yiyang"][1]
    assert roles_of(provisions["yiyang/1"])[0] == ("市发改委", "lead")
    units = provisions["yiyang/21"]["units"]
    assert [u["name"] for u in units[3:]] == [
        "市政府驻北京办事处", "市政府驻广州办事处", "市政府驻上海办事处", "市政府驻长沙办事处"]
    assert {u["type"] for u in units[3:]} == {"驻外办事处"}
    assert roles_of(provisions["yiyang/26"]) == [
        ("市人力资源社会保障局", "lead"), ("市发改委", "cooperating"), ("市财政局", "cooperating"),
        ("市民政局", "cooperating"), ("市工商局", "cooperating")]


def test_unit_offsets_point_at_the_names_in_the_raw_text(parsed, raw_texts):
    checked = 0
    for doc, (_, provisions) in parsed.items():
        for provision in provisions.values():
            for unit in provision["units"]:
                if "驻" in unit["name"] and "办事处" in unit["name"]:
                    continue  # a name spread over 北京、广州、… points at its part of the list
                assert raw_texts[doc][unit["start"]:unit["end"]] == unit["name"]
                checked += 1
    assert checked > 1000


@pytest.mark.parametrize("text, expected", [
    ("〔牵头单位：市人社局；责任单位：市财政局、市教育局〕",
     [("市人社局", "lead"), ("市财政局", "cooperating"), ("市教育局", "cooperating")]),
    ("（市人社局、市财政局牵头，市教育局、团市委参加）",
     [("市人社局", "lead"), ("市财政局", "lead"), ("市教育局", "cooperating"), ("团市委", "cooperating")]),
    ("（市人社局牵头，市扶贫办、市财政局配合）",
     [("市人社局", "lead"), ("市扶贫办", "cooperating"), ("市财政局", "cooperating")]),
    ("[责任单位：各县（市、区）人民政府、市人社局]",
     [("各县（市、区）人民政府", "responsible"), ("市人社局", "responsible")]),
    ("【责任单位：市人社局、市财政局】", [("市人社局", "responsible"), ("市财政局", "responsible")]),
    ("（市人社局和市财政局负责）", [("市人社局", "responsible"), ("市财政局", "responsible")]),
    ("（包括毕业5年内的普通高校学生，下同）", None),
    ("给予5000元的补贴（不含个人缴费部分）。", None),
])
def test_list_conventions_of_other_cities(text, expected):
    assert parse(text) == expected


def test_lead_rule_declared_once_applies_to_later_lists():
    rules = ListRules()
    parse("（市人社局、市财政局等负责。列第一位者为牵头单位，下同）", rules)
    assert rules.lead_first
    assert parse("（市财政局、市人社局等负责）", rules) == [("市财政局", "lead"), ("市人社局", "cooperating")]


def test_trailing_bracket_handles_nested_parentheses():
    text = "内容。（各县（市、区）人民政府、市人社局）"
    start, end = trailing_bracket(text)
    assert text[start:end] == "（各县（市、区）人民政府、市人社局）"
