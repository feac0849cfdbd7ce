"""Pipe tables in .md and .txt files are read as real tables (llmx.read.pipe_tables), on invented text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmx.cli import app
from llmx.config import Settings
from llmx.normalize import normalize
from llmx.pipeline import extract_document
from llmx.read import read_bytes
from llmx.read.model import Table

ROWS = [
    ["Chỉ tiêu", "Đơn vị", "Thực hiện", "So với KH (%)"],
    ["Diện tích lúa", "ha", "1.250", "98,5"],
    ["Đàn bò", "con", "3.400", "101,2"],
]
TITLE = "BÁO CÁO\nKết quả sản xuất nông nghiệp 6 tháng đầu năm 2026\n\nI. KẾT QUẢ THỰC HIỆN\n\n"
LEAD = "Trong 6 tháng đầu năm, tình hình sản xuất trên địa bàn xã cơ bản ổn định."
TAIL = "Các chỉ tiêu khác cơ bản đạt kế hoạch đề ra."
GFM = "".join(f"| {' | '.join(row)} |\n" + ("|---|---|---|---|\n" if k == 0 else "") for k, row in enumerate(ROWS))
PASTED = "".join(" | ".join(row) + "\n" for row in ROWS)


def _cells(text: str, table: Table) -> list[list[str]]:
    return [[text[c.start : c.end] for c in row.cells] for row in table.rows]


def _figures(path: Path) -> list[tuple[str, float | None, str | None, list[tuple[str, float | None]]]]:
    doc = extract_document(path, Settings(backend="rules"))
    found = sorted(doc.indicators, key=lambda i: i.start)
    return [(i.name, i.value, i.unit, [(c.basis, c.pct) for c in i.comparisons]) for i in found]


def test_a_markdown_table_gives_the_indicators_the_same_docx_table_gives(tmp_path: Path) -> None:
    import docx

    md = tmp_path / "bao-cao.md"
    md.write_text(f"# BÁO CÁO\n\n## I. KẾT QUẢ THỰC HIỆN\n\n{LEAD}\n\n{GFM}\n{TAIL}\n", encoding="utf-8")
    word = docx.Document()
    word.add_paragraph("BÁO CÁO")
    word.add_paragraph("I. KẾT QUẢ THỰC HIỆN")
    word.add_paragraph(LEAD)
    grid = word.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            grid.cell(r, c).text = value
    word.add_paragraph(TAIL)
    word.save(tmp_path / "bao-cao.docx")

    from_md = _figures(md)
    assert from_md == [
        ("Diện tích lúa", 1250.0, "ha", [("plan", 98.5)]),
        ("Đàn bò", 3400.0, "con", [("plan", 101.2)]),
    ]
    assert from_md == _figures(tmp_path / "bao-cao.docx")


def test_a_github_table_drops_its_delimiter_marks_its_header_and_keeps_offsets() -> None:
    raw = read_bytes(f"{TITLE}{LEAD}\n{GFM}{TAIL}\n".encode(), "a.md")
    (table,) = raw.tables
    assert _cells(raw.text, table) == ROWS
    assert [r.header for r in table.rows] == [True, False, False]
    assert all(c.header for c in table.rows[0].cells) and not any(c.header for c in table.rows[1].cells)
    assert table.columns == 4
    assert "---" not in raw.text
    assert raw.text[table.start : table.end].split("\n")[1] == "Diện tích lúa | ha | 1.250 | 98,5"


def test_prose_around_a_table_keeps_its_wording() -> None:
    raw = read_bytes(f"{TITLE}{LEAD}\n{GFM}{TAIL}\n".encode(), "a.md")
    (table,) = raw.tables
    assert raw.text[: table.start] == f"{TITLE}{LEAD}\n\n"
    assert raw.text[table.end :] == f"\n\n{TAIL}\n"


def test_delimiter_rows_with_alignment_and_without_outer_pipes_are_read() -> None:
    text = (
        "Chỉ tiêu | ĐVT | Kế hoạch | Ước thực hiện\n:--- | :---: | ---: | ---\n"
        "Thu ngân sách | triệu đồng | 12.500 | 7.300,5\n"
    )
    raw = read_bytes(text.encode(), "b.md")
    (table,) = raw.tables
    assert _cells(raw.text, table) == [
        ["Chỉ tiêu", "ĐVT", "Kế hoạch", "Ước thực hiện"],
        ["Thu ngân sách", "triệu đồng", "12.500", "7.300,5"],
    ]


def test_an_escaped_pipe_stays_in_its_cell_and_short_rows_are_padded() -> None:
    text = "| Nội dung | Số lượng | Ghi chú |\n|---|---|---|\n| Hộ nghèo \\| cận nghèo | 45 | |\n| Nhà ở | 12 |\n"
    raw = read_bytes(text.encode(), "c.md")
    (table,) = raw.tables
    assert _cells(raw.text, table) == [
        ["Nội dung", "Số lượng", "Ghi chú"],
        ["Hộ nghèo | cận nghèo", "45", ""],
        ["Nhà ở", "12", ""],
    ]
    assert [len(r.cells) for r in table.rows] == [3, 3, 3]


def test_pasted_pipe_rows_in_a_text_file_become_a_table_with_indicators(tmp_path: Path) -> None:
    raw = read_bytes(f"{TITLE}{LEAD}\n{PASTED}{TAIL}\n".encode(), "d.txt")
    (table,) = raw.tables
    assert _cells(raw.text, table) == ROWS
    path = tmp_path / "d.txt"
    path.write_text(f"{TITLE}{LEAD}\n{PASTED}{TAIL}\n", encoding="utf-8")
    assert [(name, value, unit) for name, value, unit, _ in _figures(path)] == [
        ("Diện tích lúa", 1250.0, "ha"),
        ("Đàn bò", 3400.0, "con"),
    ]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("one-line.txt", f"{LEAD}\nDiện tích lúa | ha | 1.250 | 98,5\n{TAIL}\n"),
        ("menu.txt", "Trang chủ | Giới thiệu | Tin tức\nVăn bản | Liên hệ | Sơ đồ trang\n" + LEAD + "\n"),
        ("menu-line.md", "Trang chủ | Giới thiệu | Tin tức\n\n" + LEAD + "\n"),
        ("code.md", f"{LEAD}\n\n```\n| a | b |\n|---|---|\n| 1 | 2 |\nx | 3 | 4\ny | 5 | 6\n```\n\n{TAIL}\n"),
        ("prose.txt", f"{LEAD}\nTổng số hộ được hỗ trợ | 25 hộ, đạt kế hoạch năm.\nTổng số hộ khác | 12 hộ.\n"),
        ("ragged.txt", "Xã A | 12 | 5\nXã B | 7\n"),
    ],
)
def test_lines_that_are_not_tables_stay_text(name: str, text: str) -> None:
    raw = read_bytes(text.encode(), name)
    assert raw.tables == []
    assert raw.text == text


def test_bold_in_a_markdown_cell_is_unmarked_and_the_cell_offsets_still_hold() -> None:
    text = (
        "| Chỉ tiêu | Đơn vị | Thực hiện |\n|---|---|---|\n"
        "| **Tổng đàn gia súc** | con | **8.200** |\n| Đàn bò | con | 3.400 |\n"
    )
    raw = read_bytes(text.encode(), "e.md")
    norm = normalize(raw.text, raw.tables)
    (table,) = norm.tables
    assert _cells(norm.text, table)[1] == ["Tổng đàn gia súc", "con", "8.200"]
    assert "**" not in norm.text


def test_a_hard_wrapped_text_file_keeps_its_table_rows_apart() -> None:
    wrapped = (
        "Trong sáu tháng đầu năm, Ủy ban nhân dân xã đã tập trung chỉ đạo các\n"
        "ngành, đoàn thể triển khai thực hiện nhiệm vụ phát triển kinh tế xã hội\n"
        "trên địa bàn, kết quả đạt được trên các lĩnh vực cụ thể như\n"
        "sau, trong đó nông nghiệp tiếp tục giữ vai trò chủ lực trong cơ cấu\n"
        "kinh tế của địa phương với nhiều mô hình sản xuất có hiệu quả cao.\n"
        "Diện tích gieo trồng cây hàng năm trên địa bàn xã | ha | 1.250\n"
        "diện tích cây lâu năm chuyển đổi sang cây ăn quả | ha | 320\n"
    )
    raw = read_bytes(wrapped.encode(), "f.txt")
    assert "các ngành" in raw.text  # the prose was unwrapped
    (table,) = raw.tables
    assert [c[0] for c in _cells(raw.text, table)] == [
        "Diện tích gieo trồng cây hàng năm trên địa bàn xã",
        "diện tích cây lâu năm chuyển đổi sang cây ăn quả",
    ]


def test_sections_tables_and_review_commands_read_a_markdown_table(tmp_path: Path) -> None:
    md = tmp_path / "g.md"
    md.write_text(f"BÁO CÁO\n\nI. KẾT QUẢ THỰC HIỆN\n\n{LEAD}\n\n{GFM}\n{TAIL}\n", encoding="utf-8")
    runner = CliRunner()
    sections = runner.invoke(app, ["sections", str(md), "--json"])
    assert sections.exit_code == 0, sections.output
    out = tmp_path / "g.json"
    assert runner.invoke(app, ["extract", str(md), "-o", str(out)]).exit_code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert len(doc["tables"]) == 1 and len(doc["indicators"]) == 2
    tables = runner.invoke(app, ["tables", str(out), "--out", str(tmp_path / "t"), "-f", "csv"])
    assert tables.exit_code == 0, tables.output
    assert "Đàn bò" in (tmp_path / "t" / "indicators.csv").read_text(encoding="utf-8-sig")
    review = runner.invoke(app, ["review", str(out), "-o", str(tmp_path / "g.html")])
    assert review.exit_code == 0, review.output
    assert "tb1" in (tmp_path / "g.html").read_text(encoding="utf-8")


def test_the_llm_request_gets_a_markdown_table_as_rows_with_its_header_repeated() -> None:
    from llmx.llm.plan import plan_document
    from llmx.sections import split_sections

    header = "STT | Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện"
    body = "".join(
        f"| {k} | Chỉ tiêu số {k} về thu ngân sách xã | tỷ đồng | {k},5 | {k + 1},25 |\n" for k in range(1, 99)
    )
    text = f"BÁO CÁO\n\nI. KẾT QUẢ THỰC HIỆN\n\n| {header} |\n|---|---|---|---|---|\n{body}\nTrên đây là báo cáo./.\n"
    raw = read_bytes(text.encode(), "h.md")
    norm = normalize(raw.text, raw.tables)
    layout = split_sections(norm.text, norm.tables)
    settings = Settings(backend="llm", model="fake", max_section_tokens=400)
    plan = plan_document(norm.text, layout, settings, pack_tokens=400)
    contexts = [r.context["section_text"] for r in plan.requests_by_job]
    assert len(contexts) > 3
    assert all(c.startswith(header + "\n") for c in contexts if "Chỉ tiêu số 1 " not in c and "| tỷ đồng |" in c)
    assert any("7 | Chỉ tiêu số 7 về thu ngân sách xã | tỷ đồng | 7,5 | 8,25" in c for c in contexts)


def test_pasted_rows_ending_in_an_empty_cell_keep_their_width() -> None:
    text = (
        "STT | Chỉ tiêu | Đơn vị tính | Thực hiện | So cùng kỳ (%)\n"
        "I | Văn hóa - xã hội |  |  | \n"
        "1 | Tỷ lệ hộ gia đình văn hóa | % | 92,5 | 101,3\n"
    )
    raw = read_bytes(text.encode(), "i.txt")
    (table,) = raw.tables
    assert [len(r.cells) for r in table.rows] == [5, 5, 5]
    assert _cells(raw.text, table)[1] == ["I", "Văn hóa - xã hội", "", "", ""]


def test_a_flattened_two_level_markdown_header_is_read_like_the_merged_word_header(tmp_path: Path) -> None:
    import docx

    rows = [
        ["STT", "Chỉ tiêu", "ĐVT", "Năm 2026", "", ""],
        ["", "", "", "Kế hoạch", "Thực hiện 9 tháng", "% KH"],
        ["1", "Thu nhập bình quân đầu người", "triệu đồng", "62", "47,5", "76,6"],
        ["2", "Tỷ lệ hộ nghèo", "%", "2,1", "2,4", "87,5"],
    ]
    grid = "".join(f"| {' | '.join(r)} |\n" + ("|---" * 6 + "|\n" if k == 0 else "") for k, r in enumerate(rows))
    lead = "BÁO CÁO\n\nI. CÁC CHỈ TIÊU CHỦ YẾU\n\n"
    md = tmp_path / "j.md"
    md.write_text(f"{lead}{grid}\n{TAIL}\n", encoding="utf-8")
    word = docx.Document()
    word.add_paragraph("BÁO CÁO")
    word.add_paragraph("I. CÁC CHỈ TIÊU CHỦ YẾU")
    table = word.add_table(rows=4, cols=6)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    table.cell(0, 3).merge(table.cell(0, 5))
    for c in range(3):
        table.cell(0, c).merge(table.cell(1, c))
    word.add_paragraph(TAIL)
    word.save(tmp_path / "j.docx")

    raw = read_bytes(md.read_bytes(), "j.md")
    (read,) = raw.tables
    assert [r.header for r in read.rows] == [True, True, False, False]
    assert [(c.col, c.colspan, c.rowspan) for c in read.rows[0].cells] == [(0, 1, 2), (1, 1, 2), (2, 1, 2), (3, 3, 1)]
    assert [c.covered for c in read.rows[1].cells] == [True, True, True, False, False, False]
    from_md = _figures(md)
    assert from_md == [
        ("Thu nhập bình quân đầu người", 47.5, "triệu đồng", [("plan", 76.6)]),
        ("Tỷ lệ hộ nghèo", 2.4, "%", [("plan", 87.5)]),
    ]
    assert from_md == _figures(tmp_path / "j.docx")


def test_a_pasted_table_whose_rows_are_set_apart_by_blank_lines_is_one_table() -> None:
    """A web copy puts a blank line after every paragraph, table rows included: one blank line
    between rows of the same width does not end the table."""
    text = (
        "Kết quả thực hiện các chỉ tiêu chủ yếu như sau:\n\n"
        "Chỉ tiêu | Đơn vị | Kế hoạch | Thực hiện\n\n"
        "Tổng diện tích gieo trồng | ha | 2.400 | 2.455\n\n"
        "Sản lượng lương thực | tấn | 13.000 | 13.420\n\n"
        "Tỷ lệ hộ nghèo | % | 2,5 | 2,1\n\n"
        "Các chỉ tiêu còn lại đạt kế hoạch.\n"
    )
    raw = read_bytes(text.encode(), "g.txt")
    (table,) = raw.tables
    assert [c[0] for c in _cells(raw.text, table)] == [
        "Chỉ tiêu",
        "Tổng diện tích gieo trồng",
        "Sản lượng lương thực",
        "Tỷ lệ hộ nghèo",
    ]
    assert raw.text.endswith("Các chỉ tiêu còn lại đạt kế hoạch.\n")
