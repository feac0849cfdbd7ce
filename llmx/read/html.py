"""HTML to plain text that keeps the report's layout: paragraphs, list items, headings, table rows.

Site chrome is dropped here when the markup says what it is: nav, header, footer, aside, forms,
scripts; portal widgets by class or id (breadcrumbs, share bars, view counters, comment boxes,
"related news" boxes); and by text: a breadcrumb trail (`Trang chủ > Tin tức > ...`), a view
counter (`Lượt xem: 1.234`), a share bar (`Chia sẻ Facebook Zalo`), and a `Tin liên quan` /
`Tin khác` / `Bài viết khác` heading with the list of headlines after it. Chrome written as
ordinary paragraphs (visit counters, contact lines) is left for `llmx.normalize`. The article
title (the page's `<h1>`, else `og:title`) is kept in the text and returned as the page title.
Malformed markup keeps all its text: paragraphs an unclosed `<table>` swallowed, text between
rows, and stray cells are read as blocks after (or before) the table. Data tables come out one
row per line (`llmx.read.model`); layout tables (a menu beside the article, the header and
signature blocks) as the blocks they hold. Whitespace collapses as a browser would, except
inside `<pre>`; NBSP is kept for the normalizer to replace.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

from llmx.read.model import CellSpec, Extracted, TableSpec, TextBuilder, cell_text, grid_rows
from llmx.read.numbering import format_number

_DROP = {
    "script", "style", "noscript", "nav", "header", "footer", "form", "aside", "iframe", "template",
    "head", "svg", "canvas", "button", "select", "object", "embed", "audio", "video", "map",
}  # fmt: skip
_BLOCK = {
    "p", "div", "section", "article", "main", "blockquote", "pre", "dl", "dt", "dd", "figure",
    "figcaption", "address", "center", "details", "summary", "fieldset", "legend", "caption",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "body", "html", "hgroup", "menu",
    "tr", "td", "th", "thead", "tbody", "tfoot",  # stray table parts outside a table
}  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_PARA = "\x00P"  # paragraph break marker (blank line)
_LINE = "\x00L"  # line break marker
_LAYOUT_CELL_CHARS = 300
_CHROME_CLASS = re.compile(
    r"breadcrumb|share|sharing|social|addthis|related|lienquan|tinkhac|othernews|comment|binhluan|"
    r"rating|viewcount|luotxem|hitcount|toolbar|logo"
)
_CHROME_MAX_CHARS = 3000  # a widget is short; a container this long is content whatever its class
_RELATED = re.compile(
    r"(?:các\s+)?(?:tin|bài|bài viết|tin tức|tin bài|văn bản)\s+(?:liên quan|khác|cùng chuyên mục|cùng lĩnh vực|"
    r"cùng loại|mới|mới nhất|mới hơn|cũ hơn|đã đưa|xem nhiều|nổi bật|đọc nhiều)\s*:?",
    re.I,
)
_COUNTER = re.compile(
    r"(?:lượt xem|số lượt xem|lượt đọc|lượt truy cập|đã xem|views?)\s*:?\s*[\d.,]+|[\d.,]+\s+lượt xem", re.I
)
_BREADCRUMB = re.compile(r"(?:trang chủ|home)\s*(?:[>»›/|→]|\s-\s)", re.I)
_SHARE_WORD = re.compile(
    r"chia sẻ|facebook|zalo|twitter|tweet|linkedin|email|e-mail|gửi email|in bài|in trang|bản in|print|"
    r"lưu bài|like|share|thích|cỡ chữ|a\+|a-|[|:/]",
    re.I,
)
# `\s+` between words: an exported page wraps its source lines anywhere (`<b>CỘNG\n\t\tHÒA XÃ HỘI`)
_LAYOUT_WORDS = re.compile(
    r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI|Độc\s+lập\s*[-–]\s*Tự\s+do|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|Nơi\s+nhận|"
    r"Kính\s+gửi|^(?:T/?M|KT|TL|TUQ)\.?\s|CHỦ\s+TỊCH|BÍ\s+THƯ",
    re.M,
)
_SPACES = re.compile(r"[ \t\n\r\f]+")
_WRAP_AFTER_FLOAT = re.compile(r"[ \t]*[\r\n][ \t\r\n]*\w")
# in-page links to and from notes: Word `#_ftn1`/`#_ftnref1`/`#_edn1`, LibreOffice `#sdfootnote1sym`/`anc`,
# pandoc `#fn1`/`#fnref1`, wikis `#cite_note-1`
_NOTE_LINK = re.compile(r"#(?:_?ftn|_?edn|sdfootnote|sdendnote|fn|cite_note|footnote|endnote|note)", re.I)

Piece = str | TableSpec


def html_to_text(html: str, path: str) -> Extracted:
    """Visible text of `html`, one block per paragraph, data tables one row per line."""
    soup = BeautifulSoup(html, "lxml")
    title = _title(soup)
    out: list[Piece] = []
    _walk(soup, out, pre=False)
    builder = _assemble(out)
    return Extracted(builder.text(), builder.tables, [], title)


def _text(el: Tag) -> str:
    return _SPACES.sub(" ", el.get_text(" ")).strip()


def _short_text(el: Tag, limit: int) -> str | None:
    """The element's text when it is at most `limit` characters, else None (without reading it all)."""
    parts: list[str] = []
    size = 0
    for s in el.strings:
        if isinstance(s, Comment):
            continue
        parts.append(s)
        size += len(s)
        if size > limit * 3:
            return None
    text = _SPACES.sub(" ", " ".join(parts)).strip()
    return text if len(text) <= limit else None


