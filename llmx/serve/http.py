"""The loopback server's HTTP side: `POST /v1/chat/completions`, `GET /v1/models`, the Batch API
routes (batch.py), API-key checks and the per-minute rate limit, on 127.0.0.1 only.

It lets the LLM path run end to end with no model API: recording cassettes, demos, and tests of
every fault the client must survive. What each chat request is answered with (the rules
backend's findings, or an injected fault) is decided in chat.py; the model it serves is named
truthfully: `llmx-rules-server`.
"""

from __future__ import annotations

import hmac
import json
import math
import sys
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from llmx.serve.batch import BatchApi
from llmx.serve.chat import ServerConfig, chat_reply
from llmx.serve.wire import Reply, error_payload


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
        self.arrivals: list[float] = []  # monotonic arrival time of each chat request
        self._thread: threading.Thread | None = None
        self.batch_api = BatchApi(self.config, self.stopping, self.admit)
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
        return chat_reply(self.config, self.stopping, body, number, retry_after)

    def admit(self, body: dict[str, Any], *, limited: bool = True) -> tuple[int, float | None]:
        """Record the request; its number (from 1) and, if over the rate limit, the Retry-After.

        Batch lines pass `limited=False`: like a provider's, batches do not use the rate limit.
        """
        with self.lock:
            self.requests.append(body)
            number = len(self.requests)
            if limited:  # chat requests: when each arrived (GET /llmx/stats)
                self.arrivals.append(time.monotonic())
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
        if urlsplit(self.path).path == "/llmx/stats":  # for benchmarks: chat requests after the first `since`
            since = int(parse_qs(urlsplit(self.path).query).get("since", ["0"])[0])
            with self.server.lock:
                times = self.server.arrivals[since:]
            span = times[-1] - times[0] if times else 0.0
            return self._send(200, {"chat_requests": since + len(times), "span_seconds": span})
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
