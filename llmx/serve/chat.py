"""What the loopback server answers to a chat request: the rules backend's findings, or a fault.

It reads the section text from the `<section_text>` blocks of the prompt (the metadata prompt's
`<document_head>`/`<document_tail>`), runs the rule extractors on it and answers in the shape
the request asks for (see wire.py), with usage counted by llmx's own token budgeter. Another
answerer can stand in for the rules (`ServerConfig.answerer`): gold.py answers with the gold.

Faults are deterministic per request, so tests and cassettes are reproducible:
* a fault script: request k (counting from 1) gets `faults[k-1]` ("ok" for none);
* a marker in a section's text, `LLMX-FAULT:<fault>`, faults every section request holding it
  (not the metadata request, whose head of the text may hold it too).
Faults: invalid_json, schema_invalid (a quote that is not in the text), 429 (with Retry-After),
500, truncate (finish_reason "length" and cut JSON), timeout (sleeps past the client's timeout),
insufficient_quota (OpenAI's 429 for an account with no credit left: its body, code and message,
no Retry-After), overloaded_400 (a 400 whose message blames the server's load, not the request:
what OpenAI itself has sent at times, and what some OpenAI-compatible proxies and servers send
for an overloaded or still-loading model; see llmx/llm/faults.py), context_overflow (llama.cpp's
typed 400 `exceed_context_size_error`), no_tool_call (a plain-text answer that ignores `tools`, as
llama.cpp gives when the model's chat template has no tool support).
An answer longer than the request's max_tokens is truncated the same way. Two settings mimic a real
llama.cpp server: `context_tokens` refuses a prompt longer than that (its typed 400), and
`any_model` answers whatever model is asked for, under the server's own name.
"""

from __future__ import annotations

import json
import math
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from llmx.llm.tokens import count_tokens
from llmx.serve.wire import Reply, completion, error_payload

SERVED_MODEL = "llmx-rules-server"
FAULTS = (
    "ok",
    "invalid_json",
    "schema_invalid",
    "429",
    "500",
    "truncate",
    "timeout",
    "insufficient_quota",
    "overloaded_400",
    "context_overflow",
    "no_tool_call",
)
QUOTA_MESSAGE = (
    "You exceeded your current quota, please check your plan and billing details. For more information on "
    "this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors."
)
OVERLOADED_MESSAGE = (
    "That model is currently overloaded with other requests. You can retry your request, or contact us "
    "if the error persists."
)
FABRICATED_QUOTE = "LLMX-FAULT fabricated quote that is not in the section text"
_BLOCK = re.compile(r'<section_text path="([^"]*)" role="(\w*)" sector="(\w*)">\n(.*?)\n</section_text>', re.S)
_WANTED = re.compile(r"^Extract ([a-z, ]+)\.", re.M)
_HEAD = re.compile(r"<document_head>\n(.*?)\n</document_head>", re.S)
_TAIL = re.compile(r"<document_tail>\n(.*?)\n</document_tail>", re.S)
_MARKER = re.compile(r"LLMX-FAULT:(\w+)")
ALL_KINDS = ("indicators", "tasks", "limitations", "references", "proposals")
Answerer = Callable[[str], tuple[dict[str, Any], list[str]]]  # prompt -> (answer, texts it came from)


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
    context_tokens: int | None = None  # refuse longer prompts as llama.cpp does (None: no limit)
    any_model: bool = False  # answer any model name, under `model` (llama.cpp does not check the name)
    answerer: Answerer | None = None  # what answers a prompt (default: the rules, answer_for)
    remember_answers: bool = False  # `llmx serve` keeps the rules' answers (see _remembered_answer)
    answers: OrderedDict[str, tuple[str, list[str]]] = field(default_factory=OrderedDict, repr=False)


def _own_text_start(text: str, path: str) -> int:
    """Where a block's own text starts: after its heading line when the block opens with the
    heading its path names (the rules never read a heading as content; the splitter decides
    where a `Heading: content` line's content begins)."""
    from llmx.sections import split_sections

    layout = split_sections(text)
    first = layout.sections[0] if layout.sections else None
    if first is None or first.start != 0:
        return 0
    named = f"{first.number}. {first.heading}" if first.number else first.heading
    return layout.body_starts.get(first.id, 0) if path.endswith(named) else 0


