"""Provider batch mode against the loopback server's Batch API."""

import json

import pytest
from pydantic import SecretStr

from llmx.batch import BatchRunner
from llmx.bulk import RunOptions, run
from llmx.client import ModelClient
from llmx.config import Settings
from llmx.contract import ReportDocument
from llmx.errors import ModelCallError
from llmx.llm import LlmDocument
from llmx.normalize import normalize
from llmx.sections import split_sections
from llmx.server import SERVED_MODEL, RulesServer, ServerConfig
from tests.conftest import MONTHLY, SAMPLES

FILES = [str(p) for p in sorted(SAMPLES.glob("*.txt"))]


def _settings(srv: RulesServer, **kw) -> Settings:
    key = SecretStr(srv.config.api_key) if srv.config.api_key else None
    return Settings(backend="llm", model=SERVED_MODEL, base_url=srv.base_url, api_key=key, timeout=5.0,
                    retry_backoff=0.01).with_overrides(**kw)


def _options(out, **kw) -> RunOptions:
    return RunOptions(out=out, cache=out / "cache.sqlite", tables=(), review=False, progress=False, batch_poll=0.02,
                      **kw)


def _requests(settings: Settings, client: ModelClient, count: int = 3) -> list[tuple[str, dict]]:
    text = normalize(MONTHLY.read_text(encoding="utf-8")).text
    doc = LlmDocument(text, split_sections(text), settings, client)
    model = doc.shared.prompt.response_model
    return [(f"req-{k}", client.request_body(doc.request(k)[0], model)) for k in range(count)]


@pytest.mark.parametrize("mode", ["tools", "json_schema", "md_json"])
def test_batch_lines_are_exactly_the_synchronous_request(mode):
    with RulesServer(ServerConfig()) as srv:
        settings = _settings(srv, mode=mode)
        text = normalize(MONTHLY.read_text(encoding="utf-8")).text
        with ModelClient(settings) as client:
            doc = LlmDocument(text, split_sections(text), settings, client)
            messages, context = doc.request(0)
            body = client.request_body(messages, doc.shared.prompt.response_model)
            client.extract(messages, doc.shared.prompt.response_model, context=context, tag=doc.shared.tag)
        sent = srv.requests[0]
    assert {k: sent[k] for k in body} == json.loads(json.dumps(body, ensure_ascii=False))
    assert set(sent) - set(body) <= {"stream"}


def test_a_batch_run_answers_sections_from_the_batch_and_matches_a_direct_run(tmp_path):
    with RulesServer(ServerConfig()) as srv:
        direct = run(FILES, _settings(srv), _options(tmp_path / "direct"))
        before = len(srv.requests)
        batched = run(FILES, _settings(srv), _options(tmp_path / "batch", batch=True))
        lines = [r for r in srv.requests[before:] if "_batch" in r]
        direct_lines = len(srv.requests) - before - len(lines)
    assert batched.batch and batched.batch["answered"] == batched.batch["requests"] == len(lines) > 20
    assert len({r["_batch"] for r in lines}) == 1  # one batch for the whole run
    assert batched.requests == direct_lines <= 3  # only the metadata requests went directly
    for name in (p.name for p in (tmp_path / "direct" / "reports").glob("*.json")):
        a = ReportDocument.model_validate_json((tmp_path / "direct" / "reports" / name).read_text())
        b = ReportDocument.model_validate_json((tmp_path / "batch" / "reports" / name).read_text())
        assert b.indicators == a.indicators and b.tasks == a.tasks and b.references == a.references
        assert b.limitations == a.limitations and b.metadata == a.metadata
        kinds = {att["kind"] for call in b.extractor.calls for att in call.attempts}
        assert "batch" in kinds
    assert direct.complete and batched.complete


def test_an_invalid_batch_answer_is_reasked_directly_with_the_validator_message(tmp_path):
    with RulesServer(ServerConfig(faults=["schema_invalid"])) as srv:  # the first batch line fails validation
        summary = run(FILES[:1], _settings(srv), _options(tmp_path / "out", batch=True))
        direct = [r for r in srv.requests if "_batch" not in r]
    assert summary.complete and summary.entries[0]["status"] == "done"
    reask = [r for r in direct if any("LLMX-FAULT fabricated quote" in (m.get("content") or "")
                                      or "does not occur" in (m.get("content") or "") for m in r["messages"])]
    assert reask, "the re-ask carries the failed answer and the validator message"
    doc = ReportDocument.model_validate_json((tmp_path / "out" / "reports" / f"{MONTHLY.stem}.json").read_text())
    first = next(c for c in doc.extractor.calls if c.attempts and c.attempts[0]["kind"] == "batch"
                 and "error" in c.attempts[0])
    assert [a["kind"] for a in first.attempts] == ["batch", "answer"]


def test_a_failed_batch_line_is_asked_directly(tmp_path):
    with RulesServer(ServerConfig(faults=["ok", "500"])) as srv:
        summary = run(FILES[:1], _settings(srv), _options(tmp_path / "out", batch=True))
    assert summary.batch["failed"] == 1 and summary.complete
    assert summary.entries[0]["status"] == "done"


def test_a_submitted_batch_is_resumed_by_id_not_paid_for_twice(tmp_path):
    with RulesServer(ServerConfig(batch_delay=0.3)) as srv:
        settings = _settings(srv)
        with ModelClient(settings) as client:
            requests = _requests(settings, client)
            state = tmp_path / "batch.json"
            first = BatchRunner(client, state, poll_seconds=0.02).submit(requests)
            again = BatchRunner(client, state, poll_seconds=0.02)  # a new process after a kill
            result = again.run(requests)
        assert len(srv.batch_api.batches) == 1 and result.state.batch_id == first.batch_id
    assert sorted(result.answers) == ["req-0", "req-1", "req-2"] and result.errors == {}


def test_a_refused_key_fails_the_batch_in_one_line_without_the_key(tmp_path):
    with RulesServer(ServerConfig(api_key="right-key-0000")) as srv:
        settings = _settings(srv, api_key=SecretStr("sk-wrong-batch-key-1234"))
        with ModelClient(settings) as client:
            requests = _requests(settings, client, 1)
            with pytest.raises(ModelCallError) as err:
                BatchRunner(client, tmp_path / "batch.json").run(requests)
    message = str(err.value)
    assert "submitting the batch failed" in message and "sk-wrong-batch-key-1234" not in message
    assert "\n" not in message
