"""Report metadata (SPEC section 2) from the header, title, part headings and signature. Pure.

What the genre gives and what this module does with it:

* **Never require a header.** Most converted reports lose the two-column header table, so every
  field falls back to the body: the issuer to the closing formula (`UBND huyện trân trọng báo
  cáo`) or to the signature (`T/M BAN THƯỜNG VỤ`, completed by the body's own actor phrase
  `Ban Thường vụ, Thường trực Huyện ủy đã ...`), the locality to `huyện X` at the issuer's level.
* **Issuer casing.** An ALL-CAPS header line keeps its words but takes conventional casing:
  `ĐẢNG ỦY XÃ XUÂN PHÚ` -> `Đảng ủy xã Xuân Phú`, `ỦY BAN NHÂN DÂN HUYỆN TAM DƯƠNG` -> `Ủy ban
  nhân dân huyện Tam Dương` (not re-abbreviated), `UBND TỈNH VĨNH PHÚC` -> `UBND tỉnh Vĩnh Phúc`.
  Of two issuer lines the lower one issues (`ĐẢNG BỘ HUYỆN THỌ XUÂN` / `ĐẢNG ỦY XÃ XUÂN PHÚ`); the
  upper one only lends a locality when the lower has none (`UBND TỈNH X` / `SỞ TÀI CHÍNH`).
* **Never from the symbol** (`BC/HU` on a commune report) and never from body place names that
  belong to something else: body inference only takes `huyện X` for a district issuer, `UBND/Đảng
  ủy xã X` for a commune, `tỉnh X` for a province, and skips `công dân huyện X`.
* **Two dates on web pages.** `issue_date` comes from the place/date line (partial ISO when the day
  is blank: `2023-07`, source `date_line`); the page's posting time goes to `post_date`, and it
  fills `issue_date` (source `post_date`) only when the report has no date line at all.
* **Periods from the title and the part headings, never the closing formula** (it can contradict
  them). Labels are the title's words when they carry the year (`6 tháng đầu năm 2018`), lower-
  cased if the source is all caps, otherwise composed (`tháng 2` + year -> `tháng 2 năm 2023`).
* **Web pages may repeat the whole body**: everything after the first report copy (the second
  `BÁO CÁO` block, footers, contact addresses) is ignored.
* **Signer**: `T/M`/`TM.` body and `KT.` lines form `on_behalf_of` (joined with one space, as
  written), then the title line, then the name after blank lines; `**` and NBSP are tolerated.
  Recipients are the `- ` lines under `Nơi nhận:` without the dash and trailing `,;.`; a
  flattened two-column line gives its left cell to the recipients and its right cell to the
  signature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from llmx.contract import AdminLevel, IssuerType, Metadata, Period, PeriodKind, Section, Signer
from llmx.vn import FOOTNOTE, LOWER, NOI_NHAN, SEPARATOR, TITLE_MARK, UPPER, fold_uy, is_caps

# --- lines -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    raw: str
    text: str  # stripped, NBSP-free, without wrapping emphasis markers


def _clean_line(raw: str) -> str:
    """A line without surrounding space, NBSP or stray emphasis markers."""
    return raw.replace("\xa0", " ").strip().strip("*_").strip()


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(_Line(pos, pos + len(raw), raw, _clean_line(raw)))
        pos += len(raw) + 1
    return out


def _cells(line: str) -> list[str]:
    """Columns of a flattened two-column table line (separated by 3+ spaces)."""
    parts = re.split(r"\s{3,}", line.replace("\xa0", " ").strip())
    return [c.strip().strip("*_").strip() for c in parts if c.strip()]


def _is_caps(s: str) -> bool:
    return is_caps(s, 2)


# --- header: title marker, issuer lines, Số, date line ---------------------------------------

_HEADING = re.compile(
    r"^(?:(?:PHẦN|Phần)\s+(?:THỨ|thứ|[IVX\d])|[A-E]\s*[.)/]\s|[IVX]{1,4}\s*[./)]|\d{1,2}\s*[./)]\s|"
    r"\*\s|Kính\s+gửi)"
)
_MOTTO = re.compile(r"CỘNG\s+H[OÒ]À?\s+XÃ\s+HỘI|ĐỘC\s+LẬP|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|Độc\s+lập\s*[-–]", re.I)
_ORG_START = re.compile(
    r"^(?:UBND|HĐND|MTTQ|UBMTTQ|BCH|BTV|UBKT|[ỦU][YỶ]\s+BAN|HỘI\s+ĐỒNG|ĐẢNG\s+[ỦU][YỶ]|ĐẢNG\s+BỘ|"
    r"(?:TỈNH|HUYỆN|THÀNH|QUẬN|THỊ)\s+[ỦU][YỶ]|BAN\s|SỞ\s|PHÒNG\s|CHI\s+BỘ|CHI\s+CỤC|CỤC\s|BỘ\s|"
    r"MẶT\s+TRẬN|CÔNG\s+AN|VĂN\s+PHÒNG|THANH\s+TRA|TRUNG\s+TÂM|TRƯỜNG\s|HỘI\s|ĐOÀN\s|LIÊN\s+ĐOÀN|"
    r"HUYỆN\s|XÃ\s|TỈNH\s|THỊ\s+XÃ|THỊ\s+TRẤN|PHƯỜNG\s|THÀNH\s+PHỐ|QUẬN\s)"
)
_DOC_NO = re.compile(
    r"(?<!\w)Số\s*:?[ \t]*(?P<num>\d+[a-z]?)?[ \t]*(?P<sep>[-/–])?[ \t]*"
    r"(?P<sym>[A-ZĐ][A-Za-zĐđ]*\d*(?:[ \t]*[-/][ \t]*[A-ZĐ][A-Za-zĐđ0-9]*)+)"
)
_DATE_LINE = re.compile(
    r"(?:^|(?<=\s\s))(?P<place>[^\W\d_](?:[^\s,:;\d]| (?! ))*?)\s*,\s*ngày\s*"
    r"(?:(?P<d1>\d{1,2})\s*/\s*(?P<m1>\d{1,2})\s*/\s*(?P<y1>\d{4})"
    r"|(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4}))"
)
_POST_DATE = re.compile(
    r"^\s*(?:(?:Ngày\s+đăng|Đăng\s+lúc|Cập\s+nhật|Ngày)\s*:?\s*)?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
    r"(?P<time>\s+\d{1,2}:\d{2}(?::\d{2})?)?",
    re.M,
)

# --- closing, recipients, signature ----------------------------------------------------------

_BULLET = re.compile(r"^[-–+•]\s*")
_ON_BEHALF = re.compile(r"^(?:T/M|TM\.?|T\.M\.?|THAY\s+MẶT)\s*\S")
_KT = re.compile(r"^(?:KT\.?|K/T|KT/|TL\.|TUQ\.|Q\.)\s*\S")
_SIGN_TITLE = re.compile(
    r"^(?:PHÓ\s+)?(?:BÍ\s+THƯ|CHỦ\s+TỊCH|TRƯỞNG\s+BAN|TRƯỞNG\s+PHÒNG|GIÁM\s+ĐỐC|CHÁNH\s+VĂN\s+PHÒNG|"
    r"CHÁNH\s+THANH\s+TRA|CHỦ\s+NHIỆM|THỦ\s+TRƯỞNG|BỘ\s+TRƯỞNG|CHỈ\s+HUY\s+TRƯỞNG|TRƯỞNG\s+CÔNG\s+AN|"
    r"HIỆU\s+TRƯỞNG|TRƯỞNG)\b"
)
_SIGN_NOTE = re.compile(r"^\(?\s*(?:đã\s+ký|ký|ký\s+tên|ký,.*|đóng\s+dấu.*)\s*\)?$", re.I)
_CLOSING_ACTOR = re.compile(
    r"(?P<actor>(?:Ban\s+Thường\s+vụ\s+)?(?:Tỉnh|Huyện|Thành|Quận|Thị|Đảng)\s+[ủu][yỷ]|UBND|"
    r"[ỦU][yỷ]\s+ban\s+nhân\s+dân|HĐND|Hội\s+đồng\s+nhân\s+dân|Ban\s+Thường\s+vụ|"
    r"Ban\s+Chấp\s+hành\s+Đảng\s+bộ|Chi\s+bộ|[ỦU][yỷ]\s+ban\s+MTTQ|MTTQ|"
    r"Phòng\s+[^\s.,;]+(?:\s+[^\s.,;]+){0,4}?|Sở\s+[^\s.,;]+(?:\s+[^\s.,;]+){0,4}?)"
    r"(?:\s+(?P<unit>thị\s+xã|thị\s+trấn|thành\s+phố|huyện|xã|tỉnh|phường|quận))?"
    rf"(?P<place>(?:[ \t]+{UPPER}{LOWER}*){{0,4}})"
    r"\s+(?:xin\s+)?(?:trân\s+trọng\s+)?báo\s+cáo\s*(?:\./\.|\.|$)",
    re.M,
)
_BTV_ACTOR = re.compile(
    r"(?<!của\s)(?<!với\s)Ban\s+Thường\s+vụ(?:\s*,\s*Thường\s+trực)?\s+"
    r"(?P<lvl>Tỉnh|Huyện|Thành|Quận|Thị|Đảng)\s+[ủu][yỷ]"
)
_LEVEL_MENTION = re.compile(r"(?<!\w)(?P<lvl>Tỉnh|Huyện|Thành|Quận|Thị)\s+[ủu][yỷ](?!\w)")

# --- locality ----------------------------------------------------------------------------

_NAME = rf"(?P<name>{UPPER}{LOWER}*(?:[ \t]{UPPER}{LOWER}*){{0,3}})"
_BODY_PLACE: dict[str, re.Pattern[str]] = {
    "district": re.compile(rf"(?<!công dân )(?<![\w])(?:huyện|quận|thị xã)\s+{_NAME}(?!\w)"),
    "commune": re.compile(rf"(?:UBND|Ủy ban nhân dân|Đảng ủy|Đảng bộ|HĐND)\s+(?:xã|phường|thị trấn)\s+{_NAME}(?!\w)"),
    "province": re.compile(rf"(?<![\w])tỉnh\s+{_NAME}(?!\w)"),
}
_PROVINCE_CITIES = {"hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế"}

# --- casing --------------------------------------------------------------------------------

_BODY_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"^{pat}(?=\s|$)"), rep)
    for pat, rep in (
        (r"ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
        (r"UỶ BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "Uỷ ban Mặt trận Tổ quốc Việt Nam"),
        (r"ỦY BAN MẶT TRẬN TỔ QUỐC", "Ủy ban Mặt trận Tổ quốc"),
        (r"ỦY BAN NHÂN DÂN", "Ủy ban nhân dân"),
        (r"UỶ BAN NHÂN DÂN", "Uỷ ban nhân dân"),
        (r"HỘI ĐỒNG NHÂN DÂN", "Hội đồng nhân dân"),
        (r"BAN THƯỜNG VỤ", "Ban Thường vụ"),
        (r"BAN CHẤP HÀNH", "Ban Chấp hành"),
        (r"THƯỜNG TRỰC", "Thường trực"),
        (r"ĐẢNG ỦY", "Đảng ủy"),
        (r"ĐẢNG UỶ", "Đảng uỷ"),
        (r"ĐẢNG BỘ", "Đảng bộ"),
        (r"CHI BỘ", "Chi bộ"),
        (r"TỈNH ỦY", "Tỉnh ủy"),
        (r"TỈNH UỶ", "Tỉnh uỷ"),
        (r"HUYỆN ỦY", "Huyện ủy"),
        (r"HUYỆN UỶ", "Huyện uỷ"),
        (r"THÀNH ỦY", "Thành ủy"),
        (r"THÀNH UỶ", "Thành uỷ"),
        (r"QUẬN ỦY", "Quận ủy"),
        (r"QUẬN UỶ", "Quận uỷ"),
        (r"THỊ ỦY", "Thị ủy"),
        (r"THỊ UỶ", "Thị uỷ"),
        (r"CÔNG AN", "Công an"),
    )
)
_ABBREVIATIONS = {"UBND", "HĐND", "MTTQ", "UBMTTQ", "BCH", "BTV", "UBKT", "TT", "TW", "VN", "KT-XH"}
_DEPT_HEAD = re.compile(
    r"^(?:CHI CỤC|VĂN PHÒNG|TRUNG TÂM|LIÊN ĐOÀN|THANH TRA|SỞ|PHÒNG|BAN|BỘ|CỤC|TRƯỜNG|HỘI|ĐOÀN)(?:\s+|$)"
)
_UNIT_RE = re.compile(r"(?:^|\s)(THỊ XÃ|THỊ TRẤN|THÀNH PHỐ|HUYỆN|XÃ(?!\s+HỘI)|TỈNH|PHƯỜNG|QUẬN)(?=\s|$)")


def _sentence_case(words: str) -> str:
    """`TÀI CHÍNH - KẾ HOẠCH` -> `Tài chính - Kế hoạch`, `KẾ HOẠCH VÀ ĐẦU TƯ` -> `Kế hoạch và Đầu tư`."""
    out: list[str] = []
    start_segment = True
    for tok in words.split():
        if tok in _ABBREVIATIONS:
            out.append(tok)
            start_segment = False
        elif tok in ("-", "–", ","):
            out.append(tok)
            start_segment = True
        elif tok == "VÀ":
            out.append("và")
            start_segment = True
        else:
            trail = tok.endswith(",")
            core = tok.rstrip(",")
            out.append((core.capitalize() if start_segment else core.lower()) + ("," if trail else ""))
            start_segment = trail
    return " ".join(out).replace(" ,", ",")


def conventional_case(line: str) -> str:
    """An ALL-CAPS header body name in conventional casing; mixed-case input is kept as written."""
    line = " ".join(line.split())
    if not _is_caps(line):
        return line
    body, rest = "", line
    for pat, rep in _BODY_PHRASES:
        if m := pat.match(line):
            body, rest = rep, line[m.end() :].strip()
            break
    unit_m = _UNIT_RE.search(" " + rest)
    if unit_m is not None:
        pre = (" " + rest)[: unit_m.start()].strip()
        unit = unit_m.group(1).lower()
        place = (" " + rest)[unit_m.end() :].strip()
    else:
        pre, unit, place = rest, "", ""
    if body and not unit_m and rest:  # `HUYỆN ỦY TAM DƯƠNG`: a place directly after the body
        pre, place = "", rest
    parts = [body] if body else []
    if pre:
        if not parts and (hm := _DEPT_HEAD.match(pre)):  # `SỞ TÀI CHÍNH` -> `Sở Tài chính`
            head = hm.group().strip().capitalize()
            parts.append(f"{head} {_sentence_case(pre[hm.end() :])}".strip())
        else:
            cased = _sentence_case(pre)
            parts.append(cased if parts else cased[:1].upper() + cased[1:])
    if unit:
        parts.append(unit)
    if place:
        parts.append(" ".join(w if w in _ABBREVIATIONS else w.capitalize() for w in place.split()))
    return " ".join(parts)


# --- issuer classification -------------------------------------------------------------------


def issuer_type_of(issuer: str | None) -> IssuerType | None:
    """SPEC 2 issuer_type from the issuer's name."""
    if not issuer:
        return None
    low = fold_uy(issuer)
    if re.match(r"(?:sở|phòng|cục|chi cục|văn phòng|thanh tra|công an)\s", low) or (
        low.startswith("ban ") and not re.match(r"ban (?:thường vụ|chấp hành)", low)
    ):
        return "department"
    if "mặt trận" in low or "mttq" in low:
        return "fatherland_front"
    if re.search(r"hội đồng nhân dân|hđnd", low):
        return "peoples_council"
    if re.search(r"ủy ban nhân dân|ubnd", low):
        return "peoples_committee"
    if re.search(r"(?:đảng|tỉnh|huyện|thành|quận|thị) ủy|đảng bộ|chi bộ|ban thường vụ|ban chấp hành", low):
        return "party_committee"
    return "other"


