"""Cassettes: recorded model answers that CI replays with no network and no key.

Requests match on method, path and body: the body holds the rendered prompt and the response
schema, so editing either (or the report text) makes replay fail loudly with `CassetteMismatch`
("re-record") instead of replaying a stale answer (paper-qa #497: the default matchers ignore
the body). Nothing secret is written: Authorization and other key headers are dropped, key-like
query parameters filtered, the key itself replaced wherever it appears, credentials in the URL
(`user:password@`) dropped, and response cookies and account headers removed. Each cassette is
stamped with the prompt hashes, model and llmx version it was recorded with, and lives at
`DIR/<model>/<prompt>/<report-stem>.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import vcr
import yaml
from vcr.errors import CannotOverwriteExistingCassetteException

from llmx import __version__
from llmx.config import REPO_ROOT, Settings, redact_url
from llmx.errors import CassetteMismatch, ConfigError
from llmx.llm import prompts
from llmx.llm.client import ModelClient
from llmx.llm.plan import metadata_prompt_ref

EVAL_CASSETTES = REPO_ROOT / "eval" / "cassettes"
RECORD_MODES = ("none", "new_episodes", "all")
SECRET_HEADERS = (
    "authorization",
    "api-key",
    "x-api-key",
    "proxy-authorization",
    "cookie",
    "openai-organization",
    "openai-project",
)
SECRET_QUERY = ("api-key", "api_key", "key", "access_token", "token", "code")
_RESPONSE_DROP = {"set-cookie", "openai-organization", "openai-project", "x-request-id", "cf-ray"}


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._@-]+", "_", name).strip("_") or "model"


def cassette_path(directory: Path, model: str, prompt_ref: str, report: str | Path) -> Path:
    """Where the cassette of one report lives: `DIR/<model>/<prompt>/<stem>.yaml`."""
    return Path(directory) / _safe(model) / _safe(prompt_ref) / f"{Path(report).stem}.yaml"


def stamp(settings: Settings) -> dict[str, Any]:
    """What a cassette was recorded with; compared on a mismatch to say what changed."""
    section = prompts.load(settings.prompt, settings.prompts_dir)
    refs = [settings.prompt, metadata_prompt_ref(section, settings.prompts_dir)]
    return {
        "llmx_version": __version__,
        "model": settings.model,
        "mode": settings.mode,
        "max_answer_tokens": settings.max_answer_tokens,
        "prompts": {ref: prompts.load(ref, settings.prompts_dir).hash for ref in refs},
    }


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers") or {}
    response["headers"] = {k: v for k, v in headers.items() if k.lower() not in _RESPONSE_DROP}
    return response


def _scrub_request(request: Any) -> Any:
    """A recorded request's URI without `user:password@` (a base URL may carry credentials)."""
    request.uri = redact_url(request.uri)
    return request


# A key shorter than this is not searched for in bodies: local servers take any key, and a
# placeholder such as `none` or `local` is a word of the prompt, which the scrub would corrupt (the
# recorded body would then never match a replay). Headers carrying a key are dropped whatever its length.
SCRUB_MIN_CHARS = 8


def recorder(record_mode: str = "none", *, secret: str | None = None) -> vcr.VCR:
    """A vcrpy configuration for model calls (see the module docstring)."""
    scrub = secret if secret and len(secret) >= SCRUB_MIN_CHARS else None
    if record_mode not in RECORD_MODES:
        raise ConfigError(f"record mode {record_mode!r}: use one of {', '.join(RECORD_MODES)}")
    return vcr.VCR(
        record_mode=record_mode,
        match_on=("method", "path", "body"),
        filter_headers=[(h, None) for h in SECRET_HEADERS],
        filter_query_parameters=[(q, None) for q in SECRET_QUERY],
        filter_sensitive_data={"<API_KEY>": scrub} if scrub else (),
        before_record_request=_scrub_request,
        before_record_response=_scrub_response,
        decode_compressed_response=True,
        record_on_exception=False,
    )


def _recorded_stamp(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return {}
    return (data.get("metadata") or {}).get("llmx") or {}


def _explain(path: Path, now: dict[str, Any] | None) -> str:
    """Why a replay found no answer, from the stamp recorded in the cassette and the current one."""
    recorded = _recorded_stamp(path)
    then = recorded.get("prompts", {})
    options = [
        f"{name} {recorded[name]} when recorded, {(now or {}).get(name)} now"
        for name in ("mode", "max_answer_tokens")
        if name in recorded and recorded[name] != (now or {}).get(name)
    ]
    if options:
        return f"the request options differ ({'; '.join(options)})"
    changed = [
        f"{ref} {then.get(ref, '?')} -> {digest}"
        for ref, digest in (now or {}).get("prompts", {}).items()
        if then.get(ref) != digest
    ]
    if changed:
        return f"the prompt or its response schema changed since recording ({', '.join(changed)})"
    return "the prompt is unchanged, so the report text, its sections or the request options changed"


@contextmanager
def use_cassette(
    path: Path,
    *,
    record_mode: str = "none",
    secret: str | None = None,
    stamp: dict[str, Any] | None = None,
    rerecord_hint: str = "llmx record REPORT --model MODEL --base-url URL --cassettes DIR",
) -> Iterator[Any]:
    """Replay (default) or record `path`; a request with no recording raises CassetteMismatch."""
    path = Path(path)
    if record_mode == "none" and not path.is_file():
        raise CassetteMismatch(f"no cassette at {path}; record it with: {rerecord_hint}")
    if record_mode != "none":
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with recorder(record_mode, secret=secret).use_cassette(str(path)) as cassette:
            if record_mode != "none" and stamp:
                cassette.get_metadata("llmx", stamp)
            yield cassette
    except CassetteMismatch as exc:
        raise CassetteMismatch(f"{path}: {exc}: {_explain(path, stamp)}; re-record with: {rerecord_hint}") from None


def cassette_miss(exc: BaseException) -> BaseException | None:
    """vcrpy's "no recorded answer" error inside an SDK connection error, if that is what it is.

    A replaying client gets this as its `unrecorded` hook: a miss is then a CassetteMismatch
    ("re-record"), never a transport fault to retry.
    """
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, CannotOverwriteExistingCassetteException):
            found: BaseException = seen
            return found
        seen = seen.__cause__ or seen.__context__
    return None


def replay_client(settings: Settings) -> ModelClient:
    """A client for replaying cassettes: no key needed, and a missing answer is said as such."""
    return ModelClient(settings, replay=True, unrecorded=cassette_miss)
