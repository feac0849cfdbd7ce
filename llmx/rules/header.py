"""The header block of a Vietnamese administrative document (Decree 30/2020, Party rules HD 36). Pure.

The issuer column (`UBND TỈNH X` / `SỞ Y`, `HUYỆN ỦY X` / `ĐẢNG ỦY XÃ Y`), the number (`Số: 12/BC-UBND`,
blank in a draft: `Số:      /BC-UBND`), the place and date line (`Lâm Đồng, ngày   tháng 8 năm 2025`),
the document kind over its title (`BÁO CÁO`, `TỜ TRÌNH` ... ) and a công văn's subject (`V/v ...`).
Two-column headers arrive flattened in many ways: cells apart by 3+ spaces or ` | `, one column
after the other, or glued into one line by a PDF; each reader here looks at whole lines and at cells.
"""

from __future__ import annotations

import re

from llmx.rules.issuers import UNIT_RE, conventional_case
from llmx.rules.lines import ReportLine, caps_line, columns, header_end
from llmx.rules.periods import HEADING
from llmx.vn import ANNEX, KINH_GUI, MOTTO, NOI_NHAN, SEPARATOR, SUBJECT_LINE, TITLE_MARK

_MOTTO = MOTTO
HEADER_SCAN = 30

# the first words of an issuer line; a name may end the line (`HIỆP HỘI` / `CÔNG CHỨNG VIÊN VIỆT NAM`)
ORG_START = re.compile(
    r"^(?:UBND|HĐND|MTTQ|UBMTTQ|BCH|BTV|UBKT|[ỦU][YỶ]\s+BAN|HỘI\s+ĐỒNG|ĐẢNG\s+[ỦU][YỶ]|ĐẢNG\s+BỘ|"
    r"(?:TỈNH|HUYỆN|THÀNH|QUẬN|THỊ)\s+[ỦU][YỶ]|BAN|SỞ|PHÒNG|CHI\s+BỘ|CHI\s+CỤC|CỤC|BỘ|"
    r"MẶT\s+TRẬN|CÔNG\s+AN|VĂN\s+PHÒNG|THANH\s+TRA|TRUNG\s+TÂM|TRƯỜNG|HỘI|HIỆP\s+HỘI|ĐOÀN|LIÊN\s+ĐOÀN|"
    r"HUYỆN|XÃ|TỈNH|THỊ\s+XÃ|THỊ\s+TRẤN|PHƯỜNG|THÀNH\s+PHỐ|QUẬN)(?=\s|$)"
)
DOC_NO = re.compile(
    r"(?<!\w)Số\s*:?[ \t.…_]*(?P<num>\d+[a-z]?)?[ \t.…_]*(?P<sep>[-/–])?[ \t]*"  # `Số:……../BC-K4`: a blank
    r"(?P<sym>[A-ZĐ][A-Za-zĐđ]*\d*(?:[ \t]*[-/][ \t]*[A-ZĐ][A-Za-zĐđ0-9&]*)+)"  # `BCTĐ&TTN`
)
DATE_LINE = re.compile(
    r"(?:^|(?<=\s\s)|(?<=\|\s))(?P<place>[^\W\d_](?:[^\s,:;\d]| (?! ))*?)\s*,\s*ngày\s*"
    r"(?:(?P<d1>\d{1,2})\s*/\s*(?P<m1>\d{1,2})\s*/\s*(?P<y1>\d{4})"
    r"|(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4}))"
)


