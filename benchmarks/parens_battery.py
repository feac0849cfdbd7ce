"""The parens12 battery: invented reports whose deepest level is numbered `(1)`, `(2)` / `1)`, `2)`
/ `(a)`, and reports whose `(1)` lines are content (proposals, tasks, limitations, figure sentences,
quoted provisions, causes). Each case gives the heading tree it should have and, for content cases,
the items its `(n)` lines are. `tuned` cases were tuned on; `held` cases were scored once at the end.

    python benchmarks/parens_battery.py                 # scores per part
    python benchmarks/parens_battery.py --json out.json # every case's sections and items, to diff
    python benchmarks/parens_battery.py -v              # what each case missed or added
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from llmx.config import Settings
from llmx.pipeline import extract_document

HEAD = "ỦY BAN NHÂN DÂN\n{unit}\nSố: {no}/BC-UBND\n{place}, ngày 20 tháng {month} năm 2025\nBÁO CÁO\n{title}\n"
CLOSE = "Trên đây là báo cáo của {who}./.\nNơi nhận:\n- UBND huyện;\n- Lưu: VT.\n"


@dataclass
class Case:
    name: str
    part: str  # "tuned" or "held"
    kind: str  # "topic": its `(n)` lines are headings; "content": they are items; "mixed"
    body: str
    outline: list[str]  # "level|number|heading" (number `-` for none)
    items: dict[str, list[str]] = field(default_factory=dict)  # group -> texts its `(n)` lines give

    def text(self) -> str:
        head = HEAD.format(
            unit="XÃ ĐỒNG TÂM", no=52, place="Đồng Tâm", month=6, title="Kết quả công tác 6 tháng đầu năm 2025"
        )
        return head + self.body + CLOSE.format(who="UBND xã Đồng Tâm")


def o(*rows: str) -> list[str]:
    return list(rows)


CASES: list[Case] = [
    # ---------------------------------------------------------------- tuned: topics
    Case(
        "t_topics_ve",
        "tuned",
        "topic",
        "I. KẾT QUẢ THỰC HIỆN\n1. Lĩnh vực kinh tế\n(1) Về nông nghiệp\n"
        "Tổng diện tích gieo trồng vụ xuân đạt 1.250 ha, tăng 3,2% so với cùng kỳ.\n"
        "(2) Về công nghiệp, xây dựng\nGiá trị sản xuất công nghiệp ước đạt 120 tỷ đồng.\n"
        "2. Lĩnh vực văn hóa - xã hội\n(1) Về giáo dục\nTỷ lệ học sinh lên lớp đạt 98,5%.\n"
        "(2) Về y tế\nĐã tiêm chủng cho 350 trẻ em.\n"
        "II. NHIỆM VỤ 6 THÁNG CUỐI NĂM\n- Tăng cường công tác quản lý đất đai.\n"
        "- Đẩy mạnh giải ngân vốn đầu tư công.\n",
        o(
            "1|I|KẾT QUẢ THỰC HIỆN",
            "2|1|Lĩnh vực kinh tế",
            "3|1|Về nông nghiệp",
            "3|2|Về công nghiệp, xây dựng",
            "2|2|Lĩnh vực văn hóa - xã hội",
            "3|1|Về giáo dục",
            "3|2|Về y tế",
            "1|II|NHIỆM VỤ 6 THÁNG CUỐI NĂM",
        ),
    ),
    Case(
        "t_topics_cong_tac_colon",
        "tuned",
        "topic",
        "I. KẾT QUẢ\n1. Công tác quản lý nhà nước\n(1) Công tác cải cách hành chính:\n"
        "- Tiếp nhận 1.245 hồ sơ, giải quyết đúng hạn 1.230 hồ sơ.\n- Duy trì bộ phận một cửa hoạt động ổn định.\n"
        "(2) Công tác chuyển đổi số:\n- 100% văn bản được ký số.\n- Đã cài đặt ứng dụng VNeID cho 2.150 người dân.\n"
        "(3) Công tác tiếp công dân:\n- Tiếp 12 lượt công dân, nhận 5 đơn kiến nghị.\n"
        "2. Quốc phòng, an ninh\nTình hình an ninh chính trị ổn định.\n"
        "II. PHƯƠNG HƯỚNG NHIỆM VỤ\n- Tiếp tục nâng cao chất lượng giải quyết thủ tục hành chính.\n",
        o(
            "1|I|KẾT QUẢ",
            "2|1|Công tác quản lý nhà nước",
            "3|1|Công tác cải cách hành chính",
            "3|2|Công tác chuyển đổi số",
            "3|3|Công tác tiếp công dân",
            "2|2|Quốc phòng, an ninh",
            "1|II|PHƯƠNG HƯỚNG NHIỆM VỤ",
        ),
    ),
    Case(
        "t_topics_linh_vuc_under_letters",
        "tuned",
        "topic",
        "I. TÌNH HÌNH THỰC HIỆN\n1. Về kinh tế\na) Sản xuất nông nghiệp\n(1) Trồng trọt\n"
        "Diện tích lúa vụ đông xuân 850 ha, năng suất ước đạt 62 tạ/ha.\n(2) Chăn nuôi\n"
        "Tổng đàn lợn 12.500 con, đàn gia cầm 85.000 con.\nb) Thương mại, dịch vụ\nHoạt động thương mại ổn định.\n"
        "2. Về văn hóa - xã hội\nTổ chức thành công lễ hội truyền thống.\n"
        "II. NHIỆM VỤ TRỌNG TÂM\n- Chỉ đạo thu hoạch lúa đông xuân.\n",
        o(
            "1|I|TÌNH HÌNH THỰC HIỆN",
            "2|1|Về kinh tế",
            "3|a|Sản xuất nông nghiệp",
            "4|1|Trồng trọt",
            "4|2|Chăn nuôi",
            "3|b|Thương mại, dịch vụ",
            "2|2|Về văn hóa - xã hội",
            "1|II|NHIỆM VỤ TRỌNG TÂM",
        ),
    ),
    Case(
        "t_topics_party",
        "tuned",
        "topic",
        "I. KẾT QUẢ LÃNH ĐẠO, CHỈ ĐẠO\n1. Công tác xây dựng Đảng\n(1) Công tác chính trị, tư tưởng\n"
        "Tổ chức quán triệt các nghị quyết của Trung ương cho 215 đảng viên.\n(2) Công tác tổ chức, cán bộ\n"
        "Kết nạp 5 đảng viên mới, chuyển chính thức 3 đảng viên.\n(3) Công tác kiểm tra, giám sát\n"
        "Kiểm tra 4 chi bộ, giám sát chuyên đề 2 đảng viên.\n(4) Công tác dân vận\n"
        "Duy trì hoạt động của 12 tổ dân vận.\n"
        "2. Lãnh đạo phát triển kinh tế - xã hội\nTổng thu ngân sách đạt 5,2 tỷ đồng.\n",
        o(
            "1|I|KẾT QUẢ LÃNH ĐẠO, CHỈ ĐẠO",
            "2|1|Công tác xây dựng Đảng",
            "3|1|Công tác chính trị, tư tưởng",
            "3|2|Công tác tổ chức, cán bộ",
            "3|3|Công tác kiểm tra, giám sát",
            "3|4|Công tác dân vận",
            "2|2|Lãnh đạo phát triển kinh tế - xã hội",
        ),
    ),
    Case(
        "t_topics_in_tasks_part",
        "tuned",
        "topic",
        "I. KẾT QUẢ\nCác chỉ tiêu cơ bản đạt kế hoạch.\nII. NHIỆM VỤ 6 THÁNG CUỐI NĂM\n(1) Về kinh tế\n"
        "- Tập trung chỉ đạo sản xuất vụ mùa.\n- Đẩy mạnh thu ngân sách.\n(2) Về văn hóa - xã hội\n"
        "- Tổ chức tốt lễ khai giảng năm học mới.\n(3) Về quốc phòng, an ninh\n"
        "- Duy trì nghiêm chế độ trực sẵn sàng chiến đấu.\n",
        o(
            "1|I|KẾT QUẢ",
            "1|II|NHIỆM VỤ 6 THÁNG CUỐI NĂM",
            "2|1|Về kinh tế",
            "2|2|Về văn hóa - xã hội",
            "2|3|Về quốc phòng, an ninh",
        ),
        {
            "tasks": [
                "Tập trung chỉ đạo sản xuất vụ mùa",
                "Đẩy mạnh thu ngân sách",
                "Tổ chức tốt lễ khai giảng năm học mới",
                "Duy trì nghiêm chế độ trực sẵn sàng chiến đấu",
            ]
        },
    ),
    Case(
        "t_topics_close_paren",
        "tuned",
        "topic",
        "I. KẾT QUẢ\n1. Kinh tế\na) Nông nghiệp\n1) Trồng trọt\nGieo cấy 620 ha lúa mùa.\n2) Chăn nuôi\n"
        "Tiêm phòng 4.500 liều vắc xin cho đàn gia súc.\nb) Công nghiệp\nGiá trị sản xuất đạt 45 tỷ đồng.\n"
        "2. Văn hóa - xã hội\nCác hoạt động văn hóa diễn ra sôi nổi.\n",
        o(
            "1|I|KẾT QUẢ",
            "2|1|Kinh tế",
            "3|a|Nông nghiệp",
            "4|1|Trồng trọt",
            "4|2|Chăn nuôi",
            "3|b|Công nghiệp",
            "2|2|Văn hóa - xã hội",
        ),
    ),
    Case(
        "t_topics_letters_in_parens",
        "tuned",
        "topic",
        "I. KẾT QUẢ\n1. Lĩnh vực xã hội\n(a) Giáo dục và đào tạo\nCó 3/5 trường đạt chuẩn quốc gia.\n"
        "(b) Y tế, dân số\nTỷ lệ người dân tham gia bảo hiểm y tế đạt 93,5%.\n(c) Lao động, việc làm\n"
        "Giải quyết việc làm cho 145 lao động.\n2. Quốc phòng, an ninh\n"
        "Giao 25 thanh niên nhập ngũ, đạt 100% chỉ tiêu.\n",
        o(
            "1|I|KẾT QUẢ",
            "2|1|Lĩnh vực xã hội",
            "3|a|Giáo dục và đào tạo",
            "3|b|Y tế, dân số",
            "3|c|Lao động, việc làm",
            "2|2|Quốc phòng, an ninh",
        ),
    ),
    # ---------------------------------------------------------------- tuned: content lines
    Case(
        "t_proposals",
        "tuned",
        "content",
        "I. KẾT QUẢ\nCác chỉ tiêu cơ bản đạt kế hoạch.\nII. KIẾN NGHỊ, ĐỀ XUẤT\n"
        "(1) Đề nghị UBND huyện hỗ trợ kinh phí sửa chữa trường tiểu học Đồng Tâm.\n"
        "(2) Đề nghị Phòng Tài nguyên và Môi trường hướng dẫn thủ tục cấp giấy chứng nhận quyền sử dụng đất.\n"
        "(3) Kiến nghị Sở Giao thông vận tải sớm khắc phục tuyến đường tỉnh 291 bị sạt lở.\n",
        o("1|I|KẾT QUẢ", "1|II|KIẾN NGHỊ, ĐỀ XUẤT"),
        {
            "proposals": [
                "Đề nghị UBND huyện hỗ trợ kinh phí sửa chữa trường tiểu học Đồng Tâm",
                "Đề nghị Phòng Tài nguyên và Môi trường hướng dẫn thủ tục cấp giấy chứng nhận quyền sử dụng đất",
                "Kiến nghị Sở Giao thông vận tải sớm khắc phục tuyến đường tỉnh 291 bị sạt lở",
            ]
        },
    ),
    Case(
        "t_tasks_short_no_stop",
        "tuned",
        "content",
        "I. KẾT QUẢ\nĐã hoàn thành 85% kế hoạch năm.\nII. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM\n"
        "(1) Tăng cường công tác quản lý đất đai, trật tự xây dựng\n(2) Đẩy mạnh giải ngân vốn đầu tư công\n"
        "(3) Tập trung thu ngân sách nhà nước\n(4) Chỉ đạo phòng chống dịch bệnh trên đàn gia súc\n",
        o("1|I|KẾT QUẢ", "1|II|NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM"),
        {
            "tasks": [
                "Tăng cường công tác quản lý đất đai, trật tự xây dựng",
                "Đẩy mạnh giải ngân vốn đầu tư công",
                "Tập trung thu ngân sách nhà nước",
                "Chỉ đạo phòng chống dịch bệnh trên đàn gia súc",
            ]
        },
    ),
    Case(
        "t_limitations",
        "tuned",
        "content",
        "I. KẾT QUẢ\nCác chỉ tiêu cơ bản đạt kế hoạch.\nII. TỒN TẠI, HẠN CHẾ\n"
        "(1) Tiến độ giải ngân vốn đầu tư công còn chậm, mới đạt 35% kế hoạch.\n"
        "(2) Công tác quản lý đất đai còn nhiều bất cập.\n(3) Tình trạng vi phạm trật tự xây dựng vẫn còn xảy ra.\n"
        "III. NHIỆM VỤ\n- Đẩy mạnh giải ngân vốn đầu tư công.\n",
        o("1|I|KẾT QUẢ", "1|II|TỒN TẠI, HẠN CHẾ", "1|III|NHIỆM VỤ"),
        {
            "limitations": [
                "Tiến độ giải ngân vốn đầu tư công còn chậm, mới đạt 35% kế hoạch",
                "Công tác quản lý đất đai còn nhiều bất cập",
                "Tình trạng vi phạm trật tự xây dựng vẫn còn xảy ra",
            ]
        },
    ),
    Case(
        "t_figure_sentences",
        "tuned",
        "content",
        "I. KẾT QUẢ\n1. Thu, chi ngân sách\n(1) Tổng thu ngân sách đạt 12.500 triệu đồng, bằng 85% dự toán.\n"
        "(2) Tổng chi ngân sách 10.200 triệu đồng, bằng 70% dự toán.\n2. Nông nghiệp\n"
        "Diện tích gieo trồng đạt 1.100 ha.\n",
        o("1|I|KẾT QUẢ", "2|1|Thu, chi ngân sách", "2|2|Nông nghiệp"),
    ),
    Case(
        "t_quoted_provision",
        "tuned",
        "content",
        "I. KẾT QUẢ\n1. Công tác tuyên truyền pháp luật\nKhoản 1 Điều 5 Luật Phổ biến, giáo dục pháp luật quy định:\n"
        "“(1) Cung cấp thông tin pháp luật cho công dân;\n"
        "(2) Phổ biến pháp luật trên phương tiện thông tin đại chúng.”\n"
        "Xã đã tổ chức 8 buổi tuyên truyền cho 650 lượt người.\n2. Công tác hòa giải\nHòa giải thành 6/8 vụ việc.\n",
        o("1|I|KẾT QUẢ", "2|1|Công tác tuyên truyền pháp luật", "2|2|Công tác hòa giải"),
    ),
    Case(
        "t_causes",
        "tuned",
        "content",
        "I. KẾT QUẢ\nCác chỉ tiêu cơ bản đạt kế hoạch.\nII. HẠN CHẾ VÀ NGUYÊN NHÂN\n"
        "Giải ngân vốn đầu tư công còn chậm.\nNguyên nhân:\n(1) Do thời tiết mưa kéo dài;\n"
        "(2) Do vướng mắc trong công tác giải phóng mặt bằng;\n(3) Do năng lực một số nhà thầu còn hạn chế.\n",
        o("1|I|KẾT QUẢ", "1|II|HẠN CHẾ VÀ NGUYÊN NHÂN"),
        {
            "limitations": [
                "Giải ngân vốn đầu tư công còn chậm",
                "Do thời tiết mưa kéo dài",
                "Do vướng mắc trong công tác giải phóng mặt bằng",
                "Do năng lực một số nhà thầu còn hạn chế",
            ]
        },
    ),
    Case(
        "t_short_proposals_noun",
        "tuned",
        "content",
        "I. KẾT QUẢ\nCác chỉ tiêu cơ bản đạt kế hoạch.\nII. ĐỀ XUẤT\nUBND xã đề xuất UBND huyện:\n"
        "(1) Hỗ trợ kinh phí xây dựng nhà văn hóa thôn Đông.\n(2) Bố trí vốn sửa chữa tuyến đường liên thôn.\n",
        o("1|I|KẾT QUẢ", "1|II|ĐỀ XUẤT"),
        {
            "proposals": [
                "Hỗ trợ kinh phí xây dựng nhà văn hóa thôn Đông",
                "Bố trí vốn sửa chữa tuyến đường liên thôn",
            ]
        },
    ),
    Case(
        "t_tasks_with_bullets_under",
        "tuned",
        "content",
        "I. KẾT QUẢ\nĐã hoàn thành kế hoạch.\nII. NHIỆM VỤ THÁNG 7\n(1) Tăng cường phòng chống thiên tai:\n"
        "- Kiểm tra hệ thống đê điều.\n- Chuẩn bị vật tư dự phòng.\n(2) Đẩy mạnh cải cách hành chính:\n"
        "- Rà soát thủ tục hành chính.\n",
        o("1|I|KẾT QUẢ", "1|II|NHIỆM VỤ THÁNG 7"),
    ),
    Case(
        "t_inline_list_in_paragraph",
        "tuned",
        "content",
        "I. KẾT QUẢ\n1. Kinh tế\nXã tập trung chỉ đạo ba nhiệm vụ: (1) sản xuất vụ mùa; (2) thu ngân sách; "
        "(3) giải phóng mặt bằng.\n2. Xã hội\nĐã chi trả trợ cấp cho 320 đối tượng.\n",
        o("1|I|KẾT QUẢ", "2|1|Kinh tế", "2|2|Xã hội"),
    ),
    Case(
        "t_topics_in_proposals_part",
        "tuned",
        "topic",
        "I. KẾT QUẢ\nCác chỉ tiêu cơ bản đạt kế hoạch.\nII. KIẾN NGHỊ, ĐỀ XUẤT\n(1) Về kinh phí\n"
        "Đề nghị UBND huyện bổ sung kinh phí sửa chữa trụ sở xã.\n(2) Về thủ tục đất đai\n"
        "Đề nghị Phòng Tài nguyên và Môi trường sớm hướng dẫn thủ tục giao đất.\n",
        o("1|I|KẾT QUẢ", "1|II|KIẾN NGHỊ, ĐỀ XUẤT", "2|1|Về kinh phí", "2|2|Về thủ tục đất đai"),
        {
            "proposals": [
                "Đề nghị Phòng Tài nguyên và Môi trường sớm hướng dẫn thủ tục giao đất",
                "Đề nghị UBND huyện bổ sung kinh phí sửa chữa trụ sở xã",
            ]
        },
    ),
    Case(
        "t_topics_in_limitations_part",
        "tuned",
        "topic",
        "I. KẾT QUẢ\nCác chỉ tiêu cơ bản đạt kế hoạch.\nII. TỒN TẠI, HẠN CHẾ\n(1) Công tác giải phóng mặt bằng\n"
        "Tiến độ giải phóng mặt bằng còn chậm.\n(2) Công tác thu ngân sách\n"
        "Một số khoản thu đạt thấp so với dự toán.\n",
        o("1|I|KẾT QUẢ", "1|II|TỒN TẠI, HẠN CHẾ", "2|1|Công tác giải phóng mặt bằng", "2|2|Công tác thu ngân sách"),
        {
            "limitations": [
                "Tiến độ giải phóng mặt bằng còn chậm",
                "Một số khoản thu đạt thấp so với dự toán",
            ]
        },
    ),
    Case(
        "t_party_ordinals",
        "tuned",
        "content",
        "I. KẾT QUẢ\nHoàn thành các chỉ tiêu.\nII. NHIỆM VỤ, GIẢI PHÁP\n"
        "(1) Một là, tăng cường công tác giáo dục chính trị tư tưởng cho cán bộ, đảng viên.\n"
        "(2) Hai là, nâng cao chất lượng sinh hoạt chi bộ.\n",
        o("1|I|KẾT QUẢ", "1|II|NHIỆM VỤ, GIẢI PHÁP"),
    ),
    Case(
        "t_label_values",
        "tuned",
        "content",
        "I. KẾT QUẢ\n1. Dân số, lao động\n(1) Dân số: 12.450 người\n(2) Số hộ: 3.120 hộ\n"
        "Trong đó hộ nghèo chiếm 2,1%.\n2. Kinh tế\nỔn định.\n",
        o("1|I|KẾT QUẢ", "2|1|Dân số, lao động", "2|2|Kinh tế"),
    ),
    Case(
        "t_figure_names_over_values",
        "tuned",
        "content",
        "I. KẾT QUẢ\n1. Thu, chi ngân sách\n(1) Tổng thu ngân sách\n12.500 triệu đồng, đạt 85% dự toán.\n"
        "(2) Tổng chi ngân sách\nước đạt 10.200 triệu đồng.\n2. Nông nghiệp\nDiện tích gieo trồng đạt 1.100 ha.\n",
        o("1|I|KẾT QUẢ", "2|1|Thu, chi ngân sách", "2|2|Nông nghiệp"),
    ),
    # ---------------------------------------------------------------- held back
    Case(
        "h_topics_district",
        "held",
        "topic",
        "I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ\n1. Phát triển kinh tế\n(1) Về sản xuất nông, lâm nghiệp\n"
        "Trồng mới 45 ha rừng tập trung, đạt 112% kế hoạch.\n(2) Về thu, chi ngân sách\n"
        "Thu ngân sách trên địa bàn ước đạt 48,6 tỷ đồng.\n(3) Về xây dựng nông thôn mới\n"
        "Có thêm 2 xã đạt chuẩn nông thôn mới nâng cao.\n2. Văn hóa - xã hội\n(1) Về giáo dục\n"
        "Hoàn thành chương trình năm học đúng kế hoạch.\n(2) Về chính sách xã hội\nTrao 120 suất quà cho hộ nghèo.\n"
        "II. NHIỆM VỤ THỜI GIAN TỚI\n- Tập trung chăm sóc, bảo vệ rừng trồng.\n",
        o(
            "1|I|KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ",
            "2|1|Phát triển kinh tế",
            "3|1|Về sản xuất nông, lâm nghiệp",
            "3|2|Về thu, chi ngân sách",
            "3|3|Về xây dựng nông thôn mới",
            "2|2|Văn hóa - xã hội",
            "3|1|Về giáo dục",
            "3|2|Về chính sách xã hội",
            "1|II|NHIỆM VỤ THỜI GIAN TỚI",
        ),
    ),
    Case(
        "h_topics_dotted_parent",
        "held",
        "topic",
        "I. KẾT QUẢ\n1. Lĩnh vực kinh tế\n1.1. Sản xuất nông nghiệp\n(1) Lĩnh vực trồng trọt\n"
        "Tổng sản lượng lương thực đạt 6.850 tấn.\n(2) Lĩnh vực chăn nuôi, thú y\nKhông để xảy ra dịch bệnh lớn.\n"
        "1.2. Thương mại, dịch vụ\nTổng mức bán lẻ hàng hóa ước đạt 210 tỷ đồng.\n",
        o(
            "1|I|KẾT QUẢ",
            "2|1|Lĩnh vực kinh tế",
            "3|1.1|Sản xuất nông nghiệp",
            "4|1|Lĩnh vực trồng trọt",
            "4|2|Lĩnh vực chăn nuôi, thú y",
            "3|1.2|Thương mại, dịch vụ",
        ),
    ),
    Case(
        "h_topics_colon_tasks",
        "held",
        "topic",
        "I. KẾT QUẢ\nHoàn thành các chỉ tiêu đề ra.\nII. PHƯƠNG HƯỚNG, NHIỆM VỤ\n(1) Công tác quản lý đất đai:\n"
        "- Rà soát, xử lý dứt điểm các trường hợp lấn chiếm đất công.\n(2) Công tác y tế:\n"
        "- Triển khai tiêm chủng mở rộng cho trẻ em dưới 5 tuổi.\n",
        o("1|I|KẾT QUẢ", "1|II|PHƯƠNG HƯỚNG, NHIỆM VỤ", "2|1|Công tác quản lý đất đai", "2|2|Công tác y tế"),
        {
            "tasks": [
                "Rà soát, xử lý dứt điểm các trường hợp lấn chiếm đất công",
                "Triển khai tiêm chủng mở rộng cho trẻ em dưới 5 tuổi",
            ]
        },
    ),
    Case(
        "h_topics_close_paren_mixed",
        "held",
        "topic",
        "I. KẾT QUẢ\n1. Văn hóa - xã hội\na) Giáo dục\n1) Giáo dục mầm non\nHuy động 95% trẻ mẫu giáo ra lớp.\n"
        "2) Giáo dục tiểu học\nTỷ lệ hoàn thành chương trình tiểu học đạt 100%.\nb) Y tế\n"
        "Khám chữa bệnh cho 3.200 lượt người.\n2. Quốc phòng - an ninh\nTình hình ổn định.\n",
        o(
            "1|I|KẾT QUẢ",
            "2|1|Văn hóa - xã hội",
            "3|a|Giáo dục",
            "4|1|Giáo dục mầm non",
            "4|2|Giáo dục tiểu học",
            "3|b|Y tế",
            "2|2|Quốc phòng - an ninh",
        ),
    ),
    Case(
        "h_proposals_province",
        "held",
        "content",
        "I. KẾT QUẢ\nCác chỉ tiêu cơ bản đạt kế hoạch.\nII. KIẾN NGHỊ\n"
        "(1) Đề nghị UBND tỉnh bổ sung 2 tỷ đồng kinh phí cho chương trình nông thôn mới.\n"
        "(2) Đề xuất Sở Tài chính hướng dẫn quyết toán các công trình hoàn thành.\n",
        o("1|I|KẾT QUẢ", "1|II|KIẾN NGHỊ"),
        {
            "proposals": [
                "Đề nghị UBND tỉnh bổ sung 2 tỷ đồng kinh phí cho chương trình nông thôn mới",
                "Đề xuất Sở Tài chính hướng dẫn quyết toán các công trình hoàn thành",
            ]
        },
    ),
    Case(
        "h_tasks_long",
        "held",
        "content",
        "I. KẾT QUẢ\nĐã hoàn thành kế hoạch.\nII. NHIỆM VỤ NĂM 2026\n"
        "(1) Tăng cường công tác quản lý nhà nước về đất đai, tài nguyên, môi trường; xử lý nghiêm các vi phạm.\n"
        "(2) Tiếp tục đẩy mạnh cải cách hành chính, nâng cao chỉ số hài lòng của người dân.\n"
        "(3) Giữ vững quốc phòng, an ninh, trật tự an toàn xã hội.\n",
        o("1|I|KẾT QUẢ", "1|II|NHIỆM VỤ NĂM 2026"),
        {
            "tasks": [
                "Tăng cường công tác quản lý nhà nước về đất đai, tài nguyên, môi trường",
                "xử lý nghiêm các vi phạm",
                "Tiếp tục đẩy mạnh cải cách hành chính, nâng cao chỉ số hài lòng của người dân",
                "Giữ vững quốc phòng, an ninh, trật tự an toàn xã hội",
            ]
        },
    ),
    Case(
        "h_limitations_short",
        "held",
        "content",
        "I. KẾT QUẢ\nCác chỉ tiêu cơ bản đạt kế hoạch.\nII. KHÓ KHĂN, VƯỚNG MẮC\n(1) Thiếu nguồn vốn đầu tư;\n"
        "(2) Trình độ một số cán bộ còn hạn chế;\n(3) Cơ sở vật chất trường học xuống cấp.\n",
        o("1|I|KẾT QUẢ", "1|II|KHÓ KHĂN, VƯỚNG MẮC"),
        {
            "limitations": [
                "Thiếu nguồn vốn đầu tư",
                "Trình độ một số cán bộ còn hạn chế",
                "Cơ sở vật chất trường học xuống cấp",
            ]
        },
    ),
    Case(
        "h_figures_in_sector",
        "held",
        "content",
        "I. KẾT QUẢ\n1. Y tế\n(1) Tỷ lệ trẻ em được tiêm chủng đầy đủ đạt 97,2%.\n"
        "(2) Số người tham gia bảo hiểm y tế 8.450 người.\n2. Giáo dục\nCó 4 trường đạt chuẩn quốc gia.\n",
        o("1|I|KẾT QUẢ", "2|1|Y tế", "2|2|Giáo dục"),
    ),
    Case(
        "h_mixed_topics_then_proposals",
        "held",
        "mixed",
        "I. KẾT QUẢ\n1. Kinh tế\n(1) Nông nghiệp\nGieo cấy 700 ha lúa.\n(2) Tiểu thủ công nghiệp\n"
        "Duy trì 3 làng nghề truyền thống.\n2. Xã hội\nỔn định.\nII. ĐỀ XUẤT, KIẾN NGHỊ\n"
        "(1) Đề nghị huyện hỗ trợ giống lúa cho vụ mùa.\n(2) Đề nghị huyện đầu tư nâng cấp trạm y tế xã.\n",
        o(
            "1|I|KẾT QUẢ",
            "2|1|Kinh tế",
            "3|1|Nông nghiệp",
            "3|2|Tiểu thủ công nghiệp",
            "2|2|Xã hội",
            "1|II|ĐỀ XUẤT, KIẾN NGHỊ",
        ),
        {
            "proposals": [
                "Đề nghị huyện hỗ trợ giống lúa cho vụ mùa",
                "Đề nghị huyện đầu tư nâng cấp trạm y tế xã",
            ]
        },
    ),
    Case(
        "h_single_paren_topic",
        "held",
        "content",
        "I. KẾT QUẢ\n1. Kinh tế\n(1) Về nông nghiệp\nGieo cấy 700 ha lúa.\n2. Xã hội\nỔn định.\n",
        o("1|I|KẾT QUẢ", "2|1|Kinh tế", "2|2|Xã hội"),
    ),
]


def run(case: Case, work: Path) -> dict[str, object]:
    path = work / f"{case.name}.txt"
    path.write_text(case.text(), encoding="utf-8")
    doc = extract_document(path, Settings(backend="rules"))
    return {
        "sections": [f"{s.level}|{s.number or '-'}|{s.heading}" for s in doc.sections],
        **{g: sorted(it.text for it in getattr(doc, g)) for g in ("tasks", "limitations", "proposals")},
        "indicators": sorted(i.quote for i in doc.indicators),
    }


def _f1(got: list[str], want: list[str]) -> tuple[int, int, int]:
    rest = list(got)
    hit = 0
    for w in want:
        if w in rest:
            rest.remove(w)
            hit += 1
    return hit, len(got), len(want)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    out: dict[str, object] = {}
    totals: dict[tuple[str, str], list[int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for case in CASES:
            got = run(case, Path(tmp))
            out[case.name] = got
            checks = [("sections", got["sections"], case.outline)]
            checks += [(g, got[g], want) for g, want in case.items.items()]
            for what, g, w in checks:
                assert isinstance(g, list)
                hit, n_got, n_want = _f1(g, w)
                t = totals.setdefault((case.part, "sections" if what == "sections" else "items"), [0, 0, 0])
                t[0] += hit
                t[1] += n_got
                t[2] += n_want
                if args.v and (hit != n_got or hit != n_want):
                    print(f"{case.part} {case.name} {what}: missing {[x for x in w if x not in g]}")
                    print(f"{' ' * len(case.part)} {case.name} {what}: extra   {[x for x in g if x not in w]}")
            if args.v:
                exact = got["sections"] == case.outline
                print(f"{case.part} {case.name}: outline {'ok' if exact else 'DIFFERS'}")
    for (part, what), (hit, n_got, n_want) in sorted(totals.items()):
        p = hit / n_got if n_got else 1.0
        r = hit / n_want if n_want else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{part:6} {what:9} F1 {f:.3f}  ({hit} hit, {n_got} got, {n_want} wanted)")
    if args.json:
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