def _title(soup: BeautifulSoup) -> str | None:
    """The article title: the first visible `<h1>` that is not a logo, else `og:title`."""
    for h1 in soup.find_all("h1"):
        if any(isinstance(a, Tag) and (_hidden(a) or _chrome(a)) for a in [h1, *h1.parents]):
            continue
        if "logo" in " ".join(h1.get("class") or []).lower():
            continue
        text = _text(h1)
        if len(text) >= 8:
            return text
    meta = soup.find("meta", attrs={"property": "og:title"})
    content = meta.get("content") if isinstance(meta, Tag) else None
    return _SPACES.sub(" ", str(content)).strip() or None if content else None


def _hidden(el: Tag) -> bool:
    return (
        el.name in _DROP
        or el.has_attr("hidden")
        or el.get("aria-hidden") == "true"
        or bool(_HIDDEN_STYLE.search(str(el.get("style", ""))))
    )


def _chrome(el: Tag) -> bool:
    """Portal widgets: by class/id (short elements only), or by what their whole text says."""
    if el.name in ("html", "body", "main", "article"):
        return False
    marks = " ".join([*(el.get("class") or []), str(el.get("id") or ""), str(el.get("aria-label") or "")])
    marks = marks.lower().replace("-", "").replace("_", "")
    if marks.strip() and _CHROME_CLASS.search(marks) and _short_text(el, _CHROME_MAX_CHARS) is not None:
        return True
    if el.name not in _BLOCK and el.name not in ("span", "a", "li", "strong", "b"):
        return False
    text = _short_text(el, 200)
    if not text:
        return False
    if _COUNTER.fullmatch(text) or _BREADCRUMB.match(text):
        return True
    return not _SHARE_WORD.sub("", text).strip() and bool(re.search(r"chia sẻ|facebook|zalo|share", text, re.I))


def _related_heading(el: Tag) -> bool:
    text = _short_text(el, 40)
    return text is not None and _RELATED.fullmatch(text) is not None


def _link_list(el: Tag) -> bool:
    """A block that is mostly links (a list of headlines) or empty."""
    text = _text(el)
    if not text:
        return True
    linked = sum(len(_text(a)) for a in el.find_all("a"))
    return linked >= 0.6 * len(text)


def _walk(node: Tag, out: list[Piece], pre: bool) -> None:
    """Depth-first: text goes out as is, block boundaries as markers resolved by `_assemble`."""
    skip_links = False  # after a "Tin liên quan" heading: its list of headlines
    in_word = False  # just after a floating picture anchored inside a word
    for child in node.children:
        if isinstance(child, (Comment, Doctype, Declaration, ProcessingInstruction, CData)):
            continue
        if isinstance(child, NavigableString):
            text = str(child)
            if in_word and _WRAP_AFTER_FLOAT.match(text):
                text = text.lstrip()  # `S<img align=left>\nố:` is `Số:`
            out.append(text if pre else _SPACES.sub(" ", text))
            in_word = False
            continue
        in_word = _float_in_word(child, out)
        if not isinstance(child, Tag) or _hidden(child):
            continue
        if skip_links:
            if _link_list(child):
                continue
            skip_links = False
        if _related_heading(child):
            skip_links = True
            continue
        if _chrome(child):
            continue
        _element(child, out, pre)


def _float_in_word(el: object, out: list[Piece]) -> bool:
    """A floating picture (`<img align=left>`: a word processor's shape, the rule under the
    issuer's name) anchored right after a letter. The exporter wraps its source line after it,
    and that line break is not a space of the text: the shape sits out of the line."""
    if not (isinstance(el, Tag) and el.name == "img" and str(el.get("align", "")).lower() in ("left", "right")):
        return False
    last = next((p for p in reversed(out) if isinstance(p, str) and p), "")
    return last[-1:].isalpha()


