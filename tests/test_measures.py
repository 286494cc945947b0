import pytest


def provision(parsed, pid):
    return parsed[pid.split("/")[0]][1][pid]


@pytest.mark.parametrize("pid, groups, instruments", [
    ("hualong/8", {"高校毕业生", "退役军人", "返乡创业人员", "就业困难人员"}, {"创业担保贷款"}),
    ("junshan/60", {"困难高校毕业生", "离校未就业高校毕业生", "失业人员"}, {"求职创业补贴", "就业见习补贴"}),
    ("ziyang/14", {"去产能企业职工"}, {"稳岗补贴", "社会保险补贴", "岗位补贴", "交通补贴", "公益性岗位"}),
    ("luoyang/12", {"困难高校毕业生", "离校未就业高校毕业生", "毕业年度高校毕业生"},
     {"求职创业补贴", "就业见习补贴", "就业创业服务补贴"}),
    ("luoyang/23", {"退役军人", "退役士兵", "军转干部", "随军家属"}, set()),
    ("yiyang/21", {"建档立卡贫困劳动力", "贫困劳动力"}, {"以奖代补", "就业创业服务补贴", "生活费补贴", "交通补贴"}),
    ("yiyang/9", {"失业人员", "就业困难人员", "残疾人", "退役军人", "刑满释放人员", "高校毕业生", "返乡创业人员"},
     {"创业担保贷款"}),
    ("junshan/22", {"贫困劳动力", "农民工", "返乡创业人员", "小微企业"}, {"一次性创业补贴"}),
    ("hualong/6", {"孵化基地"}, {"场地租金补贴", "政府购买服务"}),
])
def test_target_groups_and_instruments_of_known_provisions(parsed, pid, groups, instruments):
    record = provision(parsed, pid)
    assert groups <= set(record["target_groups"]), record["target_groups"]
    assert instruments <= set(record["instruments"]), record["instruments"]


def test_loan_cap_measure_of_junshan_inherits_the_instrument(parsed):
    record = provision(parsed, "junshan/34")
    measure = next(m for m in record["measures"] if any(record["amounts"][i]["text"] == "15万元" for i in m["amounts"]))
    assert "创业担保贷款" in measure["instruments"]
    first = record["amounts"][measure["amounts"][0]]
    assert (first["value"], first["kind"], first["previous"], first["subject"]) == (150000, "cap", 100000, "个人")


def test_conditions_and_duration(parsed):
    record = provision(parsed, "hualong/2")
    measure = next(m for m in record["measures"] if "社会保险补贴" in m["instruments"])
    assert "签订1年以上期限劳动合同" in [c["text"] for c in measure["conditions"]]
    assert measure["duration"]["text"] == "不超过3年"
    junshan22 = provision(parsed, "junshan/22")["measures"][0]
    assert "正常运营6个月以上" in [c["text"] for c in junshan22["conditions"]]
    luoyang12 = provision(parsed, "luoyang/12")
    internship = next(m for m in luoyang12["measures"] if "就业见习补贴" in m["instruments"])
    assert internship["duration"] == {"text": "最长不超过12个月", "value": 12, "unit": "个月", "kind": "cap"}


def test_levels_of_parallel_amounts(parsed):
    amounts = provision(parsed, "luoyang/9")["amounts"]
    operating = [(a["value"], a["level"], a["kind"]) for a in amounts if a["quantity"] == "money"][:6]
    assert operating == [(2000000, "国家级", "cap"), (1000000, "省级", "cap"), (500000, "市级", "cap"),
                         (500000, "国家级", "floor"), (200000, "省级", "floor"), (100000, "市级", "floor")]


def test_every_provision_has_topics_or_none_but_never_unknown_labels(parsed):
    for _, provisions in parsed.values():
        for record in provisions.values():
            assert all(isinstance(t, str) and t for t in record["topics"])
