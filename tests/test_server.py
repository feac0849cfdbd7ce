"""The local OpenAI-compatible server: shapes per instructor mode, auth, rate limits, faults."""

import json
import time
import urllib.error
import urllib.request

import pytest

from llmx.llm import prompts
from llmx.llm.tokens import count_tokens
from llmx.serve import FABRICATED_QUOTE, SERVED_MODEL, RulesServer, ServerConfig, parse_fault_script

TEXT = (
    "Tổng thu NSNN đến 20/02/2023 là 88,8 tỷ đồng, đạt 8,4% dự toán.\n"
    "- Thực hiện Kế hoạch số 31-KH/HU, ngày 09/02/2023."
)


def _messages(text: str = TEXT, role: str = "results") -> list[dict[str, str]]:
    wanted = ["tasks", "references"] if role == "tasks" else ["indicators", "limitations", "references"]
    block = {"path": "I. Kinh tế > 1. Ngân sách", "role": role, "sector": "budget", "text": text}
    return prompts.render("section@v1", {"wanted": wanted, "sections": [block]})


def _post(server: RulesServer, body: dict, key: str | None = None) -> tuple[int, dict, dict]:
    data = json.dumps({"model": SERVED_MODEL, **body}).encode()
    req = urllib.request.Request(f"{server.base_url}/chat/completions", data=data, method="POST")
    req.add_header("Content-Type", "application/json")
    if key:
        req.add_header("Authorization", f"Bearer {key}")
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            return resp.status, dict(resp.headers), json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), json.loads(err.read())


def _answer(payload: dict) -> dict:
    message = payload["choices"][0]["message"]
    if message.get("tool_calls"):
        return json.loads(message["tool_calls"][0]["function"]["arguments"])
    content = message["content"]
    return json.loads(content.removeprefix("```json\n").removesuffix("\n```"))


@pytest.mark.parametrize(
    "extra, shape",
    [
        ({"tools": [{"type": "function", "function": {"name": "SectionItems", "parameters": {}}}]}, "tool"),
        ({"response_format": {"type": "json_schema", "json_schema": {"name": "SectionItems", "schema": {}}}}, "json"),
        ({"response_format": {"type": "json_object"}}, "json"),
        ({}, "fenced"),
    ],
)
def test_answers_in_the_shape_each_instructor_mode_asks_for(server, extra, shape):
    status, _, payload = _post(server, {"messages": _messages(), **extra})
    assert status == 200 and payload["model"] == SERVED_MODEL
    message = payload["choices"][0]["message"]
    assert bool(message.get("tool_calls")) == (shape == "tool")
    if shape == "fenced":
        assert message["content"].startswith("```json\n")
    answer = _answer(payload)
    assert any("31-KH/HU" in r["quote"] for r in answer["references"])
    assert all(i["quote"] in TEXT for i in answer["indicators"])
    usage = payload["usage"]
    sent = sum(count_tokens(m["content"]) for m in _messages())
    assert usage["prompt_tokens"] >= sent and usage["completion_tokens"] > 0


def test_task_sections_get_tasks_and_no_indicators(server):
    text = "- Tập trung chỉ đạo thu ngân sách đạt 100% dự toán.\n- Tổ chức tốt các hoạt động mừng Đảng, mừng Xuân."
    _, _, payload = _post(server, {"messages": _messages(text, "tasks"), "response_format": {"type": "json_object"}})
    answer = _answer(payload)
    assert answer["indicators"] == [] and len(answer["tasks"]) == 2


def test_models_endpoint_and_auth_when_started_with_a_key(rules_server):
    srv = rules_server(api_key="sekrit-key")
    status, _, payload = _post(srv, {"messages": _messages()}, key="wrong-key")
    assert status == 401 and "sekrit" not in json.dumps(payload) and "wrong-key" not in json.dumps(payload)
    assert _post(srv, {"messages": _messages()})[0] == 401
    assert _post(srv, {"messages": _messages()}, key="sekrit-key")[0] == 200
    req = urllib.request.Request(f"{srv.base_url}/models", headers={"Authorization": "Bearer sekrit-key"})
    with urllib.request.urlopen(req, timeout=5) as resp:
        assert [m["id"] for m in json.loads(resp.read())["data"]] == [SERVED_MODEL]


def test_an_unknown_model_is_a_404_naming_the_served_one(server):
    status, _, payload = _post(server, {"messages": _messages(), "model": "gpt-4.1-mini"})
    assert status == 404 and SERVED_MODEL in payload["error"]["message"]


def test_fault_script_is_deterministic_per_request_number(rules_server):
    assert parse_fault_script(["429:2", "ok", "truncate"]) == ["429", "429", "ok", "truncate"]
    with pytest.raises(ValueError, match="FAULT"):
        parse_fault_script(["503"])
    config = ServerConfig(
        faults=parse_fault_script(["429", "500", "truncate", "invalid_json", "schema_invalid"]), retry_after=0.25
    )
    srv = rules_server(config)
    body = {"messages": _messages(), "response_format": {"type": "json_object"}}
    status, headers, _ = _post(srv, body)
    assert status == 429 and headers["Retry-After"] == "1" and headers["retry-after-ms"] == "250"
    assert _post(srv, body)[0] == 500
    _, _, cut = _post(srv, body)
    assert cut["choices"][0]["finish_reason"] == "length"
    with pytest.raises(json.JSONDecodeError):
        json.loads(cut["choices"][0]["message"]["content"])
    _, _, broken = _post(srv, body)
    assert broken["choices"][0]["finish_reason"] == "stop"
    with pytest.raises(json.JSONDecodeError):
        json.loads(broken["choices"][0]["message"]["content"])
    _, _, invalid = _post(srv, body)
    assert any(i["quote"] == FABRICATED_QUOTE for i in _answer(invalid)["indicators"])
    assert _post(srv, body)[0] == 200 and len(srv.requests) == 6


def test_a_marker_in_the_section_faults_every_request_for_it(server):
    body = {"messages": _messages(TEXT + "\nLLMX-FAULT:500"), "response_format": {"type": "json_object"}}
    assert [_post(server, body)[0] for _ in range(3)] == [500, 500, 500]


def test_rate_limit_answers_429_with_retry_after(rules_server):
    srv = rules_server(rate_limit=2)
    body = {"messages": _messages()}
    codes = [_post(srv, body) for _ in range(3)]
    assert [c[0] for c in codes] == [200, 200, 429]
    assert 1 <= int(codes[2][1]["Retry-After"]) <= 60


def test_latency_and_max_tokens_are_honoured(rules_server):
    srv = rules_server(latency_ms=150)
    t0 = time.perf_counter()
    _, _, payload = _post(srv, {"messages": _messages(), "max_tokens": 5})
    assert time.perf_counter() - t0 >= 0.15
    assert payload["choices"][0]["finish_reason"] == "length"
