"""What a figure is compared with, and the qualifiers around it (SPEC 4, genre-notes 3b-3h).

Comparisons follow their figure in a fixed grammar: an optional verb (`đạt`, `bằng` for a ratio;
`tăng`, `giảm` for a change), an optional qualifier, a number with `%` (or a unit, for an
absolute change), and a basis (`KH`, `dự toán giao`, `cùng kỳ năm 2017`, `so với ...`). The basis
may also come first (`tăng so với cùng kỳ 0,1%`). `basis_text` is the basis as written, without
`so với` (read in `bases.py`). A `bằng` followed by a count (`16 vụ bằng 24 đối tượng`) is not a comparison.
`following.py` reads the whole chain after one figure with these pieces. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from llmx.contract import Approx, Basis, Comparison, Relation
from llmx.numbers import NUMBER_RE, dot_decimal, parse_number
from llmx.rules.bases import earlier_period, match_basis
from llmx.rules.unit_words import SCALE_OF_COUNT
from llmx.rules.units import match_unit

# `so với`, or a bare `so` before a known basis (`tăng 13,5% so cùng kỳ`, `so CK tăng 3,2%`)
_SO_VOI = re.compile(r"\s*so\s+(?P<voi>với\s+)?", re.IGNORECASE)
_PAREN_SO_VOI = re.compile(r"\s*\(\s*so\s+(?P<voi>với\s+)?", re.IGNORECASE)
_THEO = re.compile(r"\s*(?P<w>theo)\s+", re.IGNORECASE)  # `đạt 77,8% theo kế hoạch`
# `đạt 92,3% (trên) tổng số hộ`: the total the rate is taken of
_OF_TOTAL = re.compile(r"\s+(?:trên\s+)?(?P<words>tổng\s+số(?:\s+[^\s,;.()\d]+){0,6})", re.IGNORECASE)
# a footnote mark may sit between a figure and its comparisons: `1.260 tỷ đồng[3], tăng 9,6% ...`
# and the prices a value is reckoned at: `2.150 tỷ đồng (giá so sánh 2010), tăng 3,5% ...`
_LEAD = re.compile(
    r"(?:\[\d{1,3}\])?(?:\s*\(\s*(?:theo\s+)?giá\s+(?:so\s+sánh|hiện\s+hành|cố\s+định)(?:\s+năm)?(?:\s+\d{4})?\s*\))?"
    r"\s*(?:[,(]\s*)?(?:=\s*)?(?:và\s+|tương\s+(?:đương|ứng)(?:\s+với)?\s+|(?:nhưng(?:\s+lại)?|song|đồng\s+thời)\s+)?"
    # `và chỉ đạt 19,6% dự toán`, `nhưng vẫn tăng 2%`: a word that weighs the comparison, not part of it
    r"(?:(?:chỉ|mới|cũng|vẫn|đều)\s+(?=(?:đạt|bằng|tăng|giảm|vượt|gấp|cao\s+hơn|thấp\s+hơn)\s))?",
    re.IGNORECASE,
)
# `(chiếm tỷ lệ 21,8%)` after a count is its share, a comparison; `chiếm 1,87%` outside
# parentheses stays a share indicator of its own (see indicators.py)
_PAREN_SHARE = re.compile(r"\s*\(\s*chiếm\s+(?=t[ỷỉ]\s+lệ)", re.IGNORECASE)
# `cao hơn 3,2% so với cùng kỳ` is a change like `tăng 3,2%`, `thấp hơn` like `giảm` (typo `gảm` too)
# `tốc độ tăng 8,6%`, `tăng trưởng 7,2% so với cùng kỳ` after a figure: the growth of that figure
# `vượt 20 đoàn viên so với chỉ tiêu`: over the basis by a count, a change like `tăng` (`vượt 20%` is read below);
# `+8,2% so với đầu năm`, `-4 vụ so với cùng kỳ`: a sign written for the verb, after a space or `(`
# `tăng nhẹ 1,1%`, `giảm mạnh 27%`, `tăng đáng kể 15%`: how steep the change is (news wording), not its size
CHANGE_MANNER = r"(?:\s+(?:nhẹ|mạnh(?:\s+mẽ)?|đáng\s+kể|rõ\s+rệt|sâu|nhanh|đột\s+biến))?"
_CHANGE_VERB = re.compile(
    r"(?:tốc\s+độ\s+)?(?P<dir>tăng(?:\s+trưởng)?|giảm|gảm|cao\s+hơn|thấp\s+hơn|nhiều\s+hơn|ít\s+hơn"
    r"|vượt(?=\s+\d[\d.,]*\s+[^\W\d_]))" + CHANGE_MANNER + r"(?:\s+(?:thêm|đạt|tới))?\s+"
    r"|(?<=[\s(])(?P<sign>[+\-−])(?=\d)",
    re.IGNORECASE,
)
_UP = ("tăng", "tăng trưởng", "cao hơn", "nhiều hơn", "vượt", "+")
# `cao hơn bình quân chung của tỉnh 3,4 triệu đồng`: the average it is higher than, before the amount
_AVERAGE = re.compile(r"(?:mức\s+)?(?:bình\s+quân|trung\s+bình)(?:\s+(?!là\s)[^\W\d_]+){0,7}?(?=\s+\d)", re.IGNORECASE)
# `gấp 2 lần`, `tăng gấp 2 lần`, `tăng 2,3 lần` (as the genre writes `gấp`): a ratio of 200%, 230%;
# `tăng hơn 2 lần`, `gấp gần 3 lần`: the qualifier has no field of its own
# `tăng gần gấp đôi`, `tăng hơn gấp 3 lần`: the qualifier may come before `gấp` too
_ABOUT = r"(?:(?:hơn|trên|gần|khoảng|xấp\s+xỉ)\s+)?"
_TIMES = re.compile(
    r"(?:(?:tăng|bằng)\s+" + _ABOUT + r"(?:gấp\s+)?|gấp\s+)" + _ABOUT + r"(?P<num>\d+(?:,\d+)?)\s+lần(?!\w)"
    r"|(?:tăng\s+)?" + _ABOUT + r"gấp\s+(?:(?P<word>đôi|ba|rưỡi)(?!\w)|(?P<bare>\d{1,2}(?:,\d+)?)(?=\s+so\s+với\s))",
    re.IGNORECASE,
)
_TIMES_WORDS = {"đôi": 2.0, "ba": 3.0, "rưỡi": 1.5}  # `tăng gấp đôi cùng kỳ`, `gấp 3 so với năm 2025` (no `lần`)
_RATIO_VERB = re.compile(r"(?:đạt\s+và\s+vượt|đạt\s+được|đạt|bằng|vượt|hoàn\s+thành)\s+", re.IGNORECASE)
_OVER = re.compile(r"vượt", re.IGNORECASE)
_OVER_BASIS = re.compile(r"vượt\s+(?=\S)", re.IGNORECASE)
_RATE_WORD = re.compile(r"t[ỷỉ]\s+lệ\s+", re.IGNORECASE)
_QUALIFIER = re.compile(r"(?P<q>trên|hơn|dưới|gần|khoảng|xấp\s+xỉ|chừng)\s+", re.IGNORECASE)
_PCT = re.compile(r"\s?[%‰]")
# `tăng 1,6 điểm %`, `tăng 2,1 điểm phần trăm`: percentage points, kept as written (SPEC 4)
_POINTS = re.compile(r"\s*điểm\s*(?:%|phần\s+trăm)(?!\w)", re.IGNORECASE)
# `nghìn`, `vạn`, `tỷ` before a counted noun the lexicon has bare (`50 nghìn con`, `1 vạn con`, `0,2 tỷ tấn`),
# as a figure's own scale is read; `tỷ đồng` stays the money unit
_SCALE_WORD = re.compile(rf"\s*(?P<scale>{SCALE_OF_COUNT})(?=\s)", re.IGNORECASE)
_SPACE_COMMA = re.compile(r"[\s,]*(?:là\s+)?", re.IGNORECASE)  # `tăng so với cùng kỳ là 0,6 tỷ đồng`
# `cao hơn năm 2023 là 9 triệu đồng/ha`, `thấp hơn cùng kỳ là 2,1%`: the words up to `là` are the basis
_BASIS_THEN_LA = re.compile(
    r"(?P<words>[^\W\d_]+(?:\s+(?:[^\W\d_]+|(?:19|20)\d{2}|\d{1,2}/(?:19|20)\d{2})){0,7}?)\s+là\s+(?=\d)",
    re.IGNORECASE,
)
_COMPARATIVE = ("cao hơn", "thấp hơn", "nhiều hơn", "ít hơn")
_CLAUSE_END = re.compile(r"\s*(?:[,.;)]|$)")
# the same change in % after its amount: `tăng 4 vụ = 33%`, `tăng 1,1 tỷ đồng, tương đương 20,8%`, `(+20%)`
_PCT_RESTATE = re.compile(
    r"\s*(?:=|,?\s*tương\s+(?:đương|ứng)(?:\s+với)?|\((?=[^()]*\)))\s*(?:(?P<dir>tăng|giảm)\s+|[+\-−]\s*)?"
    r"(?P<num>\d+(?:,\d+)?)\s?%(?:\s*\))?",
    re.IGNORECASE,
)
_BASIS_GAP = re.compile(r"[\s,]*(?:thì\s+)?(?P<open>\(\s*)?", re.IGNORECASE)  # `... thì tăng 11,4%`
_PLAN_SLASH = re.compile(r"\s*(?:/\s*)?")

APPROX: dict[str, Approx] = {
    "trên": "over",
    "hơn": "over",
    "dưới": "under",
    "gần": "under",
    "khoảng": "about",
    "xấp xỉ": "about",
    "chừng": "about",
    "chưa đến": "under",  # `chưa đến 15% hồ sơ ...`
    "chưa tới": "under",
}
APPROX_BEFORE = re.compile(  # `ngân sách cấp trên 5,25 tỷ đồng`: the higher level, not `over` (but `nâng cấp hơn`)
    r"(?<!\w)(?P<q>(?<!cấp\s)trên|hơn|(?<!cấp\s)dưới|gần|khoảng|xấp\s+xỉ|chừng|chưa\s+(?:đến|tới))\s+$", re.IGNORECASE
)
# `dự kiến cả năm`, `dự kiến đến hết năm`: the period's own result estimated ahead, not a next-period target
CURRENT_YEAR_FORECAST = (
    r"\s+(?:thực\s+hiện\s+|đạt\s+)?(?:cả\s+năm|hết\s+năm|đến\s+(?:hết\s+)?(?:năm|ngày\s+31/12|31/12))(?!\w)"
)
ESTIMATE_RE = re.compile(
    r"(?<![\w])(?<!giao )(?<!hương )(?:[Ưư]ớc|dự\s+kiến(?=" + CURRENT_YEAR_FORECAST + r"))(?![\w])", re.IGNORECASE
)
AS_OF_RE = re.compile(
    r"(?<!\w)(?:tính\s+)?đến(?:\s+hết)?(?:\s+ngày)?\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}))?"
    r"(?![\d/])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Parsed:
    """One comparison read from the text, with where it ends and what it says besides."""

    comparison: Comparison
    end: int
    number_start: int
    explicit_basis: bool  # a basis was written (not just `đạt 80%`)
    qualifier: Approx | None = None


def basis_after(text: str, pos: int, limit: int) -> tuple[Basis, str, int] | None:
    """A basis after a figure: `KH`, `% dự toán`, `so với ...` (any baseline), or `trên tổng số
    hồ sơ tiếp nhận` (the total the rate is taken of)."""
    if m := _OF_TOTAL.match(text, pos, limit):
        return "other", " ".join(m.group("words").split()), m.end()
    if (m := _THEO.match(text, pos, limit)) and (after := match_basis(text, m.end(), limit)) is not None:
        return after[0], " ".join(text[m.start("w") : after[2]].split()), after[2]
    m = _SO_VOI.match(text, pos, limit)
    if m:
        return match_basis(text, m.end(), limit, after_so_voi=bool(m.group("voi")))
    if (m := _PAREN_SO_VOI.match(text, pos, limit)) is not None:  # `giảm 3 vụ (so cùng kỳ)`
        inner = match_basis(text, m.end(), limit, after_so_voi=bool(m.group("voi")))
        close = CLOSE_PAREN.match(text, inner[2], limit) if inner else None
        return (inner[0], inner[1], close.end()) if inner and close else None
    m = _PLAN_SLASH.match(text, pos, limit)  # `48%/KH`, `48% KH`, `48%KH`
    return match_basis(text, m.end() if m else pos, limit)


def _skip(optional: re.Pattern[str], text: str, pos: int, limit: int) -> int:
    """Where a stretch that may be empty (`optional` matches at any position) ends."""
    m = optional.match(text, pos, limit)
    return m.end() if m else pos


def parse_comparison(text: str, pos: int, limit: int) -> Parsed | None:
    """The comparison starting at `pos` (after optional `,`/`và`), or None."""
    share = _PAREN_SHARE.match(text, pos, limit)
    p = share.end() if share else _skip(_LEAD, text, pos, limit)
    if (first := _basis_first(text, p, limit)) is not None:
        return first
    if (times := _TIMES.match(text, p, limit)) is not None:
        return _parse_times(text, times, limit, None)
    change = _CHANGE_VERB.match(text, p, limit)
    if change:  # `..., giảm 5,6 ha`, `(giảm 45 hộ)` on their own may take a sibling's basis (changes.share_bases)
        return _parse_change(text, change, limit, alone="," in text[pos:p] or "(" in text[pos:p])
    if (over := _OVER_BASIS.match(text, p, limit)) is not None and (beyond := _over_basis(text, over, limit)):
        return beyond
    verb = _RATIO_VERB.match(text, p, limit)
    q = verb.end() if verb else p
    rate = _RATE_WORD.match(text, q, limit)
    q = rate.end() if rate else q
    qual = _QUALIFIER.match(text, q, limit)
    q = qual.end() if qual else q
    num = _number_at(text, q, limit)
    if num is None or (value := _value(num.group())) is None:
        return None
    qualifier = APPROX[" ".join(qual.group("q").lower().split())] if qual else None
    pct = _PCT.match(text, num.end(), limit)
    if pct is None:
        # `1.715 người đạt 63,52 KH`: a plan ratio whose `%` was dropped (genre-notes 4)
        spaced = text[num.end() : num.end() + 1] == " "
        basis = match_basis(text, num.end() + 1, limit) if verb and spaced else None
        if basis is None or basis[0] != "plan":
            return None
        comp = Comparison(basis=basis[0], basis_text=basis[1], relation="ratio", pct=value)
        return Parsed(comp, basis[2], num.start(), True, qualifier)
    # `vượt 20% kế hoạch` is 20% over the plan: a change, as in a table's `vượt` cell; `vượt 112%`
    # can only be the ratio written loosely
    relation: Relation = "change" if verb and _OVER.fullmatch(verb.group().strip()) and value < 100 else "ratio"
    basis = basis_after(text, pct.end(), limit)
    if basis is not None:
        comp = Comparison(basis=basis[0], basis_text=basis[1], relation=relation, pct=value)
        # `đạt 34,3% trên tổng số chi phí` with no count before it is a share, not a comparison
        return Parsed(comp, basis[2], num.start(), not _OF_TOTAL.match(text, pct.end(), limit), qualifier)
    if verb is None and rate is None:
        return None  # a bare `54%` is a value, not a comparison
    comp = Comparison(basis="other", basis_text="tỷ lệ" if rate else "", relation=relation, pct=value)
    return Parsed(comp, pct.end(), num.start(), False, qualifier)


def _over_basis(text: str, over: re.Match[str], limit: int) -> Parsed | None:
    """`vượt chỉ tiêu 3,5%`, `vượt kế hoạch 12%`: that much over the basis, a change (as `vượt 12% kế hoạch`)."""
    basis = match_basis(text, over.end(), limit)
    num = NUMBER_RE.match(text, basis[2] + 1, limit) if basis and text[basis[2] : basis[2] + 1] == " " else None
    value = parse_number(num.group()) if num else None
    pct = _PCT.match(text, num.end(), limit) if num else None
    if basis is None or num is None or value is None or pct is None:
        return None
    comp = Comparison(basis=basis[0], basis_text=basis[1], relation="change" if value < 100 else "ratio", pct=value)
    return Parsed(comp, pct.end(), num.start(), True)


def _basis_first(text: str, p: int, limit: int) -> Parsed | None:
    """The basis before the verb: `so với cùng kỳ tăng 4,2%`, `so với cùng kỳ gấp 2 lần`."""
    so_voi = _SO_VOI.match(text, p, limit)
    basis = match_basis(text, so_voi.end(), limit, after_so_voi=bool(so_voi.group("voi"))) if so_voi else None
    if basis is None:
        return None
    gap = _BASIS_GAP.match(text, basis[2], limit)
    q = gap.end() if gap else basis[2]
    if (times := _TIMES.match(text, q, limit)) is not None:
        return _parse_times(text, times, limit, basis)
    if (ratio := _RATIO_VERB.match(text, q, limit)) is not None:  # `so với kế hoạch đạt 98%`
        return _stated_ratio(text, ratio, limit, basis)
    change = _CHANGE_VERB.match(text, q, limit)
    if change is None or _SO_VOI.match(text, change.end(), limit):
        return None
    parsed = _parse_change(text, change, limit, stated=basis)
    if parsed is not None and gap and gap.group("open") and (close := CLOSE_PAREN.match(text, parsed.end, limit)):
        parsed = replace(parsed, end=close.end())  # `so với cùng kỳ năm trước (tăng 8,2%)`
    return parsed


def _stated_ratio(text: str, verb: re.Match[str], limit: int, basis: tuple[Basis, str, int]) -> Parsed | None:
    """`so với kế hoạch đạt 98%`, `so với cùng kỳ bằng 105%`: a ratio whose basis came first."""
    q = verb.end()
    qual = _QUALIFIER.match(text, q, limit)
    num = NUMBER_RE.match(text, qual.end() if qual else q, limit)
    value = parse_number(num.group()) if num else None
    pct = _PCT.match(text, num.end(), limit) if num else None
    if num is None or value is None or pct is None:
        return None
    over = _OVER.fullmatch(verb.group().strip()) and value < 100
    comp = Comparison(basis=basis[0], basis_text=basis[1], relation="change" if over else "ratio", pct=value)
    qualifier = APPROX[" ".join(qual.group("q").lower().split())] if qual else None
    return Parsed(comp, pct.end(), num.start(), True, qualifier)


def _parse_times(text: str, times: re.Match[str], limit: int, basis: tuple[Basis, str, int] | None) -> Parsed | None:
    """`gấp 2,5 lần (so với) cùng kỳ`: a ratio of 250%."""
    word = times.group("word")
    number = "num" if times.group("num") else "bare"
    value = _TIMES_WORDS[word.lower()] if word else parse_number(times.group(number))
    if value is None:
        return None
    stated = basis or basis_after(text, times.end(), limit) or earlier_period(text, times.end(), limit)
    if stated is None:
        return None
    comp = Comparison(basis=stated[0], basis_text=stated[1], relation="ratio", pct=round(value * 100, 6))
    return Parsed(comp, times.end() if basis else stated[2], times.start("word" if word else number), True)


def _parse_change(
    text: str, change: re.Match[str], limit: int, stated: tuple[Basis, str, int] | None = None, *, alone: bool = False
) -> Parsed | None:
    verb = " ".join((change.group("dir") or change.group("sign")).lower().split())
    sign = 1.0 if verb in _UP else -1.0
    q = change.end()
    pre = stated
    so_voi = None if stated else _SO_VOI.match(text, q, limit)  # `tăng so với cùng kỳ 0,1%`
    if so_voi:
        pre = match_basis(text, so_voi.end(), limit, after_so_voi=bool(so_voi.group("voi")))
    elif stated is None and (la := _BASIS_THEN_LA.match(text, q, limit)) is not None:
        # after `cao hơn` any words before `là` are what it is higher than (`năm 2023`, `vụ mùa năm trước`)
        pre = match_basis(text, q, la.end("words"), after_so_voi=verb in _COMPARATIVE)
        pre = pre if pre is not None and pre[2] == la.end("words") else None
    elif stated is None and verb in _COMPARATIVE and (mean := _AVERAGE.match(text, q, limit)) is not None:
        pre = ("other", " ".join(mean.group().split()), mean.end())
    elif (
        stated is None
        and (bare := match_basis(text, q, limit, after_so_voi=verb in _COMPARATIVE)) is not None
        and bare[0] != "other"
        and NUMBER_RE.match(text, bare[2] + 1, limit)
    ):
        pre = bare  # `giảm cùng kỳ 5%`, `cao hơn năm 2025 1,4 điểm phần trăm`
    if pre is not None and stated is None:
        q = _skip(_SPACE_COMMA, text, pre[2], limit)
    if qual := _QUALIFIER.match(text, q, limit):  # `tăng trên 12 %`: the qualifier has no field of its own
        q = qual.end()
    num = _number_at(text, q, limit)
    if num is None or (value := _value(num.group())) is None:
        return None
    pct = _PCT.match(text, num.end(), limit) or _POINTS.match(text, num.end(), limit)
    if pct is not None:
        basis = pre or basis_after(text, pct.end(), limit)
        end = pct.end() if pre is not None or basis is None else basis[2]
        kind, words = (basis[0], basis[1]) if basis else ("other", "")
        comp = Comparison(basis=kind, basis_text=words, relation="change", pct=sign * value)
        return Parsed(comp, end, num.start(), basis is not None)
    unit = _change_unit(text, num.end(), limit)
    if unit is None:
        return _bare_amount(text, num, sign * value, limit, pre)
    q, pct_of = unit[2], None
    restate = _PCT_RESTATE.match(text, q, limit)
    if restate and same_way(restate.group("dir"), sign) and (size := parse_number(restate.group("num"))) is not None:
        q, pct_of = restate.end(), sign * size
    basis = pre or basis_after(text, q, limit)
    if basis is None and not alone:
        return None  # `tăng 03 vụ` with no baseline: not recorded
    end = q if basis is None or pre is not None else basis[2]
    late = _PCT_RESTATE.match(text, end, limit) if basis is not None and pct_of is None else None
    if late and same_way(late.group("dir"), sign) and (size := parse_number(late.group("num"))) is not None:
        end, pct_of = late.end(), sign * size  # `tăng 18,3 triệu kWh so với cùng kỳ, tương đương 8,1%`
    kind, words = basis[:2] if basis else ("other", "")
    comp = Comparison(
        basis=kind, basis_text=words, relation="change", pct=pct_of, amount=sign * value, amount_unit=unit[0]
    )
    return Parsed(comp, end, num.start(), basis is not None)


def _change_unit(text: str, pos: int, limit: int) -> tuple[str, int, int] | None:
    """The unit of a change by an amount, also scaled as the figure's own is (the scale first, as there):
    `tăng 50 nghìn con`, `giảm 1,2 triệu lượt`, `tăng 0,2 tỷ tấn` (the scale word stays in `amount_unit`)."""
    scale = _SCALE_WORD.match(text, pos, limit)
    if scale is not None and (counted := match_unit(text, scale.end(), limit)) is not None:
        return f"{scale.group('scale').lower()} {counted[0]}", scale.start("scale"), counted[2]
    return match_unit(text, pos, limit)


def _bare_amount(
    text: str, num: re.Match[str], amount: float, limit: int, pre: tuple[Basis, str, int] | None
) -> Parsed | None:
    """`Cấp 12.345 căn cước, tăng 2.345 so với tháng trước`: a change by a count written with no unit,
    when its basis follows at once (or came first and the clause ends): `amount_unit` null."""
    if pre is not None:
        if not _CLAUSE_END.match(text, num.end(), limit):
            return None
        basis, end = pre, num.end()
    else:
        so_voi = _SO_VOI.match(text, num.end(), limit)
        after = match_basis(text, so_voi.end(), limit, after_so_voi=bool(so_voi.group("voi"))) if so_voi else None
        if after is None:
            return None
        basis, end = after, after[2]
    comp = Comparison(basis=basis[0], basis_text=basis[1], relation="change", amount=amount)
    return Parsed(comp, end, num.start(), True)


def same_way(word: str | None, sign: float) -> bool:
    """A restated size with its own `tăng`/`giảm` must go the same way as the change it restates."""
    return word is None or (word.lower() in _UP) == (sign > 0)


def as_of_date(match: re.Match[str]) -> str | None:
    """ISO date of an `đến 20/02/2023` match; None without a year (we never guess the year)."""
    day, month, year = int(match.group("d")), int(match.group("m")), match.group("y")
    if year is None or not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return f"{int(year):04d}-{month:02d}-{day:02d}"


CLOSE_PAREN = re.compile(r"\s*\)")


# `tăng 0.5% so với cùng kỳ`: a `.` decimal before `%` (eval/LABELING.md) is a comparison's number too
_DOT_PCT = re.compile(r"\d(?<![\w.,]\d)\d{0,2}\.\d{1,2}(?=\s?[%‰])")


def _number_at(text: str, pos: int, limit: int) -> re.Match[str] | None:
    return NUMBER_RE.match(text, pos, limit) or _DOT_PCT.match(text, pos, limit)


def _value(token: str) -> float | None:
    value = parse_number(token)
    return value if value is not None else dot_decimal(token)