def _element(child: Tag, out: list[Piece], pre: bool) -> None:
    name = child.name
    if name == "br":
        out.append(_LINE)
    elif name == "hr":
        out.append(_PARA)
    elif name == "table":
        _table(child, out)
    elif name == "a" and (mark := _note_mark(child)) is not None:
        out.append(mark)
    elif name in ("ul", "ol"):
        _list(child, out, pre)
    elif name == "li":  # stray li outside a list
        _item(child, "- ", out, pre)
    elif name in _BLOCK:
        out.append(_PARA)
        _walk(child, out, pre or name == "pre")
        out.append(_PARA)
    else:
        _walk(child, out, pre)


def _note_mark(a: Tag) -> str | None:
    """`[n]` for a footnote's mark or its note's back link (`<a href="#_ftn1">`, LibreOffice's
    `#sdfootnote1sym` with a bare `<sup>1</sup>`): the .docx reader writes notes so, and a bare
    digit would glue to the word before it (`06 văn bản1`)."""
    href = a.get("href")
    if not isinstance(href, str) or not _NOTE_LINK.match(href):
        return None
    number = a.get_text("", strip=True).strip("[]()")
    return f"[{number}]" if number.isdigit() and len(number) <= 3 else None


def _list(el: Tag, out: list[Piece], pre: bool) -> None:
    """`<ul>` items as `- item`; `<ol>` items with the number a browser would show (`1.`, `a.`)."""
    ordered = el.name == "ol"
    kind = str(el.get("type", "1"))
    n = _int(el.get("start"), 1)
    if ordered and el.has_attr("reversed"):
        n = _int(el.get("start"), len(el.find_all("li", recursive=False)))
    out.append(_PARA)
    for item in el.find_all("li", recursive=False):
        if _hidden(item) or _chrome(item):
            continue
        n = _int(item.get("value"), n)
        _item(item, f"{_ol_label(n, kind)} " if ordered else "- ", out, pre)
        n += -1 if el.has_attr("reversed") else 1
    out.append(_PARA)


def _item(li: Tag, label: str, out: list[Piece], pre: bool) -> None:
    """One list item on its own line(s): blocks inside it (`<li><p>`) stay glued to the label."""
    parts: list[Piece] = []
    _walk(li, parts, pre)
    parts = [_LINE if p == _PARA else p for p in parts]
    while parts and (parts[0] == _LINE or (isinstance(parts[0], str) and not parts[0].strip(" "))):
        parts.pop(0)
    out += [_LINE, label, *parts, _LINE]


def _ol_label(n: int, kind: str) -> str:
    fmt = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}.get(kind, "decimal")
    return format_number(n, fmt) + "."


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default


def _own(el: Tag, table: Tag) -> bool:
    return el.find_parent("table") is table


def _table(table: Tag, out: list[Piece]) -> None:
    """Data tables as one line per row (`a | b | c`); layout tables as the blocks they hold.

    Whatever the parser left inside the table but outside a cell (paragraphs after an unclosed
    table, text between rows) is read as blocks before or after the table, never dropped.
    """
    rows: list[list[Tag]] = []
    before: list[Tag | NavigableString] = []
    after: list[Tag | NavigableString] = []
    heads: set[int] = set()
    _collect(table, table, rows, before, after, heads)
    cells = [[td for td in tr if not _hidden(td)] for tr in rows]
    width = max((sum(_int(td.get("colspan"), 1) for td in r) for r in cells), default=0)
    layout = (
        table.find("table") is not None
        or len(rows) <= 1
        or width <= 1
        or (not _grid(cells) and any(_page_block(td) for r in cells for td in r))
        or (len(rows) <= 4 and width <= 3 and bool(_LAYOUT_WORDS.search(table.get_text("\n"))))
    )
    _stray(before, out)
    out.append(_PARA)
    if layout:
        for r in cells:
            for td in r:
                out.append(_PARA)
                _walk(td, out, pre=False)
                out.append(_PARA)
    else:
        out.append(_data_table(cells, heads))
    out.append(_PARA)
    _stray(after, out)


def _grid(cells: list[list[Tag]]) -> bool:
    """Rows of three or more cells, at least three of them: a table of data, however long its cells
    (a Word report's appendix of criteria and their evidence exported as HTML). A page laid out in
    a table has one such row at most (menu | article | sidebar), header and footer rows spanning it."""
    return sum(len(r) >= 3 for r in cells) >= 3


def _page_block(td: Tag) -> bool:
    """A cell holding a page's block (an article's text, its headings or lists), not a datum."""
    return (
        len(td.get_text(" ", strip=True)) > _LAYOUT_CELL_CHARS
        or td.find(["h1", "h2", "h3", "h4", "ul", "ol"]) is not None
    )


