"""Figures in prose as reports never tuned on write them (a survey of real administrative reports,
tờ trình and term reports): counted nouns the lexicon lacked, a number restated in words, a name
that already holds its counted noun, a share closing a long clause, `vượt X%`. The sentences are
invented for these tests; they only copy the shapes."""

from __future__ import annotations

from llmx.contract import Indicator
from llmx.rules.indicators import find_indicators


def comps(ind: Indicator) -> list[tuple[object, ...]]:
    return [(c.basis, c.basis_text, c.relation, c.pct, c.amount, c.amount_unit) for c in ind.comparisons]


def test_survey_forms_opinions_acts_and_committee_members_are_counted_nouns():
    text = (
        "Qua ba tháng, đã thu về hơn 12.400 phiếu khảo sát; tiếp thu 37 ý kiến góp ý; "
        "xử phạt 04 hành vi vi phạm; Ban Chấp hành có 19 ủy viên."
    )
    forms, opinions, acts, members = find_indicators(text)
    assert (forms.value, forms.unit, forms.approx) == (12400, "phiếu khảo sát", "over")
    assert (opinions.value, opinions.unit) == (37, "ý kiến")
    assert (acts.value, acts.unit) == (4, "hành vi")
    assert (members.value, members.unit) == (19, "ủy viên")


def test_label_lists_of_lengths_pieces_and_stores_are_read():
    (cord,) = find_indicators("- Dây cháy chậm: 12.350 mét.")
    assert (cord.name, cord.value, cord.unit) == ("Dây cháy chậm", 12350, "mét")
    (caps,) = find_indicators("- Kíp điện: 4.120 quả.")
    assert (caps.name, caps.value, caps.unit) == ("Kíp điện", 4120, "quả")  # `quả` alone names nothing
    (stores,) = find_indicators("Tổng số kho đang hoạt động: 17 kho.")
    assert (stores.value, stores.unit) == (17, "kho")


def test_a_number_restated_in_words_before_its_unit_is_one_figure():
    permit, certificates = find_indicators("Đã cấp 01 (một) giấy phép xây dựng và 03 (ba) giấy chứng nhận.")
    assert (permit.value, permit.unit, permit.quote) == (1, "giấy phép", "Đã cấp 01 (một) giấy phép xây dựng")
    assert (certificates.value, certificates.unit) == (3, "giấy chứng nhận")
    (delegates,) = find_indicators("Đại hội có 87 (tám mươi bảy) đại biểu chính thức tham dự.")
    assert (delegates.value, delegates.unit) == (87, "đại biểu")


def test_a_period_restated_in_words_stays_a_time_span():
    assert find_indicators("Hội họp định kỳ 6 (sáu) tháng một lần; đại hội 05 (năm) năm một lần.") == []


def test_a_name_that_already_holds_its_counted_noun_does_not_repeat_it():
    (members,) = find_indicators("Tổng số đảng viên của chi bộ là 46 đảng viên.")
    assert members.name == "Tổng số đảng viên của chi bộ"
    (firms,) = find_indicators("Số lượng doanh nghiệp được hỗ trợ là 215 doanh nghiệp.")
    assert firms.name == "Số lượng doanh nghiệp được hỗ trợ"
    (trained,) = find_indicators("Đã tập huấn 120 hội viên nông dân.")
    assert trained.name == "Đã tập huấn hội viên nông dân"  # the counted noun still names a verb


def test_a_share_closing_the_clause_of_a_fraction_is_its_rate():
    text = "Có 42/90 đơn đã được giải quyết dứt điểm, đương sự không khiếu nại tiếp, chiếm 46,7%."
    (ind,) = find_indicators(text)
    assert (ind.value, ind.target, ind.unit) == (42, 90, "đơn")
    assert comps(ind) == [("other", "chiếm", "ratio", 46.7, None, None)]
    assert ind.quote.endswith("chiếm 46,7%")