def admin_level_of(name: str | None) -> AdminLevel | None:
    """SPEC 2 admin_level from the unit word or the committee level in a body name."""
    if not name:
        return None
    low = fold_uy(name)
    if m := re.search(r"(?<!\w)(thị xã|thị trấn|thành phố|huyện|xã(?! hội)|tỉnh|phường|quận)(?!\w)(.*)", low):
        unit, place = m.group(1), m.group(2).strip()
        if unit in ("xã", "phường", "thị trấn"):
            return "commune"
        if unit == "tỉnh" or (unit == "thành phố" and place in _PROVINCE_CITIES):
            return "province"
        return "district"
    if m := re.search(r"(tỉnh|huyện|thành|quận|thị) ủy(.*)", low):
        if m.group(1) == "tỉnh" or (m.group(1) == "thành" and m.group(2).strip() in _PROVINCE_CITIES):
            return "province"
        return "district"
    if low.startswith("sở "):
        return "province"
    if low.startswith("phòng "):
        return "district"
    return None


_ENDS_WITH_UNIT = re.compile(r"(?<!\w)(?:thị xã|thị trấn|thành phố|huyện|xã|tỉnh|phường|quận)$")


def _place_of(name: str) -> str | None:
    """`Đảng ủy xã Xuân Phú` -> `Xuân Phú`, `Huyện ủy Tam Dương` -> `Tam Dương`."""
    m = re.search(
        r"(?<!\w)(?:thị xã|thị trấn|thành phố|huyện|xã|tỉnh|phường|quận|[Tt]ỉnh [ủu][yỷ]|[Hh]uyện [ủu][yỷ]|"
        r"[Tt]hành [ủu][yỷ]|[Qq]uận [ủu][yỷ]|[Tt]hị [ủu][yỷ])\s+"
        rf"({UPPER}{LOWER}*(?: {UPPER}{LOWER}*){{0,3}})$",
        name,
    )
    return m.group(1).strip() if m else None