# The kind of an administrative document over its title (Decree 30/2020 and HD 36 kinds; `BÁO CÁO`
# and `TỜ TRÌNH` are TITLE_MARK; a `GIẤY MỜI` has no title line, its body follows). A kind with a
# colon (`QUYẾT ĐỊNH:`) is a decision's formula, no title.
KIND_MARK = re.compile(
    r"^(?:BÁO\s+CÁO|TỜ\s+TRÌNH|QUYẾT\s+ĐỊNH|NGHỊ\s+QUYẾT|KẾ\s+HOẠCH|THÔNG\s+BÁO|HƯỚNG\s+DẪN|QUY\s+CHẾ|"
    r"QUY\s+ĐỊNH|CHƯƠNG\s+TRÌNH|ĐỀ\s+ÁN|PHƯƠNG\s+ÁN|KẾT\s+LUẬN|CHỈ\s+THỊ|THÔNG\s+TRI|ĐỀ\s+CƯƠNG|"
    r"CÔNG\s+ĐIỆN|BIÊN\s+BẢN|GIẢI\s+TRÌNH|THUYẾT\s+MINH|QUY\s+TRÌNH|ĐIỀU\s+LỆ)"
    r"(?:\s*[.]?\s+(?P<rest>\S.*))?$"
)
_BODY_OPENER = re.compile(
    r"^(?:Căn\s+cứ|Thực\s+hiện|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị|Trên\s+cơ\s+sở|Ngày\s+\d|Qua\s|Sau\s+khi|"
    r"\((?:Ban\s+hành\s+|Phê\s+duyệt\s+)?[Kk]èm\s+theo|Chương\s+[IVXLC\d]|CHƯƠNG\s+[IVXLC\d]|Điều\s+\d)"
)  # the body, the annex formula `(Kèm theo Quyết định số ...)`, a charter's `Chương I` / `Điều 1.`


def title_marker(lines: list[ReportLine]) -> int | None:
    """Index of the first `BÁO CÁO` line (the report's own title block); without one, of the
    document kind in the header (`QUYẾT ĐỊNH`, `KẾ HOẠCH`, `NGHỊ QUYẾT`, `THÔNG BÁO` ...)."""
    # a `BÁO CÁO` after the closing or in an appendix is the attachment's, not the document's
    stop = next(
        (k for k, ln in enumerate(lines[:120]) if NOI_NHAN.match(ln.text) or (k > 5 and ANNEX.match(ln.text))), 120
    )
    for k, ln in enumerate(lines[:stop]):
        if TITLE_MARK.match(ln.text):
            return k
    for k, ln in enumerate(lines[: min(stop, HEADER_SCAN)]):
        if KIND_MARK.match(ln.text) and caps_line(ln.text):
            return k
        if _BODY_OPENER.match(ln.text):
            break  # `Chương I` / `QUY ĐỊNH CHUNG` is a chapter, not the document's kind
    return None


def read_title(lines: list[ReportLine], marker: int | None) -> tuple[str | None, int]:
    """The line(s) under `BÁO CÁO` joined with one space, and the index after the title block."""
    if marker is None:
        return None, 0
    parts: list[str] = []
    mark = TITLE_MARK.match(lines[marker].text) or KIND_MARK.match(lines[marker].text)
    if mark is not None and mark.group("rest"):
        parts.append(mark.group("rest").strip())
    k = marker + 1
    end = k
    spaced = k < len(lines) and not lines[k].text  # a double-spaced block: a blank after every line
    while k < len(lines) and len(parts) < 5:
        t = lines[k].text
        if not t:
            nxt = next((j for j in range(k + 1, min(k + 4, len(lines))) if lines[j].text), None)
            if not parts:
                k += 1
                continue
            if nxt is None or not (
                _continues_title(lines[nxt].text)
                or _open_ended(parts[-1], lines[nxt].text)
                or (_dangling(parts[-1]) and _wrap_line(lines[nxt].text))
                or (spaced and _unfinished(parts[-1]) and _wrap_line(lines[nxt].text) and len(lines[nxt].text) <= 160)
                or (len(parts) == 1 and _QUALIFIER.match(parts[0]) is not None and _wrap_line(lines[nxt].text))
            ):
                break
            k = nxt
            continue
        heading = HEADING.match(t) and not SUBJECT_LINE.match(t)  # `V/v ...` is no Roman `V.`
        # a first title line may be long (`Về việc cho phép sáp nhập ...`); a paragraph ends in `.`
        limit = 400 if not parts and not t.rstrip().endswith((".", ":", ";")) else 250
        if SEPARATOR.match(t) or heading or (len(t) > limit and not (parts and _dangling(parts[-1]))):
            break
        if parts and caps_line(t) and not caps_line(parts[-1]):
            break  # a caps part heading right under a sentence-case title
        if parts and _BODY_OPENER.match(t):
            break  # `Căn cứ ...`, `Thực hiện ...`: the body begins
        if t.rstrip().endswith(":") and len(t) > 80:
            break  # a sentence leading into a list (`GIẤY MỜI` / `... tổ chức buổi làm việc như sau:`)
        parts.append(t)
        k += 1
        end = k
    title = " ".join(parts) or None
    if title and (v := SUBJECT_LINE.match(title)):  # `THÔNG BÁO` / `V/v ...`: the subject is the title
        title = v.group("rest")
    return title, end


