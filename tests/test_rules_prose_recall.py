"""Prose figures the rules used to miss or misread on reports never tuned on (a survey of real
periodic reports, inspection notices and association reports): a `b) Label: value` heading line,
a count after `phân nhóm`, a parenthesis between a count and its noun, a rate after a fraction's
trailing words, a `trên tổng số N` base, a level number closing a name (`mức 2`), the plan in a
parenthesis after a rate. The sentences are invented for these tests; they only copy the shapes."""

from __future__ import annotations

from pathlib import Path

from llmx.config import Settings
from llmx.contract import Indicator
from llmx.pipeline import extract_document
from llmx.rules.indicators import find_indicators

RULES = Settings(backend="rules")


def comps(ind: Indicator) -> list[tuple[object, ...]]:
    return [(c.basis, c.basis_text, c.relation, c.pct) for c in ind.comparisons]


def test_a_lettered_label_heading_with_its_value_on_the_line_is_a_figure(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "ỦY BAN NHÂN DÂN XÃ AN BÌNH\n\nBÁO CÁO\nTình hình tổ chức và hoạt động của hội năm 2025\n\n"
        "I. THỰC TRẠNG TỔ CHỨC CỦA HỘI\n\n1. Tổng số người làm việc tại các hội\n\n"
        "a) Số biên chế được giao: \t57 biên chế.\n\nb) Số người làm việc do hội tự hợp đồng: \t18 người\n\n"
        "2. Về hoạt động\n\nCác hội đã tổ chức 12 hội nghị.\n\nTrên đây là báo cáo của UBND xã An Bình./.\n",
        encoding="utf-8",
    )
    doc = extract_document(report, RULES)
    found = {(i.name, i.value, i.unit) for i in doc.indicators}
    assert ("Số biên chế được giao", 57, "biên chế") in found
    assert ("Số người làm việc do hội tự hợp đồng", 18, "người") in found
    by_name = {i.name: i for i in doc.indicators}
    hired = by_name["Số người làm việc do hội tự hợp đồng"]
    assert doc.text[hired.start : hired.end] == hired.quote
    # a list whose every lettered line is `Label: figure` states values (LABELING: content, as dev 41's gold
    # has it), so the figure sits in the enclosing part `1`, not in a section `b`
    assert next(s for s in doc.sections if s.id == hired.section_id).number == "1"


def test_a_count_after_phan_nhom_or_in_thousands_is_no_group_number() -> None:
    (plots,) = find_indicators("Đã rà soát, phân nhóm 1.204.377 thửa đất trên toàn huyện.")
    assert (plots.value, plots.unit) == (1204377, "thửa")
    (households,) = find_indicators("Tổ 12 có 1.250 hộ tham gia.")
    assert (households.value, households.unit) == (1250, "hộ")
    (members,) = find_indicators("Nhóm 2 có 15 hộ.")  # a small number after `nhóm` still names the group
    assert members.value == 15


def test_a_note_in_parentheses_between_a_count_and_its_noun_keeps_the_count() -> None:
    (admitted,) = find_indicators("Trong nhiệm kỳ, Hội kết nạp 37 (tính đến tháng 3 năm 2024) hội viên mới.")
    assert (admitted.value, admitted.unit) == (37, "hội viên")
    assert admitted.quote.endswith("(tính đến tháng 3 năm 2024) hội viên mới")
    assert find_indicators("Ngày 30/4 (đạt 10%) tổ chức họp.") == []  # a date's tail is still no count


def test_a_level_number_after_the_counted_noun_stays_in_the_name() -> None:
    (accounts,) = find_indicators("Đã cấp 4.310 tài khoản định danh điện tử mức 2 cho người dân.")
    assert (accounts.name, accounts.value, accounts.unit) == (
        "Đã cấp tài khoản định danh điện tử mức 2",
        4310,
        "tài khoản",
    )
    assert accounts.quote.endswith("mức 2")


