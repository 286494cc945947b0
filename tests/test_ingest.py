import json
import shutil

import pytest

from conftest import FIXTURES, tree_digest
from policykg.cli import main
from policykg.ingest import IngestError, decode, guess_title, prepare_text
from policykg.store import load_provisions


def ingest(runner, home, path, doc_id, region, *extra):
    return runner.invoke(main, ["--home", str(home.path), "ingest", str(path), "--id", doc_id,
                                "--region", region, "--quiet", *extra])


def units_of(home, pid):
    provision = next(p for p in load_provisions(home.build_dir()) if p["id"] == pid)
    return [(u["name"], u["role"], u["type"]) for u in provision["units"]]


def test_bracketed_lead_and_responsible_labels_half_width_punctuation(runner, home):
    result = ingest(runner, home, FIXTURES / "bazhong_bracket_lead.txt", "bazhong", "巴中市")
    assert result.exit_code == 0, result.output
    assert units_of(home, "bazhong/1") == [
        ("市人力资源社会保障局", "lead", "人力资源社会保障局"), ("市财政局", "cooperating", "财政局"),
        ("市税务局", "cooperating", "税务局"), ("各县（区）人民政府", "cooperating", "下级人民政府")]
    assert units_of(home, "bazhong/2")[:2] == [
        ("人行巴中市中心支行", "lead", "人民银行分支机构"), ("市财政局", "lead", "财政局")]
    provisions = {p["id"]: p for p in load_provisions(home.build_dir())}
    assert "降低创业门槛。" in provisions["bazhong/4"]["text"]
    assert len([p for p in provisions if p.startswith("bazhong/")]) == 4
    manifest = json.loads((home.documents_dir() / "bazhong.json").read_text(encoding="utf-8"))
    assert manifest["number"] == "巴府发〔2019〕3号"
    assert manifest["date"] == "2019-03-20"
    assert manifest["level"] == "市"


def test_gbk_file_with_two_leads_and_participants(runner, home):
    result = ingest(runner, home, FIXTURES / "zhoukou_lead_join.gbk.txt", "zhoukou", "周口市")
    assert result.exit_code == 0, result.output
    assert units_of(home, "zhoukou/1") == [
        ("市人力资源社会保障局", "lead", "人力资源社会保障局"), ("市财政局", "lead", "财政局"),
        ("市税务局", "cooperating", "税务局"), ("市发展改革委", "cooperating", "发展改革委")]
    assert ("各县（市、区）人民政府", "cooperating", "下级人民政府") in units_of(home, "zhoukou/2")
    assert units_of(home, "zhoukou/3")[1:] == [("市扶贫办", "cooperating", "扶贫办"), ("市财政局", "cooperating", "财政局")]


def test_html_pasted_from_a_web_page_with_square_bracket_lists(runner, home):
    result = ingest(runner, home, FIXTURES / "anshun_web_square.html", "anshun", "安顺市")
    assert result.exit_code == 0, result.output
    provisions = [p for p in load_provisions(home.build_dir()) if p["doc"] == "anshun"]
    assert [p["id"] for p in provisions] == ["anshun/1", "anshun/2", "anshun/3"]
    assert units_of(home, "anshun/3") == [
        ("市残联", "responsible", "残联"), ("市人力资源社会保障局", "responsible", "人力资源社会保障局"),
        ("市财政局", "responsible", "财政局")]
    stored = (home.documents_dir() / "anshun.txt").read_text(encoding="utf-8")
    assert "<p>" not in stored and "不是条款" not in stored


def test_traditional_characters(runner, home):
    result = ingest(runner, home, FIXTURES / "xingning_traditional.txt", "xingning", "兴宁市")
    assert result.exit_code == 0, result.output
    assert units_of(home, "xingning/2") == [
        ("市人力资源和社会保障局", "lead", "人力资源社会保障局"), ("市财政局", "cooperating", "财政局"),
        ("市总工会", "cooperating", "总工会")]
    provisions = {p["id"]: p for p in load_provisions(home.build_dir())}
    assert "创业担保贷款" in provisions["xingning/1"]["text"]


def test_items_numbered_with_digits_only(runner, home):
    result = ingest(runner, home, FIXTURES / "digits_only.txt", "moumou", "某某县")
    assert result.exit_code == 0, result.output
    ids = [p["id"] for p in load_provisions(home.build_dir()) if p["doc"] == "moumou"]
    assert ids == ["moumou/1", "moumou/2", "moumou/3"]
    assert units_of(home, "moumou/2")[2] == ("县金融办", "responsible", "金融办")


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    ("just some english words, no policy here".encode(), "no Chinese text"),
    ("这是一段没有任何编号条款的中文文字，用来测试无法解析的输入。只是说明而已，没有条款。".encode(), "No numbered provisions"),
    (b"\xc3\x28\x81\x20abc\n" * 50, "neither UTF-8 nor GBK"),
])
def test_bad_input_is_refused_with_one_sentence_and_the_home_untouched(runner, built_home, tmp_path, content, message):
    home_copy = tmp_path / "home"
    shutil.copytree(built_home.path, home_copy, symlinks=True)
    from policykg.home import Home

    home = Home(home_copy)
    before = tree_digest(home.path)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = ingest(runner, home, bad, "bad", "某市")
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert tree_digest(home.path) == before


def test_missing_file_and_bad_id(runner, home, tmp_path):
    assert "Cannot read" in ingest(runner, home, tmp_path / "nope.txt", "x", "某市").output
    result = ingest(runner, home, FIXTURES / "digits_only.txt", "Bad Id", "某市")
    assert result.exit_code == 1 and "id must be" in result.output


@pytest.mark.parametrize("region, extra, option", [("\udcff市", [], "--region"),
                                                  ("巴中市", ["--title", "\udcfe\udcff"], "--title")])
def test_command_line_bytes_that_are_not_utf8_are_refused(runner, home, region, extra, option):
    before = tree_digest(home.path)
    result = ingest(runner, home, FIXTURES / "bazhong_bracket_lead.txt", "bazhong", region, *extra)
    assert result.exit_code == 1 and f"{option} contains bytes that are not UTF-8" in result.output
    assert "Traceback" not in result.output
    assert tree_digest(home.path) == before


def test_same_id_needs_replace(runner, home):
    assert ingest(runner, home, FIXTURES / "digits_only.txt", "moumou", "某某县").exit_code == 0
    again = ingest(runner, home, FIXTURES / "digits_only.txt", "moumou", "某某县")
    assert again.exit_code == 1 and "--replace" in again.output
    assert ingest(runner, home, FIXTURES / "digits_only.txt", "moumou", "某某县", "--replace").exit_code == 0
    clash = ingest(runner, home, FIXTURES / "digits_only.txt", "luoyang", "洛阳市")
    assert clash.exit_code == 1


def test_decode_mixed_encodings_line_by_line():
    data = "（一）第一条，".encode("utf-8") + b"\n" + "（二）第二条。".encode("gbk")
    assert decode(data) == "（一）第一条，\n（二）第二条。"


def test_title_guess():
    assert guess_title("巴中市人民政府\n关于进一步做好稳就业工作的实施意见\n") == "关于进一步做好稳就业工作的实施意见"
    with pytest.raises(IngestError):
        prepare_text(b"\x00\x01")
