"""Hostile inputs (issue 12): nothing a run was given is dropped without a word, and a run that
could read nothing does not exit 0; bombs, oversized files, malformed HTML, markup in a .txt and
CR-only line endings, at the CLI and run level."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmx.cli import app
from llmx.contract import ReportDocument, grounding_errors
from tests.conftest import MONTHLY
from tests.docgen import make_docx
from tests.test_read_guards import BODY, _zeros_deflated

runner = CliRunner()


def _run(*args: str) -> object:
    return runner.invoke(app, ["run", *args, "--no-progress", "--tables", "csv", "--no-review"])


def test_a_missing_input_is_named_and_recorded_while_the_others_run(tmp_path):
    out = tmp_path / "out"
    result = _run(str(MONTHLY), str(tmp_path / "nope.txt"), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert f"input skipped: {tmp_path / 'nope.txt'} (no such file or folder)" in result.stderr
    manifest = json.loads((out / "run.json").read_text())
    assert manifest["inputs_skipped"] == [f"{tmp_path / 'nope.txt'} (no such file or folder)"]
    assert [r["status"] for r in manifest["reports"]] == ["done"]


def test_a_run_where_every_report_is_unreadable_exits_2(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_text("")
    (inputs / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    result = _run(str(inputs), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2, result.stderr
    assert "no report could be read; nothing was processed" in result.stderr
    assert result.stderr.count("unreadable:") == 2  # each one named, with its reason
    manifest = json.loads((tmp_path / "out" / "run.json").read_text())
    assert {r["status"] for r in manifest["reports"]} == {"error"}


def _folder_with_a_locked_subfolder(tmp_path):
    inputs = tmp_path / "in"
    (inputs / "locked").mkdir(parents=True)
    (inputs / "ok.txt").write_bytes(MONTHLY.read_bytes())
    (inputs / "locked" / "hidden-from-us.txt").write_bytes(MONTHLY.read_bytes())
    return inputs, inputs / "locked"


def _check_the_locked_subfolder_is_reported(tmp_path, inputs, locked):
    result = _run(str(inputs), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stderr
    [line] = [x for x in result.stderr.splitlines() if "input skipped" in x]
    assert str(locked) in line and "folder cannot be read" in line and "Permission denied" in line
    manifest = json.loads((tmp_path / "out" / "run.json").read_text())
    assert len(manifest["inputs_skipped"]) == 1 and [r["status"] for r in manifest["reports"]] == ["done"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder; the injected variant below covers root")
def test_a_subfolder_without_read_permission_is_reported_not_skipped_silently(tmp_path):
    inputs, locked = _folder_with_a_locked_subfolder(tmp_path)
    locked.chmod(0)
    try:
        _check_the_locked_subfolder_is_reported(tmp_path, inputs, locked)
    finally:
        locked.chmod(0o755)


def test_a_subfolder_that_cannot_be_listed_is_reported_not_skipped_silently(tmp_path, monkeypatch):
    """The listing fails the way it does for a folder without read permission (injected, so that
    it also fails for root, who may read every folder)."""
    inputs, locked = _folder_with_a_locked_subfolder(tmp_path)
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if not isinstance(path, int) and os.fspath(path) == str(locked):  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", str(locked))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    _check_the_locked_subfolder_is_reported(tmp_path, inputs, locked)


# -- read at the CLI and run level: bombs, oversized files, malformed HTML, markup in a .txt ----------
# (the guards themselves live in llmx/read and are tested in test_read_guards.py and test_read_html.py)


def _flate_bomb_pdf() -> bytes:
    stream = _zeros_deflated(200 << 20)  # 200 MB of zeros in about 200 KB
    return (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n"
        b"4 0 obj << /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode >>\nstream\n"
        + stream + b"\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )  # fmt: skip


def _zip_bomb_docx(tmp_path) -> bytes:
    good = make_docx(BODY, tmp_path / "good.docx").read_bytes()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b" " * (300 << 20), 1)
            dst.writestr(item, data)
    return buf.getvalue()


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory):
    """A good report beside a flate bomb, a zip bomb and a file over a 2 MB limit (built once)."""
    tmp_path = tmp_path_factory.mktemp("hostile")
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_bytes(MONTHLY.read_bytes())
    (inputs / "flate-bomb.pdf").write_bytes(_flate_bomb_pdf())
    (inputs / "zip-bomb.docx").write_bytes(_zip_bomb_docx(tmp_path))
    (inputs / "huge.txt").write_bytes(("Báo cáo. " * 250_000).encode())  # about 2.5 MB
    return inputs


WHY = {"flate-bomb.pdf": "flate bomb", "zip-bomb.docx": "zip bomb", "huge.txt": "file too large"}


def test_bombs_and_oversized_files_are_one_line_exit_2_on_extract(hostile_folder):
    inputs = hostile_folder
    for name, words in WHY.items():
        result = runner.invoke(app, ["extract", str(inputs / name)], env={"LLMX_MAX_FILE_MB": "2"})
        assert result.exit_code == 2, (name, result.stderr)
        [line] = [x for x in result.stderr.splitlines() if x.startswith("llmx: error")]
        assert words in line and name in line and result.stdout == ""


def test_bombs_and_oversized_files_cost_only_their_own_report_in_a_run(hostile_folder, tmp_path):
    inputs = hostile_folder
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["run", str(inputs), "--out", str(out), "--no-progress", "--tables", "csv"], env={"LLMX_MAX_FILE_MB": "2"}
    )
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    manifest = json.loads((out / "run.json").read_text())
    status = {Path(r["input"]).name: r for r in manifest["reports"]}
    assert status["good.txt"]["status"] == "done"
    for name, words in WHY.items():
        assert status[name]["status"] == "error" and words in status[name]["error"], status[name]
        assert "\n" not in status[name]["error"]
        assert f"unreadable: {inputs / name}" in result.stderr


def test_malformed_html_keeps_all_its_text_through_extract(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><p>Trước bảng</p><table><tr><td>Chỉ tiêu</td><td>Kết quả</td></tr>"
        "<tr><td>Thu ngân sách</td><td>88,8 tỷ đồng</td>"  # the row and the table are never closed
        "<p>Đoạn văn nằm trong bảng</p><td>ô lạc</td>"
        "<p>II. NHIỆM VỤ THÁNG 3</p><p>- Tập trung thu ngân sách.</p></body></html>",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(page)])
    assert result.exit_code == 0, result.stderr
    text = json.loads(result.stdout)["text"]
    words = ["Trước bảng", "Thu ngân sách", "88,8 tỷ đồng", "Đoạn văn nằm trong bảng", "ô lạc", "NHIỆM VỤ THÁNG 3"]
    assert [w for w in words if w not in text] == []
    assert "Tập trung thu ngân sách." in text


def test_a_txt_that_mentions_body_tags_is_read_as_text(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text(
        MONTHLY.read_text(encoding="utf-8") + "\nGhi chú: trang web hiển thị lỗi thẻ <body> và <html>.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(notes)])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["source"]["format"] == "txt" and "thẻ <body> và <html>" in doc["text"]
    assert len(doc["sections"]) > 5


# -- CR-only line endings ------------------------------------------------------------------------------


def test_cr_only_line_endings_give_the_same_sections_and_items_as_lf(tmp_path):
    text = MONTHLY.read_text(encoding="utf-8")
    results = {}
    for name, ending in (("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")):
        path = tmp_path / f"{name}.txt"
        path.write_bytes(text.replace("\n", ending).encode("utf-8"))
        result = runner.invoke(app, ["extract", str(path)])
        assert result.exit_code == 0, result.stderr
        doc = ReportDocument.model_validate_json(result.stdout)
        assert grounding_errors(doc) == []
        results[name] = (
            [(s.number, s.heading) for s in doc.sections],
            [i.quote for i in doc.indicators],
            [t.text for t in doc.tasks],
        )
    assert results["lf"][0] and results["cr"] == results["lf"] == results["crlf"]