def test_a_slash_before_tong_so_gives_the_count_its_total_as_target() -> None:
    (done,) = find_indicators("Đã giải quyết 96 hồ sơ/tổng số 104 hồ sơ tiếp nhận, đạt 92,3%.")
    assert (done.name, done.value, done.unit, done.target) == ("Đã giải quyết hồ sơ", 96, "hồ sơ", 104)
    assert comps(done) == [("other", "", "ratio", 92.3)]


def test_a_rate_after_a_judgement_clause_is_named_by_the_clause_before_it() -> None:
    (rate,) = find_indicators("- Tỷ lệ hồ sơ thanh toán trực tuyến còn thấp, chỉ đạt 41,2%.")
    assert (rate.name, rate.value, rate.unit) == ("Tỷ lệ hồ sơ thanh toán trực tuyến", 41.2, "%")
    (now,) = find_indicators("Tỷ lệ số hóa kết quả giải quyết hiện chỉ đạt 64%.")
    assert now.name == "Tỷ lệ số hóa kết quả giải quyết"


def test_the_plan_of_a_year_in_parentheses_after_a_rate_is_its_target() -> None:
    (rate,) = find_indicators("Tỷ lệ hồ sơ trực tuyến toàn trình chỉ đạt 47,5% (chỉ tiêu đề ra trong năm 2024 là 80%).")
    assert (rate.value, rate.unit, rate.target) == (47.5, "%", 80)


def test_a_plan_in_parentheses_after_a_plan_basis_is_the_target_not_a_figure() -> None:
    admitted, left = find_indicators(
        "Hội kết nạp 58 hội viên mới, đạt 116% so với Nghị quyết Đại hội đề ra (50 hội viên); có 7 hội viên xin rút."
    )
    assert (admitted.value, admitted.unit, admitted.target) == (58, "hội viên", 50)
    assert admitted.quote.endswith("(50 hội viên)")
    assert [c.pct for c in admitted.comparisons] == [116]
    assert (left.value, left.unit) == (7, "hội viên")


def test_feedback_access_counts_and_specialised_bodies_are_counted_nouns() -> None:
    received, answered = find_indicators(
        "Tổng số phản ánh, kiến nghị đã tiếp nhận là 412; số phản ánh, kiến nghị đã trả lời là 409."
    )
    assert (received.name, received.value, received.unit) == (
        "Tổng số phản ánh, kiến nghị đã tiếp nhận",
        412,
        "phản ánh, kiến nghị",
    )
    assert (answered.name, answered.unit) == ("Số phản ánh, kiến nghị đã trả lời", "phản ánh, kiến nghị")
    (visits,) = find_indicators("Chuyên trang đã có 845.120 lượt truy cập.")
    assert (visits.value, visits.unit) == (845120, "lượt truy cập")
    (bodies,) = find_indicators("Có 12/12 CQCM cấp huyện đã được kiện toàn.")
    assert (bodies.value, bodies.unit, bodies.target) == (12, "cqcm", 12)
    (ideas,) = find_indicators("Đã xử lý 05/87 đề xuất của doanh nghiệp.")
    assert (ideas.value, ideas.unit, ideas.target) == (5, "đề xuất", 87)


def test_openings_that_set_the_place_or_the_time_are_not_part_of_the_name() -> None:
    (permits,) = find_indicators(
        "Hiện nay, trên địa bàn tỉnh Hà Giang có 96 Giấy phép khai thác khoáng sản còn hiệu lực."
    )
    assert permits.name == "Giấy phép khai thác khoáng sản còn hiệu lực"  # a state of what is counted
    assert permits.quote.startswith("trên địa bàn tỉnh Hà Giang có 96")  # the opening stays in the quote
    (admitted,) = find_indicators("Trong nhiệm kỳ kết nạp 31 hội viên mới.")
    assert admitted.name == "Kết nạp hội viên mới"
    (forms,) = find_indicators("Từ ngày 01/9/2024 đến ngày 30/9/2024 đã thu về hơn 8.000 phiếu khảo sát.")
    assert forms.name == "Đã thu về phiếu khảo sát"
    (visits,) = find_indicators(
        "Số lượt truy cập cổng thông tin từ ngày 01/01/2024 đến ngày 31/12/2024 là 52.300 lượt."
    )
    assert visits.name == "Số lượt truy cập cổng thông tin"


