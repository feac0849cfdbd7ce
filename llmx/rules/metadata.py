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
from llmx.headings import letter_header_end
from llmx.rules.closing import ON_BEHALF, addressees, closing, portal_signer
from llmx.rules.headline import canonical_body, read_lead
from llmx.rules.issuers import UNIT_RE, admin_level_of, conventional_case, issuer_type_of, place_of
from llmx.rules.lines import ReportLine, caps_line, columns, report_lines
from llmx.rules.periods import HEADING, report_periods
from llmx.vn import KINH_GUI, LOWER, MOTTO, SEPARATOR, SUBJECT_LINE, TITLE_MARK, UPPER

_MOTTO = MOTTO
_HEADER_SCAN = 30
_ORG_START = re.compile(
    r"^(?:UBND|HĐND|MTTQ|UBMTTQ|BCH|BTV|UBKT|[ỦU][YỶ]\s+BAN|HỘI\s+ĐỒNG|ĐẢNG\s+[ỦU][YỶ]|ĐẢNG\s+BỘ|"
    r"(?:TỈNH|HUYỆN|THÀNH|QUẬN|THỊ)\s+[ỦU][YỶ]|BAN\s|SỞ\s|PHÒNG\s|CHI\s+BỘ|CHI\s+CỤC|CỤC\s|BỘ\s|"
    r"MẶT\s+TRẬN|CÔNG\s+AN|VĂN\s+PHÒNG|THANH\s+TRA|TRUNG\s+TÂM|TRƯỜNG\s|HỘI\s|HIỆP\s+HỘI\s|ĐOÀN\s|LIÊN\s+ĐOÀN|"
    r"HUYỆN\s|XÃ\s|TỈNH\s|THỊ\s+XÃ|THỊ\s+TRẤN|PHƯỜNG\s|THÀNH\s+PHỐ|QUẬN\s)"
)
_DOC_NO = re.compile(
    r"(?<!\w)Số\s*:?[ \t.…_]*(?P<num>\d+[a-z]?)?[ \t.…_]*(?P<sep>[-/–])?[ \t]*"  # `Số:……../BC-K4`: a blank
    r"(?P<sym>[A-ZĐ][A-Za-zĐđ]*\d*(?:[ \t]*[-/][ \t]*[A-ZĐ][A-Za-zĐđ0-9]*)+)"
)
_DATE_LINE = re.compile(
    r"(?:^|(?<=\s\s))(?P<place>[^\W\d_](?:[^\s,:;\d]| (?! ))*?)\s*,\s*ngày\s*"
    r"(?:(?P<d1>\d{1,2})\s*/\s*(?P<m1>\d{1,2})\s*/\s*(?P<y1>\d{4})"
    r"|(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4}))"
)
_POST_DATE = re.compile(
    r"^\s*(?:(?:Ngày\s+đăng|Đăng\s+lúc|Cập\s+nhật|Ngày)\s*:?\s*)?(?P<d>\d{1,2})([/-])(?P<m>\d{1,2})\2(?P<y>\d{4})"
    r"(?P<time>\s+(?:-\s+)?\d{1,2}:\d{2}(?::\d{2})?)?",
    re.M,
)
# `Ban chỉ đạo ... tỉnh Lâm Đồng (sau đây viết tắt là Ban Chỉ đạo tỉnh) báo cáo kết quả ...`
# `Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch (Trung tâm) báo cáo UBND tỉnh ...`
_REPORTS = re.compile(r"(?P<name>[^;:.()]{2,250}?)\s*(?:\((?:sau\s+đây[^)]*|[^)(]{1,40})\)\s*)?(?:xin\s+)?báo\s+cáo\s")


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
    marker = _title_marker(lines)
    copy_end = _first_copy_end(lines, marker)
    header = lines[:marker] if marker is not None else lines[: min(len(lines), 15)]
    title, title_end = _title(lines, marker)
    letter_end = letter_header_end(text, [(ln.start, ln.end) for ln in lines]) if marker is None else 0
    if letter_end:  # a công văn: no `BÁO CÁO` block; its subject (`V/v ...`) names it
        title = _subject(lines)
        title_end = next((k for k, ln in enumerate(lines) if ln.start >= letter_end), len(lines))
        header = lines[:title_end]

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
    recipients, signer = closing(lines, title_end, copy_end)
    if signer is None:
        signer = portal_signer(lines, marker if marker is not None else 20)
    lead = read_lead(text, page_title) if marker is None and not letter_end else None

    issuer, parent = _header_issuer(header)
    if issuer is not None:
        issuer = _self_named(body_text, issuer) or issuer
    if issuer is None:
        issuer = _closing_issuer(body_text) or _signature_issuer(signer, body_text, recipients)
    if issuer is None and lead is not None:
        issuer = lead.issuer
    if issuer is not None:
        issuer = canonical_body(issuer)
    admin_level = admin_level_of(issuer) or admin_level_of(parent)
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


