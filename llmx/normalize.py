"""Normalization as SPEC section 1 defines it, with a map back to the source text.

Allowed changes only: Unicode NFC, `\\r\\n` -> `\\n` and a lone `\\r` (old Mac line ends) -> `\\n`,
non-breaking and zero-width spaces, UTF-16 surrogate halves from a PDF text layer (a pair -> its
character, a lone half -> U+FFFD), markdown markers (`**`, `*` emphasis, leading `#`, escapes
such as `\\*`), web-page chrome (visit counters, comment boxes, contact blocks, menus) and a
repeated copy of the report body.
Words, numbers and typos stay as written. Every change is either a deletion or a 1:1 character
replacement (NFC composes within one character cluster), so `source_offset(i)` can say where
normalized character `i` came from. Pure: no I/O.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from llmx.characters import char_pass
from llmx.contract import Problem
from llmx.read.model import Table
from llmx.source_map import SourceMap
from llmx.vn import UPPER


@dataclass
class Normalized:
    """Normalized text plus, for each of its characters, the index of its source character."""

    text: str
    source_map: SourceMap = field(repr=False)  # normalized index -> source index
    problems: list[Problem] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)  # the reader's tables, offsets into `text`

    def source_offset(self, i: int) -> int:
        """Source index of normalized offset `i` (one past the end maps past the last char)."""
        if i >= len(self.source_map):
            return (self.source_map[-1] + 1) if len(self.source_map) else 0
        return self.source_map[i]


def normalize(raw: str, tables: Sequence[Table] = (), *, web: bool = True) -> Normalized:
    """Apply every SPEC normalization to `raw` and keep the source map; `tables` (offsets into
    `raw`, from the reader) come back with offsets into the normalized text. `web`: the text may
    be a saved web page (.txt/.md/.html), so a second copy of its body and site chrome are
    removed; never for office files and PDFs, where such lines are the document's own (a decree
    repeats its clauses, a letter lists addresses and phone numbers)."""
    text, smap = char_pass(raw)
    problems: list[Problem] = []
    text, smap = _delete(text, smap, _markdown_spans(text))
    spans, dup_problem = _duplicate_body_spans(text) if web else ([], None)
    if dup_problem:
        problems.append(dup_problem)
    chrome = _chrome_spans(text) if web else []
    if chrome:
        problems.append(Problem(stage="normalize", message=f"removed {len(chrome)} line(s) of web-page chrome"))
    text, smap = _delete(text, smap, spans + chrome)
    return Normalized(text=text, source_map=smap, problems=problems, tables=_map_tables(tables, smap))


def _map_tables(tables: Sequence[Table], smap: SourceMap) -> list[Table]:
    """Source offsets -> normalized offsets (the first character that came from there or later);
    a table whose text was removed whole (a repeated web-page body) is dropped."""
    mapped = [t.mapped(smap.normalized_index) for t in tables]
    return [t for t in mapped if t.end > t.start]


def _delete(text: str, smap: SourceMap, spans: list[tuple[int, int]]) -> tuple[str, SourceMap]:
    """Remove the half-open `spans` from text and map alike."""
    if not spans:
        return text, smap
    merged = _merge(spans)
    keep: list[str] = []
    pos = 0
    for start, end in merged:
        if start > pos:
            keep.append(text[pos:start])
        pos = max(pos, end)
    keep.append(text[pos:])
    return "".join(keep), smap.without(merged)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        elif end > start:
            merged.append((start, end))
    return merged


# --- markdown markers ---------------------------------------------------------------------

_ESCAPE = re.compile(r"\\(?=[*_#\[\]()>+\-.!`\\])")
_ATX = re.compile(r"^[ \t]*(#{1,6})[ \t]+", re.M)
_BOLD = re.compile(r"\*\*")
_NUL = re.compile("\0+")
# single-star emphasis: opening star not after a word char, followed by non-space; closing star
# preceded by non-space and not followed by a word char; never across a line break (each branch opens with
# its star and looks behind it, as `(?<![\w*])\*` would, so the search skips ahead to the next star)
_ITALIC = re.compile(r"\*(?<![\w*]\*)(?=[^\s*])[^*\n]*?[^\s*]\*(?![\w*])|\*(?<![\w*]\*)(?=[^\s*])[^\s*]\*(?![\w*])")


def _markdown_spans(text: str) -> list[tuple[int, int]]:
    """Spans of markdown markers to delete; escaped characters are kept, their backslash is not.

    Works on slices and regexes only (no per-character lists: a 49 MB text stays a few copies)."""
    spans: list[tuple[int, int]] = [(m.start(), m.end()) for m in _ESCAPE.finditer(text)]
    # mask escaped characters (the backslash and the one after it) so `\*` never counts as emphasis
    masked_at = _merge([(start, start + 2) for start, _ in spans])
    masked_text = _blank(text, masked_at)
    for m in _ATX.finditer(masked_text) if "#" in masked_text else ():  # (most texts have none: no scan)
        spans.append((m.start(1), m.end()))
    bold = [(m.start(), m.end()) for m in _BOLD.finditer(masked_text)]
    spans.extend(bold)
    # italics are found on the text with bold markers and masked characters taken out, so
    # `***x**` leaves `* x`; positions map back through what was taken out
    gone = _merge(masked_at + bold + [(m.start(), m.end()) for m in (_NUL.finditer(text) if "\0" in text else ())])
    kept: list[str] = []
    starts: list[int] = []  # where each removed span starts in the shortened text
    removed: list[int] = []  # characters removed up to and including that span
    pos = total = 0
    for start, end in gone:
        kept.append(text[pos:start])
        total += end - start
        starts.append(start - (total - (end - start)))
        removed.append(total)
        pos = end
    kept.append(text[pos:])
    blanked_text = "".join(kept)

    def original(k: int) -> int:
        j = bisect_right(starts, k)
        return k + (removed[j - 1] if j else 0)

    for m in _ITALIC.finditer(blanked_text):
        first, last = original(m.start()), original(m.end() - 1)
        if text[first] == "*" and text[last] == "*":
            spans.append((first, first + 1))
            spans.append((last, last + 1))
    return spans


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the characters of the sorted, disjoint `spans` replaced by NUL."""
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for start, end in spans:
        out.append(text[pos:start])
        out.append("\0" * (end - start))
        pos = end
    out.append(text[pos:])
    return "".join(out)