def test_a_long_label_before_a_colon_still_names_its_figure() -> None:
    (used,) = find_indicators(
        "c) Chủng loại, số lượng tiền chất thuốc nổ dùng để sản xuất vật liệu nổ công nghiệp "
        "của các đơn vị đã sử dụng trong năm 2024: 812.400 kg Anfo rời."
    )
    assert (used.value, used.unit) == (812400, "kg")
    assert used.name.startswith("Số lượng tiền chất thuốc nổ dùng để sản xuất")


def test_a_rate_after_more_words_of_a_fraction_is_its_comparison_when_it_is_the_quotient() -> None:
    (accounts,) = find_indicators(
        "Đã thu nhận tài khoản định danh: 48.000/60.000 công dân từ đủ 14 tuổi, đạt tỷ lệ 80%."
    )
    assert (accounts.value, accounts.target) == (48000, 60000)
    assert comps(accounts) == [("other", "tỷ lệ", "ratio", 80)]
    assert accounts.quote.endswith("đạt tỷ lệ 80%")
    count, rate = find_indicators("Đã thu nhận 48.000/60.000 hồ sơ của công dân từ đủ 14 tuổi, đạt tỷ lệ 95%.")
    assert comps(count) == [] and (rate.value, rate.unit) == (95, "%")  # not its quotient: a figure of its own


def test_levels_listed_after_a_counted_noun_stay_in_the_name_and_the_total_follows() -> None:
    labelled, activated = find_indicators(
        "Đã thu nhận tài khoản định danh mức 1, mức 2: 900/1.000 công dân; "
        "đã kích hoạt 600 tài khoản định danh mức 1, 2 trên tổng số 900 hồ sơ đã thu nhận, đạt tỷ lệ 66,7%."
    )
    assert labelled.name.startswith("Đã thu nhận tài khoản định danh mức 1, mức 2")
    assert (activated.name, activated.value, activated.target) == (
        "Đã kích hoạt tài khoản định danh mức 1, 2",
        600,
        900,
    )
    assert [c.pct for c in activated.comparisons] == [66.7]
    high, low = find_indicators("Cấp 30 tài khoản mức 2, 15 tài khoản mức 1.")
    assert (high.name, high.value) == ("Cấp tài khoản mức 2", 30)
    assert (low.value, low.unit) == (15, "tài khoản")  # `2, 15` is a level and a count, no malformed number


def test_a_count_of_so_lieu_noun_takes_that_noun_as_its_unit() -> None:
    (visits,) = find_indicators("Số liệu lượt truy cập vào trang thông tin của huyện là 204.118.")
    assert (visits.value, visits.unit) == (204118, "lượt truy cập")


def test_x_trong_tong_so_y_is_a_fraction_of_the_total() -> None:
    (firms,) = find_indicators("Khảo sát cho thấy có 27 trong tổng số 60 doanh nghiệp có hoạt động đổi mới, đạt 45%.")
    assert (firms.value, firms.unit, firms.target) == (27, "doanh nghiệp", 60)
    assert [c.pct for c in firms.comparisons] == [45]


def test_breakdown_children_do_not_repeat_the_noun_their_total_counts() -> None:
    total, land, other = find_indicators(
        "- Xử lý vi phạm: Tổng số 28 vụ, trong đó: vi phạm đất đai 19 vụ, vi phạm khác 9 vụ."
    )
    assert (total.name, total.quote) == ("Xử lý vi phạm - tổng số vụ", "Xử lý vi phạm: Tổng số 28 vụ")
    assert (land.name, land.unit) == ("Xử lý vi phạm - vi phạm đất đai", "vụ")
    assert other.name == "Xử lý vi phạm - vi phạm khác"
    _, renewed = find_indicators("Cấp 17 giấy phép, trong đó gia hạn 03 giấy phép.")
    assert renewed.name == "Cấp giấy phép - gia hạn"
    _, boys = find_indicators("Có 40 học sinh, trong đó 22 học sinh nam.")  # a noun the total does not hold stays
    assert boys.name.endswith("học sinh nam")


