"""Provider batch mode against the loopback server's Batch API."""

import json

import pytest
from pydantic import SecretStr

from llmx.config import Settings
from llmx.contract import ReportDocument
from llmx.errors import ModelCallError
from llmx.llm.client import ModelClient
from llmx.llm.plan import plan_document
from llmx.llm.seam import ValidationExhausted
from llmx.normalize import normalize
from llmx.run import RunOptions, run
from llmx.run.batch import BatchRunner
from llmx.sections import split_sections
from llmx.serve import RulesServer
from tests.conftest import MONTHLY, SAMPLES, llm_settings

FILES = [str(p) for p in sorted(SAMPLES.glob("*.txt"))]


def _settings(srv: RulesServer, **kw) -> Settings:
    return llm_settings(srv, timeout=5.0, **kw)


def _options(out, **kw) -> RunOptions:
    return RunOptions(
        out=out, cache=out / "cache.sqlite", tables=(), review=False, progress=False, batch_poll=0.02, **kw
    )


def _requests(settings: Settings, client: ModelClient, count: int = 3) -> list[tuple[str, dict]]:
    text = normalize(MONTHLY.read_text(encoding="utf-8")).text
    plan = plan_document(text, split_sections(text), settings)
    model = plan.prompt.response_model
    return [(f"req-{k}", client.request_body(plan.requests_by_job[k].messages, model)) for k in range(count)]


@pytest.mark.parametrize("mode", ["tools", "json_schema", "json", "md_json"])
def test_batch_lines_are_exactly_the_synchronous_request(rules_server, mode):
    srv = rules_server()
    settings = _settings(srv, mode=mode)
    text = normalize(MONTHLY.read_text(encoding="utf-8")).text
    with ModelClient(settings) as client:
        plan = plan_document(text, split_sections(text), settings)
        messages, context = plan.requests_by_job[0].messages, plan.requests_by_job[0].context
        body = client.request_body(messages, plan.prompt.response_model)
        client.extract(messages, plan.prompt.response_model, context=context, tag=plan.tag)
    sent = srv.requests[0]
    assert {k: sent[k] for k in body} == json.loads(json.dumps(body, ensure_ascii=False))
    assert set(sent) - set(body) <= {"stream"}


def test_a_batch_run_answers_sections_from_the_batch_and_matches_a_direct_run(rules_server, tmp_path):
    srv = rules_server()
    direct = run(FILES, _settings(srv), _options(tmp_path / "direct"))
    before = len(srv.requests)
    batched = run(FILES, _settings(srv), _options(tmp_path / "batch", batch=True))
    lines = [r for r in srv.requests[before:] if "_batch" in r]
    direct_lines = len(srv.requests) - before - len(lines)
    assert batched.batch and batched.batch["answered"] == batched.batch["requests"] == len(lines) > 20
    assert len({r["_batch"] for r in lines}) == 1  # one batch for the whole run
    assert batched.requests == direct_lines == 0  # sections and metadata alike came from the batch
    assert sum(1 for r in lines if "<document_head>" in json.dumps(r["messages"], ensure_ascii=False)) >= 1
    for name in (p.name for p in (tmp_path / "direct" / "reports").glob("*.json")):
        a = ReportDocument.model_validate_json((tmp_path / "direct" / "reports" / name).read_text())
        b = ReportDocument.model_validate_json((tmp_path / "batch" / "reports" / name).read_text())
        assert b.indicators == a.indicators and b.tasks == a.tasks and b.references == a.references
        assert b.limitations == a.limitations and b.metadata == a.metadata
        kinds = {att["kind"] for call in b.extractor.calls for att in call.attempts}
        assert "batch" in kinds
    assert direct.complete and batched.complete


def test_an_invalid_batch_answer_is_reasked_directly_with_the_validator_message(rules_server, tmp_path):
    srv = rules_server(faults=["schema_invalid"])  # the first batch line fails validation
    summary = run(FILES[:1], _settings(srv), _options(tmp_path / "out", batch=True))
    direct = [r for r in srv.requests if "_batch" not in r]
    assert summary.complete and summary.entries[0].status == "done"
    reask = [
        r
        for r in direct
        if any(
            "LLMX-FAULT fabricated quote" in (m.get("content") or "") or "does not occur" in (m.get("content") or "")
            for m in r["messages"]
        )
    ]
    assert reask, "the re-ask carries the failed answer and the validator message"
    doc = ReportDocument.model_validate_json((tmp_path / "out" / "reports" / f"{MONTHLY.stem}.json").read_text())
    first = next(
        c for c in doc.extractor.calls if c.attempts and c.attempts[0]["kind"] == "batch" and "error" in c.attempts[0]
    )
    assert [a["kind"] for a in first.attempts] == ["batch", "answer"]


