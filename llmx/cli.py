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

import click
import typer

from llmx import __version__
from llmx.config import Settings, resolve
from llmx.errors import ConfigError, LlmxError

app = typer.Typer(
    name="llmx",
    help="Structured, source-grounded data from Vietnamese government periodic reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
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
        except (typer.Exit, typer.Abort, click.exceptions.ClickException):
            raise  # usage errors (bad option values) keep click's own message and exit code 2
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
PromptsDirOpt = Annotated[
    Path | None,
    typer.Option("--prompts-dir", help="folder of prompt templates [env LLMX_PROMPTS; default: the shipped ones]"),
]


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
    prompts_dir: PromptsDirOpt = None,
) -> None:
    """Extract one report into the SPEC document (schema 1.1)."""
    from llmx.output import render, write_atomic
    from llmx.pipeline import extract_document

    if fmt not in ("json", "jsonl", "csv"):
        raise ConfigError(f"--format {fmt!r}: use json, jsonl or csv")
    settings = _settings(
        backend=backend, model=model, base_url=base_url, api_key=api_key, mode=mode, prompt=prompt,
        prompts_dir=prompts_dir,
    )
    _announce(settings)
    doc = extract_document(file, settings)
    content = render(doc, fmt)  # type: ignore[arg-type]
    if output is None:  # UTF-8 whatever the locale; CSV with its BOM, as in a file, so Excel reads it
        sys.stdout.flush()
        sys.stdout.buffer.write((("\ufeff" if fmt == "csv" else "") + content).encode("utf-8"))
        sys.stdout.buffer.flush()
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
    out: Annotated[
        Path | None, typer.Option("--out", help="directory (default: the repo's schemas/; installed: stdout)")
    ] = None,
    check: Annotated[bool, typer.Option("--check", help="exit 1 if the files differ from the models")] = False,
) -> None:
    """Regenerate the JSON Schema files of the output contract (--check: the shipped copy is current)."""
    from llmx.resources import in_checkout
    from llmx.schema import SCHEMA_DIR, SCHEMA_FILE, export_schemas, render_schema

    target = out or SCHEMA_DIR
    if not check and out is None and not in_checkout():  # never rewrite the installed package's copy
        sys.stdout.write(render_schema())
        return
    if check:
        path = target / SCHEMA_FILE
        if not path.exists() or path.read_text(encoding="utf-8") != render_schema():
            _say(f"{path} is out of date; run `llmx schema`")
            raise typer.Exit(code=1)
        _say(f"{path} is up to date")
        return
    for path in export_schemas(target):
        _say(f"wrote {path}")


gold_app = typer.Typer(help="Check and maintain hand-labelled gold data (eval/gold/).", no_args_is_help=True)
app.add_typer(gold_app, name="gold")


@gold_app.command("check")
@handles_errors
def gold_check(
    files: Annotated[list[Path] | None, typer.Argument(help="gold files (default: every eval/gold/*.json)")] = None,
) -> None:
    """Prove each quote/text occurs at its offsets and each value parses from its quote."""
    from llmx.evaluation.gold import check_gold
    from llmx.evaluation.runner import GOLD_DIR, gold_cases, load_case

    cases = gold_cases(GOLD_DIR) if not files else [
        c for f in files for c in gold_cases(f.parent) if c.gold_path.resolve() == f.resolve()
    ]
    bad = 0
    for case in cases:
        errors = check_gold(load_case(case))
        bad += len(errors)
        for err in errors:
            typer.echo(f"{case.gold_path.name}: {err}")
        _say(f"{case.gold_path.name}: {'ok' if not errors else f'{len(errors)} problem(s)'}")
    if bad:
        raise typer.Exit(code=6)


