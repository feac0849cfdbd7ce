"""HTML to plain text that keeps the report's layout: paragraphs, list items, headings, table rows.

Site chrome that is marked up as such (nav, header, footer, aside, forms, scripts) is dropped
here; chrome written as ordinary paragraphs (visit counters, comment boxes) is left for
`llmx.normalize`, which recognises it by content. Whitespace collapses as a browser would,
except inside `<pre>`; NBSP is kept for the normalizer to replace.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

_DROP = {
    "script", "style", "noscript", "nav", "header", "footer", "form", "aside", "iframe", "template",
    "head", "svg", "canvas", "button", "select", "object", "embed", "audio", "video", "map",
}
_BLOCK = {
    "p", "div", "section", "article", "main", "blockquote", "pre", "dl", "dt", "dd", "figure",
    "figcaption", "address", "center", "details", "summary", "fieldset", "legend", "caption",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "body", "html", "hgroup", "menu",
}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_PARA = "\x00P"  # paragraph break marker (blank line)
_LINE = "\x00L"  # line break marker
_LAYOUT_CELL_CHARS = 300


def html_to_text(html: str, path: str) -> tuple[str, list[str]]:
    """Visible text of `html`, one block per paragraph; returns (text, problem messages)."""
    soup = BeautifulSoup(html, "lxml")
    out: list[str] = []
    _walk(soup, out, pre=False)
    return _assemble(out), []


def _hidden(el: Tag) -> bool:
    return (
        el.name in _DROP
        or el.has_attr("hidden")
        or el.get("aria-hidden") == "true"
        or bool(_HIDDEN_STYLE.search(str(el.get("style", ""))))
    )


def _walk(node: Tag, out: list[str], pre: bool) -> None:
    """Depth-first: text goes out as is, block boundaries as markers resolved by `_assemble`."""
    for child in node.children:
        if isinstance(child, (Comment, Doctype, Declaration, ProcessingInstruction, CData)):
            continue
        if isinstance(child, NavigableString):
            out.append(str(child) if pre else re.sub(r"[ \t\n\r\f]+", " ", str(child)))
            continue
        if not isinstance(child, Tag) or _hidden(child):
            continue
        name = child.name
        if name == "br":
            out.append(_LINE)
        elif name == "hr":
            out.append(_PARA)
        elif name == "table":
            _table(child, out)
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


def _list(el: Tag, out: list[str], pre: bool) -> None:
    """`<ul>` items as `- item`; `<ol>` items with the number a browser would show (`1.`, `a.`)."""
    ordered = el.name == "ol"
    kind = str(el.get("type", "1"))
    n = _int(el.get("start"), 1)
    if ordered and el.has_attr("reversed"):
        n = _int(el.get("start"), len(el.find_all("li", recursive=False)))
    out.append(_PARA)
    for item in el.find_all("li", recursive=False):
        if _hidden(item):
            continue
        n = _int(item.get("value"), n)
        _item(item, f"{_ol_label(n, kind)} " if ordered else "- ", out, pre)
        n += -1 if el.has_attr("reversed") else 1
    out.append(_PARA)


def _item(li: Tag, label: str, out: list[str], pre: bool) -> None:
    """One list item on its own line(s): blocks inside it (`<li><p>`) stay glued to the label."""
    parts: list[str] = []
    _walk(li, parts, pre)
    parts = [_LINE if p == _PARA else p for p in parts]
    while parts and (parts[0] == _LINE or not parts[0].strip(" ")):
        parts.pop(0)
    out += [_LINE, label, *parts, _LINE]


def _ol_label(n: int, kind: str) -> str:
    from llmx.read.docx import format_number

    fmt = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}.get(kind, "decimal")
    return format_number(n, fmt) + "."


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default


def _table(table: Tag, out: list[str]) -> None:
    """Data tables as one line per row (`a | b | c`); layout tables as the blocks they hold."""
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    layout = table.find("table") is not None or any(
        len(td.get_text(" ", strip=True)) > _LAYOUT_CELL_CHARS or td.find(["h1", "h2", "h3", "h4", "ul", "ol"])
        for tr in rows for td in tr.find_all(["td", "th"], recursive=False)
    )
    out.append(_PARA)
    for tr in rows:
        cells = [td for td in tr.find_all(["td", "th"], recursive=False) if not _hidden(td)]
        if layout:
            for td in cells:
                out.append(_PARA)
                _walk(td, out, pre=False)
                out.append(_PARA)
            continue
        texts = []
        for td in cells:
            parts: list[str] = []
            _walk(td, parts, pre=False)
            texts.append(re.sub(r"[ \t\n\r\f]+", " ", "".join(" " if p.startswith("\x00") else p for p in parts)).strip())
        if any(texts):
            out += [_LINE, " | ".join(texts), _LINE]
    out.append(_PARA)


def _assemble(out: list[str]) -> str:
    """Resolve break markers: runs collapse to the strongest; spaces at line edges are dropped."""
    lines: list[str] = []
    buf: list[str] = []
    pending = ""
    for piece in out:
        if piece in (_PARA, _LINE):
            if buf and "".join(buf).strip(" "):
                lines.append("".join(buf).strip(" "))
                buf = []
                pending = piece
            elif lines:
                pending = _PARA if _PARA in (pending, piece) else (pending or piece)
            continue
        if pending and lines:
            if pending == _PARA:
                lines.append("")
            pending = ""
        buf.append(piece)
    if buf and "".join(buf).strip(" "):
        lines.append("".join(buf).strip(" "))
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
