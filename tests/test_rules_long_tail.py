"""The long tail of figures in reports the rules were first tuned without: counted nouns of
e-government and public-security reports, totals a count is taken of, rates in parentheses,
changes in a sentence of their own, `Label: value` lists, malformed numbers, categories that
count nothing. Example sentences are written for these tests."""

from __future__ import annotations

from llmx.contract import Indicator
from llmx.rules.indicators import find_indicators


def comps(ind: Indicator) -> list[tuple[object, ...]]:
    return [(c.basis, c.basis_text, c.relation, c.pct, c.amount, c.amount_unit) for c in ind.comparisons]


def test_counted_nouns_of_public_service_reports_and_lists_of_nouns_are_units():
    text = "Cấp 3.100 tài khoản cho cơ sở lưu trú; hoàn thành số hóa dữ liệu của 41/98 xã, phường, đặc khu."
    accounts, communes = find_indicators(text)
    assert (accounts.value, accounts.unit) == (3100, "tài khoản")
    assert (communes.value, communes.target, communes.unit) == (41, 98, "xã, phường, đặc khu")


def test_a_count_out_of_a_total_takes_the_total_as_target_and_its_rate_as_comparison():
    text = "Tiếp nhận, giải quyết 5.120 hồ sơ trực tuyến/6.400 tổng hồ sơ tiếp nhận, đạt tỷ lệ 80%."
    (ind,) = find_indicators(text)
    assert (ind.value, ind.unit, ind.target) == (5120, "hồ sơ", 6400)
    assert comps(ind) == [("other", "tỷ lệ", "ratio", 80.0, None, None)]


def test_tren_tong_so_gives_the_target_and_the_rate_its_basis_words():
    text = (
        "Đã phát sinh 900 hồ sơ cấp phiếu Lý lịch tư pháp trên tổng số 1.200 hồ sơ tiếp nhận "
        "(đạt tỷ lệ 75% trên tổng số hồ sơ tiếp nhận)."
    )
    (ind,) = find_indicators(text)
    assert (ind.value, ind.target) == (900, 1200)
    assert comps(ind) == [("other", "tổng số hồ sơ tiếp nhận", "ratio", 75.0, None, None)]


def test_a_rate_after_the_rest_of_the_counted_words_belongs_to_the_count():
    text = "Đã có 1.500/2.000 cơ quan, tổ chức đủ điều kiện trên địa bàn đăng ký định danh, đạt tỷ lệ 75%."
    (ind,) = find_indicators(text)
    assert (ind.value, ind.target, ind.unit) == (1500, 2000, "cơ quan, tổ chức")
    assert comps(ind)[0][3] == 75.0


def test_a_share_in_parentheses_is_a_comparison_but_chiem_outside_them_stays_a_share():
    (ind,) = find_indicators("Có 3.200 dữ liệu khớp với dữ liệu dân cư (chiếm tỷ lệ 64%).")
    assert ind.value == 3200 and comps(ind) == [("other", "tỷ lệ", "ratio", 64.0, None, None)]
    households, share = find_indicators("Đến nay cả xã còn 37 hộ nghèo chiếm 1,87%.")
    assert (households.value, share.value, share.unit) == (37, 1.87, "%")


def test_a_change_in_parentheses_and_a_qualified_change_are_comparisons():
    (paid,) = find_indicators("Chi trả qua tài khoản cho 6.900 người (tăng 1.200 người so với tháng trước).")
    assert comps(paid) == [("previous_period", "tháng trước", "change", None, 1200.0, "người")]
    (sales,) = find_indicators("Tổng mức bán lẻ hàng hóa đạt gần 93 tỷ đồng, tăng trên 12 % so với cùng kỳ.")
    assert comps(sales) == [("same_period", "cùng kỳ", "change", 12.0, None, None)]


def test_a_so_voi_sentence_gives_its_changes_to_the_earlier_figures_of_the_same_unit():
    text = "Năm 2019, đã bắt giữ 300 vụ, 450 đối tượng. So với năm 2018 giảm 12 vụ (300/312), 30 đối tượng (450/480)."
    cases, people = find_indicators(text)
    assert comps(cases) == [("previous_period", "năm 2018", "change", None, -12.0, "vụ")]
    assert comps(people) == [("previous_period", "năm 2018", "change", None, -30.0, "đối tượng")]


