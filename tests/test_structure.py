import pytest

from corpus.structure import match_item, paragraphs_of

ITEM_COUNTS = {"hualong": 26, "junshan": 100, "ziyang": 29, "luoyang": 32, "yiyang": 26}


@pytest.mark.parametrize("doc, count", ITEM_COUNTS.items())
def test_every_item_is_found(parsed, doc, count):
    document, provisions = parsed[doc]
    items = sorted({p["item"] for p in provisions.values()})
    assert items == list(range(1, count + 1))
    assert document["item_count"] == count


def test_all_213_items_and_215_provisions(parsed):
    assert sum(d["item_count"] for d, _ in parsed.values()) == 213
    assert sum(len(p) for _, p in parsed.values()) == 215


def test_unnumbered_paragraphs_with_their_own_list_are_provisions(parsed):
    provisions = parsed["hualong"][1]
    assert [key for key in provisions if key.startswith("hualong/3")] == ["hualong/3", "hualong/3-2", "hualong/3-3"]
    assert provisions["hualong/3-2"]["text"].startswith("切实做好结构调整中失业人员的就业安置工作")
    assert provisions["hualong/3-3"]["text"].startswith("加快构建失业动态监测")
    assert provisions["hualong/3"]["text"].endswith("（责任单位：人社局、财政局）")


def test_junshan_item_28_lost_its_number_and_is_recognised_by_the_gap(parsed):
    provision = parsed["junshan"][1]["junshan/28"]
    assert provision["text"].startswith("鼓励定向购买专业化、行业化")
    assert provision["label"] == ""
    assert provision["number_inferred"] is True
    assert "junshan/27-2" not in parsed["junshan"][1]


def test_junshan_item_68_lost_its_dot(parsed):
    provision = parsed["junshan"][1]["junshan/68"]
    assert provision["label"] == "68"
    assert provision["text"].startswith("68每年从区级就业扶贫基地")


def test_junshan_sections_repeated_on_every_page_are_one_section(parsed):
    document = parsed["junshan"][0]
    assert [s["heading"] for s in document["sections"]] == [
        "一、发展产业援企稳岗计划", "二、创新引领创业护航计划", "三、职业能力优化提升计划",
        "四、重点群体就业扶持计划", "五、就业服务提质增效计划", "六、促进就业长效保障计划",
    ]
    provisions = parsed["junshan"][1]
    assert provisions["junshan/25"]["section"] == "二、创新引领创业护航计划"
    assert provisions["junshan/34"]["section"] == "二、创新引领创业护航计划"
    assert provisions["junshan/80"]["section"] == "五、就业服务提质增效计划"


def test_junshan_stray_character_in_the_plan_column_is_reported_not_parsed(parsed):
    document, provisions = parsed["junshan"]
    assert any("区委" in w for w in document["warnings"])
    assert provisions["junshan/80"]["text"].startswith("80.将城镇登记失业人员")


@pytest.mark.parametrize("pid, label, section", [
    ("luoyang/7", "（七）", "三、促进以创业带动就业"),
    ("hualong/10", "(十)", None),
    ("ziyang/12", "（十二）", "三、促进重点群体就业"),
    ("yiyang/21", "（二十一）", "六、加大就业扶贫力度"),
    ("junshan/1", "1.", "一、发展产业援企稳岗计划"),
])
def test_labels_and_sections(parsed, pid, label, section):
    provision = parsed[pid.split("/")[0]][1][pid]
    assert provision["label"] == label.replace("(", "（").replace(")", "）")
    if section:
        assert provision["section"] == section


def test_closing_paragraph_and_signature_are_not_part_of_the_last_item(parsed):
    last = parsed["hualong"][1]["hualong/26"]
    assert last["text"].endswith("（责任单位：宣传部、人社局、文广旅局、教体局）")
    assert "2016年1月9日" not in parsed["ziyang"][1]["ziyang/29"]["text"]
    assert "抄送" not in parsed["yiyang"][1]["yiyang/26"]["text"]
    assert "印发" not in parsed["luoyang"][1]["luoyang/32"]["text"]


def test_provision_offsets_point_into_the_raw_text(parsed, raw_texts):
    for doc, (_, provisions) in parsed.items():
        for provision in provisions.values():
            raw = raw_texts[doc][provision["start"]:provision["end"]]
            squeezed = "".join(raw.split())
            assert squeezed[:6].replace("(", "（").replace(")", "）") == provision["text"][:6]


@pytest.mark.parametrize("line, previous, expected", [
    ("2.2019年，对面临暂时性", 1, 2),
    ("68每年从区级", 67, 68),
    ("2019年起，每年安排", 3, None),
    ("1.5万人以上", 7, None),
    ("（二十六）加大宣传", 25, 26),
])
def test_item_markers_follow_the_sequence(line, previous, expected):
    style = "paren" if line.startswith("（") else "digit"
    found = match_item(line, style, previous)
    assert (found[0] if found else None) == expected


def test_paragraphs_skip_blank_lines():
    assert paragraphs_of("a\n\n  b \n") == [(0, 1), (5, 6)]