# --- a report body repeated on a web page ----------------------------------------------------


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the newline."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


# A second copy is a run of identical lines that holds at least MIN_REPEATED_LINES long lines;
# long enough that a repeated sentence or heading never qualifies, short enough for PDF wraps.
MIN_REPEAT_LINE = 80
MIN_REPEATED_LINES = 3
_TABLE_CELL_BREAK = " | "  # how a table row's cells are joined on its line (llmx.read)


def _duplicate_body_spans(text: str) -> tuple[list[tuple[int, int]], Problem | None]:
    """Find a second copy of the report body (the same run of long lines again) and mark it for
    removal. Blank lines are ignored when comparing, so page breaks that fall differently in the
    two copies (PDF) do not hide the repeat; table rows do not count as long lines, since two
    copies of one report form (a district's and the province's) share their rows by design."""
    lines = line_spans(text)
    content = [text[s:e].strip() for s, e in lines]
    idx = [k for k, line in enumerate(content) if line]  # non-blank lines, compared in order
    seen: dict[str, int] = {}
    for pos, k in enumerate(idx):
        if len(content[k]) < MIN_REPEAT_LINE or _TABLE_CELL_BREAK in content[k]:
            continue  # table rows repeat by design (one report form filled in twice): not a copy of the body
        key = content[k]  # the line itself: no copy, and exact
        if key not in seen:
            seen[key] = pos
            continue
        found = _expand_repeat(content, idx, seen[key], pos)
        if found is None:
            continue
        start_pos, end_pos, first_end, copied = found
        start_line, end_line = idx[start_pos], idx[end_pos]
        # the short lines between the two copies (a second page title, "Đăng lúc: ...") go too
        while start_pos - 1 > first_end and len(content[idx[start_pos - 1]]) < MIN_REPEAT_LINE:
            start_pos -= 1
        start_line = idx[start_pos]
        start = lines[start_line][0]
        end = lines[end_line][1] + 1 if end_line + 1 < len(lines) else len(text)
        problem = Problem(
            stage="normalize",
            message=(
                f"web page repeats the report body ({copied} long lines again from line "
                f"{start_line + 1} to {end_line + 1}); kept only the first copy"
            ),
        )
        return [(start, end)], problem
    return [], None


def _expand_repeat(content: list[str], idx: list[int], first: int, second: int) -> tuple[int, int, int, int] | None:
    """Grow a repeated line (positions in `idx`) into the longest run of agreeing lines:
    (second copy start, second copy end, first copy end, long lines in it), or None if too short."""
    a, b = first, second
    while a > 0 and b - 1 > first and content[idx[a - 1]] == content[idx[b - 1]]:
        a, b = a - 1, b - 1
    start = b
    a, b = first, second
    while b + 1 < len(idx) and a + 1 < second and content[idx[a + 1]] == content[idx[b + 1]]:
        a, b = a + 1, b + 1
    copied = sum(
        1
        for p in range(start, b + 1)
        if len(content[idx[p]]) >= MIN_REPEAT_LINE and _TABLE_CELL_BREAK not in content[idx[p]]
    )
    return (start, b, a, copied) if copied >= MIN_REPEATED_LINES else None


