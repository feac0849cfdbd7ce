"""What a real llama.cpp server does differently, reproduced on the loopback server (no model needed):
answers bounded by max_tokens and maxItems, context overflow split like truncation, tools ignored,
any model name answered, slow answers; and the endpoint probe against llama.cpp's own routes."""

import json
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from llmx.cli import app
from llmx.config import Settings
from llmx.errors import ConfigError
from llmx.evaluation.runner import GOLD_DIR, gold_cases, load_case
from llmx.llm import budget
from llmx.llm.chunking import plan_jobs
from llmx.llm.endpoint import SAMPLE, Served, for_endpoint, other_model, probe, tuned
from llmx.llm.faults import ProviderError
from llmx.llm.responses import SectionItems
from llmx.llm.seam import ToolsIgnored
from llmx.llm.tokens import count_tokens
from llmx.pipeline import extract_document, plan_llm, prepare
from llmx.sections import split_sections
from llmx.serve import RulesServer
from tests.conftest import llm_settings
from tests.test_llm_extract import REPORT

runner = CliRunner()
ONE_SECTION = Path(__file__).parent / "fixtures" / "reports" / "one-section-budget.txt"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "an-hoa.txt"
    path.write_text(REPORT.format(marker=""), encoding="utf-8")
    return path


def _chats(srv: RulesServer) -> list[dict]:
    return list(srv.requests)


def _items(doc) -> list[tuple]:
    return sorted([(i.quote, i.value) for i in doc.indicators] + [(t.text, 0) for t in doc.tasks])


# -- answers are bounded ----------------------------------------------------------------------------


def test_every_request_carries_a_max_tokens_sized_from_its_text_and_lists_bounded_for_it(server, report):
    extract_document(report, llm_settings(server, mode="json_schema"))
    sent = [b for b in _chats(server) if "response_format" in b]
    assert sent
    for body in sent:
        assert budget.FLOOR_TOKENS <= body["max_tokens"] <= Settings.max_answer_tokens
        schema = body["response_format"]["json_schema"]["schema"]
        lists = [p for p in schema["properties"].values() if p.get("type") == "array"]
        assert lists and all(p["maxItems"] >= 2 for p in lists)
    indicator = next(b for b in sent if "indicators" in b["response_format"]["json_schema"]["schema"]["properties"])
    defs = indicator["response_format"]["json_schema"]["schema"]["$defs"]
    assert defs["IndicatorOut"]["properties"]["comparisons"]["maxItems"] == 4  # nested lists are bounded too


def test_max_answer_tokens_is_the_ceiling_and_zero_sends_no_limit(server, report):
    extract_document(report, llm_settings(server, max_answer_tokens=600))
    assert {b["max_tokens"] for b in _chats(server)} <= set(range(budget.FLOOR_TOKENS, 601))
    server.requests.clear()
    extract_document(report, llm_settings(server, max_answer_tokens=0))
    assert all("max_tokens" not in b for b in _chats(server))


def test_the_answer_limit_resolves_flag_over_environment_over_default():
    from llmx.config import resolve

    assert resolve(env={}).max_answer_tokens == 16384
    assert resolve(env={"LLMX_MAX_ANSWER_TOKENS": "900"}).max_answer_tokens == 900
    assert resolve(max_answer_tokens=300, env={"LLMX_MAX_ANSWER_TOKENS": "900"}).max_answer_tokens == 300
    with pytest.raises(ConfigError, match="LLMX_MAX_ANSWER_TOKENS"):
        resolve(env={"LLMX_MAX_ANSWER_TOKENS": "-1"})


def test_an_answer_with_more_items_than_the_text_can_state_is_refused_with_a_readable_message():
    text = "Tổng thu NSNN đạt 88,8 tỷ đồng."
    model = budget.bounded(SectionItems, text)
    item = {"quote": text[:-1], "name": "Tổng thu NSNN", "value": 88.8}
    assert model.model_validate({"indicators": [item] * 3}, context={"section_text": text})
    with pytest.raises(ValidationError, match="at most 3 items"):
        model.model_validate({"indicators": [item] * 4}, context={"section_text": text})
    assert model.__name__ == "SectionItems" and issubclass(model, SectionItems)
    assert budget.bounded(SectionItems, text) is model  # one class per bound, not per request