_ABOUT = re.compile(r"^(?P<rest>Về\s+\S.{5,200})$")


def read_subject(lines: list[ReportLine]) -> str | None:
    """The trích yếu after `V/v` with its wrapped lines, joined with one space: it runs until a
    blank line or the next header line (`Kính gửi:`, the motto, the date line, an ALL-CAPS line)."""
    found = next(((k, m) for k, ln in enumerate(lines[:HEADER_SCAN]) if (m := SUBJECT_LINE.match(ln.text))), None)
    if found is None:  # `Số: .../UBND-NC` / `Về kết quả Đại hội ...`: a subject written without `V/v`
        number = next((k for k, ln in enumerate(lines[:HEADER_SCAN]) if DOC_NO.search(ln.text)), None)
        after = (
            next((j for j in range(number + 1, min(number + 3, len(lines))) if lines[j].text), None)
            if number is not None
            else None
        )
        if after is not None and (m := _ABOUT.match(lines[after].text)):
            found = after, m
    if found is None:
        return None
    k, m = found
    spaced = k > 0 and not lines[k - 1].text  # a double-spaced header: blank lines between its lines
    parts = [m.group("rest") or ""]
    for nxt in lines[k + 1 : k + 10]:
        t = nxt.text
        if (not t and spaced) or (t and not any(c.isalnum() for c in t)):
            continue  # a blank of a double-spaced header, a stray `.` (a year wrapped alone is the subject's)
        if not t or KINH_GUI.match(t) or _MOTTO.search(t) or DATE_LINE.search(t) or caps_line(t):
            break
        if DOC_NO.search(t) or len(t) > 120:
            break
        parts.append(t)
    said = " ".join(" ".join(parts).split()).strip(" |")
    if lines[k].text.startswith(("“", '"')):  # `“V/v ...”`: the quotes wrap the whole subject
        said = said.rstrip('”"')
    return said or None


_ASIDE = re.compile(r"^\([^()]{1,60}\)\s+\w")  # `(trước sắp xếp) vào Liên đoàn ...`: a wrapped aside, not a note
_TITLE_LINK = re.compile(r"^(?:VÀ|CỦA|TRÊN|TẠI|VỀ|ĐỐI VỚI|GIAI ĐOẠN|NĂM|THEO|NHIỆM KỲ)\s+\S", re.I)
# a title line cut where a phrase cannot end: a unit word without its name, a preposition, a verb's object
_DANGLING = re.compile(
    r"(?<!\w)(?:của|và|về|cho|các|những|trong|tại|với|đối|thành|lập|tỉnh|huyện|xã|phường|quận|thị|"
    r"năm|tháng|giai đoạn|số|theo|trên|đến|từ|để|nhằm|đề nghị|việc)$|[,–-]$",
    re.I,
)


# `ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG)` / `HỘI ...`: a bracketed qualifier on the kind's line, the name below
_QUALIFIER = re.compile(r"^\([^()]{1,40}\)$")


def _unfinished(part: str) -> bool:
    """A title line that no sentence mark or closing bracket ends."""
    return not part.rstrip().endswith((".", ";", ":", "!", "?", ")"))


def _dangling(part: str) -> bool:
    return _DANGLING.search(part.rstrip()) is not None


