"""Hostile output places (issue 12): links, pipes, devices, read-only and full disks, long names,
two runs into one folder, links in the review index.

Full and read-only disks are real: a private tmpfs (tests/private_fs.py) gives the kernel's own
ENOSPC and EROFS.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shlex
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from llmx.cli import app
from llmx.contract import ReportDocument
from llmx.output import render
from llmx.serve import SERVED_MODEL
from tests.conftest import MONTHLY, SAMPLES, SOCIO
from tests.private_fs import ROOT, in_tmpfs, llmx_command, private_mounts

runner = CliRunner()
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("llmx: error")]


def _needs_private_mounts() -> None:
    if (why := private_mounts()) is not None:
        pytest.skip(why)


# -- 1. -o onto something that is not a regular file ------------------------------------------------


def _make(kind: str, path: Path) -> None:
    if kind == "symlink":
        (path.parent / "real.json").write_text("keep me")
        path.symlink_to(path.parent / "real.json")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        if os.geteuid() != 0:
            pytest.skip("making a device node needs root")
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a private /dev/null, in tmp_path
    else:
        path.mkdir()


KINDS = {"symlink": stat.S_ISLNK, "fifo": stat.S_ISFIFO, "device": stat.S_ISCHR, "folder": stat.S_ISDIR}
WORDS = {"symlink": "symbolic link", "fifo": "named pipe", "device": "character device", "folder": "a folder"}


@pytest.mark.parametrize("kind", list(KINDS))
def test_output_onto_a_link_pipe_device_or_folder_is_refused_and_left_as_it_was(tmp_path, kind):
    target = tmp_path / "out.json"
    _make(kind, target)
    result = runner.invoke(app, ["extract", str(MONTHLY), "-o", str(target)])
    assert result.exit_code == 3, result.stderr
    [line] = _errors(result.stderr)
    assert str(target) in line and WORDS[kind] in line and "not a regular file" in line
    assert KINDS[kind](os.lstat(target).st_mode)  # still what it was
    if kind == "symlink":
        assert (tmp_path / "real.json").read_text() == "keep me"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp file left


def test_output_onto_a_read_only_file_is_refused_and_left_as_it_was_even_for_root(tmp_path):
    """A file with no write bit says "keep me": root's access check would let the rename through."""
    target = tmp_path / "out.json"
    target.write_text("keep me")
    target.chmod(0o444)
    result = runner.invoke(app, ["extract", str(MONTHLY), "-o", str(target)])
    assert result.exit_code == 3, result.stderr
    [line] = _errors(result.stderr)
    assert str(target) in line and "read-only" in line
    assert target.read_text() == "keep me" and stat.S_IMODE(target.stat().st_mode) == 0o444
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp file left


def test_tables_refuse_to_replace_a_link_where_a_table_goes_and_move_nothing(tmp_path):
    report = tmp_path / "monthly.json"
    assert runner.invoke(app, ["extract", str(MONTHLY), "-o", str(report)]).exit_code == 0
    out = tmp_path / "tables"
    out.mkdir()
    (tmp_path / "elsewhere.csv").write_text("keep me")
    (out / "indicators.csv").symlink_to(tmp_path / "elsewhere.csv")
    result = runner.invoke(app, ["tables", str(report), "--out", str(out), "-f", "csv"])
    assert result.exit_code == 3, result.stderr
    assert "symbolic link" in result.stderr and (out / "indicators.csv").is_symlink()
    assert (tmp_path / "elsewhere.csv").read_text() == "keep me"
    assert sorted(p.name for p in out.iterdir()) == ["indicators.csv"]  # no other table moved in, no temp left


def test_extract_refuses_a_bad_output_before_any_model_request(rules_server, tmp_path):
    srv = rules_server()
    os.mkfifo(tmp_path / "pipe")
    args = ["--model", SERVED_MODEL, "--base-url", srv.base_url, "-o", str(tmp_path / "pipe")]
    result = runner.invoke(app, ["extract", str(MONTHLY), *args])
    assert result.exit_code == 3 and srv.requests == []


def test_a_read_only_filesystem_is_a_one_line_output_error(tmp_path):
    _needs_private_mounts()
    mnt = tmp_path / "ro"
    mnt.mkdir()
    script = f"""
mount -o remount,ro {mnt}
{llmx_command("extract", MONTHLY, "-o", mnt / "x.json")}; echo "extract=$?"
{llmx_command("run", MONTHLY, "--out", mnt / "out", "--no-progress")}; echo "run=$?"
"""
    done = in_tmpfs(mnt, "1m", script)
    assert "extract=3" in done.stdout and "run=3" in done.stdout, done.stderr
    lines = _errors(done.stderr)
    assert len(lines) == 2 and all("Read-only file system" in line for line in lines), done.stderr
    assert "internal error" not in done.stderr


# -- 10. full disk ------------------------------------------------------------------------------------