# --- web-page chrome --------------------------------------------------------------------------

_COUNTER_LABEL = re.compile(
    r"^(?:truy cập|lượt truy cập|đang truy cập|đang online|online|hôm nay|hôm qua|tuần này|tuần trước|"
    r"tháng này|tháng trước|năm nay|tất cả|tổng truy cập|tổng lượt truy cập|thống kê truy cập|"
    r"lượt xem|số lượt xem)\s*:?\s*[\d.,]*$",
    re.I,
)
_BARE_NUMBER = re.compile(r"^[\d.,]+$")
_WIDGET = re.compile(
    r"^(?:\d+\s+bình luận|\(?bấm vào đây để nhận mã\)?|(?:gửi|viết) bình luận.*|ý kiến bạn đọc.*|"
    r"bình luận|mã xác nhận.*|đăng lúc\s*:.*|in bài viết|in trang|gửi email|chia sẻ|"
    r"(?:các )?tin (?:liên quan|khác|cùng chuyên mục|mới)|bài viết liên quan|"
    r"công khai thủ tục hành chính|địa chỉ tiếp nhận phản ánh.*|(?:bản quyền|copyright|©).*|"
    r"cơ quan chủ quản.*|chịu trách nhiệm.*|"
    r"trang chủ|giới thiệu|tin tức|liên hệ|sơ đồ (?:cổng|trang|site)|hỏi đáp|đăng nhập|tìm kiếm)$",
    re.I,
)
# lines no report ever contains, dropped wherever they stand: reader-page banners of document
# sites, skip links, view counters
_SITE_LINE = re.compile(
    r"^(?:skip to (?:main )?content|bỏ qua (?:phần )?nội dung chính|chuyển đến nội dung chính|"
    r"bạn đang xem bản rút gọn của tài liệu\..*|tải bản đầy đủ \(\.\w+\).*|"
    r"(?:lượt xem|số lượt xem|lượt đọc)\s*:\s*[\d.,]+|"
    # a breadcrumb (`Trang chủ > Tin tức > Kinh tế`, `Trang chủ | Tin tức`) and a portal's footer line
    r"trang chủ\s*[|>»›/].*|tin tức\s*[-–|]\s*sự kiện|"
    r"(?:cổng|trang) thông tin điện tử\b.*(?:địa chỉ|điện thoại)\s*:.*)$",
    re.I,
)
# a portal's document card above the report: `Số kí hiệu ...`, `Ngày ban hành ...`, `Người ký ...`
_CARD_FIELD = re.compile(
    r"^(?:số k[íý] hiệu|ngày ban hành|ngày (?:bắt đầu|có|hết) hiệu lực|thể loại|loại văn bản|lĩnh vực|"
    r"cơ quan ban hành|người k[íý]|trích yếu|tình trạng(?: hiệu lực)?)(?:\s*:)?\s+\S",
    re.I,
)
_CARD_END = re.compile(r"^(?:nội dung(?: văn bản)?|tệp đính kèm|file đính kèm|tải về)\s*:?$", re.I)
MIN_CARD_FIELDS = 3  # one labelled line alone may be report text; a card has several
# a photo caption (`Ảnh: toàn cảnh phiên họp`) or a caption ending with its credit (`... Ảnh: Kim Thoa`)
_CAPTION = re.compile(r"^(?:\(?(?:ảnh|hình ảnh)\s*:\s*.{1,150}|.{1,200}[.!?]\s+\(?ảnh\s*:\s*[^.;:]{1,40}\)?\.?)$", re.I)
# a post timestamp line `14-08-2018 - 15:38` and the collector's `date 2023-06` stamp before the first line
_TIMESTAMP = re.compile(r"^\d{1,2}-\d{1,2}-\d{4}\s*-?\s*\d{1,2}:\d{2}(?::\d{2})?$")
_STAMP = re.compile(r"\A\s*date \d{4}-\d{2}(?:-\d{2})?[ \t]+(?=\S)")
# a byline closing a news item: a short name (`Kim Thoa`, `ĐÔNG HIẾU`, `CTV Phương Liên`) after a paragraph
_BYLINE_MARK = re.compile(r"^(?:CTV|PV|BTV|Tin|Bài|Tin, ảnh|Bài, ảnh|Nguồn)\b")
_BYLINE = re.compile(
    rf"^(?:(?:CTV|PV|BTV|Tin|Bài|Tin, ảnh|Bài, ảnh|Nguồn)\s*:?\s*)?{UPPER}\w*(?:\s+{UPPER}\w*){{1,4}}$"
)
MIN_PARAGRAPH_BEFORE_BYLINE = 100
# a credit that says what it is (`Nguồn: Văn phòng Đảng ủy xã`, `Tin, ảnh: Hà Phương`), also after a list item
_CREDIT = re.compile(r"^(?:Nguồn|Tin, ảnh|Tin và ảnh|Bài, ảnh|Bài và ảnh)\s*:\s*\S.{0,60}$")
_CONTACT = re.compile(r"^(?:địa chỉ|sđt|số điện thoại|điện thoại|email|e-mail|fax|website|hotline)\s*:", re.I)
_REPORT_START = re.compile(
    r"^(?:BÁO CÁO\b|ĐẢNG BỘ|ĐẢNG ỦY|UBND|ỦY BAN|UỶ BAN|HUYỆN ỦY|CỘNG HÒA|CỘNG HOÀ|HĐND|HỘI ĐỒNG)"
)
_REPORT_END = re.compile(r"(?:\./\.|^Nơi nhận\b)", re.M)


