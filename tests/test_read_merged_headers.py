"""Tables whose header has merged cells, pasted as text with fewer cells on the upper header row,
read with the same structure the .docx reader gives the merged Word table (invented text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from llmx.grids import read_grid
from llmx.pipeline import prepare

WORD_PASTE = """II. KẾT QUẢ THỰC HIỆN CHỈ TIÊU Y TẾ

STT | Chỉ tiêu | Đơn vị tính | Kết quả thực hiện
 |  |  | Kế hoạch năm 2024 | Thực hiện 6 tháng | Tỷ lệ so KH (%)
1 | Số giường bệnh/vạn dân | giường | 32 | 31,5 | 98,4
2 | Tỷ lệ dân số tham gia bảo hiểm y tế | % | 93,5 | 91,8 | 98,2

Nhìn chung các chỉ tiêu đạt kế hoạch.
"""

TWO_GROUPS_AND_A_NOTE = """1. Giao thông

TT\tChỉ tiêu\tĐVT\tQuý III\tLũy kế 9 tháng\tGhi chú
\t\t\tThực hiện\tSo cùng kỳ (%)\tThực hiện\tSo cùng kỳ (%)\t
1\tVận chuyển hành khách\tnghìn lượt\t1.840\t106,5\t5.320\t104,8\t
2\tVận chuyển hàng hóa\tnghìn tấn\t2.115\t109,2\t6.048\t107,1\tVượt
"""


def _grid(tmp_path: Path, text: str) -> tuple[int, list[tuple[str, ...]], list[list[str]]]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    norm = prepare(path).norm
    (table,) = norm.tables
    grid = read_grid(norm.text, table)
    data = [[norm.text[c.start : c.end] for c in r.cells if not c.covered] for _, r in grid.data_rows()]
    return grid.header_rows, list(grid.columns), data


def test_a_pasted_group_header_spans_the_columns_under_it_and_single_cells_span_down(tmp_path: Path) -> None:
    header_rows, columns, data = _grid(tmp_path, WORD_PASTE)
    assert header_rows == 2
    assert columns == [
        ("STT",),
        ("Chỉ tiêu",),
        ("Đơn vị tính",),
        ("Kết quả thực hiện", "Kế hoạch năm 2024"),
        ("Kết quả thực hiện", "Thực hiện 6 tháng"),
        ("Kết quả thực hiện", "Tỷ lệ so KH (%)"),
    ]
    assert data[0] == ["1", "Số giường bệnh/vạn dân", "giường", "32", "31,5", "98,4"]


def test_a_pasted_merged_header_reads_as_the_word_table_reads(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("II. KẾT QUẢ THỰC HIỆN CHỈ TIÊU Y TẾ")
    t = d.add_table(rows=4, cols=6)
    for col, text in enumerate(["STT", "Chỉ tiêu", "Đơn vị tính"]):
        t.cell(0, col).merge(t.cell(1, col)).text = text
    t.cell(0, 3).merge(t.cell(0, 5)).text = "Kết quả thực hiện"
    body = [
        ["", "", "", "Kế hoạch năm 2024", "Thực hiện 6 tháng", "Tỷ lệ so KH (%)"],
        ["1", "Số giường bệnh/vạn dân", "giường", "32", "31,5", "98,4"],
        ["2", "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "93,5", "91,8", "98,2"],
    ]
    for r, row in enumerate(body, start=1):
        for col, text in enumerate(row):
            if text:
                t.cell(r, col).text = text
    d.add_paragraph("Nhìn chung các chỉ tiêu đạt kế hoạch.")
    d.save(tmp_path / "word.docx")
    word = prepare(tmp_path / "word.docx").norm
    pasted = tmp_path / "pasted.txt"
    pasted.write_text(WORD_PASTE, encoding="utf-8")
    text = prepare(pasted).norm
    assert text.text.strip() == word.text.strip()
    assert read_grid(text.text, text.tables[0]).columns == read_grid(word.text, word.tables[0]).columns


def test_tab_pasted_groups_share_the_filled_run_and_a_trailing_single_column_spans_down(tmp_path: Path) -> None:
    header_rows, columns, data = _grid(tmp_path, TWO_GROUPS_AND_A_NOTE)
    assert header_rows == 2
    assert columns[3:] == [
        ("Quý III", "Thực hiện"),
        ("Quý III", "So cùng kỳ (%)"),
        ("Lũy kế 9 tháng", "Thực hiện"),
        ("Lũy kế 9 tháng", "So cùng kỳ (%)"),
        ("Ghi chú",),
    ]
    assert data[1][-1] == "Vượt"


def test_an_excel_flattened_group_header_in_pasted_rows_is_given_its_span(tmp_path: Path) -> None:
    text = WORD_PASTE.replace("Kết quả thực hiện\n", "Kết quả thực hiện |  | \n")
    _, columns, _ = _grid(tmp_path, text)
    assert columns[4] == ("Kết quả thực hiện", "Thực hiện 6 tháng")


def test_a_short_prose_line_with_pipes_over_a_table_is_not_made_its_header(tmp_path: Path) -> None:
    text = "Nguồn: Cục Thống kê | Sở Y tế\n" + WORD_PASTE.split("\n\n", 1)[1].split("\n", 1)[1]
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    norm = prepare(path).norm
    assert norm.text.startswith("Nguồn: Cục Thống kê | Sở Y tế\n")


GRID = """3. Du lịch

