"""A battery of invented sentences in the styles of agriculture, health, education, budget, labour and
natural-resource reports from commune to province (the earlier batteries lean on security and
administrative reform): every figure of the sentence that carries comparisons, and exactly those
comparisons (basis, words as written, relation, pct, amount). Every sentence is invented for this test;
the last twenty were written first and kept apart from tuning until the end."""

from __future__ import annotations

import pytest

from llmx.rules.indicators import find_indicators

Comp = tuple[str, str, str, float | None, float | None]
Figure = tuple[float | None, list[Comp]]

CASES: list[tuple[str, list[Figure]]] = [
    (
        "Thu ngân sách nhà nước trên địa bàn huyện ước thực hiện 245,6 tỷ đồng, đạt 58,3% so với dự toán "
        "tỉnh giao và đạt 52,1% so với dự toán huyện giao.",
        [
            (
                245.6,
                [
                    ("budget_estimate", "dự toán tỉnh giao", "ratio", 58.3, None),
                    ("budget_estimate", "dự toán huyện giao", "ratio", 52.1, None),
                ],
            )
        ],
    ),
    (
        "Tổng diện tích gieo trồng cây hằng năm 12.450 ha, tăng 2,3% (tăng 280 ha) so với cùng kỳ.",
        [(12450, [("same_period", "cùng kỳ", "change", 2.3, 280)])],
    ),
    (
        "Số bệnh nhân điều trị nội trú 4.320 lượt, so với cùng kỳ năm trước giảm 210 lượt.",
        [(4320, [("same_period", "cùng kỳ năm trước", "change", None, -210)])],
    ),
    (
        "Thu từ thuế, phí và lệ phí 18,2 tỷ đồng, đạt 48,5% KH, tăng 12,1% so CK.",
        [(18.2, [("plan", "KH", "ratio", 48.5, None), ("same_period", "CK", "change", 12.1, None)])],
    ),
    (
        "Kim ngạch xuất khẩu ước đạt 86,5 triệu USD, cao hơn 4,2% so với cùng kỳ.",
        [(86.5, [("same_period", "cùng kỳ", "change", 4.2, None)])],
    ),
    (
        "Số doanh nghiệp thành lập mới 58 doanh nghiệp, ít hơn 7 doanh nghiệp so với cùng kỳ.",
        [(58, [("same_period", "cùng kỳ", "change", None, -7)])],
    ),
    (
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ 3.420 tỷ đồng, tăng gấp đôi so với năm 2020.",
        [(3420, [("previous_period", "năm 2020", "ratio", 200, None)])],
    ),
    (
        "Tỷ lệ trường đạt chuẩn quốc gia 78,5%, tăng 3,5 điểm phần trăm so với năm học trước.",
        [(78.5, [("previous_period", "năm học trước", "change", 3.5, None)])],
    ),
    (
        "Tỷ lệ che phủ rừng đạt 54,2%, vượt 0,2% chỉ tiêu Nghị quyết.",
        [(54.2, [("plan", "chỉ tiêu Nghị quyết", "change", 0.2, None)])],
    ),
    (
        "Giá trị sản xuất ngành nông nghiệp đạt 1.532 tỷ đồng, tăng 4,1% so với quý trước.",
        [(1532, [("previous_period", "quý trước", "change", 4.1, None)])],
    ),
    (
        "Lượng khách du lịch đến tham quan 125.300 lượt khách, tăng 18% so với cùng kỳ, doanh thu du "
        "lịch 96,4 tỷ đồng, tăng 21%.",
        [
            (125300, [("same_period", "cùng kỳ", "change", 18, None)]),
            (96.4, [("same_period", "cùng kỳ", "change", 21, None)]),
        ],
    ),
    (
        "Đã giải ngân 42,8 tỷ đồng vốn đầu tư công, đạt 36,5% kế hoạch vốn được giao.",
        [(42.8, [("plan", "kế hoạch vốn được giao", "ratio", 36.5, None)])],
    ),
    (
        "Số hộ sử dụng nước hợp vệ sinh 9.870 hộ, tăng 310 hộ so với năm 2022, đạt 101,2% chỉ tiêu.",
        [(9870, [("previous_period", "năm 2022", "change", None, 310), ("plan", "chỉ tiêu", "ratio", 101.2, None)])],
    ),
    (
        "Doanh số cho vay hộ nghèo và các đối tượng chính sách 85,3 tỷ đồng, đạt 102,3% kế hoạch Trung ương giao.",
        [(85.3, [("plan", "kế hoạch Trung ương giao", "ratio", 102.3, None)])],
    ),
    (
        "Tổng số ca mắc bệnh truyền nhiễm 1.120 ca; so với cùng kỳ năm 2023 giảm 15,6%.",
        [(1120, [("same_period", "cùng kỳ năm 2023", "change", -15.6, None)])],
    ),
    (
        "Tổng số lao động có việc làm tăng thêm 2.100 người, bằng 105% kế hoạch, bằng 98,2% so với cùng kỳ năm trước.",
        [(2100, [("plan", "kế hoạch", "ratio", 105, None), ("same_period", "cùng kỳ năm trước", "ratio", 98.2, None)])],
    ),
    (
        "Số thuê bao internet băng rộng cố định 24.560 thuê bao, tăng 12,4% so với thời điểm cuối năm 2023.",
        [(24560, [("previous_period", "thời điểm cuối năm 2023", "change", 12.4, None)])],
    ),
    (
        "Tỷ lệ lao động qua đào tạo đạt 68,5%, tăng 1,5% so với cuối năm 2023, đạt 100,7% chỉ tiêu Nghị "
        "quyết HĐND huyện.",
        [
            (
                68.5,
                [
                    ("previous_period", "cuối năm 2023", "change", 1.5, None),
                    ("plan", "chỉ tiêu Nghị quyết HĐND huyện", "ratio", 100.7, None),
                ],
            )
        ],
    ),
    (
        "Diện tích rừng bị thiệt hại 2,3 ha, giảm 4,1 ha so với cùng kỳ.",
        [(2.3, [("same_period", "cùng kỳ", "change", None, -4.1)])],
    ),
    (
        "Tổng dư nợ cho vay đạt 2.845 tỷ đồng, tăng 145 tỷ đồng, tương đương 5,4% so với 31/12/2023.",
        [(2845, [("previous_period", "31/12/2023", "change", 5.4, 145)])],
    ),
    (
        "Số người tham gia bảo hiểm xã hội tự nguyện 3.215 người, đạt 80,4% chỉ tiêu được giao, tăng 512 "
        "người so với cùng kỳ.",
        [
            (
                3215,
                [("plan", "chỉ tiêu được giao", "ratio", 80.4, None), ("same_period", "cùng kỳ", "change", None, 512)],
            )
        ],
    ),
    (
        "Thu phí, lệ phí được 356 triệu đồng/520 triệu đồng, đạt 68,5% dự toán.",
        [(356, [("budget_estimate", "dự toán", "ratio", 68.5, None)])],
    ),
    (
        "Sản lượng điện thương phẩm ước đạt 412 triệu kWh, tăng 7,8% so với cùng kỳ và đạt 49,2% kế hoạch năm.",
        [(412, [("same_period", "cùng kỳ", "change", 7.8, None), ("plan", "kế hoạch năm", "ratio", 49.2, None)])],
    ),
    (
        "Số vụ cháy rừng 2 vụ, giảm 3 vụ so với cùng kỳ năm trước, diện tích thiệt hại 1,2 ha, giảm 5,6 ha.",
        [
            (2, [("same_period", "cùng kỳ năm trước", "change", None, -3)]),
            (1.2, [("same_period", "cùng kỳ năm trước", "change", None, -5.6)]),
        ],
    ),
    (
        "Tổng chi ngân sách địa phương 6 tháng 1.245 tỷ đồng, bằng 41% dự toán và bằng 108% so với cùng kỳ năm trước.",
        [
            (
                1245,
                [
                    ("budget_estimate", "dự toán", "ratio", 41, None),
                    ("same_period", "cùng kỳ năm trước", "ratio", 108, None),
                ],
            )
        ],
    ),
    (
        "Năng suất lúa bình quân 58,6 tạ/ha, cao hơn cùng kỳ 1,2 tạ/ha.",
        [(58.6, [("same_period", "cùng kỳ", "change", None, 1.2)])],
    ),
    (
        "Tổng đàn gia cầm 1,25 triệu con, tăng 5% so với cùng kỳ, đạt 96% kế hoạch.",
        [(1.25, [("same_period", "cùng kỳ", "change", 5, None), ("plan", "kế hoạch", "ratio", 96, None)])],
    ),
    (
        "Doanh thu bưu chính, viễn thông đạt 215 tỷ đồng, tăng 9,3% so với cùng kỳ năm 2023, bằng 52,4% "
        "kế hoạch năm 2024.",
        [
            (
                215,
                [
                    ("same_period", "cùng kỳ năm 2023", "change", 9.3, None),
                    ("plan", "kế hoạch năm 2024", "ratio", 52.4, None),
                ],
            )
        ],
    ),
    (
        "Khai thác cát lòng sông 12.500 m3, chỉ bằng 45% so với cùng kỳ.",
        [(12500, [("same_period", "cùng kỳ", "ratio", 45, None)])],
    ),
    (
        "Số hồ sơ đất đai tiếp nhận 1.452 hồ sơ, tăng 15% so với tháng trước, tăng 21% so với cùng kỳ.",
        [
            (
                1452,
                [
                    ("previous_period", "tháng trước", "change", 15, None),
                    ("same_period", "cùng kỳ", "change", 21, None),
                ],
            )
        ],
    ),
    (
        "Tổng vốn đầu tư phát triển toàn xã hội đạt 3.240 tỷ đồng, đạt 45,2% kế hoạch, tăng 8,7% so cùng kỳ năm trước.",
        [
            (
                3240,
                [("plan", "kế hoạch", "ratio", 45.2, None), ("same_period", "cùng kỳ năm trước", "change", 8.7, None)],
            )
        ],
    ),
    (
        "Số trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi 520 trẻ, giảm 0,5% so với năm trước.",
        [(520, [("previous_period", "năm trước", "change", -0.5, None)])],
    ),
    (
        "Thu ngân sách nhà nước 6 tháng đạt 62,4% dự toán HĐND tỉnh giao.",
        [(None, [("budget_estimate", "dự toán HĐND tỉnh giao", "ratio", 62.4, None)])],
    ),
    (
        "Đã cấp 2.345 thẻ bảo hiểm y tế cho người nghèo, so với năm 2023 tăng 145 thẻ.",
        [(2345, [("previous_period", "năm 2023", "change", None, 145)])],
    ),
    (
        "Tỷ lệ giải quyết hồ sơ đúng hạn đạt 98,7%, cao hơn 2,1% so với quý I/2024.",
        [(98.7, [("previous_period", "quý I/2024", "change", 2.1, None)])],
    ),
    (
        "Sản lượng cao su mủ khô 8.350 tấn, giảm 2,4% so với cùng kỳ, nguyên nhân do giá giảm.",
        [(8350, [("same_period", "cùng kỳ", "change", -2.4, None)])],
    ),
    (
        "Số người được trợ giúp pháp lý 186 người, tăng 1,3 lần so với cùng kỳ.",
        [(186, [("same_period", "cùng kỳ", "ratio", 130, None)])],
    ),
    (
        "Số tiền thuế nợ đọng 12,6 tỷ đồng, giảm 3,4 tỷ đồng so với thời điểm 31/12/2023, giảm 21,3%.",
        [(12.6, [("previous_period", "thời điểm 31/12/2023", "change", -21.3, -3.4)])],
    ),
    (
        "Tổng sản lượng thịt hơi xuất chuồng 15.600 tấn, tăng 4,8% so với cùng kỳ năm trước, trong đó "
        "thịt lợn 11.200 tấn, tăng 3,9%.",
        [
            (15600, [("same_period", "cùng kỳ năm trước", "change", 4.8, None)]),
            (11200, [("same_period", "cùng kỳ năm trước", "change", 3.9, None)]),
        ],
    ),
    (
        "Tổng thu ngân sách trên địa bàn đạt 1.850 tỷ đồng, bằng 55,2% dự toán Trung ương giao, bằng "
        "50,1% dự toán HĐND tỉnh giao, giảm 4,3% so với cùng kỳ.",
        [
            (
                1850,
                [
                    ("budget_estimate", "dự toán Trung ương giao", "ratio", 55.2, None),
                    ("budget_estimate", "dự toán HĐND tỉnh giao", "ratio", 50.1, None),
                    ("same_period", "cùng kỳ", "change", -4.3, None),
                ],
            )
        ],
    ),
    ("Thu ngân sách xã: 1.245/2.100 triệu đồng, đạt 59,3% KH.", [(1245, [("plan", "KH", "ratio", 59.3, None)])]),
    (
        "Doanh thu ước đạt 35,6 tỷ đồng, so với cùng kỳ năm trước tăng 2,1 tỷ đồng, tương đương tăng 6,3%.",
        [(35.6, [("same_period", "cùng kỳ năm trước", "change", 6.3, 2.1)])],
    ),
    (
        "Giá trị sản xuất công nghiệp 6 tháng đạt 1.120 tỷ đồng, đạt 48,7% kế hoạch năm, tăng 10,5% so "
        "với 6 tháng đầu năm 2023.",
        [
            (
                1120,
                [
                    ("plan", "kế hoạch năm", "ratio", 48.7, None),
                    ("same_period", "6 tháng đầu năm 2023", "change", 10.5, None),
                ],
            )
        ],
    ),
    (
        "Sản lượng thủy sản khai thác 2.345 tấn, bằng 95,2% so với cùng kỳ năm trước, đạt 48,9% so với kế hoạch năm.",
        [
            (
                2345,
                [
                    ("same_period", "cùng kỳ năm trước", "ratio", 95.2, None),
                    ("plan", "kế hoạch năm", "ratio", 48.9, None),
                ],
            )
        ],
    ),
    (
        "Thu tại xã được 452 triệu đồng, đạt 113% so với dự toán giao đầu năm.",
        [(452, [("budget_estimate", "dự toán giao đầu năm", "ratio", 113, None)])],
    ),
    (
        "Kết nạp 12 đảng viên mới, đạt 120% chỉ tiêu cấp trên giao.",
        [(12, [("plan", "chỉ tiêu cấp trên giao", "ratio", 120, None)])],
    ),
    (
        "Đã tiêm 15.200 liều vắc xin, đạt 101,3% so với kế hoạch được giao.",
        [(15200, [("plan", "kế hoạch được giao", "ratio", 101.3, None)])],
    ),
    (
        "Tổng dư nợ 1.245 tỷ đồng, tăng 8,2% so với 31/12/2023 và tăng 12,5% so với cùng kỳ.",
        [
            (
                1245,
                [
                    ("previous_period", "31/12/2023", "change", 8.2, None),
                    ("same_period", "cùng kỳ", "change", 12.5, None),
                ],
            )
        ],
    ),
    (
        "Huy động vốn tại chỗ 356 tỷ đồng, tăng gần 15% so với cùng kỳ.",
        [(356, [("same_period", "cùng kỳ", "change", 15, None)])],
    ),
    (
        "Sản lượng cà phê nhân 45.300 tấn, giảm khoảng 3.000 tấn so với niên vụ trước.",
        [(45300, [("previous_period", "niên vụ trước", "change", None, -3000)])],
    ),
    (
        "Tổng thu ngân sách đạt 12,3 tỷ đồng (đạt 56% dự toán, tăng 9% so cùng kỳ).",
        [(12.3, [("budget_estimate", "dự toán", "ratio", 56, None), ("same_period", "cùng kỳ", "change", 9, None)])],
    ),
    (
        "Tỷ lệ thu gom rác thải sinh hoạt đạt 85%, tăng 5 điểm % so với năm 2023.",
        [(85, [("previous_period", "năm 2023", "change", 5, None)])],
    ),
    (
        "Số lao động được đào tạo nghề 850 người, đạt 94,4% kế hoạch (KH 900 người).",
        [(850, [("plan", "kế hoạch", "ratio", 94.4, None)])],
    ),
    (
        "Số vụ ngộ độc thực phẩm 01 vụ, 12 người mắc, không có tử vong; so với cùng kỳ giảm 01 vụ.",
        [(1, [("same_period", "cùng kỳ", "change", None, -1)])],
    ),
    (
        "Thu ngân sách nhà nước trên địa bàn được 865 triệu đồng, bằng 32,5% so với dự toán năm, bằng "
        "87% so với cùng kỳ năm 2023.",
        [
            (
                865,
                [
                    ("budget_estimate", "dự toán năm", "ratio", 32.5, None),
                    ("same_period", "cùng kỳ năm 2023", "ratio", 87, None),
                ],
            )
        ],
    ),
    (
        "Diện tích cây lâu năm 5.120 ha, tăng 320 ha so với cùng kỳ năm trước, tương đương tăng 6,7%.",
        [(5120, [("same_period", "cùng kỳ năm trước", "change", 6.7, 320)])],
    ),
    (
        "Số hộ gia đình đạt danh hiệu gia đình văn hóa 1.860 hộ, đạt 92,3% tổng số hộ, tăng 1,2% so với năm trước.",
        [(1860, [("other", "tổng số hộ", "ratio", 92.3, None), ("previous_period", "năm trước", "change", 1.2, None)])],
    ),
    (
        "Tổng chi ngân sách 9 tháng 3.456 triệu đồng, đạt 71,5% dự toán đầu năm.",
        [(3456, [("budget_estimate", "dự toán đầu năm", "ratio", 71.5, None)])],
    ),
    (
        "Số người nghiện ma túy có hồ sơ quản lý 86 người, tăng 9 người so với 9 tháng năm 2022.",
        [(86, [("same_period", "9 tháng năm 2022", "change", None, 9)])],
    ),
    (
        "Tổng giá trị sản phẩm trên 1 ha đất canh tác đạt 125 triệu đồng, tăng 7 triệu đồng so với năm 2022.",
        [(125, [("previous_period", "năm 2022", "change", None, 7)])],
    ),
    (
        "Trồng mới 125 ha cây dược liệu, hoàn thành 104,2% kế hoạch.",
        [(125, [("plan", "kế hoạch", "ratio", 104.2, None)])],
    ),
    (
        "Giải quyết 1.320 hồ sơ thủ tục hành chính, đạt tỷ lệ 96,5% so với kế hoạch.",
        [(1320, [("plan", "kế hoạch", "ratio", 96.5, None)])],
    ),
    (
        "Đã giải ngân 45,6 tỷ đồng, đạt 38% kế hoạch vốn năm 2024.",
        [(45.6, [("plan", "kế hoạch vốn năm 2024", "ratio", 38, None)])],
    ),
    (
        "Chỉ số giá tiêu dùng tăng 3,2% so với cùng kỳ năm trước và tăng 1,1% so với tháng trước.",
        [
            (
                None,
                [
                    ("same_period", "cùng kỳ năm trước", "change", 3.2, None),
                    ("previous_period", "tháng trước", "change", 1.1, None),
                ],
            )
        ],
    ),
    (
        "Số hộ nghèo giảm còn 125 hộ, giảm 37 hộ so với đầu năm.",
        [(125, [("previous_period", "đầu năm", "change", None, -37)])],
    ),
    (
        "Thu tiền sử dụng đất 3,2 tỷ đồng, đạt 64% dự toán, tăng 1,1 tỷ đồng so với cùng kỳ.",
        [(3.2, [("budget_estimate", "dự toán", "ratio", 64, None), ("same_period", "cùng kỳ", "change", None, 1.1)])],
    ),
    (
        "Sản lượng rau các loại 18.450 tấn, tăng gấp 3 lần so với cùng kỳ.",
        [(18450, [("same_period", "cùng kỳ", "ratio", 300, None)])],
    ),
    (
        "Doanh thu vận tải 215,4 tỷ đồng, đạt 45,5% KH năm 2024 và bằng 112% so với CK.",
        [(215.4, [("plan", "KH năm 2024", "ratio", 45.5, None), ("same_period", "CK", "ratio", 112, None)])],
    ),
    (
        "Trồng cây phân tán 42.000 cây, vượt 15% so với kế hoạch đề ra.",
        [(42000, [("plan", "kế hoạch đề ra", "change", 15, None)])],
    ),
    (
        "Thu thuế sử dụng đất phi nông nghiệp 186 triệu đồng, vượt kế hoạch 8,3%.",
        [(186, [("plan", "kế hoạch", "change", 8.3, None)])],
    ),
    (
        "Số thẻ bảo hiểm y tế cấp mới 4.210 thẻ, tăng 0,5 điểm phần trăm so với cùng kỳ.",
        [(4210, [("same_period", "cùng kỳ", "change", 0.5, None)])],
    ),
    (
        "Số đối tượng bảo trợ xã hội 1.046 người, giảm 12 người so với thời điểm 01/01/2024.",
        [(1046, [("previous_period", "thời điểm 01/01/2024", "change", None, -12)])],
    ),
    (
        "Thu ngân sách xã ước đạt 52% so với chỉ tiêu Nghị quyết HĐND xã giao.",
        [(None, [("plan", "chỉ tiêu Nghị quyết HĐND xã giao", "ratio", 52, None)])],
    ),
    (
        "Kim ngạch nhập khẩu 58,3 triệu USD, bằng 1,2 lần cùng kỳ.",
        [(58.3, [("same_period", "cùng kỳ", "ratio", 120, None)])],
    ),
    (
        "So với cùng kỳ năm 2023, tổng thu ngân sách trên địa bàn tăng 12,4%.",
        [(None, [("same_period", "cùng kỳ năm 2023", "change", 12.4, None)])],
    ),
    (
        "Tổng sản phẩm trên địa bàn tăng 7,8%, trong đó khu vực nông, lâm nghiệp và thủy sản tăng 3,2%, "
        "khu vực công nghiệp - xây dựng tăng 11,5% so với cùng kỳ.",
        [
            (None, [("same_period", "cùng kỳ", "change", 7.8, None)]),
            (None, [("same_period", "cùng kỳ", "change", 3.2, None)]),
            (None, [("same_period", "cùng kỳ", "change", 11.5, None)]),
        ],
    ),
    (
        "Tổng số khách lưu trú 86.500 lượt, tăng 9,7% so với cùng kỳ, trong đó khách quốc tế 4.320 lượt, giảm 2,1%.",
        [
            (86500, [("same_period", "cùng kỳ", "change", 9.7, None)]),
            (4320, [("same_period", "cùng kỳ", "change", -2.1, None)]),
        ],
    ),
    (
        "Diện tích lúa bị nhiễm sâu bệnh 156 ha, giảm 42 ha so với vụ Đông Xuân năm 2023.",
        [(156, [("same_period", "vụ Đông Xuân năm 2023", "change", None, -42)])],
    ),
    (
        "Số lượt bệnh nhân khám tại trạm y tế 3.860 lượt, bằng 108,5% so với cùng kỳ năm trước.",
        [(3860, [("same_period", "cùng kỳ năm trước", "ratio", 108.5, None)])],
    ),
    (
        "Thu hồi nợ thuế được 2,65 tỷ đồng, đạt 88,3% chỉ tiêu Cục Thuế giao.",
        [(2.65, [("plan", "chỉ tiêu Cục Thuế giao", "ratio", 88.3, None)])],
    ),
    (
        "Tổng đàn lợn 12.500 con, đàn bò 3.200 con; so với cùng kỳ đàn lợn tăng 5,2%, đàn bò giảm 1,5%.",
        [
            (12500, [("same_period", "cùng kỳ", "change", 5.2, None)]),
            (3200, [("same_period", "cùng kỳ", "change", -1.5, None)]),
        ],
    ),
    (
        "Thu ngân sách 25,6 tỷ đồng, chi ngân sách 21,3 tỷ đồng, đạt lần lượt 56% và 48% dự toán.",
        [
            (25.6, [("budget_estimate", "dự toán", "ratio", 56, None)]),
            (21.3, [("budget_estimate", "dự toán", "ratio", 48, None)]),
        ],
    ),
    (
        "Tỷ lệ sinh con thứ 3 trở lên 8,5%, tăng 0,6% so với cùng kỳ.",
        [(8.5, [("same_period", "cùng kỳ", "change", 0.6, None)])],
    ),
    (
        "Số trẻ được tiêm vắc xin sởi 1.120 trẻ, đạt 95,2%; số phụ nữ có thai được tiêm phòng uốn ván "
        "980 người, đạt 92,1%.",
        [(1120, [("other", "", "ratio", 95.2, None)]), (980, [("other", "", "ratio", 92.1, None)])],
    ),
    (
        "Tổng thu ngân sách 6 tháng đầu năm 2024 đạt 45,2 tỷ đồng, tăng 12% so với 6 tháng đầu năm 2023.",
        [(45.2, [("same_period", "6 tháng đầu năm 2023", "change", 12, None)])],
    ),
    (
        "Giá trị sản xuất nông nghiệp ước đạt 2.150 tỷ đồng (giá so sánh 2010), tăng 3,5% so với cùng kỳ.",
        [(2150, [("same_period", "cùng kỳ", "change", 3.5, None)])],
    ),
    (
        "Có 125/130 hộ được cấp nước sạch, đạt 96,2%, tăng 2,3% so với năm 2023.",
        [(125, [("other", "", "ratio", 96.2, None), ("previous_period", "năm 2023", "change", 2.3, None)])],
    ),
    (
        "Xuất khẩu đạt 120 triệu USD, tăng 15 triệu USD (+14,3%) so với cùng kỳ.",
        [(120, [("same_period", "cùng kỳ", "change", 14.3, 15)])],
    ),
    (
        "Năng suất bình quân đạt 55,2 tạ/ha, tăng 1,5 tạ/ha; sản lượng đạt 18.400 tấn, tăng 620 tấn so với cùng kỳ.",
        [
            (55.2, [("same_period", "cùng kỳ", "change", None, 1.5)]),
            (18400, [("same_period", "cùng kỳ", "change", None, 620)]),
        ],
    ),
    (
        "Số người tham gia bảo hiểm xã hội bắt buộc 12.450 người, tự nguyện 2.130 người, tăng lần lượt "
        "4,5% và 18,2% so với cùng kỳ.",
        [
            (12450, [("same_period", "cùng kỳ", "change", 4.5, None)]),
            (2130, [("same_period", "cùng kỳ", "change", 18.2, None)]),
        ],
    ),
    (
        "Thu quỹ phòng chống thiên tai được 48,5 triệu đồng, đạt 97% KH huyện giao.",
        [(48.5, [("plan", "KH huyện giao", "ratio", 97, None)])],
    ),
    (
        "Kết nạp được 08 đảng viên, đạt 80% chỉ tiêu Nghị quyết Đảng ủy đề ra.",
        [(8, [("plan", "chỉ tiêu Nghị quyết Đảng ủy đề ra", "ratio", 80, None)])],
    ),
    (
        "Số hộ tham gia bảo hiểm y tế hộ gia đình 1.250 hộ, đạt 104% so với chỉ tiêu trên giao.",
        [(1250, [("plan", "chỉ tiêu trên giao", "ratio", 104, None)])],
    ),
    (
        "Giá trị thu nhập bình quân trên 1 ha đạt 95 triệu đồng, tăng 5 triệu đồng so với năm 2022.",
        [(95, [("previous_period", "năm 2022", "change", None, 5)])],
    ),
    (
        "Tổng số lượt người đọc sách tại thư viện 2.450 lượt, tăng 18,6% so với cùng kỳ năm ngoái.",
        [(2450, [("same_period", "cùng kỳ năm ngoái", "change", 18.6, None)])],
    ),
    (
        "Thu nhập bình quân đầu người đạt 52 triệu đồng/người/năm, tăng 4 triệu đồng so với năm trước.",
        [(52, [("previous_period", "năm trước", "change", None, 4)])],
    ),
    (
        "Xây dựng mới 3,2 km đường giao thông nông thôn, đạt 106,7% kế hoạch năm 2024 (KH 3 km).",
        [(3.2, [("plan", "kế hoạch năm 2024", "ratio", 106.7, None)])],
    ),
    (
        "Sản lượng lúa cả năm ước đạt 21.750 tấn, vượt 3,6% so với chỉ tiêu Nghị quyết.",
        [(21750, [("plan", "chỉ tiêu Nghị quyết", "change", 3.6, None)])],
    ),
    (
        "Huy động được 1.120 triệu đồng đóng góp xây dựng nông thôn mới, bằng 140% so với năm trước.",
        [(1120, [("previous_period", "năm trước", "ratio", 140, None)])],
    ),
    (
        "Tổng thu ngân sách trên địa bàn xã 6 tháng đầu năm thực hiện 2.345 triệu đồng, đạt 56,9% dự "
        "toán huyện giao, bằng 112,4% so với cùng kỳ.",
        [
            (
                2345,
                [
                    ("budget_estimate", "dự toán huyện giao", "ratio", 56.9, None),
                    ("same_period", "cùng kỳ", "ratio", 112.4, None),
                ],
            )
        ],
    ),
    (
        "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 93,2%, tăng 1,4% so với cùng kỳ năm 2023.",
        [(93.2, [("same_period", "cùng kỳ năm 2023", "change", 1.4, None)])],
    ),
    (
        "Giải quyết việc làm mới cho 1.250 lao động, đạt 62,5% kế hoạch năm, bằng 104% so với cùng kỳ.",
        [(1250, [("plan", "kế hoạch năm", "ratio", 62.5, None), ("same_period", "cùng kỳ", "ratio", 104, None)])],
    ),
    (
        "Diện tích lúa gieo cấy 3.450 ha, so với kế hoạch đạt 101,5%, so với cùng kỳ tăng 25 ha.",
        [(3450, [("plan", "kế hoạch", "ratio", 101.5, None), ("same_period", "cùng kỳ", "change", None, 25)])],
    ),
    (
        "Sản lượng lương thực có hạt ước đạt 21.300 tấn, bằng 98,6% so cùng kỳ.",
        [(21300, [("same_period", "cùng kỳ", "ratio", 98.6, None)])],
    ),
    (
        "Số học sinh bỏ học 12 học sinh, giảm 5 học sinh so với năm học trước.",
        [(12, [("previous_period", "năm học trước", "change", None, -5)])],
    ),
    (
        "Tỷ lệ hộ nghèo toàn huyện còn 3,25%, giảm 0,85% so với đầu năm.",
        [(3.25, [("previous_period", "đầu năm", "change", -0.85, None)])],
    ),
    (
        "Khám chữa bệnh cho 15.432 lượt người, tăng 1.203 lượt so với cùng kỳ năm trước (tăng 8,5%).",
        [(15432, [("same_period", "cùng kỳ năm trước", "change", 8.5, 1203)])],
    ),
    (
        "Cấp giấy chứng nhận quyền sử dụng đất lần đầu được 215 giấy, đạt 71,6% chỉ tiêu huyện giao.",
        [(215, [("plan", "chỉ tiêu huyện giao", "ratio", 71.6, None)])],
    ),
    (
        "Trồng rừng tập trung 320 ha, đạt 106,7% kế hoạch, vượt 6,7%.",
        [(320, [("plan", "kế hoạch", "ratio", 106.7, None), ("plan", "kế hoạch", "change", 6.7, None)])],
    ),
    (
        "Đưa 45 lao động đi làm việc ở nước ngoài, gấp 1,5 lần so với cùng kỳ.",
        [(45, [("same_period", "cùng kỳ", "ratio", 150, None)])],
    ),
    (
        "Số ca mắc sốt xuất huyết 23 ca, giảm 40 ca so với cùng kỳ năm 2023.",
        [(23, [("same_period", "cùng kỳ năm 2023", "change", None, -40)])],
    ),
    (
        "Chi ngân sách xã 2.130 triệu đồng, bằng 45% dự toán HĐND xã giao.",
        [(2130, [("budget_estimate", "dự toán HĐND xã giao", "ratio", 45, None)])],
    ),
    (
        "Tổng đàn trâu, bò 8.420 con, giảm 3,2% so với cùng thời điểm năm trước.",
        [(8420, [("same_period", "cùng thời điểm năm trước", "change", -3.2, None)])],
    ),
    (
        "Huy động trẻ 5 tuổi ra lớp đạt 100% kế hoạch.",
        [(None, [("plan", "kế hoạch", "ratio", 100, None)])],
    ),
    (
        "Thu thuế ngoài quốc doanh được 4,8 tỷ đồng, đạt 52% so với dự toán, giảm 6% so với cùng kỳ.",
        [(4.8, [("budget_estimate", "dự toán", "ratio", 52, None), ("same_period", "cùng kỳ", "change", -6, None)])],
    ),
    (
        "Sản lượng thủy sản nuôi trồng 1.260 tấn, tăng 85 tấn so với cùng kỳ, đạt 54,8% kế hoạch.",
        [(1260, [("same_period", "cùng kỳ", "change", None, 85), ("plan", "kế hoạch", "ratio", 54.8, None)])],
    ),
    (
        "Xử lý 37 vụ vi phạm về tài nguyên và môi trường, tăng 9 vụ so với tháng trước.",
        [(37, [("previous_period", "tháng trước", "change", None, 9)])],
    ),
    (
        "Tiêm chủng mở rộng cho 1.204 trẻ, đạt 49,6% kế hoạch năm 2024.",
        [(1204, [("plan", "kế hoạch năm 2024", "ratio", 49.6, None)])],
    ),
    (
        "Vốn tín dụng chính sách dư nợ 312,6 tỷ đồng, tăng 18,4 tỷ đồng so với đầu năm, tăng 6,2%.",
        [(312.6, [("previous_period", "đầu năm", "change", 6.2, 18.4)])],
    ),
]


def _norm(figures: list[Figure]) -> list[tuple[float | None, list[Comp]]]:
    def num(x: float | None) -> float | None:
        return None if x is None else float(x)

    return sorted(
        ((num(v), [(b, w, r, num(p), num(a)) for b, w, r, p, a in cs]) for v, cs in figures),
        key=lambda f: (f[0] is None, f[0] or 0.0, str(f[1])),
    )


@pytest.mark.parametrize(("sentence", "want"), CASES, ids=[s[:48] for s, _ in CASES])
def test_each_figure_carries_exactly_the_comparisons_written_for_it(sentence: str, want: list[Figure]) -> None:
    got: list[Figure] = [
        (i.value, [(c.basis, c.basis_text, c.relation, c.pct, c.amount) for c in i.comparisons])
        for i in find_indicators(sentence)
        if i.comparisons
    ]
    assert _norm(got) == _norm(want)
