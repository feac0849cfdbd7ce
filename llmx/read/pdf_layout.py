"""Word pieces of a PDF page -> lines, column blocks, footnotes, running headers; text in reading order.

* **Lines** gather word pieces by baseline; a small raised piece next to a line (a footnote
  mark `¹`) joins that line, written `[1]` as the .docx reader writes note references, except
  after a unit (`m²` stays `m2`).
* **Segments**: a gap of two em or more splits a line. Consecutive lines split at the same
  gutters form a **column block** (the header: issuer | national motto; the signature: Nơi
  nhận | KT. CHỦ TỊCH), read column by column like the .docx reader reads those layout tables;
  a block whose lines are split in every column is a table drawn without rulings, read row by row.
* **Footnotes** sit under the short separator rule at the bottom of a page (or, without one,
  are the small-print lines there that start with a raised number); they are lifted out of the
  flow and written after the paragraph that runs across the page break.
* **Running headers and footers** (the same line at the top or bottom of several pages) and
  **page numbers** (`3`, `- 3 -`, `Trang 3`, `3/16` alone at the top or bottom) are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter

from llmx.read.pdf_page import Run
from llmx.read.pdf_paths import Rule

SEGMENT_GAP = 2.0  # em: a gap this wide splits a line into segments
_SUP_DIGITS = re.compile(r"[0-9*]{1,3}")
_UNIT_BEFORE = re.compile(r"(?:^|\s)(?:k|c|d|m)?m$")
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:(?:trang|page)\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$", re.I)
_DIGITS = re.compile(r"\d+")
_NOTE_START = re.compile(r"^\[\d{1,3}\]")


@dataclass
class Line:
    """Word pieces on one baseline, left to right."""

    runs: list[Run]
    y: float
    size: float
    sup: set[int] = field(default_factory=set)  # indexes of raised small pieces (note marks)
    # cached: read many times by the layout once `build_lines` has built the line
    _text: str | None = field(default=None, repr=False, compare=False)
    _x1: float | None = field(default=None, repr=False, compare=False)
    _segments: dict[float, list[list[Run]]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def x0(self) -> float:
        return self.runs[0].x0

    @property
    def x1(self) -> float:
        if self._x1 is None:
            self._x1 = max(r.x1 for r in self.runs)
        return self._x1

    def text(self) -> str:
        if self._text is None:
            self._text = join_runs(self.runs, self.sup)
        return self._text

    def segments(self, gap: float = SEGMENT_GAP) -> list[list[Run]]:
        """The line cut at gaps of `gap` em or more (cached: the column logic asks each line
        two or three times; callers read the lists, never change them)."""
        cached = self._segments.get(gap)
        if cached is not None:
            return cached
        runs = self.runs
        width = gap * self.size
        seg = [runs[0]]
        out: list[list[Run]] = [seg]
        prev = runs[0]
        for run in runs[1:]:
            if run.x0 - prev.x1 >= width:
                seg = [run]
                out.append(seg)
            else:
                seg.append(run)
            prev = run
        self._segments[gap] = out
        return out


def join_runs(runs: list[Run], sup: set[int] | None = None) -> str:
    """Text of word pieces on one line: a space where the PDF has one, or where the gap is wide.

    Where a font lacks a Vietnamese glyph, LibreOffice leaves a gap, draws the glyph there
    later from another font, and PDFium sees a word break in the gap (`nghi p` + `ệ`). Such a
    filler glyph (short, drawn after the pieces beside it, or last on the line after a piece it
    does not follow in the stream: `C` + `ơ`) is glued to both neighbours unless a real gap
    separates them (measured to its advance, not its ink: `Tự do`)."""
    last = len(runs) - 1
    if last == 0 and not (sup and runs[0].index in sup):
        return runs[0].text  # one piece: nothing to join
    filler: set[int] = set()
    for k, run in enumerate(runs):
        if len(run.text) > 2 or last == 0:
            continue
        if 0 < k < last:
            out_of_order = run.index > runs[k + 1].index and run.index > runs[k - 1].index
        elif k == 0:
            out_of_order = run.index > runs[1].index
        else:
            left = runs[k - 1]
            out_of_order = run.index > left.index + len(left.text) + 2
        if out_of_order:
            filler.add(k)
    parts: list[str] = []
    prev: Run | None = None
    for k, run in enumerate(runs):
        text = run.text
        if sup and run.index in sup and _SUP_DIGITS.fullmatch(text):
            before = "".join(parts)
            text = text if _UNIT_BEFORE.search(before) else f"[{text}]"
            parts.append(text)
            prev = run
            continue
        if prev is not None:
            size = run.size if run.size < prev.size else prev.size
            gap = (run.x0 - prev.x1) / size
            if filler and (k in filler or k - 1 in filler):
                space = gap > 0.15
            else:
                lead = run.lead
                adjacent = prev.index < run.index <= prev.index + len(prev.text) + 2
                # a space PDFium inferred needs a visible gap too (it infers one at a font change)
                space = (adjacent and lead in ("space", "gap")) or gap > (
                    0.1 if lead in ("gen", "gap") else 0.3 if adjacent else 0.15
                )
            if space:
                parts.append(" ")
        parts.append(text)
        prev = run
    return "".join(parts)


# a document symbol cut at its hyphen at a line end (`1716/QĐ-` + `UBND`, `2775/SNV-` + `CCHC&VTLT`)
_SYMBOL_CUT = re.compile(r"\d/(?:\d+/)?(?:[A-ZĐ][A-ZĐ&]*-)*[A-ZĐ][A-ZĐ&]*[a-zđ]?-$")  # `427/TTr-` too
_URL_CUT = re.compile(r"\S*(?:https?://|www\.)\S*$")  # a line's last word, inside a web address
_URL_REST = re.compile(
    r"^(?=\S*[/_=?&-])[\w/_=?&%#][\w./_=?&%#:~+-]*(?=[\s),.;]|$)", re.ASCII
)  # its path or query going on
# the symbol's rest: `UBND`, `CCHC&VTLT`, `TTg` (one lowercase letter only after two capitals: not `Do`)
_SYMBOL_REST = re.compile(r"^[A-ZĐ](?:[A-ZĐ&]+[a-zđ]?|[A-ZĐ&]*)(?:-[A-ZĐ](?:[A-ZĐ&]+[a-zđ]?|[A-ZĐ&]*))*(?=[\s,.;:)]|$)")


def join_line(text: str, line: str) -> str:
    """`line` appended to the wrapped `text` before it: after a space, except inside a document
    symbol the line break cut after its hyphen (`Quyết định số 1716/QĐ-` + `UBND`) and inside a
    web address cut before its path or query goes on (`https://dichvucong.gov.vn/` + `web/mtv`)."""
    # the cheap test first: `text` grows to a whole paragraph, and the pattern ends in `-`
    if text.endswith("-") and _SYMBOL_CUT.search(text) and _SYMBOL_REST.match(line):
        return text + line
    if _URL_CUT.match(text, text.rfind(" ") + 1) and _URL_REST.match(line):
        return text + line
    return f"{text} {line}"


def join_lines(lines: list[str]) -> str:
    """Wrapped lines as one paragraph (`join_line`)."""
    out = lines[0] if lines else ""
    for line in lines[1:]:
        out = join_line(out, line)
    return out


_BY_Y_X = attrgetter("y", "x0")
_BY_X = attrgetter("x0")


def build_lines(runs: list[Run]) -> list[Line]:
    """Word pieces grouped by baseline (top to bottom), small raised marks attached to their line."""
    lines: list[Line] = []
    current: Line | None = None
    for run in sorted(runs, key=_BY_Y_X):
        if current is not None and abs(run.y - current.y) <= 0.3 * min(run.size, current.size):
            current.runs.append(run)
            if run.size > current.size:
                current.size = run.size
        else:
            current = Line([run], run.y, run.size)
            lines.append(current)
    out: list[Line] = []
    for k, line in enumerate(lines):
        host = _host(line, lines, k)
        if host is not None:
            host.runs.extend(line.runs)
            host.sup.update(r.index for r in line.runs)
            continue
        out.append(line)
    for line in out:
        line.runs.sort(key=_BY_X)
        line._text = line._x1 = None  # `_host` may have read a line that gained marks since
        line._segments.clear()
    return out


def _host(line: Line, lines: list[Line], k: int) -> Line | None:
    """The line a short run of small raised pieces belongs to (a footnote mark), if any."""
    if len(line.runs) > 3 or sum(len(r.text) for r in line.runs) > 6:
        return None
    for j in (k + 1, k - 1):
        if not 0 <= j < len(lines):
            continue
        other = lines[j]
        if line.size >= 0.85 * other.size:
            continue
        raised = other.y - line.y
        # within an em of the line's ends; a note's own mark may hang left of its text (`4()  Ngoài ra`)
        if 0 < raised <= 0.6 * other.size and other.x0 - other.size <= line.x1 and line.x0 <= other.x1 + other.size:
            return other
    return None


# --- page furniture: page numbers, running headers and footers, footnotes ------------------------


def furniture_key(text: str) -> str:
    """Text of a header/footer line with its numbers masked (page 3 and page 4 read alike)."""
    return _DIGITS.sub("#", " ".join(text.split()).lower())


def strip_furniture(pages: list[list[Line]]) -> int:
    """Drop page numbers and lines repeated at the top or bottom of pages; returns how many."""
    edges: Counter[str] = Counter()
    for lines in pages:  # each page counts a line once, so a repeated body line on one page does not
        edges.update({furniture_key(x.text()) for x in lines[:2] + lines[-2:]})
    repeated = {k for k, n in edges.items() if n >= max(2, 0.4 * len(pages)) and k.strip("# ")}
    dropped = 0
    for lines in pages:
        for end in (0, -1):
            for _ in range(2):
                if not lines:
                    break
                line = lines[end]
                text = line.text()
                neighbour = lines[1] if end == 0 and len(lines) > 1 else lines[-2] if len(lines) > 1 else None
                alone = neighbour is None or abs(neighbour.y - line.y) >= 1.2 * line.size
                if (alone and _PAGE_NUMBER.match(text)) or furniture_key(text) in repeated:
                    lines.pop(end)
                    dropped += 1
                else:
                    break
    return dropped


def split_notes(
    lines: list[Line], loose: list[Rule], body_size: float, left: float, width: float, continued: bool = False
) -> int:
    """Index of the first footnote line of a page (len(lines) when it has none).

    Word's separator is a short rule at the left margin with small print under it (or a note
    mark first: a rule with body text under it is an underline, a link's say); a note that runs
    over from the page before sits under a full-width one (the continuation separator), which is
    taken only when an earlier page had notes (`continued`) and everything under it is small."""

    def separates(r: Rule) -> bool:
        if abs(r.x0 - left) > 12.0:
            return False
        below = [ln for ln in lines if ln.y > r.y0]
        if not below or below[0] is lines[0] or any(ln.size > body_size * 1.05 for ln in below):
            return False
        if r.x1 - r.x0 < 0.5 * width:
            return any(ln.size < 0.95 * body_size for ln in below) or bool(_NOTE_START.match(below[0].text()))
        return continued and all(ln.size < 0.9 * body_size for ln in below)

    seps = [r for r in loose if separates(r)]
    if seps:
        sep = max(seps, key=lambda r: r.y0)
        return next(k for k, ln in enumerate(lines) if ln.y > sep.y0)
    k = len(lines)
    while k > 0 and lines[k - 1].size < 0.9 * body_size:
        k -= 1
    if k < len(lines) and k > 0 and _NOTE_START.match(lines[k].text()) and lines[k].y - lines[k - 1].y > body_size:
        return k
    return len(lines)