def _rules_section(text: str, role: str, sector: str | None, wanted: set[str], path: str = "") -> dict[str, list[Any]]:
    """What the rule extractors find in one section's text, as the response model's JSON.

    The rules' own scope holds: no figures from task sections (they are next-period targets),
    tasks only in task sections, nothing from the heading line.
    """
    from llmx.contract import Section
    from llmx.rules.indicators import find_indicators
    from llmx.rules.proposals import find_proposals
    from llmx.rules.references import find_references
    from llmx.rules.statements import find_limitations, find_tasks
    from llmx.sections import Layout

    own = _own_text_start(text, path)
    # role and sector come off the wire as plain strings: Section's own validation checks them
    fields = {"id": "s1", "heading": "", "level": 1, "role": role, "sector": sector, "start": 0, "end": len(text)}
    section = Section.model_validate(fields)
    layout = Layout(text=text, sections=[section], body_start=0, body_end=len(text), body_starts={"s1": own})
    out: dict[str, list[Any]] = {kind: [] for kind in ALL_KINDS}
    if "indicators" in wanted and role != "tasks":
        for i in find_indicators(text, own, len(text), sector=section.sector):
            item = i.model_dump(include={"quote", "name", "value", "unit", "target", "estimated", "approx", "as_of"})
            item["comparisons"] = [c.model_dump(exclude_none=True) for c in i.comparisons]
            out["indicators"].append({k: v for k, v in item.items() if v not in (None, False, [])})
    if "tasks" in wanted:
        out["tasks"] = [{"text": t.text} for t in find_tasks(text, layout)]
    if "limitations" in wanted:
        out["limitations"] = [{"text": x.text, "kind": x.kind} for x in find_limitations(text, layout)]
    if "proposals" in wanted:
        out["proposals"] = [{"text": x.text, "addressee": x.addressee} for x in find_proposals(text, layout)]
    out["references"] = [
        r.model_dump(include={"quote", "doc_type", "number", "date", "issuer"}, exclude_none=True)
        for r in find_references(text, own, len(text))
    ]
    return out


def _rules_metadata(head: str, tail: str) -> dict[str, Any]:
    from llmx.rules.metadata import extract_metadata
    from llmx.sections import split_sections

    text = f"{head}\n\n{tail}"
    meta = extract_metadata(text, split_sections(text).sections)
    return meta.model_dump(exclude={"post_date", "issue_date_source"}, exclude_none=True)


@dataclass
class ParsedRequest:
    """What a prompt asks: section blocks and the item kinds wanted, or a metadata head and tail."""

    blocks: list[str] | None = None
    wanted: set[str] = field(default_factory=set)
    head: str = ""
    tail: str = ""


def parse_request(user: str) -> ParsedRequest:
    """The report text a prompt carries and what it asks for (LookupError when it holds none)."""
    blocks = _BLOCK.findall(user)
    if blocks:
        m = _WANTED.search(user)
        wanted = {w.strip() for w in m.group(1).split(",")} if m else set(ALL_KINDS)
        return ParsedRequest(blocks=[b[3] for b in blocks], wanted=wanted)
    head, tail = _HEAD.search(user), _TAIL.search(user)
    if head or tail:
        return ParsedRequest(head=head.group(1) if head else "", tail=tail.group(1) if tail else "")
    raise LookupError("the prompt holds no <section_text> or <document_head> block")


def prompt_texts(user: str) -> list[str]:
    """The report text a prompt carries: its section blocks, or the head and tail sent for metadata."""
    try:
        request = parse_request(user)
    except LookupError:
        return []
    return request.blocks if request.blocks is not None else [t for t in (request.head, request.tail) if t]


def answer_for(user: str) -> tuple[dict[str, Any], list[str]]:
    """The rules' answer to one prompt, and the texts it was computed from (for fault markers)."""
    request = parse_request(user)
    if request.blocks is not None:
        blocks = _BLOCK.findall(user)
        merged: dict[str, list[Any]] = {kind: [] for kind in ALL_KINDS}
        for path, role, sector, text in blocks:
            for key, items in _rules_section(text, role or "other", sector or None, request.wanted, path).items():
                merged[key].extend(items)
        return merged, request.blocks
    return _rules_metadata(request.head, request.tail), [request.head, request.tail]


_ANSWERS_KEPT = 4096
_ANSWERS_LOCK = threading.Lock()


def _remembered_answer(config: ServerConfig, user: str) -> tuple[str, list[str]]:
    """`answer_for`, remembered for the last few thousand prompts.

    The rules backend is deterministic, so a prompt asked again (a re-run without the cache, a
    benchmark's second pass) gets the same answer without running the extractors again: the
    server's CPU per request drops to its HTTP and JSON work, which matters when the server
    shares a small machine with the client it serves. The answer is kept as its JSON text;
    faults are applied to a fresh copy. Only a server started with `remember_answers` (the
    `llmx serve` command) remembers, each in its own config: an in-process test server that
    patches the rules between tests always computes.
    """
    if not config.remember_answers:
        answer, texts = answer_for(user)
        return json.dumps(answer, ensure_ascii=False), texts
    kept_answers = config.answers
    with _ANSWERS_LOCK:
        kept = kept_answers.get(user)
        if kept is not None:
            kept_answers.move_to_end(user)
    if kept is None:
        answer, texts = answer_for(user)
        kept = (json.dumps(answer, ensure_ascii=False), texts)
        with _ANSWERS_LOCK:
            kept_answers[user] = kept
            while len(kept_answers) > _ANSWERS_KEPT:
                kept_answers.popitem(last=False)
    return kept


