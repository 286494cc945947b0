import csv
import io
import json

import pytest

from policykg.cli import main


def run(runner, home, *args):
    return runner.invoke(main, ["--home", str(home.path), *args], catch_exceptions=False)


def test_build_then_export_on_a_fresh_home_gives_every_provision(runner, home):
    result = run(runner, home, "build", "--quiet")
    assert result.exit_code == 0, result.output
    assert "213 items, 215 provisions" in result.stderr
    exported = run(runner, home, "export", "--format", "jsonl")
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    assert len(records) == 215
    assert len({(r["doc"], r["item"]) for r in records}) == 213
    assert all(r["units"] for r in records)
    luoyang7 = next(r for r in records if r["id"] == "luoyang/7")
    assert luoyang7["doc"] == "luoyang" and luoyang7["item"] == 7 and luoyang7["label"] == "（七）"
    assert luoyang7["section"] == "三、促进以创业带动就业"
    assert luoyang7["units"][0] == {
        "name": "市人力资源社会保障局", "type": "人力资源社会保障局", "role": "lead",
        "label": "洛阳市人力资源社会保障局", "unit": "洛阳市/human-resources",
        "start": luoyang7["units"][0]["start"], "end": luoyang7["units"][0]["end"]}
    assert {u["role"] for r in records for u in r["units"]} == {"lead", "cooperating", "responsible"}


def test_export_csv_has_a_bom_and_one_row_per_provision(runner, built_home, tmp_path):
    out = tmp_path / "p.csv"
    result = run(runner, built_home, "export", "--format", "csv", "-o", str(out))
    assert result.exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 215
    row = next(r for r in rows if r["id"] == "junshan/34")
    assert row["lead_units"] == "区人社局"
    assert "驻区相关银行|银行|cooperating" in row["units"]


def test_export_to_a_file_is_atomic_and_reports_unwritable_paths(runner, built_home, tmp_path, monkeypatch):
    import os
    import stat

    out = tmp_path / "p.jsonl"
    out.write_text("previous export\n", encoding="utf-8")
    from policykg import export

    def fail_half_way(provisions, handle):
        handle.write("half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "write_jsonl", fail_half_way)
    result = runner.invoke(main, ["--home", str(built_home.path), "export", "-o", str(out)])
    assert result.exit_code == 1 and "No space left on device" in result.output and "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "previous export\n"
    assert os.listdir(tmp_path) == ["p.jsonl"], "no temporary file left behind"
    monkeypatch.undo()
    assert run(runner, built_home, "export", "-o", str(out)).exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 215
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    missing = runner.invoke(main, ["--home", str(built_home.path), "export", "-o", str(tmp_path / "no" / "x.jsonl")])
    assert missing.exit_code == 1 and "Cannot write" in missing.output and "Traceback" not in missing.output


@pytest.mark.parametrize("sizes", ["x", "0", "1,100000", ""])
def test_bench_scale_refuses_sizes_it_cannot_take(runner, sizes):
    result = runner.invoke(main, ["bench", "scale", "--sizes", sizes])
    assert result.exit_code == 2 and "sizes are whole numbers" in result.output


def test_export_before_build_is_a_clear_error(runner, home):
    result = runner.invoke(main, ["--home", str(home.path), "export"])
    assert result.exit_code != 0
    assert "policykg build" in result.output
    assert "Traceback" not in result.output


def test_build_lists_unknown_unit_names(runner, home, tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("某市关于促进就业的实施意见\n\n（一）加强就业服务。（责任单位：市人社局、市乡村振兴服务中心）\n", encoding="utf-8")
    result = run(runner, home, "ingest", str(doc), "--id", "moushi", "--region", "某市", "-q")
    assert result.exit_code == 0, result.output
    assert "市乡村振兴服务中心" in result.stderr
    assert "moushi/1" in result.stderr


@pytest.mark.parametrize("command", ["build", "ingest", "export"])
def test_every_command_has_help(runner, command):
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output and len(result.output) > 200
