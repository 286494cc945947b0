import pytest

from corpus.document import normalise
from corpus.normalize import normalise_characters, rejoin_page_breaks


@pytest.mark.parametrize("raw, expected", [
    ("(一) 建立经济发展", "（一）建立经济发展"),
    ("申请领取 5000 元的一次性创业补助", "申请领取5000元的一次性创业补助"),
    ("实 施 意 见", "实施意见"),
    ("在产业结构调整 and 转型升级中", "在产业结构调整和转型升级中"),
    ("以新一代信息和网络技术为支撑, 加强技术集成", "以新一代信息和网络技术为支撑，加强技术集成"),
    ("１０万元，５０％", "10万元，50%"),
    ("O2O 商业模式", "O2O商业模式"),
    ("加大援企稳岗力度.对不裁员", "加大援企稳岗力度。对不裁员"),
    ("分别给予2000元.3000元", "分别给予2000元.3000元"),
    ("年补贴1,000元", "年补贴1,000元"),
    ("個人創業擔保貸款最高額度為10萬元", "个人创业担保贷款最高额度为10万元"),
])
def test_character_normalisation(raw, expected):
    assert normalise_characters(raw).text == expected


def test_traditional_conversion_never_touches_simplified_text(raw_texts):
    for raw in raw_texts.values():
        text = normalise_characters(raw).text
        assert "洛阳" in text or "华龙" in text or "君山" in text or "资阳" in text or "益阳" in text


def test_page_break_inside_a_sentence_is_rejoined(raw_texts):
    text = normalise(raw_texts["hualong"]).text
    assert "进一步降低创业准入门槛" in text
    assert "（八）拓宽创业融资渠道" in text


def test_responsibility_list_split_after_its_label_is_rejoined(raw_texts):
    text = normalise(raw_texts["hualong"]).text
    assert "（责任单位：人社局、财政局、教体局、民政局、农牧局、工信委、科技局）" in text


def test_list_split_across_pages_in_ziyang_is_rejoined(raw_texts):
    text = normalise(raw_texts["ziyang"]).text
    assert "（人行资阳市中心支行、市发展改革委、市财政局、" in text
    assert "完善多元化产业体系" in text


def test_headings_and_items_are_never_glued():
    mapped = normalise_characters("一、总体要求\n\n（一）第一条内容，\n\n继续。\n\n（二）第二条")
    assert rejoin_page_breaks(mapped).text == "一、总体要求\n\n（一）第一条内容，继续。\n\n（二）第二条"


def test_every_normalised_character_maps_back_into_the_raw_text(raw_texts):
    for raw in raw_texts.values():
        mapped = normalise(raw)
        for index in range(0, len(mapped.text), 97):
            start, end = mapped.raw_span(index, index + 1)
            assert 0 <= start < end <= len(raw)
            if mapped.text[index] == raw[start]:
                continue
            assert mapped.text[index] in "（），：；。" or end - start > 1 or raw[start] in "(),:;."
