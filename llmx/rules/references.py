"""Citations of legal, Party and administrative documents (SPEC section 6). Pure: no I/O.

A citation is a document-type word (`Nghị quyết`, `Chỉ thị`, `Thông tư` ...) followed by what
identifies one document. The grammar after the type word, in order:

* a number, `số 04-NQ/ĐU`, `số 05 - CT/TW` (spacing kept as written), `91/2017/NĐ-CP`,
  `3969/UBND-TH3`, `số 17`; a bare short number without `số` or a symbol (`Kết luận 47`) counts
  only when a date, an issuer or a clause boundary follows it, so `Kế hoạch 5 năm` is not one;
* or a Party plenum/congress: `Hội nghị Trung ương 7`, `TW6`, `hội nghị lần thứ 6`,
  `đại hội lần thứ XIII`, `Đại hội XIII`; the ordinal identifies the resolution, number stays null;
* then, in any order, each at most once: a date (`ngày 30/12/2022`, `, ngày 09/02/2023`,
  `ngày 18 tháng 5 năm 2021`), an issuer (`của Ban Bí thư`, `của UBND tỉnh`), a term
  (`(khóa XVII)`, `khóa XII`). The quote ends there, before the subject (`về ...`, `“...”`).

Decisions where SPEC 6 leaves room (they match the hand-labelled gold files):

* Un-numbered mentions are references only when they name a date or an issuer, and then only
  when they read as one specific document: singular (`các Nghị quyết, Chỉ thị của Đảng các
  cấp`, `các Nghị quyết của HĐND huyện` are classes), not a draft (`dự thảo Luật ...`), issued by
  a named body (`của Đảng`, `của Nhà nước`, `của cấp trên`, `của hệ thống chính trị` are not),
  and, for type words that are also common nouns or verbs (`quyết định`, `kế hoạch`, `hướng
  dẫn`, `quy định`, `kết luận`, `văn bản` ...), written with a capital (`theo hướng dẫn của
  huyện ủy` is not a citation). A short title (at most 8 words, no digits, no `về`/`và`/`năm`)
  may sit between type word and issuer: `Đề án ứng dụng một số cây trồng mới của tỉnh`,
  `Quy chế làm việc của UBND huyện`, `Thông tư hướng dẫn của Bộ Nội vụ`.
* Title-only mentions are not references: `Nghị quyết về lãnh đạo Quốc phòng - an ninh năm
  2023`, `Đề án “Tăng cường năng lực ...”`, `Quy định Bí thư cấp ủy trực tiếp đối thoại ...`,
  `Kế hoạch cải cách hành chính năm 2018`, `Chương trình công tác năm 2023`: a plan year is the
  period the plan covers, not a date of the document.
* Laws (`Luật`, `Bộ luật`, `Pháp lệnh`, `Hiến pháp`) are the exception for years: `năm 2013`
  after a law title is its enactment year, so `Luật sửa đổi bổ sung của Luật thi đua, khen
  thưởng năm 2013` is a reference with date `2013`; without a year, number or issuer (`Luật sửa
  đổi bổ sung một số điều của Luật thi đua khen thưởng`, `Luật giao thông đường bộ`) it is not.
* Plenum and congress resolutions are references even when un-numbered and even after `các`
  (`các Nghị quyết Hội nghị Trung ương 7 (khóa XII) của Đảng`); issuer only when `của ...` says so,
  or, for a Party branch's congress, the congress itself with its term (`Nghị quyết Đại hội Đảng bộ huyện
  lần thứ XXI, nhiệm kỳ 2025 - 2030`).
* A count before the type word makes it a unit, not a citation: `02 nghị quyết chuyên đề`,
  `ban hành 1.170 Quyết định, 90 Kế hoạch` (SPEC 6: those are indicators).
* Not type words at all: `Kế hoạch hóa gia đình`, `Tài chính - Kế hoạch`, `Sở Kế hoạch và Đầu
  tư`, lower-case `luật` in `pháp luật`, `kỷ luật`, `luật định`, `hội luật gia`.
* `number` is written as in the text without `số`; `issuer` as written (`Bộ chính trị`,
  `Huyện uỷ`), never derived from the symbol; `date` ISO, partial for a law year.
* Each mention is its own reference (the same document cited twice gives two).
"""

