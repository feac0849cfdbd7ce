"""Tasks, limitations and proposals in results sections that say what comes next or what went
wrong without the usual cue words: a body's own commitments (`sẽ`, `dự kiến`), the numbered items
of a plan, needs stated for later years, shortfalls written as `chưa rõ` / `trả lời thiếu`, and the
cause stated just before `Do đó, <shortfall>`. Invented texts."""

from __future__ import annotations

from llmx.contract import Metadata, Period
from llmx.rules.proposals import find_proposals
from llmx.rules.statements import find_limitations, find_tasks
from llmx.sections import split_sections

NOW = Metadata(
    period=Period(label="năm 2025", kind="year", year=2025, months=list(range(1, 13))), issue_date="2025-10-14"
)


def tasks_of(text: str, meta: Metadata | None = NOW) -> list[str]:
    return [t.text for t in find_tasks(text, split_sections(text), meta)]


def limitations_of(text: str) -> list[tuple[str, str]]:
    return [(x.text, x.kind) for x in find_limitations(text, split_sections(text))]


def test_a_bodys_commitment_with_se_or_du_kien_is_a_task_in_a_results_section():
    text = (
        "1. Tình hình thực hiện\n"
        "Sau khi Bộ ban hành hướng dẫn, Trung tâm sẽ chủ trì, phối hợp với các sở xây dựng kế hoạch năm 2026. "
        "Trung tâm dự kiến tổ chức hội thảo vào ngày 20/10/2025. Trung tâm đã tổ chức 3 lớp tập huấn.\n"
    )
    assert tasks_of(text) == [
        "Sau khi Bộ ban hành hướng dẫn, Trung tâm sẽ chủ trì, phối hợp với các sở xây dựng kế hoạch năm 2026",
        "Trung tâm dự kiến tổ chức hội thảo vào ngày 20/10/2025",
    ]


def test_forecasts_a_ministrys_schedule_and_bracketed_targets_are_not_commitments():
    text = (
        "1. Tình hình thực hiện\n"
        "Thời gian tới, tình hình tội phạm sẽ tiếp tục diễn biến phức tạp. "
        "Bộ Nội vụ dự kiến tổ chức khảo sát trong tháng 12/2025. "
        "Đã thực hiện 35/45 nhiệm vụ (đến hết năm sẽ hoàn thành 100%).\n"
    )
    assert tasks_of(text) == []


def test_numbered_items_of_a_planned_event_are_tasks_without_their_run_in_label():
    text = (
        "1. Tình hình thực hiện\n"
        "Trung tâm dự kiến tổ chức hội thảo vào ngày 20/10/2025. Nội dung chủ yếu nhằm: (1) Phân tích các yếu tố "
        "ảnh hưởng đến chỉ số; (2) Phấn đấu nâng điểm số thành phần; (3) Đề xuất giải pháp cụ thể cho năm 2026.\n"
    )
    assert tasks_of(text) == [
        "Trung tâm dự kiến tổ chức hội thảo vào ngày 20/10/2025",
        "Phân tích các yếu tố ảnh hưởng đến chỉ số",
        "Phấn đấu nâng điểm số thành phần",
        "Đề xuất giải pháp cụ thể cho năm 2026",
    ]


def test_a_need_stated_for_later_years_is_a_task_but_a_reported_instruction_is_not():
    text = (
        "1. Kết quả\n"
        "Dẫn đến yêu cầu trong những năm tiếp theo cần lưu ý cải thiện đồng đều giữa các khu vực. "
        "Trung tâm đã tham mưu UBND tỉnh chỉ đạo các sở cần tập trung triển khai trong những năm tiếp theo.\n"
    )
    assert tasks_of(text) == ["Dẫn đến yêu cầu trong những năm tiếp theo cần lưu ý cải thiện đồng đều giữa các khu vực"]