def _title_marker(lines: list[ReportLine]) -> int | None:
    """Index of the first `BÁO CÁO` line (the report's own title block)."""
    for k, ln in enumerate(lines[:120]):
        if TITLE_MARK.match(ln.text):
            return k
    return None


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
        if any(_DOC_NO.search(t) or _DATE_LINE.search(t) or _ORG_START.match(t) for t in block):
            return j
    return len(lines)


def _is_header_like(s: str) -> bool:
    return bool(
        caps_line(s) or _DATE_LINE.search(s) or _DOC_NO.search(s) or s == "*" or s.startswith(("Báo cáo", "Đăng lúc"))
    )


def _title(lines: list[ReportLine], marker: int | None) -> tuple[str | None, int]:
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
            if nxt is None or not (_continues_title(lines[nxt].text) or _open_ended(parts[-1], lines[nxt].text)):
                break
            k = nxt
            continue
        if SEPARATOR.match(t) or HEADING.match(t) or len(t) > 250:
            break
        if parts and caps_line(t) and not caps_line(parts[-1]):
            break  # a caps part heading right under a sentence-case title
        parts.append(t)
        k += 1
        end = k
    title = " ".join(parts) or None
    return title, end


def _subject(lines: list[ReportLine]) -> str | None:
    """The trích yếu after `V/v` with its wrapped lines, joined with one space: it runs until a
    blank line or the next header line (`Kính gửi:`, the motto, the date line, an ALL-CAPS line)."""
    for k, ln in enumerate(lines[:_HEADER_SCAN]):
        m = SUBJECT_LINE.match(ln.text)
        if m is None:
            continue
        parts = [m.group("rest") or ""]
        for nxt in lines[k + 1 : k + 6]:
            t = nxt.text
            if not t or KINH_GUI.match(t) or _MOTTO.search(t) or _DATE_LINE.search(t) or caps_line(t):
                break
            if _DOC_NO.search(t) or len(t) > 120:
                break
            parts.append(t)
        return " ".join(" ".join(parts).split()) or None
    return None


_TITLE_LINK = re.compile(r"^(?:VÀ|CỦA|TRÊN|TẠI|VỀ|ĐỐI VỚI|GIAI ĐOẠN|NĂM|THEO)\s+\S", re.I)


def _open_ended(part: str, line: str) -> bool:
    """A title line ending in `,` or `-` goes on after a blank line whatever the case of the next
    (`... chỉ số PAR Index, SIPAS,` / `PAPI, PCI, 766 của tỉnh Lâm Đồng`)."""
    return part.rstrip().endswith((",", "-")) and len(line) <= 160 and not HEADING.match(line)


def _continues_title(line: str) -> bool:
    """After a blank line, a short line going on in lower case, with a figure (`6 tháng đầu
    năm 2018; ...`) or with a linking word (`VÀ PHƯƠNG HƯỚNG ...`, `CỦA UBND ...`) is the rest of a
    wrapped title; a heading, separator or paragraph is not."""
    return (
        len(line) <= 160
        and (line[:1].islower() or line[:1].isdigit() or bool(_TITLE_LINK.match(line)))
        and not HEADING.match(line)
        and not SEPARATOR.match(line)
    )