from __future__ import annotations

import re

from llmx.contract import Reference
from llmx.rules.cited_issuers import ORD, SP, S, W, actor_before, issuer_after, issuer_before
from llmx.vn import LOWER

# gaps: `_S` spaces with at most one line break, `_W` optional ones, `_SP` spaces on one line
_S, _W, _SP, _ORD = S, W, SP, ORD
_GAP = re.compile(_S)

# type words, longest first; STRONG ones are never ordinary nouns/verbs, so lower case is fine
_TYPES = (
    "nghị quyết",
    "nghị định",
    "quyết định",
    "chỉ thị",
    "kết luận",
    "kế hoạch",
    "thông tư",
    "thông tri",
    "thông báo",
    "văn bản",
    "công văn",
    "công điện",
    "quy định",
    "quy chế",
    "hướng dẫn",
    "chương trình",
    "đề án",
    "bộ luật",
    "luật",
    "pháp lệnh",
    "hiến pháp",
    "tờ trình",
    "báo cáo",
    "phương án",
    "giấy phép",
    "giấy chứng nhận",
    "hộ chiếu",
    "biên bản",
    "giấy mời",
    "quy chuẩn",
)
_STRONG = {"nghị quyết", "nghị định", "chỉ thị", "thông tư", "thông tri", "pháp lệnh", "hiến pháp"}
_LAWS = {"luật", "bộ luật", "pháp lệnh", "hiến pháp"}
# un-numbered these are the report's own activity (`báo cáo`, `lập biên bản`) or a kind of paper (`cấp giấy phép`)
_NUMBERED_ONLY = {
    *("báo cáo", "tờ trình", "phương án", "giấy phép", "giấy chứng nhận", "hộ chiếu", "biên bản", "giấy mời"),
    "quy chuẩn",
}
_DATED_BARE = {"biên bản", "báo cáo", "tờ trình"}  # a date right after their name is the date they were made
# abbreviated type words before `số` (`Đoàn kiểm tra theo QĐ số 2872/QĐ-SCT`) and national technical
# regulations, whose code is their number (`QCVN 01:2019/BCT`)
_ABBREVIATIONS = {"QĐ": "quyết định", "CV": "công văn", "NQ": "nghị quyết", "KH": "kế hoạch", "TB": "thông báo"}
_ABBREVIATED = re.compile(r"(?<!\w)(?:QCVN(?=[ \t]*\d)|(?:QĐ|CV|NQ|KH|TB)(?=[ \t]+(?:số|Số|SỐ)[ \t]*:?[ \t]*\d))")
_QCVN = re.compile(r"QCVN[ \t]*\d{1,3}(?::\d{4})?/[A-ZĐ][A-Za-zĐđ]*(?:-[A-ZĐ][A-Za-zĐđ]*)*(?!\w)")
_PLENUM_TYPES = {"nghị quyết", "kết luận"}

_TYPE_ALT = "|".join(t.replace(" ", _S) for t in sorted(_TYPES, key=len, reverse=True))
TYPE_RE = re.compile(rf"(?i:{_TYPE_ALT})(?!\w)")
_TYPE_LOWER = re.compile(rf"(?:{_TYPE_ALT})")  # on lower-cased text: 5x faster than IGNORECASE
# words that name a sub-kind and may stand between type word and number/issuer
_QUALIFIER = re.compile(rf"{_S}(?i:liên{_S}tịch|kết{_S}luận|liên{_S}ngành|hướng{_S}dẫn|hành{_S}động|phối{_S}hợp)(?!\w)")

