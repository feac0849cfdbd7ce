"""The `llmx` command line: parses arguments, resolves settings once, calls the library.

Results go to stdout or files; progress and diagnostics go to stderr. Every `LlmxError` becomes
one line on stderr and its exit code; nothing prints a traceback unless LLMX_DEBUG is set.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from llmx import __version__
from llmx.config import Settings, resolve
from llmx.errors import LlmxError

app = typer.Typer(
    name="llmx",
    help="Structured, source-grounded data from Vietnamese government periodic reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])


def _say(message: str) -> None:
    typer.echo(f"llmx: {message}", err=True)


def handles_errors(func: F) -> F:
    """Map LlmxError subclasses to one stderr line and their exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except LlmxError as exc:
            _say(f"error: {exc}")
            raise typer.Exit(code=exc.exit_code) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # a bug: still one line, with a way to see more
            if os.environ.get("LLMX_DEBUG"):
                raise
            _say(f"internal error: {type(exc).__name__}: {exc} (set LLMX_DEBUG=1 for a traceback)")
            raise typer.Exit(code=70) from None

    return wrapper  # type: ignore[return-value]


BackendOpt = Annotated[str | None, typer.Option("--backend", help="rules, llm or auto [env LLMX_BACKEND]")]
ModelOpt = Annotated[str | None, typer.Option("--model", "-m", help="model name [env LLMX_MODEL]")]
BaseUrlOpt = Annotated[
    str | None, typer.Option("--base-url", help="OpenAI-compatible endpoint [env OPENAI_BASE_URL]")
]
ApiKeyOpt = Annotated[str | None, typer.Option("--api-key", help="API key [env OPENAI_API_KEY]")]
ModeOpt = Annotated[
    str | None, typer.Option("--mode", help="instructor mode: tools, json_schema, json, md_json [env LLMX_MODE]")
]
PromptOpt = Annotated[str | None, typer.Option("--prompt", help="prompt NAME@VERSION [env LLMX_PROMPT]")]


def _settings(**flags: Any) -> Settings:
    return resolve(**flags)


def _announce(settings: Settings) -> None:
    if settings.effective_backend == "rules":
        _say("backend: rules (offline; no model configured — set --model/LLMX_MODEL and --base-url to use an LLM)")
    else:
        _say(f"backend: llm, model {settings.model}, prompt {settings.prompt}, endpoint {settings.base_url or 'OpenAI default'}")


@app.command()
@handles_errors
def extract(
    file: Annotated[Path, typer.Argument(help="report: .txt, .md, .html, .docx or .pdf")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write here instead of stdout")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json (SPEC document), jsonl or csv (indicators)")] = "json",
    backend: BackendOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    api_key: ApiKeyOpt = None,
    mode: ModeOpt = None,
    prompt: PromptOpt = None,
) -> None:
    """Extract one report into the SPEC document (schema 1.0)."""
    from llmx.output import render, write_atomic
    from llmx.pipeline import extract_document

    if fmt not in ("json", "jsonl", "csv"):
        raise typer.BadParameter("use json, jsonl or csv", param_hint="--format")
    settings = _settings(backend=backend, model=model, base_url=base_url, api_key=api_key, mode=mode, prompt=prompt)
    _announce(settings)
    doc = extract_document(file, settings)
    content = render(doc, fmt)  # type: ignore[arg-type]
    if output is None:
        sys.stdout.write(content)
    else:
        write_atomic(output, content, bom=fmt == "csv")
        _say(f"wrote {output}")
    _say(
        f"{len(doc.sections)} sections, {len(doc.indicators)} indicators, {len(doc.tasks)} tasks, "
        f"{len(doc.limitations)} limitations, {len(doc.references)} references, {len(doc.problems)} problems"
    )


@app.command()
@handles_errors
def sections(
    file: Annotated[Path, typer.Argument(help="report file")],
    as_json: Annotated[bool, typer.Option("--json", help="print the sections as JSON")] = False,
) -> None:
    """Print the heading tree: number, heading, role, sector and size."""
    import json

    from llmx.normalize import normalize
    from llmx.reading import read_document
    from llmx.sections import split_sections

    layout = split_sections(normalize(read_document(file).text).text)
    if as_json:
        typer.echo(json.dumps([s.model_dump() for s in layout.sections], ensure_ascii=False, indent=2))
        return
    for sec in layout.sections:
        label = f"{sec.number}." if sec.number else "*"
        typer.echo(
            f"{'  ' * (sec.level - 1)}{label} {sec.heading}  "
            f"[{sec.role}{', ' + sec.sector if sec.sector else ''}; {sec.end - sec.start} chars; {sec.id}]"
        )


@app.command()
@handles_errors
def schema(
    out: Annotated[Path | None, typer.Option("--out", help="directory (default: the repo's schemas/)")] = None,
    check: Annotated[bool, typer.Option("--check", help="exit 1 if the files differ from the models")] = False,
) -> None:
    """Regenerate the JSON Schema files of the output contract."""
    from llmx.schema import SCHEMA_DIR, SCHEMA_FILE, export_schemas, render_schema

    target = out or SCHEMA_DIR
    if check:
        path = target / SCHEMA_FILE
        if not path.exists() or path.read_text(encoding="utf-8") != render_schema():
            _say(f"{path} is out of date; run `llmx schema`")
            raise typer.Exit(code=1)
        _say(f"{path} is up to date")
        return
    for path in export_schemas(target):
        _say(f"wrote {path}")


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
