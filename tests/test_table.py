def roles(provision):
    return [(u["name"], u["role"]) for u in provision["units"]]


TOWNS = ("各镇（街道）、场", "cooperating")


def test_lead_and_related_columns(parsed):
    assert roles(parsed["junshan"][1]["junshan/1"]) == [
        ("区人社局", "lead"), ("区财政局", "cooperating"), ("区科工局", "cooperating"), ("区总工会", "cooperating"), TOWNS]


def test_merged_related_cell_applies_down_to_the_next_non_empty_one(parsed):
    provisions = parsed["junshan"][1]
    for key in ("junshan/2", "junshan/3", "junshan/4"):
        names = {u["name"] for u in provisions[key]["units"] if u["role"] == "cooperating"}
        assert {"区财政局", "区总工会"} <= names, key
        assert "related units from the merged cell above" in provisions[key]["notes"]
    assert roles(provisions["junshan/3"])[:2] == [("区科工局", "lead"), ("区财政局", "cooperating")]
    assert roles(provisions["junshan/5"]) == [
        ("区税务局", "lead"), ("区人社局", "cooperating"), ("区财政局", "cooperating"), ("区医保局", "cooperating"), TOWNS]
    assert roles(provisions["junshan/6"])[0] == ("区人社局", "lead")
    assert ("区医保局", "cooperating") in roles(provisions["junshan/6"])
    assert roles(provisions["junshan/7"]) == [("区税务局", "lead"), ("区财政局", "cooperating"), TOWNS]


def test_merged_cell_stops_at_the_repeated_header(parsed):
    provisions = parsed["junshan"][1]
    assert ("区医保局", "cooperating") not in roles(provisions["junshan/8"])
    assert ("驻区相关银行", "lead") == roles(provisions["junshan/12"])[0]
    assert ("区行政审批局", "cooperating") in roles(provisions["junshan/12"])
    assert ("区行政审批局", "cooperating") not in roles(provisions["junshan/13"])


def test_two_units_on_one_line_of_a_cell_are_split(parsed):
    provisions = parsed["junshan"][1]
    assert roles(provisions["junshan/8"])[:3] == [("区财政局", "lead"), ("区金融办", "cooperating"), ("驻区相关银行", "cooperating")]
    names = [u["name"] for u in provisions["junshan/34"]["units"]]
    assert names == ["区人社局", "区财政局", "驻区相关银行", "创业担保中心", "贷款经办银行", "各镇（街道）、场"]


def test_remark_makes_towns_related_to_every_item_unless_they_lead(parsed):
    provisions = parsed["junshan"][1]
    for provision in provisions.values():
        towns = [u for u in provision["units"] if u["name"] == "各镇（街道）、场"]
        assert len(towns) == 1, provision["id"]
    assert roles(provisions["junshan/33"])[0] == ("各镇（街道）、场", "lead")
    assert ("各镇（街道）、场", "lead") in roles(provisions["junshan/61"])


def test_duplicate_names_in_a_cell_count_once(parsed):
    names = [u["name"] for u in parsed["junshan"][1]["junshan/55"]["units"]]
    assert names.count("区农业农村局") == 1
