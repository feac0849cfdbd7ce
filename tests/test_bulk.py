"""`llmx run`: discovery, bad reports, cache and resume, faults, budget, breaker, secrets."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pydantic import SecretStr
from typer.testing import CliRunner

from llmx.cli import app
from llmx.config import Settings
from llmx.contract import ReportDocument, grounding_errors
from llmx.errors import InputError
from llmx.llm.cache import AnswerCache, messages_digest
from llmx.run import RunOptions, run, summary_lines
from llmx.run.discover import expand, name_inputs
from llmx.run.journal import Journal
from llmx.run.manifest import Entry, Status
from llmx.serve import SERVED_MODEL, RulesServer, ServerConfig, parse_fault_script
from tests.conftest import SAMPLES, llm_settings
from tests.test_llm_extract import REPORT

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


_llm = llm_settings


def _options(out: Path, **kw) -> RunOptions:
    kw.setdefault("cache", out / "cache.sqlite")
    return RunOptions(out=out, tables=(), review=False, progress=False, **kw)


def _reports(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((out / "reports").glob("*.json"))}


# -- discovery --------------------------------------------------------------------------------------


def test_inputs_are_files_folders_and_globs_each_once(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "a" / "b" / "two.docx").write_bytes(b"x")
    (tmp_path / "a" / "b" / "notes.xlsx").write_bytes(b"x")  # not a report extension: skipped in folders
    (tmp_path / "a" / ".hidden.txt").write_text("x")
    (tmp_path / "c.md").write_text("x")
    found = expand([str(tmp_path / "a"), str(tmp_path / "*.md"), str(tmp_path / "a" / "one.txt")])
    assert [p.name for p in found] == ["two.docx", "one.txt", "c.md"]


def test_inputs_that_name_nothing_are_an_error_naming_them(tmp_path):
    with pytest.raises(InputError, match=r"nope\.txt \(no such file or folder\)"):
        expand([str(tmp_path / "nope.txt")])
    with pytest.raises(InputError, match="pattern matched no files"):
        expand([str(tmp_path / "*.pdf")])


def test_the_output_folder_is_never_read_as_input(tmp_path):
    (tmp_path / "in.txt").write_text("x")
    (tmp_path / "out" / "review").mkdir(parents=True)
    (tmp_path / "out" / "review" / "index.html").write_text("<p>x</p>")
    assert expand([str(tmp_path)], exclude=tmp_path / "out") == [tmp_path / "in.txt"]


def test_output_names_are_unique_and_stable(tmp_path):
    paths = [tmp_path / "x" / "Báo cáo 6 tháng.txt", tmp_path / "y" / "Báo cáo 6 tháng.pdf", tmp_path / "z.txt"]
    names = [i.name for i in name_inputs(paths)]
    assert len(set(names)) == 3 and names[2] == "z"
    assert names[0].startswith("Báo_cáo_6_tháng-") and names == [i.name for i in name_inputs(paths)]


# -- rules backend ----------------------------------------------------------------------------------


def test_a_bad_report_is_recorded_and_skipped_and_the_batch_goes_on(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for p in SAMPLE_FILES:
        (inputs / p.name).write_bytes(p.read_bytes())
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "broken.pdf").write_bytes(b"not a pdf at all")
    summary = run([str(inputs)], Settings(), _options(tmp_path / "out", cache=None))
    status = {Path(e.input).name: e.status for e in summary.entries}
    assert status == {"broken.pdf": "error", "empty.txt": "error"} | {p.name: "done" for p in SAMPLE_FILES}
    errors = {Path(e.input).name: e.error for e in summary.entries if e.status == "error"}
    assert "empty.txt: empty file" in errors["empty.txt"] and "broken.pdf" in errors["broken.pdf"]
    manifest = json.loads((tmp_path / "out" / "run.json").read_text())
    assert manifest["documents"]["done"] == 3 and manifest["documents"]["error"] == 2
    for _name, data in _reports(tmp_path / "out").items():
        doc = ReportDocument.model_validate_json(data)
        assert grounding_errors(doc) == [] and doc.extractor.backend == "rules"
    assert any("unreadable" in line and "empty.txt" in line for line in summary_lines(summary))


def test_cli_run_exits_zero_with_failures_listed_and_prints_the_manifest_path(tmp_path):
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04 broken zip")
    result = CliRunner().invoke(
        app,
        [
            "run",
            str(SAMPLE_FILES[0]),
            str(tmp_path / "bad.docx"),
            "--out",
            str(tmp_path / "o"),
            "--tables",
            "none",
            "--no-review",
            "--no-progress",
        ],
    )
    assert result.exit_code == 0, result.output
    assert str(tmp_path / "o" / "run.json") in result.stdout
    assert "bad.docx" in result.stderr and "1 unreadable" in result.stderr


# -- LLM backend against the loopback server -------------------------------------------------------


def test_a_rerun_of_the_same_inputs_makes_zero_requests(rules_server, tmp_path):
    srv = rules_server()
    first = run([str(p) for p in SAMPLE_FILES], _llm(srv), _options(tmp_path / "out", concurrency=4))
    sent = len(srv.requests)
    reports = _reports(tmp_path / "out")
    # a fresh output folder sharing the cache: every answer comes from the cache
    second = run(
        [str(p) for p in SAMPLE_FILES],
        _llm(srv),
        _options(tmp_path / "out2", concurrency=4, cache=tmp_path / "out" / "cache.sqlite"),
    )
    # the same folder again: the journal says every report is done; nothing is even re-read
    third = run([str(p) for p in SAMPLE_FILES], _llm(srv), _options(tmp_path / "out", concurrency=4))
    assert len(srv.requests) == sent == first.requests > 20
    assert (second.requests, second.cache_hits) == (0, sent)
    assert (third.requests, third.skipped) == (0, 3)
    assert _reports(tmp_path / "out2") == reports


def test_faults_end_with_every_section_extracted_or_listed_with_its_reason(rules_server, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "hopeless.txt").write_text(REPORT.format(marker=" LLMX-FAULT:schema_invalid"), encoding="utf-8")
    (inputs / "outage.txt").write_text(
        REPORT.format(marker=" LLMX-FAULT:500").replace("An Hòa", "Phú Lạc"), encoding="utf-8"
    )
    (inputs / "monthly.txt").write_bytes(SAMPLE_FILES[0].read_bytes())
    script = parse_fault_script(["429:2", "ok", "500:2", "ok", "timeout", "ok", "invalid_json", "ok", "truncate"])
    config = ServerConfig(faults=script, retry_after=0.05, timeout_sleep=1.5)
    srv = rules_server(config)
    summary = run([str(inputs)], _llm(srv, timeout=0.5), _options(tmp_path / "out", concurrency=2, breaker_after=50))
    status = {Path(e.input).name: e for e in summary.entries}
    assert status["monthly.txt"].status == "done"
    assert status["hopeless.txt"].status == "failed_sections"
    assert status["outage.txt"].status == "retry"  # a plain re-run tries that section again
    assert "validation failed" in status["hopeless.txt"].failed_sections[0]["message"]
    assert "kept failing (500)" in status["outage.txt"].failed_sections[0]["message"]
    assert summary.throttled >= 2 and summary.transport_failures >= 3
    for e in summary.entries:
        doc = ReportDocument.model_validate_json((tmp_path / "out" / e.output).read_text())
        listed = {p.section_id for p in doc.problems if p.stage in ("extract", "transport")}
        for call in doc.extractor.calls or []:
            answered = any(a.get("kind") == "answer" and "error" not in a for a in call.attempts)
            assert answered or call.section_ids[0] in listed or not call.section_ids, (e.input, call)
        if e.input.endswith("outage.txt"):  # its small text is one packed request: every section is named
            assert listed == {s.id for s in doc.sections}
        else:
            assert doc.indicators or doc.tasks  # the rest of each report is kept


def test_a_failing_provider_trips_the_breaker_and_the_run_stops_cleanly(rules_server, tmp_path):
    srv = rules_server(faults=["500"] * 500)
    summary = run([str(p) for p in SAMPLE_FILES], _llm(srv), _options(tmp_path / "out", concurrency=2, breaker_after=4))
    sent = len(srv.requests)
    assert summary.stopped and "failed 4 requests in a row" in summary.stopped
    assert sent <= 4 + 2  # the breaker opened; in-flight requests at most
    assert not summary.complete and {e.status for e in summary.entries} == {"stopped"}
    assert not (tmp_path / "out" / "reports").exists() or not _reports(tmp_path / "out")


def test_a_budget_stop_resumes_later_without_paying_twice(rules_server, tmp_path):
    files = [str(p) for p in SAMPLE_FILES]
    srv = rules_server()
    ref = run(files, _llm(srv), _options(tmp_path / "ref", concurrency=3))
    total = len(srv.requests)
    stopped = run(files, _llm(srv), _options(tmp_path / "out", concurrency=3, max_requests=9))
    assert stopped.stopped and "--max-requests 9" in stopped.stopped and not stopped.complete
    resumed = run(files, _llm(srv), _options(tmp_path / "out", concurrency=3))
    assert len(srv.requests) - total == ref.requests == stopped.requests + resumed.requests
    assert stopped.requests == 9 and resumed.complete
    assert _reports(tmp_path / "out") == _reports(tmp_path / "ref")


def test_max_cost_needs_a_price_for_an_unknown_model(tmp_path):
    from llmx.errors import ConfigError

    settings = Settings(backend="llm", model="qwen2.5:14b", base_url="http://127.0.0.1:9/v1")
    with pytest.raises(ConfigError, match="--price"):
        run([str(SAMPLE_FILES[0])], settings, _options(tmp_path / "out", max_cost=1.0))


def test_no_api_key_appears_anywhere_in_the_output_folder(rules_server, tmp_path, capfd):
    secret = "sk-llmxtest-" + os.urandom(8).hex()
    srv = rules_server(api_key=secret)
    summary = run([str(p) for p in SAMPLE_FILES], _llm(srv), _options(tmp_path / "out"))
    assert summary.complete and summary.requests > 0
    files = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert any(p.suffix == ".sqlite" for p in files) and any(p.name == "run.json" for p in files)
    for p in files:
        assert secret.encode() not in p.read_bytes(), p
    out, err = capfd.readouterr()
    assert secret not in out + err


def test_a_wrong_key_stops_the_run_with_one_clear_reason(rules_server, tmp_path):
    srv = rules_server(api_key="the-right-key")
    settings = _llm(srv, api_key=SecretStr("sk-wrong-key-000000"))
    summary = run([str(p) for p in SAMPLE_FILES], settings, _options(tmp_path / "out"))
    assert summary.stopped and "refused the API key (401)" in summary.stopped
    assert "sk-wrong-key-000000" not in json.dumps(summary.manifest())


# -- kill -9 in the middle ------------------------------------------------------------------------


def _cli_run(srv: RulesServer, out: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "llmx",
        "run",
        *map(str, SAMPLE_FILES),
        "--out",
        str(out),
        "--cache",
        str(out / "cache.sqlite"),
        "--model",
        SERVED_MODEL,
        "--base-url",
        srv.base_url,
        "--tables",
        "none",
        "--no-review",
        "--no-progress",
        *extra,
    ]


def _wait_for(condition, seconds: float, what: str) -> None:
    """Poll `condition` until it holds; fail naming `what` after `seconds` (a loaded machine is slow, not wrong)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"gave up after {seconds:g} s waiting for {what}"
        time.sleep(0.02)