def test_a_generic_tong_so_head_keeps_its_counted_noun() -> None:
    (members,) = find_indicators("Về công tác phát triển đảng viên: Tổng số 35 đảng viên.")
    assert members.name == "Công tác phát triển đảng viên - tổng số đảng viên"
    (visits,) = find_indicators("Công tác tiếp công dân: tổng số 45 lượt.")
    assert visits.name == "Công tác tiếp công dân - tổng số lượt"


def test_a_rate_that_fell_to_a_value_is_named_without_the_verb() -> None:
    poor, _ = find_indicators("Tỷ lệ hộ nghèo giảm còn 1,92%, hộ cận nghèo còn 2,4%.")
    assert (poor.name, poor.value) == ("Tỷ lệ hộ nghèo", 1.92)
    (debt,) = find_indicators("Dư nợ cho vay tăng lên 310 tỷ đồng.")
    assert debt.name == "Dư nợ cho vay"


def test_words_after_a_share_or_a_count_keep_their_compounds_and_relative_clause() -> None:
    (members,) = find_indicators("Có 97% đảng viên được đánh giá hoàn thành tốt nhiệm vụ.")
    assert members.name == "Đảng viên được đánh giá hoàn thành tốt nhiệm vụ"
    classes, _ = find_indicators("Đã mở 09 lớp bồi dưỡng lý luận chính trị cho 410 lượt cán bộ.")
    assert classes.name == "Đã mở lớp bồi dưỡng lý luận chính trị"
    _, worth = find_indicators("Tặng 50 suất quà trị giá 25 triệu đồng.")  # `trị giá` still ends the words
    assert worth.name == "Tặng suất quà - trị giá"


def test_the_standard_a_counted_place_met_is_part_of_its_name() -> None:
    met, advanced = find_indicators("Toàn huyện có 11/14 xã đạt chuẩn nông thôn mới, 2 xã đạt nông thôn mới nâng cao.")
    assert (met.name, met.value, met.target) == ("Xã đạt chuẩn nông thôn mới", 11, 14)
    assert advanced.name == "Xã đạt nông thôn mới nâng cao"  # `Toàn huyện có` opens the sentence, names neither
    (schools,) = find_indicators("Có 4 trường đạt chuẩn quốc gia, đạt 40% kế hoạch.")
    assert schools.name == "Trường đạt chuẩn quốc gia" and [c.pct for c in schools.comparisons] == [40]


def test_doses_and_shots_do_not_end_a_name() -> None:
    (doses,) = find_indicators("Tiêm phòng cho đàn gia súc được 9.800 liều, đạt 82%.")
    assert (doses.name, doses.unit) == ("Tiêm phòng cho đàn gia súc", "liều")


def test_kinh_doanh_after_a_counted_noun_is_no_kinh_phi() -> None:
    shops, offenders = find_indicators("Đã kiểm tra 38 cơ sở kinh doanh, phát hiện 9 cơ sở vi phạm.")
    assert shops.name == "Đã kiểm tra cơ sở kinh doanh"
    assert offenders.name == "Phát hiện cơ sở vi phạm"


def test_a_share_that_names_a_class_before_la_is_no_figure() -> None:
    total, severe = find_indicators("Diện tích lúa bị thiệt hại là 52 ha, trong đó thiệt hại trên 70% là 14 ha.")
    assert (total.value, severe.value, severe.unit) == (52, 14, "ha")
    assert severe.name == "Diện tích lúa bị thiệt hại - thiệt hại trên 70%"


def test_nang_len_before_a_new_total_is_not_in_its_name() -> None:
    _, total = find_indicators("Phát triển mới 125 thuê bao, nâng tổng số thuê bao lên 4.560 thuê bao.")
    assert total.name == "Nâng tổng số thuê bao"
    old, new = find_indicators("Thay đổi vốn điều lệ từ 09 tỷ lên 20 tỷ.")  # `từ X lên Y` keeps both amounts
    assert (old.value, new.value, new.name) == (9, 20, "Thay đổi vốn điều lệ")


