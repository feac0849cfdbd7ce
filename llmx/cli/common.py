"""What every command shares: the app, settings options, one-line errors and their exit codes.

Results go to stdout or files; progress and diagnostics go to stderr. Every `LlmxError` becomes
one line on stderr and its exit code; nothing prints a traceback unless LLMX_DEBUG is set.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import click
import typer

from llmx import __version__
from llmx.config import Settings, debug_enabled, resolve
from llmx.errors import LlmxError

app = typer.Typer(
    name="llmx",
    help="Structured, source-grounded data from Vietnamese government periodic reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])


def say(message: str) -> None:
    typer.echo(f"llmx: {message}", err=True)


def handles_errors(func: F) -> F:
    """Map LlmxError subclasses to one stderr line and their exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except LlmxError as exc:
            say(f"error: {exc}")
            raise typer.Exit(code=exc.exit_code) from None
        except (typer.Exit, typer.Abort, click.exceptions.ClickException):
            raise  # usage errors (bad option values) keep click's own message and exit code 2
        except Exception as exc:  # a bug: still one line, with a way to see more
            if debug_enabled():
                raise
            say(f"internal error: {type(exc).__name__}: {exc} (set LLMX_DEBUG=1 for a traceback)")
            raise typer.Exit(code=70) from None

    return wrapper  # type: ignore[return-value]


BackendOpt = Annotated[str | None, typer.Option("--backend", help="rules, llm or auto [env LLMX_BACKEND]")]
ModelOpt = Annotated[str | None, typer.Option("--model", "-m", help="model name [env LLMX_MODEL]")]
BaseUrlOpt = Annotated[str | None, typer.Option("--base-url", help="OpenAI-compatible endpoint [env OPENAI_BASE_URL]")]
ApiKeyOpt = Annotated[str | None, typer.Option("--api-key", help="API key [env OPENAI_API_KEY]")]
ModeOpt = Annotated[
    str | None, typer.Option("--mode", help="instructor mode: tools, json_schema, json, md_json [env LLMX_MODE]")
]
PromptOpt = Annotated[str | None, typer.Option("--prompt", help="prompt NAME@VERSION [env LLMX_PROMPT]")]
PromptsDirOpt = Annotated[
    Path | None,
    typer.Option("--prompts-dir", help="folder of prompt templates [env LLMX_PROMPTS; default: the shipped ones]"),
]


def settings_for(**flags: Any) -> Settings:
    return resolve(**flags)


def announce(settings: Settings) -> None:
    if settings.effective_backend == "rules":
        say("backend: rules (offline; no model configured — set --model/LLMX_MODEL and --base-url to use an LLM)")
    else:
        say(f"backend: llm, model {settings.model}, prompt {settings.prompt}, endpoint {settings.endpoint}")


def warn_served(settings: Settings, served: str | None) -> None:
    """Say so when the endpoint answered as another model than --model (llama.cpp answers any name)."""
    from llmx.llm.endpoint import other_model

    if other_model(settings.model, served):
        say(
            f"warning: {settings.endpoint} answered as model {served!r}, not {settings.model!r}; the output "
            "records both (extractor.model, extractor.served_model)"
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
) -> None:
    """llmx: Vietnamese periodic reports in, grounded tables out."""
