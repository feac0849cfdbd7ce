"""Tables written as text in .txt/.md files (tab-separated, pandoc grid/simple/multiline, columns
aligned by spaces) are read as real tables (llmx.read.text_tables), on invented text."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from llmx.config import Settings
from llmx.pipeline import extract_document
from llmx.read import read_bytes
from llmx.read.model import Table

ROWS = [
    ["STT", "Chỉ tiêu", "Đơn vị", "KH 2026", "TH 6 tháng", "% KH"],
    ["1", "Diện tích gieo trồng cây hàng năm", "ha", "3.800", "2.150", "56,6"],
    ["2", "Sản lượng lương thực", "tấn", "18.400", "9.320", "50,7"],
    ["3", "Tổng đàn gia cầm", "con", "95.000", "88.600", "93,3"],
]
HEAD = "UBND XÃ PHÚ THẠNH                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
HEAD += "    -------                           Độc lập - Tự do - Hạnh phúc\n"
HEAD += "Số: 88/BC-UBND                  Phú Thạnh, ngày 20 tháng 6 năm 2026\n\n"
TITLE = "BÁO CÁO\nKết quả sản xuất nông nghiệp 6 tháng đầu năm 2026\n\nI. KẾT QUẢ THỰC HIỆN\n\n"
LEAD = "Trong 6 tháng đầu năm, sản xuất nông nghiệp trên địa bàn xã cơ bản ổn định."
TAIL = "Các chỉ tiêu khác cơ bản đạt tiến độ đề ra."
SIGN = "Nơi nhận:                                  TM. ỦY BAN NHÂN DÂN\n"
SIGN += "- UBND huyện;                                   CHỦ TỊCH\n"
SIGN += "- Lưu: VT.                                  Nguyễn Văn Hải\n"

TSV = "\n".join("\t".join(r) for r in ROWS)
GRID = """+-----+---------------------+--------+---------+-----------+------+
| STT | Chỉ tiêu            | Đơn vị | KH 2026 | TH 6 tháng| % KH |
+=====+=====================+========+=========+===========+======+
| 1   | Diện tích gieo trồng| ha     | 3.800   | 2.150     | 56,6 |
|     | cây hàng năm        |        |         |           |      |
+-----+---------------------+--------+---------+-----------+------+
| 2   | Sản lượng lương thực| tấn    | 18.400  | 9.320     | 50,7 |
+-----+---------------------+--------+---------+-----------+------+
| 3   | Tổng đàn gia cầm    | con    | 95.000  | 88.600    | 93,3 |
+-----+---------------------+--------+---------+-----------+------+"""
SIMPLE = """STT  Chỉ tiêu                            Đơn vị   KH 2026  TH 6 tháng  % KH
---  ----------------------------------  ------  -------  ----------  ----
1    Diện tích gieo trồng cây hàng năm   ha        3.800       2.150  56,6
2    Sản lượng lương thực                tấn      18.400       9.320  50,7
3    Tổng đàn gia cầm                    con      95.000      88.600  93,3"""
MULTILINE = """-----------------------------------------------------------------
STT  Chỉ tiêu              Đơn vị  KH 2026  TH 6        % KH
                                            tháng
---  --------------------  ------  -------  ----------  ----
1    Diện tích gieo trồng  ha      3.800    2.150       56,6
     cây hàng năm

2    Sản lượng lương thực  tấn     18.400   9.320       50,7

