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
from llmx.rules.lines import ReportLine, caps_line, columns
from llmx.rules.periods import HEADING
from llmx.vn import KINH_GUI, MOTTO, SEPARATOR, SUBJECT_LINE, TITLE_MARK

_MOTTO = MOTTO
HEADER_SCAN = 30

ORG_START = re.compile(
    r"^(?:UBND|HĐND|MTTQ|UBMTTQ|BCH|BTV|UBKT|[ỦU][YỶ]\s+BAN|HỘI\s+ĐỒNG|ĐẢNG\s+[ỦU][YỶ]|ĐẢNG\s+BỘ|"
    r"(?:TỈNH|HUYỆN|THÀNH|QUẬN|THỊ)\s+[ỦU][YỶ]|BAN\s|SỞ\s|PHÒNG\s|CHI\s+BỘ|CHI\s+CỤC|CỤC\s|BỘ\s|"
    r"MẶT\s+TRẬN|CÔNG\s+AN|VĂN\s+PHÒNG|THANH\s+TRA|TRUNG\s+TÂM|TRƯỜNG\s|HỘI\s|HIỆP\s+HỘI\s|ĐOÀN\s|LIÊN\s+ĐOÀN|"
    r"HUYỆN\s|XÃ\s|TỈNH\s|THỊ\s+XÃ|THỊ\s+TRẤN|PHƯỜNG\s|THÀNH\s+PHỐ|QUẬN\s)"
)
DOC_NO = re.compile(
    r"(?<!\w)Số\s*:?[ \t.…_]*(?P<num>\d+[a-z]?)?[ \t.…_]*(?P<sep>[-/–])?[ \t]*"  # `Số:……../BC-K4`: a blank
    r"(?P<sym>[A-ZĐ][A-Za-zĐđ]*\d*(?:[ \t]*[-/][ \t]*[A-ZĐ][A-Za-zĐđ0-9]*)+)"
)
DATE_LINE = re.compile(
    r"(?:^|(?<=\s\s))(?P<place>[^\W\d_](?:[^\s,:;\d]| (?! ))*?)\s*,\s*ngày\s*"
    r"(?:(?P<d1>\d{1,2})\s*/\s*(?P<m1>\d{1,2})\s*/\s*(?P<y1>\d{4})"
    r"|(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4}))"
)


def title_marker(lines: list[ReportLine]) -> int | None:
    """Index of the first `BÁO CÁO` line (the report's own title block)."""
    for k, ln in enumerate(lines[:120]):
        if TITLE_MARK.match(ln.text):
            return k
    return None


def read_title(lines: list[ReportLine], marker: int | None) -> tuple[str | None, int]:
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


def read_subject(lines: list[ReportLine]) -> str | None:
    """The trích yếu after `V/v` with its wrapped lines, joined with one space: it runs until a
    blank line or the next header line (`Kính gửi:`, the motto, the date line, an ALL-CAPS line)."""
    for k, ln in enumerate(lines[:HEADER_SCAN]):
        m = SUBJECT_LINE.match(ln.text)
        if m is None:
            continue
        parts = [m.group("rest") or ""]
        for nxt in lines[k + 1 : k + 6]:
            t = nxt.text
            if not t or KINH_GUI.match(t) or _MOTTO.search(t) or DATE_LINE.search(t) or caps_line(t):
                break
            if DOC_NO.search(t) or len(t) > 120:
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


def read_doc_number(header: list[ReportLine]) -> tuple[str | None, str | None]:
    for ln in header:
        if m := DOC_NO.search(ln.raw.replace("\xa0", " ")):
            sym = m.group("sym").strip()
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
    head = range(0, marker if marker is not None else min(15, len(lines)))
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
    return issuer, parent
