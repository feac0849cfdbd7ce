"""Figures whose lead words used to hide them or leak into their names, in sentences written for
this test: `từ mức X lên Y`, a `Đối với N ...` topic that runs on into a clause, and names opened by
`Đối với`/`Với`/`Về` (a topic word, not part of what is counted)."""

from __future__ import annotations

from llmx.rules.indicators import find_indicators


def test_tu_muc_x_len_y_gives_both_amounts_under_the_name_before_the_change() -> None:
    inds = find_indicators("Mức phụ cấp cán bộ không chuyên trách tăng từ mức 1,5 triệu đồng lên mức 2,1 triệu đồng.")
    assert [(i.name, i.value, i.unit) for i in inds] == [
        ("Mức phụ cấp cán bộ không chuyên trách", 1.5, "triệu đồng"),
        ("Mức phụ cấp cán bộ không chuyên trách", 2.1, "triệu đồng"),
    ]


def test_a_level_number_after_muc_is_still_no_figure() -> None:
    assert [i.value for i in find_indicators("Đơn vị được xếp loại mức 2; tiếp nhận 46 hồ sơ.")] == [46]


def test_a_doi_voi_topic_that_runs_on_into_a_clause_holds_a_real_count() -> None:
    (ind,) = find_indicators("- Đối với 57 công trình chậm quyết toán, đã đôn đốc chủ đầu tư hoàn thiện hồ sơ.")
    assert (ind.name, ind.value, ind.unit) == ("Công trình chậm quyết toán", 57, "công trình")


def test_a_doi_voi_topic_label_before_a_colon_counts_nothing() -> None:
    text = "- Đối với 09 thủ tục liên thông cấp huyện: tiếp nhận 312 hồ sơ."
    assert [i.value for i in find_indicators(text)] == [312]


def test_topic_words_voi_and_ve_do_not_open_a_name() -> None:
    (ind,) = find_indicators("Với 14 hợp tác xã nông nghiệp đang hoạt động.")
    assert ind.name == "Hợp tác xã nông nghiệp đang hoạt động"
    (kept,) = find_indicators("Về đích nông thôn mới 2 xã.")
    assert kept.name.startswith("Về đích")


def test_du_kien_ca_nam_is_the_period_result_estimated_but_a_next_year_forecast_is_no_figure() -> None:
    (ind,) = find_indicators("Dự kiến cả năm thu ngân sách xã 9,6 tỷ đồng, đạt 104% dự toán.")
    assert (ind.value, ind.unit, ind.estimated) == (9.6, "tỷ đồng", True)
    assert [c.pct for c in ind.comparisons] == [104]
    assert find_indicators("Dự kiến năm 2027 trồng mới 80 ha cây ăn quả.") == []


def test_a_counted_noun_keeps_its_written_case_in_the_name_but_the_unit_is_lowercase() -> None:
    (ind,) = find_indicators("Đoàn đã kiểm tra 12 UBND cấp xã về công tác văn thư.")
    assert ind.name.startswith("Đoàn đã kiểm tra UBND cấp xã") and ind.unit == "ubnd cấp xã"
    (htx,) = find_indicators("Toàn huyện có 31 HTX đang hoạt động.")
    assert htx.name.endswith("HTX đang hoạt động") and htx.unit == "htx"


def test_chi_hoi_is_a_counted_noun_and_truc_thuoc_stays_whole_in_the_name() -> None:
    new, total = find_indicators("Thành lập mới 06 chi hội, nâng tổng số lên 39 chi hội.")
    assert (new.value, new.unit, total.value, total.unit) == (6, "chi hội", 39, "chi hội")
    (ind,) = find_indicators("Hội hiện có 27 chi hội trực thuộc.")
    assert ind.name.endswith("chi hội trực thuộc")


def test_the_comma_of_so_ban_nganh_belongs_to_the_name() -> None:
    (visits,) = find_indicators("Đoàn đã kiểm tra các sở, ban, ngành 09 cuộc.")
    assert visits.name.startswith("Đoàn đã kiểm tra các sở, ban, ngành")
    (assoc,) = find_indicators("Trên địa bàn có hội hoạt động phạm vi cả nước, liên tỉnh 06 hội.")
    assert "cả nước, liên tỉnh" in assoc.name
