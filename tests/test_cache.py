"""The answer cache: keys, replay without requests, failures, concurrent writers."""

import contextlib
import json
import multiprocessing
import threading
from dataclasses import replace

import pytest

from llmx.config import Settings
from llmx.errors import RequestRejected
from llmx.llm.cache import AnswerCache, CachedClient, request_key
from llmx.llm.client import ModelClient
from llmx.llm.faults import TransportPolicy
from llmx.llm.responses import ReportMetadata, SectionItems
from llmx.llm.runner import run_llm
from llmx.normalize import normalize
from llmx.run.manifest import RETRYABLE_STAGES
from llmx.sections import split_sections
from llmx.serve import SERVED_MODEL, RulesServer
from tests.conftest import llm_settings
from tests.test_llm_extract import REPORT

FAST = TransportPolicy(attempts=3, initial=0.01, maximum=0.05)
MESSAGES = [{"role": "system", "content": "rules"}, {"role": "user", "content": "Tổng thu NSNN 88,8 tỷ đồng"}]


_settings = llm_settings


def _run(srv: RulesServer, cache: AnswerCache, text: str, **kw):
    settings = _settings(srv)
    norm = normalize(text)
    layout = split_sections(norm.text)
    client = CachedClient(ModelClient(settings, policy=FAST), cache, **kw)
    with client.client:
        run = run_llm(norm.text, layout, settings, client=client)  # type: ignore[arg-type]
    return run, client


def test_key_changes_with_everything_that_decides_the_answer():
    base = Settings(model="m1")
    key = request_key(base, MESSAGES, SectionItems, "section@v1#abc")
    assert key == request_key(base, [dict(m) for m in MESSAGES], SectionItems, "section@v1#abc")
    others = [
        request_key(replace(base, model="m2"), MESSAGES, SectionItems, "section@v1#abc"),
        request_key(replace(base, mode="json"), MESSAGES, SectionItems, "section@v1#abc"),
        request_key(replace(base, temperature=0.7), MESSAGES, SectionItems, "section@v1#abc"),
        request_key(replace(base, max_validation_retries=5), MESSAGES, SectionItems, "section@v1#abc"),
        request_key(base, MESSAGES, SectionItems, "section@v2#def"),
        request_key(base, MESSAGES, ReportMetadata, "section@v1#abc"),
        request_key(
            base,
            [*MESSAGES[:1], {"role": "user", "content": "Tổng thu NSNN 88,9 tỷ đồng"}],
            SectionItems,
            "section@v1#abc",
        ),
    ]
    assert len({key, *others}) == len(others) + 1


def test_second_run_is_answered_from_the_cache_with_identical_result(rules_server, tmp_path):
    cache = AnswerCache(tmp_path / "answers.sqlite")
    srv = rules_server()
    first, c1 = _run(srv, cache, REPORT.format(marker=""))
    sent = len(srv.requests)
    second, c2 = _run(srv, cache, REPORT.format(marker=""))
    assert len(srv.requests) == sent > 0  # not one more request
    assert (c1.misses, c2.hits, c2.misses) == (sent, sent, 0)
    assert second.extraction == first.extraction
    assert second.extractor == first.extractor  # usage replayed: the report says what it cost


def test_validation_failure_is_cached_as_failure_and_retried_only_when_asked(rules_server, tmp_path):
    cache = AnswerCache(tmp_path / "answers.sqlite")
    text = REPORT.format(marker=" LLMX-FAULT:schema_invalid")
    srv = rules_server()
    first, _ = _run(srv, cache, text)
    failed = [p for p in first.extraction.problems if p.stage == "extract"]
    assert failed and "validation failed" in failed[0].message
    sent = len(srv.requests)
    again, _ = _run(srv, cache, text)
    assert len(srv.requests) == sent  # the failure is replayed, not paid for again
    assert [p.message for p in again.extraction.problems] == [p.message for p in first.extraction.problems]
    _retried, client = _run(srv, cache, text, retry_failed=True)
    new = len(srv.requests) - sent
    assert new == 3  # only the failed section, its three validation attempts
    assert client.misses == 1


