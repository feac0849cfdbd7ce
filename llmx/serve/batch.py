"""The loopback server's Batch API: `/v1/files` and `/v1/batches`, in OpenAI's shapes.

Enough of the API for `llmx run --batch` to be exercised end to end without a provider: a JSONL
file is uploaded (multipart, purpose=batch), a batch is created on it, processed on a
background thread after `ServerConfig.batch_delay` seconds (each line answered exactly like a
`/v1/chat/completions` request, fault markers included, with no latency), and its output and
error files are downloaded. `ServerConfig.batch_expire_after` makes batches expire part-way, as
OpenAI's do after 24 h: the unfinished lines go to the error file with code `batch_expired`.
Each line is recorded in the server's request log with a `_batch` key.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

from llmx.serve.chat import ServerConfig, chat_reply
from llmx.serve.wire import Reply, error_payload, parse_multipart

Admit = Callable[..., tuple[int, float | None]]  # the server's request log: (body, limited=) -> (number, retry_after)

TERMINAL = ("completed", "failed", "expired", "cancelled")


def _error(status: int, message: str) -> Reply:
    return status, error_payload(status, message), {}


def _custom_id(line: str) -> str | None:
    try:
        request = json.loads(line)
    except ValueError:
        return None
    return request.get("custom_id") if isinstance(request, dict) else None


class BatchApi:
    def __init__(self, config: ServerConfig, stopping: threading.Event, admit: Admit) -> None:
        self.config, self.stopping, self.admit = config, stopping, admit
        self.files: dict[str, dict[str, Any]] = {}
        self.contents: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.lock = threading.Lock()

    # -- routes -----------------------------------------------------------------------------------
    def post(self, route: str, raw: bytes, content_type: str) -> Reply:
        if route == "/v1/files":
            return self._upload(raw, content_type)
        if route == "/v1/batches":
            try:
                body = json.loads(raw)
            except ValueError:
                return _error(400, "the request body is not JSON")
            return self._create(body)
        batch_id = route.split("/")[3]
        with self.lock:
            batch = self.batches.get(batch_id)
            if batch is None:
                return _error(404, f"no batch {batch_id}")
            if batch["status"] not in TERMINAL:
                batch["status"] = "cancelled"
                batch["cancelled_at"] = int(time.time())
            return 200, dict(batch), {}

    def get(self, route: str) -> tuple[int, dict[str, Any], bytes | None]:
        parts = route.split("/")  # ["", "v1", "files"|"batches", id, ("content")]
        with self.lock:
            if parts[2] == "batches":
                batch = self.batches.get(parts[3])
                return (200, dict(batch), None) if batch else (404, _error(404, f"no batch {parts[3]}")[1], None)
            meta = self.files.get(parts[3])
            if meta is None:
                return 404, _error(404, f"no file {parts[3]}")[1], None
            if len(parts) > 4 and parts[4] == "content":
                return 200, {}, self.contents[parts[3]]
            return 200, dict(meta), None

    # -- files and batches ------------------------------------------------------------------------
    def _store(self, data: bytes, filename: str, purpose: str) -> dict[str, Any]:
        file_id = f"file-llmx{uuid.uuid4().hex[:20]}"
        meta = {
            "id": file_id,
            "object": "file",
            "bytes": len(data),
            "created_at": int(time.time()),
            "filename": filename,
            "purpose": purpose,
            "status": "processed",
        }
        with self.lock:
            self.files[file_id] = meta
            self.contents[file_id] = data
        return meta

    def _upload(self, raw: bytes, content_type: str) -> Reply:
        if not content_type.startswith("multipart/form-data"):
            return _error(400, "upload files as multipart/form-data")
        fields = parse_multipart(raw, content_type)
        if "file" not in fields:
            return _error(400, "missing the 'file' field")
        purpose = fields.get("purpose", (None, b""))[1].decode() or "batch"
        filename, data = fields["file"]
        return 200, self._store(data, filename or "upload.jsonl", purpose), {}

    def _create(self, body: dict[str, Any]) -> Reply:
        file_id = body.get("input_file_id")
        if file_id not in self.files:
            return _error(400, f"no file {file_id!r}")
        if body.get("endpoint") != "/v1/chat/completions":
            return _error(400, "this server batches /v1/chat/completions only")
        lines = [line for line in self.contents[file_id].decode("utf-8").splitlines() if line.strip()]
        batch_id = f"batch_llmx{uuid.uuid4().hex[:20]}"
        batch = {
            "id": batch_id,
            "object": "batch",
            "endpoint": "/v1/chat/completions",
            "errors": None,
            "input_file_id": file_id,
            "completion_window": body.get("completion_window", "24h"),
            "status": "validating",
            "output_file_id": None,
            "error_file_id": None,
            "created_at": int(time.time()),
            "in_progress_at": None,
            "completed_at": None,
            "failed_at": None,
            "expired_at": None,
            "cancelled_at": None,
            "request_counts": {"total": len(lines), "completed": 0, "failed": 0},
            "metadata": body.get("metadata"),
        }
        with self.lock:
            self.batches[batch_id] = batch
        threading.Thread(target=self._process, args=(batch_id, lines), daemon=True).start()
        return 200, dict(batch), {}

    def _process(self, batch_id: str, lines: list[str]) -> None:
        if self.stopping.wait(self.config.batch_delay):
            return
        with self.lock:
            batch = self.batches[batch_id]
            if batch["status"] == "cancelled":
                return
            batch["status"], batch["in_progress_at"] = "in_progress", int(time.time())
        out: list[dict[str, Any]] = []
        errors: list[dict[str, Any]] = []
        expire_after = self.config.batch_expire_after
        for k, line in enumerate(lines):
            if expire_after is not None and k >= expire_after:  # OpenAI's shape for an unfinished line
                custom_id = _custom_id(line)
                errors.append(
                    {
                        "id": f"batch_req_{k}",
                        "custom_id": custom_id,
                        "response": None,
                        "error": {
                            "code": "batch_expired",
                            "message": "This request could not be executed before the completion window expired.",
                        },
                    }
                )
                continue
            try:
                request = json.loads(line)
                custom_id, body = request["custom_id"], request["body"]
            except (ValueError, KeyError, TypeError):
                errors.append(
                    {
                        "id": f"batch_req_{k}",
                        "custom_id": None,
                        "response": None,
                        "error": {"code": "invalid_line", "message": f"line {k + 1} is not a batch request"},
                    }
                )
                continue
            number, _ = self.admit({"_batch": batch_id, **body}, limited=False)
            status, payload, _headers = chat_reply(self.config, self.stopping, body, number, None, wait=False)
            record = {
                "id": f"batch_req_{uuid.uuid4().hex[:12]}",
                "custom_id": custom_id,
                "response": {"status_code": status, "request_id": f"req_{number}", "body": payload},
                "error": None,
            }
            (out if status == 200 else errors).append(record)
        output = self._store(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out).encode(),
            f"{batch_id}_output.jsonl",
            "batch_output",
        )
        error_file = (
            self._store(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in errors).encode(),
                f"{batch_id}_error.jsonl",
                "batch_output",
            )
            if errors
            else None
        )
        with self.lock:
            batch = self.batches[batch_id]
            if batch["status"] == "cancelled":
                return
            expired = expire_after is not None and expire_after < len(lines)
            batch.update(
                status="expired" if expired else "completed",
                output_file_id=output["id"],
                **{"expired_at" if expired else "completed_at": int(time.time())},
                error_file_id=error_file["id"] if error_file else None,
                request_counts={"total": len(lines), "completed": len(out), "failed": len(errors)},
            )
