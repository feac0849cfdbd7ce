"""OpenAI's wire shapes, as the loopback server writes and reads them: error bodies, chat
completions in each instructor mode's shape (tool call, JSON content, fenced JSON), multipart
uploads. No behaviour of its own: chat.py decides what to answer, http.py serves it.
"""

from __future__ import annotations

import json
import time
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

from llmx.llm.tokens import count_tokens

Reply = tuple[int, dict[str, Any], dict[str, str]]  # status, JSON payload, headers


def error_payload(
    status: int, message: str, kind: str = "invalid_request_error", code: str | int | None = None
) -> dict[str, Any]:
    """An error body in OpenAI's shape (every endpoint of the server); `code` defaults to the status."""
    return {"error": {"message": message, "type": kind, "param": None, "code": status if code is None else code}}


def parse_multipart(raw: bytes, content_type: str) -> dict[str, tuple[str | None, bytes]]:
    """Form fields of a multipart/form-data body: name -> (filename, bytes)."""
    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + raw)
    fields: dict[str, tuple[str | None, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name:
            payload = part.get_payload(decode=True)
            fields[str(name)] = (part.get_filename(), payload if isinstance(payload, bytes) else b"")
    return fields


def completion(
    body: dict[str, Any], number: int, text: str, finish: str, model: str, *, plain: bool = False
) -> dict[str, Any]:
    """A chat.completion carrying `text` in the shape the request asked for (tool call, JSON or
    fenced JSON; `plain`: the text as content, whatever was asked), with usage counted by llmx's
    own token budgeter."""
    message: dict[str, Any] = {"role": "assistant", "content": None}
    tools = body.get("tools")
    if plain:
        message["content"] = text
    elif tools:
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