# --- periods ---------------------------------------------------------------------------------

_PERIOD_RE = re.compile(
    r"(?i)(?<!\w)(?:"
    r"(?P<half>(?:6|06|sáu)\s+tháng\s+(?P<hpos>đầu|cuối)(?:\s+năm)?(?:\s+(?P<hy>\d{4}))?)"
    r"|(?P<nine>(?:9|09|chín)\s+tháng(?:\s+đầu)?(?:\s+năm)?(?:\s+(?P<ny>\d{4}))?)"
    r"|(?P<quarter>quý\s+(?P<q>IV|I{1,3}|[1-4])(?!\w)(?:\s*(?:/|năm)\s*(?P<qy>\d{4}))?)"
    r"|(?P<month>tháng\s+(?P<m>\d{1,2})(?!\d)(?:\s*(?:/|năm)\s*(?P<my>\d{4}))?)"
    r"|(?P<multi>giai\s+đoạn\s+(?P<y1>\d{4})\s*[-–]\s*(?P<y2>\d{4}))"
    r"|(?P<year>năm\s+(?P<yy>\d{4}))"
    r")(?!\d)"
)
_ROMAN_Q = {"I": 1, "II": 2, "III": 3, "IV": 4}
_RESULTS_CUE = re.compile(r"kết quả|tình hình|đánh giá|sơ kết|tổng kết|đã đạt", re.I)
_TASKS_CUE = re.compile(r"nhiệm vụ trọng tâm|phương hướng|giải pháp|nhiệm vụ chủ yếu|kế hoạch", re.I)


