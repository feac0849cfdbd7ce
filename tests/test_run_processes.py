"""`llmx run` over worker processes: per-report time and memory budgets, dead workers, the one gate."""

import json
import multiprocessing
import os
import signal
import threading
from pathlib import Path

import pytest

import llmx.run.report_work
import llmx.run.worker
from llmx.config import Settings
from llmx.contract import ReportDocument, grounding_errors
from llmx.errors import ConfigError
from llmx.llm.cache import AnswerCache, CachedClient
from llmx.llm.client import ModelClient
from llmx.llm.responses import SectionItems
from llmx.run import RunOptions, resolve_options, run
from tests.conftest import SAMPLES, llm_settings

SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def _inputs(tmp_path: Path, *extra: str) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for p in SAMPLE_FILES:
        (folder / p.name).write_bytes(p.read_bytes())
    for name in extra:
        (folder / name).write_bytes(SAMPLE_FILES[0].read_bytes())
    return folder


def _options(out: Path, **kw) -> RunOptions:
    kw.setdefault("cache", out / "cache.sqlite")
    return RunOptions(out=out, tables=(), review=False, progress=False, **kw)


def _status(summary) -> dict[str, tuple[str, str | None]]:
    return {Path(e.input).name: (e.status, e.error) for e in summary.entries}


def _only_for(name: str, action):
    """`prepare` as the report pool calls it in its worker processes, doing `action` for one file."""
    real = llmx.run.report_work.prepare

    def prepare(path, settings=None):
        if Path(path).name == name:
            action()
        return real(path, settings)

    return prepare


def test_a_report_over_the_time_budget_is_stopped_recorded_and_the_batch_goes_on(tmp_path, monkeypatch):
    import time

    monkeypatch.setattr(llmx.run.report_work, "prepare", _only_for("stuck.txt", lambda: time.sleep(600)))
    folder = _inputs(tmp_path, "stuck.txt")
    summary = run([str(folder)], Settings(), _options(tmp_path / "out", cache=None, report_timeout=4))
    status = _status(summary)
    assert status.pop("stuck.txt") == ("error", f"{folder / 'stuck.txt'}: timeout after 4 s")
    assert {s for s, _ in status.values()} == {"done"} and len(status) == len(SAMPLE_FILES)
    manifest = json.loads((tmp_path / "out" / "run.json").read_text())
    stuck = next(r for r in manifest["reports"] if r["input"].endswith("stuck.txt"))
    assert stuck["status"] == "error" and stuck["error"].endswith("timeout after 4 s")
    assert manifest["settings"]["report_timeout"] == 4


def test_a_report_over_the_memory_budget_is_recorded_and_the_batch_goes_on(tmp_path):
    folder = _inputs(tmp_path)
    line = "Tổng thu ngân sách đạt 88,8 tỷ đồng, bằng 8,4% dự toán năm, tăng 12,5% so với cùng kỳ.\n"
    (folder / "huge.txt").write_text(line * 250_000, encoding="utf-8")  # 24 MB of text
    summary = run([str(folder)], Settings(), _options(tmp_path / "out", cache=None, report_memory=64))
    status = _status(summary)
    assert status.pop("huge.txt") == ("error", f"{folder / 'huge.txt'}: memory limit 64 MB")
    assert {s for s, _ in status.values()} == {"done"} and len(status) == len(SAMPLE_FILES)


def test_a_killed_report_worker_costs_only_its_own_report_and_is_replaced(tmp_path, monkeypatch):
    kill = _only_for("doomed.txt", lambda: os.kill(os.getpid(), signal.SIGKILL))
    monkeypatch.setattr(llmx.run.report_work, "prepare", kill)
    folder = _inputs(tmp_path, "doomed.txt", "a.txt", "b.txt", "c.txt")
    summary = run([str(folder)], Settings(), _options(tmp_path / "out", cache=None, concurrency=2, processes=2))
    status = _status(summary)
    assert status.pop("doomed.txt") == ("error", f"{folder / 'doomed.txt'}: worker died: signal 9")
    assert {s for s, _ in status.values()} == {"done"} and len(status) == len(SAMPLE_FILES) + 3
    for e in summary.entries:
        if e.status == "done":
            doc = ReportDocument.model_validate_json((tmp_path / "out" / e.output).read_text())
            assert grounding_errors(doc) == []


