"""Hostile inputs (issue 12): nothing a run was given is dropped without a word, and a run that
could read nothing does not exit 0."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from llmx.cli import app
from tests.conftest import MONTHLY

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