def test_a_full_disk_on_extract_is_one_line_and_leaves_no_temp_file(tmp_path):
    _needs_private_mounts()
    mnt = tmp_path / "full"
    mnt.mkdir()
    script = f"""
{llmx_command("extract", SOCIO, "-o", mnt / "socio.json")}; echo "code=$?"
echo "left: $(ls -A {mnt})"
"""
    done = in_tmpfs(mnt, "16k", script)
    assert "code=3" in done.stdout and "left: \n" in done.stdout + "\n", (done.stdout, done.stderr)
    [line] = _errors(done.stderr)
    assert "disk full" in line and "socio.json" in line


def _rules_run(out: Path) -> str:
    return llmx_command("run", *SAMPLE_FILES, "--out", out, "--no-progress")


def test_a_full_disk_stops_llmx_run_with_exit_8_once_said_and_the_same_command_resumes(tmp_path):
    _needs_private_mounts()
    reference = tmp_path / "reference"
    subprocess.run(shlex.split(_rules_run(reference)), cwd=ROOT, check=True, capture_output=True)
    mnt, saved = tmp_path / "disk", tmp_path / "saved"
    mnt.mkdir()
    saved.mkdir()
    out = mnt / "out"
    script = f"""
{_rules_run(out)} 2>{saved}/first.err; echo "first=$?"
cp {out}/run.json {saved}/first-run.json
mount -o remount,size=20m {mnt}
{_rules_run(out)} 2>{saved}/second.err; echo "second=$?"
cp -r {out}/reports {saved}/reports
"""
    done = in_tmpfs(mnt, "160k", script)
    first_err = (saved / "first.err").read_text()
    assert "first=8" in done.stdout, first_err
    assert first_err.count("disk full") == 1 and "unreadable:" not in first_err and "Traceback" not in first_err
    manifest = json.loads((saved / "first-run.json").read_text())  # written in the space kept back for it
    assert manifest["complete"] is False and manifest["stopped"].startswith("disk full")
    assert {r["status"] for r in manifest["reports"]} <= {"done", "stopped"}
    assert "second=0" in done.stdout, (saved / "second.err").read_text()
    resumed = {p.name: p.read_bytes() for p in (saved / "reports").glob("*.json")}
    assert resumed == {p.name: p.read_bytes() for p in (reference / "reports").glob("*.json")}


def test_a_full_disk_under_the_llm_backend_stops_and_resumes(rules_server, tmp_path):
    _needs_private_mounts()
    srv = rules_server()
    mnt, saved = tmp_path / "disk", tmp_path / "saved"
    mnt.mkdir()
    saved.mkdir()
    out = mnt / "out"
    command = llmx_command(
        "run", *SAMPLE_FILES, "--out", out, "--cache", mnt / "cache.sqlite", "--model", SERVED_MODEL,
        "--base-url", srv.base_url, "--no-progress", "--tables", "csv",
    )  # fmt: skip
    script = f"""
{command} 2>{saved}/first.err; echo "first=$?"
mount -o remount,size=20m {mnt}
{command} 2>{saved}/second.err; echo "second=$?"
cp {out}/run.json {saved}/run.json
"""
    done = in_tmpfs(mnt, "300k", script)
    first_err = (saved / "first.err").read_text()
    assert "first=8" in done.stdout and first_err.count("disk full") == 1, first_err
    assert "internal error" not in first_err and "unreadable:" not in first_err
    assert "second=0" in done.stdout, (saved / "second.err").read_text()
    manifest = json.loads((saved / "run.json").read_text())
    assert manifest["complete"] and {r["status"] for r in manifest["reports"]} == {"done"}


# -- 9. one run per output folder ---------------------------------------------------------------------


def _cli_run(srv_url: str, out: Path) -> list[str]:
    return [
        sys.executable, "-m", "llmx", "run", *map(str, SAMPLE_FILES), "--out", str(out),
        "--cache", str(out / "cache.sqlite"), "--model", SERVED_MODEL, "--base-url", srv_url,
        "--tables", "none", "--no-review", "--no-progress", "-j", "2",
    ]  # fmt: skip