@dataclass
class _Span:
    kind: PeriodKind
    months: list[int]
    year: int | None
    words: str  # as written, whitespace collapsed

    def to_period(self) -> Period:
        label = self.words
        if _is_caps(label):  # `6 THÁNG ĐẦU NĂM 2023` -> `6 tháng đầu năm 2023`, `QUÝ II` -> `quý II`
            label = " ".join(w if re.fullmatch(r"[IVX]+", w) else w.lower() for w in label.split())
        if self.year is not None and not re.search(r"\d{4}", label):
            label = f"{label} {self.year}" if label.endswith(("năm", "NĂM")) else f"{label} năm {self.year}"
        return Period(label=label, kind=self.kind, year=self.year, months=self.months)


def find_periods(text: str) -> list[_Span]:
    """Period expressions in a title or heading, in order (years left None when not written)."""
    out: list[_Span] = []
    for m in _PERIOD_RE.finditer(text):
        words = " ".join(m.group().split())
        if m.group("half"):
            first = m.group("hpos").lower() == "đầu"
            yr = m.group("hy")
            months = list(range(1, 7) if first else range(7, 13))
            out.append(_Span("half_year", months, int(yr) if yr else None, words))
        elif m.group("nine"):
            yr = m.group("ny")
            out.append(_Span("nine_months", list(range(1, 10)), int(yr) if yr else None, words))
        elif m.group("quarter"):
            q = m.group("q").upper()
            n = _ROMAN_Q.get(q) or int(q)
            yr = m.group("qy")
            out.append(_Span("quarter", list(range(3 * n - 2, 3 * n + 1)), int(yr) if yr else None, words))
        elif m.group("month"):
            mo = int(m.group("m"))
            if not 1 <= mo <= 12:
                continue
            yr = m.group("my")
            out.append(_Span("month", [mo], int(yr) if yr else None, words))
        elif m.group("multi"):
            out.append(_Span("multi_year", [], None, words))
        elif m.group("year"):
            out.append(_Span("year", list(range(1, 13)), int(m.group("yy")), words))
    # a bare `năm 2023` right after another period only dates it; it is not a period of its own
    return [s for s in out if s.kind != "year" or len(out) == 1 or all(o.kind == "year" for o in out)]