def _wrap_line(line: str) -> bool:
    """A short line that may carry a wrapped title on: not a heading, rule, `Kính gửi`, bullet or body,
    not a note in brackets (`(Kèm theo Công văn số ...)`), a form's `LABEL: value` or a date."""
    return (
        len(line) <= 250
        and not HEADING.match(line)
        and not SEPARATOR.match(line)
        and not KINH_GUI.match(line)
        and not _BODY_OPENER.match(line)
        and not _NOT_A_WRAP.search(line)
    )


_NOT_A_WRAP = re.compile(r"^[-+•–]\s|^\(.*\)$|^[^:]{1,30}:\s|\d{1,2}/\d{4}$|,\s*ngày\b")


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
        and (line[:1].islower() or line[:1].isdigit() or bool(_TITLE_LINK.match(line)) or bool(_ASIDE.match(line)))
        and not HEADING.match(line)
        and not SEPARATOR.match(line)
    )


def read_doc_number(header: list[ReportLine]) -> tuple[str | None, str | None]:
    for ln in header:
        if m := DOC_NO.search(ln.raw.replace("\xa0", " ")):
            sym = re.sub(r"\s*([/-])\s*", r"\1", m.group("sym").strip())  # `SCT - CN` -> `SCT-CN`
            if m.group("num"):
                number = m.group()[m.start("num") - m.start() :].strip()
                return re.sub(r"\s*([/-])\s*", r"\1", number), sym  # `218 /BC-UBND` -> `218/BC-UBND`
            return None, sym
    return None, None


def iso(y: str | None, m: str | None, d: str | None) -> str | None:
    if not y:
        return None
    if not m or not 1 <= int(m) <= 12:
        return f"{int(y):04d}"
    if not d or not 1 <= int(d) <= 31:
        return f"{int(y):04d}-{int(m):02d}"
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def read_date_line(lines: list[ReportLine], marker: int | None, copy_end: int) -> tuple[str | None, str | None]:
    """(issue_place, issue_date) from `Tam Dương, ngày ... tháng 5 năm 2021` in the header or,
    failing that, in the signature area at the end of the first copy."""
    head = range(0, marker if marker is not None else header_end(lines))
    tail = range(max(0, copy_end - 40), copy_end)
    for rng in (head, tail):
        for k in rng:
            raw = lines[k].raw.replace("\xa0", " ").strip()
            for cell in [raw, *columns(raw)[1:]]:  # a table row's right cell is a line of its own
                if len(cell) > 120:  # a date line is short; body sentences also say `ngày ... năm`
                    continue
                if m := DATE_LINE.search(cell):
                    place = m.group("place").strip()
                    if m.group("y1"):
                        return place, iso(m.group("y1"), m.group("m1"), m.group("d1"))
                    return place, iso(m.group("y"), m.group("m"), m.group("d"))
    return None, None


def header_issuer(header: list[ReportLine]) -> tuple[str | None, str | None]:
    """(issuer, parent body) from the ALL-CAPS lines of the header's issuer column."""
    orgs: list[str] = []
    after_org = False  # the previous non-empty cell was (part of) an issuer line
    for ln in header:
        for cell in columns(ln.raw):
            if (motto := _MOTTO.search(cell)) and motto.start() > 0:
                cell = cell[: motto.start()].strip()  # `UBND TỈNH X CỘNG HÒA XÃ HỘI ...` glued by a PDF
            if not caps_line(cell) or _MOTTO.search(cell) or TITLE_MARK.match(cell) or DOC_NO.search(cell):
                after_org = False
                continue
            if orgs and UNIT_RE.match(cell) and not UNIT_RE.search(orgs[-1]):
                orgs[-1] = f"{orgs[-1]} {cell}"  # `ỦY BAN NHÂN DÂN` / `HUYỆN TAM DƯƠNG`
            elif orgs and orgs[-1].rstrip().endswith(","):
                orgs[-1] = f"{orgs[-1].rstrip()} {cell}"  # a long body name wrapped after a comma
            elif ORG_START.match(cell):
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
    if parent and re.fullmatch(r"(?i)văn phòng", issuer):  # `UBND TỈNH X` / `VĂN PHÒNG`: the UBND's office
        issuer = f"{issuer} {parent}"
    return issuer, parent
