"""Task spans in invented forward parts (the tasks8 battery): a Party committee's month with `+` sub-bullets,
numbered and lettered directive letters, a `;` paragraph, a plan table, a purpose lead-in, a body's own next step
in a proposals part, multi-sentence bullets, a targets table under a lead-in, a part ending at the signature.
Each case is read from a file end to end (`extract_document`); the tasks must be exactly the gold texts.
A lead-in that only introduces the list below (`- Lãnh đạo các chi bộ ... quý IV:`) is no task (LABELING)."""

from pathlib import Path

import pytest

from llmx.config import Settings
from llmx.pipeline import extract_document

CASES = [
    (
        "U1-party-monthly-subbullets",
        "ĐẢNG BỘ HUYỆN LẠC SƠN\n"
        "ĐẢNG ỦY XÃ VŨ BÌNH\n"
        "Số: 41-BC/ĐU\n"
        "Vũ Bình, ngày 28 tháng 9 năm 2025\n"
        "BÁO CÁO\n"
        "Kết quả lãnh đạo thực hiện nhiệm vụ tháng 9, nhiệm vụ trọng tâm tháng 10 năm 2025\n"
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 9\n"
        "Đảng ủy đã lãnh đạo tổ chức thu hoạch 320 ha lúa mùa, năng suất ước 58 tạ/ha.\n"
        "II. NHIỆM VỤ TRỌNG TÂM THÁNG 10\n"
        "1. Công tác xây dựng Đảng\n"
        "- Lãnh đạo các chi bộ tổ chức sinh hoạt chuyên đề quý IV:\n"
        "+ Chi bộ nông thôn gắn nội dung sinh hoạt với xây dựng nông thôn mới;\n"
        "+ Chi bộ trường học gắn với nhiệm vụ năm học mới.\n"
        "- Hoàn thành hồ sơ đề nghị kết nạp 03 quần chúng ưu tú vào Đảng.\n"
        "2. Lĩnh vực kinh tế\n"
        "- Chỉ đạo gieo trồng 150 ha cây vụ đông, chủ yếu là ngô và khoai lang.\n"
        "- Đôn đốc thu ngân sách, phấn đấu đạt 100% dự toán huyện giao.\n"
        "Trên đây là báo cáo của Đảng ủy xã Vũ Bình./.\n"
        "Nơi nhận:\n"
        "- Huyện ủy;\n"
        "- Lưu VP.\n",
        [
            "Chi bộ nông thôn gắn nội dung sinh hoạt với xây dựng nông thôn mới",
            "Chi bộ trường học gắn với nhiệm vụ năm học mới",
            "Hoàn thành hồ sơ đề nghị kết nạp 03 quần chúng ưu tú vào Đảng",
            "Chỉ đạo gieo trồng 150 ha cây vụ đông, chủ yếu là ngô và khoai lang",
            "Đôn đốc thu ngân sách, phấn đấu đạt 100% dự toán huyện giao",
        ],
    ),
    (
        "U2-directive-letter-numbered",
        "ỦY BAN NHÂN DÂN\n"
        "TỈNH HÒA BÌNH\n"
        "Số: 1520/UBND-KT\n"
        "V/v xử lý sạt lở đường tỉnh 435\n"
        "Hòa Bình, ngày 12 tháng 10 năm 2025\n"
        "Kính gửi:\n"
        "- Sở Xây dựng;\n"
        "- UBND huyện Tân Lạc.\n"
        "Xét đề nghị của Sở Xây dựng tại Tờ trình số 210/TTr-SXD ngày 05/10/2025, Chủ tịch UBND "
        "tỉnh có ý kiến chỉ đạo như sau:\n"
        "1. Giao Sở Xây dựng chủ trì, phối hợp với UBND huyện Tân Lạc khảo sát, lập phương án khắc "
        "phục sạt lở tại Km 12+300, hoàn thành trước ngày 30/10/2025.\n"
        "2. Giao UBND huyện Tân Lạc cắm biển cảnh báo, bố trí lực lượng hướng dẫn giao thông tại "
        "các điểm sạt lở.\n"
        "3. Đối với kinh phí khắc phục: giao Sở Tài chính tham mưu bố trí từ nguồn dự phòng ngân "
        "sách tỉnh năm 2025.\n"
        "Yêu cầu các cơ quan, đơn vị khẩn trương triển khai thực hiện./.\n"
        "Nơi nhận:\n"
        "- Như trên;\n"
        "- Lưu: VT.\n"
        "KT. CHỦ TỊCH\n"
        "PHÓ CHỦ TỊCH\n",
        [
            "Giao Sở Xây dựng chủ trì, phối hợp với UBND huyện Tân Lạc khảo sát, lập phương án khắc "
            "phục sạt lở tại Km 12+300, hoàn thành trước ngày 30/10/2025",
            "Giao UBND huyện Tân Lạc cắm biển cảnh báo, bố trí lực lượng hướng dẫn giao thông tại các điểm sạt lở",
            "giao Sở Tài chính tham mưu bố trí từ nguồn dự phòng ngân sách tỉnh năm 2025",
            "Yêu cầu các cơ quan, đơn vị khẩn trương triển khai thực hiện",
        ],
    ),
    (
        "U3-commune-semicolon-paragraph",
        "ỦY BAN NHÂN DÂN\n"
        "XÃ TÂN HÒA\n"
        "Số: 88/BC-UBND\n"
        "Tân Hòa, ngày 25 tháng 9 năm 2025\n"
        "BÁO CÁO\n"
        "Tình hình kinh tế - xã hội 9 tháng, nhiệm vụ quý IV năm 2025\n"
        "I. KẾT QUẢ 9 THÁNG\n"
        "Toàn xã gieo cấy 410 ha lúa, đạt 100% kế hoạch.\n"
        "II. NHIỆM VỤ QUÝ IV NĂM 2025\n"
        "Tập trung thu hoạch lúa mùa, chuyển đổi 20 ha đất lúa kém hiệu quả sang trồng rau màu; "
        "tăng cường kiểm tra, xử lý vi phạm trật tự xây dựng tại các thôn; đẩy mạnh tuyên truyền "
        "cài đặt, sử dụng ứng dụng VNeID; chuẩn bị tốt các điều kiện tổ chức Đại hội Thể dục thể "
        "thao xã lần thứ V.\n"
        "Trên đây là báo cáo của UBND xã Tân Hòa./.\n"
        "Nơi nhận:\n"
        "- UBND huyện;\n"
        "- Lưu: VT.\n",
        [
            "Tập trung thu hoạch lúa mùa, chuyển đổi 20 ha đất lúa kém hiệu quả sang trồng rau màu",
            "tăng cường kiểm tra, xử lý vi phạm trật tự xây dựng tại các thôn",
            "đẩy mạnh tuyên truyền cài đặt, sử dụng ứng dụng VNeID",
            "chuẩn bị tốt các điều kiện tổ chức Đại hội Thể dục thể thao xã lần thứ V",
        ],
    ),
    (
        "U4-plan-table",
        "ỦY BAN NHÂN DÂN\n"
        "HUYỆN YÊN THỦY\n"
        "Số: 77/KH-UBND\n"
        "Yên Thủy, ngày 10 tháng 1 năm 2026\n"
        "KẾ HOẠCH\n"
        "Phòng, chống thiên tai năm 2026\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "Chủ động phòng ngừa, giảm thiểu thiệt hại do thiên tai gây ra.\n"
        "II. NHIỆM VỤ CỤ THỂ\n"
        "TT | Nội dung công việc | Đơn vị chủ trì | Thời gian\n"
        "1 | Kiện toàn Ban Chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn huyện | Phòng Nông "
        "nghiệp và Môi trường | Tháng 02/2026\n"
        "2 | Rà soát các hộ dân sống ở vùng có nguy cơ sạt lở, lũ quét | UBND các xã, thị trấn | "
        "Trước 30/4/2026\n"
        "3 | Tổ chức diễn tập ứng phó lũ, ngập lụt cấp xã | UBND xã Đoàn Kết | Quý II/2026\n"
        "Trên đây là Kế hoạch phòng, chống thiên tai năm 2026 của UBND huyện Yên Thủy./.\n"
        "Nơi nhận:\n"
        "- Lưu: VT.\n",
        [
            "Kiện toàn Ban Chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn huyện",
            "Rà soát các hộ dân sống ở vùng có nguy cơ sạt lở, lũ quét",
            "Tổ chức diễn tập ứng phó lũ, ngập lụt cấp xã",
        ],
    ),
    (
        "U5-results-part-ending-with-purpose-lead",
        "ỦY BAN NHÂN DÂN\n"
        "XÃ TÂN HÒA\n"
        "Số: 88/BC-UBND\n"
        "Tân Hòa, ngày 25 tháng 9 năm 2025\n"
        "BÁO CÁO\n"
        "Kết quả công tác tháng 9 năm 2025\n"
        "1. Nông nghiệp\n"
        "Trong tháng, toàn xã tiêm phòng lở mồm long móng cho 1.250 con gia súc, đạt 92% kế hoạch. "
        "Để hoàn thành kế hoạch tiêm phòng năm 2025, xã tiếp tục chỉ đạo các thôn rà soát, tiêm bổ "
        "sung cho số gia súc còn lại trong tháng 10.\n"
        "2. Giáo dục\n"
        "Các trường đã tổ chức khai giảng năm học 2025 - 2026 an toàn, tiết kiệm.\n"
        "Trên đây là báo cáo của UBND xã Tân Hòa./.\n"
        "Nơi nhận:\n"
        "- Lưu: VT.\n",
        [
            "Để hoàn thành kế hoạch tiêm phòng năm 2025, xã tiếp tục chỉ đạo các thôn rà soát, tiêm bổ "
            "sung cho số gia súc còn lại trong tháng 10"
        ],
    ),
    (
        "U6-proposals-own-next-step",
        "ỦY BAN NHÂN DÂN\n"
        "TỈNH PHÚ THỌ\n"
        "SỞ Y TẾ\n"
        "Số: 901/BC-SYT\n"
        "Phú Thọ, ngày 20 tháng 11 năm 2025\n"
        "BÁO CÁO\n"
        "Tình hình phòng, chống dịch sốt xuất huyết năm 2025\n"
        "I. TÌNH HÌNH DỊCH\n"
        "Từ đầu năm đến nay ghi nhận 312 ca mắc, giảm 25% so với cùng kỳ.\n"
        "II. KIẾN NGHỊ\n"
        "1. Đề nghị UBND tỉnh bổ sung 2 tỷ đồng kinh phí mua hóa chất diệt muỗi.\n"
        "2. Sau khi được bổ sung kinh phí, Sở Y tế sẽ tổ chức phun hóa chất diện rộng tại 15 xã có "
        "ổ dịch và báo cáo kết quả về UBND tỉnh trước ngày 31/12/2025.\n"
        "Trên đây là báo cáo của Sở Y tế./.\n"
        "Nơi nhận:\n"
        "- UBND tỉnh;\n"
        "- Lưu: VT.\n",
        [
            "Sau khi được bổ sung kinh phí, Sở Y tế sẽ tổ chức phun hóa chất diện rộng tại 15 xã có ổ "
            "dịch và báo cáo kết quả về UBND tỉnh trước ngày 31/12/2025"
        ],
    ),
    (
        "U7-multisentence-bullets",
        "ỦY BAN NHÂN DÂN\n"
        "HUYỆN KIM BÔI\n"
        "Số: 301/BC-UBND\n"
        "Kim Bôi, ngày 05 tháng 7 năm 2025\n"
        "BÁO CÁO\n"
        "Kết quả 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2025\n"
        "I. KẾT QUẢ\n"
        "Tổng thu ngân sách 6 tháng ước đạt 85 tỷ đồng.\n"
        "II. NHIỆM VỤ 6 THÁNG CUỐI NĂM\n"
        "- Đẩy nhanh tiến độ giải ngân vốn đầu tư công. Phấn đấu đến 31/12/2025 giải ngân đạt 100% "
        "kế hoạch vốn được giao.\n"
        "- Tăng cường quản lý đất đai, tài nguyên khoáng sản. Kiên quyết xử lý các trường hợp khai "
        "thác cát trái phép trên sông Bôi.\n"
        "- Duy trì tỷ lệ tham gia bảo hiểm y tế trên 95%.\n"
        "Trên đây là báo cáo của UBND huyện Kim Bôi./.\n"
        "Nơi nhận:\n"
        "- Lưu: VT.\n",
        [
            "Đẩy nhanh tiến độ giải ngân vốn đầu tư công",
            "Phấn đấu đến 31/12/2025 giải ngân đạt 100% kế hoạch vốn được giao",
            "Tăng cường quản lý đất đai, tài nguyên khoáng sản",
            "Kiên quyết xử lý các trường hợp khai thác cát trái phép trên sông Bôi",
            "Duy trì tỷ lệ tham gia bảo hiểm y tế trên 95%",
        ],
    ),
    (
        "T1-letter-single-paragraph-giao",
        "ỦY BAN NHÂN DÂN\n"
        "TỈNH NINH THUẬN\n"
        "Số: 455/UBND-VX\n"
        "V/v triển khai Công văn số 120/BVHTTDL\n"
        "Ninh Thuận, ngày 15 tháng 5 năm 2025\n"
        "Kính gửi: Sở Văn hóa, Thể thao và Du lịch\n"
        "Ủy ban nhân dân tỉnh nhận được Công văn số 120/BVHTTDL ngày 02/5/2025 của Bộ Văn hóa, Thể "
        "thao và Du lịch về việc tổng kết phong trào xây dựng gia đình văn hóa.\n"
        "Chủ tịch Ủy ban nhân dân tỉnh giao Sở Văn hóa, Thể thao và Du lịch nghiên cứu, tham mưu "
        "thực hiện theo đề nghị của Bộ tại Công văn nêu trên, báo cáo kết quả trước ngày "
        "30/6/2025./.\n"
        "Nơi nhận:\n"
        "- Như trên;\n"
        "- Lưu: VT.\n"
        "TL. CHỦ TỊCH\n",
        [
            "Chủ tịch Ủy ban nhân dân tỉnh giao Sở Văn hóa, Thể thao và Du lịch nghiên cứu, tham mưu "
            "thực hiện theo đề nghị của Bộ tại Công văn nêu trên, báo cáo kết quả trước ngày "
            "30/6/2025"
        ],
    ),
    (
        "T2-directive-opening-then-numbered-and-topic-items",
        "ỦY BAN NHÂN DÂN\n"
        "TỈNH BẮC KẠN\n"
        "Số: 2210/UBND-KT\n"
        "V/v thu hồi đất dự án đường tránh\n"
        "Bắc Kạn, ngày 10 tháng 6 năm 2025\n"
        "Kính gửi:\n"
        "- Sở Nông nghiệp và Môi trường;\n"
        "- UBND thị xã Chợ Mới.\n"
        "Xét đề nghị của Sở Nông nghiệp và Môi trường tại Báo cáo số 310/BC-SNN ngày 02/6/2025, Chủ "
        "tịch UBND tỉnh có ý kiến chỉ đạo như sau:\n"
        "1. Giao UBND thị xã Chợ Mới hoàn thành kiểm đếm, lập phương án bồi thường cho 45 hộ dân bị "
        "ảnh hưởng.\n"
        "2. Giao Sở Nông nghiệp và Môi trường thẩm định giá đất cụ thể, trình UBND tỉnh trong tháng "
        "7/2025.\n"
        "3. Đối với các hộ chưa đồng thuận: giao UBND thị xã Chợ Mới tổ chức đối thoại, vận động "
        "bàn giao mặt bằng.\n"
        "4. Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị kịp thời báo cáo UBND tỉnh xem "
        "xét, giải quyết.\n"
        "Nơi nhận:\n"
        "- Như trên;\n"
        "- Lưu: VT.\n",
        [
            "Giao UBND thị xã Chợ Mới hoàn thành kiểm đếm, lập phương án bồi thường cho 45 hộ dân bị ảnh hưởng",
            "Giao Sở Nông nghiệp và Môi trường thẩm định giá đất cụ thể, trình UBND tỉnh trong tháng 7/2025",
            "giao UBND thị xã Chợ Mới tổ chức đối thoại, vận động bàn giao mặt bằng",
            "Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị kịp thời báo cáo UBND tỉnh xem xét, giải quyết",
        ],
    ),
    (
        "T3-purpose-lead-in-district-continues",
        "ỦY BAN NHÂN DÂN\n"
        "HUYỆN ĐẠI TỪ\n"
        "Số: 140/BC-UBND\n"
        "Đại Từ, ngày 28 tháng 2 năm 2025\n"
        "BÁO CÁO\n"
        "Kết quả công tác tháng 2 năm 2025\n"
        "1. Thu ngân sách\n"
        "Thu ngân sách trên địa bàn tháng 2 đạt 12,5 tỷ đồng. Để hoàn thành dự toán năm, huyện tiếp "
        "tục đôn đốc thu các khoản nợ đọng thuế, tiền sử dụng đất.\n"
        "2. Văn hóa\n"
        "Tổ chức thành công Lễ hội đền Đuổm năm 2025.\n"
        "Trên đây là báo cáo của UBND huyện Đại Từ./.\n"
        "Nơi nhận:\n"
        "- Lưu: VT.\n",
        ["Để hoàn thành dự toán năm, huyện tiếp tục đôn đốc thu các khoản nợ đọng thuế, tiền sử dụng đất"],
    ),
    (
        "T4-ask-lower-levels-in-results",
        "ỦY BAN NHÂN DÂN\n"
        "XÃ MỸ HÒA\n"
        "Số: 12/BC-UBND\n"
        "Mỹ Hòa, ngày 26 tháng 3 năm 2025\n"
        "BÁO CÁO\n"
        "Kết quả công tác tháng 3 năm 2025\n"
        "I. KẾT QUẢ\n"
        "Toàn xã đã cấp 120 thẻ bảo hiểm y tế cho người cao tuổi.\n"
        "Đề nghị các thôn tiếp tục rà soát, lập danh sách người cao tuổi chưa có thẻ bảo hiểm y tế, "
        "gửi về UBND xã trước ngày 15/4/2025.\n"
        "Trên đây là báo cáo của UBND xã Mỹ Hòa./.\n"
        "Nơi nhận:\n"
        "- Lưu: VT.\n",
        [
            "Đề nghị các thôn tiếp tục rà soát, lập danh sách người cao tuổi chưa có thẻ bảo hiểm y "
            "tế, gửi về UBND xã trước ngày 15/4/2025"
        ],
    ),
    (
        "T5-sub-bullets-plus-under-label",
        "ỦY BAN NHÂN DÂN\n"
        "XÃ MỸ HÒA\n"
        "Số: 12/BC-UBND\n"
        "Mỹ Hòa, ngày 26 tháng 3 năm 2025\n"
        "BÁO CÁO\n"
        "Kết quả quý I, nhiệm vụ quý II năm 2025\n"
        "I. KẾT QUẢ QUÝ I\n"
        "Đã gieo cấy 210 ha lúa xuân.\n"
        "II. NHIỆM VỤ QUÝ II\n"
        "1. Lĩnh vực nông nghiệp:\n"
        "+ Chăm sóc, phòng trừ sâu bệnh cho lúa xuân;\n"
        "+ Chuẩn bị giống, vật tư cho vụ hè thu.\n"
        "2. Lĩnh vực văn hóa - xã hội:\n"
        "+ Tổ chức các hoạt động kỷ niệm 50 năm Ngày Giải phóng miền Nam;\n"
        "+ Rà soát hộ nghèo, hộ cận nghèo phát sinh.\n"
        "Trên đây là báo cáo của UBND xã Mỹ Hòa./.\n"
        "Nơi nhận:\n"
        "- Lưu: VT.\n",
        [
            "Chăm sóc, phòng trừ sâu bệnh cho lúa xuân",
            "Chuẩn bị giống, vật tư cho vụ hè thu",
            "Tổ chức các hoạt động kỷ niệm 50 năm Ngày Giải phóng miền Nam",
            "Rà soát hộ nghèo, hộ cận nghèo phát sinh",
        ],
    ),
    (
        "T6-task-then-figure-table",
        "ỦY BAN NHÂN DÂN\n"
        "XÃ MỸ HÒA\n"
        "Số: 12/BC-UBND\n"
        "Mỹ Hòa, ngày 26 tháng 3 năm 2025\n"
        "BÁO CÁO\n"
        "Kết quả năm 2024, kế hoạch năm 2025\n"
        "I. KẾT QUẢ NĂM 2024\n"
        "Tổng giá trị sản xuất đạt 520 tỷ đồng.\n"
        "II. KẾ HOẠCH NĂM 2025\n"
        "1. Phấn đấu đạt các chỉ tiêu chủ yếu sau:\n"
        "Chỉ tiêu | ĐVT | Kế hoạch 2025\n"
        "Tổng giá trị sản xuất | tỷ đồng | 560\n"
        "Tỷ lệ hộ nghèo | % | 2,1\n"
        "2. Tập trung xây dựng xã đạt chuẩn nông thôn mới nâng cao.\n"
        "Trên đây là báo cáo của UBND xã Mỹ Hòa./.\n"
        "Nơi nhận:\n"
        "- Lưu: VT.\n",
        ["Tập trung xây dựng xã đạt chuẩn nông thôn mới nâng cao"],
    ),
    (
        "T7-forward-part-chidao-no-marker",
        "ĐẢNG BỘ TỈNH QUẢNG NAM\n"
        "HUYỆN ỦY TIÊN PHƯỚC\n"
        "Số: 210-BC/HU\n"
        "Tiên Phước, ngày 30 tháng 4 năm 2025\n"
        "BÁO CÁO\n"
        "Tình hình thực hiện nhiệm vụ tháng 4, phương hướng tháng 5 năm 2025\n"
        "I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THÁNG 4\n"
        "Ban Thường vụ Huyện ủy đã chỉ đạo tổ chức thành công đại hội 12 chi bộ.\n"
        "II. PHƯƠNG HƯỚNG THÁNG 5\n"
        "Ban Thường vụ Huyện ủy chỉ đạo các tổ chức cơ sở đảng hoàn thành đại hội chi bộ nhiệm kỳ "
        "2025 - 2027 trước ngày 31/5/2025. Các cấp ủy quan tâm kiện toàn tổ chức bộ máy sau sắp "
        "xếp.\n"
        "Trên đây là báo cáo của Huyện ủy./.\n"
        "Nơi nhận:\n"
        "- Lưu VP.\n",
        [
            "Ban Thường vụ Huyện ủy chỉ đạo các tổ chức cơ sở đảng hoàn thành đại hội chi bộ nhiệm kỳ "
            "2025 - 2027 trước ngày 31/5/2025",
            "Các cấp ủy quan tâm kiện toàn tổ chức bộ máy sau sắp xếp",
        ],
    ),
    (
        "T8-inline-enumerated-month-tasks",
        "ỦY BAN NHÂN DÂN\n"
        "XÃ MỸ HÒA\n"
        "Số: 12/BC-UBND\n"
        "Mỹ Hòa, ngày 26 tháng 3 năm 2025\n"
        "BÁO CÁO\n"
        "Kết quả công tác tháng 3 năm 2025\n"
        "I. KẾT QUẢ\n"
        "Đã tổ chức ra quân làm thủy lợi nội đồng.\n"
        "II. NHIỆM VỤ THÁNG 4\n"
        "Trong tháng 4/2025, tập trung thực hiện những nhiệm vụ trọng tâm sau đây: (1) Hoàn thành "
        "thu hoạch 35 ha ngô đông; (2) Ra quân tổng vệ sinh môi trường tại 8 thôn; (3) Tổ chức khám "
        "sức khỏe cho thanh niên trong độ tuổi nhập ngũ.\n"
        "Trên đây là báo cáo của UBND xã Mỹ Hòa./.\n"
        "Nơi nhận:\n"
        "- Lưu: VT.\n",
        [
            "Hoàn thành thu hoạch 35 ha ngô đông",
            "Ra quân tổng vệ sinh môi trường tại 8 thôn",
            "Tổ chức khám sức khỏe cho thanh niên trong độ tuổi nhập ngũ",
        ],
    ),
    (
        "T9-proposals-own-step-after-request",
        "ỦY BAN NHÂN DÂN\n"
        "TỈNH YÊN BÁI\n"
        "SỞ NỘI VỤ\n"
        "Số: 55/BC-SNV\n"
        "Yên Bái, ngày 12 tháng 12 năm 2025\n"
        "BÁO CÁO\n"
        "Kết quả thẩm định hồ sơ thành lập Hội Cựu thanh niên xung phong\n"
        "I. KẾT QUẢ THẨM ĐỊNH\n"
        "Hồ sơ đủ thành phần theo quy định.\n"
        "II. ĐỀ XUẤT\n"
        "Sở Nội vụ kính trình Chủ tịch UBND tỉnh xem xét, cho phép thành lập Hội. Sau khi có ý kiến "
        "của Chủ tịch UBND tỉnh, Sở Nội vụ sẽ hướng dẫn Hội tổ chức đại hội lần thứ nhất theo quy "
        "định.\n"
        "Nơi nhận:\n"
        "- Lưu: VT.\n",
        [
            "Sau khi có ý kiến của Chủ tịch UBND tỉnh, Sở Nội vụ sẽ hướng dẫn Hội tổ chức đại hội lần "
            "thứ nhất theo quy định"
        ],
    ),
    (
        "T10-numbered-task-with-sub-bullets",
        "ỦY BAN NHÂN DÂN\n"
        "XÃ MỸ HÒA\n"
        "Số: 12/BC-UBND\n"
        "Mỹ Hòa, ngày 26 tháng 3 năm 2025\n"
        "BÁO CÁO\n"
        "Kết quả 6 tháng, nhiệm vụ 6 tháng cuối năm 2025\n"
        "I. KẾT QUẢ\n"
        "Đã làm mới 1,2 km đường giao thông nông thôn.\n"
        "II. NHIỆM VỤ 6 THÁNG CUỐI NĂM\n"
        "1. Đẩy mạnh phát triển sản xuất nông nghiệp, trong đó:\n"
        "- Mở rộng diện tích trồng bưởi đạt chuẩn VietGAP thêm 10 ha;\n"
        "- Hỗ trợ 02 hợp tác xã xây dựng sản phẩm OCOP.\n"
        "2. Giữ vững an ninh chính trị, trật tự an toàn xã hội.\n"
        "Trên đây là báo cáo của UBND xã Mỹ Hòa./.\n"
        "Nơi nhận:\n"
        "- Lưu: VT.\n",
        [
            "Mở rộng diện tích trồng bưởi đạt chuẩn VietGAP thêm 10 ha",
            "Hỗ trợ 02 hợp tác xã xây dựng sản phẩm OCOP",
            "Giữ vững an ninh chính trị, trật tự an toàn xã hội",
        ],
    ),
    (
        "T11-task-part-ends-at-signature-no-closing",
        "ỦY BAN NHÂN DÂN\n"
        "XÃ AN PHÚ\n"
        "Số: 30/BC-UBND\n"
        "An Phú, ngày 25 tháng 10 năm 2025\n"
        "BÁO CÁO\n"
        "Kết quả công tác tháng 10 năm 2025\n"
        "I. KẾT QUẢ\n"
        "Hoàn thành sửa chữa 3 phòng học.\n"
        "II. NHIỆM VỤ THÁNG 11\n"
        "- Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở 6 khu dân cư.\n"
        "- Triển khai thu thuế sử dụng đất phi nông nghiệp.\n"
        "TM. ỦY BAN NHÂN DÂN\n"
        "CHỦ TỊCH\n"
        "Nguyễn Văn An\n",
        [
            "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở 6 khu dân cư",
            "Triển khai thu thuế sử dụng đất phi nông nghiệp",
        ],
    ),
    (
        "T12-plan-table-with-sub-rows",
        "ỦY BAN NHÂN DÂN\n"
        "XÃ HÒA BÌNH\n"
        "Số: 05/KH-UBND\n"
        "Hòa Bình, ngày 08 tháng 1 năm 2026\n"
        "KẾ HOẠCH\n"
        "Cải cách hành chính năm 2026\n"
        "I. MỤC ĐÍCH\n"
        "Nâng cao chất lượng phục vụ người dân.\n"
        "II. NHIỆM VỤ\n"
        "STT | Nhiệm vụ | Cơ quan thực hiện | Thời gian hoàn thành\n"
        "1 | Cải cách thể chế |  | \n"
        "1.1 | Rà soát văn bản quy phạm pháp luật do xã ban hành | Công chức Tư pháp - Hộ tịch | "
        "Quý II/2026\n"
        "1.2 | Kiểm tra việc thực hiện quy chế làm việc của UBND xã | Văn phòng UBND xã | Tháng "
        "10/2026\n"
        "Trên đây là Kế hoạch của UBND xã./.\n"
        "Nơi nhận:\n"
        "- Lưu: VT.\n",
        ["Rà soát văn bản quy phạm pháp luật do xã ban hành", "Kiểm tra việc thực hiện quy chế làm việc của UBND xã"],
    ),
    (
        "T13-conclusion-notice-yeucau",
        "ỦY BAN NHÂN DÂN\n"
        "HUYỆN MAI CHÂU\n"
        "Số: 66/TB-UBND\n"
        "Mai Châu, ngày 14 tháng 8 năm 2025\n"
        "THÔNG BÁO\n"
        "Kết luận của Chủ tịch UBND huyện tại cuộc họp về công tác phòng chống lũ\n"
        "Ngày 12/8/2025, Chủ tịch UBND huyện chủ trì cuộc họp về công tác phòng chống lũ. Sau khi "
        "nghe báo cáo, Chủ tịch UBND huyện kết luận như sau:\n"
        "1. Các xã vùng thấp rà soát phương án di dời dân, sẵn sàng sơ tán khi có lũ lớn.\n"
        "2. Phòng Kinh tế tổng hợp thiệt hại, đề xuất hỗ trợ, báo cáo UBND huyện trước ngày "
        "20/8/2025.\n"
        "Trên đây là thông báo kết luận của Chủ tịch UBND huyện./.\n"
        "Nơi nhận:\n"
        "- Lưu: VT.\n",
        [
            "Các xã vùng thấp rà soát phương án di dời dân, sẵn sàng sơ tán khi có lũ lớn",
            "Phòng Kinh tế tổng hợp thiệt hại, đề xuất hỗ trợ, báo cáo UBND huyện trước ngày 20/8/2025",
        ],
    ),
]


@pytest.mark.parametrize(("name", "text", "gold"), CASES, ids=[c[0] for c in CASES])
def test_the_tasks_of_an_invented_forward_part_are_its_directives_span_for_span(
    name: str, text: str, gold: list[str], tmp_path: Path
) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    doc = extract_document(path, Settings(backend="rules"))
    assert [t.text for t in doc.tasks] == gold
