"""Settings, resolved once (flag > environment > default) and passed down explicitly.

This is the only module that reads the environment. The API key is held as a `SecretStr` so it
never shows up in reprs, logs, outputs or error messages.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeGuard, TypeVar, get_args
from urllib.parse import urlsplit

from llmx import resources
from llmx.errors import ConfigError

if TYPE_CHECKING:  # pydantic is imported when a key is given: `llmx --help` does without it
    from pydantic import SecretStr

Mode = Literal["tools", "json_schema", "json", "md_json"]
BackendChoice = Literal["auto", "rules", "llm"]
VerifyChoice = Literal["rules"]
MODES: tuple[Mode, ...] = get_args(Mode)
BACKENDS: tuple[BackendChoice, ...] = get_args(BackendChoice)
_Choice = TypeVar("_Choice", bound=str)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PROMPT = "section@v2"
# the endpoint when no base URL is set, given to the SDK explicitly (it would read OPENAI_BASE_URL itself)
OPENAI_API_URL = "https://api.openai.com/v1"


@dataclass(frozen=True)
class Settings:
    backend: BackendChoice = "auto"
    model: str | None = None
    base_url: str | None = field(default=None, repr=False)  # may hold user:password@
    api_key: SecretStr | None = field(default=None, repr=False)
    mode: Mode = "tools"
    prompt: str = DEFAULT_PROMPT
    prompts_dir: Path = field(default_factory=resources.prompts_dir)
    max_validation_retries: int = 3
    max_transport_retries: int = 5
    retry_backoff: float = 0.5  # first transport backoff, seconds (jittered, exponential)
    timeout: float = 120.0
    max_section_tokens: int = 3000
    max_split_depth: int = 2  # a cut answer halves its text this deep at most: <= 7 requests (LLMX_MAX_SPLIT_DEPTH)
    temperature: float = 0.0
    verify: VerifyChoice | None = None  # cross-check the LLM's items against the rules (llmx/verify.py)
    max_file_mb: float = 100.0  # a report file over this is refused (size guard)
    max_answer_tokens: int = 16384  # the most max_tokens a request sends (llmx/llm/budget.py); 0: none
    token_scale: float = 1.0  # the served model's tokens per llmx-counted token (endpoint probe)
    context_tokens: int | None = None  # the served model's context, when the endpoint says it
    request_log: Path | None = None  # JSONL of every request and answer (--log / LLMX_LOG)

    @property
    def effective_backend(self) -> Literal["rules", "llm"]:
        """`auto` means: an LLM when a model is configured, else the offline rules backend."""
        if self.backend == "auto":
            return "llm" if self.model else "rules"
        return self.backend

    @property
    def endpoint(self) -> str:
        """The endpoint as banners and errors show it: never with the URL's `user:password@`."""
        return redact_url(self.base_url) if self.base_url else "the OpenAI API"


def _one_of(value: str, choices: tuple[_Choice, ...]) -> TypeGuard[_Choice]:
    """Whether `value` is one of the literal `choices` (a checked string is then typed as that literal)."""
    return value in choices


