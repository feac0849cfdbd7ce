"""`llmx gold`, `eval`, `prompts`, `record`: the gold data, the eval, the prompts and the cassettes."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
    handles_errors,
    say,
    set_verbosity,
    settings_for,
)
from llmx.errors import ConfigError, EvalError

if TYPE_CHECKING:
    from llmx.evaluation.runner import GoldCase

gold_app = typer.Typer(help="Check and maintain hand-labelled gold data (eval/gold/).", no_args_is_help=True)
app.add_typer(gold_app, name="gold")


@gold_app.command("check")
@handles_errors
def gold_check(
    files: Annotated[list[Path] | None, typer.Argument(help="gold files (default: every eval/gold/*.json)")] = None,
) -> None:
    """Prove each quote/text occurs at its offsets and each value parses from its quote."""
    from llmx.evaluation.gold import check_gold
    from llmx.evaluation.runner import GOLD_DIR, gold_cases, load_case_file

    cases = gold_cases(GOLD_DIR) if not files else [_case_of(f) for f in files]
    bad = 0
    for case in cases:
        gold = load_case_file(case)
        errors = check_gold(gold.doc, gold.scope_sections)
        bad += len(errors)
        for err in errors:
            typer.echo(f"{case.gold_path.name}: {err}")
        say(f"{case.gold_path.name}: {'ok' if not errors else f'{len(errors)} problem(s)'}")
    if bad:
        raise typer.Exit(code=6)


@gold_app.command("locate")
@handles_errors
def gold_locate(
    files: Annotated[list[Path], typer.Argument(help="gold files to re-anchor after a normalizer change")],
) -> None:
    """Move gold offsets to where their quotes now sit in the normalized text.

    Only offsets, quotes/texts of moved items, section spans and `source.chars` are rewritten;
    everything else in the file (notes, `scope_sections`, key order) stays as it was. Items that
    cannot be placed are named on stderr and keep their offsets (fix them by hand, then
    `llmx gold check`).
    """
    import json

    from llmx.evaluation.gold import locate, read_gold_json, relocated_json
    from llmx.evaluation.runner import load_case
    from llmx.output import write_atomic

    unplaced = 0
    for f in files:
        case = _case_of(f)
        raw = read_gold_json(f)
        gold = load_case(case)
        moved = locate(gold, gold.text)
        before = f.read_text(encoding="utf-8")
        text = json.dumps(relocated_json(raw, moved), ensure_ascii=False, indent=_indent_of(before))
        write_atomic(f, text + ("\n" if before.endswith("\n") else ""))  # the file's own layout
        new = moved.problems[len(gold.problems) :]
        unplaced += len(new)
        for p in new:
            say(f"{f.name}: {p.message}")
        say(f"{f.name}: re-anchored" + (f", {len(new)} item(s) left where they were" if new else ""))
    if unplaced:
        raise typer.Exit(code=6)


def _indent_of(content: str) -> int:
    """The JSON indent a gold file is written with (its first indented line), so a rewrite keeps it."""
    for line in content.splitlines()[1:]:
        if line.strip():
            return len(line) - len(line.lstrip(" ")) or 1
    return 1


def _case_of(path: Path) -> "GoldCase":
    """The gold case of one gold file (its split is its folder)."""
    from llmx.evaluation.runner import gold_cases

    for case in gold_cases(path.parent):
        if case.gold_path.resolve() == path.resolve():
            return case
    raise EvalError("not a gold file (no such .json in its folder)", path=str(path))


@app.command("eval")
@handles_errors
def eval_(
    backend: BackendOpt = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    api_key: ApiKeyOpt = None,
    mode: ModeOpt = None,
    prompt: PromptOpt = None,
    verify: VerifyOpt = None,
    split: Annotated[
        str, typer.Option("--split", help="gold split to score: all (each reported apart, test first), dev, test")
    ] = "all",
    cassettes: Annotated[
        Path | None, typer.Option("--cassettes", help="cassette directory (default eval/cassettes)")
    ] = None,
    record: Annotated[bool, typer.Option("--record", help="call the live endpoint and (re)write cassettes")] = False,
    local: Annotated[
        bool,
        typer.Option("--local", help="the LLM backend with model llmx-rules-server; with --record, an in-process one"),
    ] = False,
    gold: Annotated[Path | None, typer.Option("--gold", help="gold directory (default eval/gold)")] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="report and baseline directory (default eval/reports)")
    ] = None,
    baseline: Annotated[
        list[Path] | None,
        typer.Option("--baseline", help="eval JSON to compare against, matched by split (repeatable)"),
    ] = None,
    save_baseline: Annotated[
        bool, typer.Option("--save-baseline", help="write each scored split as its baseline-<run>-<split>.json")
    ] = False,
    baseline_dir: Annotated[
        Path | None,
        typer.Option("--baseline-dir", help="where the committed baselines are read and saved (default eval/reports)"),
    ] = None,
    fail_under: Annotated[
        list[str] | None,
        typer.Option("--fail-under", help="[SPLIT:]METRIC=VALUE gate, e.g. test:indicators.f1=0.9 (repeatable)"),
    ] = None,
    max_drop: Annotated[
        float | None,
        typer.Option(
            "--max-drop", help="fail if a headline metric drops more than this vs the baselines (default: committed)"
        ),
    ] = None,
    compare: Annotated[
        tuple[Path, Path] | None, typer.Option("--compare", help="two eval JSON reports to print side by side")
    ] = None,
    only: Annotated[list[str] | None, typer.Option("--doc", help="only this gold document (repeatable)")] = None,
    prompts_dir: PromptsDirOpt = None,
    log: LogOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    figures: Annotated[
        bool, typer.Option("--figures", help="print the README's figures table from the committed baselines")
    ] = False,
) -> None:
    """Score a backend, model or prompt against the gold data per split; gate CI on the result."""
    from contextlib import nullcontext

    from llmx.evaluation.gates import enforce_gates, parse_fail_under
    from llmx.evaluation.report import as_baselines, headline
    from llmx.evaluation.report import compare as compare_reports
    from llmx.evaluation.runner import (
        CASSETTES_DIR,
        GOLD_DIR,
        REPORTS_DIR,
        baseline_figures,
        committed_baselines,
        load_summary,
        run_eval,
        write_baselines,
        write_reports,
    )
    from llmx.serve import SERVED_MODEL, RulesServer

    set_verbosity(quiet, verbose)
    if figures:
        typer.echo(baseline_figures(baseline_dir or REPORTS_DIR), nl=False)
        return
    gates = parse_fail_under(fail_under or [])  # a malformed gate or unknown metric stops here (exit 3), not after
    if compare:
        a, b = (load_summary(p) for p in compare)
        typer.echo(compare_reports(a, b, labels=(compare[0].stem, compare[1].stem)))
        return
    if save_baseline and only:
        raise EvalError("--save-baseline scores every document of a split; drop --doc")
    out_dir = out or REPORTS_DIR
    server = RulesServer() if local and record else None
    with server or nullcontext():  # entering the server starts it
        if local:
            backend, model, api_key = "llm", model or SERVED_MODEL, None
            base_url = server.base_url if server is not None else base_url
        settings = settings_for(
            backend=backend,
            model=model,
            base_url=base_url,
            api_key=api_key,
            mode=mode,
            prompt=prompt,
            prompts_dir=prompts_dir,
            verify=verify,
            request_log=log,
        )
        if settings.effective_backend == "llm" and not record:
            say(f"replaying recorded cassettes for model {settings.model}, prompt {settings.prompt} (no network)")
        else:
            announce(settings)
        summary = run_eval(
            settings,
            gold_dir=gold or GOLD_DIR,
            cassettes=cassettes or CASSETTES_DIR,
            record=record,
            only=only,
            split=split,
            on_case=lambda case: say(f"scoring {case.split}/{case.name}"),
        )
    bases: dict[str, dict[str, object]] = {}
    for path in baseline or []:
        bases.update(as_baselines(load_summary(path)))
    if not baseline and max_drop is not None:
        bases = committed_baselines(summary, baseline_dir or REPORTS_DIR)
    for path in write_reports(summary, out_dir, bases or None):
        say(f"wrote {path}")
    if save_baseline:
        for path in write_baselines(summary, baseline_dir or REPORTS_DIR):
            say(f"wrote baseline {path}")
    typer.echo(headline(summary, bases or None), nl=False)
    enforce_gates(summary, gates, bases or None, max_drop)


prompts_app = typer.Typer(help="List and show the versioned prompt templates.", no_args_is_help=True)
app.add_typer(prompts_app, name="prompts")


@prompts_app.command("list")
@handles_errors
def prompts_list(prompts_dir: PromptsDirOpt = None) -> None:
    """Every prompt: NAME@VERSION, content hash, response model, and fixed tokens per request."""
    from llmx.llm.prompts import example, list_prompts, schema_text
    from llmx.llm.tokens import count_tokens, tokenizer

    folder = settings_for(prompts_dir=prompts_dir).prompts_dir
    found = list_prompts(folder)
    if not found:
        raise ConfigError(f"no prompt templates (NAME.vN.jinja) in {folder}")
    typer.echo(f"{'prompt':14} {'hash':12} {'response':16} {'instr. tokens':>13} {'schema tokens':>13}")
    for p in found:
        system = p.render(**example(p))[0]["content"]
        typer.echo(
            f"{p.ref:14} {p.hash:12} {p.response_model.__name__:16} {count_tokens(system):13} "
            f"{count_tokens(schema_text(p)):13}"
        )
    say(f"tokens counted with {tokenizer()[0]}; instructions vary with the section role")


@prompts_app.command("show")
@handles_errors
def prompts_show(
    ref: Annotated[str, typer.Argument(help="NAME@VERSION, e.g. section@v1")],
    template: Annotated[bool, typer.Option("--template", help="print the template source, not an example")] = False,
    prompts_dir: PromptsDirOpt = None,
) -> None:
    """Print a prompt's messages rendered with its built-in example, and its response schema."""
    from llmx.llm.prompts import example, load, schema_text

    p = load(ref, settings_for(prompts_dir=prompts_dir).prompts_dir)
    typer.echo(f"# {p.ref}  hash {p.hash}  response {p.response_model.__name__}  file {p.path}")
    if template:
        for file, source in p.sources.items():
            typer.echo(f"## {file}\n{source}")
        return
    for message in p.render(**example(p)):
        typer.echo(f"## {message['role']}\n{message['content']}")
    typer.echo(f"## response schema\n{schema_text(p)}")