def test_a_share_closing_the_clause_of_a_count_is_a_share_named_like_the_count():
    count, share = find_indicators("Có 18 hộ được hỗ trợ làm nhà ở, thuộc diện chính sách, chiếm 12%.")
    assert (count.value, count.unit) == (18, "hộ")
    assert (share.value, share.unit, share.name) == (12, "%", count.name)


def test_a_share_with_no_count_before_it_is_named_by_its_clause():
    (share,) = find_indicators("Đến nay các kiến nghị của cử tri đã được trả lời, chiếm 93%.")
    assert (share.value, share.unit) == (93, "%")
    assert share.name.lower().endswith("các kiến nghị của cử tri đã được trả lời")


def test_a_breakdown_after_chiem_is_not_taken_as_a_late_share():
    count, child = find_indicators("Tiếp nhận 300 hồ sơ, trong đó hồ sơ trực tuyến chiếm 70%.")
    assert (count.value, child.value, child.unit) == (300, 70, "%")
    assert child.name != count.name


def test_vuot_x_percent_is_a_change_over_the_basis_and_vuot_over_100_a_loose_ratio():
    (members,) = find_indicators("Kết nạp 54 hội viên mới, vượt 8% kế hoạch năm.")
    assert comps(members) == [("plan", "kế hoạch năm", "change", 8.0, None, None)]
    (revenue,) = find_indicators("Doanh thu dịch vụ 31 tỷ đồng, vượt 115% kế hoạch.")
    assert comps(revenue) == [("plan", "kế hoạch", "ratio", 115.0, None, None)]
    (threshold,) = find_indicators("Sản lượng cà phê đạt và vượt 5% kế hoạch năm.")
    assert comps(threshold)[0][2] == "ratio"  # `đạt và vượt` keeps its reading


def test_a_so_voi_clause_after_a_semicolon_gives_its_changes_to_the_figures_before_it():
    text = (
        "Xảy ra 9 vụ tai nạn giao thông, làm chết 4 người, bị thương 7 người; "
        "so với cùng kỳ giảm 2 vụ, tăng 1 người chết."
    )
    accidents, dead, injured = find_indicators(text)
    assert comps(accidents) == [("same_period", "cùng kỳ", "change", None, -2.0, "vụ")]
    assert comps(dead) == [("same_period", "cùng kỳ", "change", None, 1.0, "người")]  # `người chết`: the dead
    assert comps(injured) == []


def test_a_so_voi_clause_in_percent_is_a_change_of_the_figure_right_before_it():
    (revenue,) = find_indicators("Thu ngân sách xã đạt 7,4 tỷ đồng; so với cùng kỳ tăng 9,5%.")
    assert (revenue.value, revenue.unit) == (7.4, "tỷ đồng")
    assert comps(revenue) == [("same_period", "cùng kỳ", "change", 9.5, None, None)]
    harvest, _ = find_indicators("Sản lượng chè 840 tấn, diện tích 120 ha. So với năm 2024 giảm 3%.")
    assert comps(harvest) == []  # the `%` goes to the area, the figure right before the sentence


def test_a_count_in_millions_keeps_its_scale_in_the_unit_and_its_noun_in_the_name():
    (visits,) = find_indicators("Tổng số lượt truy cập Cổng thông tin điện tử đạt 2,4 triệu lượt.")
    assert (visits.name, visits.value, visits.unit) == (
        "Tổng số lượt truy cập Cổng thông tin điện tử",
        2.4,
        "triệu lượt",
    )
    (cards,) = find_indicators("Cấp mới 1,1 triệu thẻ bảo hiểm y tế.")
    assert (cards.name, cards.value, cards.unit) == ("Cấp mới thẻ bảo hiểm y tế", 1.1, "triệu thẻ bảo hiểm y tế")
    (revenue,) = find_indicators("Doanh thu du lịch đạt 4 nghìn tỷ đồng.")
    assert (revenue.value, revenue.unit) == (4, "nghìn tỷ đồng")