def test_a_change_with_no_basis_shares_the_basis_of_the_next_one():
    ratio, near = find_indicators("Tỷ lệ hộ nghèo giảm 1,5%, hộ cận nghèo giảm 1,2% so với đầu năm.")
    assert comps(ratio) == [("previous_period", "đầu năm", "change", -1.5, None, None)]
    assert comps(near) == [("previous_period", "đầu năm", "change", -1.2, None, None)]


def test_label_value_lists_are_named_by_their_labels_and_flag_a_missing_unit():
    money = find_indicators("Cụ thể: Số tiền phải thu năm 2024: 1.250.000.000 đồng; Số tiền đã thu: 900.000.000 đồng.")
    assert [(i.name, i.value, i.unit) for i in money] == [
        ("Số tiền phải thu năm 2024", 1250000000, "đồng"),
        ("Số tiền đã thu", 900000000, "đồng"),
    ]
    men, women = find_indicators("Giới tính: nam: 900, nữ: 60.")
    assert (men.value, women.value, men.unit, men.flags) == (900, 60, None, ["unit_missing"])


def test_malformed_numbers_are_kept_without_a_value_and_flagged():
    heroin, weed = find_indicators("Tang vật thu giữ: 1.203.4567g Heroin; 2, 356kg cần sa khô.")
    assert (heroin.value, heroin.unit, heroin.flags) == (None, "g", ["malformed_number"])
    assert (weed.value, weed.unit) == (None, "kg") and "malformed_number" in weed.flags


def test_categories_topics_and_classifications_count_nothing():
    assert find_indicators("Phân loại dữ liệu theo 03 nhóm để xử lý.") == []
    assert find_indicators("[6] 05 nhóm: pháp lý, hạ tầng, dữ liệu, nguồn lực; 04 cấp: tỉnh, huyện, xã.") == []
    text = "- Đối với 11 dịch vụ công thiết yếu của ngành Công an: tiếp nhận 800 hồ sơ trực tuyến."
    assert [i.value for i in find_indicators(text)] == [800]


def test_a_share_with_no_count_before_it_is_a_percentage_value():
    (ind,) = find_indicators("Thanh toán viện phí không dùng tiền mặt đạt 34,3% trên tổng số chi phí.")
    assert (ind.value, ind.unit, ind.comparisons) == (34.3, "%", [])


def test_an_items_own_cue_beats_a_label_in_generic_words():
    text = "- Các dữ liệu khác: Cập nhật thông tin 1.200 hội viên hội nông dân."
    (ind,) = find_indicators(text, sector="government")
    assert ind.sector == "mass_organizations"


def test_police_and_social_insurance_words_name_their_sectors():
    stay, pension = find_indicators(
        "Các cơ sở đã thực hiện 6.300 lượt thông báo lưu trú qua phần mềm. Chi lương hưu, BHXH hàng tháng đạt 74%."
    )
    assert (stay.sector, pension.sector) == ("security_order", "labour_social")


def test_a_basis_before_the_verb_and_the_size_of_the_change_after_a_semicolon():
    (pigs,) = find_indicators("Đàn lợn: 23.400 con, so với cùng kỳ tăng 1,2%; bằng 280 con.")
    assert (pigs.name, pigs.value, pigs.unit) == ("Đàn lợn", 23400, "con")
    assert comps(pigs) == [("same_period", "cùng kỳ", "change", 1.2, 280.0, "con")]


def test_gap_n_lan_is_a_ratio_in_percent():
    (ind,) = find_indicators("Doanh thu du lịch 30 tỷ đồng, gấp 2,5 lần cùng kỳ.")
    assert comps(ind) == [("same_period", "cùng kỳ", "ratio", 250.0, None, None)]


def test_a_plan_in_parentheses_is_the_target_and_the_basis_of_the_ratio_before_it():
    (ind,) = find_indicators("Thành lập mới 45 HTX, đạt 90% (KH: 50 HTX).")
    assert (ind.value, ind.target) == (45, 50)
    assert comps(ind) == [("plan", "KH", "ratio", 90.0, None, None)]


def test_amounts_in_words_are_one_figure():
    (ind,) = find_indicators("Tổng kinh phí hỗ trợ là 6 tỷ 200 triệu đồng.")
    assert (ind.value, ind.unit, ind.quote) == (6.2, "tỷ đồng", "Tổng kinh phí hỗ trợ là 6 tỷ 200 triệu đồng")