def test_the_list_bounds_never_cut_a_dev_gold_answer():
    """Every request of the 14 dev reports, planned as usual and cut small, holds no more gold items
    than its bounds allow (the claim in llmx/llm/budget.py)."""
    checked = 0
    for case in gold_cases(GOLD_DIR / "dev"):
        gold = load_case(case)
        layout = split_sections(gold.text, [])
        for split, pack in ((3000, 1500), (300, 100)):
            for job in plan_jobs(gold.text, layout, split, pack):
                bounds = budget.item_bounds(gold.text[job.start : job.end])
                for kind in ("indicators", "tasks", "limitations", "references", "proposals"):
                    found = sum(1 for i in getattr(gold, kind) if job.start <= i.start < job.end)
                    assert found <= bounds.get(kind, bounds["statements"]), (case.name, kind, job.start)
                checked += 1
        assert all(len(i.comparisons) <= budget.NESTED_BOUNDS["comparisons"] for i in gold.indicators)
    assert checked > 500


def test_a_known_context_shrinks_chunks_and_caps_max_tokens_to_fit():
    settings = Settings(backend="llm", model="m", mode="json_schema", token_scale=2.5, context_tokens=4096)
    split, pack = budget.section_tokens(settings, fixed_tokens=600)
    # prompt 600*2.5 = 1500, text t*2.5, answer 2*t*2.5 + 256: all within 4096
    assert 1500 + (1 + budget.SECTION_COPIES) * split * 2.5 + 256 <= 4096 and split > 100 and pack <= split
    assert budget.answer_tokens(10, 1500, settings) == 4096 - 3750 - 16  # the room left after the prompt
    wide = Settings(backend="llm", model="m")
    assert budget.section_tokens(wide, 600) == (3000, 1500)
    assert budget.answer_tokens(100, 1000, wide) == 512 and budget.answer_tokens(10_000, 0, wide) == 16384
    # a table's answer grows with its figures (each an indicator), not with its text
    assert budget.answer_tokens(300, 1000, wide, figures=40) == 2 * 300 + 80 * 40 + 256


# -- context overflow -------------------------------------------------------------------------------


def test_llamacpp_context_overflow_is_recognised_with_openai_and_vllm_wordings():
    llama = "request (4326 tokens) exceeds the available context size (4096 tokens), try increasing it"
    assert ProviderError(400, "400", "exceed_context_size_error", llama).context_overflow
    openai_ = "This model's maximum context length is 8192 tokens. However, your messages resulted in 9100 tokens."
    assert ProviderError(400, "context_length_exceeded", "invalid_request_error", openai_).context_overflow
    vllm = (
        "This model's maximum context length is 4096 tokens. However, you requested 5000 tokens (4000 in the "
        "messages, 1000 in the completion). Please reduce the length of the messages or completion."
    )
    assert ProviderError(400, "400", "BadRequestError", vllm).context_overflow
    assert not ProviderError(400, "", "invalid_request_error", "Invalid schema for response_format").context_overflow
    assert not ProviderError(500, "", "server_error", llama).context_overflow


def test_a_request_over_the_context_is_split_and_asked_again_like_a_truncated_answer(rules_server, report):
    clean_srv = rules_server()
    clean = extract_document(report, llm_settings(clean_srv))
    srv = rules_server(faults=["context_overflow"])
    doc = extract_document(report, llm_settings(srv))
    assert doc.problems == [] and _items(doc) == _items(clean)
    assert doc.extractor.usage.requests == clean.extractor.usage.requests + 2  # the refused one, and one more half
    kinds = [a["kind"] for c in doc.extractor.calls for a in c.attempts]
    assert "split" in kinds