def test_a_rate_of_the_population_does_not_take_dan_into_its_name():
    (insured,) = find_indicators("Số người tham gia bảo hiểm y tế đạt 93,1% dân số.")
    assert (insured.name, insured.value, insured.unit) == ("Số người tham gia bảo hiểm y tế", 93.1, "%")


def test_teams_are_counted():
    (teams,) = find_indicators("Tổ chức Giải bóng chuyền hơi cho 18 đội tham gia.")
    assert (teams.value, teams.unit) == (18, "đội")


def test_ranges_are_norms_or_descriptions_not_figures():
    assert find_indicators("Mỗi hộ được hỗ trợ từ 8 đến 12 triệu đồng để sửa nhà.") == []
    assert find_indicators("Khu vực có độ cao từ 420m đến hơn 610m so với mực nước biển.") == []
    assert find_indicators("Độ ẩm trung bình từ 82% ÷ 86%, tỷ lệ che phủ 40 - 45% tùy mùa.") == []
    (kept,) = find_indicators("Số hộ nghèo còn 215 hộ, từ ngày 01/7 đến 30/9 không phát sinh hộ mới.")
    assert (kept.value, kept.unit) == (215, "hộ")  # a date span is no range of figures


def test_a_count_after_a_date_and_a_comma_is_no_malformed_number():
    (households,) = find_indicators("Trong tháng 8, 135 hộ được hỗ trợ tiền điện.")
    assert (households.value, households.unit, households.flags) == (135, "hộ", [])
    (communes,) = find_indicators("Đến ngày 31/10, 27 xã đã hoàn thành chuyển đổi số.")
    assert (communes.value, communes.unit) == (27, "xã")
    (offices,) = find_indicators("Tính đến ngày 20/11/2025, 100% cơ quan, đơn vị xếp loại Tốt trở lên.")
    assert (offices.value, offices.unit, offices.name) == (100, "%", "Cơ quan, đơn vị xếp loại")
    (odd,) = find_indicators("Thu giữ 3, 412kg ma túy tổng hợp.")  # a space after the decimal comma stays malformed
    assert (odd.value, odd.unit, odd.flags) == (None, "kg", ["malformed_number"])


def test_a_percentage_of_a_list_of_bodies_is_named_by_the_whole_list():
    (share,) = find_indicators("100% sở, ngành bố trí công chức theo vị trí việc làm.")
    assert (share.value, share.unit, share.name) == (100, "%", "Sở, ngành bố trí công chức")


def test_commune_peoples_committees_are_counted_and_do_not_swallow_the_plan_words_after_them():
    offices, communes = find_indicators("Đã kiểm tra 5/17 sở, ngành và 41/124 UBND cấp xã, chỉ tiêu đề ra là 30%.")
    assert (offices.value, offices.target, offices.unit) == (5, 17, "sở, ngành")
    assert (communes.value, communes.target, communes.unit) == (41, 124, "ubnd cấp xã")


def test_a_rules_condition_and_its_consequence_are_norms_not_figures():
    text = "Tỷ lệ hồ sơ đúng hẹn cấp tỉnh chỉ đạt 91,2% (trường hợp dưới 95% thì tiêu chí này đạt 0 điểm)."
    (rate,) = find_indicators(text)
    assert (rate.name, rate.value, rate.unit) == ("Tỷ lệ hồ sơ đúng hẹn cấp tỉnh", 91.2, "%")  # no trailing `chỉ`
    (communes,) = find_indicators("Nếu đạt từ 80% trở lên thì được 2 điểm; đã có 31 xã đạt.")
    assert (communes.value, communes.unit) == (31, "xã")


def test_a_breakdown_after_a_share_takes_its_own_words_not_its_siblings():
    text = "Đến nay các kiến nghị đã được trả lời, chiếm 94%; trong đó 60% kiến nghị đã được xử lý."
    share, child = find_indicators(text)
    assert share.value == 94 and child.value == 60
    # its own words are the relative clause after the share's noun, not its sibling's
    assert child.name.endswith(" - kiến nghị đã được xử lý") and child.name.count("đã được trả lời") == 1