def test_a_cached_answer_that_no_longer_validates_is_asked_again(rules_server, tmp_path):
    cache = AnswerCache(tmp_path / "answers.sqlite")
    srv = rules_server()
    settings = _settings(srv)
    client = CachedClient(ModelClient(settings, policy=FAST), cache)
    key = request_key(settings, MESSAGES, SectionItems, "t")
    bad = '{"indicators": [{"quote": "not in the text", "name": "x", "value": 1}]}'
    cache.put(key, "ok", value=bad, message=None, attempts=[], model=SERVED_MODEL, prompt="t")
    with pytest.raises(RequestRejected):  # asked again: the server rejects this bare prompt (400)
        client.extract(MESSAGES, SectionItems, context={"section_text": "Tổng thu"}, tag="t")
    assert client.misses == 1 and client.hits == 0 and len(srv.requests) == 1


def _writer(path: str, worker: int, n: int) -> None:
    cache = AnswerCache(path)
    for k in range(n):
        cache.put(f"{worker}-{k}", "ok", value="{}", message=None, attempts=[{"kind": "answer"}], model="m", prompt="p")
    cache.close()


def test_concurrent_writers_in_threads_and_processes_lose_nothing(tmp_path):
    path = str(tmp_path / "answers.sqlite")
    AnswerCache(path).close()
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, w, 150)) for w in range(2)]
    threads = [threading.Thread(target=_writer, args=(path, w, 150)) for w in range(2, 5)]
    for x in procs + threads:
        x.start()
    for x in procs + threads:
        x.join(timeout=60)
    assert all(p.exitcode == 0 for p in procs)
    assert AnswerCache(path).counts() == {"ok": 750}


def _section_asks(requests: list[dict], marker: str) -> list[dict]:
    """The section requests (not the metadata request, whose head of the text holds it too) holding `marker`."""
    return [
        r
        for r in requests
        if r["tools"][0]["function"]["name"] == "SectionItems"
        and marker in json.dumps(r["messages"], ensure_ascii=False)
    ]


class _LinkBreaks:
    """The run's gate seen from a worker whose pipe to the run breaks (the run was killed) at the
    re-ask of the first answer holding `marker`: a local fault in the middle of a validation retry."""

    def __init__(self, srv: RulesServer, marker: str, fault: Exception) -> None:
        self.srv, self.marker, self.fault, self.raised = srv, marker, fault, False

    @contextlib.contextmanager
    def slot(self):
        yield

    def acquire(self, estimated_tokens: int) -> None:
        if (
            len(_section_asks(self.srv.requests, self.marker)) == 1 and not self.raised
        ):  # its first answer failed validation; this is the re-ask
            self.raised = True
            raise self.fault

    def answered(self, *args) -> None:
        pass

    throttled = failed = answered


def _run_with(srv: RulesServer, cache: AnswerCache, text: str, admission=None):
    settings = _settings(srv)
    norm = normalize(text)
    layout = split_sections(norm.text)
    client = CachedClient(ModelClient(settings, policy=FAST, admission=admission), cache)
    with client.client:
        return run_llm(norm.text, layout, settings, client=client, pack_tokens=0)  # type: ignore[arg-type]


