"""`llmx eval --record` on the LLM backend: live answers scored and recorded, then replayed alike.

It used to crash (the recorder's result was read as `.doc`, the field is `.document`)."""

from typer.testing import CliRunner

from llmx.cli import app
from llmx.config import DEFAULT_PROMPT
from llmx.evaluation.report import metrics
from llmx.evaluation.runner import run_eval
from llmx.llm.cassettes import cassette_path
from llmx.serve import SERVED_MODEL
from tests.conftest import llm_settings


def test_recording_an_llm_eval_scores_the_live_answers_and_writes_their_cassette(rules_server, samples, tmp_path):
    srv, monthly = rules_server(), samples.monthly
    case = monthly.stem
    recorded = run_eval(llm_settings(srv), cassettes=tmp_path, record=True, only=[case])
    assert recorded["run"]["replayed"] is False and recorded["run"]["documents"] == [case]
    assert cassette_path(tmp_path, SERVED_MODEL, "section@v2", monthly).is_file()
    sent = len(srv.requests)
    replayed = run_eval(llm_settings(srv), cassettes=tmp_path, only=[case])
    assert replayed["run"]["replayed"] is True and len(srv.requests) == sent  # no request: the cassette answered
    live, again = metrics(recorded["splits"]["dev"]), metrics(replayed["splits"]["dev"])
    assert again == live and live["indicators.f1"] > 0.9


def test_llmx_eval_record_exits_zero_and_writes_its_reports(rules_server, samples, tmp_path):
    srv, case = rules_server(), samples.monthly.stem
    args = ["eval", "--backend", "llm", "--model", SERVED_MODEL, "--base-url", srv.base_url, "--record"]
    args += ["--cassettes", str(tmp_path / "cassettes"), "--out", str(tmp_path / "reports"), "--doc", case]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "internal error" not in result.output
    names = sorted(p.name for p in (tmp_path / "reports").iterdir())
    label = f"llm-llmx-rules-server-{DEFAULT_PROMPT}"
    assert names == sorted(f"{label}{part}.{ext}" for part in ("", "-dev") for ext in ("html", "json", "md"))