def test_unclear_lacking_and_uneven_are_shortfalls_in_a_results_section():
    text = (
        "1. Kết quả\n"
        "Giữa các khu vực chưa có sự đồng đều trong thực hiện các chỉ số. "
        "Có 06 kiến nghị chưa rõ nội dung, chiếm 4%. Các sở trả lời thiếu 3 kiến nghị. "
        "Tổ chức vui Tết thiếu nhi cho 200 cháu.\n"
    )
    assert [t for t, _ in limitations_of(text)] == [
        "Giữa các khu vực chưa có sự đồng đều trong thực hiện các chỉ số",
        "Có 06 kiến nghị chưa rõ nội dung, chiếm 4%",
        "Các sở trả lời thiếu 3 kiến nghị",
    ]


def test_the_sentence_before_do_do_and_a_shortfall_is_its_cause():
    text = (
        "1. Kết quả\n"
        "Đơn vị báo cáo 239 hồ sơ, tuy nhiên hệ thống ghi nhận 115 hồ sơ. "
        "Do đó, Cổng dịch vụ công đánh giá thiếu số lượng hồ sơ đồng bộ.\n"
    )
    assert limitations_of(text) == [
        ("Đơn vị báo cáo 239 hồ sơ, tuy nhiên hệ thống ghi nhận 115 hồ sơ", "cause"),
        ("Do đó, Cổng dịch vụ công đánh giá thiếu số lượng hồ sơ đồng bộ", "limitation"),
    ]


def test_a_conditional_or_coordinated_semicolon_part_is_its_own_task():
    text = (
        "3. Nhiệm vụ thời gian tới\n"
        "- Hướng dẫn tổ chức, cá nhân thực hiện thủ tục đầy đủ, rõ ràng; trường hợp phải yêu cầu bổ sung hồ sơ "
        "chỉ được yêu cầu một lần.\n"
        "- Yêu cầu các sở tiếp tục thực hiện các nhiệm vụ được giao; đồng thời, giao Trung tâm bám sát hướng dẫn mới.\n"
    )
    assert tasks_of(text) == [
        "Hướng dẫn tổ chức, cá nhân thực hiện thủ tục đầy đủ, rõ ràng",
        "trường hợp phải yêu cầu bổ sung hồ sơ chỉ được yêu cầu một lần",
        "Yêu cầu các sở tiếp tục thực hiện các nhiệm vụ được giao",
        "đồng thời, giao Trung tâm bám sát hướng dẫn mới",
    ]


def test_a_bodys_own_next_step_to_propose_is_a_task_and_a_lead_in_names_the_addressee():
    text = (
        "2. Tình hình thực hiện\n"
        "Sau khi có kết quả tham vấn, Trung tâm sẽ tổng hợp, báo cáo và đề xuất UBND tỉnh các giải pháp cụ thể.\n"
        "3. Kiến nghị, đề xuất: Trung tâm kính đề xuất UBND tỉnh:\n"
        "- Tiếp tục chỉ đạo các sở tháo gỡ vướng mắc cho các dự án.\n"
    )
    layout = split_sections(text)
    assert [(p.text, p.addressee) for p in find_proposals(text, layout)] == [
        ("Tiếp tục chỉ đạo các sở tháo gỡ vướng mắc cho các dự án", "UBND tỉnh")
    ]
    assert tasks_of(text) == [
        "Sau khi có kết quả tham vấn, Trung tâm sẽ tổng hợp, báo cáo và đề xuất UBND tỉnh các giải pháp cụ thể"
    ]


