"""Report metadata (SPEC section 2) from the header, title, part headings and signature. Pure.

What the genre gives and what this module does with it:

* **Never require a header.** Most converted reports lose the two-column header table, so every
  field falls back to the body: the issuer to the closing formula (`UBND huyện trân trọng báo
  cáo`) or to the signature (`T/M BAN THƯỜNG VỤ`, completed by the body's own actor phrase
  `Ban Thường vụ, Thường trực Huyện ủy đã ...`), the locality to `huyện X` at the issuer's level.
  A page excerpt with no `BÁO CÁO` block is read from its headline and first sentences
  (`headline.py`: issuer, title, the date opening a sentence, periods).
* **Issuer form.** Conventional casing and the conventional abbreviations (LABELING): `ĐẢNG ỦY XÃ
  XUÂN PHÚ` -> `Đảng ủy xã Xuân Phú`, `ỦY BAN NHÂN DÂN HUYỆN TAM DƯƠNG` -> `UBND huyện Tam Dương`.
  Of two issuer lines the lower one issues (`ĐẢNG BỘ HUYỆN THỌ XUÂN` / `ĐẢNG ỦY XÃ XUÂN PHÚ`); the
  upper one only lends a locality when the lower has none (`UBND TỈNH X` / `SỞ TÀI CHÍNH`). A name
  wrapped after a comma is joined, and the opening sentence may complete it (`Ban chỉ đạo ...
  tỉnh Lâm Đồng (sau đây viết tắt là ...) báo cáo`).
* **Never from the symbol** (`BC/HU` on a commune report) and never from body place names that
  belong to something else: body inference only takes `huyện X` for a district issuer, `UBND/Đảng
  ủy xã X` for a commune, `tỉnh X` for a province, and skips `công dân huyện X`.
* **Two dates on web pages.** `issue_date` comes from the place/date line (partial ISO when the day
  is blank: `2023-07`, source `date_line`), else from a date opening a sentence of the lead
  (`Chiều ngày 06/10/2023, ...`, source `body`); the page's posting time goes to `post_date`, and
  it fills `issue_date` (source `post_date`) only when nothing else dates the report.
* **Periods from the title and the part headings, never the closing formula** (it can contradict
  them); the next period also from the opening words of the task part (`Trong tháng 9/2025, tập
  trung ...`). Labels are the title's words when they carry the year (`6 tháng đầu năm 2018`),
  lower-cased if the source is all caps, otherwise composed (`tháng 2` + year -> `tháng 2 năm 2023`).
* **Web pages may repeat the whole body**: everything after the first report copy (the second
  `BÁO CÁO` block, footers, contact addresses) is ignored.
* **Addressees, recipients, signer**: `closing.py`.
"""

from __future__ import annotations

import re
from typing import Literal

from llmx.contract import AdminLevel, Metadata, Section, Signer
from llmx.header_block import letter_header_end
from llmx.rules.closing import ON_BEHALF, addressees, closing, portal_signer
from llmx.rules.header import (
    DATE_LINE,
    DOC_NO,
    ORG_START,
    header_issuer,
    iso,
    read_date_line,
    read_doc_number,
    read_subject,
    read_title,
    title_marker,
)
from llmx.rules.headline import canonical_body, read_lead
from llmx.rules.issuers import admin_level_of, conventional_case, issuer_type_of, place_of
from llmx.rules.lines import ReportLine, caps_line, header_end, report_lines
from llmx.rules.periods import find_periods, report_periods
from llmx.vn import LOWER, UPPER

_POST_DATE = re.compile(
    r"^\s*(?:(?:Ngày\s+đăng|Đăng\s+lúc|Cập\s+nhật|Ngày)\s*:?\s*)?(?P<d>\d{1,2})([/-])(?P<m>\d{1,2})\2(?P<y>\d{4})"
    r"(?P<time>\s+(?:-\s+)?\d{1,2}:\d{2}(?::\d{2})?)?",
    re.M,
)
# `Ban chỉ đạo ... tỉnh Lâm Đồng (sau đây viết tắt là Ban Chỉ đạo tỉnh) báo cáo kết quả ...`
# `Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch (Trung tâm) báo cáo UBND tỉnh ...`
_REPORTS = re.compile(
    r"(?P<name>[^;:.()]{2,250}?)\s*(?:\((?:sau\s+đây[^)]*|[^)(]{1,40})\)\s*)?(?:(?:xin|kính|trân\s+trọng)\s+)?báo\s+cáo\s"
)
# what a clause says, not a name: `Sở Nội vụ nhận được Công văn số ... về việc báo cáo ...`
_NOT_A_NAME = re.compile(
    r"(?<!\w)(?:nhận|được|đã|đang|ngày|số|theo|tại|căn cứ|thực hiện|về việc|có|đề nghị|giao|gửi|yêu cầu|"
    r"chủ trì|phối hợp|trình)(?!\w)",
    re.I,
)


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


