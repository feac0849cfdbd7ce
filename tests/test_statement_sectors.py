"""The sector of a task, limitation or proposal is what the statement is about, not who acts or is asked
(invented report text)."""

from llmx.rules.proposals import find_proposals
from llmx.rules.statements import find_limitations, find_tasks
from llmx.sections import split_sections
from llmx.sectors import statement_sector

PARTY_REPORT = (
    "ĐẢNG BỘ HUYỆN NAM GIANG\nĐẢNG ỦY XÃ PHÚ THỊNH\n*\nSố 38-BC/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Phú Thịnh, ngày 25 tháng 9 năm 2025\nBÁO CÁO\nKết quả lãnh đạo tháng 9, nhiệm vụ tháng 10 năm 2025\n"
    "I. KẾT QUẢ\nĐảng ủy đã lãnh đạo hoàn thành các nhiệm vụ được giao.\n"
    "II. HẠN CHẾ\n"
    "- Sự phối hợp giữa các cơ quan, ban, ngành, đoàn thể trong quản lý người nghiện ma túy chưa chặt chẽ.\n"
    "III. NHIỆM VỤ THÁNG 10\n"
    "- Đảng ủy tập trung lãnh đạo thu hoạch lúa Mùa, chuẩn bị sản xuất vụ Đông.\n"
    "- Các cấp ủy, chính quyền các cấp chỉ đạo đẩy nhanh giải ngân vốn đầu tư công.\n"
    "- Đẩy mạnh phân cấp ủy quyền, cắt giảm thủ tục hành chính.\n"
    "- Hoàn thành các nhiệm vụ đột xuất khác.\n"
    "IV. KIẾN NGHỊ\n"
    "- Đề nghị Phòng Tài nguyên và Môi trường huyện hướng dẫn xã lập hồ sơ sửa chữa trường học.\n"
    "- Đề nghị Sở Y tế bổ sung biên chế bác sĩ cho xã.\n"
)


def test_the_directing_body_that_opens_a_task_does_not_decide_its_sector():
    layout = split_sections(PARTY_REPORT)
    assert [(t.text[:20], t.sector) for t in find_tasks(PARTY_REPORT, layout)] == [
        ("Đảng ủy tập trung lã", "agriculture"),
        ("Các cấp ủy, chính qu", "investment"),
        ("Đẩy mạnh phân cấp ủy", "government"),
        ("Hoàn thành các nhiệm", "other"),
    ]


def test_bodies_listed_as_partners_in_a_limitation_give_way_to_its_topic():
    layout = split_sections(PARTY_REPORT)
    (weakness,) = find_limitations(PARTY_REPORT, layout)
    assert weakness.sector == "security_order"


def test_the_asked_office_names_the_sector_only_when_the_request_names_none():
    layout = split_sections(PARTY_REPORT)
    assert [p.sector for p in find_proposals(PARTY_REPORT, layout)] == ["education", "health"]


def test_the_context_sector_still_comes_before_the_asked_office():
    assert statement_sector("Đề nghị Sở Y tế quan tâm hỗ trợ xã", "labour_social") == "labour_social"
    assert statement_sector("Đề nghị Sở Y tế quan tâm hỗ trợ xã", None) == "health"
    assert statement_sector("Tiếp tục thực hiện các nhiệm vụ khác", None) == "other"


def test_commune_report_words_for_theft_malnutrition_schools_and_farm_inputs_name_their_sector():
    assert statement_sector("Tình hình trộm cắp vặt ở các thôn vùng ven còn xảy ra", None) == "security_order"
    assert statement_sector("Tỷ lệ trẻ dưới 5 tuổi suy dinh dưỡng còn ở mức cao", None) == "health"
    assert statement_sector("Thiếu giáo viên dạy các môn chuyên biệt ở bậc tiểu học", None) == "education"
    assert statement_sector("Giá phân bón tăng cao làm tăng chi phí đầu vào của hộ trồng lúa", None) == "agriculture"
    assert statement_sector("Nạo vét kênh mương nội đồng trước mùa mưa", "government") == "agriculture"


def test_a_statement_about_a_named_association_is_about_associations_not_its_members_trade():
    assert statement_sector("Hiệp hội Chế biến gỗ tỉnh chưa tổ chức đại hội nhiệm kỳ II", "government") == (
        "mass_organizations"
    )
    late = "02 hội chưa gửi báo cáo năm, gồm: Hội Bảo vệ thiên nhiên và môi trường, Hội Nuôi ong"
    assert statement_sector(late, "government") == "mass_organizations"
    # its own topic still comes first
    assert statement_sector("Hội Nông dân xã phối hợp hướng dẫn bà con gieo sạ lúa đúng lịch", None) == "agriculture"


def test_inspection_work_takes_the_sector_of_what_is_inspected_and_is_party_work_only_when_nothing_is_named():
    inspected = "Tăng cường kiểm tra, giám sát việc chấp hành quy định về an toàn thực phẩm tại các bếp ăn tập thể"
    assert statement_sector(inspected, None) == "health"
    assert statement_sector("Đẩy mạnh công tác kiểm tra, giám sát của cấp ủy", None) == "party"