def test_a_second_run_into_the_same_folder_is_refused_and_a_killed_run_leaves_no_stale_lock(rules_server, tmp_path):
    srv = rules_server(latency_ms=3000)  # slow enough that the first run is surely still going
    out = tmp_path / "out"
    first = subprocess.Popen(_cli_run(srv.base_url, out), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(srv.requests) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    second = subprocess.run(_cli_run(srv.base_url, out), cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert second.returncode == 3, second.stderr
    [line] = _errors(second.stderr)
    assert f"another llmx run is writing into this folder (pid {first.pid}" in line and str(out) in line
    assert first.poll() is None  # it was refused while the first run held the folder
    first.send_signal(signal.SIGKILL)  # the kernel drops the lock with the process
    first.wait(timeout=60)
    srv.config.latency_ms = 0
    third = subprocess.run(_cli_run(srv.base_url, out), cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert third.returncode == 0, third.stderr
    assert json.loads((out / "run.json").read_text())["complete"]


# -- 14. long file names ------------------------------------------------------------------------------


def test_file_names_near_the_255_byte_limit_are_written(tmp_path):
    stem = ("Báo cáo kết quả thực hiện nhiệm vụ " * 10).encode()[:245].decode("utf-8", "ignore").strip()
    source = tmp_path / f"{stem}.txt"
    assert len(source.name.encode()) > 240
    source.write_bytes(MONTHLY.read_bytes())
    target = tmp_path / f"{stem}.json"
    result = runner.invoke(app, ["extract", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert json.loads(target.read_text())["indicators"]
    result = runner.invoke(app, ["run", str(source), "--out", str(tmp_path / "out"), "--no-progress"])
    assert result.exit_code == 0, result.stderr
    manifest = json.loads((tmp_path / "out" / "run.json").read_text())
    [entry] = manifest["reports"]
    assert entry["status"] == "done" and (tmp_path / "out" / entry["output"]).is_file()
    assert len(Path(entry["output"]).name.encode()) <= 140
    assert any((tmp_path / "out" / "review").glob("*.html"))


# -- 14. bad settings are configuration errors -----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [("LLMX_TIMEOUT", "abc"), ("LLMX_TIMEOUT", "0"), ("LLMX_MAX_RETRIES", "two"), ("LLMX_THROTTLE_BUDGET", "x")],
)
def test_a_bad_number_in_the_environment_is_a_one_line_config_error(name, value):
    command = ["run", str(MONTHLY), "--out", "unused"] if name == "LLMX_THROTTLE_BUDGET" else ["extract", str(MONTHLY)]
    result = runner.invoke(app, command, env={name: value})
    assert result.exit_code == 3, result.stderr
    [line] = _errors(result.stderr)
    assert name in line and "internal error" not in result.stderr


@pytest.mark.parametrize(
    "url", ["http://[::1", ":::", "localhost:8000/v1", "http://a b/v1", "http://127.0.0.1:99999/v1", "ftp://h/v1"]
)
def test_a_malformed_base_url_is_refused_before_anything_is_written(tmp_path, url):
    target = tmp_path / "report.json"
    result = runner.invoke(app, ["extract", str(MONTHLY), "--model", "m", "--base-url", url, "-o", str(target)])
    assert result.exit_code == 3, result.stderr
    [line] = _errors(result.stderr)
    assert "--base-url" in line and not target.exists() and result.stdout == ""


# -- 13. review index links ----------------------------------------------------------------------------


def test_the_review_index_links_only_to_relative_files_whatever_the_report_is_called(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    doc = runner.invoke(app, ["extract", str(MONTHLY)]).stdout
    for name in ("javascript:alert(1).json", "data:text,x.json", "plain.json"):
        (reports / name).write_text(doc, encoding="utf-8")
    result = runner.invoke(app, ["review", str(reports / "javascript:alert(1).json"), str(reports / "data:text,x.json"),
                                 str(reports / "plain.json"), "-o", str(tmp_path / "review")])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    index = (tmp_path / "review" / "index.html").read_text()
    links = re.findall(r'href="([^"]*)"', index)
    assert len(links) == 3
    for link in links:
        assert link.startswith("./") and urlsplit(link).scheme == "", link
        assert (tmp_path / "review" / unquote(link[2:])).is_file()  # and it leads to its page


# -- 14. spreadsheet formulas in CSV cells -------------------------------------------------------------

LEADS = ['=HYPERLINK("http://x.invalid","x")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)", "\tTab", "\rCR"]


def test_csv_text_that_a_spreadsheet_would_run_as_a_formula_is_kept_text_and_numbers_stay_numbers(tmp_path):
    doc = ReportDocument.model_validate_json(runner.invoke(app, ["extract", str(MONTHLY)]).stdout)
    names = [*LEADS, "- Tập trung chỉ đạo thu ngân sách"]  # a Vietnamese bullet line, the common case
    indicators = [i.model_copy(update={"name": n}) for i, n in zip(doc.indicators, names, strict=False)]
    indicators[0] = indicators[0].model_copy(update={"value": -12.5})
    doc = doc.model_copy(update={"indicators": indicators + doc.indicators[len(names) :]})
    path = tmp_path / "report.json"
    path.write_text(doc.model_dump_json(), encoding="utf-8")

    rows = list(csv.DictReader(io.StringIO(render(doc, "csv"), newline="")))  # extract -f csv
    assert [r["name"] for r in rows[: len(names)]] == ["'" + n for n in names]
    assert rows[0]["value"] == "-12.5"  # a negative number is a number, not a formula

    result = runner.invoke(app, ["tables", str(path), "--out", str(tmp_path / "t"), "-f", "csv", "-f", "xlsx"])
    assert result.exit_code == 0, result.stderr
    with (tmp_path / "t" / "indicators.csv").open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert [r["name"] for r in table[: len(names)]] == ["'" + n for n in names]
    assert table[0]["value"] == "-12.5"
    sheet = load_workbook(tmp_path / "t" / "llmx-tables.xlsx")["indicators"]
    header = [c.value for c in sheet[1]]
    first = [c for c in sheet[2]]
    cells = [row[header.index("name")] for row in sheet.iter_rows(min_row=2, max_row=1 + len(names))]
    assert [c.value for c in cells] == names and {c.data_type for c in cells} == {"s"}  # text as text, exact
    assert first[header.index("value")].value == -12.5