@prompts_app.command("render")
@handles_errors
def prompts_render(
    ref: Annotated[str, typer.Argument(help="NAME@VERSION: section@vN (every section request) or metadata@vN")],
    report: Annotated[Path, typer.Argument(help="report file")],
    section: Annotated[
        list[str] | None,
        typer.Option("--section", help="only the requests carrying this section (id from `llmx sections`; repeatable)"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="the request bodies as JSON, one list")] = False,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    api_key: ApiKeyOpt = None,
    mode: ModeOpt = None,
    prompts_dir: PromptsDirOpt = None,
    max_answer_tokens: MaxAnswerOpt = None,
) -> None:
    """Print the exact requests `extract` would send for REPORT: messages, schema, max_tokens.

    The same plan and the same request builder as `extract` (nothing is sent; with --base-url the
    endpoint is asked its context and tokenizer first, as `extract` does)."""
    import json

    from llmx.llm.client import ModelClient
    from llmx.llm.prompts import parse_ref
    from llmx.pipeline import plan_report

    name, version = parse_ref(ref)
    settings = settings_for(
        backend="llm",
        model=model or "MODEL",  # any name: rendering sends nothing
        base_url=base_url,
        api_key=api_key,
        mode=mode,
        prompt=f"section@{version}",
        prompts_dir=prompts_dir,
        max_answer_tokens=max_answer_tokens,
    )
    plan = plan_report(report, settings, sections=section, metadata=True if name == "metadata" else None)
    if name == "metadata":
        requests = [plan.metadata.request] if plan.metadata.request else []
    else:
        requests = plan.requests_by_job
    if not requests:
        raise ConfigError(f"{report}: no {name} request to render (nothing in it to send)")
    jobs = plan.jobs if name == "section" else [None]
    with ModelClient(settings, replay=True) as client:
        bodies = [client.request_body(r.messages, r.response_model, r.max_tokens) for r in requests]
    if as_json:
        typer.echo(json.dumps(bodies, ensure_ascii=False, indent=2))
        return
    for k, (request, body, job) in enumerate(zip(requests, bodies, jobs, strict=True), 1):
        carried = f"sections {', '.join(job.section_ids) or '(outside them)'}" if job else "document head and tail"
        limit = body.get("max_tokens", "none")
        typer.echo(f"# request {k}/{len(requests)}: {carried}; {request.tag}; mode {settings.mode}; max_tokens {limit}")
        for message in body["messages"]:
            typer.echo(f"## {message['role']}\n{message['content']}")
        rest = {k: v for k, v in body.items() if k not in ("messages", "model", "max_tokens")}
        typer.echo(f"## request options\n{json.dumps(rest, ensure_ascii=False)}\n")


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
    max_answer_tokens: MaxAnswerOpt = None,
    timeout: TimeoutOpt = None,
    log: LogOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Record cassettes: run the LLM backend on each report and save every request and answer."""
    from contextlib import nullcontext

    from llmx.evaluation.recording import record_reports
    from llmx.llm.cassettes import EVAL_CASSETTES
    from llmx.serve import SERVED_MODEL, RulesServer

    set_verbosity(quiet, verbose)
    server = RulesServer() if local else None
    with server or nullcontext():  # entering the server starts it
        if server is not None:
            model, base_url, api_key = model or SERVED_MODEL, server.base_url, None
        settings = settings_for(
            backend="llm",
            model=model,
            base_url=base_url,
            api_key=api_key,
            mode=mode,
            prompt=prompt,
            prompts_dir=prompts_dir,
            max_answer_tokens=max_answer_tokens,
            timeout=timeout,
            request_log=log,
        )
        announce(settings)
        mode_name = "new_episodes" if new_episodes else "all"
        for rec in record_reports(reports, settings, cassettes or EVAL_CASSETTES, record_mode=mode_name):
            usage = rec.document.extractor.usage
            say(
                f"{rec.cassette}: {usage.requests if usage else 0} requests, "
                f"{usage.prompt_tokens if usage else 0}+{usage.completion_tokens if usage else 0} tokens, "
                f"{len(rec.document.indicators)} indicators, {len(rec.document.problems)} problems"
            )
