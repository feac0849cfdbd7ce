"""Reading speed and fidelity, measured in one run against pdftotext on the same files.

    python benchmarks/reading.py             # llmx vs pdftotext per PDF, .docx per 100 KB of text
    python benchmarks/reading.py --repeat 5  # the PDF comparison 5 times: median ratio and range
    python benchmarks/reading.py --readers   # also the candidate PDF libraries, if installed

PDFs: the corpus PDFs (Word exports) and LibreOffice PDF exports of the corpus .docx/.doc files,
made here in a temporary folder when LibreOffice is installed. Times are the best of N runs of
the whole read (file bytes -> text, tables, problems), per page; the ratio is llmx over
pdftotext (a fresh process per file, as a user would run it). On a shared machine one pass is
noisy: `--repeat K` makes K passes over all the PDFs (interleaved, not K in a row per file) and
reports each file's median ratio with the range of the K ratios. Fidelity against pdftotext: F1 of
the word multisets ("words") and of adjacent word pairs ("pairs"; a table read row by row
differs from pdftotext's column order here, so pairs < 1 even for a perfect reader).
"""

from __future__ import annotations

import argparse
import itertools
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from statistics import median

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from measure import best_of  # noqa: E402

from llmx.read import read_bytes  # noqa: E402
from llmx.read.office import find_soffice  # noqa: E402

CORPUS = REPO / "eval" / "corpus"


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())


def f1(a: list, b: list) -> float:
    ca, cb = Counter(a), Counter(b)
    return 2 * sum((ca & cb).values()) / (len(a) + len(b)) if a or b else 1.0


def fidelity(text: str, ref: str) -> tuple[float, float]:
    a, b = words(text), words(ref)
    return f1(a, b), f1(list(itertools.pairwise(a)), list(itertools.pairwise(b)))


def pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
    ).stdout.decode()


def run_pdftotext(path: Path) -> None:
    subprocess.run(["pdftotext", str(path), "/dev/null"], check=True)


def pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def candidates() -> dict[str, Callable[[Path], str]]:
    """Text extractors to compare, each as its library's plain documented call."""
    out: dict[str, Callable[[Path], str]] = {}

    def pdfium_raw(p: Path) -> str:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(p))
        text = "\n".join(page.get_textpage().get_text_range() for page in pdf)
        pdf.close()
        return text

    out["pypdfium2 (raw text)"] = pdfium_raw
    try:
        from pypdf import PdfReader

        out["pypdf"] = lambda p: "\n".join(pg.extract_text() or "" for pg in PdfReader(str(p)).pages)
    except ImportError:
        pass
    try:
        from pdfminer.high_level import extract_text

        out["pdfminer.six"] = lambda p: extract_text(str(p))
    except ImportError:
        pass
    try:
        import pdfplumber

        def plumber(p: Path) -> str:
            with pdfplumber.open(str(p)) as pdf:
                return "\n".join(pg.extract_text() or "" for pg in pdf.pages)

        out["pdfplumber"] = plumber
    except ImportError:
        pass
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="each time is the best of this many runs")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the PDFs; ratios are their median")
    parser.add_argument("--readers", action="store_true", help="also time the candidate PDF libraries")
    args = parser.parse_args()
    if not shutil.which("pdftotext"):
        sys.exit("pdftotext is needed for the comparison (Debian: apt-get install poppler-utils)")
    with tempfile.TemporaryDirectory(prefix="llmx-bench-") as tmp:
        pdfs = sorted(CORPUS.glob("*.pdf"))
        word_files = sorted([*CORPUS.glob("*.docx"), *CORPUS.glob("*.doc")])
        soffice = find_soffice()
        if soffice:
            out = Path(tmp)
            subprocess.run(
                [soffice, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
                 "--outdir", str(out), *map(str, word_files)],
                check=True, capture_output=True,
            )  # fmt: skip
            pdfs += sorted(out.glob("*.pdf"))
        else:
            print("(LibreOffice not installed: no LibreOffice exports in this run)")
        spread = " (range)" if args.repeat > 1 else ""
        print(f"{'PDF':44} {'pages':>5} {'pdftotext':>11} {'llmx':>11} {'ratio':>6} {'words':>6} {'pairs':>6}{spread}")
        times: dict[Path, list[tuple[float, float]]] = {path: [] for path in pdfs}  # (pdftotext, llmx) per pass
        for _ in range(args.repeat):
            for path in pdfs:
                data = path.read_bytes()
                ref_time = best_of(args.runs, lambda path=path: run_pdftotext(path), warm_up=False)
                ours_time = best_of(args.runs, lambda data=data, path=path: read_bytes(data, str(path)), warm_up=False)
                times[path].append((ref_time, ours_time))
        total_pages = 0
        for path in pdfs:
            n = pages(path)
            total_pages += n
            ratios = [ours / ref for ref, ours in times[path]]
            ref_time = median(ref for ref, _ in times[path])
            ours_time = median(ours for _, ours in times[path])
            w, p = fidelity(read_bytes(path.read_bytes(), str(path)).text, pdftotext(path))
            label = ("LO " if path.parent != CORPUS else "") + path.stem[:40]
            rng = f" ({min(ratios):.2f}-{max(ratios):.2f})" if args.repeat > 1 else ""
            print(
                f"{label:44} {n:5d} {ref_time * 1000 / n:8.1f} ms {ours_time * 1000 / n:8.1f} ms "
                f"{median(ratios):6.2f} {w:6.3f} {p:6.3f}{rng}"
            )
        passes = [tuple(map(sum, zip(*(t[k] for t in times.values()), strict=True))) for k in range(args.repeat)]
        ratios = [ours / ref for ref, ours in passes]
        rng = f" ({min(ratios):.2f}-{max(ratios):.2f})" if args.repeat > 1 else ""
        print(
            f"{'all PDFs':44} {total_pages:5d} {median(r for r, _ in passes) * 1000 / total_pages:8.1f} ms "
            f"{median(o for _, o in passes) * 1000 / total_pages:8.1f} ms {median(ratios):6.2f}{' ' * 14}{rng}"
        )
        print()
        print(f"{'.docx/.doc':44} {'KB text':>8} {'ms':>8} {'ms/100KB':>9}")
        for path in word_files:
            if path.suffix == ".doc" and not soffice:
                continue
            data = path.read_bytes()
            t = best_of(args.runs, lambda data=data, path=path: read_bytes(data, str(path)), warm_up=False)
            kb = len(read_bytes(data, str(path)).text.encode()) / 1024
            print(f"{path.stem[:44]:44} {kb:8.1f} {t * 1000:8.1f} {t * 1000 * 100 / kb:9.1f}")
        if args.readers:
            print()
            print(f"{'reader':24} {'ms/page':>8} {'x pdftotext':>11} {'words':>6} {'pairs':>6}")
            rows: dict[str, list[float]] = {}
            for path in pdfs:
                ref = pdftotext(path)
                ref_time = best_of(1, lambda path=path: run_pdftotext(path), warm_up=False)
                n = pages(path)
                for name, fn in [("llmx (pypdfium2 + layout)", lambda p: read_bytes(p.read_bytes(), str(p)).text),
                                 *candidates().items()]:  # fmt: skip
                    start = time.perf_counter()
                    text = fn(path)
                    took = time.perf_counter() - start
                    w, p = fidelity(text, ref)
                    acc = rows.setdefault(name, [0.0, 0.0, 0.0, 0.0, 0.0])
                    acc[0] += took
                    acc[1] += n
                    acc[2] += ref_time
                    acc[3] += w
                    acc[4] += p
            for name, (took, n, ref_time, w, p) in rows.items():
                k = len(pdfs)
                print(f"{name:24} {took * 1000 / n:8.1f} {took / ref_time:11.1f} {w / k:6.3f} {p / k:6.3f}")


if __name__ == "__main__":
    main()
