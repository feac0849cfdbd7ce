"""`llmx extract`, `sections`, `schema`, `tables`, `review`: one report (or its outputs) at a time."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from llmx.cli.common import (
    ApiKeyOpt,
    BackendOpt,
    BaseUrlOpt,
    LogOpt,
    MaxAnswerOpt,
    ModelOpt,
    ModeOpt,
    PromptOpt,
    PromptsDirOpt,
    QuietOpt,
    TimeoutOpt,
    VerboseOpt,
    VerifyOpt,
    announce,
    app,
    describe_call,
    detail,
    handles_errors,
    read_stdin,
    resume_gc,
    say,
    section_progress,
    set_verbosity,
    settings_for,
    shout,
    warn_served,
)
from llmx.errors import ConfigError

STRICT_EXIT = 9  # --strict: the output was written, but a section ended in problems


@app.command()
@handles_errors
def extract(
    file: Annotated[
        Path,
        typer.Argument(help="report: .txt, .md, .html, .docx, .doc, .rtf, .odt or .pdf; - reads standard input"),
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="write here instead of stdout (- is stdout too)")
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="json (SPEC document), jsonl or csv (indicators)")
    ] = "json",
    section: Annotated[
        list[str] | None,
        typer.Option(
            "--section",
            help="only this section and its sub-sections (an id from `llmx sections`, e.g. s4; repeatable): "
            "only its requests are sent, and the output keeps only its items",
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help=f"exit {STRICT_EXIT} when a section ended in problems")
    ] = False,
    stdin_name: Annotated[
        str | None,
        typer.Option("--stdin-name", help="with -: the report's file name (its extension names the format)"),
    ] = None,
    backend: BackendOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    api_key: ApiKeyOpt = None,
    mode: ModeOpt = None,
    prompt: PromptOpt = None,
    verify: VerifyOpt = None,
    prompts_dir: PromptsDirOpt = None,
    max_answer_tokens: MaxAnswerOpt = None,
    timeout: TimeoutOpt = None,
    log: LogOpt = None,
    max_file_mb: Annotated[
        float | None,
        typer.Option("--max-file-mb", help="refuse report files larger than this [env LLMX_MAX_FILE_MB, 100]"),
    ] = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Extract one report into the SPEC document (schema 1.1)."""
    from llmx.output import check_writable, is_output_format, item_counts, render, write_atomic
    from llmx.pipeline import extract_document

    set_verbosity(quiet, verbose)
    if not is_output_format(fmt):
        raise ConfigError(f"--format {fmt!r}: use json, jsonl or csv")
    if stdin_name is not None and str(file) != "-":
        raise ConfigError("--stdin-name names standard input: give - as the report")
    settings = settings_for(
        backend=backend,
        model=model,
        base_url=base_url,
        api_key=api_key,
        mode=mode,
        prompt=prompt,
        prompts_dir=prompts_dir,
        max_file_mb=max_file_mb,
        max_answer_tokens=max_answer_tokens,
        timeout=timeout,
        request_log=log,
        verify=verify,
    )
    if settings.effective_backend != "rules":
        resume_gc()  # the model client's requests, retries and event loop do make cyclic garbage
    if output is not None and str(output) == "-":
        output = None  # `-o -`: standard output, as `-` is standard input for the report
    if output is not None:
        check_writable(output)  # before the extraction, which may cost model requests
    data, name = (read_stdin(settings), stdin_name or "<stdin>") if str(file) == "-" else (None, str(file))
    announce(settings)
    progress = section_progress(settings)
    try:
        doc = extract_document(name, settings, data=data, sections=section, on_section=progress.sections)
    finally:
        progress.close()
    warn_served(settings, doc.extractor.served_model)
    from llmx.genre import STAGE as GENRE
    from llmx.read.garble import GARBLED

    for problem in doc.problems:
        if problem.message.startswith(GARBLED) or problem.stage == GENRE:
            say(f"warning: {name}: {problem.message}")
    for call in doc.extractor.calls or []:
        detail(describe_call(call))
    content = render(doc, fmt)
    if output is None:  # UTF-8 whatever the locale; CSV with its BOM, as in a file, so Excel reads it
        sys.stdout.flush()
        sys.stdout.buffer.write((("\ufeff" if fmt == "csv" else "") + content).encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        write_atomic(output, content, bom=fmt == "csv")
        say(f"wrote {output}")
    say(item_counts(doc, ("sections", "indicators", "tasks", "limitations", "references", "proposals", "problems")))
    if doc.extractor.verify is not None:
        from llmx.verify import summary_line

        say(summary_line(doc.extractor.verify))
    failed = sorted({p.section_id for p in doc.problems if p.section_id})
    if strict and failed:
        shout(f"--strict: {len(failed)} section(s) ended in problems ({', '.join(failed[:10])}); the output is written")
        raise typer.Exit(code=STRICT_EXIT)


@app.command()
@handles_errors
def sections(
    file: Annotated[Path, typer.Argument(help="report file")],
    as_json: Annotated[bool, typer.Option("--json", help="print the sections as JSON")] = False,
) -> None:
    """Print the heading tree: number, heading, role, sector and size, and the tables in it."""
    import json

    from llmx.pipeline import prepare

    layout = prepare(file).layout
    if as_json:
        typer.echo(json.dumps([s.model_dump() for s in layout.sections], ensure_ascii=False, indent=2))
        return
    typer.echo("\n".join(layout.outline()))


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

    if not check and out is None and not in_checkout():  # never rewrite the installed package's copy
        sys.stdout.write(render_schema())
        return

    target = out or SCHEMA_DIR
    if check:
        path = target / SCHEMA_FILE
        if not path.exists() or path.read_text(encoding="utf-8") != render_schema():
            say(f"{path} is out of date; run `llmx schema`")
            raise typer.Exit(code=1)
        say(f"{path} is up to date")
        return
    for path in export_schemas(target):
        say(f"wrote {path}")


@app.command()
@handles_errors
def tables(
    inputs: Annotated[list[Path], typer.Argument(help="report JSON files, folders of them, or run folders")],
    out: Annotated[Path, typer.Option("--out", "-o", help="folder for the tables")],
    fmt: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help="csv, parquet, xlsx (repeatable; default csv, xlsx, and parquet when pyarrow is installed)",
        ),
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
        say(f"skipped {problem}")
    say(f"tables: {describe(counts)}")
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
    from llmx.errors import InputError
    from llmx.review import write_review, write_run_review_checked
    from llmx.tables import table_inputs

    if len(inputs) == 1 and not inputs[0].is_dir():
        import unicodedata

        page = output or inputs[0].with_name(unicodedata.normalize("NFC", inputs[0].stem) + ".html")
        typer.echo(str(write_review(inputs[0], page)))
        return
    # several reports: one page each plus index.html, in DIR/review for a run folder, else beside the first
    folder = output or (inputs[0] if inputs[0].is_dir() else inputs[0].parent) / "review"
    run = write_run_review_checked(table_inputs(inputs), folder)
    for page in [*run.pages, run.index]:
        typer.echo(str(page))
    for problem in run.problems:
        say(f"skipped {problem}")
    if run.problems:
        raise InputError(f"{len(run.problems)} file(s) skipped; the review pages cover the others")