def _killer(name: str, marker: Path | None):
    """The request worker's plan loader, killing its process when it loads `name`'s plan (only
    the first time when `marker` is given: a worker the OOM killer took once)."""
    real = llmx.run.worker._load_plan

    def load(plan_file: str):
        if Path(plan_file).name.startswith(name) and (marker is None or not marker.exists()):
            if marker is not None:
                marker.write_text("killed once")
            os.kill(os.getpid(), signal.SIGKILL)
        return real(plan_file)

    return load


def test_a_request_worker_killed_once_loses_no_report(rules_server, tmp_path, monkeypatch):
    srv = rules_server()
    monkeypatch.setattr(llmx.run.worker, "_load_plan", _killer(SAMPLE_FILES[1].stem, tmp_path / "killed"))
    files = [str(p) for p in SAMPLE_FILES]
    # one worker process: every report it held is handed to its replacement
    summary = run(files, llm_settings(srv), _options(tmp_path / "out", processes=1, concurrency=4))
    assert (tmp_path / "killed").exists() and summary.complete
    assert {e.status for e in summary.entries} == {"done"}
    for e in summary.entries:
        doc = ReportDocument.model_validate_json((tmp_path / "out" / e.output).read_text())
        assert grounding_errors(doc) == [] and doc.indicators
        assert not [p for p in doc.problems if p.stage in ("extract", "transport")]


def _a_section_of_a_killed_run(settings: Settings, cache: str) -> None:
    """A request worker's section, sent just as the run's process died: the pipe to it is broken."""
    run_end, worker_end = multiprocessing.Pipe()
    run_end.close()
    lock = threading.Lock()
    gate = llmx.run.worker.RemoteGate(
        lambda message: ("grant", 1), lambda m: llmx.run.worker.to_run(worker_end, lock, m)
    )
    client = CachedClient(ModelClient(settings, admission=gate), AnswerCache(cache))
    messages = [{"role": "system", "content": "rules"}, {"role": "user", "content": "Tổng thu NSNN 88,8 tỷ đồng"}]
    client.extract(messages, SectionItems, context={"section_text": "Tổng thu NSNN 88,8 tỷ đồng"}, tag="t")


def test_a_request_worker_whose_run_was_killed_leaves_without_caching_its_section_as_failed(rules_server, tmp_path):
    srv = rules_server(answerer=lambda prompt: ({"indicators": []}, []))
    cache = tmp_path / "answers.sqlite"
    child = multiprocessing.get_context("spawn").Process(
        target=_a_section_of_a_killed_run, args=(llm_settings(srv), str(cache))
    )
    child.start()
    child.join(timeout=120)
    assert len(srv.requests) == 1  # the answer came back, the gate could not be told...
    assert child.exitcode == 0  # ...so the worker left there, as its run had
    # nothing kept: an `invalid` entry would make the restart replay this section as failed, never asking again
    assert AnswerCache(cache).counts() == {}


def test_a_report_that_kills_every_request_worker_is_the_only_one_lost(rules_server, tmp_path, monkeypatch):
    srv = rules_server()
    doomed = SAMPLE_FILES[1]
    monkeypatch.setattr(llmx.run.worker, "_load_plan", _killer(doomed.stem, None))
    # one worker process: the doomed report shares it with the others when it first dies
    summary = run([str(p) for p in SAMPLE_FILES], llm_settings(srv), _options(tmp_path / "out", processes=1))
    status = _status(summary)
    assert status.pop(doomed.name) == ("error", f"{doomed}: worker died: signal 9")
    assert {s for s, _ in status.values()} == {"done"}


