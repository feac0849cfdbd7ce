"""Who a report is addressed to and who signs it: `Kính gửi:`, `Nơi nhận:` and the signature block. Pure.

* **Addressees** are the bodies after `Kính gửi:`, on its line or on the bullet lines below it,
  without the dash and trailing `;`/`.`. A flattened two-column header may put the other
  column's lines (motto, date line, ALL-CAPS lines) between `Kính gửi:` and its bullets: they
  are stepped over.
* **Recipients** are the `- ` lines under `Nơi nhận:`; a line that goes on without a dash after a
  recipient ending in `,` (a wrapped item: `- Các sở: Nông nghiệp và Môi trường,` / `Tài chính,
  ...`) belongs to it. A flattened two-column line (cells apart by 3+ spaces or ` | `) gives its
  left cell to the recipients and its right cell to the signature.
* **Signer**: `T/M`/`TM.` body and `KT.` lines form `on_behalf_of`, then the title line, then the
  name after blank lines. A second ALL-CAPS title under the signature space (`PHÓ CHỦ TỊCH UBND
  TỈNH`, the signer's concurrent office) is not the name: a name has 2-6 capitalised words and no
  office word. A web portal's `Người ký: Nguyễn Văn A` line gives the name when there is no block.
"""

from __future__ import annotations

import re

from llmx.contract import Signer
from llmx.rules.lines import ReportLine, caps_line, columns
from llmx.vn import FOOTNOTE, KINH_GUI, MOTTO, NOI_NHAN

BULLET = re.compile(r"^[-–+•]\s*")
ON_BEHALF = re.compile(r"^(?:T/M|TM\.?|T\.M\.?|THAY\s+MẶT)\s*\S")
_KT = re.compile(r"^(?:KT\.?|K/T|KT/|TL\.|TUQ\.|Q\.)\s*\S")
_SIGN_TITLE = re.compile(
    r"^(?:PHÓ\s+)?(?:BÍ\s+THƯ|CHỦ\s+TỊCH|TRƯỞNG\s+BAN|TRƯỞNG\s+PHÒNG|GIÁM\s+ĐỐC|CHÁNH\s+VĂN\s+PHÒNG|"
    r"CHÁNH\s+THANH\s+TRA|CHỦ\s+NHIỆM|THỦ\s+TRƯỞNG|BỘ\s+TRƯỞNG|CHỈ\s+HUY\s+TRƯỞNG|TRƯỞNG\s+CÔNG\s+AN|"
    r"HIỆU\s+TRƯỞNG|TRƯỞNG)\b"
)
_OFFICE_WORDS = re.compile(
    r"(?<!\w)(?:CHỦ\s+TỊCH|BÍ\s+THƯ|TRƯỞNG|GIÁM\s+ĐỐC|PHÓ|ỦY\s+VIÊN|UỶ\s+VIÊN|UBND|HĐND|TỈNH|HUYỆN|XÃ|"
    r"BAN|SỞ|PHÒNG|THƯỜNG\s+TRỰC|CHÁNH|KT\.|TM\.|VỤ|CỤC|VĂN\s+PHÒNG|TRUNG\s+TÂM|CÔNG\s+AN|CHÍNH\s+PHỦ|ĐOÀN)(?!\w)"
)
_SIGN_NOTE = re.compile(r"^\(?\s*(?:đã\s+ký|ký|ký\s+tên|ký,.*|đóng\s+dấu.*)\s*\)?$", re.I)
_KINH_GUI = KINH_GUI
_OTHER_COLUMN = re.compile(r",\s*ngày\b.{0,40}\bnăm\s+\d{4}\s*$")  # the date line of the right column
_PORTAL_SIGNER = re.compile(r"^Người\s+ký\s*:?\s+(?P<name>\S.{2,60})$")
_TRAIL = re.compile(r"[\s,;.]+$")


def addressees(lines: list[ReportLine], start: int, end: int) -> list[str]:
    """The bodies after `Kính gửi:` in `lines[start:end]` (the header block and the lines after it)."""
    for k in range(start, min(end, len(lines))):
        m = _KINH_GUI.match(lines[k].text)
        if m is None:
            continue
        out: list[str] = []
        first = lines[k].text[m.end() :].strip().lstrip("|").strip()
        if first:
            out.extend(_items(first))
        for j in range(k + 1, min(k + 16, len(lines))):
            t = lines[j].text
            if not t:
                continue
            if MOTTO.search(t) or caps_line(t) or (_OTHER_COLUMN.search(t) and len(t) <= 80):
                continue  # the other header column, flattened between `Kính gửi:` and its bullets
            if not out and not BULLET.match(t) and len(t) <= 100 and not t.endswith(":"):
                out.append(_TRAIL.sub("", t))  # `Kính gửi:` / `Sở Nội vụ.`: one addressee on the next line
                continue
            if not BULLET.match(t) or len(t) > 120:
                break
            out.append(_TRAIL.sub("", BULLET.sub("", t)))
        return [a for a in out if a]
    return []


