"""Comparison wordings the genre writes, as rewrites of a report's normalized text (see
`metamorphs.py` for `Rewrite` and how the gold is carried over).

The same comparison is worded in other ways: `so với cùng kỳ` / `so cùng kỳ` / `so với cùng kỳ
năm trước` / `năm ngoái`; `đạt 80% KH` / `đạt 80% kế hoạch` / `bằng 80% kế hoạch năm`; `tăng 12%`
/ `tăng nhẹ 12%` / `tăng khoảng 12%`; the basis before the change (`so với cùng kỳ tăng 12%`);
the change in brackets (`(+12% so với cùng kỳ)`). A rewrite touches only a span inside a gold
indicator's quote (prose, not a table row) that one of that indicator's gold comparisons states
with the same basis and the same number, so the gold (basis, relation, pct, amount) stays true;
anything else is left as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from metamorphs import Rewrite  # type: ignore[import-not-found]

from llmx.contract import Comparison, Indicator, ReportDocument

_NUM = r"\d[\d.,]*\d|\d"
# `so với cùng kỳ` (not already `... năm 2017` / `năm trước`)
_SO_VOI_CK = re.compile(r"\bso với (?P<ck>cùng kỳ|CK)(?! ?(?:năm|\d))", re.IGNORECASE)
# `đạt 80% KH` / `80% kế hoạch` (bare: no `năm`, `tỉnh giao`, ... after it)
_PCT_PLAN = re.compile(
    rf"(?P<verb>(?:đạt|bằng) (?:trên |gần )?)?(?P<num>{_NUM}) ?% ?(?:so với )?(?P<plan>KH|kế hoạch)"
    r"(?=\s*(?:[,;.)]|và\b|$))"
)
# `tăng 12%`, `giảm 3 vụ` (the verb and the number; a `trên`/`gần` qualifier kept)
_CHANGE = re.compile(rf"\b(?P<verb>tăng|giảm) (?P<qual>(?:trên |gần )?)(?P<num>{_NUM})(?P<after> ?%)?")
# `, tăng 17,2% so với cùng kỳ` (the change then its same-period basis, at a clause's end)
_CHANGE_BASIS = re.compile(
    rf"(?P<lead>, ?)(?P<verb>tăng|giảm) (?P<num>{_NUM})(?P<unit> ?%| [^\W\d_]+(?: [^\W\d_]+)?)"
    r" (?P<basis>so với (?:cùng kỳ|CK)(?: năm trước| năm \d{4}| \d{4})?)(?=\s*(?:[,;.)]|$))"
)


def _number(s: str) -> float:
    """A number as the genre writes it (`.` thousands, `,` decimals)."""
    return float(s.replace(".", "").replace(",", "."))


def _says(ind: Indicator, basis: str, num: float | None = None, *, change: bool | None = None) -> bool:
    """One of the indicator's gold comparisons has this basis (and this number, as pct or amount,
    sign ignored; `change` the relation when given)."""

    def hit(c: Comparison) -> bool:
        if c.basis != basis or (change is not None and (c.relation == "change") != change):
            return False
        if num is None:
            return True
        return any(v is not None and abs(abs(v) - num) < 1e-6 for v in (c.pct, c.amount))

    return any(hit(c) for c in ind.comparisons)


def _quotes(gold: ReportDocument) -> Iterator[Indicator]:
    """Gold indicators with a comparison, in prose (a table row is a cell layout, not a wording)."""
    for ind in gold.indicators:
        if ind.comparisons and " | " not in gold.text[ind.start : ind.end]:
            yield ind


Edit = Callable[[Indicator, re.Match[str]], str | None]


def reword(gold: ReportDocument, pattern: re.Pattern[str], edit: Edit, *, group: str | int = 0) -> Rewrite:
    """Each match of `pattern` inside a gold quote whose `edit` gives a new wording (None: left as
    written) replaced by it (the span of `group`); overlapping quotes' spans are rewritten once."""
    rw = Rewrite(gold.text)
    done: list[tuple[int, int]] = []
    for ind in _quotes(gold):
        for m in pattern.finditer(gold.text, ind.start, ind.end):
            s, e = m.span(group)
            if e > ind.end or any(s < de and ds < e for ds, de in done):
                continue
            new = edit(ind, m)
            if new is None or new == gold.text[s:e]:
                continue
            rw.edits.append((s, e, new))
            done.append((s, e))
    return rw