# --- numbers -----------------------------------------------------------------------------
_SEG = r"[A-ZĐ][A-Za-zĐđ&]*\d*"  # symbol segment: NQ, CT, TTr, QĐi, UBND, TH3, TTg, BNN&MT
# `40/KH- STTTT`: a stray space after a hyphen; `01/QĐ - CTY`, `HCNM - G16`: spaces around it before capitals
_SYMBOL = rf"{_SEG}(?:(?:[/.]|-[ \t]?|[ \t]-[ \t](?=[A-ZĐ][A-ZĐ\d]*(?!\w))){_SEG})*"
_NUM_SYMBOL = re.compile(
    r"\d{1,5}(?:\.\d{1,4}){0,2}[a-z]?(?:/\d{1,4}){0,3}"  # `66.4/2025/NQ-CP`, `06/03/2026/HCNM`
    rf"(?:[-/]{_SYMBOL}|{_S}?[-–]{_S}?[A-ZĐ]{{2}}[A-Za-zĐđ]*\d*[-/]{_SYMBOL})"  # 04-NQ/ĐU, 05 - CT/TW
)
_NUM_BARE = re.compile(r"\d{1,5}[a-z]?(?![\w/.,]\d|\w)")
_SO = re.compile(rf"{_S}(?:số|Số|SỐ)[ \t]*:?{_W}(?=\d)")
# a bare number (no `số`, no symbol) must be followed by a date, issuer, subject or boundary
_BARE_OK = re.compile(r"(?=[ \t]*(?:[,.;:)(\n“\"]|\Z|(?:của|về|ngày|và|đã|được|thì)(?!\w)))")

# --- dates ---------------------------------------------------------------------------------
_DATE = re.compile(
    rf"{_W},?{_W}(?:ban{_S}hành{_S})?ngày{_S}"
    r"(?:(?P<d>\d{1,2})[ \t]*([/.-])[ \t]*(?P<m>\d{1,2})[ \t]*\2[ \t]*(?P<y>\d{4})"
    rf"|(?P<d2>\d{{1,2}}){_S}tháng{_S}(?P<m2>\d{{1,2}}){_S}năm{_S}(?P<y2>\d{{4}}))(?!\d)"
)
_LAW_YEAR = re.compile(rf"{_S}(?:năm{_S})?(?P<y>(?:19|20)\d\d)(?!\d)")  # `Luật BVMT 2020`

_JOINED = re.compile(rf"{_W},{_W}|{_S}và{_S}")
_SAME_SERIES = re.compile(rf"[^.;]{{0,160}}?(?:,|{_S}và){_S}\Z")
_GENERIC_ISSUER = re.compile(r"(?i:đảng(?:\s+cộng\s+sản\s+việt\s+nam)?|nhà\s+nước)")
_ALL_LEVELS = re.compile(rf"{_S}(?i:các{_S}cấp)(?!\w)")
_TERM = re.compile(rf"{_W}(?:\((?i:khóa|khoá){_S}[IVXLC]+\)|,?{_S}(?i:khóa|khoá){_S}[IVXLC]+(?!\w))")

# --- plenums and congresses ----------------------------------------------------------------
# `Nghị quyết Đại hội Đảng bộ huyện lần thứ XXI, nhiệm kỳ 2025 - 2030`: the branch's congress (with its term) is
# the issuer of an un-numbered resolution; a national congress or a plenum is named only by `của ...`
_BRANCH_CONGRESS = re.compile(r"\s*(?i:đại\s+hội\s+(?:đại\s+biểu\s+)?đảng\s+bộ)\s")
_CONGRESS_TERM = re.compile(rf",?{_S}(?i:nhiệm{_S}kỳ){_S}\d{{4}}{_W}[-–]{_W}\d{{4}}")
_PLENUM = re.compile(
    rf"{_S}(?i:"
    rf"(?:hội{_S}nghị{_S})?(?:(?:ban{_S}chấp{_S}hành|bch){_S})?(?:trung{_S}ương|tw|tư)(?:{_S}đảng)?"
    rf"{_W}(?:lần{_S}thứ{_S})?{_ORD}"
    rf"|hội{_S}nghị{_S}(?:lần{_S})?thứ{_S}{_ORD}"
    rf"|đại{_S}hội(?:{_S}[^\s,;.:()“”\"]+){{0,6}}?{_S}lần{_S}thứ{_S}{_ORD}"
    rf"|đại{_S}hội(?:{_S}đại{_S}biểu{_S}toàn{_S}quốc|{_S}đảng{_S}bộ{_S}\w+|{_S}đảng)?{_S}(?-i:[IVXLC]+)(?!\w)"
    r")"
)