def test_a_dot_decimal_percentage_and_a_number_glued_to_its_verb_are_read_and_flagged():
    (water,) = find_indicators("Tỷ lệ hộ dùng nước sạch đạt 97.6%.")
    assert (water.value, water.unit, water.flags) == (97.6, "%", ["dot_decimal"])
    (rice,) = find_indicators("Diện tích lúa đạt12.480 ha, bằng 98% KH.")
    assert (rice.value, rice.unit, rice.flags) == (12480, "ha", ["glued_number"])
    assert find_indicators("Nâng cấp tuyến QL21B và tỉnh lộ 485B.") == []


def test_a_dot_decimal_before_any_unit_is_read_but_a_bare_one_and_two_dots_are_not():
    (score,) = find_indicators("Tỉnh Lâm Đồng đạt 84.86 điểm, tăng so với năm trước.")
    assert (score.value, score.unit, score.flags) == (84.86, "điểm", ["dot_decimal"])
    (land,) = find_indicators("Diện tích trồng mới 12.480 ha.")  # three digits: a thousands group
    assert (land.value, land.flags) == (12480, [])
    (money,) = find_indicators("Thu ngân sách 3.923.7448 tỷ đồng.")
    assert (money.value, money.flags) == (None, ["malformed_number"])
    assert find_indicators("Ngày 12.5 Ban Thường vụ đã họp.") == []


def test_an_amount_labelled_by_a_count_before_a_colon_is_named_by_the_words_before_the_count():
    text = "Thu tiền cấp quyền khai thác khoáng sản do UBND tỉnh cấp cho 51 điểm mỏ: 19.926.047.341 đồng."
    count, amount = find_indicators(text)
    assert (count.value, count.unit) == (51, "điểm mỏ")
    assert (amount.value, amount.unit) == (19926047341, "đồng")
    assert amount.name == "Thu tiền cấp quyền khai thác khoáng sản do UBND tỉnh cấp"
    assert amount.quote == text[:-1]


def test_a_total_stated_with_la_counts_the_noun_after_so():
    (present,) = find_indicators("Số người có mặt (tại Báo cáo số 347/BC-UBND ngày 25/12/2025) là 8.429.")
    assert (present.value, present.unit, present.flags) == (8429, "người", [])
    (staff,) = find_indicators("Tổng số biên chế được giao là 9.818.")
    assert (staff.value, staff.unit, staff.flags) == (9818, "biên chế", [])
    (pending,) = find_indicators("Tổng số tồn đọng chưa giải quyết là 37.")
    assert (pending.value, pending.unit, pending.flags) == (37, None, ["unit_missing"])
    assert find_indicators("Năm thành lập là 2015.") == []


def test_associations_are_counted_and_a_dates_tail_before_a_counted_noun_is_no_fraction():
    held, reported = find_indicators("Có 05 hội đã tổ chức đại hội; 04 hội báo cáo đang chuẩn bị hồ sơ.")
    assert [(held.value, held.unit), (reported.value, reported.unit)] == [(5, "hội"), (4, "hội")]
    text = "Hội Làm vườn có Văn bản số 01/HLV ngày 30/7/2024 báo cáo về việc tổ chức đại hội."
    assert find_indicators(text) == []  # not 7 báo cáo out of 2024


def test_members_staff_and_everyday_goods_are_counted_nouns():
    got = find_indicators(
        "Ban Thường trực có 5 thành viên và 01 nhân viên; ủng hộ 7.500 chai nước mắm, 100 bộ máy vi tính."
    )
    assert [(i.value, i.unit) for i in got] == [
        (5, "thành viên"),
        (1, "nhân viên"),
        (7500, "chai"),
        (100, "bộ máy vi tính"),
    ]


def test_a_bare_fraction_is_a_fraction_when_the_rate_after_it_is_its_quotient():
    (done,) = find_indicators("Tỷ lệ các sở đã sắp xếp lãnh đạo theo quy định: 15/15 (đạt 100%).")
    assert (done.value, done.target, [c.pct for c in done.comparisons]) == (15, 15, [100])
    assert find_indicators("Ngày 30/4 (đạt 10%) tổ chức họp.") == []  # 30/4 is no 10%