def _fill_years(spans: list[_Span], fallback: int | None) -> None:
    """Give each period without a year the year of the nearest period that has one."""
    for k, sp in enumerate(spans):
        if sp.year is not None or sp.kind == "multi_year":
            continue
        later = next((o for o in spans[k + 1 :] if o.year is not None), None)
        earlier = next((o for o in reversed(spans[:k]) if o.year is not None), None)
        if later is not None and later.year is not None:
            wraps = sp.months and later.months and min(sp.months) > max(later.months)
            sp.year = later.year - 1 if wraps else later.year
        elif earlier is not None and earlier.year is not None:
            wraps = sp.months and earlier.months and max(sp.months) < min(earlier.months)
            sp.year = earlier.year + 1 if wraps else earlier.year
        else:
            sp.year = fallback


# --- the extractor ---------------------------------------------------------------------------


def extract_metadata(text: str, sections: list[Section] | None = None) -> Metadata:
    """Every SPEC 2 field the text supports; fields it does not support stay null."""
    lines = _lines(text)
    marker = _title_marker(lines)
    copy_end = _first_copy_end(lines, marker)
    header = lines[:marker] if marker is not None else lines[: min(len(lines), 15)]
    title, title_end = _title(lines, marker)

    doc_number, doc_symbol = _doc_number(header)
    issue_place, issue_date = _date_line(lines, marker, copy_end)
    post_date = _post_date(text, lines, marker)
    issue_date_source: Literal["date_line", "post_date", "body"] | None = None
    if issue_date is not None:
        issue_date_source = "date_line"
    elif post_date is not None:
        issue_date, issue_date_source = post_date, "post_date"

    body_start = lines[title_end].start if title_end < len(lines) else len(text)
    body_end = lines[copy_end - 1].end if copy_end else len(text)
    body_text = text[body_start:body_end]
    recipients, signer = _closing(lines, title_end, copy_end)

    issuer, parent = _header_issuer(header)
    if issuer is None:
        issuer = _closing_issuer(body_text) or _signature_issuer(signer, body_text, recipients)
    admin_level = admin_level_of(issuer) or admin_level_of(parent)
    locality = (_place_of(issuer) if issuer else None) or (_place_of(parent) if parent else None)
    if locality is None and admin_level is not None:
        locality = _body_locality(body_text, admin_level)
        if locality and issuer and _ENDS_WITH_UNIT.search(issuer):  # `UBND huyện` + `Thanh Liêm`
            issuer = f"{issuer} {locality}"

    fallback_year = int(issue_date[:4]) if issue_date else None
    period, next_period = _periods(title, lines, title_end, copy_end, sections, body_end, fallback_year)

    return Metadata(
        title=title,
        doc_number=doc_number,
        doc_symbol=doc_symbol,
        issuer=issuer,
        issuer_type=issuer_type_of(issuer),
        admin_level=admin_level,
        locality=locality,
        issue_place=issue_place,
        issue_date=issue_date,
        period=period,
        next_period=next_period,
        signer=signer,
        recipients=recipients,
        post_date=post_date,
        issue_date_source=issue_date_source,
    )


