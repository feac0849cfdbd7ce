"""Build .docx/.pdf/.html twins of a plain-text report so tests run every format on real reports.

Test inputs are generated, never committed as binaries. One paragraph per non-empty line. In
the .docx, heading numbers (`A.`, `I.`, `1.`, `2.1.`, `2.1.3.`) become real Word automatic
numbering (the number is removed from the paragraph text and lives in numbering.xml), so a
round trip through `llmx.read` proves the numbers are rendered back. `rules_text_document` writes
a text report and reads it back through the whole rules pipeline (reader included).
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path
from typing import Any

import pytest

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",  # Debian/Ubuntu: fonts-dejavu-core
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",  # Fedora
    "/usr/share/fonts/TTF/DejaVuSans.ttf",  # Arch
    "/usr/local/share/fonts/DejaVuSans.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/arial.ttf",
)
NUM_ID = "90"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# level: (numFmt, lvlText); levels 3-4 restate the decimal parent like Vietnamese reports do
_LEVELS = [
    ("upperLetter", "%1."),
    ("upperRoman", "%2."),
    ("decimal", "%3."),
    ("decimal", "%3.%4."),
    ("decimal", "%3.%4.%5."),
]
_HEADING = re.compile(r"^(?P<num>[A-Z]+|\d+(?:\.\d+){0,2})\. (?=\S)(?P<rest>.*)$")
_ROMAN = re.compile(r"^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")


def unicode_font() -> str | None:
    """Path of a TTF font with Vietnamese glyphs, or None."""
    return next((f for f in FONT_CANDIDATES if Path(f).is_file()), None)


def _lines(text: str) -> list[str]:
    return [line.rstrip("\r") for line in text.split("\n") if line.strip()]


def _numbering_xml() -> str:
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{lvl_text}"/><w:suff w:val="space"/></w:lvl>'
        for i, (fmt, lvl_text) in enumerate(_LEVELS)
    )
    return (
        f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="{NUM_ID}">'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
    )


def _label(level: int, counters: dict[int, int]) -> str:
    """The label Word shows for `level` given the counters (what the reader must render)."""
    from llmx.read.numbering import format_number

    text = _LEVELS[level][1]
    for k in range(len(_LEVELS)):
        text = text.replace(f"%{k + 1}", format_number(counters.get(k, 1), _LEVELS[k][0]))
    return text


def _heading_level(num: str, counters: dict[int, int]) -> list[int]:
    """Levels a literal heading number could be, most likely first (`I` is a Roman or a letter)."""
    if num[0].isdigit():
        return [2 + num.count(".")]
    options = []
    if _ROMAN.match(num):
        options.append(1)
    if len(num) == 1:
        options.insert(0 if counters.get(0, 0) + 1 == ord(num) - ord("A") + 1 else len(options), 0)
    return options


def make_docx(text: str, path: str | Path) -> Path:
    """Write `text` as a .docx; numbered heading lines become auto-numbered paragraphs."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{_W}}}num")
    abstract = parse_xml(_numbering_xml())
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num xmlns:w="{_W}" w:numId="{NUM_ID}"><w:abstractNumId w:val="{NUM_ID}"/></w:num>'))
    counters: dict[int, int] = {}
    for line in _lines(text):
        m = _HEADING.match(line)
        level = None
        if m:
            for candidate in _heading_level(m["num"], counters):
                trial = {k: v for k, v in counters.items() if k <= candidate}
                trial[candidate] = counters.get(candidate, 0) + 1
                if _label(candidate, trial) == m["num"] + ".":
                    level, counters = candidate, trial
                    break
        if level is None:
            document.add_paragraph(line)
            continue
        paragraph = document.add_paragraph(m["rest"])
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="{level}"/><w:numId w:val="{NUM_ID}"/></w:numPr>')
        )
    out = Path(path)
    document.save(str(out))
    return out


def _font_or_skip() -> str:
    """The Unicode TTF font, or the test is skipped (a PDF without Vietnamese glyphs proves nothing)."""
    font = unicode_font()
    if font is None:
        pytest.skip("no Unicode TTF font found (Debian: apt-get install fonts-dejavu-core)")
    return font


def fpdf_document(size: float | None = 12, *, page_break: bool = True, page: bool = False) -> Any:
    """An fpdf2 document with the Unicode font as `Body` (set at `size` unless None), for tests that draw
    their own layout; `page_break=False` keeps a drawn block on one page, `page=True` adds the first page."""
    font = _font_or_skip()
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("Body", fname=font)
    if size is not None:
        pdf.set_font("Body", size=size)
    if not page_break:
        pdf.set_auto_page_break(False)
    if page:
        pdf.add_page()
    return pdf


def make_pdf(text: str, path: str | Path) -> Path:
    """Write `text` as a PDF with a real text layer; skips the test when no Unicode font exists."""
    font = _font_or_skip()
    out = Path(path)
    out.write_bytes(_pdf_bytes(text, font))
    return out


@functools.cache
def _pdf_bytes(text: str, font: str) -> bytes:
    """The PDF of `text`, laid out once per test session (fpdf2 takes most of a second a report)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("Body", fname=font)
    pdf.set_font("Body", size=11)
    pdf.add_page()
    for line in _lines(text):
        pdf.multi_cell(0, 6, line.replace("\t", " "), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    return bytes(pdf.output())


def make_html(text: str, path: str | Path, chrome: bool = True) -> Path:
    """Write `text` as a web page, by default wrapped in menus, scripts, sidebar and footer."""
    body = "\n".join(f"<p>{html.escape(line, quote=False)}</p>" for line in _lines(text))
    if chrome:
        body = (
            '<header><div class="logo">Cổng thông tin điện tử</div>'
            '<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin">Tin tức</a></li></ul></nav>'
            "</header>\n<script>var counter = '<p>Truy cập 158881</p>';</script>\n"
            f'<main><article class="news-content">\n{body}\n</article></main>\n'
            "<aside><h3>Tin mới</h3><ul><li>Hội nghị sơ kết</li></ul></aside>\n"
            "<!-- thống kê truy cập -->\n"
            "<form><input name='q'><button>Tìm kiếm</button></form>\n"
            "<footer>Địa chỉ: thôn Đông, xã Xuân Phú. Điện thoại: 0211 3888 888</footer>"
        )
    page = (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Báo cáo</title>'
        "<style>p { margin: 0 }</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )
    out = Path(path)
    out.write_text(page, encoding="utf-8")
    return out


def hand_pdf(content: bytes, fonts: list[bytes]) -> bytes:
    """A one-page PDF written by hand: `content` is its page's content stream, `fonts` the font
    dictionaries it names /F1, /F2, ... (a generator would choose glyph placement itself)."""
    names = b" ".join(b"/F%d %d 0 R" % (k, k + 4) for k in range(1, len(fonts) + 1))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << " + names + b" >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        *fonts,
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def rules_text_document(directory: Path, text: str, name: str = "report.txt") -> Any:
    """The rules backend's ReportDocument of `text` saved as a file: end to end, as `llmx extract` reads it."""
    from llmx.config import Settings
    from llmx.pipeline import extract_document

    path = directory / name
    path.write_text(text, encoding="utf-8")
    return extract_document(path, Settings(backend="rules"))
