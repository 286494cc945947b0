import pytest

from corpus.units import Government, unit_vocabulary

LUOYANG = Government("洛阳市", "洛阳市人民政府", "洛阳市", "市")
HUALONG = Government("濮阳市华龙区", "濮阳市华龙区人民政府", "华龙区", "区")
JUNSHAN = Government("岳阳市君山区", "岳阳市君山区人民政府", "君山区", "区")


@pytest.fixture(scope="module")
def vocab():
    return unit_vocabulary()


@pytest.mark.parametrize("name, type_label", [
    ("人社局", "人力资源社会保障局"),
    ("人力资源社会保障局", "人力资源社会保障局"),
    ("市人力资源和社会保障局", "人力资源社会保障局"),
    ("发改委", "发展改革委"),
    ("市发展改革委", "发展改革委"),
    ("区发改局", "发展改革委"),
    ("市场监管局", "市场监督管理局"),
    ("区市场监管局", "市场监督管理局"),
    ("人行洛阳中心支行", "人民银行分支机构"),
    ("国家统计局洛阳调查队", "国家统计局调查队"),
    ("市政府国资委", "国资委"),
    ("市委组织部", "组织部"),
    ("团市委", "共青团委"),
    ("各县（市、区）人民政府", "下级人民政府"),
    ("市政府驻北京办事处", "驻外办事处"),
])
def test_names_are_classified_by_functional_type(vocab, name, type_label):
    slug, _, _ = vocab.classify(name, LUOYANG)
    assert vocab.types[slug].label == type_label


def test_elided_prefix_resolves_to_the_documents_government(vocab):
    written = vocab.resolve("市财政局", LUOYANG)
    elided = vocab.resolve("财政局", LUOYANG)
    assert written.key == elided.key == "洛阳市/finance"
    assert elided.label == "洛阳市财政局"


def test_one_entity_per_government_and_type(vocab):
    assert vocab.resolve("人社局", HUALONG).key == vocab.resolve("人力资源社会保障局", HUALONG).key
    assert vocab.resolve("人社局", HUALONG).key != vocab.resolve("区人社局", JUNSHAN).key


def test_offices_in_other_cities_stay_distinct(vocab):
    beijing = vocab.resolve("市政府驻北京办事处", LUOYANG)
    guangzhou = vocab.resolve("市政府驻广州办事处", LUOYANG)
    assert beijing.type == guangzhou.type == "liaison-office"
    assert beijing.key != guangzhou.key


def test_unknown_names_are_kept_typed_unknown(vocab):
    unit = vocab.resolve("市乡村振兴服务中心", LUOYANG)
    assert unit.type == "unknown"
    assert unit.label == "洛阳市乡村振兴服务中心"


@pytest.mark.parametrize("joined, pieces", [
    ("残联总工会", ["残联", "总工会"]),
    ("驻区相关银行区财政局", ["驻区相关银行", "区财政局"]),
    ("市人力资源社会保障局", ["市人力资源社会保障局"]),
    ("市场监管局", ["市场监管局"]),
])
def test_names_that_lost_their_separator_are_split(vocab, joined, pieces):
    assert vocab.split_joined(joined, LUOYANG) == pieces
