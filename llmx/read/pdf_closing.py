"""A report's closing block (`Nơi nhận:` and its list at the left, the signature at the right)
read column by column, as the .docx reader reads its two-cell table.

Why: the two columns are set in different sizes (the list in 11 pt, the signature in 14 pt), so
their lines never share a baseline and a top-to-bottom reading interleaves them (`Nơi nhận:`,
`KT. GIÁM ĐỐC`, `- Lãnh đạo UBND tỉnh`, `PHÓ GIÁM ĐỐC`, ...); a page break inside the block leaves
the rest of both columns at the top of the next page; a long recipient wraps under its own text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from llmx.read.pdf_layout import Line, join_line, join_runs
from llmx.read.pdf_tables import Grid
from llmx.vn import NOI_NHAN

_ITEM = re.compile(r"^[-–—+•*]")  # a recipient's list mark
_RIGHT = 10.0  # em right of the list's margin where the signature column may start
_LEFT = 3.0  # em: a list line starts within this of the list's margin
_DROP = 8.0  # em: the widest vertical gap inside the block (the space left for the signature)


@dataclass
class Closing:
    """The block's two columns so far and where they sit (to go on after a page break)."""

    margin: float  # x where the list's lines start
    size: float  # the block's type size (em)
    start: float | None = None  # x where the signature column starts, once seen
    left: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)

    def columns(self) -> list[list[str]]:
        return [_unwrap(self.left), self.right]

    def take(self, line: Line) -> bool:
        """Add `line`'s pieces to their columns; False (nothing added) if it runs across them."""
        size = self.size
        left, right = [], []
        for seg in line.segments():
            x0, x1 = seg[0].x0, max(r.x1 for r in seg)
            if x0 < self.margin - size:
                return False
            if x0 < self.margin + _LEFT * size:
                if self.start is not None and x1 > self.start - 0.5 * size:
                    return False  # a full-width line: the block has ended
                left.append(seg)
            elif x0 >= self.margin + _RIGHT * size:
                right.append(seg)
            else:
                return False
        if left and right and max(r.x1 for s in left for r in s) > min(s[0].x0 for s in right) - size:
            return False
        if right:
            start = min(s[0].x0 for s in right)
            self.start = start if self.start is None else min(self.start, start)
        self.left += [join_runs(s, line.sup) for s in left]
        self.right += [join_runs(s, line.sup) for s in right]
        return True


def closing_block(seq: list[Line | Grid], k: int, going_on: Closing | None = None) -> tuple[int, Closing] | None:
    """The closing block opening at `seq[k]` (a `Nơi nhận:` line), or the rest of `going_on`
    from the top of the next page: (end, block), or None when it is not one."""
    first = seq[k]
    if not isinstance(first, Line):
        return None
    if going_on is None:
        opening = _opening(seq, k)
        if opening is None:
            return None
        block = Closing(opening.x0, opening.size)
    else:
        block = going_on
    prev: Line | None = None
    j = k
    while j < len(seq):
        ln = seq[j]
        if not isinstance(ln, Line) or (prev is not None and ln.y - prev.y > _DROP * max(ln.size, prev.size)):
            break
        if not block.take(ln):
            break
        prev = ln
        j += 1
    if going_on is None and (not block.right or len(block.left) < 2):
        return None  # not two columns: the ordinary reading holds
    return (j, block) if j > k else None


def _opening(seq: list[Line | Grid], k: int) -> Line | None:
    """The `Nơi nhận:` line of a block opening at `seq[k]`: that line itself, or the one under
    the signature's first lines when they sit a little higher (`GIÁM ĐỐC` set in a larger size,
    `TM. BAN THƯỜNG VỤ` a line above): right of the list, each within two lines of the next."""
    above: list[Line] = []
    for ln in seq[k : k + 3]:
        if not isinstance(ln, Line):
            return None
        if NOI_NHAN.match(ln.text()):
            ok = all(a.x0 >= ln.x0 + _RIGHT * ln.size for a in above) and all(
                b.y - a.y <= 2.0 * max(a.size, b.size) for a, b in pairwise([*above, ln])
            )
            return ln if ok else None
        above.append(ln)
    return None


def _unwrap(lines: list[str]) -> list[str]:
    """A list line without a mark under a marked one is that item's wrapped rest (`- Chủ tịch,
    PCT. UBND tỉnh (Đ/c` / `Tuấn);`)."""
    out: list[str] = []
    for text in lines:
        if out and _ITEM.match(out[-1]) and not _ITEM.match(text) and not NOI_NHAN.match(text):
            out[-1] = join_line(out[-1], text)
        else:
            out.append(text)
    return out