_ITEM_SPLIT = re.compile(r"[;,]\s+(?=[-–+•]\s)")


def _items(cell: str) -> list[str]:
    """`- A; - B; - C.` (bullets run into one table cell) -> `A`, `B`, `C`; a plain body stays one."""
    return [_TRAIL.sub("", BULLET.sub("", part)).strip() for part in _ITEM_SPLIT.split(cell)]


def closing(lines: list[ReportLine], title_end: int, copy_end: int) -> tuple[list[str], Signer | None]:
    """Recipients under `Nơi nhận:` and the signature block near them."""
    nn = next((k for k in range(title_end, copy_end) if NOI_NHAN.match(lines[k].text)), None)
    recipients: list[str] = []
    sig_cells: list[str] = []
    if nn is not None:
        first = columns(lines[nn].raw)
        after = NOI_NHAN.sub("", first[0]).strip() if first else ""
        rows = [[after, *first[1:]] if after else first[1:]]
        k = nn + 1
        while k < copy_end:
            cells = columns(lines[k].raw)
            if cells and not BULLET.match(cells[0]):
                filled = next((i for i in range(len(rows) - 1, -1, -1) if rows[i]), None)
                last = rows[filled][0] if filled is not None else ""
                if filled is None and caps_line(cells[0]) and _SIGN_TITLE.match(cells[0]):
                    sig_cells.extend(cells)  # `Nơi nhận:` / `GIÁM ĐỐC` / `- Như trên;`: rows of two columns
                    k += 1
                    continue
                if filled is None or not (last.rstrip().endswith(",") and BULLET.match(last)):
                    break  # the first line that is not a recipient starts the signature block
                rows[filled] = [f"{last.rstrip()} {cells[0]}", *rows[filled][1:], *cells[1:]]  # a wrapped item
                k += 1
                continue
            rows.append(cells)
            k += 1
        for cells in rows:
            for i, cell in enumerate(cells):
                if i == 0 and BULLET.match(cell):
                    if item := _TRAIL.sub("", BULLET.sub("", cell)):
                        recipients.append(" ".join(item.split()))
                else:
                    sig_cells.append(cell)  # the right column of a flattened table
        rest = range(k, min(k + 20, copy_end))
    else:
        rest = range(max(title_end, copy_end - 40), copy_end)
    for j in rest:
        cells = columns(lines[j].raw)
        sig_cells.extend(cells if cells else [""])
    signer = parse_signer(sig_cells)
    if signer is None and nn is not None:  # signature printed before Nơi nhận
        before = [c for j in range(max(title_end, nn - 12), nn) for c in (columns(lines[j].raw) or [""])]
        signer = parse_signer(before)
    return recipients, signer


def portal_signer(lines: list[ReportLine], limit: int) -> Signer | None:
    """`Người ký Nguyễn Văn Hùng` in a document portal's metadata block above the report."""
    for ln in lines[:limit]:
        m = _PORTAL_SIGNER.match(ln.text)
        if m and looks_like_name(m.group("name").strip()):
            return Signer(name=m.group("name").strip())
    return None


def parse_signer(cells: list[str]) -> Signer | None:
    """T/M body, KT., the signer's title and the name after blank lines."""
    start = next(
        (i for i, c in enumerate(cells) if ON_BEHALF.match(c) or _KT.match(c) or _SIGN_TITLE.match(c)),
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
        if title is None and (ON_BEHALF.match(c) or _KT.match(c)):
            on_behalf.append(" ".join(c.split()))
            continue
        if title is None and caps_line(c):
            title = " ".join(c.split())
            continue
        if title is not None and looks_like_name(c):
            name = " ".join(c.split())
            break
        if title is not None and BULLET.match(c):
            continue  # a recipient of the left column, flattened between the title and the name
        if title is not None and caps_line(c) and _OFFICE_WORDS.search(c):
            continue  # the signer's concurrent office, printed under the signature space
        if title is not None:
            break
    if title is None and not on_behalf:
        return None
    if name is None and on_behalf:  # a table's name cell flattened above the block (`Đỗ Văn A` / `TL. CHỦ TỊCH` / ...)
        above = next((c.strip() for c in reversed(cells[:start]) if c.strip()), "")
        name = " ".join(above.split()) if looks_like_name(above) else None
    return Signer(name=name, title=title, on_behalf_of=" ".join(on_behalf) or None)


def looks_like_name(s: str) -> bool:
    """A person's name: 2-6 capitalised words, none of them an office word."""
    words = s.split()
    if not 2 <= len(words) <= 6 or not all(w[0].isupper() and w.replace(".", "").isalpha() for w in words):
        return False
    return not (caps_line(s) and _OFFICE_WORDS.search(s))