def resolve(
    *,
    backend: str | None = None,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    mode: str | None = None,
    prompt: str | None = None,
    prompts_dir: Path | str | None = None,
    max_validation_retries: int | None = None,
    timeout: float | None = None,
    verify: str | None = None,
    max_file_mb: float | None = None,
    max_answer_tokens: int | None = None,
    request_log: Path | str | None = None,
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
    if not _one_of(chosen_backend, BACKENDS):
        raise ConfigError(f"unknown backend {chosen_backend!r}; use rules, llm or auto")
    chosen_mode = pick(mode, "LLMX_MODE") or "tools"
    if not _one_of(chosen_mode, MODES):
        raise ConfigError(f"unknown instructor mode {chosen_mode!r}; use one of {', '.join(MODES)}")
    key = pick(api_key, "LLMX_API_KEY", "OPENAI_API_KEY")
    if key:
        from pydantic import SecretStr

    retries = (
        max_validation_retries
        if max_validation_retries is not None
        else int(env_number(env, "LLMX_MAX_RETRIES", 3, whole=True))
    )
    if retries < 1:
        raise ConfigError("max validation retries must be at least 1")
    chosen_timeout = timeout if timeout is not None else env_number(env, "LLMX_TIMEOUT", 120.0)
    if not chosen_timeout > 0:
        raise ConfigError(
            f"the request timeout (LLMX_TIMEOUT) must be a positive number of seconds, not {chosen_timeout:g}"
        )
    url = pick(base_url, "LLMX_BASE_URL", "OPENAI_BASE_URL")
    check_base_url(url)
    if max_file_mb is None and env.get("LLMX_MAX_FILE_MB"):
        max_file_mb = env_number(env, "LLMX_MAX_FILE_MB", Settings.max_file_mb)
    if max_file_mb is not None and not max_file_mb > 0:
        raise ConfigError("the file size limit (--max-file-mb / LLMX_MAX_FILE_MB) must be above 0")
    if max_answer_tokens is None:
        max_answer_tokens = int(env_number(env, "LLMX_MAX_ANSWER_TOKENS", Settings.max_answer_tokens, whole=True))
    if max_answer_tokens < 0:
        raise ConfigError("the answer limit (--max-answer-tokens / LLMX_MAX_ANSWER_TOKENS) must be 0 (none) or more")
    split_depth = int(env_number(env, "LLMX_MAX_SPLIT_DEPTH", Settings.max_split_depth, whole=True))
    if split_depth < 0:
        raise ConfigError("LLMX_MAX_SPLIT_DEPTH (halvings of a text whose answer is cut) must be 0 (none) or more")
    log = pick(str(request_log) if request_log else None, "LLMX_LOG")
    folder = pick(str(prompts_dir) if prompts_dir else None, "LLMX_PROMPTS", "LLMX_PROMPTS_DIR")
    if folder and not Path(folder).is_dir():
        raise ConfigError(f"prompts folder {folder} does not exist")
    chosen_verify = pick(verify, "LLMX_VERIFY")
    if chosen_verify not in (None, "rules", "none"):
        raise ConfigError(f"--verify {chosen_verify!r}: the only cross-check is `rules` (or `none`)")
    settings = Settings(
        backend=chosen_backend,
        model=pick(model, "LLMX_MODEL"),
        base_url=url,
        api_key=SecretStr(key) if key else None,
        mode=chosen_mode,
        prompt=pick(prompt, "LLMX_PROMPT") or DEFAULT_PROMPT,
        prompts_dir=Path(folder) if folder else resources.prompts_dir(),
        max_validation_retries=retries,
        timeout=chosen_timeout,
        verify="rules" if chosen_verify == "rules" else None,
        max_file_mb=max_file_mb if max_file_mb is not None else Settings.max_file_mb,
        max_answer_tokens=max_answer_tokens,
        max_split_depth=split_depth,
        request_log=Path(log) if log else None,
    )
    if settings.verify and settings.effective_backend != "llm":
        raise ConfigError("--verify rules cross-checks the LLM backend against the rules; choose a model (--model)")
    return settings


def env_number(env: Mapping[str, str], name: str, default: float, *, whole: bool = False) -> float:
    """A number from the environment, or `default`; anything else is a one-line ConfigError."""
    raw = env.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")) or (whole and not value.is_integer()):
        raise ConfigError(f"{name}={raw!r} is not a {'whole ' if whole else ''}number")
    return value


def redact_url(url: str) -> str:
    """`url` without its `user:password@` part: what banners, errors, run.json and cassettes show.

    Everything up to the last `@` after the scheme goes, so a password holding `@` or `/` does
    not leak either (a path with `@` in it is shortened too; it is only ever displayed).
    """
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    if "@" not in rest:
        return url
    return f"{scheme}{sep}{rest[rest.rindex('@') + 1 :]}"


def url_secrets(url: str | None) -> tuple[str, ...]:
    """The credentials written into `url` (`user:password`, and the password alone), to redact."""
    if not url or redact_url(url) == url:
        return ()
    rest = url.partition("://")[2] or url
    userinfo = rest[: rest.rindex("@")]
    password = userinfo.partition(":")[2]
    return tuple(s for s in (userinfo, password) if len(s) >= 4)


def check_settings(settings: Settings) -> None:
    """Fail early, in one line, when the LLM backend cannot possibly run."""
    if not settings.model:
        raise ConfigError("the LLM backend needs a model: set --model or LLMX_MODEL")
    check_base_url(settings.base_url)
    if settings.api_key is None and not settings.base_url:
        raise ConfigError(
            "the LLM backend needs an API key or an endpoint: set OPENAI_API_KEY (or --api-key) for a hosted "
            "model, or --base-url/OPENAI_BASE_URL for a local OpenAI-compatible server (no key needed)"
        )


def check_base_url(url: str | None) -> None:
    """A base URL must be http(s)://host[:port][/path]; anything else is refused before any request."""
    if url is None:
        return
    shown = redact_url(url)
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # e.g. an unclosed IPv6 bracket
        raise ConfigError(f"--base-url {shown!r} is not an endpoint URL: {exc}") from None
    problem = None
    if parts.scheme not in ("http", "https"):
        problem = "it must start with http:// or https://"
    elif not parts.hostname or any(c.isspace() for c in url):
        problem = "it has no valid host name"
    else:
        try:
            parts.port  # noqa: B018 (raises ValueError on a bad port)
        except ValueError:
            problem = "its port is not a number from 0 to 65535"
    if problem:
        raise ConfigError(f"--base-url {shown!r} is not an endpoint URL: {problem} (e.g. http://127.0.0.1:8000/v1)")


def v1_hint(url: str | None) -> str:
    """A hint for a 404 from a base URL without /v1 (OpenAI-compatible servers serve under it)."""
    if not url:
        return ""
    parts = urlsplit(redact_url(url))
    if parts.path.rstrip("/").endswith("/v1") or "/v1/" in parts.path:
        return ""
    suggested = f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}/v1"
    return f"; the base URL has no /v1, where OpenAI-compatible servers answer: try --base-url {suggested}"