+----+-------------------+--------+----------------------+
| TT | Chỉ tiêu          | ĐVT    | Năm 2025             |
|    |                   |        +----------+-----------+
|    |                   |        | Kế hoạch | Thực hiện |
+====+===================+========+==========+===========+
| 1  | Tổng lượt khách   | lượt   | 420.000  | 436.500   |
+----+-------------------+--------+----------+-----------+
| 2  | Tổng thu du lịch  | tỷ     | 1.150    | 1.212     |
|    |                   | đồng   |          |           |
+----+-------------------+--------+----------+-----------+
"""


def test_a_pandoc_grid_table_with_merged_header_cells_is_read_with_its_spans(tmp_path: Path) -> None:
    header_rows, columns, data = _grid(tmp_path, GRID)
    assert header_rows == 2
    assert columns == [("TT",), ("Chỉ tiêu",), ("ĐVT",), ("Năm 2025", "Kế hoạch"), ("Năm 2025", "Thực hiện")]
    assert data == [
        ["1", "Tổng lượt khách", "lượt", "420.000", "436.500"],
        ["2", "Tổng thu du lịch", "tỷ đồng", "1.150", "1.212"],
    ]


def test_a_total_row_whose_label_spans_the_first_columns_stays_in_the_pasted_table(tmp_path: Path) -> None:
    text = WORD_PASTE.replace("\n\nNhìn chung", "\nCộng chung | 125,5 | 123,3 | 98,3\n\nNhìn chung")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    norm = prepare(path).norm
    (table,) = norm.tables
    last = table.rows[-1]
    assert [(norm.text[c.start : c.end], c.col, c.colspan) for c in last.cells] == [
        ("Cộng chung", 0, 3),
        ("125,5", 3, 1),
        ("123,3", 4, 1),
        ("98,3", 5, 1),
    ]


def test_a_short_line_of_words_after_a_pasted_table_is_not_taken_as_its_total_row(tmp_path: Path) -> None:
    text = WORD_PASTE.replace("\n\nNhìn chung", "\nNguồn | Sở Y tế\n\nNhìn chung")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    norm = prepare(path).norm
    assert len(norm.tables[0].rows) == 4


def test_an_excel_flattened_header_with_a_group_is_read_as_the_merged_header(tmp_path: Path) -> None:
    text = (
        "III. THU NGÂN SÁCH\n\n"
        "Biểu 03: Thu ngân sách trên địa bàn\t\t\t\t\t\n"
        "STT\tNội dung\tDự toán giao\tThực hiện 9 tháng\t\t\n"
        "\t\t\tSố tiền\tSo dự toán (%)\tSo cùng kỳ (%)\n"
        "1\tThu nội địa\t840.000\t655.200\t78,0\t106,4\n"
        "2\tThu tiền sử dụng đất\t210.000\t96.600\t46,0\t72,5\n"
    )
    header_rows, columns, data = _grid(tmp_path, text)
    assert header_rows >= 2  # the one-cell title line may stay a caption line over the table
    assert columns == [
        ("STT",),
        ("Nội dung",),
        ("Dự toán giao",),
        ("Thực hiện 9 tháng", "Số tiền"),
        ("Thực hiện 9 tháng", "So dự toán (%)"),
        ("Thực hiện 9 tháng", "So cùng kỳ (%)"),
    ]
    assert data[1] == ["2", "Thu tiền sử dụng đất", "210.000", "96.600", "46,0", "72,5"]


def test_a_pasted_flattened_three_row_header_keeps_its_title_row_and_group(tmp_path: Path) -> None:
    text = (
        "III. THU NGÂN SÁCH\n\n"
        "Biểu 03: Thu ngân sách trên địa bàn |  |  |  |  | \n"
        "STT | Nội dung | Dự toán giao | Thực hiện 9 tháng |  | \n"
        " |  |  | Số tiền | So dự toán (%) | So cùng kỳ (%)\n"
        "1 | Thu nội địa | 840.000 | 655.200 | 78,0 | 106,4\n"
        "2 | Thu tiền sử dụng đất | 210.000 | 96.600 | 46,0 | 72,5\n"
    )
    header_rows, columns, _ = _grid(tmp_path, text)
    assert header_rows == 3
    assert columns[2:4] == [("Dự toán giao",), ("Thực hiện 9 tháng", "Số tiền")]


def test_a_pasted_merged_header_set_apart_by_blank_lines_as_a_web_copy_sets_every_line_is_still_the_header(
    tmp_path: Path,
) -> None:
    spaced = WORD_PASTE.replace("\n1 |", "\n\n1 |").replace("\n |  |", "\n\n |  |").replace("\n2 |", "\n\n2 |")
    assert _grid(tmp_path, spaced) == _grid(tmp_path, WORD_PASTE)
