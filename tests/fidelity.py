"""Text fidelity against a reference text: the same words, and the same word order.

* `words`: F1 of the two multisets of words (NFC, lower case, `\\w+`): nothing lost, nothing
  invented, whatever the order.
* `order`: of the adjacent word pairs our text asserts, the share the reference also has.
  Pairs that straddle two table cells (or two rows) are not counted: we read tables row by
  row while pdftotext runs down columns, and neither is wrong. A torn word (`B o cáo`), a
  scrambled line or a footnote glued into a sentence makes pairs the reference does not have.

LibreOffice's text export has no footnotes, so against it `notes=False` leaves our footnote
paragraphs out of both measures: the `[n] ...` paragraphs a PDF's notes become, and everything
from the first note the .docx reader appends after the body.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_right
from collections import Counter

from llmx.grids import read_grid
from llmx.normalize import normalize
from llmx.read import RawDocument

_WORD = re.compile(r"\w+")
_NOTE = re.compile(r"(?:^|\n\n)(\[\d{1,3}\] [^\n]*(?:\n(?!\n)[^\n]*)*)")


def tokens(text: str) -> list[tuple[str, int]]:
    """(word, offset) pairs of `text`, NFC and lower case."""
    return [(m.group().lower(), m.start()) for m in _WORD.finditer(unicodedata.normalize("NFC", text))]


def words_f1(ours: list[str], ref: list[str]) -> float:
    a, b = Counter(ours), Counter(ref)
    return 2 * sum((a & b).values()) / (len(ours) + len(ref)) if ours or ref else 1.0


def fidelity(doc: RawDocument, ref_text: str, notes: bool = True, repeats: bool = True) -> tuple[float, float]:
    """(words F1, order precision) of a read document against a reference text; `repeats=False`
    leaves out the header rows a PDF repeats on each page a table runs onto (a Word file's own
    text, LibreOffice's, has them once)."""
    norm = normalize(doc.text, doc.tables)  # NFC, with the table offsets mapped along
    text = norm.text
    cells = sorted((c.start, c.end) for t in norm.tables for r in t.rows for c in r.cells)
    starts = [s for s, _ in cells]
    skipped = [] if notes else [(m.start(1), m.end(1)) for m in _NOTE.finditer(text)]
    tail = text.rfind("\n\n[1] ")
    if not notes and doc.format != "pdf" and tail >= 0:  # Word notes are all appended at the end
        skipped = [*(sp for sp in skipped if sp[0] < tail), (tail, len(text))]
    if not repeats:
        grids = [read_grid(text, t) for t in norm.tables]
        skipped = sorted([*skipped, *((g.table.rows[k].start, g.table.rows[k].end) for g in grids for k in g.repeats)])
    skip_starts = [s for s, _ in skipped]

    def inside(spans: list[tuple[int, int]], begins: list[int], offset: int) -> int:
        k = bisect_right(begins, offset) - 1
        return k if k >= 0 and spans[k][0] <= offset < spans[k][1] else -1

    toks = [(w, at) for w, at in tokens(text)]
    kept = [(w, at, inside(cells, starts, at)) for w, at in toks if inside(skipped, skip_starts, at) < 0]
    ref = [w for w, _ in tokens(ref_text)]
    ref_pairs = Counter(itertools.pairwise(ref))
    ours: Counter[tuple[str, str]] = Counter()
    for (a, pa, ca), (b, pb, cb) in itertools.pairwise(kept):
        if (ca >= 0 or cb >= 0) and ca != cb:
            continue  # across table cells
        if (skipped and inside(skipped, skip_starts, (pa + pb) // 2) >= 0) or _skipped_between(skipped, pa, pb):
            continue  # across a footnote left out
        ours[(a, b)] += 1
    total = sum(ours.values())
    order = sum((ours & ref_pairs).values()) / total if total else 1.0
    return words_f1([w for w, _, _ in kept], ref), order


def _skipped_between(skipped: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(a < s < b for s, _ in skipped)
