"""Prose figures a survey of untuned pool documents (fee explanations, statutes, appraisal notices)
showed misread: two figures joined by `và`, each with its own name and `là`; an area after an area
taken for the first one's attribute; a scale word before a measure other than money (`tỷ tấn`);
a rate unit the lexicon does not know cut back to a bare `tỷ`; contact numbers and statutory
bounds after a label; a statute's quorum; a cumulative figure `từ năm ... đến nay`; a classifier
count named by the standard it met (`156 em đạt học sinh giỏi`); counts of machines and
equipment. The sentences are invented for these tests; they only copy the shapes."""

from __future__ import annotations

from llmx.rules.indicators import find_indicators


def triples(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(i.name, i.value, i.unit) for i in find_indicators(text)]


def test_two_figures_joined_by_va_each_with_its_name_and_la_are_two_indicators() -> None:
    found = triples("Chi hỗ trợ xác minh là 199 tỷ đồng và chi phục vụ công tác thu phí là 80 tỷ đồng.")
    assert found == [("Chi hỗ trợ xác minh", 199, "tỷ đồng"), ("Chi phục vụ công tác thu phí", 80, "tỷ đồng")]
    # a counted noun joined by `và` to words that say what it is still keeps them, also before a place count
    assert triples("Tổ chức 06 lớp tập huấn và bồi dưỡng.") == [("Tổ chức lớp tập huấn và bồi dưỡng", 6, "lớp")]
    found = triples("Lập quy hoạch 06 dự án đấu giá đất tập trung và xen kẹp tại 05 xã.")
    assert found[0] == ("Lập quy hoạch dự án đấu giá đất tập trung và xen kẹp", 6, "dự án")


def test_an_area_after_an_area_is_a_sibling_not_the_first_figures_attribute() -> None:
    found = triples("Diện tích lúa là 120 ha, diện tích ngô là 85 ha.")
    assert found == [("Diện tích lúa", 120, "ha"), ("Diện tích ngô", 85, "ha")]
    # an area after a count is still that count's attribute
    found = triples("Kiểm kê xong 108 hộ, diện tích 70,9 ha.")
    assert found[1][0].startswith("Kiểm kê xong hộ - ") and found[1][1:] == (70.9, "ha")


def test_a_scale_word_before_a_measure_other_than_money_is_part_of_the_unit() -> None:
    found = triples("Quặng apatit có trữ lượng khoảng 2,5 tỷ tấn; sản lượng điện 1,5 tỷ kWh; thu 3 tỷ đồng.")
    assert found == [
        ("Quặng apatit có trữ lượng", 2.5, "tỷ tấn"),
        ("Sản lượng điện", 1.5, "tỷ kwh"),
        ("Thu", 3, "tỷ đồng"),
    ]


def test_an_unknown_rate_unit_is_never_cut_back_to_a_bare_scale_word() -> None:
    found = triples("Tổng số tiền phí thu được 932 tỷ đồng (khoảng 2,1 tỷ đồng/năm/Sở).")
    assert found == [("Tổng số tiền phí thu", 932, "tỷ đồng")]
    assert all(unit != "tỷ" for _, _, unit in triples("Bình quân 2,1 tỷ đồng/năm/đơn vị."))


def test_a_phone_or_tax_number_after_its_label_is_no_figure() -> None:
    assert triples("- Điện thoại: 02603. 913202") == []
    assert triples("- Fax: (0263) 3822 115; Mã số thuế: 5300 220 823") == []


def test_a_statutory_bound_or_quorum_is_a_norm_not_a_figure() -> None:
    assert triples("Mức thu phí tối thiểu là 500.000 đồng và tối đa là 150.000.000 đồng.") == []
    assert triples("Các cuộc họp của Ban Chấp hành là hợp lệ khi có trên 50% thành viên tham dự.") == []
    assert triples("Việc sửa đổi Điều lệ phải được 2/3 thành viên Hội đồng quản lý Quỹ tán thành.") == []
    assert (
        triples("Ban Chấp hành có thể họp bất thường khi có yêu cầu của Ban Thường vụ hoặc trên 50% tổng số ủy viên.")
        == []
    )
    assert triples("Hội đồng họp bất thường theo yêu cầu của trên 50% tổng số thành viên.") == []
    assert triples("Thông qua hợp đồng bán tài sản có giá trị từ 50 (năm mươi) triệu đồng Việt Nam trở lên.") == []
    assert triples("Ban Chấp hành là cơ quan lãnh đạo giữa 02 kỳ Đại hội.") == []
    # `theo yêu cầu` that names no threshold leaves the result alone
    assert triples("Theo yêu cầu của người dân, đã cấp 120 bản sao.") == [("Đã cấp bản sao", 120, "bản")]
    # a result stated with `được N/M` is still a figure
    found = triples("Nghị quyết được 45/50 đại biểu biểu quyết thông qua.")
    assert [(v, u) for _, v, u in found] == [(45, "đại biểu")]