3    Tổng đàn gia cầm      con     95.000   88.600      93,3
-----------------------------------------------------------------"""
LAYOUT = """      STT    Chỉ tiêu                              Đơn vị      KH 2026    TH 6 tháng    % KH

       1     Diện tích gieo trồng cây hàng năm     ha            3.800         2.150    56,6

       2     Sản lượng lương thực                  tấn          18.400         9.320    50,7

       3     Tổng đàn gia cầm                      con          95.000        88.600    93,3"""
FORMS = {"tsv": TSV, "grid": GRID, "simple": SIMPLE, "multiline": MULTILINE, "layout": LAYOUT}


def _cells(text: str, table: Table) -> list[list[str]]:
    return [[text[c.start : c.end] for c in row.cells] for row in table.rows]


def _report(table: str) -> str:
    return f"{HEAD}{TITLE}{LEAD}\n\n{table}\n\n{TAIL}\n\n{SIGN}"


def _figures(path: Path) -> list[tuple[str, float | None, str | None, list[tuple[str, float | None]]]]:
    doc = extract_document(path, Settings(backend="rules"))
    found = sorted(doc.indicators, key=lambda i: i.start)
    return [(i.name, i.value, i.unit, [(c.basis, c.pct) for c in i.comparisons]) for i in found]


@pytest.fixture(scope="module")
def docx_figures(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, float | None, str | None, list]]:
    import docx

    word = docx.Document()
    for line in ["UBND XÃ PHÚ THẠNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", *TITLE.split("\n"), LEAD]:
        if line:
            word.add_paragraph(line)
    grid = word.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            grid.cell(r, c).text = value
    word.add_paragraph(TAIL)
    path = tmp_path_factory.mktemp("docx") / "bao-cao.docx"
    word.save(path)
    return _figures(path)


@pytest.mark.parametrize("form", list(FORMS))
def test_a_text_table_gives_the_indicators_the_same_docx_table_gives(
    form: str, docx_figures: list, tmp_path: Path
) -> None:
    path = tmp_path / f"bao-cao-{form}.txt"
    path.write_text(_report(FORMS[form]), encoding="utf-8")
    assert [name for name, *_ in docx_figures] == [r[1] for r in ROWS[1:]]
    assert _figures(path) == docx_figures


@pytest.mark.parametrize("form", list(FORMS))
def test_each_text_form_is_read_as_one_table_with_the_same_cells_and_exact_offsets(form: str) -> None:
    raw = read_bytes(_report(FORMS[form]).encode(), "a.txt")
    (table,) = raw.tables
    assert _cells(raw.text, table) == ROWS
    assert raw.text[table.start : table.end].split("\n")[2] == "2 | Sản lượng lương thực | tấn | 18.400 | 9.320 | 50,7"
    assert raw.text.startswith(f"{HEAD}{TITLE}{LEAD}\n\n") and raw.text.endswith(f"\n\n{TAIL}\n\n{SIGN}")


def test_a_grid_or_simple_header_is_marked_header_and_a_tab_table_header_is_not() -> None:
    for form, header in (("grid", True), ("simple", True), ("multiline", True), ("tsv", False), ("layout", False)):
        (table,) = read_bytes(FORMS[form].encode(), "a.md").tables
        assert [r.header for r in table.rows] == [header, False, False, False], form


def test_tables_without_a_header_rule_are_read_with_their_first_row_as_a_body_row() -> None:
    grid = GRID.replace("=", "-")
    runs = SIMPLE.split("\n")[1]
    headless = "\n".join([runs, *SIMPLE.split("\n")[2:], runs])
    for text in (grid, headless):
        (table,) = read_bytes(f"{LEAD}\n\n{text}\n\n{TAIL}\n".encode(), "a.md").tables
        assert not any(r.header for r in table.rows)
        assert len(table.rows) in (3, 4)


def test_a_simple_table_typed_in_decomposed_unicode_still_lines_up() -> None:
    nfd = unicodedata.normalize("NFD", SIMPLE)
    raw = read_bytes(nfd.encode(), "a.txt")
    (table,) = raw.tables
    assert [[unicodedata.normalize("NFC", c) for c in r] for r in _cells(raw.text, table)] == ROWS


def test_a_tab_table_indented_by_a_tab_with_a_group_row_keeps_its_columns() -> None:
    text = "\n".join("\t" + "\t".join(r) + "\t" for r in ROWS[:2]) + "\n\tI\tCHĂN NUÔI\t\t\t\t\n"
    text += "\n".join("\t" + "\t".join(r) for r in ROWS[2:]) + "\n"
    (table,) = read_bytes(text.encode(), "a.txt").tables
    assert table.columns == 6
    cells = _cells(read_bytes(text.encode(), "a.txt").text, table)
    assert cells[0] == ROWS[0] and cells[2] == ["I", "CHĂN NUÔI", "", "", "", ""] and cells[4] == ROWS[3]


def test_a_hard_wrapped_text_file_keeps_its_tab_table_rows_apart() -> None:
    wrapped = (
        "Trong sáu tháng đầu năm, Ủy ban nhân dân xã đã tập trung chỉ đạo các\n"
        "ngành, đoàn thể triển khai thực hiện nhiệm vụ phát triển kinh tế xã hội\n"
        "trên địa bàn, kết quả đạt được trên các lĩnh vực cụ thể như\n"
        "sau, trong đó nông nghiệp tiếp tục giữ vai trò chủ lực trong cơ cấu\n"
        "kinh tế của địa phương với nhiều mô hình sản xuất có hiệu quả cao\n"
        f"{TSV}\n"
    )
    raw = read_bytes(wrapped.encode(), "f.txt")
    assert "các ngành" in raw.text  # the prose was unwrapped
    (table,) = raw.tables
    assert _cells(raw.text, table) == ROWS


_NOT_TABLES = {
    "tab-indented-prose.txt": [
        "\tTrong 6 tháng đầu năm, tổng thu ngân sách đạt 12.500 triệu đồng, bằng 52% dự toán.",
        "\tSản lượng lương thực đạt 10.250 tấn, tăng 3,2% so với cùng kỳ.",
        "\tCông tác cải cách hành chính có 98% hồ sơ đúng hạn.",
    ],
    "tab-header-block.txt": [
        "ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "XÃ BÌNH AN\t\tĐộc lập - Tự do - Hạnh phúc",
        "Số: 58/BC-UBND\t\tBình An, ngày 20 tháng 6 năm 2026",
    ],
    "tab-signature.txt": [
        "Nơi nhận:\t\t\tTM. ỦY BAN NHÂN DÂN",
        "- UBND huyện;\t\t\tKT. CHỦ TỊCH",
        "- Lưu: VT, 02 bản.\t\t\t",
        "\t\t\tLê Thị Hoa",
    ],
    "tab-key-values.txt": ["- Tổng thu ngân sách\t:\t12.500 triệu đồng", "- Tổng chi ngân sách\t:\t10.300 triệu đồng"],
    "tab-list-marks.txt": ["a)\tTổng thu ngân sách:\t12.500 triệu đồng", "b)\tTổng chi ngân sách:\t10.300 triệu đồng"],
    "space-header-block.txt": (HEAD + TITLE).split("\n"),
    "space-signature.txt": f"{TAIL}\n\n{SIGN}".split("\n"),
    "three-signatures.txt": [
        "XÁC NHẬN CỦA UBND XÃ      NGƯỜI LẬP BIỂU       THỦ TRƯỞNG ĐƠN VỊ",
        "(Ký, đóng dấu)            (Ký, ghi rõ họ tên)  (Ký, đóng dấu)",
        "",
        "",
        "Nguyễn Văn An             Lê Thị Bình 2026     Trần Văn Cường",
    ],
    "indented-list.txt": [
        "    1. Tập trung chỉ đạo sản xuất vụ Mùa năm 2026, bảo đảm 100% diện tích.",
        "    2. Đẩy nhanh giải ngân vốn đầu tư công, phấn đấu đạt 95% kế hoạch.",
        "        a) Rà soát 12 dự án chậm tiến độ;",
    ],
    "code.md": [
        "```",
        "id\tname\tvalue",
        "1\talpha\t10",
        "2\tbeta\t20",
        "```",
        "",
        "    x = 1    y = 2    z = 3",
        "    a = 4    b = 5    c = 6",
        "    d = 7    e = 8    f = 9",
    ],
    "justified.txt": [
        "Trong  6  tháng  đầu  năm  2026,  tình  hình  kinh  tế  -  xã  hội  tiếp  tục  phát",
        "triển;  tổng  thu  ngân  sách  đạt  96.730  triệu  đồng,  bằng  52,2%  dự",
        "toán;  giá  trị  sản  xuất  ước  đạt  1.250  tỷ  đồng,  tăng  3,5%  so  với  cùng  kỳ.",
    ],
    "toc.txt": [
        "                         MỤC LỤC",
        "1.     Kết quả thực hiện nhiệm vụ                 3",
        "2.     Tồn tại, hạn chế                           9",
        "3.     Nhiệm vụ 6 tháng cuối năm                 12",
    ],
    "key-values.txt": [
        "   - Số hộ nghèo                      :      125",
        "   - Số hộ cận nghèo                  :       86",
        "   - Số hộ thoát nghèo                :       31",
    ],
    "boxed-note.md": ["+" + "-" * 36 + "+", "| LƯU Ý: gửi báo cáo trước ngày 15/7 |", "+" + "-" * 36 + "+"],
    "rules.txt": ["BÁO CÁO", "--------------", "Kết quả 6 tháng", "", "-----   -----   -----", "", "Gồm 3 phần."],
}
NOT_TABLES = {name: "\n".join(lines) + "\n" for name, lines in _NOT_TABLES.items()}


@pytest.mark.parametrize("name", list(NOT_TABLES))
def test_text_laid_out_with_tabs_or_spaces_that_is_not_a_table_stays_text(name: str) -> None:
    raw = read_bytes(NOT_TABLES[name].encode(), name)
    assert raw.tables == []
    assert raw.text == NOT_TABLES[name]


def test_a_layout_header_wrapped_over_lines_is_joined_into_one_row() -> None:
    layout = (
        "      STT    Chỉ tiêu                  Đơn vị    Kế hoạch    Thực hiện    Tỷ lệ\n"
        "                                                 năm 2026    6 tháng      (%)\n"
        "       1     Sản lượng lương thực      tấn         18.400        9.320    50,7\n"
        "       2     Tổng đàn gia cầm          con         95.000       88.600    93,3\n"
    )
    raw = read_bytes(layout.encode(), "a.txt")
    (table,) = raw.tables
    assert _cells(raw.text, table) == [
        ["STT", "Chỉ tiêu", "Đơn vị", "Kế hoạch năm 2026", "Thực hiện 6 tháng", "Tỷ lệ (%)"],
        ["1", "Sản lượng lương thực", "tấn", "18.400", "9.320", "50,7"],
        ["2", "Tổng đàn gia cầm", "con", "95.000", "88.600", "93,3"],
    ]


def test_cells_excel_quoted_over_line_breaks_are_read_back_as_one_cell() -> None:
    text = "\t".join(ROWS[0]) + "\n"
    text += '1\t"Diện tích gieo trồng\ncây hàng năm"\tha\t3.800\t2.150\t56,6\n'
    text += '2\t"Sản lượng ""lương thực"""\ttấn\t18.400\t9.320\t50,7\n'
    text += "\t".join(ROWS[3]) + "\n"
    raw = read_bytes(text.encode(), "a.txt")
    (table,) = raw.tables
    cells = _cells(raw.text, table)
    assert cells[1] == ROWS[1] and cells[3] == ROWS[3]
    assert cells[2][1] == 'Sản lượng "lương thực"'


def test_a_group_row_of_a_layout_table_stays_in_the_table() -> None:
    lines = LAYOUT.split("\n\n")
    grouped = "\n".join([lines[0], "       I     TRỒNG TRỌT", lines[1], lines[2], "       II    CHĂN NUÔI", lines[3]])
    raw = read_bytes(grouped.encode(), "a.txt")
    (table,) = raw.tables
    cells = _cells(raw.text, table)
    assert cells[1] == ["I", "TRỒNG TRỌT", "", "", "", ""] and cells[4] == ["II", "CHĂN NUÔI", "", "", "", ""]
    assert [cells[0], cells[2], cells[3], cells[5]] == ROWS


def test_a_wrapped_name_line_in_layout_text_is_not_taken_for_a_group_row() -> None:
    lines = LAYOUT.split("\n\n")
    wrapped = "\n".join([lines[0], lines[1], "             (cả năm)", lines[2], lines[3]])
    raw = read_bytes(wrapped.encode(), "a.txt")
    assert all("(cả năm)" not in raw.text[t.start : t.end] for t in raw.tables)