def test_two_counts_of_different_nouns_joined_by_a_slash_are_two_figures() -> None:
    cases, people = find_indicators("Công an xã đã bắt giữ 08 vụ/19 đối tượng đánh bạc.")
    assert (cases.value, cases.unit, cases.target) == (8, "vụ", None)
    assert (people.name, people.value, people.unit) == ("Công an xã đã bắt giữ đối tượng đánh bạc", 19, "đối tượng")
    (accounts,) = find_indicators("Đã thu nhận 4.850 tài khoản định danh /5.000 công dân từ đủ 14 tuổi, đạt 97%.")
    assert (accounts.value, accounts.target) == (4850, 5000)  # the rate is the quotient: one fraction


def test_parts_of_a_total_named_by_proper_names_are_read_and_keep_their_case() -> None:
    total, *parts = find_indicators(
        "Đưa 52 lao động đi làm việc ở nước ngoài (trong đó: Nhật Bản 31, Hàn Quốc 15, Đài Loan 6)."
    )
    assert total.value == 52
    assert [(p.name, p.value, p.unit) for p in parts] == [
        ("Đưa lao động đi làm việc - Nhật Bản", 31, "lao động"),
        ("Đưa lao động đi làm việc - Hàn Quốc", 15, "lao động"),
        ("Đưa lao động đi làm việc - Đài Loan", 6, "lao động"),
    ]
    assert find_indicators("Khu vực Mỹ Gia 5, Phường 1 có 20 hộ.")[0].value == 20


def test_a_parenthesis_of_same_noun_parts_breaks_down_the_earlier_count_of_that_noun() -> None:
    classes, trainees, sewing, farming = find_indicators(
        "Mở 05 lớp dạy nghề cho 160 học viên (03 lớp may công nghiệp, 02 lớp kỹ thuật chăn nuôi)."
    )
    assert (sewing.name, sewing.quote) == ("Mở lớp dạy nghề - lớp may công nghiệp", "03 lớp may công nghiệp")
    assert farming.name == "Mở lớp dạy nghề - lớp kỹ thuật chăn nuôi"
    assert (classes.value, trainees.value) == (5, 160)


def test_party_units_are_counted_nouns_and_vao_does_not_end_a_name() -> None:
    _, grassroots, cells = find_indicators("Đảng bộ có 41 tổ chức cơ sở đảng, gồm 19 đảng bộ cơ sở và 22 chi bộ cơ sở.")
    assert (grassroots.value, grassroots.unit) == (19, "đảng bộ cơ sở")
    assert (cells.value, cells.unit) == (22, "chi bộ cơ sở")
    (admitted,) = find_indicators("Xét đề nghị kết nạp 06 quần chúng ưu tú vào Đảng.")
    assert admitted.name == "Xét đề nghị kết nạp quần chúng ưu tú"


def test_a_rate_that_fell_between_two_years_names_its_new_value_like_the_old() -> None:
    before, after = find_indicators("Tỷ lệ hộ nghèo từ 9,8% năm 2016 giảm xuống còn 2,7% năm 2021.")
    assert (before.name, before.value) == ("Tỷ lệ hộ nghèo", 9.8)
    assert (after.name, after.value) == ("Tỷ lệ hộ nghèo", 2.7)
    _, second = find_indicators("Có 12 hộ còn 5 hộ.")  # a bare `còn` is no new value of the same figure
    assert second.quote == "5 hộ"


