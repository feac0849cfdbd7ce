"""Agreement between the forms of one document: a .docx report, its PDF and its HTML export.

    python benchmarks/consistency.py --cache /tmp/llmx-consistency        # tuned and held-back figures
    python benchmarks/consistency.py --cache DIR --worst 10 --moves DOC   # what one tuned document differs in

Most PDFs and web pages of the genre are Word documents exported, so the readers (llmx/read/:
docx, pdf, html) should give the same items from the three forms of one document. This needs no
gold: each real .docx periodic report of the survey pool (`--pool`, MANIFEST.tsv; only documents
whose output has no `genre` problem, i.e. llmx takes them for periodic reports) is converted by
LibreOffice to PDF and to HTML (serially, with a throwaway profile; cached under `--cache`, keyed
by the file's hash), the rules backend is run on all three, and each item type of the PDF and HTML
outputs is matched against the .docx output: F1 of the multisets of item keys (sections by
heading, indicators by name + value + unit, tasks / limitations / proposals by text, references by
type + number + date; text keys are NFC, lower case, words only), metadata as the share of fields
(of those set in either output) that are equal. These are figures of AGREEMENT between forms, not
of accuracy: both sides can be wrong the same way.

The sample is split by a hash of the file name: a third is held back (`HELD_BACK_MOD`); only its
aggregate figures are ever printed, never its per-document output, so the readers can be fixed
on the tuned part and checked on the held-back part.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from llmx.config import Settings  # noqa: E402
from llmx.contract import ReportDocument  # noqa: E402
from llmx.errors import LlmxError  # noqa: E402
from llmx.evaluation.metadata import METADATA_FIELDS  # noqa: E402
from llmx.genre import STAGE as GENRE  # noqa: E402
from llmx.pipeline import extract_document  # noqa: E402
from llmx.read.office import find_soffice  # noqa: E402

RULES = Settings(backend="rules")
POOL = Path("/work/wt/survey")
FORMS = ("pdf", "html")
HELD_BACK_MOD = 3  # sha1(file name) % 3 == 0: held back
TYPES = ("sections", "indicators", "tasks", "limitations", "proposals", "references")
META_FIELDS = METADATA_FIELDS  # the fields the eval scores, in its order


def norm_text(text: str) -> str:
    """Words only, lower case, NFC: what an item says, not how a reader spaced or punctuated it."""
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFC", text).lower()))


KEYS: dict[str, Callable[[Any], Any]] = {
    "sections": lambda s: norm_text(s.heading),
    "indicators": lambda i: (norm_text(i.name), i.value, norm_text(i.unit or "")),
    "tasks": lambda t: norm_text(t.text),
    "limitations": lambda t: norm_text(t.text),
    "proposals": lambda t: norm_text(t.text),
    "references": lambda r: (norm_text(r.doc_type), norm_text(r.number or ""), r.date),
}


def meta_value(doc: ReportDocument, name: str) -> Any:
    value = getattr(doc.metadata, name)
    if hasattr(value, "model_dump"):
        value = json.dumps(value.model_dump(), ensure_ascii=False, sort_keys=True)
    if isinstance(value, list):
        value = [norm_text(v) for v in value]
    elif isinstance(value, str):
        value = norm_text(value)
    return value or None


def agreement(ref: ReportDocument, other: ReportDocument) -> dict[str, tuple[int, int, int]]:
    """Per item type: (matched, items in the .docx output, items in the other output); metadata as
    (equal fields, fields set in either, same)."""
    out: dict[str, tuple[int, int, int]] = {}
    for typ in TYPES:
        a = Counter(KEYS[typ](it) for it in getattr(ref, typ))
        b = Counter(KEYS[typ](it) for it in getattr(other, typ))
        out[typ] = (sum((a & b).values()), sum(a.values()), sum(b.values()))
    set_either = [f for f in META_FIELDS if meta_value(ref, f) is not None or meta_value(other, f) is not None]
    equal = sum(meta_value(ref, f) == meta_value(other, f) for f in set_either)
    out["metadata"] = (equal, len(set_either), len(set_either))
    return out


def f1(counts: Iterable[tuple[int, int, int]]) -> float | None:
    m = a = b = 0
    for x, y, z in counts:
        m, a, b = m + x, a + y, b + z
    return None if a + b == 0 else 2 * m / (a + b)


def differences(ref: ReportDocument, other: ReportDocument, typ: str) -> tuple[list[Any], list[Any]]:
    """Keys only the .docx output has, and keys only the other has."""
    if typ == "metadata":
        fields = [f for f in META_FIELDS if meta_value(ref, f) != meta_value(other, f)]
        return [(f, meta_value(ref, f)) for f in fields], [(f, meta_value(other, f)) for f in fields]
    a = Counter(KEYS[typ](it) for it in getattr(ref, typ))
    b = Counter(KEYS[typ](it) for it in getattr(other, typ))
    return sorted((a - b).elements(), key=str), sorted((b - a).elements(), key=str)


# ---------------------------------------------------------------- the sample and its conversions


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def held_back(name: str) -> bool:
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % HELD_BACK_MOD == 0


def pool_docx(pool: Path) -> list[Path]:
    """The pool's .docx files, one per content (the same file sits in both archives)."""
    seen: set[str] = set()
    out = []
    for line in (pool / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines():
        part, name, _orig = line.split("\t")
        path = pool / part / name
        if path.suffix.lower() != ".docx" or not path.is_file():
            continue
        key = sha(path)
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out


def is_report(path: Path, cache: Path) -> bool:
    """No `genre` problem in the rules output (cached per file hash: the scan is the slow part)."""
    verdicts = cache / "genre.json"
    known = json.loads(verdicts.read_text()) if verdicts.is_file() else {}
    key = sha(path)
    if key not in known:
        try:
            doc = extract_document(path, RULES)
            known[key] = not any(p.stage == GENRE for p in doc.problems)
        except LlmxError:
            known[key] = False
        verdicts.write_text(json.dumps(known, indent=0))
    return bool(known[key])


def convert(path: Path, form: str, cache: Path) -> Path | None:
    """`path` exported by LibreOffice as `form` (cached by content hash); None if it failed."""
    key = sha(path)
    out = cache / form / f"{key}.{form}"
    if out.is_file():
        return out
    soffice = find_soffice()
    if soffice is None:
        raise SystemExit("consistency: needs LibreOffice (soffice) to convert the .docx files")
    with tempfile.TemporaryDirectory(prefix="llmx-consist-") as tmp:
        work = Path(tmp)
        src = work / f"{key}.docx"
        shutil.copyfile(path, src)
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                form,
                "--outdir",
                str(work / "out"),
                str(src),
            ],
            capture_output=True,
            timeout=300,
            check=False,
            stdin=subprocess.DEVNULL,
        )
        made = work / "out" / f"{key}.{form}"
        if not made.is_file():
            return None
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(made, out)  # an HTML export's images are left behind: the reader skips them
    return out