@gold_app.command("locate")
@handles_errors
def gold_locate(
    files: Annotated[list[Path], typer.Argument(help="gold files to re-anchor after a normalizer change")],
) -> None:
    """Move gold offsets to where their quotes now sit in the normalized text."""
    import json

    from llmx.evaluation.gold import locate
    from llmx.evaluation.runner import gold_cases, load_case
    from llmx.output import write_atomic

    for f in files:
        case = next(c for c in gold_cases(f.parent) if c.gold_path.resolve() == f.resolve())
        raw = json.loads(f.read_text(encoding="utf-8"))
        moved = locate(load_case(case), load_case(case).text)
        data = json.loads(moved.model_dump_json(exclude={"text"}))
        data["problems"] = []
        if "labeler_notes" in raw:
            data["labeler_notes"] = raw["labeler_notes"]
        write_atomic(f, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        for p in moved.problems:
            _say(f"{f.name}: {p.message}")
        _say(f"{f.name}: re-anchored")


@app.command("eval")
@handles_errors
def eval_(
    backend: BackendOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    api_key: ApiKeyOpt = None,
    mode: ModeOpt = None,
    prompt: PromptOpt = None,
    prompts_dir: PromptsDirOpt = None,
    cassettes: Annotated[Path | None, typer.Option("--cassettes", help="cassette directory (default eval/cassettes)")] = None,
    record: Annotated[bool, typer.Option("--record", help="call the live endpoint and (re)write cassettes")] = False,
    gold: Annotated[Path | None, typer.Option("--gold", help="gold directory (default eval/gold)")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="report directory (default eval/reports)")] = None,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="eval JSON to print per-field deltas against")] = None,
    fail_under: Annotated[
        list[str] | None, typer.Option("--fail-under", help="METRIC=VALUE gate, e.g. indicators.f1=0.85 (repeatable)")
    ] = None,
    max_drop: Annotated[float | None, typer.Option("--max-drop", help="fail if a headline metric drops more than this vs --baseline")] = None,
    compare: Annotated[
        tuple[Path, Path] | None, typer.Option("--compare", help="two eval JSON reports to print side by side")
    ] = None,
    only: Annotated[list[str] | None, typer.Option("--doc", help="only this gold document (repeatable)")] = None,
) -> None:
    """Score a backend, model or prompt against the gold data; gate CI on the result."""
    from llmx.evaluation.report import compare as compare_reports
    from llmx.evaluation.report import enforce_gates, headline, parse_fail_under
    from llmx.evaluation.runner import CASSETTES_DIR, GOLD_DIR, REPORTS_DIR, load_summary, run_eval, write_reports

    if compare:
        a, b = (load_summary(p) for p in compare)
        typer.echo(compare_reports(a, b, labels=(compare[0].stem, compare[1].stem)))
        return
    settings = _settings(
        backend=backend, model=model, base_url=base_url, api_key=api_key, mode=mode, prompt=prompt,
        prompts_dir=prompts_dir,
    )
    if settings.effective_backend == "llm" and not record:
        _say(f"replaying recorded cassettes for model {settings.model}, prompt {settings.prompt} (no network)")
    else:
        _announce(settings)
    summary = run_eval(
        settings,
        gold_dir=gold or GOLD_DIR,
        cassettes=cassettes or CASSETTES_DIR,
        record=record,
        only=only,
        on_case=lambda name: _say(f"scoring {name}"),
    )
    base = load_summary(baseline) if baseline else None
    for path in write_reports(summary, out or REPORTS_DIR, base):
        _say(f"wrote {path}")
    typer.echo(headline(summary, base), nl=False)
    enforce_gates(summary, parse_fail_under(fail_under or []), base, max_drop)


prompts_app = typer.Typer(help="List and show the versioned prompt templates.", no_args_is_help=True)
app.add_typer(prompts_app, name="prompts")


@prompts_app.command("list")
@handles_errors
def prompts_list(prompts_dir: PromptsDirOpt = None) -> None:
    """Every prompt: NAME@VERSION, content hash, response model, and fixed tokens per request."""
    from llmx.chunking import count_tokens, tokenizer
    from llmx.prompts import EXAMPLES, list_prompts, schema_text

    folder = _settings(prompts_dir=prompts_dir).prompts_dir
    found = list_prompts(folder)
    if not found:
        raise ConfigError(f"no prompt templates (NAME.vN.jinja) in {folder}")
    typer.echo(f"{'prompt':14} {'hash':12} {'response':16} {'instr. tokens':>13} {'schema tokens':>13}")
    for p in found:
        system = p.render(**EXAMPLES[p.name])[0]["content"]
        typer.echo(
            f"{p.ref:14} {p.hash:12} {p.response_model.__name__:16} {count_tokens(system):13} "
            f"{count_tokens(schema_text(p)):13}"
        )
    _say(f"tokens counted with {tokenizer()[0]}; instructions vary with the section role")


@prompts_app.command("show")
@handles_errors
def prompts_show(
    ref: Annotated[str, typer.Argument(help="NAME@VERSION, e.g. section@v1")],
    template: Annotated[bool, typer.Option("--template", help="print the template source, not an example")] = False,
    prompts_dir: PromptsDirOpt = None,
) -> None:
    """Print a prompt's messages rendered with its built-in example, and its response schema."""
    from llmx.prompts import EXAMPLES, load, schema_text

    p = load(ref, _settings(prompts_dir=prompts_dir).prompts_dir)
    typer.echo(f"# {p.ref}  hash {p.hash}  response {p.response_model.__name__}  file {p.path}")
    if template:
        for file, source in p.sources.items():
            typer.echo(f"## {file}\n{source}")
        return
    for message in p.render(**EXAMPLES[p.name]):
        typer.echo(f"## {message['role']}\n{message['content']}")
    typer.echo(f"## response schema\n{schema_text(p)}")