def _throttled(seconds: float) -> Reply:
    headers = {"Retry-After": str(math.ceil(seconds)), "retry-after-ms": str(int(seconds * 1000))}
    return 429, error_payload(429, "rate limit reached; retry later", "rate_limit_exceeded"), headers


def chat_reply(
    config: ServerConfig,
    stopping: threading.Event,
    body: dict[str, Any],
    number: int,
    retry_after: float | None,
    *,
    wait: bool = True,
) -> Reply:
    """The answer to one chat request (status, JSON payload, headers); `wait=False` skips the
    injected latency and timeout sleeps (batch lines are answered offline)."""
    if body.get("model") != config.model and not config.any_model:
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
        if config.answerer is not None:  # e.g. the gold answerer: answers once, as JSON text
            answered, texts = config.answerer(user if isinstance(user, str) else json.dumps(user))
            answer = json.dumps(answered, ensure_ascii=False)
        else:
            answer, texts = _remembered_answer(config, user if isinstance(user, str) else json.dumps(user))
    except LookupError as exc:
        return 400, error_payload(400, str(exc), "invalid_request_error"), {}
    except Exception as exc:  # a rules bug must not hang the client: answer like a provider would
        return 500, error_payload(500, f"rules backend failed: {type(exc).__name__}: {exc}", "server_error"), {}
    if config.latency_ms and wait:  # the latency is the whole service time, the rules' own work included
        stopping.wait(max(0.0, config.latency_ms / 1000 - (time.monotonic() - began)))
    fault = config.faults[number - 1] if number <= len(config.faults) else "ok"
    if fault == "ok":
        marked = texts if _BLOCK.search(user if isinstance(user, str) else "") else []  # sections only
        fault = next((m.group(1) for t in marked if (m := _MARKER.search(t))), "ok")
    if fault == "429":
        return _throttled(config.retry_after)
    if fault == "500":
        return 500, error_payload(500, "injected server error", "server_error"), {}
    if fault == "insufficient_quota":
        return 429, error_payload(429, QUOTA_MESSAGE, "insufficient_quota", "insufficient_quota"), {}
    if fault == "overloaded_400":
        return 400, error_payload(400, OVERLOADED_MESSAGE, "server_error", "overloaded"), {}
    prompt_tokens = completion(body, number, "", "stop", config.model)["usage"]["prompt_tokens"]
    if fault == "context_overflow" or (config.context_tokens and prompt_tokens > config.context_tokens):
        return 400, context_overflow(prompt_tokens, config.context_tokens or prompt_tokens // 2), {}
    if fault == "timeout" and wait:
        stopping.wait(config.timeout_sleep)
    text, finish = _answer_text(body, answer, fault)
    if fault == "no_tool_call":  # what SmolLM2 answers through llama.cpp when tools are ignored
        text = "Tổng thu NSNN là 88,8 tỷ đồng, đạt 8,4% dự toán."
    return 200, completion(body, number, text, finish, config.model, plain=fault == "no_tool_call"), {}


def context_overflow(prompt_tokens: int, context: int) -> dict[str, Any]:
    """llama.cpp's answer to a prompt over its context: a 400 with a typed body."""
    message = (
        f"request ({prompt_tokens} tokens) exceeds the available context size ({context} tokens), try increasing it"
    )
    error = {"code": 400, "message": message, "type": "exceed_context_size_error"}
    return {"error": {**error, "n_prompt_tokens": prompt_tokens, "n_ctx": context}}


def _answer_text(body: dict[str, Any], answer_json: str, fault: str) -> tuple[str, str]:
    """The answer's JSON text and finish reason, with the fault applied to it."""
    text = answer_json
    if fault == "schema_invalid":
        answer = json.loads(answer_json)
        if "indicators" in answer:
            answer["indicators"].append({"quote": FABRICATED_QUOTE, "name": "fabricated", "value": 1})
        else:
            answer["title"] = FABRICATED_QUOTE
        text = json.dumps(answer, ensure_ascii=False)
    finish = "stop"
    limit = body.get("max_completion_tokens") or body.get("max_tokens")
    if fault == "truncate" or (limit and count_tokens(text) > limit):
        text, finish = text[: max(1, len(text) // 2)], "length"
    elif fault == "invalid_json":
        text = text[: max(1, len(text) // 2)]
    return text, finish