def _title_marker(lines: list[_Line]) -> int | None:
    """Index of the first `BÁO CÁO` line (the report's own title block)."""
    for k, ln in enumerate(lines[:120]):
        if TITLE_MARK.match(ln.text):
            return k
    return None


def _first_copy_end(lines: list[_Line], marker: int | None) -> int:
    """Line index where a web page's second copy of the report starts (or the end)."""
    if marker is None:
        return len(lines)
    for k in range(marker + 1, len(lines)):
        if lines[k].text != "BÁO CÁO":
            continue
        # back up over the repeated header block (issuer lines, Số, date line, page title)
        j = k
        while j > marker + 1 and (not lines[j - 1].text or _is_header_like(lines[j - 1].text)):
            j -= 1
        block = [ln.text for ln in lines[j:k]]
        if any(_DOC_NO.search(t) or _DATE_LINE.search(t) or _ORG_START.match(t) for t in block):
            return j
    return len(lines)


def _is_header_like(s: str) -> bool:
    return bool(
        _is_caps(s) or _DATE_LINE.search(s) or _DOC_NO.search(s) or s == "*" or s.startswith(("Báo cáo", "Đăng lúc"))
    )


def _title(lines: list[_Line], marker: int | None) -> tuple[str | None, int]:
    """The line(s) under `BÁO CÁO` joined with one space, and the index after the title block."""
    if marker is None:
        return None, 0
    parts: list[str] = []
    mark = TITLE_MARK.match(lines[marker].text)
    if mark is not None and mark.group("rest"):
        parts.append(mark.group("rest").strip())
    k = marker + 1
    end = k
    while k < len(lines) and len(parts) < 5:
        t = lines[k].text
        if not t:
            nxt = next((j for j in range(k + 1, min(k + 4, len(lines))) if lines[j].text), None)
            if not parts:
                k += 1
                continue
            if nxt is None or not _continues_title(lines[nxt].text):
                break
            k = nxt
            continue
        if SEPARATOR.match(t) or _HEADING.match(t) or len(t) > 250:
            break
        if parts and _is_caps(t) and not _is_caps(parts[-1]):
            break  # a caps part heading right under a sentence-case title
        parts.append(t)
        k += 1
        end = k
    title = " ".join(parts) or None
    return title, end


def _continues_title(line: str) -> bool:
    """After a blank line, a short line going on in lower case or with a figure (`6 tháng đầu
    năm 2018; ...`) is the rest of a wrapped title; a heading, separator or paragraph is not."""
    return (
        len(line) <= 160
        and (line[:1].islower() or line[:1].isdigit())
        and not _HEADING.match(line)
        and not SEPARATOR.match(line)
    )


def _doc_number(header: list[_Line]) -> tuple[str | None, str | None]:
    for ln in header:
        if m := _DOC_NO.search(ln.raw.replace("\xa0", " ")):
            sym = m.group("sym").strip()
            if m.group("num"):
                return m.group()[m.start("num") - m.start() :].strip(), sym
            return None, sym
    return None, None


def _iso(y: str | None, m: str | None, d: str | None) -> str | None:
    if not y:
        return None
    if not m or not 1 <= int(m) <= 12:
        return f"{int(y):04d}"
    if not d or not 1 <= int(d) <= 31:
        return f"{int(y):04d}-{int(m):02d}"
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def _date_line(lines: list[_Line], marker: int | None, copy_end: int) -> tuple[str | None, str | None]:
    """(issue_place, issue_date) from `Tam Dương, ngày ... tháng 5 năm 2021` in the header or,
    failing that, in the signature area at the end of the first copy."""
    head = range(0, marker if marker is not None else min(15, len(lines)))
    tail = range(max(0, copy_end - 40), copy_end)
    for rng in (head, tail):
        for k in rng:
            raw = lines[k].raw.replace("\xa0", " ").strip()
            if len(raw) > 120:  # a date line is short; body sentences also say `ngày ... năm`
                continue
            if m := _DATE_LINE.search(raw):
                place = m.group("place").strip()
                if m.group("y1"):
                    return place, _iso(m.group("y1"), m.group("m1"), m.group("d1"))
                return place, _iso(m.group("y"), m.group("m"), m.group("d"))
    return None, None