@app.command()
@handles_errors
def serve(
    port: Annotated[int, typer.Option("--port", help="port on 127.0.0.1 (0: any free port)")] = 8765,
    api_key: Annotated[str | None, typer.Option("--api-key", help="require `Authorization: Bearer KEY`")] = None,
    latency_ms: Annotated[float, typer.Option("--latency-ms", help="delay before each answer")] = 0.0,
    rate_limit: Annotated[int, typer.Option("--rate-limit", help="requests per minute, then 429 (0: no limit)")] = 0,
    retry_after: Annotated[float, typer.Option("--retry-after", help="seconds announced with a 429")] = 1.0,
    fault: Annotated[
        list[str] | None,
        typer.Option("--fault", help="FAULT[:N]: the next N requests get FAULT (invalid_json, schema_invalid, "
                     "429, 500, truncate, timeout, ok); repeatable, applied in order"),
    ] = None,
    timeout_sleep: Annotated[float, typer.Option("--timeout-sleep", help="seconds a timeout fault sleeps")] = 5.0,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="log each request on stderr")] = False,
) -> None:
    """Run a local OpenAI-compatible server (model llmx-rules-server) backed by the rules backend."""
    import signal

    from llmx.errors import ConfigError
    from llmx.server import RulesServer, ServerConfig, parse_fault_script

    try:
        script = parse_fault_script(fault or [])
    except ValueError as exc:
        raise ConfigError(f"--fault {exc}") from None
    config = ServerConfig(
        api_key=api_key, latency_ms=latency_ms, rate_limit=rate_limit, retry_after=retry_after,
        faults=script, timeout_sleep=timeout_sleep, quiet=not verbose,
    )
    server = RulesServer(config, port=port)
    _say(f"serving {config.model} at {server.base_url} (Ctrl-C stops)")

    def _stop(*_: object) -> None:
        raise KeyboardInterrupt  # SIGTERM stops as cleanly as Ctrl-C

    signal.signal(signal.SIGTERM, _stop)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.stopping.set()
        server.server_close()
        _say("stopped")


@app.command()
@handles_errors
def record(
    reports: Annotated[list[Path], typer.Argument(help="report files")],
    cassettes: Annotated[Path | None, typer.Option("--cassettes", help="cassette directory [eval/cassettes]")] = None,
    local: Annotated[bool, typer.Option("--local", help="record against an in-process llmx-rules-server")] = False,
    new_episodes: Annotated[
        bool, typer.Option("--new-episodes", help="keep recorded answers, add new ones (default: re-record)")
    ] = False,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    api_key: ApiKeyOpt = None,
    mode: ModeOpt = None,
    prompt: PromptOpt = None,
    prompts_dir: PromptsDirOpt = None,
) -> None:
    """Record cassettes: run the LLM backend on each report and save every request and answer."""
    from contextlib import nullcontext

    from llmx.cassettes import EVAL_CASSETTES, record_reports
    from llmx.server import SERVED_MODEL, RulesServer

    server = RulesServer() if local else None
    with server or nullcontext():  # entering the server starts it
        if server is not None:
            model, base_url, api_key = model or SERVED_MODEL, server.base_url, None
        settings = _settings(
            backend="llm", model=model, base_url=base_url, api_key=api_key, mode=mode, prompt=prompt,
            prompts_dir=prompts_dir,
        )
        _announce(settings)
        mode_name = "new_episodes" if new_episodes else "all"
        for rec in record_reports(reports, settings, cassettes or EVAL_CASSETTES, record_mode=mode_name):
            usage = rec.document.extractor.usage
            _say(
                f"{rec.cassette}: {usage.requests if usage else 0} requests, "
                f"{usage.prompt_tokens if usage else 0}+{usage.completion_tokens if usage else 0} tokens, "
                f"{len(rec.document.indicators)} indicators, {len(rec.document.problems)} problems"
            )