def test_a_context_too_small_for_anything_costs_a_bounded_number_of_requests(rules_server, report):
    srv = rules_server(context_tokens=50)  # no request fits: llama.cpp refuses each with its typed 400
    doc = extract_document(report, llm_settings(srv))
    jobs = len(plan_llm(prepare(report), llm_settings(srv)).requests_by_job)
    assert len(_chats(srv)) <= 7 * jobs + 1  # + the metadata request
    assert any("too long for the model's context" in p.message for p in doc.problems)
    assert not doc.indicators


# -- tools mode against a server that ignores tools ------------------------------------------------


def test_tools_ignored_stops_at_once_with_the_json_schema_hint_and_no_reask(rules_server, report):
    srv = rules_server(faults=["no_tool_call"] * 10)
    with pytest.raises(ToolsIgnored, match="--mode json_schema"):
        extract_document(report, llm_settings(srv, mode="tools"))
    assert len(_chats(srv)) == 1  # the first answer said it all: nothing sent back to the model


def test_tools_ignored_is_a_configuration_exit_on_the_command_line(rules_server, report):
    srv = rules_server(faults=["no_tool_call"] * 10)
    result = runner.invoke(
        app, ["extract", str(report), "--backend", "llm", "--model", srv.config.model, "--base-url", srv.base_url]
    )
    assert result.exit_code == 3
    assert "answered without a tool call" in result.stderr and "--mode json_schema" in result.stderr


def test_a_tool_capable_endpoint_that_once_answers_in_text_gets_a_reask_not_a_stop(rules_server, report):
    srv = rules_server(faults=["ok", "no_tool_call"])
    doc = extract_document(report, llm_settings(srv, mode="tools"))
    assert doc.indicators  # the second request's text answer was re-asked like any invalid answer


# -- the model the server says it is ---------------------------------------------------------------


def test_the_model_the_answers_name_is_recorded_and_a_different_one_is_warned_about(rules_server, report):
    srv = rules_server(any_model=True)  # llama.cpp answers any model name under its own
    doc = extract_document(report, llm_settings(srv, model="gpt-4.1-mini"))
    assert doc.extractor.model == "gpt-4.1-mini" and doc.extractor.served_model == srv.config.model
    result = runner.invoke(
        app, ["extract", str(report), "--backend", "llm", "--model", "gpt-4.1-mini", "--base-url", srv.base_url]
    )
    assert result.exit_code == 0
    assert f"answered as model {srv.config.model!r}, not 'gpt-4.1-mini'" in result.stderr


def test_a_dated_snapshot_of_the_asked_model_is_the_same_model():
    assert not other_model("gpt-4.1-mini", "gpt-4.1-mini-2025-04-14")
    assert not other_model("SmolLM2-135M-Instruct", "SmolLM2-135M-Instruct")
    assert other_model("gpt-4.1-mini", "SmolLM2-135M-Instruct")


def test_record_refuses_a_cassette_named_after_a_model_that_did_not_answer(rules_server, report, tmp_path):
    srv = rules_server(any_model=True)
    args = ["record", str(report), "--model", "gpt-4.1-mini", "--base-url", srv.base_url]
    result = runner.invoke(app, [*args, "--cassettes", str(tmp_path / "c")])
    assert result.exit_code == 3 and "record with --model llmx-rules-server" in result.stderr
    assert not list((tmp_path / "c").rglob("*.yaml"))  # nothing kept under a false name


# -- slow answers -----------------------------------------------------------------------------------


def test_a_timed_out_request_is_sent_three_times_then_the_section_says_how_to_wait_longer(rules_server, report):
    srv = rules_server(faults=["timeout"] * 20, timeout_sleep=1.0)
    doc = extract_document(report, llm_settings(srv, timeout=0.3, max_transport_retries=5))
    first = [b for b in _chats(srv) if b == _chats(srv)[0]]
    assert len(first) == 3  # not 6: a server too slow once is as slow the next time
    assert any("timed out 3 times" in p.message and "--timeout" in p.message for p in doc.problems)


# -- the endpoint probe against llama.cpp's own routes ---------------------------------------------


