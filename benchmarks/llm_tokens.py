"""Token cost of the LLM backend per dev report, and how much of it is fixed overhead.

Run: `python benchmarks/llm_tokens.py [--mode tools] [--no-pack-column]`. Each report goes through
the LLM backend against an in-process `llmx-rules-server` on loopback (no model API, no key).
Prompt tokens are split into the report's own text (the `<section_text>` blocks, or the header
and closing block sent for metadata) and everything else: instructions, tag framing and the
response schema, which are paid again on every request. The server counts tokens with llmx's
budgeter (`llmx.llm.tokens.count_tokens`; the tokenizer in use is printed), as a provider would
count them on its side. The `unpacked` columns show the same run with one request per section.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from llmx.config import Settings
from llmx.llm.client import ModelClient
from llmx.llm.runner import run_llm
from llmx.llm.tokens import count_tokens, tokenizer
from llmx.pipeline import prepare
from llmx.serve import SERVED_MODEL, RulesServer, ServerConfig
from llmx.serve.chat import prompt_texts

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _report_tokens(bodies: list[dict]) -> int:
    """Tokens of report text inside the user messages of the requests the server received."""
    total = 0
    for body in bodies:
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        total += sum(count_tokens(t) for t in prompt_texts(user))
    return total


def measure(path: Path, mode: str, pack_tokens: int | None) -> dict[str, float]:
    prepared = prepare(path)
    norm, layout = prepared.norm, prepared.layout
    with RulesServer(ServerConfig()) as srv:
        settings = Settings(backend="llm", model=SERVED_MODEL, base_url=srv.base_url, mode=mode)  # type: ignore[arg-type]
        kwargs = {} if pack_tokens is None else {"pack_tokens": pack_tokens}
        with ModelClient(settings) as client:
            run = run_llm(norm.text, layout, settings, client=client, **kwargs)
        bodies = list(srv.requests)
    usage = run.extractor.usage
    assert usage is not None
    text = _report_tokens(bodies)
    return {
        "requests": usage.requests,
        "prompt": usage.prompt_tokens,
        "completion": usage.completion_tokens,
        "text": text,
        "overhead": (usage.prompt_tokens - text) / usage.prompt_tokens if usage.prompt_tokens else 0.0,
        "problems": len(run.extraction.problems),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", default="tools", choices=["tools", "json_schema", "json", "md_json"])
    parser.add_argument("--no-pack-column", action="store_true", help="skip the one-request-per-section run")
    args = parser.parse_args()
    print(f"tokenizer: {tokenizer()[0]}; instructor mode: {args.mode}")
    head = f"{'report':38} {'req':>4} {'prompt':>7} {'compl.':>7} {'text':>7} {'instr+schema':>12}"
    print(head + ("" if args.no_pack_column else f" | {'unpacked: req':>13} {'prompt':>7} {'instr+schema':>12}"))
    totals = {"requests": 0.0, "prompt": 0.0, "completion": 0.0, "text": 0.0}
    for path in sorted(SAMPLES.glob("*.txt")):
        row = measure(path, args.mode, None)
        for key in totals:
            totals[key] += row[key]
        line = (
            f"{path.stem:38} {row['requests']:4.0f} {row['prompt']:7.0f} {row['completion']:7.0f} "
            f"{row['text']:7.0f} {row['overhead']:11.0%}"
        )
        if not args.no_pack_column:
            single = measure(path, args.mode, 0)
            line += f"  | {single['requests']:13.0f} {single['prompt']:7.0f} {single['overhead']:11.0%}"
        print(line)
    share = (totals["prompt"] - totals["text"]) / totals["prompt"]
    print(
        f"{'total':38} {totals['requests']:4.0f} {totals['prompt']:7.0f} {totals['completion']:7.0f} "
        f"{totals['text']:7.0f} {share:11.0%}"
    )


if __name__ == "__main__":
    main()
