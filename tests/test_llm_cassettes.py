"""Cassettes: CI replays recorded answers with no network and no key, and refuses stale ones.

Re-record the scenario cassettes with `LLMX_RECORD_CASSETTES=1 pytest tests/test_llm_cassettes.py`
and the dev-report cassettes with `llmx record samples/*.txt --local`.
"""

import os
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from pydantic import SecretStr

from llmx.config import Settings
from llmx.contract import ReportDocument, grounding_errors
from llmx.errors import CassetteMismatch
from llmx.evaluation.recording import record_reports, replay_report
from llmx.llm import prompts, responses_v2
from llmx.llm.cassettes import cassette_path
from llmx.serve import SERVED_MODEL, RulesServer, ServerConfig
from tests.conftest import DEV_REPORTS, REPO

HERE = Path(__file__).parent / "cassettes"
REPORT = HERE / "an-hoa-2023-02.txt"
SCENARIOS = {  # scenario -> (server config, requests beyond a clean run)
    "clean": (ServerConfig(), 0),
    "reask": (ServerConfig(faults=["schema_invalid"]), 1),
    "transport": (ServerConfig(faults=["429", "500"], retry_after=0.2), 2),
    "truncate": (ServerConfig(faults=["truncate"]), 2),
}
REPLAY = Settings(backend="llm", model=SERVED_MODEL, base_url="http://127.0.0.1:9/v1")  # nothing listens on 9


def _record_scenarios() -> None:
    for name, (config, _) in SCENARIOS.items():
        with RulesServer(config) as srv:
            settings = replace(REPLAY, base_url=srv.base_url, api_key=SecretStr("sk-test-recording-key-0001"))
            record_reports([REPORT], settings, HERE / name)


if os.environ.get("LLMX_RECORD_CASSETTES"):
    _record_scenarios()


def _items(doc: ReportDocument) -> list[tuple]:
    return (
        [(i.quote, i.value, i.start) for i in doc.indicators]
        + [(t.text, t.start) for t in doc.tasks]
        + [(r.quote, r.start) for r in doc.references]
    )


@pytest.fixture(scope="module")
def clean() -> ReportDocument:
    return replay_report(REPORT, REPLAY, HERE / "clean")


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_each_recorded_scenario_replays_offline_to_the_same_items(scenario, clean):
    doc = replay_report(REPORT, REPLAY, HERE / scenario)
    assert grounding_errors(doc) == [] and doc.problems == []
    assert _items(doc) == _items(clean) and doc.indicators and doc.tasks
    assert doc.extractor.usage.requests == clean.extractor.usage.requests + SCENARIOS[scenario][1]


def test_the_recorded_reask_carries_the_validator_message():
    path = cassette_path(HERE / "reask", SERVED_MODEL, "section@v2", REPORT)
    recorded = yaml.safe_load(path.read_text(encoding="utf-8"))["interactions"]
    interactions = [i for i in recorded if i["request"]["uri"].endswith("/chat/completions")]  # not the probe
    assert "does not occur in the section text" not in interactions[0]["request"]["body"]
    assert "does not occur in the section text" in interactions[1]["request"]["body"]


@pytest.mark.parametrize("report", DEV_REPORTS, ids=lambda p: p.stem)
def test_dev_reports_replay_from_eval_cassettes_without_network_or_key(report):
    doc = replay_report(report, REPLAY)
    ReportDocument.model_validate(doc.model_dump())
    assert grounding_errors(doc) == []
    assert doc.extractor.backend == "llm" and doc.extractor.model == SERVED_MODEL
    assert doc.indicators and doc.references and doc.extractor.usage.requests > 1


def test_a_changed_prompt_fails_loudly_asking_to_rerecord(tmp_path):
    copy = tmp_path / "prompts"
    shutil.copytree(prompts.PROMPTS_DIR, copy)
    partial = copy / "_system.v2.jinja"
    partial.write_text(partial.read_text(encoding="utf-8").replace("Record only", "Report only"), encoding="utf-8")
    with pytest.raises(CassetteMismatch) as info:
        replay_report(REPORT, replace(REPLAY, prompts_dir=copy), HERE / "clean")
    message = str(info.value)
    assert "re-record" in message and "llmx record" in message
    assert re.search(r"section@v2 \w{12} -> \w{12}", message)


def test_a_changed_response_schema_fails_loudly_too(monkeypatch):
    class Wider(responses_v2.SectionItems):
        confidence: float | None = None

    monkeypatch.setitem(prompts.RESPONSE_MODELS["section"], "v2", Wider)
    with pytest.raises(CassetteMismatch, match="re-record"):
        replay_report(REPORT, REPLAY, HERE / "clean")


def test_a_missing_cassette_says_how_to_record_it(tmp_path):
    with pytest.raises(CassetteMismatch, match=r"no cassette at .*record it with: llmx record"):
        replay_report(REPORT, REPLAY, tmp_path)


def test_recording_never_stores_the_key_or_authorization(rules_server, tmp_path):
    secret = "sk-proj-Very-Secret-Key-1234567890"
    srv = rules_server(api_key=secret)
    settings = replace(REPLAY, base_url=srv.base_url, api_key=SecretStr(secret))
    [recorded] = record_reports([REPORT], settings, tmp_path)
    text = recorded.cassette.read_text(encoding="utf-8")
    assert recorded.document.indicators and secret not in text and "Very-Secret" not in text
    assert "authorization" not in text.lower() and "bearer" not in text.lower()


def test_a_placeholder_key_for_a_local_server_does_not_corrupt_the_recorded_prompt(rules_server, tmp_path):
    """`--api-key none` against llama.cpp: `none` is a word of the prompt; scrubbing it from the
    bodies made the cassette unreplayable. The key header is still never stored."""
    srv = rules_server(api_key="none")
    settings = replace(REPLAY, base_url=srv.base_url, api_key=SecretStr("none"))
    [recorded] = record_reports([REPORT], settings, tmp_path)
    text = recorded.cassette.read_text(encoding="utf-8")
    assert "<API_KEY>" not in text and "authorization" not in text.lower()
    replayed = replay_report(REPORT, REPLAY, tmp_path)
    assert replayed.indicators == recorded.document.indicators


def test_no_cassette_in_the_repository_holds_a_key():
    files = sorted(HERE.rglob("*.yaml")) + sorted((REPO / "eval" / "cassettes").rglob("*.yaml"))
    assert len(files) >= len(SCENARIOS) + len(DEV_REPORTS)
    pattern = re.compile(r"authorization|bearer |api[-_]key:|x-api-key|sk-[A-Za-z0-9_-]{8,}|recording-key", re.I)
    leaks = [
        f"{f.relative_to(REPO)}: {m.group()}"
        for f in files
        for m in [pattern.search(f.read_text(encoding="utf-8"))]
        if m
    ]
    assert leaks == []