def test_phone_numbers_thresholds_and_a_rules_frequency_are_no_figures():
    assert find_indicators("- Số điện thoại: 0912345678.") == []
    assert find_indicators("- Số căn cước: 015064000584; mã số thuế 5800123456.") == []
    assert find_indicators("Ban Chấp hành mỗi năm họp 02 lần; đại hội 5 năm 1 lần.") == []
    assert find_indicators("Không giữ chức danh chủ tịch quá 03 hội; mỗi đơn vị đề xuất ít nhất 01 mô hình.") == []
    (checks,) = find_indicators("Trong năm đã tổ chức 06 lần kiểm tra đột xuất.")
    assert (checks.value, checks.unit) == (6, "lần")  # a count of the period keeps its `lần`
    (rate,) = find_indicators("Tỷ lệ số hóa đạt 74% (chỉ tiêu đề ra là tối thiểu 80%).")
    assert (rate.value, rate.target) == (74, 80)  # a threshold in parentheses is still the plan


def test_a_section_number_is_no_count_but_a_list_of_procedures_is():
    assert find_indicators("Thực hiện theo hướng dẫn tại mục 2 Công văn số 118/HD-BTV.") == []
    (procedures,) = find_indicators("Ban hành danh mục 27 thủ tục hành chính nội bộ.")
    assert (procedures.value, procedures.unit) == (27, "thủ tục hành chính")


def test_a_label_ending_in_a_blocking_word_still_labels_its_count():
    (count,) = find_indicators("Độ tuổi: từ đủ 18 tuổi đến 30 tuổi: 412.")
    assert count.value == 412


def test_a_chain_of_changes_with_its_basis_last_goes_to_the_figures_before_it():
    found, people = find_indicators("Phát hiện 11 vụ, 19 đối tượng, giảm 4 vụ, 2 đối tượng so với cùng kỳ.")
    assert comps(found) == [("same_period", "cùng kỳ", "change", None, -4.0, "vụ")]
    assert comps(people) == [("same_period", "cùng kỳ", "change", None, -2.0, "đối tượng")]
    (fires,) = find_indicators("Xảy ra 5 vụ cháy, giảm 2 vụ (-28,6%) so với cùng kỳ.")
    assert comps(fires) == [("same_period", "cùng kỳ", "change", -28.6, -2.0, "vụ")]


def test_a_so_voi_clause_may_put_a_colon_after_its_basis():
    (thefts,) = find_indicators("Xảy ra 9 vụ trộm cắp tài sản; so với cùng kỳ năm trước: tăng 3 vụ.")
    assert comps(thefts) == [("same_period", "cùng kỳ năm trước", "change", None, 3.0, "vụ")]


def test_a_change_restated_in_percent_is_one_comparison_with_both_sizes():
    (revenue,) = find_indicators("Thu ngân sách 9,8 tỷ đồng, tăng 820 triệu đồng so với cùng kỳ (tăng 9,1%).")
    assert comps(revenue) == [("same_period", "cùng kỳ", "change", 9.1, 820.0, "triệu đồng")]
    assert revenue.quote.endswith("(tăng 9,1%)")
    (permits,) = find_indicators("Cấp 42 giấy phép xây dựng, tăng 14 giấy phép so với cùng kỳ, tương đương tăng 50%.")
    assert comps(permits) == [("same_period", "cùng kỳ", "change", 50.0, 14.0, "giấy phép")]


def test_tang_n_lan_is_read_as_gap_n_lan_and_the_school_year_is_a_previous_period():
    (exports,) = find_indicators("Kim ngạch xuất khẩu 38 triệu USD, tăng 1,8 lần so với cùng kỳ.")
    assert comps(exports) == [("same_period", "cùng kỳ", "ratio", 180.0, None, None)]
    (pupils,) = find_indicators("Tổng số học sinh 9.400 em, tăng 210 em so với năm học trước.")
    assert (pupils.value, pupils.unit, pupils.name) == (9400, "em", "Tổng số học sinh")
    assert comps(pupils) == [("previous_period", "năm học trước", "change", None, 210.0, "em")]


