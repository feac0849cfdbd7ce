"""Settings, resolved once (flag > environment > default) and passed down explicitly.

This is the only module that reads the environment. The API key is held as a `SecretStr` so it
never shows up in reprs, logs, outputs or error messages.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from llmx.errors import ConfigError

if TYPE_CHECKING:  # pydantic is imported when a key is given: `llmx --help` does without it
    from pydantic import SecretStr

Mode = Literal["tools", "json_schema", "json", "md_json"]
BackendChoice = Literal["auto", "rules", "llm"]
MODES: tuple[str, ...] = ("tools", "json_schema", "json", "md_json")

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PROMPT = "section@v1"


@dataclass(frozen=True)
class Settings:
    backend: BackendChoice = "auto"
    model: str | None = None
    base_url: str | None = None
    api_key: SecretStr | None = field(default=None, repr=False)
    mode: Mode = "tools"
    prompt: str = DEFAULT_PROMPT
    prompts_dir: Path = REPO_ROOT / "prompts"
    max_validation_retries: int = 3
    max_transport_retries: int = 5
    retry_backoff: float = 0.5  # first transport backoff, seconds (jittered, exponential)
    timeout: float = 120.0
    max_section_tokens: int = 3000
    temperature: float = 0.0
    max_file_mb: float = 100.0  # a report file over this is refused (size guard)

    @property
    def effective_backend(self) -> Literal["rules", "llm"]:
        """`auto` means: an LLM when a model is configured, else the offline rules backend."""
        if self.backend == "auto":
            return "llm" if self.model else "rules"
        return self.backend

    def with_overrides(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def resolve(
    *,
    backend: str | None = None,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    mode: str | None = None,
    prompt: str | None = None,
    max_validation_retries: int | None = None,
    timeout: float | None = None,
    max_file_mb: float | None = None,
    env: Mapping[str, str] | None = None,
) -> Settings:
    """Build Settings from CLI flags, then `LLMX_*`/`OPENAI_*` environment variables, then defaults."""
    env = os.environ if env is None else env

    def pick(flag: str | None, *names: str) -> str | None:
        if flag not in (None, ""):
            return flag
        for name in names:
            if env.get(name):
                return env[name]
        return None

    chosen_backend = pick(backend, "LLMX_BACKEND") or "auto"
    if chosen_backend not in ("auto", "rules", "llm"):
        raise ConfigError(f"unknown backend {chosen_backend!r}; use rules, llm or auto")
    chosen_mode = pick(mode, "LLMX_MODE") or "tools"
    if chosen_mode not in MODES:
        raise ConfigError(f"unknown instructor mode {chosen_mode!r}; use one of {', '.join(MODES)}")
    key = pick(api_key, "LLMX_API_KEY", "OPENAI_API_KEY")
    if key:
        from pydantic import SecretStr

    retries = max_validation_retries if max_validation_retries is not None else int(env.get("LLMX_MAX_RETRIES", 3))
    if retries < 1:
        raise ConfigError("max validation retries must be at least 1")
    prompts_dir = Path(env["LLMX_PROMPTS_DIR"]) if env.get("LLMX_PROMPTS_DIR") else REPO_ROOT / "prompts"
    if max_file_mb is None and env.get("LLMX_MAX_FILE_MB"):
        try:
            max_file_mb = float(env["LLMX_MAX_FILE_MB"])
        except ValueError:
            raise ConfigError(f"LLMX_MAX_FILE_MB={env['LLMX_MAX_FILE_MB']!r} is not a number") from None
    if max_file_mb is not None and not max_file_mb > 0:
        raise ConfigError("the file size limit (--max-file-mb / LLMX_MAX_FILE_MB) must be above 0")
    return Settings(
        backend=chosen_backend,  # type: ignore[arg-type]
        model=pick(model, "LLMX_MODEL"),
        base_url=pick(base_url, "LLMX_BASE_URL", "OPENAI_BASE_URL"),
        api_key=SecretStr(key) if key else None,
        mode=chosen_mode,  # type: ignore[arg-type]
        prompt=pick(prompt, "LLMX_PROMPT") or DEFAULT_PROMPT,
        prompts_dir=prompts_dir,
        max_validation_retries=retries,
        timeout=timeout if timeout is not None else float(env.get("LLMX_TIMEOUT", 120)),
        max_file_mb=max_file_mb if max_file_mb is not None else Settings.max_file_mb,
    )


@dataclass(frozen=True)
class RunDefaults:
    """Bulk-run settings from the environment; the CLI lets flags override them."""

    concurrency: int = 8
    rpm: float = 0.0
    tpm: float = 0.0
    cache: Path | None = None
    price: str | None = None
    processes: int | None = None  # None: one per CPU (llmx/run/scheduler.py)
    report_timeout: float = 300.0  # seconds of one report's CPU work; 0: no limit
    report_memory: float = 2048.0  # MB one report's work may add to its worker; 0: no limit


def default_cache_path(env: Mapping[str, str]) -> Path:
    """Where answers are cached unless --cache says otherwise: one cache per user, shared by runs."""
    if env.get("LLMX_CACHE"):
        return Path(env["LLMX_CACHE"])
    base = Path(env["XDG_CACHE_HOME"]) if env.get("XDG_CACHE_HOME") else Path.home() / ".cache"
    return base / "llmx" / "answers.sqlite"


def run_defaults(env: Mapping[str, str] | None = None) -> RunDefaults:
    """LLMX_CONCURRENCY, LLMX_RPM, LLMX_TPM, LLMX_CACHE, LLMX_PRICE, LLMX_PROCESSES,
    LLMX_REPORT_TIMEOUT, LLMX_REPORT_MEMORY (bad numbers are a ConfigError)."""
    env = os.environ if env is None else env

    def number(name: str, default: float) -> float:
        try:
            return float(env[name]) if env.get(name) else default
        except ValueError:
            raise ConfigError(f"{name}={env[name]!r} is not a number") from None

    return RunDefaults(
        concurrency=int(number("LLMX_CONCURRENCY", 8)),
        rpm=number("LLMX_RPM", 0.0),
        tpm=number("LLMX_TPM", 0.0),
        cache=default_cache_path(env),
        price=env.get("LLMX_PRICE") or None,
        processes=int(number("LLMX_PROCESSES", 0)) or None,
        report_timeout=number("LLMX_REPORT_TIMEOUT", RunDefaults.report_timeout),
        report_memory=number("LLMX_REPORT_MEMORY", RunDefaults.report_memory),
    )


@dataclass(frozen=True)
class TokenizerEnvironment:
    heuristic_only: bool  # LLMX_TOKENIZER=heuristic: reproducible counts on every machine
    tiktoken_cache: Path  # where tiktoken keeps downloaded encodings (never downloaded here)


def tokenizer_environment(env: Mapping[str, str] | None = None) -> TokenizerEnvironment:
    """LLMX_TOKENIZER and tiktoken's cache folder (TIKTOKEN_CACHE_DIR, DATA_GYM_CACHE_DIR, TMPDIR)."""
    env = os.environ if env is None else env
    base = env.get("TIKTOKEN_CACHE_DIR") or env.get("DATA_GYM_CACHE_DIR")
    cache = Path(base) if base else Path(env.get("TMPDIR", "/tmp")) / "data-gym-cache"
    return TokenizerEnvironment(env.get("LLMX_TOKENIZER", "").lower() == "heuristic", cache)


def debug_enabled(env: Mapping[str, str] | None = None) -> bool:
    """LLMX_DEBUG: show tracebacks of internal errors instead of one line."""
    return bool((os.environ if env is None else env).get("LLMX_DEBUG"))
