"""The LLM commands as a user runs them: extract against a local server, serve, record, errors."""

import json
import os
import signal
import subprocess
import sys
import urllib.request

import pytest
from typer.testing import CliRunner

from llmx.cli import app
from llmx.contract import ReportDocument, grounding_errors
from llmx.errors import ModelCallError
from llmx.serve import SERVED_MODEL
from tests.conftest import MONTHLY, REPO

runner = CliRunner()
ENV_NAMES = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "LLMX_API_KEY", "LLMX_BASE_URL", "LLMX_MODEL", "LLMX_BACKEND")


@pytest.fixture(autouse=True)
def _no_ambient_settings(monkeypatch):
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)


def test_extract_against_the_local_server_gives_a_valid_grounded_document(rules_server):
    srv = rules_server(api_key="test")
    args = ["extract", str(MONTHLY), "--base-url", srv.base_url, "--model", SERVED_MODEL, "--api-key", "test"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    doc = ReportDocument.model_validate(json.loads(result.stdout))
    assert grounding_errors(doc) == []
    assert doc.extractor.backend == "llm" and doc.extractor.model == SERVED_MODEL
    assert doc.indicators and doc.tasks and doc.references
    assert "backend: llm, model llmx-rules-server" in result.stderr


def test_a_wrong_key_is_one_clean_line_with_the_model_call_exit_code(rules_server):
    srv = rules_server(api_key="right-key-123")
    args = [
        "extract",
        str(MONTHLY),
        "--base-url",
        srv.base_url,
        "--model",
        SERVED_MODEL,
        "--api-key",
        "sk-wrong-9f8e7d6c",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == ModelCallError.exit_code
    errors = [line for line in result.stderr.splitlines() if line.startswith("llmx: error")]
    assert len(errors) == 1 and "refused the API key (401)" in errors[0]
    assert "Traceback" not in result.stderr and "wrong-9f8e7d6c" not in result.stderr + result.stdout
    assert "right-key" not in result.stderr


def test_record_local_writes_a_keyless_cassette_named_after_the_model_and_prompt(tmp_path):
    result = runner.invoke(app, ["record", str(MONTHLY), "--local", "--cassettes", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    cassette = tmp_path / SERVED_MODEL / "section@v2" / f"{MONTHLY.stem}.yaml"
    assert cassette.is_file() and str(cassette) in result.stderr
    assert "authorization" not in cassette.read_text(encoding="utf-8").lower()


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_serve_runs_on_loopback_until_stopped(stop):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "llmx", "serve", "--port", "0", "--api-key", "k3y-for-test"],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
        # as from a terminal: a shell's background job (`bash .ci/run &`) hands its children SIGINT ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        line = proc.stderr.readline()
        assert "serving llmx-rules-server at http://127.0.0.1:" in line
        url = line.split(" at ")[1].split()[0]
        req = urllib.request.Request(f"{url}/models", headers={"Authorization": "Bearer k3y-for-test"})
        with urllib.request.urlopen(req, timeout=5) as resp:
            assert json.loads(resp.read())["data"][0]["id"] == SERVED_MODEL
    finally:
        proc.send_signal(stop)
        assert proc.wait(timeout=10) == 0 and "stopped" in proc.stderr.read()


def test_serve_rejects_an_unknown_fault():
    result = runner.invoke(app, ["serve", "--fault", "503:2"])
    assert result.exit_code == 3 and "FAULT[:N]" in result.stderr and "Traceback" not in result.stderr