# ---------------------------------------------------------------- the run


def run(docs: list[Path], cache: Path) -> dict[str, dict[str, dict[str, tuple[int, int, int]]]]:
    """Per document name, per form: the agreement counts per item type."""
    results: dict[str, dict[str, dict[str, tuple[int, int, int]]]] = {}
    for path in docs:
        ref = extract_document(path, RULES)
        per: dict[str, dict[str, tuple[int, int, int]]] = {}
        for form in FORMS:
            conv = convert(path, form, cache)
            if conv is None:
                print(f"consistency: {path.name}: LibreOffice made no .{form}", file=sys.stderr)
                continue
            try:
                other = extract_document(conv, RULES)
            except LlmxError as exc:
                print(f"consistency: {path.name} as .{form}: {exc}", file=sys.stderr)
                other = ref.model_copy(update={t: [] for t in TYPES} | {"metadata": type(ref.metadata)()})
            per[form] = agreement(ref, other)
        results[path.name] = per
    return results


def table(results: dict[str, dict[str, dict[str, tuple[int, int, int]]]], title: str) -> str:
    rows = [f"## {title} ({len(results)} documents)", "", "| item type | docx items | " + " | ".join(FORMS) + " |"]
    rows.append("|---|---|" + "---|" * len(FORMS))
    for typ in (*TYPES, "metadata"):
        n = sum(per[FORMS[0]][typ][1] for per in results.values() if FORMS[0] in per)
        cells = []
        for form in FORMS:
            v = f1(per[form][typ] for per in results.values() if form in per)
            cells.append("n/a" if v is None else f"{v:.3f}")
        rows.append(f"| {typ} | {n} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def doc_score(per: dict[str, dict[str, tuple[int, int, int]]]) -> float:
    """A document's agreement: the F1 over every item type and both forms, pooled."""
    return f1(c for form in per.values() for c in form.values()) or 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pool", type=Path, default=POOL, help="survey pool (A/, B/, MANIFEST.tsv)")
    parser.add_argument("--cache", type=Path, required=True, help="conversions and genre verdicts go here")
    parser.add_argument("--limit", type=int, default=0, help="at most this many reports (0: all)")
    parser.add_argument("--worst", type=int, default=8, help="list this many worst tuned documents")
    parser.add_argument("--moves", action="append", default=[], help="print a TUNED document's differences")
    parser.add_argument("--json", type=Path, help="write the aggregate figures here")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    reports = [p for p in pool_docx(args.pool) if is_report(p, args.cache)]
    if args.limit:
        reports = reports[: args.limit]
    tuned = [p for p in reports if not held_back(p.name)]
    held = [p for p in reports if held_back(p.name)]
    res_tuned = run(tuned, args.cache)
    res_held = run(held, args.cache)
    print("Agreement of the PDF and HTML exports' rules output with the .docx's (F1; not accuracy)\n")
    print(table(res_tuned, "tuned"))
    print()
    print(table(res_held, "held back (aggregate only)"))
    print("\n## worst tuned documents (pooled F1 over item types and forms)\n")
    for name in sorted(res_tuned, key=lambda n: doc_score(res_tuned[n]))[: args.worst]:
        per = res_tuned[name]
        cells = ", ".join(
            f"{form}:{typ}={f1([c]):.2f}"
            for form in per
            for typ, c in per[form].items()
            if (v := f1([c])) is not None and v < 0.9
        )
        print(f"- {doc_score(per):.3f} {name}: {cells}")
    for name in args.moves:
        path = next((p for p in tuned if p.name == name), None)
        if path is None:
            print(f"consistency: {name} is not a tuned document of the sample", file=sys.stderr)
            continue
        _print_moves(path, args.cache)
    if args.json:
        agg = {
            label: {
                form: {typ: f1(per[form][typ] for per in res.values() if form in per) for typ in (*TYPES, "metadata")}
                for form in FORMS
            }
            for label, res in (("tuned", res_tuned), ("held_back", res_held))
        }
        args.json.write_text(json.dumps(agg, indent=1), encoding="utf-8")
    return 0


def _print_moves(path: Path, cache: Path) -> None:
    ref = extract_document(path, RULES)
    for form in FORMS:
        conv = convert(path, form, cache)
        if conv is None:
            continue
        other = extract_document(conv, RULES)
        for typ in (*TYPES, "metadata"):
            only_ref, only_other = differences(ref, other, typ)
            for k in only_ref:
                print(f"[{form}] {path.name} -{typ}: {str(k)[:140]}")
            for k in only_other:
                print(f"[{form}] {path.name} +{typ}: {str(k)[:140]}")


if __name__ == "__main__":
    sys.exit(main())