_NAME = rf"(?P<name>{UPPER}{LOWER}*(?:[ \t]{UPPER}{LOWER}*){{0,3}})"
_BODY_PLACE: dict[str, re.Pattern[str]] = {
    "district": re.compile(rf"(?<!công dân )(?<![\w])(?:huyện|quận|thị xã)\s+{_NAME}(?!\w)"),
    "commune": re.compile(rf"(?:UBND|Ủy ban nhân dân|Đảng ủy|Đảng bộ|HĐND)\s+(?:xã|phường|thị trấn)\s+{_NAME}(?!\w)"),
    "province": re.compile(rf"(?<![\w])tỉnh\s+{_NAME}(?!\w)"),
}


_ENDS_WITH_UNIT = re.compile(r"(?<!\w)(?:thị xã|thị trấn|thành phố|huyện|xã|tỉnh|phường|quận)$")


def extract_metadata(text: str, sections: list[Section] | None = None, *, page_title: str | None = None) -> Metadata:
    """Every SPEC 2 field the text supports; fields it does not support stay null.

    `page_title` is a web page's article title (`<h1>`), the headline of a report without a
    `BÁO CÁO` block."""
    lines = report_lines(text)
    marker = title_marker(lines)
    copy_end = _first_copy_end(lines, marker)
    header = lines[:marker] if marker is not None else lines[: header_end(lines)]
    title, title_end = read_title(lines, marker)
    letter_end = letter_header_end(text, [(ln.start, ln.end) for ln in lines]) if marker is None else 0
    if letter_end:  # a công văn: no `BÁO CÁO` block; its subject (`V/v ...`) names it
        title = read_subject(lines)
        title_end = next((k for k, ln in enumerate(lines) if ln.start >= letter_end), len(lines))
        header = lines[:title_end]

    doc_number, doc_symbol = read_doc_number(header)
    issue_place, issue_date = read_date_line(lines, marker, copy_end)
    post_date = _post_date(text, lines, marker)
    issue_date_source: Literal["date_line", "post_date", "body"] | None = None
    if issue_date is not None:
        issue_date_source = "date_line"
    elif post_date is not None:
        issue_date, issue_date_source = post_date, "post_date"

    body_start = lines[title_end].start if title_end < len(lines) else len(text)
    body_end = lines[copy_end - 1].end if copy_end else len(text)
    body_text = text[body_start:body_end]
    recipients, signer = closing(lines, title_end, copy_end)
    if signer is None:
        signer = portal_signer(lines, marker if marker is not None else 20)
    lead = read_lead(text, page_title) if marker is None and not letter_end else None

    issuer, parent = header_issuer(header)
    if lead is not None and lead.issuer and issuer is not None and _is_headline(issuer, lines):
        issuer, parent = lead.issuer, None  # an ALL-CAPS headline is no header column
    if issuer is not None:
        issuer = _self_named(body_text, issuer) or issuer
    if issuer is None:
        issuer = _closing_issuer(body_text) or _signature_issuer(signer, body_text, recipients)
    if issuer is None and lead is not None:
        issuer = lead.issuer
    if issuer is not None:
        issuer = canonical_body(issuer)
    admin_level = admin_level_of(issuer) or admin_level_of(parent)
    if parent and issuer and place_of(issuer) is None and re.match(r"(?i)(?:sở|phòng)\s", issuer):
        admin_level = admin_level_of(parent) or admin_level  # a Phòng of `VĂN PHÒNG UBND TỈNH` is provincial
    locality = (place_of(issuer) if issuer else None) or (place_of(parent) if parent else None)
    if locality is None and admin_level is not None and lead is None:
        locality = _body_locality(body_text, admin_level)
        if locality and issuer and _ENDS_WITH_UNIT.search(issuer):  # `UBND huyện` + `Thanh Liêm`
            issuer = f"{issuer} {locality}"
    if issuer and locality and parent:
        issuer = _with_parent_place(issuer, parent, locality)

    fallback_year = int(issue_date[:4]) if issue_date else None
    period, next_period = report_periods(title, lines, title_end, copy_end, sections, body_end, fallback_year)
    if lead is not None:
        title = title or lead.title
        period = period or (lead.period.to_period() if lead.period else None)
        next_period = next_period or (lead.next_period.to_period() if lead.next_period else None)
        if issue_date_source != "date_line" and lead.issue_date is not None:
            issue_date, issue_date_source = lead.issue_date, "body"

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
        addressees=addressees(lines, 0, min(len(lines), title_end + 12)),
        post_date=post_date,
        issue_date_source=issue_date_source,
    )