def test_a_proposals_lead_in_names_the_addressee_of_its_sub_parts_and_closing_notes_are_no_requests():
    text = (
        "I. KẾT QUẢ\n"
        "Sở Nội vụ đã có Công văn số 1014/SNV-CCHC ngày 22/8/2025 đề nghị UBND các xã tổ chức quán triệt.\n"
        "II. ĐỀ XUẤT, KIẾN NGHỊ\n"
        "Sở Nội vụ kiến nghị Chủ tịch UBND tỉnh như sau:\n"
        "Thống nhất chủ trương chuyển sang thực hiện chính thức các mô hình, theo đó, yêu cầu:\n"
        "1. Các sở, ban, ngành:\n"
        "a) Chủ động nhân rộng các mô hình cải cách hành chính phù hợp.\n"
        "(Kèm theo dự thảo Văn bản chỉ đạo của Chủ tịch UBND tỉnh)\n"
        "Sở Nội vụ báo cáo Chủ tịch UBND tỉnh xem xét, chỉ đạo./.\n"
    )
    assert [(p.text, p.addressee) for p in find_proposals(text, split_sections(text))] == [
        ("Thống nhất chủ trương chuyển sang thực hiện chính thức các mô hình", "Chủ tịch UBND tỉnh"),
        ("Chủ động nhân rộng các mô hình cải cách hành chính phù hợp", "Chủ tịch UBND tỉnh"),
    ]


def test_a_concession_of_what_was_done_is_not_the_weakness_that_follows_it():
    text = (
        "1. Khó khăn, vướng mắc\n"
        "- Về bảo vệ khoáng sản chưa khai thác: Mặc dù đã ban hành nhiều văn bản chỉ đạo, xử lý hoạt động "
        "khoáng sản trái phép. Tuy nhiên, vẫn còn hiện tượng khai thác trái phép tái diễn.\n"
        "- Mặc dù đã cố gắng nhưng tiến độ giải ngân còn chậm.\n"
    )
    got = limitations_of(text)
    assert [t for t, _ in got] == [
        "Tuy nhiên, vẫn còn hiện tượng khai thác trái phép tái diễn",
        "Mặc dù đã cố gắng nhưng tiến độ giải ngân còn chậm",
    ]


def test_every_semicolon_part_of_a_cause_is_a_cause():
    text = (
        "1. Khó khăn, vướng mắc\n"
        "Vẫn còn khai thác cát trái phép. Nguyên nhân chủ quan: do chính quyền cơ sở chưa làm tốt nhiệm vụ; "
        "lực lượng tuần tra chưa phối hợp kịp thời; công tác phối hợp giữa các địa phương còn chưa chặt chẽ.\n"
    )
    kinds = [k for _, k in limitations_of(text)]
    assert kinds == ["limitation", "cause", "cause", "cause"]


def test_duties_not_done_are_shortfalls_outside_a_limitations_section():
    text = (
        "2. Kết quả rà soát\n"
        "Có 05 hội đã tổ chức đại hội. 03 hội báo cáo không đủ điều kiện để tổ chức đại hội. "
        "04 hội không báo cáo kết quả thực hiện. Hiệp hội Nhà thầu chưa lập hồ sơ tổ chức đại hội.\n"
    )
    assert [t for t, _ in limitations_of(text)] == [
        "03 hội báo cáo không đủ điều kiện để tổ chức đại hội",
        "04 hội không báo cáo kết quả thực hiện",
        "Hiệp hội Nhà thầu chưa lập hồ sơ tổ chức đại hội",
    ]


def test_a_statement_never_runs_across_the_cells_of_a_table_row():
    text = "1. Kết quả thực hiện\nCông tác kiểm tra | 1,00 | Việc rà soát còn chậm | Số liệu chưa đầy đủ\n"
    assert [t for t, _ in limitations_of(text)] == ["Việc rà soát còn chậm", "Số liệu chưa đầy đủ"]


def test_preliminary_data_and_a_difficulty_overcome_are_no_shortfalls():
    text = (
        "1. Kết quả\n"
        "Theo số liệu chưa đầy đủ, hội viên đã đóng góp vào các quỹ trên 2 tỷ đồng. "
        "Nhìn chung, tuy còn gặp nhiều khó khăn, nhưng Hiệp hội đã duy trì hoạt động. "
        "Một số chi hội hoạt động còn hạn chế.\n"
    )
    assert [t for t, _ in limitations_of(text)] == ["Một số chi hội hoạt động còn hạn chế"]