def test_leaders_targets_programmes_and_sessions_are_counted_nouns():
    got = find_indicators("Bổ nhiệm 157 lãnh đạo cấp sở; đề ra 22 mục tiêu; tổ chức 02 kỳ đối thoại.")
    assert [(i.value, i.unit) for i in got] == [(157, "lãnh đạo"), (22, "mục tiêu"), (2, "kỳ")]


def test_form_lines_count_staff_positions_and_keep_a_bare_count_before_its_note():
    (staff,) = find_indicators("a) Số biên chế được cơ quan có thẩm quyền giao: \t326 biên chế.")
    assert (staff.value, staff.unit) == (326, "biên chế")
    (office,) = find_indicators("d) Số hội có văn phòng đại diện tại địa phương: 01 (Hội Y học giấc ngủ Việt Nam)")
    assert (office.value, office.unit, office.flags) == (1, None, ["unit_missing"])


def test_names_keep_their_qualifiers():
    (ind,) = find_indicators("Thu ngân sách trên địa bàn (không bao gồm tiền sử dụng đất) đạt 120 tỷ đồng.")
    assert ind.name == "Thu ngân sách trên địa bàn (không bao gồm tiền sử dụng đất)"


def test_doubtful_items_carry_flags():
    (bare,) = find_indicators("Trong kỳ có 05 trường.")
    assert "name_fallback" in bare.flags
    (share,) = find_indicators("Hòa giải thành 132 việc, đạt 80%.")
    assert "basis_unstated" in share.flags


def test_table_rows_are_left_to_the_table_reader():
    text = "Kết quả như sau:\nChỉ tiêu | ĐVT | KH | TH\nSố hộ nghèo | hộ | 120 | 98\nThu ngân sách đạt 120 tỷ đồng."
    assert [i.value for i in find_indicators(text)] == [120]


def test_a_stated_minimum_plan_in_parentheses_is_the_target_of_a_rate_but_never_of_a_count():
    text = "Tỷ lệ hồ sơ giải quyết đúng hẹn đạt 96,5% (chỉ tiêu đề ra là tối thiểu 98%)."
    (rate,) = find_indicators(text)
    assert (rate.value, rate.unit, rate.target) == (96.5, "%", 98)
    assert rate.quote.endswith("(chỉ tiêu đề ra là tối thiểu 98%)")
    text = "Có 60 quyết định công bố đúng hạn, đạt tỷ lệ 55% (chỉ tiêu đề ra là 100%)."
    (count,) = find_indicators(text)  # the plan belongs to the rate, which is a comparison here
    assert (count.value, count.target) == (60, None)


def test_theo_ke_hoach_after_a_percentage_is_a_plan_basis():
    (ind,) = find_indicators("Đã triển khai 30/40 nhiệm vụ đề ra (đạt 75% theo kế hoạch).")
    assert (ind.value, ind.target) == (30, 40)
    assert comps(ind) == [("plan", "theo kế hoạch", "ratio", 75.0, None, None)]


def test_a_forecast_with_se_hoan_thanh_is_not_a_result():
    assert find_indicators("Dự án đang triển khai, đến hết năm 2025 sẽ hoàn thành 100% theo kế hoạch.") == []


def test_a_rank_out_of_n_in_prose_is_its_own_indicator_and_a_bare_ordinal_is_not():
    text = (
        "Tỉnh Bình Thuận xếp hạng 19/63; tỉnh đạt 88,68 điểm và đứng thứ 15/34 tỉnh, thành phố. "
        "Huyện xếp thứ 03 trong khối thi đua."
    )
    found = find_indicators(text)
    ranks = [(i.value, i.unit, i.target) for i in found if i.unit == "hạng"]
    assert ranks == [(19, "hạng", 63), (15, "hạng", 34)]
    assert [(i.value, i.unit) for i in found if i.unit != "hạng"] == [(88.68, "điểm")]


def test_recommendations_and_departments_are_counted_nouns():
    text = "Có 70/139 kiến nghị đã được trả lời; 05 Sở đạt xếp loại xuất sắc."
    answered, departments = find_indicators(text)
    assert (answered.value, answered.target, answered.unit) == (70, 139, "kiến nghị")
    assert (departments.value, departments.unit) == (5, "sở")