def _post_date(text: str, lines: list[_Line], marker: int | None) -> str | None:
    """A web page's posting date: a date-time line above the report (`Ngày 13/08/2023 22:14:53`)."""
    limit = lines[marker].start if marker is not None else min(len(text), 2000)
    for m in _POST_DATE.finditer(text, 0, limit):
        line_end = text.find("\n", m.end())
        rest = text[m.end() : line_end if line_end >= 0 else len(text)].strip()
        if m.group("time") or not rest or rest.startswith("("):
            return _iso(m.group("y"), m.group("m"), m.group("d"))
    for m in _POST_DATE.finditer(text):
        if m.group("time") and re.match(r"\s*(?:Ngày|Đăng|Cập)", m.group()):
            return _iso(m.group("y"), m.group("m"), m.group("d"))
    return None


def _header_issuer(header: list[_Line]) -> tuple[str | None, str | None]:
    """(issuer, parent body) from the ALL-CAPS lines of the header's issuer column."""
    orgs: list[str] = []
    for ln in header:
        for cell in _cells(ln.raw):
            if not _is_caps(cell) or _MOTTO.search(cell) or TITLE_MARK.match(cell) or _DOC_NO.search(cell):
                continue
            if orgs and _UNIT_RE.match(cell) and not _UNIT_RE.search(orgs[-1]):
                orgs[-1] = f"{orgs[-1]} {cell}"  # `ỦY BAN NHÂN DÂN` / `HUYỆN TAM DƯƠNG`
            elif _ORG_START.match(cell):
                orgs.append(cell)
    if not orgs:
        return None, None
    issuer = conventional_case(orgs[-1])
    parent = conventional_case(orgs[-2]) if len(orgs) > 1 else None
    return issuer, parent


def _closing_issuer(body: str) -> str | None:
    """The body that `... trân trọng báo cáo./.` names (`UBND huyện`)."""
    found = None
    for line in reversed(body.split("\n")):
        low = line.lower()
        if "báo cáo" in low and ("trân trọng" in low or "./." in low):
            found = None
            for m in _CLOSING_ACTOR.finditer(line):
                found = m
            if found is not None:
                break
    if found is None:
        return None
    return " ".join(found.group().split()[: _actor_words(found)])


def _actor_words(m: re.Match[str]) -> int:
    actor = " ".join(p for p in (m.group("actor"), m.group("unit"), (m.group("place") or "").strip()) if p)
    return len(actor.split())


def _signature_issuer(signer: Signer | None, body: str, recipients: list[str]) -> str | None:
    """`T/M BAN THƯỜNG VỤ` completed by the level the body uses for it (`Huyện ủy`)."""
    if signer is None or not signer.on_behalf_of:
        return None
    tm = _ON_BEHALF.match(signer.on_behalf_of)
    if tm is None:  # `KT. CHỦ TỊCH` names the head's office, not the issuing body
        return None
    ob = re.sub(r"^(?:T/M|TM\.?|T\.M\.?|THAY\s+MẶT)\s*", "", signer.on_behalf_of)
    ob = re.split(r"\s(?:KT\.?|K/T|TL\.|TUQ\.|Q\.)\s*", ob)[0].strip()
    if not ob:
        return None
    name = conventional_case(ob)
    if name in ("Ban Thường vụ", "Ban Chấp hành", "Thường trực"):
        votes = [m.group("lvl") for m in _BTV_ACTOR.finditer(body)]
        votes += [m.group("lvl") for r in recipients for m in _LEVEL_MENTION.finditer(r)]
        if not votes:
            return name
        lvl = max(set(votes), key=lambda v: (votes.count(v), -votes.index(v)))
        return f"{name} {lvl} ủy"
    return name


def _body_locality(body: str, level: AdminLevel) -> str | None:
    """The place name the body uses with the issuer's own unit word (most frequent, then first)."""
    pattern = _BODY_PLACE.get(level)
    if pattern is None:
        return None
    names = [m.group("name") for m in pattern.finditer(body)]
    if not names:
        return None
    return max(dict.fromkeys(names), key=names.count)


def _closing(lines: list[_Line], title_end: int, copy_end: int) -> tuple[list[str], Signer | None]:
    """Recipients under `Nơi nhận:` and the signature block near them."""
    nn = next((k for k in range(title_end, copy_end) if NOI_NHAN.match(lines[k].text)), None)
    recipients: list[str] = []
    sig_cells: list[str] = []
    if nn is not None:
        first = _cells(lines[nn].raw)
        after = NOI_NHAN.sub("", first[0]).strip() if first else ""
        rows = [[after, *first[1:]] if after else first[1:]]
        k = nn + 1
        while k < copy_end:
            cells = _cells(lines[k].raw)
            if cells and not _BULLET.match(cells[0]):
                break  # the first line that is not a recipient starts the signature block
            rows.append(cells)
            k += 1
        for cells in rows:
            for i, cell in enumerate(cells):
                if i == 0 and _BULLET.match(cell):
                    if item := re.sub(r"[\s,;.]+$", "", _BULLET.sub("", cell)):
                        recipients.append(item)
                else:
                    sig_cells.append(cell)  # the right column of a flattened table
        rest = range(k, min(k + 20, copy_end))
    else:
        rest = range(max(title_end, copy_end - 40), copy_end)
    for j in rest:
        cells = _cells(lines[j].raw)
        sig_cells.extend(cells if cells else [""])
    signer = _parse_signer(sig_cells)
    if signer is None and nn is not None:  # signature printed before Nơi nhận
        before = [c for j in range(max(title_end, nn - 12), nn) for c in (_cells(lines[j].raw) or [""])]
        signer = _parse_signer(before)
    return recipients, signer