def _chrome_spans(text: str) -> list[tuple[int, int]]:
    """Lines of site chrome before the report starts and after it ends (never inside it)."""
    lines = line_spans(text)
    stripped = [text[s:e].strip() for s, e in lines]
    start_idx = next((k for k, t in enumerate(stripped) if _REPORT_START.match(t)), 0)
    ends = list(_REPORT_END.finditer(text))
    end_pos = ends[-1].end() if ends else len(text)
    spans: list[tuple[int, int]] = []

    def drop(k: int) -> None:
        s, e = lines[k]
        spans.append((s, min(e + 1, len(text))))

    for k, t in enumerate(stripped):
        if _SITE_LINE.match(t) or _CAPTION.match(t) or _TIMESTAMP.match(t):
            drop(k)
    if stamp := _STAMP.match(text):
        spans.append((0, stamp.end()))
    spans.extend(_page_card(lines, stripped, start_idx))
    spans.extend(_byline(lines, stripped, len(text)))
    after_label = False
    for k in range(start_idx):
        t = stripped[k]
        if _COUNTER_LABEL.match(t) or _WIDGET.match(t):
            drop(k)
            after_label = bool(_COUNTER_LABEL.match(t))
        elif after_label and _BARE_NUMBER.match(t):
            drop(k)
            after_label = False
        elif t:
            after_label = False
    tail = [k for k, (s, _) in enumerate(lines) if s >= end_pos]
    first_chrome = next((k for k in tail if _WIDGET.match(stripped[k]) or _CONTACT.match(stripped[k])), None)
    if first_chrome is not None:
        rest = [stripped[k] for k in tail if k >= first_chrome]
        if all(len(t) < 200 for t in rest):
            for k in tail:
                if k >= first_chrome:
                    drop(k)
        else:
            for k in tail:
                if _WIDGET.match(stripped[k]) or _CONTACT.match(stripped[k]):
                    drop(k)
    return spans


def _page_card(lines: list[tuple[int, int]], stripped: list[str], start_idx: int) -> list[tuple[int, int]]:
    """A portal's document card above the report (several `Số kí hiệu`/`Người ký`... lines and the
    `Nội dung` line after them), and a page headline printed twice in a row above it."""
    spans: list[tuple[int, int]] = []
    fields = [k for k in range(start_idx) if _CARD_FIELD.match(stripped[k])]
    if len(fields) >= MIN_CARD_FIELDS:
        last = fields[-1]
        after = next((k for k in range(last + 1, start_idx) if stripped[k]), None)
        if after is not None and _CARD_END.match(stripped[after]):
            last = after
        spans.append((lines[fields[0]][0], lines[last][1] + 1))
    previous = ""
    for k in range(start_idx):
        if stripped[k] and stripped[k] == previous:
            spans.append((lines[k][0], lines[k][1] + 1))
        previous = stripped[k] or previous
    return spans


def _byline(lines: list[tuple[int, int]], stripped: list[str], size: int) -> list[tuple[int, int]]:
    """The last line when it is a reporter's name after a paragraph (a signer follows a title line)."""
    filled = [k for k, t in enumerate(stripped) if t]
    if len(filled) < 2:
        return []
    last, before = filled[-1], filled[-2]
    if _CREDIT.match(stripped[last]):
        return [(lines[last][0], min(lines[last][1] + 1, size))]
    if len(stripped[last]) > 40 or not _BYLINE.match(stripped[last]):
        return []
    if len(stripped[before]) < MIN_PARAGRAPH_BEFORE_BYLINE:
        return []  # after a title line (CHỦ TỊCH) a name is the signer's
    if stripped[before].endswith("./.") and not _BYLINE_MARK.match(stripped[last]):
        return []  # ... and after the closing formula too, unless it says it is a byline (`CTV ...`)
    return [(lines[last][0], min(lines[last][1] + 1, size))]