def test_one_gate_holds_for_every_worker_process(rules_server, tmp_path):
    srv = rules_server()
    files = [str(p) for p in SAMPLE_FILES]
    summary = run(files, llm_settings(srv), _options(tmp_path / "out", processes=3, concurrency=3, max_requests=10))
    assert summary.stopped and "--max-requests 10" in summary.stopped
    assert summary.requests == len(srv.requests) == 10  # counted once across the three processes


def test_process_and_budget_settings_come_from_flags_over_the_environment():
    env = {"LLMX_PROCESSES": "3", "LLMX_REPORT_TIMEOUT": "90", "LLMX_REPORT_MEMORY": "512"}
    from_env = resolve_options(Path("out"), env=env)
    assert (from_env.processes, from_env.report_timeout, from_env.report_memory) == (3, 90.0, 512.0)
    flagged = resolve_options(Path("out"), processes=1, report_timeout=0, report_memory=100, env=env)
    assert (flagged.processes, flagged.report_timeout, flagged.report_memory) == (1, 0.0, 100.0)
    bare = resolve_options(Path("out"), env={})
    assert (bare.processes, bare.report_timeout, bare.report_memory) == (None, 300.0, 2048.0)
    with pytest.raises(ConfigError, match="LLMX_REPORT_TIMEOUT='soon' is not a number"):
        resolve_options(Path("out"), env={"LLMX_REPORT_TIMEOUT": "soon"})
    with pytest.raises(ConfigError, match="--processes must be at least 1"):
        RunOptions(out=Path("out"), processes=0).check()


def test_a_journal_write_that_fails_on_its_thread_stops_the_run_and_is_not_lost(tmp_path, monkeypatch):
    import errno

    from llmx.run.journal import Journal

    def broken(self, entry):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(Journal, "append", broken)
    out = tmp_path / "out"
    summary = run([str(p) for p in SAMPLE_FILES], Settings(), _options(out, cache=None))
    assert summary.stopped is not None
    assert summary.stopped.startswith("cannot record progress in ") and "Input/output error" in summary.stopped
    monkeypatch.undo()  # nothing was remembered: the next run does every report again
    again = run([str(p) for p in SAMPLE_FILES], Settings(), _options(out, cache=None))
    assert again.stopped is None and again.skipped == 0


class _Link:
    """What the run sends one worker, recorded (a worker's side of the pipe)."""

    def __init__(self) -> None:
        self.sent: list[tuple] = []

    def send(self, message: tuple) -> None:
        self.sent.append(message)


def test_a_request_waiting_for_its_turn_is_refused_once_however_many_documents_stop_the_run():
    """Every document of a run stopped by the 429 budget says "stopped", and each stops the run
    again: a request booked for later must be refused once, its slot given back once (a second
    refusal names an id the worker no longer waits for, and the run hung on that worker)."""
    import asyncio

    from llmx.run.dispatch import RequestWorkers, _Proc
    from llmx.run.limits import Gate

    async def scenario() -> tuple[list[tuple], RequestWorkers, Gate]:
        gate = Gate(rpm=60)  # the second request may go 1 s after the first
        workers = RequestWorkers(
            1, gate, Settings(), concurrency=2, cache=None, retry_failed=False, on_job=print, on_stop=print
        )
        link = _Link()
        proc = _Proc(proc=None, link=link)  # type: ignore[arg-type]
        workers._procs.append(proc)
        workers._message(proc, ("admit", 1, 10))
        workers._message(proc, ("admit", 2, 10))
        for document in range(3):
            workers.stop(f"stopped by document {document}")
        return link.sent, workers, gate

    sent, workers, gate = asyncio.run(scenario())
    answers = [m for m in sent if m[0] in ("grant", "refuse")]
    assert answers == [("grant", 1), ("refuse", 2, "stopped by document 0")]
    assert gate.stats.requests == 1  # the refused one was never sent, and is un-counted once
    assert workers._free == 1  # the granted request still holds its slot; the refused one gave its back once
