"""Run an eval: load gold -> extract (rules, or LLM replayed from cassettes) -> score -> reports.

This is the eval flow's I/O module: it reads gold files and sources, runs the pipeline, and
writes `eval/reports/<label>[-<split>].{json,md,html}` and the per-split baselines
`eval/reports/baseline-<label>-<split>.json`. Scoring, rendering and gates stay pure in
`scoring.py`, `report.py`, `report_html.py` and `gates.py`. LLM runs replay recorded HTTP
cassettes by default (no network, no key); `record=True` talks to the live endpoint and writes
the cassettes.
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
from llmx.evaluation.gold import GoldFile, load_gold_file
from llmx.evaluation.report import (
    baseline_form,
    figures_table,
    overview,
    split_order_of,
    split_summaries,
    to_json,
    to_markdown,
)
from llmx.evaluation.report_html import to_html
from llmx.evaluation.results import DocScore
from llmx.evaluation.scoring import aggregate, score_document
from llmx.output import write_atomic
from llmx.pipeline import extract_document, prepare

GOLD_DIR = REPO_ROOT / "eval" / "gold"
REPORTS_DIR = REPO_ROOT / "eval" / "reports"
CASSETTES_DIR = REPO_ROOT / "eval" / "cassettes"


SPLITS: tuple[str, ...] = ("test", "dev")  # report order: the held-apart split leads
SPLIT_CHOICES: tuple[str, ...] = ("all", *SPLITS)


@dataclass(frozen=True)
class GoldCase:
    name: str
    gold_path: Path
    source_path: Path
    split: str = "dev"  # the gold folder it sits in: `dev` (tuning) or `test` (held apart)


def gold_cases(gold_dir: Path = GOLD_DIR, only: list[str] | None = None, split: str = "all") -> list[GoldCase]:
    """Every gold file under `gold_dir` (its split folders included) with the report it labels
    (paths in gold are relative to the repo); `split` keeps one split folder."""
    cases = []
    for path in sorted(gold_dir.rglob("*.json"), key=lambda p: (p.parent.name, p.name)):
        source = json.loads(path.read_text(encoding="utf-8")).get("source", {}).get("path")
        if not source:
            raise EvalError("gold file has no source.path", path=str(path))
        src = Path(source) if Path(source).is_absolute() else REPO_ROOT / source
        if only and path.stem not in only:
            continue
        case_split = path.parent.name if path.parent != gold_dir else gold_dir.name
        if split != "all" and case_split != split:
            continue
        cases.append(GoldCase(path.stem, path, src, case_split))
    if not cases:
        where = gold_dir if split == "all" else f"{gold_dir} (split {split})"
        raise EvalError(f"no gold files in {where}" + (f" named {', '.join(only)}" if only else ""))
    return cases


def load_case_file(case: GoldCase) -> GoldFile:
    """The gold file of a case with the current normalized text of its source."""
    return load_gold_file(case.gold_path, prepare(case.source_path).text)


def load_case(case: GoldCase) -> ReportDocument:
    """The gold document with the current normalized text of its source."""
    return load_case_file(case).doc


def run_label(settings: Settings) -> str:
    """A file-safe name for a run: backend, model and prompt (and the cross-check, if any)."""
    if settings.effective_backend == "rules":
        return "rules"
    raw = f"llm-{settings.model}-{settings.prompt}" + ("-verify-rules" if settings.verify else "")
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
    split: str = "all",
    on_case: Callable[[GoldCase], None] | None = None,
) -> dict[str, Any]:
    """Score one backend/model/prompt against the gold documents, each split on its own.

    The result is `{"run": ..., "splits": {"test": summary, "dev": summary}}` (held-apart split
    first); each split summary stands alone (its own `run`, with the split and its documents)
    and is what a per-split baseline holds.
    """
    if split not in SPLIT_CHOICES:
        raise EvalError(f"unknown split {split!r}: use one of {', '.join(SPLIT_CHOICES)}")
    predict = make_predictor(settings, cassettes=cassettes, record=record)
    cases = gold_cases(gold_dir, only, split)
    run = {
        "label": run_label(settings),
        "backend": settings.effective_backend,
        "model": settings.model if settings.effective_backend == "llm" else None,
        "prompt": settings.prompt if settings.effective_backend == "llm" else None,
        "replayed": settings.effective_backend == "llm" and not record,
    }
    by_split: dict[str, list[DocScore]] = {}
    for case in cases:
        if on_case:
            on_case(case)
        gold = load_case_file(case)
        score = score_document(predict(case), gold.doc, name=case.name, scope=gold.scope_sections)
        by_split.setdefault(case.split, []).append(score)
    splits: dict[str, Any] = {}
    for name in split_order_of(by_split):
        summary = to_json(aggregate(by_split[name]))
        documents = [c.name for c in cases if c.split == name]
        summary["run"] = {**run, "split": name, "in_sample": name != "test", "documents": documents}
        splits[name] = summary
    return {"run": {**run, "split": split, "documents": [c.name for c in cases]}, "splits": splits}


def baseline_path(out_dir: Path, label: str, split: str) -> Path:
    """Where the committed baseline of one backend/model/prompt and split lives."""
    return out_dir / f"baseline-{label}-{split}.json"


def write_baselines(summary: dict[str, Any], out_dir: Path = REPORTS_DIR) -> list[Path]:
    """Each scored split's summary as its baseline (`baseline-<label>-<split>.json`): the
    figures and per-document scores, without the item notes (they would only bloat the diff)."""
    label = str(summary.get("run", {}).get("label", "eval"))
    paths = []
    for split, part in split_summaries(summary).items():
        path = baseline_path(out_dir, label, split)
        write_atomic(path, json.dumps(baseline_form(part), ensure_ascii=False, indent=1) + "\n")
        paths.append(path)
    return paths


def baseline_figures(out_dir: Path = REPORTS_DIR) -> str:
    """The README's figures table from the committed baselines: rules first, then each replayed
    model, every split they hold (see `report.figures_table`)."""
    runs: dict[str, dict[str, dict[str, Any]]] = {}
    for path in sorted(out_dir.glob("baseline-*.json")):
        data = load_summary(path)
        run = data.get("run", {})
        if run.get("label") and run.get("split"):
            runs.setdefault(str(run["label"]), {})[str(run["split"])] = data
    if not runs:
        raise EvalError(f"no per-split baselines in {out_dir}; write them with --save-baseline")
    ordered = dict(sorted(runs.items(), key=lambda kv: (kv[0] != "rules", kv[0])))
    return figures_table(ordered)


def committed_baselines(summary: dict[str, Any], out_dir: Path = REPORTS_DIR) -> dict[str, dict[str, Any]]:
    """The committed baseline of each split the run scored (EvalError naming a missing one)."""
    label = str(summary.get("run", {}).get("label", "eval"))
    out = {}
    for split in split_summaries(summary):
        path = baseline_path(out_dir, label, split)
        if not path.is_file():
            raise EvalError(f"no baseline for split {split} at {path}; write it with --save-baseline")
        out[split] = load_summary(path)
    return out


def write_reports(
    summary: dict[str, Any], out_dir: Path, baselines: dict[str, dict[str, Any]] | None = None
) -> list[Path]:
    """Markdown, JSON and a self-contained HTML page per scored split (`<label>-<split>.*`, every
    detail), and for a run of every split the overview `<label>.*` (figures per split, nothing
    per document). A tuner reads `<label>-dev.*` and the overview, never `<label>-test.*`."""
    label = str(summary.get("run", {}).get("label", "eval"))
    bases = baselines or {}
    pages: list[tuple[str, dict[str, Any], dict[str, Any] | None]] = [
        (f"{label}-{split}", part, bases.get(split)) for split, part in split_summaries(summary).items()
    ]
    if summary.get("run", {}).get("split", "all") == "all" and "splits" in summary:
        pages.append((label, overview(summary), baselines))
    paths = []
    for stem, data, base in pages:
        paths += [out_dir / f"{stem}.json", out_dir / f"{stem}.md", out_dir / f"{stem}.html"]
        write_atomic(paths[-3], json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        write_atomic(paths[-2], to_markdown(data, base))
        write_atomic(paths[-1], to_html(data, base))
    return paths


def load_summary(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"cannot read eval report: {exc}", path=str(path)) from None
    if not isinstance(data, dict):
        raise EvalError("not an eval report", path=str(path))
    return data