def test_a_failed_batch_line_is_asked_directly(rules_server, tmp_path):
    srv = rules_server(faults=["ok", "500"])
    summary = run(FILES[:1], _settings(srv), _options(tmp_path / "out", batch=True))
    assert summary.batch["failed"] == 1 and summary.complete
    assert summary.entries[0].status == "done"


def test_a_submitted_batch_is_resumed_by_id_not_paid_for_twice(rules_server, tmp_path):
    srv = rules_server(batch_delay=0.3)
    settings = _settings(srv)
    with ModelClient(settings) as client:
        requests = _requests(settings, client)
        state = tmp_path / "batch.json"
        first = BatchRunner(client, state, poll_seconds=0.02).submit(requests)
        again = BatchRunner(client, state, poll_seconds=0.02)  # a new process after a kill
        result = again.run(requests)
    assert len(srv.batch_api.batches) == 1 and result.state.batch_id == first.batch_id
    assert sorted(result.answers) == ["req-0", "req-1", "req-2"] and result.errors == {}


def test_a_refused_key_fails_the_batch_in_one_line_without_the_key(rules_server, tmp_path):
    srv = rules_server(api_key="right-key-0000")
    settings = _settings(srv, api_key=SecretStr("sk-wrong-batch-key-1234"))
    with ModelClient(settings) as client:
        requests = _requests(settings, client, 1)
        with pytest.raises(ModelCallError) as err:
            BatchRunner(client, tmp_path / "batch.json").run(requests)
    message = str(err.value)
    assert "(401)" in message and "check --api-key" in message and "sk-wrong-batch-key-1234" not in message
    assert "\n" not in message and not srv.batch_api.files  # nothing was uploaded


def _marked(messages: list[dict], context: dict, marker: str) -> tuple[list[dict], dict]:
    """The same request with a fault marker appended to the first line of its section text."""
    first = context["section_text"].splitlines()[0]
    user = next(m for m in messages if m["role"] == "user")
    opening = f">\n{first}"  # the line as the first line of a <section_text> block, not inside a path
    assert opening in user["content"]
    changed = [
        dict(m, content=m["content"].replace(opening, f"{opening} {marker}", 1)) if m is user else m for m in messages
    ]
    return changed, {"section_text": context["section_text"].replace(first, f"{first} {marker}", 1)}


def test_each_batch_line_is_answered_validated_and_faulted_like_a_direct_request(rules_server, tmp_path):
    srv = rules_server()
    settings = _settings(srv, max_validation_retries=1)  # only the batch answer: no direct re-ask
    text = normalize(MONTHLY.read_text(encoding="utf-8")).text
    with ModelClient(settings) as client:
        plan = plan_document(text, split_sections(text), settings)
        model = plan.prompt.response_model

        def request(k: int) -> tuple[list[dict[str, str]], dict[str, str]]:
            return plan.requests_by_job[k].messages, plan.requests_by_job[k].context

        asked = {"ok": request(0)}
        asked["invalid"] = _marked(*request(1), "LLMX-FAULT:schema_invalid")
        asked["down"] = _marked(*request(2), "LLMX-FAULT:500")
        requests = [(name, client.request_body(messages, model)) for name, (messages, _) in asked.items()]
        result = BatchRunner(client, tmp_path / "batch.json", poll_seconds=0.02).run(requests)
        assert sorted(result.answers) == ["invalid", "ok"] and list(result.errors) == ["down"]
        assert result.errors["down"].startswith("HTTP 500: injected server error")

        messages, context = asked["ok"]
        good = client.extract(messages, model, context=context, prefetched=result.answers["ok"])
        with pytest.raises(ValidationExhausted) as invalid:
            messages, context = asked["invalid"]
            client.extract(messages, model, context=context, prefetched=result.answers["invalid"])
    direct = [r for r in srv.requests if "_batch" not in r]
    items = good.value
    assert items.indicators and not direct  # answered from the batch alone
    for quote in [i.quote for i in items.indicators] + [r.quote for r in items.references]:
        assert quote in asked["ok"][1]["section_text"]
    assert [a.kind for a in good.attempts] == ["batch"] and good.attempts[0].prompt_tokens > 0
    assert "does not occur in the section text" in str(invalid.value)
    assert [a.kind for a in invalid.value.attempts] == ["batch"]


