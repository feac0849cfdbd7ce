"""A local OpenAI-compatible endpoint backed by the rules backend, on loopback only.

It lets the LLM path run end to end with no model API: recording cassettes, demos, and tests
of every fault the client must survive. It reads the section text from the `<section_text>`
blocks of the prompt (the metadata prompt's `<document_head>`/`<document_tail>`), runs the rule
extractors on it and answers in the shape the request asks for: a tool call (instructor `tools`
mode), JSON content (`json_schema`, `json`) or a fenced JSON block (`md_json`), with usage
counted by llmx's own token budgeter. The model it serves is named truthfully:
`llmx-rules-server`.

Faults are deterministic per request, so tests and cassettes are reproducible:
* a fault script: request k (counting from 1) gets `faults[k-1]` ("ok" for none);
* a marker in a section's text, `LLMX-FAULT:<fault>`, faults every request for that section.
It also serves a small Batch API (`/v1/files`, `/v1/batches`; see llmx/server_batch.py).
Faults: invalid_json, schema_invalid (a quote that is not in the text), 429 (with Retry-After),
500, truncate (finish_reason "length" and cut JSON), timeout (sleeps past the client's timeout).
An answer longer than the request's max_tokens is truncated the same way.
"""

from __future__ import annotations

import hmac
import json
import math
import re
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from llmx.chunking import count_tokens
from llmx.server_batch import BatchApi, error_payload

SERVED_MODEL = "llmx-rules-server"
FAULTS = ("ok", "invalid_json", "schema_invalid", "429", "500", "truncate", "timeout")
FABRICATED_QUOTE = "LLMX-FAULT fabricated quote that is not in the section text"
_BLOCK = re.compile(r'<section_text path="([^"]*)" role="(\w*)" sector="(\w*)">\n(.*?)\n</section_text>', re.S)
_WANTED = re.compile(r"^Extract ([a-z, ]+)\.", re.M)
_HEAD = re.compile(r"<document_head>\n(.*?)\n</document_head>", re.S)
_TAIL = re.compile(r"<document_tail>\n(.*?)\n</document_tail>", re.S)
_MARKER = re.compile(r"LLMX-FAULT:(\w+)")


def parse_fault_script(specs: list[str]) -> list[str]:
    """`["429:2", "ok", "500"]` -> `["429", "429", "ok", "500"]`: the first N requests get fault F."""
    script: list[str] = []
    for spec in specs:
        name, _, count = spec.partition(":")
        if name not in FAULTS or (count and not count.isdigit()):
            raise ValueError(f"fault {spec!r}: use FAULT[:N] with FAULT one of {', '.join(FAULTS)}")
        script.extend([name] * int(count or 1))
    return script


@dataclass
class ServerConfig:
    api_key: str | None = None  # when set, requests need `Authorization: Bearer <key>`
    latency_ms: float = 0.0
    rate_limit: int = 0  # requests per minute; 0 = unlimited
    retry_after: float = 1.0  # seconds announced with a 429
    faults: list[str] = field(default_factory=list)  # the fault script
    timeout_sleep: float = 5.0  # how long a `timeout` fault sleeps
    batch_delay: float = 0.0  # seconds before a Batch API batch starts processing
    batch_expire_after: int | None = None  # a batch answers this many lines, then expires (None: never)
    model: str = SERVED_MODEL
    quiet: bool = True


def _rules_section(text: str, role: str, sector: str | None, wanted: set[str]) -> dict[str, list[Any]]:
    """What the rule extractors find in one section's text, as the response model's JSON."""
    from llmx.contract import Section
    from llmx.rules.indicators import find_indicators
    from llmx.rules.references import find_references
    from llmx.rules.statements import find_limitations, find_tasks
    from llmx.sections import Layout

    section = Section(id="s1", heading="", level=1, role=role, sector=sector, start=0, end=len(text))  # type: ignore[arg-type]
    layout = Layout(text=text, sections=[section], body_start=0, body_end=len(text), body_starts={"s1": 0})
    out: dict[str, list[Any]] = {"indicators": [], "tasks": [], "limitations": [], "references": []}
    if "indicators" in wanted:
        for i in find_indicators(text, 0, len(text), sector=section.sector):
            item = i.model_dump(include={"quote", "name", "value", "unit", "target", "estimated", "approx", "as_of"})
            item["comparisons"] = [c.model_dump(exclude_none=True) for c in i.comparisons]
            out["indicators"].append({k: v for k, v in item.items() if v not in (None, False, [])})
    if "tasks" in wanted:
        out["tasks"] = [{"text": t.text} for t in find_tasks(text, layout)]
    if "limitations" in wanted:
        out["limitations"] = [{"text": x.text, "kind": x.kind} for x in find_limitations(text, layout)]
    out["references"] = [
        r.model_dump(include={"quote", "doc_type", "number", "date", "issuer"}, exclude_none=True)
        for r in find_references(text, 0, len(text))
    ]
    return out