@dataclass(frozen=True)
class RunDefaults:
    """Bulk-run settings from the environment; the CLI lets flags override them."""

    concurrency: int = 8
    rpm: float = 0.0
    tpm: float = 0.0
    cache: Path | None = None
    price: str | None = None
    throttle_budget: float = 120.0  # seconds of nothing but 429s before `llmx run` stops
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
    """LLMX_CONCURRENCY, LLMX_RPM, LLMX_TPM, LLMX_CACHE, LLMX_PRICE, LLMX_THROTTLE_BUDGET,
    LLMX_PROCESSES, LLMX_REPORT_TIMEOUT, LLMX_REPORT_MEMORY (bad numbers are a ConfigError)."""
    env = os.environ if env is None else env

    def number(name: str, default: float) -> float:
        return env_number(env, name, default)

    return RunDefaults(
        concurrency=int(number("LLMX_CONCURRENCY", 8)),
        rpm=number("LLMX_RPM", 0.0),
        tpm=number("LLMX_TPM", 0.0),
        cache=default_cache_path(env),
        price=env.get("LLMX_PRICE") or None,
        throttle_budget=number("LLMX_THROTTLE_BUDGET", RunDefaults.throttle_budget),
        processes=int(number("LLMX_PROCESSES", 0)) or None,
        report_timeout=number("LLMX_REPORT_TIMEOUT", RunDefaults.report_timeout),
        report_memory=number("LLMX_REPORT_MEMORY", RunDefaults.report_memory),
    )


def llamacpp_api_key(flag: str | None = None, env: Mapping[str, str] | None = None) -> str | None:
    """The key llmx's llama.cpp server requires (`Authorization: Bearer KEY`): `llmx serve --gguf
    --api-key`, then LLMX_LLAMACPP_API_KEY, then none. The variable is also how a launcher hands the
    key to `python -m llmx.serve.llamacpp` (never on its command line, which `ps` shows)."""
    if flag not in (None, ""):
        return flag
    return (os.environ if env is None else env).get("LLMX_LLAMACPP_API_KEY") or None


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
