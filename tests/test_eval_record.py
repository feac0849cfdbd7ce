"""`llmx eval --record` with the LLM backend records each gold report's cassette and scores it
(it used to crash reading a field that is called `document`)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from llmx.cli import app
from llmx.server import SERVED_MODEL, RulesServer, ServerConfig


def test_eval_record_writes_the_cassette_and_scores_what_it_recorded(tmp_path):
    with RulesServer(ServerConfig()) as srv:
        done = CliRunner().invoke(app, [
            "eval", "--backend", "llm", "--model", SERVED_MODEL, "--base-url", srv.base_url, "--record",
            "--doc", "2023-02-district-party-monthly", "--cassettes", str(tmp_path / "cassettes"),
            "--out", str(tmp_path / "reports"),
        ])
        sent = len(srv.requests)
    assert done.exit_code == 0, done.stderr
    cassette = tmp_path / "cassettes" / SERVED_MODEL / "section@v1" / "2023-02-district-party-monthly.yaml"
    assert cassette.is_file() and sent > 5
    summary = json.loads(next((tmp_path / "reports").glob("*.json")).read_text(encoding="utf-8"))
    assert summary["run"]["replayed"] is False and summary["run"]["documents"] == ["2023-02-district-party-monthly"]
    replay = CliRunner().invoke(app, [
        "eval", "--backend", "llm", "--model", SERVED_MODEL, "--doc", "2023-02-district-party-monthly",
        "--cassettes", str(tmp_path / "cassettes"), "--out", str(tmp_path / "replayed"),
    ])
    assert replay.exit_code == 0, replay.stderr  # the recording replays offline