def same_period(words: str) -> Edit:
    """`so với cùng kỳ` written as `words` (the same-period basis said another way)."""

    def edit(ind: Indicator, m: re.Match[str]) -> str | None:
        if m["ck"] != "cùng kỳ" or not _says(ind, "same_period"):
            return None
        return words

    return edit


def plan_words(words: str, verb: str | None = None) -> Edit:
    """`X% KH` / `X% kế hoạch` written `X% <words>` (and its `đạt`/`bằng` as `verb` when given)."""

    def edit(ind: Indicator, m: re.Match[str]) -> str | None:
        if not _says(ind, "plan", _number(m["num"]), change=False):
            return None
        head = m["verb"] or ""
        if verb is not None:
            if not head:
                return None
            head = head.replace(head.split()[0], verb, 1)
        return f"{head}{m['num']}% {words}"

    return edit


def hedge(word: str) -> Edit:
    """`tăng 12%` written `tăng <word> 12%` (an adverb or approximation; the number unchanged)."""

    def edit(ind: Indicator, m: re.Match[str]) -> str | None:
        if m["qual"] or not _basis_of(ind, m):
            return None
        return f"{m['verb']} {word} {m['num']}{m['after'] or ''}"

    return edit


def _basis_of(ind: Indicator, m: re.Match[str]) -> str:
    """The basis of the indicator's change comparison that states this number ('' if none)."""
    num = _number(m["num"])
    for c in ind.comparisons:
        if c.relation == "change" and any(v is not None and abs(abs(v) - num) < 1e-6 for v in (c.pct, c.amount)):
            return c.basis
    return ""


def basis_first(ind: Indicator, m: re.Match[str]) -> str | None:
    """`, tăng 12% so với cùng kỳ` written `, so với cùng kỳ tăng 12%`."""
    if not _says(ind, "same_period", _number(m["num"]), change=True):
        return None
    return f"{m['lead']}{m['basis']} {m['verb']} {m['num']}{m['unit']}"


def plus_bracket(ind: Indicator, m: re.Match[str]) -> str | None:
    """`, tăng 12% so với cùng kỳ` written ` (+12% so với cùng kỳ)` (percentages only)."""
    if "%" not in m["unit"] or not _says(ind, "same_period", _number(m["num"]), change=True):
        return None
    sign = "+" if m["verb"] == "tăng" else "-"
    return f" ({sign}{m['num']}% {m['basis']})"


# --- the catalogue -------------------------------------------------------------------------

Transform = Callable[[ReportDocument], Rewrite]

TRANSFORMS: dict[str, Transform] = {
    "cmp_so_ck": lambda g: reword(g, _SO_VOI_CK, same_period("so cùng kỳ")),
    "cmp_ck_nam_truoc": lambda g: reword(g, _SO_VOI_CK, same_period("so với cùng kỳ năm trước")),
    "cmp_kh_long": lambda g: reword(g, _PCT_PLAN, plan_words("kế hoạch")),
    "cmp_tang_nhe": lambda g: reword(g, _CHANGE, hedge("nhẹ")),
    "cmp_basis_first": lambda g: reword(g, _CHANGE_BASIS, basis_first),
    "cmp_plus_bracket": lambda g: reword(g, _CHANGE_BASIS, plus_bracket),
    # held back: never looked at while fixing, scored at the end
    "cmp_ck_nam_ngoai": lambda g: reword(g, _SO_VOI_CK, same_period("so với cùng kỳ năm ngoái")),
    "cmp_tang_khoang": lambda g: reword(g, _CHANGE, hedge("khoảng")),
    "cmp_bang_kh_nam": lambda g: reword(g, _PCT_PLAN, plan_words("kế hoạch năm", verb="bằng")),
}
HELD_BACK: frozenset[str] = frozenset({"cmp_ck_nam_ngoai", "cmp_tang_khoang", "cmp_bang_kh_nam"})