def test_from_x_to_y_gives_both_values_under_one_name():
    old, new = find_indicators("Công ty thay đổi vốn điều lệ từ 12 tỷ lên 30 tỷ.")
    assert (old.value, new.value, old.unit, new.unit) == (12, 30, "tỷ", "tỷ")
    assert old.name == new.name == "Công ty thay đổi vốn điều lệ"
    assert new.quote == "Công ty thay đổi vốn điều lệ từ 12 tỷ lên 30 tỷ"
    before, after = find_indicators("Số hộ nghèo giảm từ 410 hộ xuống còn 286 hộ.")
    assert (before.value, after.value, after.name) == (410, 286, "Số hộ nghèo")
    (filed,) = find_indicators("Đã cập nhật 4.210 hồ sơ lên phần mềm quản lý (đạt tỷ lệ 100%).")
    assert filed.comparisons[0].pct == 100  # `lên` with no number after it is a plain word


def test_bounds_and_thresholds_written_with_symbols_or_tro_len_are_no_figures():
    assert find_indicators("Chiều sâu lỗ khoan Lk ≤ 3 mét; trường hợp vi phạm từ 02 hành vi trở lên thì bị phạt.") == []
    (communes,) = find_indicators("Toàn huyện có 11 xã đạt từ 15 tiêu chí trở lên.")
    assert (communes.value, communes.unit) == (11, "xã")
    assert find_indicators("Tổ chức, cá nhân phải nộp 01 (một) lần phí sử dụng tần số.") == []


def test_a_label_with_a_note_in_parentheses_still_names_its_figure():
    (output,) = find_indicators("- Benzaldehyde (≥99%): 180 tấn/năm")
    assert (output.name, output.value, output.unit) == ("Benzaldehyde (≥99%)", 180, "tấn/năm")


def test_a_place_name_ending_in_a_number_is_no_bare_count():
    fine, area = find_indicators(
        "Phạt 45.000.000 đồng và đình chỉ hoạt động tại mỏ đá khu vực Mỹ Gia 5, diện tích 3,2 ha."
    )
    assert (fine.value, fine.unit, area.value, area.unit) == (45000000, "đồng", 3.2, "ha")


def test_a_basis_written_before_its_ratio_verb_is_the_ratios_basis():
    (rice,) = find_indicators("Sản lượng lúa 9.800 tấn, so với kế hoạch đạt 97%.")
    assert (rice.value, rice.unit) == (9800, "tấn")
    assert comps(rice) == [("plan", "kế hoạch", "ratio", 97.0, None, None)]
    (sales,) = find_indicators("Doanh thu 21 tỷ đồng, so với cùng kỳ bằng 104%.")
    assert comps(sales) == [("same_period", "cùng kỳ", "ratio", 104.0, None, None)]


def test_a_sentence_that_opens_with_its_basis_gives_it_to_the_ratio_and_change_in_it():
    (rice,) = find_indicators("So với kế hoạch, sản lượng lúa đạt 96%.")
    assert (rice.value, rice.unit, rice.quote) == (None, None, "So với kế hoạch, sản lượng lúa đạt 96%")
    assert comps(rice) == [("plan", "kế hoạch", "ratio", 96.0, None, None)]
    services, output = find_indicators("So với cùng kỳ, doanh thu dịch vụ tăng 7%, sản lượng 1.150 tấn.")
    assert comps(services) == [("same_period", "cùng kỳ", "change", 7.0, None, None)]
    assert (output.value, comps(output)) == (1150, [])


def test_a_rank_takes_its_change_in_places():
    (rank,) = find_indicators("Chỉ số PAR Index của tỉnh xếp hạng 21/34, tăng 4 bậc so với năm 2024.")
    assert (rank.value, rank.target, rank.unit) == (21, 34, "hạng")
    assert comps(rank) == [("previous_period", "năm 2024", "change", None, 4.0, "bậc")]