# --- titles between type word and issuer ---------------------------------------------------
# a title may wrap onto the next line only mid-phrase (the next line goes on in lower case)
_TITLE_GAP = rf"(?:{_SP}|[ \t]*\n[ \t]*(?={LOWER}))"
_TITLE_WORD = re.compile(rf"{_TITLE_GAP}(?P<w>[^\s,;.:()“”\"…\d]+)")
_TITLE_STOP = re.compile(r"(?i:của|về|và|năm|theo|tại|trên|để|cho|nhằm|đối|trong|với|đã|được|ngày|các)")
_LAW_TITLE_WORD = re.compile(rf"(?:,?{_TITLE_GAP})(?P<w>[^\s,;.:()“”\"…\d]+)")
_MAX_TITLE_WORDS = 8
# a descriptive name before the number (`Giấy chứng nhận đủ điều kiện về an ninh, trật tự số 118/GCN`,
# `hộ chiếu nổ mìn số 02/2026/HCNM`): `về` and commas may stand in it, a clause word may not
_NAMED_WORD = re.compile(rf"(?:,?{_TITLE_GAP})(?P<w>[^\s,;.:()“”\"…\d]+)")
_NAMED_STOP = re.compile(r"(?i:của|theo|tại|ngày|đã|được|là|thì|có|do|cho|nhằm|để|các|số|những|năm|tháng)")
_MAX_NAMED_WORDS = 12
_MAX_LAW_TITLE_WORDS = 16
# a clause word ends a law title (`Luật Đất đai được triển khai ... năm 2024` names no year of the law)
# (`Luật này trước ngày ...` is the law the text is quoting; `theo` and `trong` stand in titles)
_LAW_STOP = re.compile(r"(?i:được|đã|đang|sẽ|đến|tới|cho|tại|nhằm|để|là|thì|có|vào|từ|này|trước|sau|khi)")
# `Phương án nổ mìn lộ thiên lập ngày 05/01/2026`, `Kế hoạch ứng cứu khẩn cấp đã lập tháng 7 năm 2025`
_MADE = re.compile(rf"{_S}(?:đã{_S})?(?:được{_S})?lập(?=[ \t\n])")
_MONTH_YEAR = re.compile(rf"{_S}tháng{_S}(?P<m>\d{{1,2}}){_S}năm{_S}(?P<y>\d{{4}})(?!\d)")

# --- contexts that disqualify a type word --------------------------------------------------
# `02 nghị quyết`, `1.170 Quyết định`; not a year or a date (`năm 2013, Thông tư ...`)
_COUNT_BEFORE = re.compile(rf"(?<![\w/.,-])(?!(?:19|20)\d\d(?!\d))\d+(?:\.\d{{3}})*(?:,\d+)?{_S}\Z")
_ARTICLE_BEFORE = re.compile(rf"(?i:điều|khoản|điểm|chương|mục|phụ{_S}lục){_S}\d+[a-z]?{_S}\Z")  # `Điều 34 Nghị định`
_DEPT_BEFORE = re.compile(rf"(?:(?:Sở|Bộ|Phòng|Ban|Vụ|Cục|Chi{_S}cục){_S}|(?i:tài{_S}chính){_W}[-–]{_W})\Z")
_DRAFT_BEFORE = re.compile(rf"(?i:dự{_S}thảo){_S}\Z")
_PLURAL_BEFORE = re.compile(
    rf"(?<!\w)(?i:các|những|mọi|một{_S}số)(?:{_S}(?i:{_TYPE_ALT})(?:{_W},|{_S}và|{_S}hoặc)?)*{_S}\Z"
)
_NOT_A_TYPE_AFTER = re.compile(rf"{_S}(?:(?i:hóa|hoá)(?!\w)|và{_S}Đầu{_S}tư)")  # only after `kế hoạch`


def find_references(text: str, start: int = 0, end: int | None = None) -> list[Reference]:
    """Every document citation whose type word starts in `text[start:end]`, absolute offsets."""
    stop = len(text) if end is None else min(end, len(text))
    refs: list[Reference] = []
    covered = start  # a citation nested in the previous one (a law inside a law title) is skipped
    said_before: Reference | None = None  # the last citation whose issuer was named before it
    abbreviated = [m.span() for m in _ABBREVIATED.finditer(text, start, stop)]
    for s, e in sorted(_type_words(text, start, stop) + abbreviated):
        if s < covered:
            continue
        ref = _citation(text, s, e, stop)
        if ref is None:
            continue
        if ref.issuer is None:
            ref, said = _issuer_before(text, ref, said_before)
            said_before = ref if said else None
        refs.append(ref)
        covered = ref.end
    for k in range(len(refs) - 1, 0, -1):  # `Kết luận số 05-KL/TW ..., Kết luận số 13-KL/TW ... của Ban Bí thư`
        prev, cur = refs[k - 1], refs[k]
        if (
            prev.issuer is None
            and cur.issuer
            and prev.doc_type == cur.doc_type
            and _JOINED.fullmatch(text, prev.end, cur.start)
        ):
            refs[k - 1] = prev.model_copy(update={"issuer": cur.issuer})
    return refs