class _LlamaCpp(BaseHTTPRequestHandler):
    """llama.cpp's /v1/models, /props and /tokenize as SmolLM2's server answers them (shapes copied
    from xllamacpp 2026.10 serving SmolLM2-135M-Instruct; token count scaled to the sample)."""

    def log_message(self, *args: object) -> None:
        pass

    def _json(self, payload: dict) -> None:
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        if self.path == "/v1/models":
            model = {"id": "SmolLM2-135M-Instruct", "owned_by": "llamacpp", "meta": {"n_ctx": 8192, "n_vocab": 49152}}
            return self._json({"object": "list", "data": [model]})
        if self.path == "/props":
            caps = {"supports_tools": False, "supports_tool_calls": False, "supports_system_role": True}
            return self._json({"default_generation_settings": {"n_ctx": 8192}, "chat_template_caps": caps})
        self.send_error(404)

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.path == "/tokenize" and body.get("content") == SAMPLE:
            return self._json({"tokens": list(range(655))})  # what SmolLM2 counts for the sample
        self.send_error(404)


@pytest.fixture
def llamacpp_routes():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _LlamaCpp)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


def test_the_probe_reads_context_tokenizer_and_tool_support_from_llamacpp(llamacpp_routes):
    settings = Settings(backend="llm", model="SmolLM2-135M-Instruct", base_url=llamacpp_routes, mode="json_schema")
    served = probe(settings)
    assert served.models == ("SmolLM2-135M-Instruct",) and served.context_tokens == 8192
    assert served.supports_tools is False
    assert served.token_scale == round(655 / count_tokens(SAMPLE), 3) and served.token_scale > 2
    planned = for_endpoint(settings)
    assert planned.context_tokens == 8192 and planned.token_scale == served.token_scale
    with pytest.raises(ToolsIgnored, match="no tool support"):  # refused before any chat request
        for_endpoint(replace(settings, mode="tools"))


def test_the_served_tokenizer_makes_smaller_chunks_for_a_model_that_spends_more_tokens(samples):
    prepared = prepare(samples.monthly)
    base = Settings(backend="llm", model="m", mode="json_schema")
    wide = plan_llm(prepared, base)
    scaled = plan_llm(prepared, tuned(base, Served(token_scale=2.4, context_tokens=8192)))
    assert len(scaled.requests_by_job) > len(wide.requests_by_job)
    for request in scaled.requests_by_job:  # every request fits the context, counted in the served model's tokens
        prompt = sum(count_tokens(m["content"]) for m in request.messages) * 2.4
        assert prompt + (request.max_tokens or 0) <= 8192


def test_the_probe_knows_nothing_about_a_server_without_those_routes(server):
    settings = llm_settings(server)
    assert probe(settings) == Served(models=(server.config.model,))
    assert for_endpoint(settings) == settings


def test_the_probe_is_not_sent_to_the_openai_api():
    assert probe(Settings(backend="llm", model="gpt-4.1-mini")) == Served()


def test_a_dense_table_row_is_budgeted_once_per_figure_it_holds():
    """Each indicator of a score row quotes the whole row: a row of 10 figures is copied 10 times."""
    row = "1 | Sở Dân tộc và Tôn giáo | 84.86 | 18.7 | 72.41 | 1.81 | 81.03 | 4.86 | 81.03 | 4.86"
    prose = "Tỷ lệ hồ sơ đúng hạn đạt 97,5%, tăng 2,1% so với cùng kỳ."
    assert budget.figure_count(row) == 9  # the row number, and every dot-decimal cell
    assert budget.recopied(row) == [(row, 7.0)]
    assert budget.recopied(prose) == []  # two figures: the two copies cover it
    settings = Settings(max_answer_tokens=100_000)
    text_tokens, figures, extra = count_tokens(row), budget.figure_count(row), 7 * count_tokens(row)
    dense = budget.answer_tokens(text_tokens, 0, settings, figures=figures, recopied_tokens=extra)
    plain = budget.answer_tokens(text_tokens, 0, settings, figures=figures)
    assert dense is not None and plain is not None and dense - plain == extra