def test_a_passive_clause_and_incoming_documents_stay_in_the_counted_nouns_words() -> None:
    total, outgoing, incoming = find_indicators(
        "Có 71.300 văn bản điện tử được xử lý trên hệ thống (gồm: 20.100 văn bản đi, 51.200 văn bản đến)."
    )
    assert total.name == "Văn bản điện tử được xử lý"
    assert (outgoing.name, incoming.name) == (
        "Văn bản điện tử được xử lý - văn bản đi",
        "Văn bản điện tử được xử lý - văn bản đến",
    )
    (received,) = find_indicators("Đã tiếp nhận 45 hồ sơ đến ngày 30/6/2025.")  # `đến ngày` is still no name
    assert received.name == "Đã tiếp nhận hồ sơ"
    (pills,) = find_indicators("Thu giữ 1.280 viên ma túy tổng hợp.")
    assert (pills.name, pills.unit) == ("Thu giữ viên ma túy tổng hợp", "viên")


def test_a_share_in_parentheses_after_a_count_is_its_share_and_the_count_keeps_its_breakdown() -> None:
    poor, poor_share, near, near_share = find_indicators(
        "Toàn huyện có 1.120 hộ nghèo (chiếm 4,8%) và 760 hộ cận nghèo (chiếm 3,3%)."
    )
    assert (poor.value, poor_share.value, poor_share.unit) == (1120, 4.8, "%")
    assert poor_share.name == poor.name and poor_share.quote.endswith("(chiếm 4,8%)")
    assert (near.value, near_share.value, near_share.name) == (760, 3.3, near.name)
    count, share, minority = find_indicators("Hộ nghèo 120 hộ (chiếm 2%), trong đó hộ nghèo dân tộc thiểu số 80 hộ.")
    assert (count.value, share.value) == (120, 2)
    assert (minority.name, minority.value) == ("Hộ nghèo - hộ nghèo dân tộc thiểu số", 80)  # `thiểu số 80` is no số 80


def test_a_per_one_unit_phrase_is_no_figure_and_the_figure_after_it_is_read() -> None:
    (value,) = find_indicators("Giá trị sản xuất trên 1 ha đất canh tác đạt 135 triệu đồng.")
    assert (value.name, value.value, value.unit) == ("Giá trị sản xuất trên 1 ha đất canh tác", 135, "triệu đồng")
    (support,) = find_indicators("Hỗ trợ trên 1 tỷ đồng.")  # `trên 1 tỷ đồng` is still an amount
    assert (support.value, support.approx) == (1, "over")


def test_signatures_contracts_and_couples_are_counted_nouns() -> None:
    _, signatures, contracts = find_indicators("Chứng thực 980 bản sao, 41 chữ ký, 9 hợp đồng giao dịch.")
    assert (signatures.value, signatures.unit, contracts.unit) == (41, "chữ ký", "hợp đồng")
    _, couples = find_indicators("Đăng ký khai sinh 45 trường hợp, kết hôn 18 cặp.")
    assert (couples.value, couples.unit) == (18, "cặp")


def test_a_list_of_counted_nouns_that_runs_into_the_next_figure_is_that_figures_name() -> None:
    _, *parts = find_indicators("Tiếp nhận 31 đơn (khiếu nại 6 đơn, tố cáo 3 đơn, kiến nghị, phản ánh 22 đơn).")
    assert [(p.name, p.value, p.unit) for p in parts] == [
        ("Tiếp nhận đơn - khiếu nại", 6, "đơn"),
        ("Tiếp nhận đơn - tố cáo", 3, "đơn"),
        ("Tiếp nhận đơn - kiến nghị, phản ánh", 22, "đơn"),
    ]
    (checked,) = find_indicators("Kiểm tra 67/124 xã, phường, thị trấn.")  # a list that ends the clause stays one unit
    assert checked.unit == "xã, phường, thị trấn"


def test_a_price_per_kilogram_is_a_rate_unit_and_dat_yeu_cau_names_what_is_counted() -> None:
    _, price = find_indicators("Sản lượng cà phê nhân đạt 9.870 tấn, giá bán bình quân 118.000 đồng/kg.")
    assert (price.name, price.value, price.unit) == ("Giá bán bình quân", 118000, "đồng/kg")
    (communes,) = find_indicators("Có 110/124 xã, phường đạt yêu cầu.")
    assert communes.name.lower().endswith("xã, phường đạt yêu cầu") and communes.target == 124
