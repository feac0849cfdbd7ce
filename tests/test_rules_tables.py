"""KPI tables read by rule: one test per shape (plain, merged headers, unit column, sub-rows), built
like the corpus tables' headers, plus the corpus tables themselves as shape fixtures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from llmx.config import Settings
from llmx.contract import Indicator, ReportDocument, grounding_errors
from llmx.pipeline import extract_document, prepare
from llmx.rules.tables import FLAG, read_cell

CORPUS = Path(__file__).resolve().parent.parent / "eval" / "corpus"
RULES = Settings(backend="rules")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def report(tmp_path: Path, body: str, *, heading: str = "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ") -> ReportDocument:
    """A small web-page report around `body` (tables in HTML), extracted by the rules."""
    page = (
        "<html><body><p>ỦY BAN NHÂN DÂN XÃ AN BÌNH</p><p>BÁO CÁO</p><p>Kết quả 6 tháng đầu năm 2025</p>"
        f"<p>{heading}</p>{body}<p>Trên đây là báo cáo kết quả 6 tháng đầu năm 2025./.</p></body></html>"
    )
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    doc = extract_document(path, RULES)
    assert grounding_errors(doc) == []
    return doc


def rows(*cells: tuple[str, ...], header: int = 1) -> str:
    tag = ["th"] * header + ["td"] * (len(cells) - header)
    return "".join("<tr>" + "".join(f"<{t}>{c}</{t}>" for c in r) + "</tr>" for t, r in zip(tag, cells, strict=True))


def table_items(doc: ReportDocument) -> list[Indicator]:
    """The indicators read from table rows (a figure in a cell's sentence quotes only that sentence)."""
    items = []
    for i in doc.indicators:
        if i.table_id is None:
            continue
        table = next(t for t in doc.tables if t.id == i.table_id)
        row = table.row_spans[i.table_row or 0]
        assert FLAG in i.flags and row.start <= i.start < i.end <= row.end and i.quote == doc.text[i.start : i.end]
        if (i.start, i.end) == (row.start, row.end):
            assert row.kind == "data"
            items.append(i)
    return items


def by_name(items: list[Indicator], name: str) -> Indicator:
    hits = [i for i in items if i.name == name]
    assert len(hits) == 1, [i.name for i in items]
    return hits[0]


def comparisons(ind: Indicator) -> list[tuple[str, str, str, float | None]]:
    return [(c.basis, c.relation, c.basis_text, c.pct) for c in ind.comparisons]


# --- shapes ----------------------------------------------------------------------------------------


def test_plain_kpi_table_gives_value_unit_target_and_comparisons(tmp_path: Path) -> None:
    body = (
        "<table>"
        + rows(
            ("STT", "Chỉ tiêu", "ĐVT", "KH năm 2025", "Ước TH 6 tháng", "So với KH (%)", "So với cùng kỳ (%)"),
            ("1", "Tổng thu ngân sách trên địa bàn", "Tỷ đồng", "120,5", "65,2", "54,1", "108,3"),
            ("2", "Diện tích gieo cấy lúa", "ha", "1.250", "1.180,5", "94,4", ""),
        )
        + "</table>"
    )
    doc = report(tmp_path, body)
    items = table_items(doc)
    assert len(items) == 2
    budget = by_name(items, "Tổng thu ngân sách trên địa bàn")
    assert (budget.value, budget.unit, budget.target, budget.estimated) == (65.2, "tỷ đồng", 120.5, True)
    assert comparisons(budget) == [
        ("plan", "ratio", "So với KH (%)", 54.1),
        ("same_period", "ratio", "So với cùng kỳ (%)", 108.3),
    ]
    assert budget.quote == "1 | Tổng thu ngân sách trên địa bàn | Tỷ đồng | 120,5 | 65,2 | 54,1 | 108,3"
    rice = by_name(items, "Diện tích gieo cấy lúa")
    assert (rice.value, rice.unit, rice.target, comparisons(rice)) == (
        1180.5,
        "ha",
        1250,
        [("plan", "ratio", "So với KH (%)", 94.4)],
    )
    assert rice.sector == "agriculture" and budget.sector == "budget"
    (table,) = doc.tables
    assert (table.rows, table.columns, table.header_rows, table.section_id) == (3, 7, 1, "s1")
    assert table.column_headers[3] == "KH năm 2025"


def test_merged_two_level_header_names_columns_from_both_levels(tmp_path: Path) -> None:
    # like the corpus header `Kết quả thống kê` over `Đơn vị tính | Số liệu`, and `So sánh` over `KH | CK`
    body = (
        '<table><tr><th rowspan="2">TT</th><th rowspan="2">Chỉ tiêu</th><th colspan="2">Kết quả</th>'
        '<th colspan="2">So sánh (%)</th></tr><tr><th>KH</th><th>TH</th><th>KH</th><th>CK</th></tr>'
        + rows(("1", "Thu ngân sách xã", "500", "410,5", "82,1", "-3,5"), header=0)
        + "</table>"
    )
    doc = report(tmp_path, body)
    (item,) = table_items(doc)
    assert (item.name, item.value, item.target) == ("Thu ngân sách xã", 410.5, 500)
    assert comparisons(item) == [
        ("plan", "ratio", "So sánh (%) KH", 82.1),
        ("same_period", "ratio", "So sánh (%) CK", -3.5),
    ]
    (table,) = doc.tables
    assert table.header_rows == 2 and table.column_headers[3] == "Kết quả / TH"


def _word_table(document: Any, rows: list[tuple[str, str, str, str]], flagged: bool) -> None:
    """A table with the corpus 01 header (`Kết quả thống kê` over `Đơn vị tính | Số liệu`, `STT`
    and `Chỉ tiêu` merged down), its two header rows flagged as Word's repeated header or not."""
    from docx.oxml import parse_xml

    table = document.add_table(rows=2 + len(rows), cols=4)
    table.style = "Table Grid"
    head = ("STT", "Chỉ tiêu thống kê", "Kết quả thống kê", "Kết quả thống kê")
    for c, text in enumerate(head):
        table.cell(0, c).text = text
    table.cell(1, 2).text, table.cell(1, 3).text = "Đơn vị tính", "Số liệu"
    table.cell(0, 2).merge(table.cell(0, 3)).text = "Kết quả thống kê"
    table.cell(0, 0).merge(table.cell(1, 0)).text = "STT"
    table.cell(0, 1).merge(table.cell(1, 1)).text = "Chỉ tiêu thống kê"
    for r, values in enumerate(rows, 2):
        for c, text in enumerate(values):
            table.cell(r, c).text = text
    if flagged:
        for tr in table._tbl.tr_lst[:2]:
            tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader xmlns:w="{_W}"/>'))


def test_word_tables_without_the_header_flag_get_their_header_rows_inferred(tmp_path: Path) -> None:
    """The corpus 01 shape: only the first of its tables flags its header rows (Word's
    tblHeader); the others' header rows are inferred (`llmx.grids`), and the `tables` entry and
    the KPI reader see the same two header rows in every table."""
    import docx

    document = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN XÃ AN BÌNH", "BÁO CÁO", "Kết quả 6 tháng đầu năm 2025", "I. KẾT QUẢ THỰC HIỆN"):
        document.add_paragraph(line)
    _word_table(document, [("1", "Số văn bản chỉ đạo đã ban hành", "Văn bản", "29")], flagged=True)
    document.add_paragraph("Kết quả về cải cách thủ tục hành chính như sau:")
    _word_table(document, [("1", "Số hồ sơ giải quyết đúng hạn", "Hồ sơ", "237.412")], flagged=False)
    document.add_paragraph("Trên đây là báo cáo kết quả 6 tháng đầu năm 2025./.")
    path = tmp_path / "report.docx"
    document.save(str(path))
    raw = prepare(path).raw
    assert [sum(r.header for r in t.rows) for t in raw.tables] == [2, 0]  # what the file flags
    doc = extract_document(path, RULES)
    assert [(t.header_rows, [r.kind for r in t.row_spans]) for t in doc.tables] == [
        (2, ["header", "header", "data"])
    ] * 2
    assert [t.column_headers[3] for t in doc.tables] == ["Kết quả thống kê / Số liệu"] * 2
    items = table_items(doc)
    assert [(i.name, i.value, i.unit, i.table_id) for i in items] == [
        ("Số văn bản chỉ đạo đã ban hành", 29, "văn bản", "tb1"),
        ("Số hồ sơ giải quyết đúng hạn", 237412, "hồ sơ", "tb2"),
    ]


def test_unit_column_header_unit_and_caption_unit(tmp_path: Path) -> None:
    body = (
        "<p>Biểu 1. Kết quả thu chi (ĐVT: triệu đồng)</p><table>"
        + rows(
            ("STT", "Nội dung", "Dự toán", "Thực hiện", "Tỷ lệ (%)"),
            ("1", "Thu ngân sách", "12.000", "9.600", "80"),
            ("2", "Chi ngân sách", "11.500", "5.750", "50"),
        )
        + "</table><table>"
        + rows(("TT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"), ("1", "Số văn bản đã ban hành", "Văn bản", "29"))
        + "</table><table>"
        + rows(("Chỉ tiêu", "Giá trị sản xuất (tỷ đồng)", "Tăng, giảm so cùng kỳ (%)"), ("Nông nghiệp", "52,7", "+4,1"))
        + "</table>"
    )
    items = table_items(report(tmp_path, body))
    revenue = by_name(items, "Thu ngân sách")
    assert (revenue.value, revenue.unit, revenue.target) == (9600, "triệu đồng", 12000)
    assert comparisons(revenue) == [("budget_estimate", "ratio", "Tỷ lệ (%)", 80)]  # of the `Dự toán` column
    docs = by_name(items, "Số văn bản đã ban hành")
    assert (docs.value, docs.unit) == (29, "văn bản")
    farm = by_name(items, "Nông nghiệp")
    assert (farm.value, farm.unit, comparisons(farm)) == (
        52.7,
        "tỷ đồng",
        [("same_period", "change", "Tăng, giảm so cùng kỳ (%)", 4.1)],
    )


def test_sub_rows_are_named_after_their_parent(tmp_path: Path) -> None:
    body = (
        "<table>"
        + rows(
            ("STT", "Chỉ tiêu", "ĐVT", "Thực hiện"),
            ("1", "Tổng thu ngân sách", "Tỷ đồng", "88,8"),
            ("", "Trong đó:", "", ""),
            ("-", "Thu nội địa", "Tỷ đồng", "70,1"),
            ("-", "Thu tiền sử dụng đất", "Tỷ đồng", "18,7"),
            ("2", "Tổng chi ngân sách", "Tỷ đồng", "60"),
            ("", "Trong đó: chi đầu tư XDCB", "Tỷ đồng", "25"),
            ("3", "Số hộ nghèo", "Hộ", "120"),
            ("a", "Hộ nghèo dân tộc thiểu số", "Hộ", "45"),
            ("", "+ Hộ cận nghèo", "Hộ", "80"),
        )
        + "</table>"
    )
    items = table_items(report(tmp_path, body))
    assert [(i.name, i.value) for i in items] == [
        ("Tổng thu ngân sách", 88.8),
        ("Tổng thu ngân sách - thu nội địa", 70.1),
        ("Tổng thu ngân sách - thu tiền sử dụng đất", 18.7),
        ("Tổng chi ngân sách", 60),
        ("Tổng chi ngân sách - chi đầu tư XDCB", 25),
        ("Số hộ nghèo", 120),
        ("Số hộ nghèo - hộ nghèo dân tộc thiểu số", 45),
        ("Số hộ nghèo - hộ cận nghèo", 80),
    ]
    assert {i.unit for i in items} == {"tỷ đồng", "hộ"}


def test_without_a_numbering_column_an_unmarked_row_ends_the_breakdown(tmp_path: Path) -> None:
    body = (
        "<table>"
        + rows(
            ("Chỉ tiêu", "ĐVT", "Thực hiện"),
            ("Tổng thu ngân sách", "Tỷ đồng", "88,8"),
            ("Trong đó:", "", ""),
            ("- Thu nội địa", "Tỷ đồng", "70,1"),
            ("Tổng chi ngân sách", "Tỷ đồng", "60"),
        )
        + "</table>"
    )
    items = table_items(report(tmp_path, body))
    assert [i.name for i in items] == ["Tổng thu ngân sách", "Tổng thu ngân sách - thu nội địa", "Tổng chi ngân sách"]


def test_year_columns_give_one_indicator_per_year(tmp_path: Path) -> None:
    body = (
        "<table>"
        + rows(
            ("TT", "Chỉ tiêu", "ĐVT", "Năm 2024", "Năm 2025"),
            ("1", "Sản lượng lương thực", "Tấn", "3.950", "4.012"),
        )
        + "</table>"
    )
    items = table_items(report(tmp_path, body))
    assert [(i.name, i.value, i.unit) for i in items] == [
        ("Sản lượng lương thực - Năm 2024", 3950, "tấn"),
        ("Sản lượng lương thực", 4012, "tấn"),
    ]


def test_period_columns_and_a_change_column_without_percent_give_amounts(tmp_path: Path) -> None:
    body = (
        "<table>"
        + rows(
            ("Chỉ tiêu", "ĐVT", "6 tháng năm 2024", "6 tháng năm 2025", "Tăng, giảm so cùng kỳ"),
            ("Thu ngân sách", "Tỷ đồng", "40,2", "45,7", "+5,5"),
        )
        + "</table>"
    )
    items = table_items(report(tmp_path, body))
    assert [(i.name, i.value) for i in items] == [("Thu ngân sách - 6 tháng năm 2024", 40.2), ("Thu ngân sách", 45.7)]
    [change] = items[1].comparisons
    assert (change.basis, change.relation, change.pct, change.amount, change.amount_unit) == (
        "same_period",
        "change",
        None,
        5.5,
        "tỷ đồng",
    )


def test_data_table_without_kpi_header_names_each_figure_by_row_and_column(tmp_path: Path) -> None:
    body = (
        "<table>"
        + rows(
            ("TT", "Đơn vị", "Số hồ sơ tiếp nhận", "Số hồ sơ đúng hạn", "Thứ hạng"),
            ("1", "Xã An Bình", "1.200", "1.150", "1"),
            ("2", "Xã An Phú", "980", "", "2"),
        )
        + "</table>"
    )
    items = table_items(report(tmp_path, body))
    assert [(i.name, i.value, i.unit) for i in items] == [
        ("Xã An Bình - Số hồ sơ tiếp nhận", 1200, "hồ sơ"),
        ("Xã An Bình - Số hồ sơ đúng hạn", 1150, "hồ sơ"),
        ("Xã An Phú - Số hồ sơ tiếp nhận", 980, "hồ sơ"),
    ]  # ranks are ordinals, not indicators


def test_a_kpi_table_of_places_names_every_figure_by_its_column(tmp_path: Path) -> None:
    body = (
        "<table>"
        + rows(
            ("STT", "Địa phương", "Kế hoạch (ha)", "Thực hiện (ha)", "Đạt % KH"),
            ("1", "Xã An Bình", "120", "96", "80"),
        )
        + "</table>"
    )
    [item] = table_items(report(tmp_path, body))
    assert (item.name, item.value, item.unit, item.target) == ("Xã An Bình - Thực hiện (ha)", 96, "ha", 120)
    assert comparisons(item) == [("plan", "ratio", "Đạt % KH", 80)]


def test_tables_without_figures_or_header_and_tables_of_tasks_give_nothing(tmp_path: Path) -> None:
    text_table = (
        "<table>" + rows(("TT", "Nhiệm vụ", "Cơ quan chủ trì"), ("1", "Rà soát văn bản", "Văn phòng")) + "</table>"
    )
    no_header = "<table>" + rows(("1", "Lúa", "120"), ("2", "Ngô", "35"), header=0) + "</table>"
    assert table_items(report(tmp_path, text_table + no_header)) == []
    targets = (
        "<table>"
        + rows(("TT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2026"), ("1", "Thu ngân sách", "Tỷ đồng", "130"))
        + "</table>"
    )
    doc = report(tmp_path, targets, heading="II. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM")
    assert doc.sections[0].role == "tasks" and table_items(doc) == []


def test_text_rules_do_not_read_table_rows_again(tmp_path: Path) -> None:
    body = (
        "<p>Thu ngân sách đạt 65,2 tỷ đồng, bằng 54,1% kế hoạch.</p><table>"
        + rows(
            ("Chỉ tiêu", "ĐVT", "TH", "% KH"),
            ("Thu ngân sách", "tỷ đồng", "65,2", "54,1"),
            ("Chi ngân sách", "tỷ đồng", "40", "50"),
        )
        + "</table>"
    )
    doc = report(tmp_path, body)
    assert len(table_items(doc)) == 2
    text_items = [i for i in doc.indicators if i.table_id is None]
    assert [(i.value, i.quote) for i in text_items] == [(65.2, "Thu ngân sách đạt 65,2 tỷ đồng, bằng 54,1% kế hoạch")]


def test_a_header_repeated_after_a_page_break_is_not_a_row_of_data(tmp_path: Path) -> None:
    head = ("STT", "Chỉ tiêu", "ĐVT", "Thực hiện")
    body = (
        "<table>"
        + rows(head, ("1", "Số hộ nghèo", "hộ", "37"), head, ("2", "Số hộ cận nghèo", "hộ", "52"), header=1)
        + "</table>"
    )
    doc = report(tmp_path, body)
    assert [i.name for i in table_items(doc)] == ["Số hộ nghèo", "Số hộ cận nghèo"]
    assert [r.kind for r in doc.tables[0].row_spans] == ["header", "data", "repeated_header", "data"]


@pytest.mark.parametrize(
    ("cell", "value", "target", "unit", "pct"),
    [
        ("1.234,5", 1234.5, None, None, None),
        ("99,9%", 99.9, None, "%", None),
        ("9,49/ 9,5", 9.49, 9.5, None, None),
        ("862/1.266 (68,1%)", 862, 1266, None, 68.1),
        ("120 ha", 120, None, "ha", None),
        ("-3,5", -3.5, None, None, None),
    ],
)
def test_figure_cells_are_read_the_vietnamese_way(
    cell: str, value: float, target: float | None, unit: str | None, pct: float | None
) -> None:
    got = read_cell(cell)
    assert got is not None and (got.value, got.target, got.unit, got.pct) == (value, target, unit, pct)


@pytest.mark.parametrize("cell", ["Văn bản", "12/63 tỉnh thành", "1.700/2.912/3.141", "Quý II/2025", ""])
def test_cells_that_are_not_one_figure_are_not_read(cell: str) -> None:
    assert read_cell(cell) is None


# --- the corpus tables as shape fixtures --------------------------------------------------------


def _corpus(name: str) -> ReportDocument:
    path = next(CORPUS.glob(f"{name}-*"))
    doc = extract_document(path, RULES)
    assert grounding_errors(doc) == []
    return doc


def test_corpus_merged_header_over_three_columns_17() -> None:
    items = table_items(_corpus("17"))
    assert len(items) == 20  # 4 rows x (2 counts + 3 issuing bodies)
    mines = by_name(items, "Dịch vụ nổ mìn - Cơ quan cấp phép - Bộ Quốc phòng")
    assert (mines.value, mines.table_row) == (1, 4)
    assert by_name(items, "Dịch vụ nổ mìn - Số lượng Giấy phép").unit == "giấy phép"


def test_corpus_unit_column_under_a_merged_header_01() -> None:
    doc = _corpus("01")
    assert len(doc.tables) == 9 and all(t.header_rows == 2 for t in doc.tables)
    items = table_items(doc)
    issued = by_name(items, "Số văn bản chỉ đạo CCHC đã ban hành (Kết luận, chỉ thị, công văn chỉ đạo, quán triệt)")
    assert (issued.value, issued.unit) == (29, "văn bản")
    assert not [i for i in items if "Hình thức khảo sát" in i.name]  # a coded answer (`Trực tuyến = 0 ...`)


def test_corpus_pdf_table_with_two_level_header_and_page_repeat_10() -> None:
    doc = _corpus("10")
    first = doc.tables[0]
    assert first.header_rows == 2 and [r.kind for r in first.row_spans].count("repeated_header") == 2
    reform = by_name(table_items(doc), "Cải cách thể chế - Lâm Đồng - Điểm số")
    assert (reform.value, reform.target) == (9.38, 10)


def test_table_rows_never_become_headings_and_tables_sit_in_their_section() -> None:
    prepared = prepare(next(CORPUS.glob("10-*")))
    rows = [(r.start, r.end) for t in prepared.layout.tables for r in t.table.rows]
    assert not [s for s in prepared.layout.sections if any(a <= s.start < b for a, b in rows)]
    for placed in prepared.layout.tables:
        section = prepared.layout.section_at(placed.table.start)
        assert placed.section_id == (section.id if section else None)
        assert section is None or section.end >= placed.table.end  # the table does not split its section
    assert "[table 13 rows x 11 cols, 2 header; tb1]" in "\n".join(prepared.layout.outline())


def test_an_index_table_reads_scores_out_of_a_maximum_their_share_and_ranks_out_of_n(tmp_path: Path) -> None:
    body = (
        "<table>"
        '<tr><th rowspan="2">STT</th><th rowspan="2">Nội dung</th><th colspan="3">Tỉnh A</th>'
        '<th colspan="3">Tỉnh B</th></tr>'
        "<tr><th>Điểm số</th><th>Chỉ số</th><th>Thứ hạng</th><th>Điểm số</th><th>Chỉ số</th><th>Thứ hạng</th></tr>"
        + rows(
            ("1", "Cải cách thể chế", "9,38/ 10", "93,8%", "20/63", "8,67/ 10", "86,7%", "55/63"),
            ("2", "Cải cách tài chính công", "8,56/ 12", "71,3%", "44/63", "9,84/ 12", "82,0%", "42/63"),
            header=0,
        )
        + "</table>"
    )
    items = table_items(report(tmp_path, body))
    score = by_name(items, "Cải cách thể chế - Tỉnh A - Điểm số")
    assert (score.value, score.unit, score.target) == (9.38, "điểm", 10)
    assert comparisons(score) == [("other", "ratio", "Chỉ số", 93.8)]  # the share of the maximum
    rank = by_name(items, "Cải cách tài chính công - Tỉnh B - Thứ hạng")
    assert (rank.value, rank.unit, rank.target, rank.comparisons) == (42, "hạng", 63, [])
    assert len(items) == 8 and not [i for i in items if i.unit == "%"]  # no share is a figure of its own


def test_a_percentage_column_that_is_not_the_share_of_the_score_beside_it_stays_a_figure(tmp_path: Path) -> None:
    body = (
        "<table>"
        + rows(
            ("STT", "Nội dung", "Điểm số", "Tỷ lệ hài lòng"),
            ("1", "Tiếp cận dịch vụ", "8/ 10", "65%"),
            ("2", "Thủ tục hành chính", "9/ 10", "70%"),
        )
        + "</table>"
    )
    items = table_items(report(tmp_path, body))
    rate = by_name(items, "Tiếp cận dịch vụ - Tỷ lệ hài lòng")
    assert (rate.value, rate.unit) == (65, "%")
    assert by_name(items, "Tiếp cận dịch vụ - Điểm số").comparisons == []
