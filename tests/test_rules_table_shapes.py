"""KPI tables in the shapes of Vietnamese report appendices (Biểu, Phụ lục), built as small .docx
files: two-row merged headers (`So sánh (%)` over `TH/KH | Cùng kỳ`), column-number rows
(`A | B | 1 | 2 | 3=2/1`), comparison columns that name no basis (`Tỷ lệ (%)`, `Tăng/giảm (%)`,
`So sánh 2025/2024`), units in the header, the unit column or the label, group rows, `Trong đó`
sub-rows, columns in any order, headers repeated after a page break and a `Tổng cộng` row.
The expected indicators follow SPEC 4 and eval/LABELING.md "Tables"."""

from __future__ import annotations

from pathlib import Path

from llmx.config import Settings
from llmx.contract import Indicator, ReportDocument, grounding_errors
from llmx.pipeline import extract_document
from llmx.rules.tables import FLAG

RULES = Settings(backend="rules")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column


def docx_report(
    tmp_path: Path,
    header: list[list[str]],
    body: list[list[str]],
    *,
    merges: tuple[Merge, ...] = (),
    flagged: bool = False,
    before: str = "Kết quả thực hiện các chỉ tiêu chủ yếu như sau:",
) -> ReportDocument:
    """A report whose results section holds one Word table: `header` rows, then `body` rows.

    Merged header cells are listed in `merges`; their text is the text of their first cell.
    With `flagged`, the header rows carry Word's repeat-as-header flag; without it they are inferred."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN HUYỆN AN BÌNH", "BÁO CÁO", "Kết quả 6 tháng đầu năm 2025", "I. KẾT QUẢ ĐẠT ĐƯỢC"):
        document.add_paragraph(line)
    document.add_paragraph(before)
    grid = header + body
    table = document.add_table(rows=len(grid), cols=len(grid[0]))
    table.style = "Table Grid"
    for r, cells in enumerate(grid):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    for r0, c0, r1, c1 in merges:
        text = grid[r0][c0]
        table.cell(r0, c0).merge(table.cell(r1, c1)).text = text
    if flagged:
        for tr in table._tbl.tr_lst[: len(header)]:
            tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader xmlns:w="{_W}"/>'))
    document.add_paragraph("Trên đây là báo cáo kết quả 6 tháng đầu năm 2025./.")
    path = tmp_path / "report.docx"
    document.save(str(path))
    doc = extract_document(path, RULES)
    assert grounding_errors(doc) == []
    return doc


def table_items(doc: ReportDocument) -> list[Indicator]:
    """The indicators read from table rows (a figure in a cell's sentence quotes only that sentence)."""
    items = []
    for i in doc.indicators:
        if i.table_id is None:
            continue
        table = next(t for t in doc.tables if t.id == i.table_id)
        row = table.row_spans[i.table_row or 0]
        assert FLAG in i.flags and row.start <= i.start < i.end <= row.end
        if i.quote == doc.text[row.start : row.end]:
            assert row.kind == "data"
            items.append(i)
    return items


def by_name(items: list[Indicator], name: str) -> Indicator:
    hits = [i for i in items if i.name == name]
    assert len(hits) == 1, [i.name for i in items]
    return hits[0]


def comps(ind: Indicator) -> list[tuple[str, str, str, float | None, float | None]]:
    return [(c.basis, c.relation, c.basis_text, c.pct, c.amount) for c in ind.comparisons]


def fields(ind: Indicator) -> tuple[float | None, str | None, float | None, bool]:
    return ind.value, ind.unit, ind.target, ind.estimated


# --- headers -------------------------------------------------------------------------------------

_SIX_MONTHS = [
    ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2025", "Thực hiện 6 tháng", "Ước TH cả năm", "So sánh (%)", ""],
    ["", "", "", "", "", "", "TH/KH", "Cùng kỳ"],
]
_SIX_MONTHS_MERGES: tuple[Merge, ...] = ((0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 1, 3), (0, 4, 1, 4))
_SIX_MONTHS_MERGES += ((0, 5, 1, 5), (0, 6, 0, 7))


def test_two_row_header_with_so_sanh_over_th_kh_and_cung_ky(tmp_path: Path) -> None:
    body = [
        ["1", "Tổng thu ngân sách trên địa bàn", "Tỷ đồng", "450", "241,5", "470", "53,7", "112,4"],
        ["2", "Tỷ lệ hộ nghèo", "%", "2,5", "2,8", "2,4", "", ""],
    ]
    for flagged in (True, False):
        doc = docx_report(tmp_path, _SIX_MONTHS, body, merges=_SIX_MONTHS_MERGES, flagged=flagged)
        assert doc.tables[0].header_rows == 2
        items = table_items(doc)
        # `TH/KH` 53,7 is 241,5 / 450: the percentages belong to the 6 months' figure, not the year's estimate
        revenue = by_name(items, "Tổng thu ngân sách trên địa bàn")
        assert fields(revenue) == (241.5, "tỷ đồng", 450, False)
        assert comps(revenue) == [
            ("plan", "ratio", "TH/KH", 53.7, None),
            ("same_period", "ratio", "So sánh (%) Cùng kỳ", 112.4, None),
        ]
        year = by_name(items, "Tổng thu ngân sách trên địa bàn - Ước TH cả năm")
        assert fields(year) == (470, "tỷ đồng", None, True) and year.comparisons == []
        poor = by_name(items, "Tỷ lệ hộ nghèo")
        assert fields(poor) == (2.8, "%", 2.5, False)


def test_a_column_number_row_under_the_header_is_header_not_data(tmp_path: Path) -> None:
    header = [
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"],
        ["A", "B", "C", "1", "2", "3=2/1"],
    ]
    body = [["1", "Số hộ được hỗ trợ nhà ở", "Hộ", "120", "96", "80"]]
    for flagged in (True, False):
        doc = docx_report(tmp_path, header, body, flagged=flagged)
        assert doc.tables[0].header_rows == 2 and doc.tables[0].column_headers[3] == "Kế hoạch"
        [item] = table_items(doc)
        assert (item.name, *fields(item)) == ("Số hộ được hỗ trợ nhà ở", 96, "hộ", 120, False)
        assert comps(item) == [("plan", "ratio", "Tỷ lệ (%)", 80, None)]


def test_a_period_header_such_as_3_thang_is_a_column_name(tmp_path: Path) -> None:
    header = [["TT", "Chỉ tiêu", "ĐVT", "Tháng 3", "3 tháng", "% so KH"]]
    body = [["1", "Số lượt khách du lịch", "Lượt", "1.200", "3.450", "28,8"]]
    [month, quarter] = table_items(docx_report(tmp_path, header, body))
    assert (quarter.name, quarter.value, quarter.unit) == ("Số lượt khách du lịch", 3450, "lượt")
    assert comps(quarter) == [("plan", "ratio", "% so KH", 28.8, None)]
    assert (month.name, month.value) == ("Số lượt khách du lịch - Tháng 3", 1200)


# --- comparison columns --------------------------------------------------------------------------


def test_percent_columns_before_the_values_and_plan_after_the_actual(tmp_path: Path) -> None:
    header = [["STT", "Chỉ tiêu", "% so KH", "So với cùng kỳ (%)", "Thực hiện", "Kế hoạch", "Đơn vị"]]
    body = [["1", "Diện tích gieo trồng", "95,2", "101,3", "1.190", "1.250", "ha"]]
    [item] = table_items(docx_report(tmp_path, header, body))
    assert (item.name, *fields(item)) == ("Diện tích gieo trồng", 1190, "ha", 1250, False)
    assert comps(item) == [
        ("plan", "ratio", "% so KH", 95.2, None),
        ("same_period", "ratio", "So với cùng kỳ (%)", 101.3, None),
    ]


def test_year_columns_with_a_change_column_that_names_no_basis(tmp_path: Path) -> None:
    header = [["TT", "Nội dung", "Năm 2024", "Năm 2025", "Tăng/giảm (%)"]]
    body = [
        ["1", "Số vụ phạm tội về ma túy (vụ)", "152", "168", "+10,5"],
        ["2", "Số đối tượng bị bắt giữ", "230", "207", "-10"],
    ]
    items = table_items(docx_report(tmp_path, header, body))
    cases = by_name(items, "Số vụ phạm tội về ma túy")
    assert fields(cases) == (168, "vụ", None, False)
    assert comps(cases) == [("previous_period", "change", "Tăng/giảm (%)", 10.5, None)]
    before = by_name(items, "Số vụ phạm tội về ma túy - Năm 2024")
    assert (before.value, before.unit, before.comparisons) == (152, "vụ", [])
    people = by_name(items, "Số đối tượng bị bắt giữ")
    assert (people.value, people.unit) == (207, "đối tượng")
    assert comps(people) == [("previous_period", "change", "Tăng/giảm (%)", -10, None)]


def test_a_same_period_column_and_a_so_sanh_column_without_basis(tmp_path: Path) -> None:
    header = [["STT", "Chỉ tiêu", "ĐVT", "Cùng kỳ năm trước", "Kỳ báo cáo", "So sánh (%)", "Tăng, giảm"]]
    body = [["1", "Số hồ sơ tiếp nhận", "Hồ sơ", "1.000", "1.150", "115", "+150"]]
    [before, item] = table_items(docx_report(tmp_path, header, body))
    assert (item.name, *fields(item)) == ("Số hồ sơ tiếp nhận", 1150, "hồ sơ", None, False)
    assert comps(item) == [
        ("same_period", "ratio", "So sánh (%)", 115, None),
        ("same_period", "change", "Tăng, giảm", None, 150),
    ]
    assert (before.name, before.value, before.comparisons) == ("Số hồ sơ tiếp nhận - Cùng kỳ năm trước", 1000, [])


def test_a_so_sanh_column_naming_two_years(tmp_path: Path) -> None:
    header = [["STT", "Chỉ tiêu", "ĐVT", "Năm 2024", "Năm 2025", "So sánh 2025/2024 (%)"]]
    body = [["1", "Sản lượng lương thực", "Tấn", "3.950", "4.012", "101,6"]]
    items = table_items(docx_report(tmp_path, header, body))
    grain = by_name(items, "Sản lượng lương thực")
    assert comps(grain) == [("previous_period", "ratio", "So sánh 2025/2024 (%)", 101.6, None)]


def test_dat_percent_and_ty_le_columns_beside_a_plan_compare_with_the_plan(tmp_path: Path) -> None:
    header = [["STT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu giao", "Ước thực hiện", "Đạt (%)"]]
    body = [["1", "Trồng rừng tập trung", "ha", "300", "285", "95"]]
    [item] = table_items(docx_report(tmp_path, header, body))
    assert (item.name, *fields(item)) == ("Trồng rừng tập trung", 285, "ha", 300, True)
    assert comps(item) == [("plan", "ratio", "Đạt (%)", 95, None)]


def test_uth_and_luy_ke_columns(tmp_path: Path) -> None:
    header = [["TT", "Chỉ tiêu", "ĐVT", "KH năm", "Tháng 6", "ƯTH 6 tháng", "% KH"]]
    body = [["1", "Thu ngân sách xã", "Triệu đồng", "5.000", "410", "2.650", "53"]]
    items = table_items(docx_report(tmp_path, header, body))
    main = by_name(items, "Thu ngân sách xã")
    assert fields(main) == (2650, "triệu đồng", 5000, True)
    assert comps(main) == [("plan", "ratio", "% KH", 53, None)]
    header = [["TT", "Chỉ tiêu", "ĐVT", "Trong tháng", "Lũy kế từ đầu năm", "So với cùng kỳ (%)"]]
    body = [["1", "Số vụ tai nạn giao thông", "Vụ", "3", "14", "-12,5"]]
    items = table_items(docx_report(tmp_path, header, body))
    main = by_name(items, "Số vụ tai nạn giao thông")
    assert (main.value, main.unit) == (14, "vụ")
    assert comps(main) == [("same_period", "ratio", "So với cùng kỳ (%)", -12.5, None)]


# --- units ---------------------------------------------------------------------------------------


def test_units_from_the_header_the_label_and_a_percent_unit_cell(tmp_path: Path) -> None:
    header = [["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"]]
    body = [
        ["1", "Tổng thu ngân sách (tỷ đồng)", "", "120", "65", "54,2"],
        ["2", "Tỷ lệ che phủ rừng", "%", "52", "52,3", "100,6"],
        ["3", "Số xã đạt chuẩn nông thôn mới", "Xã", "12", "10", "83,3"],
    ]
    items = table_items(docx_report(tmp_path, header, body))
    assert [(i.name, i.value, i.unit, i.target) for i in items] == [
        ("Tổng thu ngân sách", 65, "tỷ đồng", 120),
        ("Tỷ lệ che phủ rừng", 52.3, "%", 52),
        ("Số xã đạt chuẩn nông thôn mới", 10, "xã", 12),
    ]
    header = [["STT", "Địa phương", "Diện tích (ha)", "Giá trị (tỷ đồng)"]]
    body = [["1", "Xã An Bình", "120,5", "35"], ["", "Tổng cộng", "300", "80,5"]]
    items = table_items(docx_report(tmp_path, header, body))
    assert [(i.name, i.value, i.unit) for i in items] == [
        ("Xã An Bình - Diện tích (ha)", 120.5, "ha"),
        ("Xã An Bình - Giá trị (tỷ đồng)", 35, "tỷ đồng"),
        ("Tổng cộng - Diện tích (ha)", 300, "ha"),
        ("Tổng cộng - Giá trị (tỷ đồng)", 80.5, "tỷ đồng"),
    ]


def test_a_label_that_counts_or_rates_names_its_unit(tmp_path: Path) -> None:
    header = [["TT", "Nội dung", "Năm 2024", "Năm 2025"]]
    body = [
        ["1", "Số đối tượng nghiện ma túy", "1.020", "980"],
        ["2", "Tỷ lệ xã, phường không có ma túy", "45,5", "50,2"],
        ["3", "Số lượt người được tuyên truyền", "12.500", "15.000"],
    ]
    items = table_items(docx_report(tmp_path, header, body))
    assert [(i.name, i.value, i.unit) for i in items] == [
        ("Số đối tượng nghiện ma túy - Năm 2024", 1020, "đối tượng"),
        ("Số đối tượng nghiện ma túy", 980, "đối tượng"),
        ("Tỷ lệ xã, phường không có ma túy - Năm 2024", 45.5, "%"),
        ("Tỷ lệ xã, phường không có ma túy", 50.2, "%"),
        ("Số lượt người được tuyên truyền - Năm 2024", 12500, "lượt người"),
        ("Số lượt người được tuyên truyền", 15000, "lượt người"),
    ]


# --- rows ----------------------------------------------------------------------------------------


def test_group_rows_sub_rows_a_repeated_header_and_a_totals_row(tmp_path: Path) -> None:
    header = [["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "% KH"]]
    body = [
        ["I", "LĨNH VỰC KINH TẾ", "", "", "", ""],
        ["1", "Tổng thu ngân sách", "Tỷ đồng", "100", "55", "55"],
        ["", "Trong đó:", "", "", "", ""],
        ["-", "Thu tiền sử dụng đất", "Tỷ đồng", "40", "12", "30"],
        ["", "- Xã An Bình", "Tỷ đồng", "10", "4", "40"],
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "% KH"],
        ["II", "LĨNH VỰC XÃ HỘI", "", "", "", ""],
        ["2", "Số lao động được tạo việc làm", "Người", "1.500", "820", "54,7"],
        ["", "Tổng cộng", "", "", "", ""],
    ]
    doc = docx_report(tmp_path, header, body)
    assert [r.kind for r in doc.tables[0].row_spans].count("repeated_header") == 1
    items = table_items(doc)
    assert [(i.name, i.value, i.unit, i.target, [c.pct for c in i.comparisons]) for i in items] == [
        ("Tổng thu ngân sách", 55, "tỷ đồng", 100, [55]),
        ("Tổng thu ngân sách - thu tiền sử dụng đất", 12, "tỷ đồng", 40, [30]),
        ("Tổng thu ngân sách - xã An Bình", 4, "tỷ đồng", 10, [40]),
        ("Số lao động được tạo việc làm", 820, "người", 1500, [54.7]),
    ]


def test_title_and_unit_rows_inside_the_table_above_its_header(tmp_path: Path) -> None:
    header = [
        ["BIỂU SỐ 01: KẾT QUẢ THỰC HIỆN KẾ HOẠCH THU NGÂN SÁCH", "", "", "", ""],
        ["", "", "", "", "ĐVT: triệu đồng"],
        ["STT", "Nội dung", "Dự toán năm", "Thực hiện", "So sánh (%)"],
    ]
    body = [["1", "Thu ngân sách xã", "5.000", "2.600", "52"], ["2", "2. Chi ngân sách xã", "4.800", "2.000", "41,7"]]
    doc = docx_report(tmp_path, header, body, merges=((0, 0, 0, 4),))  # a row number repeated in the label
    assert doc.tables[0].header_rows == 3 and doc.tables[0].column_headers[2] == "Dự toán năm"
    items = table_items(doc)
    assert [(i.name, i.value, i.unit, i.target, comps(i)) for i in items] == [
        ("Thu ngân sách xã", 2600, "triệu đồng", 5000, [("budget_estimate", "ratio", "So sánh (%)", 52, None)]),
        ("Chi ngân sách xã", 2000, "triệu đồng", 4800, [("budget_estimate", "ratio", "So sánh (%)", 41.7, None)]),
    ]


def test_figures_in_a_prose_column_are_read_inside_their_cell(tmp_path: Path) -> None:
    header = [["TT", "Tiêu chí", "Điểm chuẩn", "Điểm tự đánh giá", "Tài liệu kiểm chứng"]]
    body = [
        [
            "1",
            "Công tác kiểm tra",
            "1,00",
            "1,00",
            "Đã kiểm tra 42/139 đơn vị, đạt 30,2%; Thông báo số 27/TB-SNV ngày 12/9/2025.",
        ],
        ["2", "Xử lý sau kiểm tra", "1,00", "0,50", "Ban hành các thông báo kết luận kiểm tra đúng thời hạn quy định."],
    ]
    doc = docx_report(tmp_path, header, body)
    cell = next(i for i in doc.indicators if i.quote.startswith("Đã kiểm tra"))
    assert (cell.value, cell.target, cell.quote) == (42, 139, "Đã kiểm tra 42/139 đơn vị, đạt 30,2%")
    assert cell.table_id is not None and cell.table_row == 1  # the row it stands in (header row counted)
    rows = [i for i in doc.indicators if i.quote.startswith("1 | ")]
    assert [(i.value, i.target) for i in rows] == [(1, 1)]  # the score row itself is still one indicator
    assert [r.number for r in doc.references] == ["27/TB-SNV"]