def test_a_run_killed_after_its_batch_completed_reuses_it_for_the_uncached_rest(rules_server, tmp_path):
    srv = rules_server()
    settings = _settings(srv)
    with ModelClient(settings) as client:
        requests = _requests(settings, client)
        state = tmp_path / "batch.json"
        first = BatchRunner(client, state, poll_seconds=0.02).run(requests)
        lines = len(srv.requests)
        # the killed run had cached req-0's answer: the next run asks for the other two only
        rest = BatchRunner(client, state, poll_seconds=0.02).run(requests[1:])
    assert len(srv.batch_api.batches) == 1 and len(srv.requests) == lines  # no second batch, no new line
    assert rest.state.batch_id == first.state.batch_id
    assert sorted(rest.answers) == ["req-1", "req-2"] and rest.errors == {}
    assert rest.answers["req-1"] == first.answers["req-1"]
    assert rest.prompt_tokens < first.prompt_tokens  # only the answers this run uses are counted


def test_an_expired_batch_hands_over_its_finished_answers_and_the_rest_go_direct(rules_server, tmp_path):
    srv = rules_server(batch_expire_after=2)
    settings = _settings(srv)
    with ModelClient(settings) as client:
        requests = _requests(settings, client)
        result = BatchRunner(client, tmp_path / "batch.json", poll_seconds=0.02).run(requests)
        again = BatchRunner(client, tmp_path / "batch.json", poll_seconds=0.02).run(requests)
    batches = len(srv.batch_api.batches)
    assert result.state.status == "expired" and result.state.finished is not None
    assert sorted(result.answers) == ["req-0", "req-1"]
    assert result.errors == {
        "req-2": "batch_expired: This request could not be executed before the completion window expired."
    }
    assert batches == 1 and again.state.batch_id == result.state.batch_id  # its answers are not paid for twice

    srv = rules_server(batch_expire_after=3)
    summary = run(FILES[:1], _settings(srv), _options(tmp_path / "out", batch=True))
    direct = [r for r in srv.requests if "_batch" not in r]
    assert summary.complete and summary.entries[0].status == "done"
    assert summary.batch["answered"] == 3 and summary.batch["failed"] == summary.batch["requests"] - 3 > 0
    assert len(direct) >= summary.batch["failed"]  # the unfinished lines were asked directly


def test_a_cancelled_batch_is_a_one_line_error_and_the_next_run_submits_a_new_one(rules_server, tmp_path):
    srv = rules_server(batch_delay=30)
    settings = _settings(srv)
    with ModelClient(settings) as client:
        requests = _requests(settings, client, 1)
        runner = BatchRunner(client, tmp_path / "batch.json", poll_seconds=0.02)
        state = runner.submit(requests)
        client._client().batches.cancel(state.batch_id)  # e.g. from the provider's dashboard
        with pytest.raises(ModelCallError) as err:
            runner.wait(state)
        second = runner.submit(requests)
    batches = len(srv.batch_api.batches)
    message = str(err.value)
    assert state.batch_id in message and "cancelled" in message and "\n" not in message
    assert batches == 2 and second.batch_id != state.batch_id


def test_the_batch_api_serves_openai_shapes_behind_the_key_and_leaves_the_rate_limit_alone(rules_server, tmp_path):
    import openai

    from llmx.run.batch import jsonl

    srv = rules_server(api_key="right-key-0000", rate_limit=2, batch_delay=0.3)
    settings = _settings(srv)
    with ModelClient(settings) as client:
        requests = _requests(settings, client)
        api = client._client()
        uploaded = api.files.create(file=("in.jsonl", jsonl(requests)), purpose="batch")
        assert api.files.retrieve(uploaded.id).purpose == "batch"
        batch = api.batches.create(input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h")
        assert batch.status == "validating" and batch.id.startswith("batch_")
        with openai.OpenAI(api_key="sk-wrong-0000000", base_url=srv.base_url, max_retries=0) as stranger:
            with pytest.raises(openai.AuthenticationError):
                stranger.batches.retrieve(batch.id)
            with pytest.raises(openai.AuthenticationError):
                stranger.files.content(uploaded.id)
        state = BatchRunner(client, tmp_path / "b.json", poll_seconds=0.02).submit(requests)
        state = BatchRunner(client, tmp_path / "b.json", poll_seconds=0.02).wait(state)
        done = api.batches.retrieve(state.batch_id)
        lines = [json.loads(line) for line in api.files.content(done.output_file_id).text.splitlines()]
        # three batch lines went through, yet the 2-per-minute limit still admits a direct request
        body = requests[0][1]
        reply = api.chat.completions.create(**body)
    assert done.status == "completed" and (done.request_counts.total, done.request_counts.completed) == (3, 3)
    assert done.completed_at and done.in_progress_at and done.error_file_id is None
    assert [r["custom_id"] for r in lines] == ["req-0", "req-1", "req-2"]
    assert all(r["response"]["status_code"] == 200 and r["error"] is None and r["id"] for r in lines)
    assert reply.choices[0].message.tool_calls