def _doc_number(header: list[ReportLine]) -> tuple[str | None, str | None]:
    for ln in header:
        if m := _DOC_NO.search(ln.raw.replace("\xa0", " ")):
            sym = m.group("sym").strip()
            if m.group("num"):
                number = m.group()[m.start("num") - m.start() :].strip()
                return re.sub(r"\s*([/-])\s*", r"\1", number), sym  # `218 /BC-UBND` -> `218/BC-UBND`
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


def _date_line(lines: list[ReportLine], marker: int | None, copy_end: int) -> tuple[str | None, str | None]:
    """(issue_place, issue_date) from `Tam Dương, ngày ... tháng 5 năm 2021` in the header or,
    failing that, in the signature area at the end of the first copy."""
    head = range(0, marker if marker is not None else min(15, len(lines)))
    tail = range(max(0, copy_end - 40), copy_end)
    for rng in (head, tail):
        for k in rng:
            raw = lines[k].raw.replace("\xa0", " ").strip()
            for cell in [raw, *columns(raw)[1:]]:  # a table row's right cell is a line of its own
                if len(cell) > 120:  # a date line is short; body sentences also say `ngày ... năm`
                    continue
                if m := _DATE_LINE.search(cell):
                    place = m.group("place").strip()
                    if m.group("y1"):
                        return place, _iso(m.group("y1"), m.group("m1"), m.group("d1"))
                    return place, _iso(m.group("y"), m.group("m"), m.group("d"))
    return None, None


def _post_date(text: str, lines: list[ReportLine], marker: int | None) -> str | None:
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


def _header_issuer(header: list[ReportLine]) -> tuple[str | None, str | None]:
    """(issuer, parent body) from the ALL-CAPS lines of the header's issuer column."""
    orgs: list[str] = []
    after_org = False  # the previous non-empty cell was (part of) an issuer line
    for ln in header:
        for cell in columns(ln.raw):
            if not caps_line(cell) or _MOTTO.search(cell) or TITLE_MARK.match(cell) or _DOC_NO.search(cell):
                after_org = False
                continue
            if orgs and UNIT_RE.match(cell) and not UNIT_RE.search(orgs[-1]):
                orgs[-1] = f"{orgs[-1]} {cell}"  # `ỦY BAN NHÂN DÂN` / `HUYỆN TAM DƯƠNG`
            elif orgs and orgs[-1].rstrip().endswith(","):
                orgs[-1] = f"{orgs[-1].rstrip()} {cell}"  # a long body name wrapped after a comma
            elif _ORG_START.match(cell):
                orgs.append(cell)
            elif orgs and after_org:
                orgs[-1] = f"{orgs[-1]} {cell}"  # `TRUNG TÂM PHỤC VỤ` / `HÀNH CHÍNH CÔNG`: a wrapped name
            else:
                after_org = False
                continue
            after_org = True
    if not orgs:
        return None, None
    issuer = conventional_case(orgs[-1])
    parent = conventional_case(orgs[-2]) if len(orgs) > 1 else None
    return issuer, parent


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
        if fold_words(canonical_body(name)).startswith(short) and len(name) >= len(issuer) and name != issuer:
            return name
    return None


def _with_parent_place(issuer: str, parent: str, locality: str) -> str:
    """A department or an association named without its place takes its parent's unit and the
    locality (`UBND TỈNH LÂM ĐỒNG` / `SỞ NỘI VỤ` -> `Sở Nội vụ tỉnh Lâm Đồng`, `HIỆP HỘI DOANH
    NGHIỆP` under `UBND TỈNH BÌNH THUẬN`); other bodies are kept."""
    association = re.match(r"(?:hiệp hội|hội)\s", issuer, re.I) is not None  # `HIỆP HỘI DOANH NGHIỆP`
    if (issuer_type_of(issuer) != "department" and not association) or place_of(issuer) is not None:
        return issuer
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
