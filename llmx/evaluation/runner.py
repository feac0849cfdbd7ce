"""Run an eval: load gold -> extract (rules, or LLM replayed from cassettes) -> score -> reports.

This is the eval flow's I/O module: it reads gold files and sources, runs the pipeline, and
writes `eval/reports/<label>.{json,md,html}`. Scoring and rendering stay pure in `scoring.py`
and `report.py`. LLM runs replay recorded HTTP cassettes by default (no network, no key);
`record=True` talks to the live endpoint and writes the cassettes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from llmx.config import REPO_ROOT, Settings
from llmx.contract import ReportDocument
from llmx.errors import EvalError
from llmx.evaluation.gold import load_gold
from llmx.evaluation.report import to_html, to_json, to_markdown
from llmx.evaluation.results import DocScore
from llmx.evaluation.scoring import aggregate, score_document
from llmx.output import write_atomic
from llmx.pipeline import extract_document, prepare

GOLD_DIR = REPO_ROOT / "eval" / "gold"
REPORTS_DIR = REPO_ROOT / "eval" / "reports"
CASSETTES_DIR = REPO_ROOT / "eval" / "cassettes"


@dataclass(frozen=True)
class GoldCase:
    name: str
    gold_path: Path
    source_path: Path
    split: str = "dev"  # the gold folder it sits in: `dev` (tuning) or `test` (held apart)


def gold_cases(gold_dir: Path = GOLD_DIR, only: list[str] | None = None) -> list[GoldCase]:
    """Every gold file under `gold_dir` (its split folders included) with the report it labels
    (paths in gold are relative to the repo)."""
    cases = []
    for path in sorted(gold_dir.rglob("*.json"), key=lambda p: (p.parent.name, p.name)):
        source = json.loads(path.read_text(encoding="utf-8")).get("source", {}).get("path")
        if not source:
            raise EvalError("gold file has no source.path", path=str(path))
        src = Path(source) if Path(source).is_absolute() else REPO_ROOT / source
        if only and path.stem not in only:
            continue
        split = path.parent.name if path.parent != gold_dir else gold_dir.name
        cases.append(GoldCase(path.stem, path, src, split))
    if not cases:
        raise EvalError(f"no gold files in {gold_dir}")
    return cases


def load_case(case: GoldCase) -> ReportDocument:
    """The gold document with the current normalized text of its source."""
    return load_gold(case.gold_path, prepare(case.source_path).text)


def run_label(settings: Settings) -> str:
    """A file-safe name for a run: backend, model and prompt."""
    if settings.effective_backend == "rules":
        return "rules"
    raw = f"llm-{settings.model}-{settings.prompt}"
    return re.sub(r"[^\w.@-]+", "_", raw)


Predictor = Callable[[GoldCase], ReportDocument]


def make_predictor(settings: Settings, *, cassettes: Path = CASSETTES_DIR, record: bool = False) -> Predictor:
    """How to get a prediction for a case: the rules backend, the LLM replayed from its cassette
    (the default: no network, no key), or the live LLM while recording the cassette."""
    if settings.effective_backend == "rules":
        return lambda case: extract_document(case.source_path, settings)
    from llmx.evaluation.recording import record_reports, replay_report

    def predict(case: GoldCase) -> ReportDocument:
        if record:
            return record_reports([case.source_path], settings, cassettes)[0].document
        return replay_report(case.source_path, settings, cassettes)

    return predict


def run_eval(
    settings: Settings,
    *,
    gold_dir: Path = GOLD_DIR,
    cassettes: Path = CASSETTES_DIR,
    record: bool = False,
    only: list[str] | None = None,
    on_case: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Score one backend/model/prompt against every gold document; the summary as JSON."""
    predict = make_predictor(settings, cassettes=cassettes, record=record)
    scores: list[DocScore] = []
    for case in gold_cases(gold_dir, only):
        if on_case:
            on_case(case.name)
        gold = load_case(case)
        scores.append(score_document(predict(case), gold, name=case.name))
    summary = to_json(aggregate(scores))
    summary["run"] = {
        "label": run_label(settings),
        "backend": settings.effective_backend,
        "model": settings.model if settings.effective_backend == "llm" else None,
        "prompt": settings.prompt if settings.effective_backend == "llm" else None,
        "replayed": settings.effective_backend == "llm" and not record,
        "documents": [c.name for c in gold_cases(gold_dir, only)],
    }
    return summary


def write_reports(summary: dict[str, Any], out_dir: Path, baseline: dict[str, Any] | None = None) -> list[Path]:
    """Markdown, JSON and a self-contained HTML page for one run."""
    label = summary.get("run", {}).get("label", "eval")
    paths = [out_dir / f"{label}.json", out_dir / f"{label}.md", out_dir / f"{label}.html"]
    write_atomic(paths[0], json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    write_atomic(paths[1], to_markdown(summary, baseline))
    write_atomic(paths[2], to_html(summary, baseline))
    return paths


def load_summary(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"cannot read eval report: {exc}", path=str(path)) from None
    if not isinstance(data, dict):
        raise EvalError("not an eval report", path=str(path))
    return data