@app.command("run")
@handles_errors
def run_(
    inputs: Annotated[list[str], typer.Argument(help="report files, folders (recursive) and glob patterns")],
    out: Annotated[Path, typer.Option("--out", "-o", help="output directory (reports/, tables/, review/, run.json)")],
    concurrency: Annotated[
        int | None, typer.Option("--concurrency", "-j", help="requests in flight [env LLMX_CONCURRENCY, 8]")
    ] = None,
    rpm: Annotated[float | None, typer.Option("--rpm", help="requests per minute limit [env LLMX_RPM]")] = None,
    tpm: Annotated[float | None, typer.Option("--tpm", help="tokens per minute limit [env LLMX_TPM]")] = None,
    max_requests: Annotated[
        int | None, typer.Option("--max-requests", help="stop cleanly after this many requests")
    ] = None,
    max_cost: Annotated[float | None, typer.Option("--max-cost", help="stop cleanly before spending more (USD)")] = None,
    price: Annotated[
        str | None, typer.Option("--price", help="IN,OUT dollars per million tokens [env LLMX_PRICE]")
    ] = None,
    cache: Annotated[
        Path | None, typer.Option("--cache", help="answer cache file [env LLMX_CACHE, ~/.cache/llmx/answers.sqlite]")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="send every request, cache nothing")] = False,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="ask again for sections that failed validation last time")
    ] = False,
    tables: Annotated[
        str | None,
        typer.Option("--tables", help="table formats, comma-separated: csv,parquet,xlsx; 'none' for none "
                     "[default: csv,xlsx, and parquet when pyarrow is installed]"),
    ] = None,
    review: Annotated[bool, typer.Option("--review/--no-review", help="write review pages")] = True,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="progress bar on stderr")] = True,
    batch: Annotated[
        bool, typer.Option("--batch", help="submit through the OpenAI Batch API (half price, slower)")
    ] = False,
    batch_poll: Annotated[float, typer.Option("--batch-poll", help="seconds between batch status polls")] = 10.0,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    api_key: ApiKeyOpt = None,
    mode: ModeOpt = None,
    prompt: PromptOpt = None,
    prompts_dir: PromptsDirOpt = None,
) -> None:
    """Run many reports into DIR: per-report JSON, tables, review pages, run.json; resumable."""
    from llmx.bulk import RunOptions, run, summary_lines
    from llmx.config import run_defaults

    settings = _settings(
        backend=backend, model=model, base_url=base_url, api_key=api_key, mode=mode, prompt=prompt,
        prompts_dir=prompts_dir,
    )
    defaults = run_defaults()
    from llmx.tables import check_formats, default_formats

    formats = default_formats() if tables is None else check_formats(
        f.strip() for f in tables.split(",") if f.strip() and f.strip() != "none"
    )
    options = RunOptions(
        out=out,
        concurrency=concurrency if concurrency is not None else defaults.concurrency,
        rpm=rpm if rpm is not None else defaults.rpm,
        tpm=tpm if tpm is not None else defaults.tpm,
        max_requests=max_requests,
        max_cost=max_cost,
        price=price or defaults.price,
        cache=None if no_cache else (cache or defaults.cache),
        retry_failed=retry_failed,
        tables=formats,
        review=review,
        progress=progress,
        batch=batch,
        batch_poll=batch_poll,
    )
    _announce(settings)
    summary = run(inputs, settings, options)
    for line in summary_lines(summary):
        _say(line)
    typer.echo(str(out / "run.json"))
    if not summary.complete:
        raise typer.Exit(code=8)


@app.command()
@handles_errors
def tables(
    inputs: Annotated[list[Path], typer.Argument(help="report JSON files, folders of them, or run folders")],
    out: Annotated[Path, typer.Option("--out", "-o", help="folder for the tables")],
    fmt: Annotated[
        list[str] | None,
        typer.Option("--format", "-f", help="csv, parquet, xlsx (repeatable; default csv, xlsx, and parquet "
                     "when pyarrow is installed)"),
    ] = None,
) -> None:
    """Write indicators, tasks, limitations, references, sections and documents tables."""
    from llmx.errors import InputError
    from llmx.tables import describe, table_inputs, write_tables_checked

    written, counts, problems = write_tables_checked(table_inputs(inputs), out, tuple(fmt) if fmt else None)
    for paths in written.values():
        for path in paths:
            typer.echo(str(path))
    for problem in problems:
        _say(f"skipped {problem}")
    _say(f"tables: {describe(counts)}")
    if problems:
        raise InputError(f"{len(problems)} file(s) skipped; the tables hold the others")


@app.command()
@handles_errors
def review(
    inputs: Annotated[list[Path], typer.Argument(help="report JSON files, or run folders (DIR/reports)")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="page (one report) or folder (several); default: beside")
    ] = None,
) -> None:
    """Write self-contained HTML review pages: the text with every item highlighted and linked."""
    import unicodedata

    from llmx.errors import InputError
    from llmx.review import write_review, write_run_review_checked
    from llmx.tables import table_inputs

    if len(inputs) == 1 and not inputs[0].is_dir():
        page = output or inputs[0].with_name(unicodedata.normalize("NFC", inputs[0].stem) + ".html")
        typer.echo(str(write_review(inputs[0], page)))
        return
    # several reports: one page each plus index.html, in DIR/review for a run folder, else beside the first
    folder = output or (inputs[0] if inputs[0].is_dir() else inputs[0].parent) / "review"
    run = write_run_review_checked(table_inputs(inputs), folder)
    for page in [*run.pages, run.index]:
        typer.echo(str(page))
    for problem in run.problems:
        _say(f"skipped {problem}")
    if run.problems:
        raise InputError(f"{len(run.problems)} file(s) skipped; the review pages cover the others")


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
