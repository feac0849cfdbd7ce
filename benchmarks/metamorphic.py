"""Metamorphic robustness of the rules on the dev gold: how far the scores move when a report is
written in another surface form with the same content.

    python benchmarks/metamorphic.py                     # every rewrite, the table of deltas
    python benchmarks/metamorphic.py -t wrap80 --moves   # one rewrite, what it lost / gained
    python benchmarks/metamorphic.py --pdf               # also the docx sources rendered to PDF

Each dev report's normalized text is rewritten (`metamorphs.TRANSFORMS`: heading numbering,
bullets, hard wrap, blank lines, heading case, `:` after headings, no header/closing block),
written as a .txt, the gold carried over through the rewrite's offset map (re-anchored with
`gold.locate` where the reader changes the text again), and the rules run on it are scored. The
delta is against the same rules run on the untransformed text written as a .txt (the reader of
the original .docx/.pdf is not part of what is measured). `--pdf` renders the .docx/.doc sources
to PDF with LibreOffice and scores that against the original files' run (gold re-anchored; items
it cannot place are left out on both runs). Dev split only: the test split is held apart.
Rewrites in `metamorphs.HELD_BACK` are a check nobody tunes on; they are printed apart.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import metamorphs_heads  # type: ignore[import-not-found]
import metamorphs_wording  # type: ignore[import-not-found]
from metamorphs import HELD_BACK, TRANSFORMS, carry_gold  # type: ignore[import-not-found]

from llmx.config import Settings
from llmx.contract import ReportDocument
from llmx.evaluation.gold import locate
from llmx.evaluation.results import DocScore, flatten
from llmx.evaluation.runner import gold_cases, load_case_file
from llmx.evaluation.scoring import aggregate, score_document
from llmx.pipeline import extract_document, prepare

METRICS = (
    "sections.f1",
    "sections.role.accuracy",
    "sections.level.accuracy",
    "indicators.f1",
    "indicators.comparisons.f1",
    "tasks.f1",
    "tasks.coverage.f1",
    "limitations.f1",
    "limitations.coverage.f1",
    "proposals.f1",
    "references.f1",
    "metadata.accuracy",
)
RULES = Settings(backend="rules")
# the heading forms' and the comparison wordings' rewrites too
TRANSFORMS = {**TRANSFORMS, **metamorphs_heads.TRANSFORMS, **metamorphs_wording.TRANSFORMS}
HELD_BACK = HELD_BACK | metamorphs_heads.HELD_BACK | metamorphs_wording.HELD_BACK


def _placed(gold: ReportDocument, text: str) -> tuple[ReportDocument, int]:
    """The gold re-anchored in `text` (unchanged when it is the gold's own text), without the
    items `locate` could not place, and how many those were."""
    if text == gold.text:
        return gold, 0
    moved = locate(gold, text)
    lost = {p.message.split(":")[0] for p in moved.problems[len(gold.problems) :] if p.stage == "locate"}
    update: dict[str, Any] = {"problems": gold.problems}
    dropped = 0
    for group in ("indicators", "references", "tasks", "limitations", "proposals"):
        keep = [it for it in getattr(moved, group) if f"{group[:-1]} {it.id}" not in lost]
        dropped += len(getattr(moved, group)) - len(keep)
        update[group] = keep
    return moved.model_copy(update=update), dropped


def _score_txt(name: str, gold: ReportDocument, scope: Any, work: Path) -> tuple[DocScore, int]:
    path = work / f"{name}.txt"
    path.write_text(gold.text, encoding="utf-8")
    placed, dropped = _placed(gold, prepare(path).text)
    return score_document(extract_document(path, RULES), placed, name=name, scope=scope), dropped


def _figures(scores: list[DocScore]) -> dict[str, float]:
    summary = aggregate(scores)
    micro = {k: v.model_dump() for k, v in summary.micro.items()}
    return flatten(micro, summary.metadata.model_dump())


def run(names: list[str], work: Path, moves: bool) -> dict[str, dict[str, float]]:
    """Figures per rewrite (`identity` first) over the dev gold."""
    cases = [(c.name, load_case_file(c)) for c in gold_cases(split="dev")]
    out: dict[str, dict[str, float]] = {}
    base: dict[str, DocScore] = {}
    for t in ["identity", *names]:
        (work / t).mkdir(parents=True, exist_ok=True)
        scores, dropped, changed = [], 0, 0
        for name, gf in cases:
            if t == "identity":
                g = gf.doc
            else:
                rw = TRANSFORMS[t](gf.doc)
                changed += bool(rw.edits)
                g = carry_gold(gf.doc, rw)
            score, lost = _score_txt(name, g, gf.scope_sections, work / t)
            dropped += lost
            scores.append(score)
            if t == "identity":
                base[name] = score
            elif moves:
                _print_moves(t, base[name], score)
        out[t] = {**_figures(scores), "_docs_changed": changed, "_gold_unplaced": dropped}
    return out


def _print_moves(t: str, before: DocScore, after: DocScore) -> None:
    """What a rewrite lost (now missed / now false) and gained, by item text."""

    def keys(notes: list[Any]) -> set[tuple[str, str]]:
        return {(n.type, " ".join(n.text.split())[:110]) for n in notes}

    for label, b, a in (("MISS", before.misses, after.misses), ("FP", before.false_positives, after.false_positives)):
        for typ, text in sorted(keys(a) - keys(b)):
            print(f"[{t}] {after.name} +{label} {typ}: {text}")
        for typ, text in sorted(keys(b) - keys(a)):
            print(f"[{t}] {after.name} -{label} {typ}: {text}")
    for n in after.mismatches:
        if (n.type, n.text, n.detail) not in {(m.type, m.text, m.detail) for m in before.mismatches}:
            print(f"[{t}] {after.name} +DIFF {n.type}: {' '.join(n.text.split())[:80]} :: {n.detail}")


def run_pdf(work: Path, moves: bool = False) -> dict[str, dict[str, float]]:
    """The .docx/.doc dev sources against themselves rendered to PDF by LibreOffice."""
    cases = [c for c in gold_cases(split="dev") if c.source_path.suffix in {".docx", ".doc"}]
    (work / "pdf").mkdir(parents=True, exist_ok=True)
    orig, pdf, dropped = [], [], 0
    for case in cases:
        gf = load_case_file(case)
        out = work / "pdf" / f"{case.source_path.stem}.pdf"
        if not out.is_file():
            subprocess.run(
                ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out.parent), str(case.source_path)],
                check=True,
                capture_output=True,
                timeout=300,
            )
        placed, lost = _placed(gf.doc, prepare(out).text)
        dropped += lost
        ids = {
            g: {it.id for it in getattr(placed, g)}
            for g in ("indicators", "references", "tasks", "limitations", "proposals")
        }
        same = gf.doc.model_copy(update={g: [it for it in getattr(gf.doc, g) if it.id in ids[g]] for g in ids})
        orig.append(score_document(extract_document(case.source_path, RULES), same, case.name, gf.scope_sections))
        pdf.append(score_document(extract_document(out, RULES), placed, case.name, gf.scope_sections))
        if moves:
            _print_moves("docx_to_pdf", orig[-1], pdf[-1])
    n = len(cases)
    return {
        "docx_original": {**_figures(orig), "_docs_changed": n, "_gold_unplaced": 0},
        "docx_to_pdf": {**_figures(pdf), "_docs_changed": n, "_gold_unplaced": dropped},
    }


def table(figs: dict[str, dict[str, float]], base: str, names: list[str]) -> str:
    """Metric rows x rewrite columns: the base figure, then each rewrite's delta (points)."""
    cols = [n for n in names if n in figs]
    head = (
        "| metric | " + base + " | " + " | ".join(f"{c}{' (held back)' if c in HELD_BACK else ''}" for c in cols) + " |"
    )
    rows = [head, "|" + "---|" * (len(cols) + 2)]
    for m in METRICS:
        b = figs[base].get(m)
        cells = []
        for c in cols:
            v = figs[c].get(m)
            cells.append("n/a" if v is None or b is None else f"{100 * (v - b):+.1f}")
        rows.append(f"| {m} | {'n/a' if b is None else f'{b:.3f}'} | " + " | ".join(cells) + " |")
    for k in ("_docs_changed", "_gold_unplaced"):
        rows.append(f"| {k[1:]} | | " + " | ".join(str(int(figs[c].get(k, 0))) for c in cols) + " |")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "-t", "--transform", action="append", choices=sorted(TRANSFORMS), help="rewrites (default: all)"
    )
    parser.add_argument("--moves", action="store_true", help="print the items each rewrite lost or gained")
    parser.add_argument("--pdf", action="store_true", help="also render the .docx/.doc sources to PDF")
    parser.add_argument("--pdf-only", action="store_true", help="only the PDF rendering (with --pdf)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/llmx-metamorphic"), help="where rewritten files go")
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    args = parser.parse_args()
    names = args.transform or [t for t in TRANSFORMS if t not in HELD_BACK] + sorted(HELD_BACK)
    if args.pdf_only:
        names = []
    figs = run(names, args.work, args.moves) if names else {}
    tuned = [n for n in names if n not in HELD_BACK]
    if names:
        print("## rewrites (delta vs the untransformed text as .txt, points)")
        print(table(figs, "identity", tuned))
    held = [n for n in names if n in HELD_BACK]
    if held:
        print("\n## held back (never tuned on)")
        print(table(figs, "identity", held))
    if args.pdf:
        figs.update(run_pdf(args.work, args.moves))
        print("\n## docx rendered to PDF (delta vs the original .docx/.doc)")
        print(table(figs, "docx_original", ["docx_to_pdf"]))
    if args.json:
        args.json.write_text(json.dumps(figs, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
