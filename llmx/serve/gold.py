"""Answers from hand-labelled gold: the loopback server as a model that answers perfectly.

`llmx serve --answers gold --gold eval/gold/dev` serves `llmx-gold-server`, whose answer to a
section request is the gold items whose spans fall inside the request's text, and whose answer
to a metadata request is the gold metadata of the report the text comes from. Whatever the LLM
pipeline then fails to return is lost by the pipeline itself (text never sent, answers rejected
by validators, quotes grounded in the wrong place, fields dropped when merging), not by a model:
tests/test_llm_perfect_model.py measures that loss.

A request is matched to its report by finding each `<section_text>` block (or the metadata
head) verbatim in the normalized text of a gold report (a table chunk without the header rows
repeated above it); the blocks of one request are searched in order, each after the previous one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from llmx.serve.chat import ALL_KINDS, parse_request

GOLD_MODEL = "llmx-gold-server"

# the fields of each item kind that a model answers with (no ids, offsets, sectors or flags)
ANSWER_FIELDS: dict[str, tuple[str, ...]] = {
    "indicators": ("quote", "name", "value", "unit", "target", "comparisons", "estimated", "approx", "as_of"),
    "tasks": ("text",),
    "limitations": ("text", "kind"),
    "references": ("quote", "doc_type", "number", "date", "issuer"),
    "proposals": ("text", "addressee"),
}
METADATA_EXCLUDED = ("post_date", "issue_date_source")  # llmx's own additions, not asked of a model


@dataclass
class GoldReport:
    name: str
    text: str
    gold: dict[str, Any]


def load_reports(gold_dir: Path) -> list[GoldReport]:
    """Every gold file under `gold_dir` with the current normalized text of the report it labels."""
    from llmx.config import REPO_ROOT
    from llmx.pipeline import prepare

    reports = []
    for path in sorted(gold_dir.rglob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        source = Path(gold["source"]["path"])
        text = prepare(source if source.is_absolute() else REPO_ROOT / source).text
        reports.append(GoldReport(path.stem, text, gold))
    if not reports:
        raise ValueError(f"no gold files under {gold_dir}")
    return reports


def _find(report: GoldReport, text: str, pos: int, skip_header: bool) -> tuple[int, int] | None:
    """Where `text` sits in the report (after `pos` when it can); with `skip_header`, a table
    chunk sent under its repeated header rows (leading ` | ` lines) sits where its own rows do
    (the header is context, not the chunk)."""
    lines = text.split("\n")
    skips = range(len(lines)) if skip_header else range(1)
    for skip in skips:
        if skip and " | " not in lines[skip - 1]:
            break
        own = "\n".join(lines[skip:])
        if not own.strip():
            break
        at = report.text.find(own, pos)
        if at < 0:
            at = report.text.find(own)  # a request may repeat an earlier line (chunk overlap)
        if at >= 0:
            return at, at + len(own)
    return None


def _locate(report: GoldReport, texts: list[str], skip_header: bool) -> list[tuple[int, int]] | None:
    """Spans of `texts` found in order in the report's text, or None when one is not there."""
    spans, pos = [], 0
    for text in texts:
        span = _find(report, text, pos, skip_header)
        if span is None:
            return None
        spans.append(span)
        pos = span[1]
    return spans


class GoldAnswers:
    """Answers chat requests with the gold of the report their text comes from."""

    def __init__(self, gold_dir: Path) -> None:
        self.reports = load_reports(gold_dir)

    def _find(self, texts: list[str]) -> tuple[GoldReport, list[tuple[int, int]]]:
        for skip_header in (False, True):  # verbatim first: a header row alone is in many reports
            for report in self.reports:
                spans = _locate(report, [t for t in texts if t], skip_header)
                if spans is not None:
                    return report, spans
        raise LookupError("the request's text is not in any gold report this server was given")

    def section(self, blocks: list[str], wanted: set[str]) -> dict[str, list[Any]]:
        report, spans = self._find(blocks)
        answer: dict[str, list[Any]] = {kind: [] for kind in ALL_KINDS}
        for kind in ALL_KINDS:
            if kind not in wanted:
                continue
            for item in report.gold.get(kind, []):
                if any(s <= item["start"] and item["end"] <= e for s, e in spans):
                    answer[kind].append({k: item[k] for k in ANSWER_FIELDS[kind] if k in item})
        return answer

    def metadata(self, head: str, tail: str) -> dict[str, Any]:
        report, _ = self._find([head, tail])
        meta = dict(report.gold.get("metadata") or {})
        return {k: v for k, v in meta.items() if k not in METADATA_EXCLUDED}

    def answer_for(self, user: str) -> tuple[dict[str, Any], list[str]]:
        """The answer to one prompt, and the texts it was computed from (see chat.answer_for)."""
        request = parse_request(user)
        if request.blocks is not None:
            return self.section(request.blocks, request.wanted), request.blocks
        return self.metadata(request.head, request.tail), [request.head, request.tail]
