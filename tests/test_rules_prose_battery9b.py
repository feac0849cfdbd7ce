"""Figure shapes a second pass over the ninth battery left: an earlier period's figure in brackets,
a name before a judgement, places in bracketed parts, `vạn`, and dose counts. Every sentence is invented."""

from __future__ import annotations

from llmx.rules.indicators import find_indicators


def read(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(i.name, i.value, i.unit) for i in find_indicators(text)]


def test_an_earlier_periods_figure_in_brackets_is_the_basis_of_the_figure_before_it_not_its_part() -> None:
    assert read("Tiếp nhận 86 ca tay chân miệng (cùng kỳ 63 ca).") == [("Tiếp nhận ca tay chân miệng", 86, "ca")]
    assert read("Khởi tố 17 vụ án ma túy (năm 2025: 12 vụ).") == [("Khởi tố vụ án ma túy", 17, "vụ")]
    assert read("Đón 940 lượt khách (cùng kỳ năm trước là 710 lượt).") == [
        ("Đón lượt khách", 940, "lượt khách")
    ]  # fig10: `lượt khách` is the unit as written
    # parts of a total in brackets stay parts
    assert [v for _, v, _ in read("Tổ chức 6 lớp tập huấn (04 lớp ở huyện, 02 lớp ở xã).")] == [6, 4, 2]


def test_a_ratio_after_a_judgement_is_named_by_the_subject_before_the_judgement() -> None:
    def name_of(text: str) -> str:
        (ind,) = find_indicators(text)
        return ind.name

    assert name_of("Tiến độ thực hiện dự án còn chậm, mới đạt 42% kế hoạch.") == "Tiến độ thực hiện dự án"
    assert name_of("Thu tiền sử dụng đất gặp nhiều khó khăn, chỉ đạt 27% dự toán.") == "Thu tiền sử dụng đất"
    assert name_of("Công tác đo đạc còn rất chậm, mới chỉ đạt 18% kế hoạch.") == "Công tác đo đạc"
    # `mới` after a verb is the verb's (`cấp mới`, `trồng mới`), no judgement
    assert name_of("Trồng mới 85 ha cây ăn quả.") == "Trồng mới cây ăn quả"


def test_a_bracketed_part_with_no_words_of_its_own_is_named_by_the_place_after_it() -> None:
    assert read("Xảy ra 4 vụ sạt lở (03 vụ trên tuyến đê, 01 vụ trên kênh tiêu).") == [
        ("Xảy ra vụ sạt lở", 4, "vụ"),
        ("Xảy ra vụ sạt lở - trên tuyến đê", 3, "vụ"),
        ("Xảy ra vụ sạt lở - trên kênh tiêu", 1, "vụ"),
    ]
    assert [n for n, _, _ in read("Phát hiện 8 vụ vi phạm (05 vụ tại chợ đầu mối, 03 vụ ở cửa hàng).")][1:] == [
        "Phát hiện vụ vi phạm - tại chợ đầu mối",
        "Phát hiện vụ vi phạm - ở cửa hàng",
    ]
    # a part with its own words keeps them
    assert read("Mở 3 lớp (02 lớp may, 01 lớp hàn).")[1][0] == "Mở lớp - lớp may"


def test_a_count_in_van_ten_thousands_keeps_its_scale_in_the_unit_as_trieu_does() -> None:
    assert read("Lễ hội thu hút 3,5 vạn lượt người dân và du khách.")[0][1:] == (3.5, "vạn lượt người")
    assert read("Tổng đàn lợn đạt 2,4 vạn con.") == [("Tổng đàn lợn", 2.4, "vạn con")]
    assert read("Đón 1,8 triệu lượt khách.")[0][1:] == (
        1.8,
        "triệu lượt khách",
    )  # fig10: `lượt khách` is the unit as written


def test_a_numbered_step_after_another_borrows_the_name_the_step_before_it_has() -> None:
    assert [n for n, _, _ in read("Tiêm vắc xin phòng bạch hầu mũi 1 cho 530 người, mũi 2 cho 488 người.")] == [
        "Tiêm vắc xin phòng bạch hầu mũi 1",
        "Tiêm vắc xin phòng bạch hầu mũi 2",
    ]
    assert [n for n, _, _ in read("Phát gạo cứu đói đợt 1 cho 62 hộ, đợt 2 cho 47 hộ, đợt 3 cho 30 hộ.")][1:] == [
        "Phát gạo cứu đói đợt 2 cho hộ",
        "Phát gạo cứu đói đợt 3 cho hộ",
    ]
    # a step the figure before names no step of keeps its own words
    assert read("Tổ chức 2 đợt diễn tập, đợt 1 có 80 người.")[1][0].startswith("Đợt 1")
