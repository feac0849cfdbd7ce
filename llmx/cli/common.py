"""What every command shares: the app, settings options, one-line errors and their exit codes.

Results go to stdout or files; progress and diagnostics go to stderr. Every `LlmxError` becomes
one line on stderr and its exit code; nothing prints a traceback unless LLMX_DEBUG is set.
`-q` keeps stderr to errors only; `-v` adds per-request lines. Every option that an environment
variable can set says which in its help (`[env NAME]`).

Start-up matters here (every command pays it): the CLI modules import the library inside the
commands, help is click's plain text (rendering it with rich cost 3x an interpreter start), and
they do not use `from __future__ import annotations`, since typer reads every option's annotation
on each start and evaluating them from strings was a third of `llmx --help`.
"""

import functools
import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer

from llmx import __version__
from llmx.config import DEFAULT_PROMPT, Settings, debug_enabled, resolve
from llmx.errors import LlmxError

if TYPE_CHECKING:
    from llmx.run.progress import Progress

app = typer.Typer(
    name="llmx",
    help="Structured, source-grounded data from Vietnamese government periodic reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # click's plain help: rich took `[env NAME]` for markup, and rendering it cost 3x an
    # interpreter start
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

P = ParamSpec("P")
R = TypeVar("R")


class _Verbosity:
    level = 0  # -1: errors only (-q); 0: the usual lines; 1: per-request lines (-v)


def set_verbosity(quiet: bool = False, verbose: bool = False) -> None:
    """-q wins over -v; a command's own flags add to the ones given before it (`llmx -q extract`)."""
    if quiet:
        _Verbosity.level = -1
    elif verbose and _Verbosity.level >= 0:
        _Verbosity.level = 1


def verbosity() -> int:
    return _Verbosity.level


def say(message: str) -> None:
    """A diagnostic line on stderr (not with -q)."""
    if _Verbosity.level >= 0:
        typer.echo(f"llmx: {message}", err=True)


def detail(message: str) -> None:
    """A line only -v shows."""
    if _Verbosity.level > 0:
        typer.echo(f"llmx: {message}", err=True)


def shout(message: str) -> None:
    """An error line: shown whatever the verbosity."""
    typer.echo(f"llmx: {message}", err=True)


# `main` pauses the cyclic garbage collector for start-up, which makes hundreds of thousands of
# objects and next to no garbage (a one-page extract: 98 collections, ~20 ms of CPU, freed ~1,000
# objects). Commands that read one report keep it paused (`extract` on the rules backend: a pure
# computation over one text); every other command, and the LLM backend, turn it back on.
_ONE_REPORT = frozenset({"extract", "sections", "schema", "tables", "review"})


def resume_gc() -> None:
    """Turn the cyclic garbage collector back on if `main` paused it, with what start-up loaded
    frozen out of its walks."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def handles_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Map LlmxError subclasses to one stderr line and their exit code."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if func.__name__ not in _ONE_REPORT:
            resume_gc()
        try:
            return func(*args, **kwargs)
        except LlmxError as exc:
            shout(f"error: {exc}")
            raise typer.Exit(code=exc.exit_code) from None
        except (typer.Exit, typer.Abort, _CLICK_ERROR):
            raise  # usage errors (bad option values) keep click's own message and exit code 2
        except BrokenPipeError:  # `llmx ... | head`: the reader left; say nothing more
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(code=1) from None
        except Exception as exc:  # a bug: still one line, with a way to see more
            if debug_enabled():
                raise
            shout(f"internal error: {type(exc).__name__}: {exc} (set LLMX_DEBUG=1 for a traceback)")
            raise typer.Exit(code=70) from None

    return wrapper


# click's error base, from the click typer runs on: its own copy since typer 0.2x (whose errors a
# `click.ClickException` would not catch), click itself before; no second click import at start-up
_CLICK_ERROR: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


BackendOpt = Annotated[str | None, typer.Option("--backend", help="rules, llm or auto [env LLMX_BACKEND]")]
ModelOpt = Annotated[str | None, typer.Option("--model", "-m", help="model name [env LLMX_MODEL]")]
BaseUrlOpt = Annotated[
    str | None,
    typer.Option("--base-url", help="OpenAI-compatible endpoint, ending in /v1 [env OPENAI_BASE_URL, LLMX_BASE_URL]"),
]
ApiKeyOpt = Annotated[str | None, typer.Option("--api-key", help="API key [env OPENAI_API_KEY, LLMX_API_KEY]")]
ModeOpt = Annotated[
    str | None, typer.Option("--mode", help="instructor mode: tools, json_schema, json, md_json [env LLMX_MODE]")
]
PromptOpt = Annotated[str | None, typer.Option("--prompt", help="prompt NAME@VERSION [env LLMX_PROMPT]")]
VerifyOpt = Annotated[
    str | None,
    typer.Option(
        "--verify",
        help="rules: run the rules backend too and flag LLM items it disagrees with or lacks [env LLMX_VERIFY]",
    ),
]
PromptsDirOpt = Annotated[
    Path | None,
    typer.Option("--prompts-dir", help="folder of prompt templates [env LLMX_PROMPTS; default: the shipped ones]"),
]


MaxAnswerOpt = Annotated[
    int | None,
    typer.Option(
        "--max-answer-tokens",
        help="the most tokens one answer may take (sent as max_tokens, sized down to the text); "
        "0 sends no limit [env LLMX_MAX_ANSWER_TOKENS, 16384]",
    ),
]
TimeoutOpt = Annotated[
    float | None, typer.Option("--timeout", help="seconds to wait for one answer [env LLMX_TIMEOUT, 120]")
]
LogOpt = Annotated[
    Path | None,
    typer.Option(
        "--log", help="append every model request and answer to this JSONL file, keys redacted [env LLMX_LOG]"
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="errors only on stderr")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="a line per model request on stderr")]


def settings_for(**flags: Any) -> Settings:
    """Settings from the flags (then the environment, then defaults); a prompt named by a flag or
    LLMX_PROMPT must exist whatever the backend, so a typo is refused before any work (exit 3)."""
    settings = resolve(**flags)
    if settings.prompt != DEFAULT_PROMPT:
        from llmx.llm import prompts

        prompts.load(settings.prompt, settings.prompts_dir)
    return settings


def announce(settings: Settings) -> None:
    if settings.effective_backend == "rules":
        say("backend: rules (offline; no model configured — set --model/LLMX_MODEL and --base-url to use an LLM)")
    else:
        checked = ", cross-checked against the rules" if settings.verify else ""
        say(f"backend: llm, model {settings.model}, prompt {settings.prompt}, endpoint {settings.endpoint}{checked}")


def warn_served(settings: Settings, served: str | None) -> None:
    """Say so when the endpoint answered as another model than --model (llama.cpp answers any name)."""
    if served is None:  # the rules backend: no endpoint answered
        return
    from llmx.llm.endpoint import other_model

    if other_model(settings.model, served):
        say(
            f"warning: {settings.endpoint} answered as model {served!r}, not {settings.model!r}; the output "
            "records both (extractor.model, extractor.served_model)"
        )


def read_stdin(settings: Settings) -> bytes:
    """The report on standard input (`llmx extract -`), refused when over the size limit."""
    limit = int(settings.max_file_mb * 1024 * 1024)
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        from llmx.errors import InputError

        raise InputError(f"standard input is over {settings.max_file_mb:g} MB (--max-file-mb)", path="<stdin>")
    return data


class SectionProgress:
    """A bar of the requests of one document on a terminal (`extract` on the LLM backend).

    Without a terminal to draw on there is no bar, and `llmx.run` (asyncio, the scheduler: a
    tenth of a one-page extract's start-up) is not imported."""

    def __init__(self, enabled: bool) -> None:
        self.bar: Progress | None = None
        if enabled and sys.stderr.isatty():
            from llmx.run.progress import Progress as Bar

            self.bar = Bar(enabled=True)

    def sections(self, done: int, total: int) -> None:
        if self.bar is not None:
            self.bar.update(docs_total=1, jobs_done=done, jobs_total=total)
        detail(f"request {done}/{total} done")

    def close(self) -> None:
        if self.bar is not None and self.bar.counts.jobs_total:
            self.bar.close()


def section_progress(settings: Settings) -> SectionProgress:
    return SectionProgress(settings.effective_backend == "llm" and _Verbosity.level >= 0)


def describe_call(call: Any) -> str:
    """One request group of `extractor.calls` in a line (-v): sections, attempts, tokens, outcome."""
    attempts = call.attempts
    outcome = ", ".join(
        str(a.get("finish_reason") or a.get("kind")) + (f" ({str(a['error'])[:80]})" if a.get("error") else "")
        for a in attempts
    )
    return (
        f"request for {', '.join(call.section_ids) or 'metadata'}: {call.requests} sent, "
        f"{call.prompt_tokens}+{call.completion_tokens} tokens; {outcome}"
    )


def _version(value: bool) -> None:
    if value:
        typer.echo(f"llmx {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="print the version and exit")
    ] = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """llmx: Vietnamese periodic reports in, grounded tables out."""
    _Verbosity.level = 0
    set_verbosity(quiet, verbose)