def _collect(
    el: Tag,
    table: Tag,
    rows: list[list[Tag]],
    before: list[Tag | NavigableString],
    after: list[Tag | NavigableString],
    heads: set[int],
) -> None:
    """Rows (lists of cells) of `table` in order, the indices of those in its `<thead>` (a Word
    table's repeated header rows are exported there, with `<td>` cells), and the stray content."""
    for child in el.children:
        if isinstance(child, (Comment, Doctype, Declaration, ProcessingInstruction, CData)):
            continue
        stray = after if rows else before
        if isinstance(child, NavigableString):
            if str(child).strip():
                stray.append(child)
            continue
        if not isinstance(child, Tag) or _hidden(child):
            continue
        if child.name in ("thead", "tbody", "tfoot"):
            first = len(rows)
            _collect(child, table, rows, before, after, heads)
            if child.name == "thead":
                heads.update(range(first, len(rows)))
        elif child.name == "tr":
            row: list[Tag] = []
            for cell in child.children:
                if isinstance(cell, Tag) and cell.name in ("td", "th"):
                    row.append(cell)
                elif isinstance(cell, Tag) and not _hidden(cell):
                    after.append(cell)  # a <p> an unclosed row swallowed
                elif isinstance(cell, NavigableString) and not isinstance(cell, Comment) and cell.strip():
                    after.append(cell)
            rows.append(row)
        elif child.name in ("td", "th"):  # cells without a row
            rows.append([child])
        elif child.name not in ("colgroup", "col", "caption"):
            stray.append(child)
        elif child.name == "caption":
            before.append(child)


def _stray(nodes: list[Tag | NavigableString], out: list[Piece]) -> None:
    """Content found inside a table but outside its cells, as blocks of its own."""
    for node in nodes:
        out.append(_PARA)
        if isinstance(node, NavigableString):
            out.append(_SPACES.sub(" ", str(node)))
        elif not (_hidden(node) or _chrome(node)):
            _element(node, out, pre=False)
        out.append(_PARA)


def _data_table(cells: list[list[Tag]], heads: set[int]) -> TableSpec:
    """Cells placed on the grid (rowspans reserve their columns below), `<th>` and `<thead>` rows as headers."""
    taken: dict[tuple[int, int], bool] = {}
    specs: list[list[CellSpec]] = []
    for r, row in enumerate(cells):
        col = 0
        spec_row: list[CellSpec] = []
        for td in row:
            while taken.get((r, col)):
                col += 1
            colspan = max(1, min(_int(td.get("colspan"), 1), 1000))
            rowspan = max(1, min(_int(td.get("rowspan"), 1), len(cells) - r))
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken[(r + dr, col + dc)] = True
            spec_row.append(CellSpec(_cell(td), col, colspan, rowspan, header=td.name == "th"))
            col += colspan
        specs.append(spec_row)
    headers = frozenset(r for r, row in enumerate(cells) if row and (r in heads or all(td.name == "th" for td in row)))
    return TableSpec(grid_rows(specs), headers)


def _cell(td: Tag) -> str:
    parts: list[Piece] = []
    _walk(td, parts, pre=False)
    return cell_text(_SPACES.sub(" ", "".join(" " if p.startswith("\x00") else p for p in parts if isinstance(p, str))))


def _assemble(out: list[Piece]) -> TextBuilder:
    """Resolve break markers: runs collapse to the strongest; spaces at line edges are dropped."""
    lines: list[str | TableSpec] = []
    buf: list[str] = []
    pending = ""

    def flush() -> bool:
        nonlocal buf
        line = "".join(buf).strip(" ")
        buf = []
        if line:
            lines.append(line)
        return bool(line)

    for piece in out:
        if isinstance(piece, TableSpec):
            flush()
            lines.append("")
            lines.append(piece)
            pending = _PARA
            continue
        if piece in (_PARA, _LINE):
            if buf and "".join(buf).strip(" "):
                flush()
                pending = piece
            elif lines:
                pending = _PARA if _PARA in (pending, piece) else (pending or piece)
            continue
        if pending and lines:
            if pending == _PARA:
                lines.append("")
            pending = ""
        buf.append(piece)
    flush()
    return _build(lines)


def _build(lines: list[str | TableSpec]) -> TextBuilder:
    """Join lines with newlines, at most one blank line in a row, tables in their place."""
    flat: list[str | TableSpec] = []
    for line in lines:
        flat.extend(line.split("\n") if isinstance(line, str) else [line])
    builder = TextBuilder()
    blank = True  # at the start: no leading blank lines
    sep = ""
    for line in flat:
        if isinstance(line, TableSpec):
            size = builder.size
            builder.table(line, sep="\n\n" if builder.size else "")
            if builder.size != size:
                blank, sep = False, "\n"
            continue
        if not line:
            if not blank:
                sep = "\n\n"
                blank = True
            continue
        builder.paragraph(line, sep=sep if builder.size else "")
        blank, sep = False, "\n"
    return builder
