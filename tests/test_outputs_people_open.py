"""Files people open: permissions from the umask, NFC names, CSV with BOM on stdout too, one CSV
dialect everywhere, JSONL comparisons as JSON, a usable xlsx, and every comparison in the tables."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from llmx.cli import app
from llmx.tables import COLUMNS
from tests.conftest import MONTHLY, SOCIO

TWO_PLANS = (
    "BÁO CÁO\nKết quả tháng 6 năm 2023\n\nI. KẾT QUẢ\n\n1. Ngân sách\n"
    "Tổng thu ngân sách trên địa bàn 219,395 tỷ đồng, đạt 59% KH tỉnh giao, 54% KH huyện phấn đấu, "
    "tăng 12% so với cùng kỳ.\n"
)


def _llmx(*args: str, umask: int = 0o022, cwd: Path | None = None, env: dict | None = None):
    """The real command in its own process, started with this umask."""
    code = f"import os, sys; os.umask({umask:#o}); sys.argv = ['llmx', *sys.argv[1:]]; from llmx.cli import app; app()"
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("LLMX_", "OPENAI_"))} | (env or {})
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, cwd=cwd, env=full_env, timeout=300, check=False
    )


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_written_files_get_the_users_umask_not_0600(tmp_path, umask):
    done = _llmx("extract", str(MONTHLY), "-o", str(tmp_path / "m.json"), umask=umask)
    assert done.returncode == 0, done.stderr
    assert _mode(tmp_path / "m.json") == 0o666 & ~umask
    done = _llmx("run", str(MONTHLY), "--out", str(tmp_path / "run"), "--no-progress", umask=umask)
    assert done.returncode == 0, done.stderr
    files = [p for p in (tmp_path / "run").rglob("*") if p.is_file() and p.parent.name != "state"]
    names = {p.relative_to(tmp_path / "run").as_posix() for p in files}
    assert {
        "run.json",
        f"reports/{MONTHLY.stem}.json",
        "tables/indicators.csv",
        "tables/llmx-tables.xlsx",
        "review/index.html",
    } <= names
    assert {p.relative_to(tmp_path).as_posix(): oct(_mode(p)) for p in files} == {
        p.relative_to(tmp_path).as_posix(): oct(0o666 & ~umask) for p in files
    }


def test_output_names_from_a_macos_nfd_file_name_are_nfc_and_keep_their_accents(tmp_path):
    nfd = unicodedata.normalize("NFD", "Báo cáo tháng 2")
    assert nfd != unicodedata.normalize("NFC", nfd)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / f"{nfd}.txt").write_bytes(MONTHLY.read_bytes())
    done = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-progress"])
    assert done.exit_code == 0, done.stderr
    name = unicodedata.normalize("NFC", "Báo_cáo_tháng_2")  # spaces become "_" in run names; accents stay
    assert os.listdir(tmp_path / "out" / "reports") == [f"{name}.json"]
    assert f"{name}.html" in os.listdir(tmp_path / "out" / "review")
    report = tmp_path / "in" / f"{nfd}.json"
    report.write_bytes((tmp_path / "out" / "reports" / f"{name}.json").read_bytes())
    page = CliRunner().invoke(app, ["review", str(report)])
    assert page.exit_code == 0
    assert "Báo cáo tháng 2.html" in os.listdir(tmp_path / "in")


def test_extract_csv_to_stdout_has_the_bom_and_is_utf8_whatever_the_locale(tmp_path):
    done = _llmx("extract", str(MONTHLY), "-f", "csv", env={"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": ""})
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"\xef\xbb\xbfdocument,id,")
    assert "Tổng thu" in done.stdout.decode("utf-8") or "đ" in done.stdout.decode("utf-8")
    file_copy = tmp_path / "m.csv"
    assert _llmx("extract", str(MONTHLY), "-f", "csv", "-o", str(file_copy)).returncode == 0
    assert file_copy.read_bytes() == done.stdout  # stdout and file are the same bytes
    json_out = _llmx("extract", str(MONTHLY))
    assert not json_out.stdout.startswith(b"\xef\xbb\xbf")  # only CSV carries a BOM


def _csv_rows(raw: bytes) -> list[dict[str, str]]:
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    assert raw.count(b"\n") == raw.count(b"\r\n")  # CRLF rows only (newlines inside quoted cells aside)
    return list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


def test_extract_csv_and_the_indicator_table_are_written_alike(tmp_path):
    assert _llmx("extract", str(SOCIO), "-f", "csv", "-o", str(tmp_path / "i.csv")).returncode == 0
    assert _llmx("extract", str(SOCIO), "-o", str(tmp_path / "r.json")).returncode == 0
    assert _llmx("tables", str(tmp_path / "r.json"), "--out", str(tmp_path / "t"), "-f", "csv").returncode == 0
    extract_rows = _csv_rows((tmp_path / "i.csv").read_bytes())
    table_rows = _csv_rows((tmp_path / "t" / "indicators.csv").read_bytes())
    assert len(extract_rows) == len(table_rows) > 50
    for a, b in zip(extract_rows, table_rows, strict=True):
        assert a == {k: b[k] for k in a}  # every shared column: the same text, booleans and JSON alike
    assert {r["estimated"] for r in extract_rows} == {"true", "false"}


def test_jsonl_rows_carry_comparisons_as_json_objects(tmp_path):
    (tmp_path / "two.txt").write_text(TWO_PLANS, encoding="utf-8")
    done = CliRunner().invoke(app, ["extract", str(tmp_path / "two.txt"), "-f", "jsonl"])
    assert done.exit_code == 0
    (row,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(c["basis"], c["basis_text"], c["pct"]) for c in row["comparisons"]] == [
        ("plan", "KH tỉnh giao", 59.0),
        ("plan", "KH huyện phấn đấu", 54.0),
        ("same_period", "cùng kỳ", 12.0),
    ]


def test_every_plan_comparison_of_an_indicator_is_a_row_of_the_comparisons_table(tmp_path):
    (tmp_path / "two.txt").write_text(TWO_PLANS, encoding="utf-8")
    assert (
        CliRunner().invoke(app, ["extract", str(tmp_path / "two.txt"), "-o", str(tmp_path / "r.json")]).exit_code == 0
    )
    done = CliRunner().invoke(app, ["tables", str(tmp_path / "r.json"), "--out", str(tmp_path / "t")])
    assert done.exit_code == 0, done.stderr
    rows = _csv_rows((tmp_path / "t" / "comparisons.csv").read_bytes())
    assert [(r["indicator_name"], r["basis"], r["basis_text"], r["relation"], r["pct"]) for r in rows] == [
        ("Tổng thu ngân sách trên địa bàn", "plan", "KH tỉnh giao", "ratio", "59.0"),
        ("Tổng thu ngân sách trên địa bàn", "plan", "KH huyện phấn đấu", "ratio", "54.0"),
        ("Tổng thu ngân sách trên địa bàn", "same_period", "cùng kỳ", "change", "12.0"),
    ]
    text = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["text"]
    for r in rows:  # each row traces to the indicator's sentence
        assert text[int(r["start"]) : int(r["end"])] == r["quote"]
    (indicator,) = _csv_rows((tmp_path / "t" / "indicators.csv").read_bytes())
    assert indicator["plan_pct"] == "59.0" and len(json.loads(indicator["comparisons"])) == 3


def test_xlsx_sheets_have_a_frozen_bold_header_an_autofilter_and_readable_widths(tmp_path):
    assert CliRunner().invoke(app, ["extract", str(MONTHLY), "-o", str(tmp_path / "r.json")]).exit_code == 0
    done = CliRunner().invoke(app, ["tables", str(tmp_path / "r.json"), "--out", str(tmp_path / "t"), "-f", "xlsx"])
    assert done.exit_code == 0, done.stderr
    book = load_workbook(tmp_path / "t" / "llmx-tables.xlsx")
    for table, columns in COLUMNS.items():
        sheet = book[table]
        assert sheet.freeze_panes == "A2", table
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(columns)).column_letter}{sheet.max_row}", table
        assert [c.value for c in sheet[1]] == columns and all(c.font.b for c in sheet[1])
        widths = {
            col: sheet.column_dimensions[sheet.cell(1, k).column_letter].width for k, col in enumerate(columns, 1)
        }
        assert all(8 <= w <= 70 for w in widths.values()), (table, widths)
        if "quote" in widths:
            assert widths["quote"] >= 60 and widths["start"] <= 10
    assert book["indicators"].max_row == len(json.loads((tmp_path / "r.json").read_text())["indicators"]) + 1