def _is_headline(issuer: str, lines: list[ReportLine]) -> bool:
    """`BAN THƯỜNG VỤ HUYỆN ỦY X SƠ KẾT 6 THÁNG ĐẦU NĂM 2022`: the first line, read as an issuer
    cell, is a page headline when it names a period."""
    first = next((ln.text for ln in lines if ln.text.strip()), "")
    return conventional_case(first) == issuer and bool(find_periods(first))


def _first_copy_end(lines: list[ReportLine], marker: int | None) -> int:
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
        if any(DOC_NO.search(t) or DATE_LINE.search(t) or ORG_START.match(t) for t in block):
            return j
    return len(lines)


def _is_header_like(s: str) -> bool:
    return bool(
        caps_line(s) or DATE_LINE.search(s) or DOC_NO.search(s) or s == "*" or s.startswith(("Báo cáo", "Đăng lúc"))
    )


def _post_date(text: str, lines: list[ReportLine], marker: int | None) -> str | None:
    """A web page's posting date: a date-time line above the report (`Ngày 13/08/2023 22:14:53`)."""
    limit = lines[marker].start if marker is not None else min(len(text), 2000)
    for m in _POST_DATE.finditer(text, 0, limit):
        line_end = text.find("\n", m.end())
        rest = text[m.end() : line_end if line_end >= 0 else len(text)].strip()
        if m.group("time") or not rest or rest.startswith("("):
            return iso(m.group("y"), m.group("m"), m.group("d"))
    for m in _POST_DATE.finditer(text):
        if m.group("time") and re.match(r"\s*(?:Ngày|Đăng|Cập)", m.group()):
            return iso(m.group("y"), m.group("m"), m.group("d"))
    return None


def _self_named(body: str, issuer: str) -> str | None:
    """The longer name the opening sentences give the header's body (`Ban chỉ đạo ... tỉnh Lâm Đồng
    báo cáo ...`): where the header's first words recur and run on to `báo cáo`; None otherwise."""
    words = canonical_body(issuer).split()[:3]
    if len(words) < 2:
        return None
    start = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)", re.I)
    short = fold_words(canonical_body(issuer))
    for m in start.finditer(body, 0, 3000):
        said = _REPORTS.match(body, m.start())
        if said is None:
            continue
        name = " ".join(said.group("name").split())
        extra = name[len(issuer) :]
        if _NOT_A_NAME.search(extra) or len(extra.split()) > 8:
            continue
        if fold_words(canonical_body(name)).startswith(short) and len(name) >= len(issuer) and name != issuer:
            return name
    return None


_OWN_BODY = re.compile(r"(?:hiệp hội|hội|ban chỉ đạo|hội đồng (?!nhân dân)|tổ công tác)\s", re.I)


def _with_parent_place(issuer: str, parent: str, locality: str) -> str:
    """A department or an association named without its place takes its parent's unit and the
    locality (`UBND TỈNH LÂM ĐỒNG` / `SỞ NỘI VỤ` -> `Sở Nội vụ tỉnh Lâm Đồng`, `HIỆP HỘI DOANH
    NGHIỆP` under `UBND TỈNH BÌNH THUẬN`); a Party committee's or a police force's own department
    takes the parent's whole name (`HUYỆN ỦY TAM DƯƠNG` / `BAN TUYÊN GIÁO` -> `Ban Tuyên giáo Huyện ủy
    Tam Dương`, `CÔNG AN TỈNH X` / `PHÒNG CẢNH SÁT ...` -> `Phòng Cảnh sát ... Công an tỉnh X`); other
    bodies are kept."""
    # `HIỆP HỘI DOANH NGHIỆP`, `BAN CHỈ ĐẠO ...`: an association or an inter-agency body of that UBND
    association = _OWN_BODY.match(issuer) is not None
    if (issuer_type_of(issuer) != "department" and not association) or place_of(issuer) is not None:
        return issuer
    if issuer_type_of(issuer) == "department" and (
        issuer_type_of(parent) == "party_committee" or re.match(r"(?i)công an\s", parent)
    ):
        return f"{issuer} {parent}"
    unit = re.search(r"(?<!\w)(thị xã|thành phố|huyện|tỉnh|quận)(?!\w)", parent, re.I)
    if unit is None:
        return issuer
    return f"{issuer} {unit.group(1).lower()} {locality}"


def fold_words(s: str) -> str:
    return " ".join(s.lower().replace("uỷ", "ủy").replace(",", " ").split())


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
    tm = ON_BEHALF.match(signer.on_behalf_of)
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