def _parse_signer(cells: list[str]) -> Signer | None:
    """T/M body, KT., the signer's title and the name after blank lines."""
    start = next(
        (i for i, c in enumerate(cells) if _ON_BEHALF.match(c) or _KT.match(c) or _SIGN_TITLE.match(c)),
        None,
    )
    if start is None:
        return None
    on_behalf: list[str] = []
    title: str | None = None
    name: str | None = None
    for c in cells[start:]:
        c = c.strip().strip("*").strip()
        if not c or _SIGN_NOTE.match(c):
            continue
        if FOOTNOTE.match(c) or len(c) > 80:
            break
        if title is None and (_ON_BEHALF.match(c) or _KT.match(c)):
            on_behalf.append(" ".join(c.split()))
            continue
        if title is None and _is_caps(c):
            title = " ".join(c.split())
            continue
        if title is not None and _looks_like_name(c):
            name = " ".join(c.split())
            break
        if title is not None:
            break
    if title is None and not on_behalf:
        return None
    return Signer(name=name, title=title, on_behalf_of=" ".join(on_behalf) or None)


def _looks_like_name(s: str) -> bool:
    words = s.split()
    return 2 <= len(words) <= 6 and all(w[0].isupper() and w.replace(".", "").isalpha() for w in words)


def _periods(
    title: str | None,
    lines: list[_Line],
    title_end: int,
    copy_end: int,
    sections: list[Section] | None,
    body_end: int,
    fallback_year: int | None,
) -> tuple[Period | None, Period | None]:
    """Reporting period and next period from the title, completed by the part headings."""
    heading_spans: dict[str, list[_Span]] = {"results": [], "tasks": []}
    for heading, role in _part_headings(lines, title_end, copy_end, sections, body_end):
        spans = [s for s in find_periods(heading) if s.kind != "multi_year"]
        if spans and role in heading_spans:
            heading_spans[role].extend(spans[:1])
    title_spans = [s for s in find_periods(title or "") if s.kind != "multi_year"]
    heading_years = [s.year for group in heading_spans.values() for s in group if s.year is not None]
    _fill_years(title_spans, heading_years[0] if heading_years else fallback_year)
    for group in heading_spans.values():
        _fill_years(group, title_spans[0].year if title_spans and title_spans[0].year else fallback_year)

    results = heading_spans["results"]
    period = title_spans[0] if title_spans else (results[0] if results else None)
    nxt = title_spans[1] if len(title_spans) > 1 else None
    if nxt is None:
        nxt = next((s for s in heading_spans["tasks"] if not _same_span(s, period)), None)
    if period is not None and nxt is not None:  # one of them may still lack its year
        turns = bool(nxt.months and period.months and min(nxt.months) < min(period.months))
        if nxt.year is None and period.year is not None:
            nxt.year = period.year + turns
        elif period.year is None and nxt.year is not None:
            period.year = nxt.year - turns
    return (period.to_period() if period else None, nxt.to_period() if nxt else None)


def _same_span(a: _Span, b: _Span | None) -> bool:
    return b is not None and (a.kind, a.months) == (b.kind, b.months)


def _part_headings(
    lines: list[_Line], title_end: int, copy_end: int, sections: list[Section] | None, body_end: int
) -> list[tuple[str, str]]:
    """(heading text, results|tasks) of the part headings; given sections first, then a line scan
    (caps lines and numbered headings) so that the function also works without sections."""
    out: list[tuple[str, str]] = []
    for sec in sorted(sections or [], key=lambda s: (s.level, s.start)):
        if sec.level <= 2 and sec.role in ("results", "tasks") and sec.start < body_end:
            out.append((sec.heading, sec.role))
    prev_caps = ""
    for k in range(title_end, copy_end):
        t = lines[k].text
        if not t or len(t) > 160:
            prev_caps = ""
            continue
        if _is_caps(t) or _HEADING.match(t):
            joined = f"{prev_caps} {t}".strip() if prev_caps and _is_caps(t) else t
            role = _heading_role(joined)
            if role:
                out.append((t, role))
            prev_caps = t if _is_caps(t) else ""
        else:
            prev_caps = ""
    return out


def _heading_role(heading: str) -> str | None:
    if _TASKS_CUE.search(heading) and not re.search(r"kết quả|tình hình", heading, re.I):
        return "tasks"
    if _RESULTS_CUE.search(heading):
        return "results"
    if re.search(r"cuối\s+năm|tiếp\s+theo", heading, re.I):
        return "tasks"
    return None