def _issuer_before(text: str, ref: Reference, said_before: Reference | None) -> tuple[Reference, bool]:
    """The issuer named before the citation (`của Chính phủ tại Nghị định số 45/2020/NĐ-CP`), or
    that of the previous one of the same series (`... và Nghị định số 107/2021/NĐ-CP`)."""
    if said := issuer_before(text, max(0, ref.start - 160), ref.start):
        return ref.model_copy(update={"issuer": " ".join(said.split())}), True
    if actor := actor_before(text, max(0, ref.start - 160), ref.start):
        issuer, d, m, y = actor
        update: dict[str, str | None] = {"issuer": " ".join(issuer.split())}
        if ref.date is None and y and m and d and 1 <= int(m) <= 12 and 1 <= int(d) <= 31:
            update["date"] = f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
        return ref.model_copy(update=update), True  # `Sở đã ban hành Văn bản số 1 ..., Văn bản số 2 ...`
    if (
        said_before is not None
        and said_before.doc_type == ref.doc_type
        and _SAME_SERIES.match(text, said_before.end, ref.start)
    ):
        return ref.model_copy(update={"issuer": said_before.issuer}), True
    return ref, False


def _type_words(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Spans of every type word in `text[start:stop]` (a word boundary must follow)."""
    low = text[start:stop].lower()
    if len(low) != stop - start:  # a character whose lower case changes length: slow path
        return [m.span() for m in TYPE_RE.finditer(text, start, stop)]
    spans = []
    for m in _TYPE_LOWER.finditer(low):
        s, e = m.start() + start, m.end() + start
        if e < len(text) and (text[e].isalnum() or text[e] == "_"):
            continue
        spans.append((s, e))
    return spans


def _citation(text: str, s: int, e: int, stop: int) -> Reference | None:
    """The reference that starts with the type word at `text[s:e]`, or None."""
    word = text[s:e]
    doc_type = _ABBREVIATIONS.get(word) or " ".join(word.lower().split())
    if word == "QCVN":
        if (code := _QCVN.match(text, s, stop)) is None:
            return None
        return _make(text, s, (tail := _tail(text, code.end(), stop))[2], "quy chuẩn", code.group(), *tail[:2])
    if not _type_word_stands_alone(text, s, e, word):
        return None
    pos = e
    if (q := _QUALIFIER.match(text, pos, stop)) is not None:
        pos = q.end()
    number: str | None = None
    plenum = False
    congress: str | None = None
    if (so := _SO.match(text, pos, stop)) is not None:
        nm = _NUM_SYMBOL.match(text, so.end(), stop) or _NUM_BARE.match(text, so.end(), stop)
        if nm is not None:
            number, pos = nm.group(), nm.end()
    elif (gap := _GAP.match(text, pos, stop)) is not None:
        at = gap.end()
        if (nm := _NUM_SYMBOL.match(text, at, stop)) is None and (word[0].isupper() or doc_type in _STRONG):
            nm = _NUM_BARE.match(text, at, stop)  # `Kết luận 47`, but `kỷ luật 02` is no `Luật 02`
            if nm is not None and _BARE_OK.match(text, nm.end()) is None:
                nm = None
        if nm is not None:
            number, pos = nm.group(), nm.end()
        elif doc_type in _PLENUM_TYPES and (pm := _PLENUM.match(text, pos, stop)) is not None:
            plenum, pos = True, pm.end()
            if _BRANCH_CONGRESS.match(pm.group()):  # the congress of a Party branch issues its resolution
                pos = term.end() if (term := _CONGRESS_TERM.match(text, pos, stop)) else pos
                congress = " ".join(text[pm.start() : pos].split())

    if number is None and not plenum and (named := _named_number(text, pos, stop, word)) is not None:
        number, pos = named
    if number is not None or plenum:
        date, issuer, end = _tail(text, pos, stop)
        issuer = issuer or congress
        if doc_type == "đề án" and so is None and date is None and issuer is None and number and number.isdigit():
            return None  # `Đề án 06`: the name of a programme, not a citation of its instrument
        return _make(text, s, end, doc_type, number, date, issuer)

    # un-numbered: only a specific, dated or issued document counts
    if doc_type not in _STRONG and not word[0].isupper():
        return None
    before = text[max(0, s - 160) : s]
    if _PLURAL_BEFORE.search(before):
        return None
    if doc_type not in _LAWS and (made := _named_dated(text, pos, stop, doc_type)) is not None:
        _, issuer, end = _tail(text, made[1], stop)
        return _make(text, s, end, doc_type, None, made[0], issuer)
    if doc_type in _NUMBERED_ONLY:
        return None
    date, issuer, end = _tail(text, pos, stop)
    if date is None and issuer is None:
        titled = _titled(text, pos, stop, law=doc_type in _LAWS)
        if titled is None or (_DRAFT_BEFORE.search(before) and titled[1] is None):
            return None  # a draft with no year: `dự thảo Luật đất đai (sửa đổi)`
        number, date, issuer, end = titled
    if (
        number is None
        and date is None
        and issuer is not None
        and (_GENERIC_ISSUER.fullmatch(issuer) or _ALL_LEVELS.match(text, end))
    ):
        return None
    return _make(text, s, end, doc_type, number, date, issuer)


def _type_word_stands_alone(text: str, s: int, e: int, word: str) -> bool:
    """False when the type word is glued into another word, a name, a count or a compound."""
    # `thực hiệnChỉ thị` (a lost space) is still a citation; `phápLuật` style joins are not words
    if s > 0 and text[s - 1].isalpha() and not (word[0].isupper() and text[s - 1].islower()):
        return False
    before = text[max(0, s - 40) : s]
    if (_COUNT_BEFORE.search(before) and not _ARTICLE_BEFORE.search(before)) or _DEPT_BEFORE.search(before):
        return False
    return word.lower() != "kế hoạch" or _NOT_A_TYPE_AFTER.match(text, e) is None  # `Luật Hóa chất`


def _tail(text: str, pos: int, stop: int) -> tuple[str | None, str | None, int]:
    """Date, issuer and term after the number, each at most once and in any order."""
    date: str | None = None
    issuer: str | None = None
    term = False
    while True:
        if date is None and (dm := _DATE.match(text, pos, stop)) is not None and (iso := _iso(dm)):
            date, pos = iso, dm.end()
            continue
        if issuer is None and (named := issuer_after(text, pos, stop)) is not None:
            issuer, pos = named
            continue
        if not term and (tm := _TERM.match(text, pos, stop)) is not None:
            term, pos = True, tm.end()
            continue
        return date, issuer, pos


def _titled(text: str, pos: int, stop: int, *, law: bool) -> tuple[str | None, str | None, str | None, int] | None:
    """(number, date, issuer, end) of a short title followed by a number, an issuer or, for a
    law, its enactment year (`Luật Đất đai năm 2013`, `Luật Thi đua, Khen thưởng số 06/2022/QH15`)."""
    word_re = _LAW_TITLE_WORD if law else _TITLE_WORD
    limit = _MAX_LAW_TITLE_WORDS if law else _MAX_TITLE_WORDS
    words = 0
    while words <= limit:
        if words:
            if (so := _SO.match(text, pos, stop)) is not None:
                nm = _NUM_SYMBOL.match(text, so.end(), stop) or _NUM_BARE.match(text, so.end(), stop)
                if nm is not None:
                    date, issuer, end = _tail(text, nm.end(), stop)
                    return nm.group(), date, issuer, end
            if law and (ym := _LAW_YEAR.match(text, pos, stop)) is not None:
                _, issuer, end = _tail(text, ym.end(), stop)
                return None, ym.group("y"), issuer, end
            if law and (dm := _DATE.match(text, pos, stop)) is not None and (iso := _iso(dm)):
                _, issuer, end = _tail(text, dm.end(), stop)  # `Luật Quản lý, sử dụng vũ khí, ... ngày 29/6/2024`
                return None, iso, issuer, end
            if issuer_after(text, pos, stop) is not None:
                return None, *_tail(text, pos, stop)
        wm = word_re.match(text, pos, stop)
        if wm is None or words == limit:
            return None
        tm = TYPE_RE.match(text, wm.start("w"), stop)
        if tm is not None and not (law and " ".join(tm.group().lower().split()) in _LAWS):
            return None  # another document begins: `..., Nghị định số 91`, `... thực hiện Chỉ thị`
        if (_LAW_STOP if law else _TITLE_STOP).fullmatch(wm.group("w")):
            return None
        pos, words = wm.end(), words + 1
    return None


def _named_number(text: str, pos: int, stop: int, word: str) -> tuple[str, int] | None:
    """(number, end) of a descriptive name followed by `số NUMBER`; a number without a symbol
    only after a capitalised type word and before a date or an issuer (`Giấy phép ... số 12 ngày ...`)."""
    for _ in range(_MAX_NAMED_WORDS):
        wm = _NAMED_WORD.match(text, pos, stop)
        if wm is None or _NAMED_STOP.fullmatch(wm.group("w")) or TYPE_RE.match(text, wm.start("w"), stop):
            return None
        pos = wm.end()
        gap = _GAP.match(text, pos, stop)
        if gap is not None and (code := _QCVN.match(text, gap.end(), stop)) is not None:
            return code.group(), code.end()  # `Quy chuẩn kỹ thuật quốc gia QCVN 01:2019/BCT`
        if (so := _SO.match(text, pos, stop)) is not None:
            if (nm := _NUM_SYMBOL.match(text, so.end(), stop)) is not None:
                return nm.group(), nm.end()
            nm = _NUM_BARE.match(text, so.end(), stop) if word[0].isupper() else None
            if nm is not None and (  # `Hộ chiếu nổ mìn Gói thầu số 16`: a package, not the passport's number
                _DATE.match(text, nm.end(), stop) or issuer_after(text, nm.end(), stop)
            ):
                return nm.group(), nm.end()
            return None
    return None


def _named_dated(text: str, pos: int, stop: int, doc_type: str) -> tuple[str, int] | None:
    """(date, end) of a descriptive name followed by the date the document was made: after
    `(đã) lập` a day or a month (`lập ngày 05/01/2026`, `đã lập tháng 7 năm 2025`), or, for minutes
    and reports, a day right after the name (`Biên bản kiểm tra hiện trường ngày 14/01/2026`)."""
    for _ in range(_MAX_NAMED_WORDS):
        wm = _NAMED_WORD.match(text, pos, stop)
        if wm is None or _NAMED_STOP.fullmatch(wm.group("w")) or TYPE_RE.match(text, wm.start("w"), stop):
            return None
        pos = wm.end()
        if (made := _MADE.match(text, pos, stop)) is not None:
            if (dm := _DATE.match(text, made.end(), stop)) is not None and (iso := _iso(dm)):
                return iso, dm.end()
            mm = _MONTH_YEAR.match(text, made.end(), stop)
            if mm is not None and 1 <= int(mm.group("m")) <= 12:
                return f"{mm.group('y')}-{int(mm.group('m')):02d}", mm.end()
            return None
        if doc_type in _DATED_BARE and (dm := _DATE.match(text, pos, stop)) is not None and (iso := _iso(dm)):
            return iso, dm.end()
    return None


def _iso(m: re.Match[str]) -> str | None:
    """ISO date of a `_DATE` match, or None for an impossible day or month."""
    if m.group("y"):
        d, mo, y = m.group("d"), m.group("m"), m.group("y")
    else:
        d, mo, y = m.group("d2"), m.group("m2"), m.group("y2")
    day, month = int(d), int(mo)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return f"{int(y):04d}-{month:02d}-{day:02d}"


def _make(
    text: str, s: int, end: int, doc_type: str, number: str | None, date: str | None, issuer: str | None
) -> Reference:
    quote = text[s:end]
    if number is not None and "\n" in number:  # a wrapped line is layout, not spelling
        number = re.sub(r"\s+", " ", number)
    if issuer is not None:
        issuer = " ".join(issuer.split())
    return Reference(
        id="",
        section_id=None,
        doc_type=doc_type,
        number=number,
        date=date,
        issuer=issuer,
        quote=quote,
        start=s,
        end=end,
    )