def test_kill_9_mid_run_then_restart_gives_identical_outputs_and_no_section_is_requested_twice(rules_server, tmp_path):
    env = {**os.environ, "LLMX_CACHE": str(tmp_path / "unused.sqlite")}
    srv = rules_server()
    reference = run(
        [str(p) for p in SAMPLE_FILES], _llm(srv, timeout=120.0), _options(tmp_path / "ref", concurrency=2)
    )  # the CLI's own request timeout: a loaded machine must not add a transport retry to the reference
    total = len(srv.requests)
    wanted = [messages_digest(body["messages"]) for body in srv.requests]
    assert len(wanted) == len(set(wanted)) == reference.requests
    # The kill lands at a known point, whatever the machine's load: the first run's requests after
    # `answered` are held by the server (a `timeout` fault sleeping until the server stops), so once
    # both of its request slots (-j 2) hold one and every earlier answer is in the cache, the run can
    # neither send nor store anything more. A kill timed by the clock alone could land between an
    # answer's arrival and its store (paid, then lost) or before the server had read a request sent.
    answered = reference.requests // 2
    srv.config.faults = ["ok"] * (total + answered) + ["timeout"] * 2
    srv.config.timeout_sleep = 600.0
    out = tmp_path / "out"
    proc = subprocess.Popen(
        _cli_run(srv, out, "-j", "2"), env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _wait_for(lambda: len(srv.requests) == total + answered + 2, 90, f"the first run's {answered + 2} requests")
    cache = AnswerCache(out / "cache.sqlite")  # its workers opened it before their first request
    _wait_for(lambda: len(cache.requests()) == answered, 60, f"the first run to store {answered} answers")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    killed_at = len(srv.requests)
    first_run = [messages_digest(body["messages"]) for body in srv.requests[total:killed_at]]
    held = set(first_run[answered:])  # the two requests in flight at the kill: paid, never answered
    finished = cache.requests()  # answers completed before the kill
    cache.close()
    assert finished == set(first_run[:answered]) and len(held) == 2
    assert not (out / "run.json").exists()
    for written in (out / "reports").glob("*.json"):  # what a kill leaves is whole, or a hidden temp file
        assert grounding_errors(ReportDocument.model_validate_json(written.read_text())) == []
    restart = subprocess.run(
        _cli_run(srv, out, "-j", "2"), env=env, cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert restart.returncode == 0, restart.stderr
    after = [messages_digest(body["messages"]) for body in srv.requests[killed_at:]]
    assert not set(after) & finished  # nothing that had completed was requested again
    assert len(after) == len(set(after))
    assert set(after) == set(wanted) - finished  # exactly what was missing, the two held requests included
    assert len(first_run) + len(after) == reference.requests + len(held)  # paid twice: the requests in flight
    assert _reports(out) == _reports(tmp_path / "ref")
    assert json.loads((out / "run.json").read_text())["complete"] is True
    assert list((out / "reports").glob(".*")) == []  # temp files of the killed run are cleared


def test_a_journal_line_torn_by_a_kill_costs_only_its_own_document(tmp_path):
    journal = Journal(tmp_path / "state" / "journal.jsonl")
    done = [Entry(name, f"{name}.txt", "ab12", "fp", Status.DONE, output=f"reports/{name}.json") for name in "abc"]
    journal.append(done[0])
    a_only = journal.path.stat().st_size
    journal.append(done[1])
    with journal.path.open("r+b") as fh:  # b's line, cut by the kill halfway
        fh.truncate((a_only + journal.path.stat().st_size) // 2)
    journal.append(done[2])  # the restart goes on
    assert list(journal.load()) == ["a", "c"]  # b is done again; c, written after the tear, is kept


def test_a_run_ends_with_tables_review_pages_and_a_manifest_listing_them(tmp_path):
    summary = run([str(SAMPLES)], Settings(), RunOptions(out=tmp_path / "out", progress=False))
    manifest = json.loads((tmp_path / "out" / "run.json").read_text())
    assert manifest["review"] == "review/index.html" and (tmp_path / "out" / "review" / "index.html").exists()
    assert "tables/indicators.csv" in manifest["tables"] and "tables/llmx-tables.xlsx" in manifest["tables"]
    assert "tables/references.parquet" in manifest["tables"]
    for rel in manifest["tables"]:
        assert (tmp_path / "out" / rel).stat().st_size > 0
    assert len(list((tmp_path / "out" / "review").glob("*.html"))) == len(summary.entries) + 1


def test_retry_failed_asks_again_only_for_the_sections_that_failed(rules_server, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "hopeless.txt").write_text(REPORT.format(marker=" LLMX-FAULT:schema_invalid"), encoding="utf-8")
    (inputs / "monthly.txt").write_bytes(SAMPLE_FILES[0].read_bytes())
    srv = rules_server()
    first = run([str(inputs)], _llm(srv), _options(tmp_path / "out"))
    assert {Path(e.input).name: e.status for e in first.entries} == {
        "hopeless.txt": "failed_sections",
        "monthly.txt": "done",
    }
    plain = run([str(inputs)], _llm(srv), _options(tmp_path / "out"))
    assert (plain.requests, plain.skipped) == (0, 2)  # a hopeless section is not paid for again
    before = len(srv.requests)
    retried = run([str(inputs)], _llm(srv), _options(tmp_path / "out", retry_failed=True))
    again = srv.requests[before:]
    assert retried.skipped == 1 and retried.cache_hits > 0
    assert len(again) == 3  # the failed section's three validation attempts, nothing else
    assert all("LLMX-FAULT:schema_invalid" in json.dumps(r["messages"], ensure_ascii=False) for r in again)


def test_a_folder_of_mixed_formats_runs_into_one_set_of_tables(tmp_path):
    from tests.docgen import make_docx, make_html, make_pdf, unicode_font

    inputs = tmp_path / "in" / "nested"
    inputs.mkdir(parents=True)
    text = SAMPLE_FILES[0].read_text(encoding="utf-8")
    make_docx(text, inputs / "monthly.docx")
    make_html(text, inputs / "monthly.html")
    if unicode_font():
        make_pdf(text, inputs / "monthly.pdf")
    (inputs / "monthly.md").write_text(text, encoding="utf-8")
    summary = run(
        [str(tmp_path / "in")],
        Settings(),
        RunOptions(out=tmp_path / "out", progress=False, tables=("csv",), review=False),
    )
    formats = {}
    for e in summary.entries:
        assert e.status == "done", e
        doc = ReportDocument.model_validate_json((tmp_path / "out" / e.output).read_text())
        assert grounding_errors(doc) == [] and doc.indicators and doc.references
        formats[doc.source.format] = len(doc.indicators)
    assert {"docx", "html", "md"} <= set(formats)
    rows = (tmp_path / "out" / "tables" / "documents.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 1 + len(summary.entries)


def test_run_json_records_the_settings_without_credentials(tmp_path):
    settings = Settings(
        backend="llm",
        model="m",
        base_url="http://user:sk-secret-pass@127.0.0.1:9/v1",
        api_key=SecretStr("sk-secret-key-123"),
    )
    summary = run([str(SAMPLE_FILES[0])], settings, _options(tmp_path / "out", max_requests=0))
    text = (tmp_path / "out" / "run.json").read_text()
    manifest = json.loads(text)
    assert manifest["settings"]["base_url"] == "http://127.0.0.1:9/v1"
    assert manifest["settings"]["max_requests"] == 0 and manifest["settings"]["concurrency"] == 8
    assert "sk-secret" not in text and summary.stopped


def test_a_bug_on_one_report_is_recorded_and_the_others_are_written(rules_server, tmp_path, monkeypatch):
    import llmx.run.report_work

    real = llmx.run.report_work.prepare

    def flaky(path, settings=None):
        if Path(path).name == SAMPLE_FILES[0].name:
            raise RuntimeError("boom")
        return real(path, settings)

    monkeypatch.setattr(llmx.run.report_work, "prepare", flaky)
    srv = rules_server()
    summary = run([str(p) for p in SAMPLE_FILES], _llm(srv), _options(tmp_path / "out"))
    status = {Path(e.input).name: e for e in summary.entries}
    bad = status.pop(SAMPLE_FILES[0].name)
    assert bad.status == "error" and "internal error: RuntimeError: boom" in bad.error
    assert SAMPLE_FILES[0].name in bad.error
    assert {e.status for e in status.values()} == {"done"}


def test_an_unwritable_output_folder_is_a_clear_error(tmp_path):
    from llmx.errors import ConfigError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ConfigError, match="cannot write to the output folder"):
        run([str(SAMPLE_FILES[0])], Settings(), _options(blocker / "out"))


def test_sigterm_stops_the_run_cleanly_with_a_manifest_and_exit_8(rules_server, tmp_path):
    # The signal lands at a known point, whatever the machine's load: the server holds the run's 4th
    # and 5th requests (`timeout` faults sleeping until the server stops), so once it has read both,
    # the run's two request slots (-j 2) are full and it can send nothing until one comes back. They
    # come back as the client's own timeout, 20 s after they were sent: by then the run has long
    # taken the signal, so a request sent after it (a transport retry, a queued section) would be
    # one its closed gate let through. Counting at the signal alone could miss a request sent
    # before it but read by the server's thread later (or count one as sent after it).
    answered = 3
    srv = rules_server(faults=["ok"] * answered + ["timeout"] * 2, timeout_sleep=600.0)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        _cli_run(srv, out, "-j", "2", "--timeout", "20"),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for(lambda: len(srv.requests) == answered + 2, 90, f"the run's first {answered + 2} requests")
    proc.send_signal(signal.SIGTERM)
    stdout, stderr = proc.communicate(timeout=180)
    assert proc.returncode == 8, stderr
    assert len(srv.requests) == answered + 2  # queued sections and transport retries send nothing once stopping
    manifest = json.loads((out / "run.json").read_text())
    assert "SIGTERM" in manifest["stopped"] and manifest["complete"] is False
    assert "run the same command again to resume" in stderr and str(out / "run.json") in stdout