def test_a_cumulative_figure_since_a_year_keeps_lũy_kế_and_drops_the_years() -> None:
    found = triples("Diện tích cà phê tái canh đạt 520 ha, lũy kế từ năm 2021 đến nay là 2.640 ha.")
    assert found[1][1:] == (2640, "ha")
    assert "lũy kế" in found[1][0] and "2021" not in found[1][0]
    assert triples("Số hộ thoát nghèo từ năm 2021 đến nay là 320 hộ.") == [("Số hộ thoát nghèo", 320, "hộ")]


def test_the_operands_of_a_calculation_are_no_figures() -> None:
    assert triples("Phí thẩm định = 14.631.302.504 đồng x 0,19% x 50% = 13.899.737 đồng.") == []
    assert triples("Theo tính toán rc = 27,7 m < 63 m nên đủ điều kiện an toàn.") == []
    # counts of `kỳ` and words beginning with x stay figures
    found = triples("Tổ chức 2 kỳ thi; cấp 5 giấy phép x-quang.")
    assert [(v, u) for _, v, u in found] == [(2, "kỳ"), (5, "giấy phép")]


def test_a_place_opening_with_a_parenthesised_note_stays_out_of_the_name() -> None:
    found = triples("Trên địa bàn tỉnh Lâm Đồng (mới) có 03 Hội cùng lĩnh vực hoạt động.")
    assert found == [("Hội cùng lĩnh vực hoạt động", 3, "hội")]


def test_a_classifier_count_is_named_by_the_standard_or_prize_it_met() -> None:
    assert triples("Có 156 em đạt học sinh giỏi cấp tỉnh.") == [("Em đạt học sinh giỏi cấp tỉnh", 156, "em")]
    assert triples("Có 45 người đạt giải.") == [("Người đạt giải", 45, "người")]
    # `đạt` before a rate is still a comparison, not a standard
    found = find_indicators("Kiểm tra 20 cơ sở đạt 100% kế hoạch.")
    assert [(i.name, i.value) for i in found] == [("Kiểm tra cơ sở", 20)] and found[0].comparisons


def test_machines_equipment_and_sets_of_files_are_counted() -> None:
    found = triples("Tịch thu 3 máy xúc; trang bị 04 bình chữa cháy, 02 thiết bị rửa mắt; nhận 02 bộ hồ sơ.")
    assert [(v, u) for _, v, u in found] == [(3, "máy"), (4, "bình chữa cháy"), (2, "thiết bị"), (2, "bộ hồ sơ")]
    assert found[0][0] == "Tịch thu máy xúc"
    # `bình quân` after a count of places is no counted noun
    found = triples("Mô hình thực hiện tại 09 xã, bình quân trên 30 ha/xã.")
    assert found[0][1:] == (9, "xã")


def test_a_trong_do_list_ends_at_a_semicolon_after_which_something_else_is_counted() -> None:
    found = triples(
        "Giải quyết việc làm cho 1.850 lao động, trong đó xuất khẩu lao động 126 người; "
        "tổ chức 14 phiên giao dịch việc làm."
    )
    assert found[1][0] == "Giải quyết việc làm cho lao động - xuất khẩu lao động"
    assert found[2] == ("Tổ chức phiên giao dịch việc làm", 14, "phiên")
    # parts of the same measure after semicolons stay children
    found = triples("Tổng thu 500 tỷ đồng, trong đó: thu thuế 200 tỷ đồng; thu phí 50 tỷ đồng; thu khác 250 tỷ đồng.")
    assert [name for name, _, _ in found[1:]] == ["Tổng thu - thu thuế", "Tổng thu - thu phí", "Tổng thu - thu khác"]