def _rules_metadata(head: str, tail: str) -> dict[str, Any]:
    from llmx.rules.metadata import extract_metadata
    from llmx.sections import split_sections

    text = f"{head}\n\n{tail}"
    meta = extract_metadata(text, split_sections(text).sections)
    return meta.model_dump(exclude={"post_date", "issue_date_source"}, exclude_none=True)


def prompt_texts(user: str) -> list[str]:
    """The report text a prompt carries: its section blocks, or the head and tail sent for metadata."""
    blocks = [b[3] for b in _BLOCK.findall(user)]
    return blocks or [m.group(1) for pattern in (_HEAD, _TAIL) if (m := pattern.search(user))]


def answer_for(user: str) -> tuple[dict[str, Any], list[str]]:
    """The answer to one prompt, and the texts it was computed from (for fault markers)."""
    blocks = _BLOCK.findall(user)
    if blocks:
        m = _WANTED.search(user)
        wanted = (
            {w.strip() for w in m.group(1).split(",")} if m else {"indicators", "tasks", "limitations", "references"}
        )
        merged: dict[str, list[Any]] = {"indicators": [], "tasks": [], "limitations": [], "references": []}
        for _path, role, sector, text in blocks:
            for key, items in _rules_section(text, role or "other", sector or None, wanted).items():
                merged[key].extend(items)
        return merged, [b[3] for b in blocks]
    head, tail = _HEAD.search(user), _TAIL.search(user)
    if head or tail:
        h, t = head.group(1) if head else "", tail.group(1) if tail else ""
        return _rules_metadata(h, t), [h, t]
    raise LookupError("the prompt holds no <section_text> or <document_head> block")


class RulesServer(ThreadingHTTPServer):
    """`POST /v1/chat/completions` and `GET /v1/models` on 127.0.0.1; see the module docstring."""

    daemon_threads = True
    request_queue_size = 128  # socketserver's default of 5 drops bursts of new connections (1 s SYN retries)

    def __init__(self, config: ServerConfig | None = None, port: int = 0) -> None:
        self.config = config or ServerConfig()
        self.requests: list[dict[str, Any]] = []  # every chat request body, in arrival order
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.window: deque[float] = deque()
        self._thread: threading.Thread | None = None
        self.batch_api = BatchApi(self)
        super().__init__(("127.0.0.1", port), _Handler)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def start(self) -> RulesServer:
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()

    def __enter__(self) -> RulesServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def chat(self, body: dict[str, Any], number: int, retry_after: float | None) -> Reply:
        return chat_reply(self, body, number, retry_after)

    def admit(self, body: dict[str, Any], *, limited: bool = True) -> tuple[int, float | None]:
        """Record the request; its number (from 1) and, if over the rate limit, the Retry-After.

        Batch lines pass `limited=False`: like a provider's, batches do not use the rate limit.
        """
        with self.lock:
            self.requests.append(body)
            number = len(self.requests)
            limit = self.config.rate_limit
            if not limit or not limited:
                return number, None
            now = time.monotonic()
            while self.window and now - self.window[0] >= 60.0:
                self.window.popleft()
            if len(self.window) >= limit:
                return number, max(1.0, math.ceil(60.0 - (now - self.window[0])))
            self.window.append(now)
            return number, None


Reply = tuple[int, dict[str, Any], dict[str, str]]