def test_a_local_fault_during_a_validation_retry_is_not_cached_and_a_rerun_asks_again(rules_server, tmp_path):
    cache = AnswerCache(tmp_path / "answers.sqlite")
    marker = "LLMX-FAULT:schema_invalid"
    text = REPORT.format(marker=f" {marker}")
    srv = rules_server()
    gate = _LinkBreaks(srv, marker, BrokenPipeError(32, "Broken pipe"))
    first = _run_with(srv, cache, text, admission=gate)
    assert gate.raised
    [failed] = [p for p in first.extraction.problems if p.stage not in ("ground", "normalize")]
    assert failed.stage in RETRYABLE_STAGES and failed.stage == "transport"
    assert "BrokenPipeError" in failed.message and "validation failed" not in failed.message
    assert first.extraction.indicators  # the other sections are kept
    assert "invalid" not in cache.counts()  # the section is not hidden for good
    assert len(_section_asks(srv.requests, marker)) == 1 and first.extractor.usage.requests == len(
        srv.requests
    )  # its paid answer counted
    sent = len(srv.requests)
    again = _run_with(srv, cache, text)  # a plain re-run: only that section is asked again
    new = srv.requests[sent:]
    assert len(new) == len(_section_asks(new, marker)) == 3  # its three validation attempts, nothing else
    assert [p.stage for p in again.extraction.problems if p.section_id == failed.section_id] == ["extract"]
    assert cache.counts().get("invalid") == 1  # a truly invalid answer is cached as such
    _run_with(srv, cache, text)
    assert len(srv.requests) == sent + 3  # and not paid for again


@pytest.mark.parametrize("fault", [ValueError("I/O operation on closed file"), json.JSONDecodeError("x", "", 0)])
def test_an_exception_raised_by_the_request_is_never_taken_for_a_failed_answer(rules_server, tmp_path, fault):
    cache = AnswerCache(tmp_path / "answers.sqlite")
    marker = "LLMX-FAULT:schema_invalid"
    srv = rules_server()
    run = _run_with(srv, cache, REPORT.format(marker=f" {marker}"), admission=_LinkBreaks(srv, marker, fault))
    [failed] = [p for p in run.extraction.problems if p.stage not in ("ground", "normalize")]
    assert failed.stage == "internal" and f"{type(fault).__name__}: {fault}" in failed.message  # as what it is
    assert len(_section_asks(srv.requests, marker)) == 1  # not re-asked as if the answer were wrong
    assert "invalid" not in cache.counts()


def _tool_answer(arguments: str | None, refusal: str | None = None):
    from openai.types.chat import ChatCompletion

    calls = [{"id": "c1", "type": "function", "function": {"name": "Total", "arguments": arguments}}]
    message = {"role": "assistant", "content": None, "refusal": refusal, "tool_calls": calls if arguments else None}
    return ChatCompletion.model_validate(
        {
            "id": "x",
            "object": "chat.completion",
            "created": 0,
            "model": "m",
            "choices": [{"index": 0, "finish_reason": "stop", "message": message}],
        }
    )


def test_a_refusal_is_the_models_answer_a_failed_one_and_not_asked_again_at_once():
    from pydantic import BaseModel

    from llmx.llm.seam import ValidationExhausted

    class Total(BaseModel):
        total: int

    settings = Settings(backend="llm", model="m", base_url="http://127.0.0.1:9/v1")  # nothing listens there
    client = ModelClient(settings, replay=True)
    messages = [{"role": "user", "content": "Tổng thu"}]
    ok = client.extract(messages, Total, context={}, prefetched=_tool_answer('{"total": 1}'))
    assert ok.value.total == 1  # the endpoint makes tool calls
    with pytest.raises(ValidationExhausted, match="Unable to generate a response due to policy"):
        client.extract(messages, Total, context={}, prefetched=_tool_answer(None, refusal="policy"))


def test_a_local_fault_message_never_carries_the_key_or_a_url_password():
    from pydantic import SecretStr

    from llmx.llm.runner import local_fault

    url, key = "http://user:hunter2pass@127.0.0.1:9/v1", SecretStr("sk-live-abcdef123456")
    settings = Settings(backend="llm", model="m", base_url=url, api_key=key)
    fault = ValueError("bad state sending to http://user:hunter2pass@127.0.0.1:9/v1 with sk-live-abcdef123456")
    message, stage = local_fault(fault, settings)
    assert stage == "internal" and "ValueError: bad state sending to" in message
    assert "hunter2pass" not in message and "abcdef123456" not in message
    message, stage = local_fault(BrokenPipeError(32, "Broken pipe"), settings)
    assert stage == "transport" and "BrokenPipeError" in message