class _Handler(BaseHTTPRequestHandler):
    server: RulesServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as two writes: no 40 ms delayed-ACK stall

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.config.quiet:
            sys.stderr.write(f"llmx serve: {format % args}\n")

    def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout fault): nothing left to tell it

    def _error(self, status: int, message: str, kind: str, headers: dict[str, str] | None = None) -> None:
        self._send(status, error_payload(status, message, kind), headers)

    def _authorized(self) -> bool:
        key = self.server.config.api_key
        if key is None:
            return True
        given = self.headers.get("Authorization", "")
        return hmac.compare_digest(given.encode(), f"Bearer {key}".encode())

    def do_GET(self) -> None:
        if not self._authorized():
            return self._error(401, "Incorrect API key provided.", "invalid_request_error")
        route = self.path.rstrip("/")
        if route.startswith(("/v1/files/", "/v1/batches/")):
            status, payload, content = self.server.batch_api.get(route)
            if content is not None:
                return self._send_bytes(status, content, "application/jsonl")
            return self._send(status, payload)
        if route != "/v1/models":
            return self._error(404, f"no route {self.path}", "invalid_request_error")
        model = {"id": self.server.config.model, "object": "model", "created": 0, "owned_by": "llmx"}
        self._send(200, {"object": "list", "data": [model]})

    def _send_bytes(self, status: int, data: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        route = self.path.rstrip("/")
        if route in ("/v1/files", "/v1/batches") or (route.startswith("/v1/batches/") and route.endswith("/cancel")):
            if not self._authorized():
                return self._error(401, "Incorrect API key provided.", "invalid_request_error")
            return self._send(*self.server.batch_api.post(route, raw, self.headers.get("Content-Type", "")))
        if route != "/v1/chat/completions":
            return self._error(404, f"no route {self.path}", "invalid_request_error")
        try:
            body = json.loads(raw)
        except ValueError:
            return self._error(400, "the request body is not JSON", "invalid_request_error")
        number, retry_after = self.server.admit(body)  # refused requests count too: tests see every try
        if not self._authorized():
            return self._error(401, "Incorrect API key provided.", "invalid_request_error")
        self._send(*self.server.chat(body, number, retry_after))


def _throttled(seconds: float) -> Reply:
    headers = {"Retry-After": str(math.ceil(seconds)), "retry-after-ms": str(int(seconds * 1000))}
    return 429, error_payload(429, "rate limit reached; retry later", "rate_limit_exceeded"), headers


def chat_reply(
    server: RulesServer, body: dict[str, Any], number: int, retry_after: float | None, *, wait: bool = True
) -> Reply:
    """The answer to one chat request (status, JSON payload, headers); `wait=False` skips the
    injected latency and timeout sleeps (batch lines are answered offline)."""
    config = server.config
    if body.get("model") != config.model:
        return (
            404,
            error_payload(
                404, f"model {body.get('model')!r} not found; this server serves {config.model}", "not_found"
            ),
            {},
        )
    if retry_after is not None:
        return _throttled(retry_after)
    began = time.monotonic()
    user = next((m.get("content") or "" for m in body.get("messages", []) if m.get("role") == "user"), "")
    try:
        answer, texts = answer_for(user if isinstance(user, str) else json.dumps(user))
    except LookupError as exc:
        return 400, error_payload(400, str(exc), "invalid_request_error"), {}
    except Exception as exc:  # a rules bug must not hang the client: answer like a provider would
        return 500, error_payload(500, f"rules backend failed: {type(exc).__name__}: {exc}", "server_error"), {}
    if config.latency_ms and wait:  # the latency is the whole service time, the rules' own work included
        server.stopping.wait(max(0.0, config.latency_ms / 1000 - (time.monotonic() - began)))
    fault = config.faults[number - 1] if number <= len(config.faults) else "ok"
    if fault == "ok":
        fault = next((m.group(1) for t in texts if (m := _MARKER.search(t))), "ok")
    if fault == "429":
        return _throttled(config.retry_after)
    if fault == "500":
        return 500, error_payload(500, "injected server error", "server_error"), {}
    if fault == "timeout" and wait:
        server.stopping.wait(config.timeout_sleep)
    return 200, completion(body, number, answer, fault, config.model), {}


def completion(body: dict[str, Any], number: int, answer: dict[str, Any], fault: str, model: str) -> dict[str, Any]:
    """A chat.completion in the shape the request asked for (tool call, JSON or fenced JSON)."""
    if fault == "schema_invalid" and "indicators" in answer:
        answer["indicators"].append({"quote": FABRICATED_QUOTE, "name": "fabricated", "value": 1})
    elif fault == "schema_invalid":
        answer["title"] = FABRICATED_QUOTE
    text = json.dumps(answer, ensure_ascii=False)
    finish = "stop"
    limit = body.get("max_completion_tokens") or body.get("max_tokens")
    if fault == "truncate" or (limit and count_tokens(text) > limit):
        text, finish = text[: max(1, len(text) // 2)], "length"
    elif fault == "invalid_json":
        text = text[: max(1, len(text) // 2)]
    message: dict[str, Any] = {"role": "assistant", "content": None}
    tools = body.get("tools")
    if tools:
        name = tools[0]["function"]["name"]
        call = {"id": f"call_{number}", "type": "function", "function": {"name": name, "arguments": text}}
        message["tool_calls"] = [call]
    elif body.get("response_format"):
        message["content"] = text
    else:
        message["content"] = f"```json\n{text}\n```"
    sent = [m.get("content") or "" for m in body.get("messages", [])]
    schema = json.dumps(tools or body.get("response_format") or "", ensure_ascii=False)
    prompt_tokens = sum(count_tokens(s if isinstance(s, str) else json.dumps(s)) for s in sent) + count_tokens(schema)
    completion_tokens = count_tokens(text)
    return {
        "id": f"chatcmpl-llmx-{number}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }
