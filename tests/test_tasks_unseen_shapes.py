"""Task shapes of reports the rules were not tuned on (tasks11 battery, invented text): a journalist's paragraph
in which the body goes on with more work after `Thời gian tới, ...`; a sentence that only points to the appendix
listing the work; task parts titled `MỘT SỐ CÔNG VIỆC TRỌNG TÂM THỜI GIAN TỚI`, `KẾ HOẠCH THỰC HIỆN THÁNG 4`,
`DỰ KIẾN KẾ HOẠCH THÁNG 4`, `TRIỂN KHAI NHIỆM VỤ THÁNG 4`; a town or title abbreviation (`TP. Bảo Lâm`) that ends
no sentence. Each is read end to end from a file (`extract_document`)."""

from pathlib import Path

import pytest

from llmx.config import Settings
from llmx.contract import ReportDocument
from llmx.pipeline import extract_document

_REPORT = (
    "ỦY BAN NHÂN DÂN\nXÃ TÂN AN ĐÔNG\nSố: 50/BC-UBND\nTân An Đông, ngày 25 tháng 3 năm 2026\nBÁO CÁO\n"
    "Kết quả công tác tháng 3 năm 2026\nI. KẾT QUẢ THỰC HIỆN\nThu ngân sách đạt 320 triệu đồng.\n"
    "II. HẠN CHẾ\nTiến độ thu thuế còn chậm.\n{heading}\n{items}"
    "Trên đây là báo cáo của UBND xã Tân An Đông./.\nNơi nhận:\n- UBND huyện;\n- Lưu VT.\n"
)


def _read(tmp_path: Path, text: str) -> ReportDocument:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return extract_document(path, Settings(backend="rules"))


def test_in_a_news_paragraph_the_body_going_on_with_more_work_after_thoi_gian_toi_states_tasks(
    tmp_path: Path,
) -> None:
    text = (
        "Huyện Sông Mây tổng kết công tác năm 2026\n"
        "Chiều 22/12, UBND huyện Sông Mây tổ chức hội nghị tổng kết công tác năm 2026.\n"
        "Năm 2026, thu ngân sách nhà nước đạt 312 tỷ đồng, bằng 112% dự toán.\n"
        "Thời gian tới, huyện tập trung đẩy nhanh tiến độ giải ngân vốn đầu tư công. "
        "Huyện tiếp tục thu hút đầu tư vào cụm công nghiệp Bến Sỏi, cải thiện môi trường kinh doanh. "
        "Cùng với đó, huyện chú trọng nâng cao chất lượng giáo dục, y tế. "
        "Huyện tiếp tục chịu ảnh hưởng của thời tiết cực đoan.\n"
        "Dịp này, 15 tập thể được UBND huyện tặng giấy khen.\n"
    )
    assert [t.text for t in _read(tmp_path, text).tasks] == [
        "Thời gian tới, huyện tập trung đẩy nhanh tiến độ giải ngân vốn đầu tư công",
        "Huyện tiếp tục thu hút đầu tư vào cụm công nghiệp Bến Sỏi, cải thiện môi trường kinh doanh",
        "Cùng với đó, huyện chú trọng nâng cao chất lượng giáo dục, y tế",
    ]


def test_a_sentence_that_only_points_to_the_appendix_listing_the_work_is_no_task(tmp_path: Path) -> None:
    items = "Các nhiệm vụ trọng tâm năm 2027 có Phụ lục kèm theo.\nThực hiện các nhiệm vụ theo Phụ lục kèm theo.\n"
    doc = _read(tmp_path, _REPORT.format(heading="III. NHIỆM VỤ NĂM 2027", items=items))
    assert [t.text for t in doc.tasks] == ["Thực hiện các nhiệm vụ theo Phụ lục kèm theo"]


@pytest.mark.parametrize(
    "heading",
    [
        "III. MỘT SỐ CÔNG VIỆC TRỌNG TÂM THỜI GIAN TỚI",
        "III. KẾ HOẠCH THỰC HIỆN THÁNG 4",
        "III. DỰ KIẾN KẾ HOẠCH THÁNG 4",
        "III. TRIỂN KHAI NHIỆM VỤ THÁNG 4",
    ],
)
def test_a_part_titled_as_the_work_planned_ahead_holds_tasks(heading: str, tmp_path: Path) -> None:
    items = (
        "- Các ấp ra quân vệ sinh môi trường, trồng cây xanh dọc các tuyến đường.\n"
        "- Ban Chỉ huy Quân sự xã huấn luyện dân quân năm thứ nhất.\n"
    )
    doc = _read(tmp_path, _REPORT.format(heading=heading, items=items))
    assert [s.role for s in doc.sections][-1] == "tasks"
    assert [t.text for t in doc.tasks] == [
        "Các ấp ra quân vệ sinh môi trường, trồng cây xanh dọc các tuyến đường",
        "Ban Chỉ huy Quân sự xã huấn luyện dân quân năm thứ nhất",
    ]


def test_a_town_or_title_abbreviation_ends_no_task(tmp_path: Path) -> None:
    items = "- Phối hợp với TP. Bảo Lâm tổ chức hội chợ nông sản.\n- Mời ThS. Nguyễn Văn An báo cáo chuyên đề.\n"
    doc = _read(tmp_path, _REPORT.format(heading="III. NHIỆM VỤ THÁNG 4", items=items))
    assert [t.text for t in doc.tasks] == [
        "Phối hợp với TP. Bảo Lâm tổ chức hội chợ nông sản",
        "Mời ThS. Nguyễn Văn An báo cáo chuyên đề",
    ]


_NEWS = (
    "Xã Phong Điền Tây sơ kết 6 tháng đầu năm 2026\n"
    "Sáng 5/7, UBND xã Phong Điền Tây tổ chức hội nghị sơ kết 6 tháng đầu năm 2026.\n"
    "6 tháng đầu năm, thu ngân sách xã đạt 3,2 tỷ đồng, bằng 58% dự toán.\n"
    "{sentence}\n"
    "Năm 2025, xã đã nỗ lực phấn đấu đến cuối năm đạt 19/19 tiêu chí.\n"
    "Ngọc Lan\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Nhiệm vụ trọng tâm 6 tháng cuối năm là đẩy mạnh xây dựng nông thôn mới nâng cao",
        "Theo Chủ tịch UBND xã, trong thời gian tới, xã tập trung hoàn thành các chỉ tiêu còn đạt thấp",
        "Đồng chí lưu ý địa phương cần chủ động phương án phòng chống thiên tai trong mùa mưa bão",
        "Xã phấn đấu đến cuối năm 2026 giảm tỷ lệ hộ nghèo xuống còn 1,8%",
        "Từ nay đến cuối năm, ngành y tế xã tăng cường tuyên truyền phòng chống sốt xuất huyết",
        "Kết luận hội nghị, đồng chí Chủ tịch UBND xã giao các ngành chuyên môn rà soát các chỉ tiêu còn đạt thấp",
    ],
)
def test_a_news_item_states_the_work_ahead_in_a_reporters_words(sentence: str, tmp_path: Path) -> None:
    doc = _read(tmp_path, _NEWS.format(sentence=sentence + "."))
    assert [t.text for t in doc.tasks] == [sentence]  # the striving reported as done is none


_MONTHLY = (
    "ỦY BAN NHÂN DÂN\nHUYỆN TÂN AN ĐÔNG\nSố: 50/BC-UBND\nTân An Đông, ngày 25 tháng 5 năm 2026\nBÁO CÁO\n"
    "Tình hình kinh tế - xã hội tháng 5 năm 2026\nI. LĨNH VỰC KINH TẾ\n1. Nông nghiệp\n"
    "Thu hoạch 3.200 ha lúa Đông Xuân.\n{line}\n"
    "II. LĨNH VỰC VĂN HÓA - XÃ HỘI\nTổ chức thi tốt nghiệp an toàn.\n"
    "Trên đây là báo cáo của UBND huyện Tân An Đông./.\nNơi nhận:\n- UBND tỉnh;\n- Lưu VT.\n"
)


@pytest.mark.parametrize(
    ("line", "tasks"),
    [
        (
            "Tháng 6, tiếp tục theo dõi diễn biến dịch bệnh trên đàn gia súc.",
            ["Tháng 6, tiếp tục theo dõi diễn biến dịch bệnh trên đàn gia súc"],
        ),
        (
            "Phương hướng: Các xã triển khai kế hoạch sản xuất vụ Hè Thu theo đúng lịch thời vụ.",
            ["Các xã triển khai kế hoạch sản xuất vụ Hè Thu theo đúng lịch thời vụ"],
        ),
        (
            "Công tác trọng tâm trong tháng 6 là hoàn thành tiêm phòng đợt 1 cho đàn gia súc.",
            ["Công tác trọng tâm trong tháng 6 là hoàn thành tiêm phòng đợt 1 cho đàn gia súc"],
        ),
        ("Công tác trọng tâm trong tháng 5 là thu hoạch lúa Đông Xuân, đến nay đã thu hoạch 95% diện tích.", []),
        ("Tháng 6, tình hình dịch bệnh có khả năng tiếp tục diễn biến phức tạp.", []),
        ("Trong tháng, UBND huyện ban hành 45 văn bản chỉ đạo, yêu cầu các xã tập trung thu hoạch lúa.", []),
        (
            "Trong thời gian tới, sau khi các xã đã hoàn thành rà soát, đề nghị các xã lập hồ sơ gửi về huyện.",
            ["Trong thời gian tới, sau khi các xã đã hoàn thành rà soát, đề nghị các xã lập hồ sơ gửi về huyện"],
        ),
    ],
)
def test_a_sectors_results_close_with_the_coming_months_work(line: str, tasks: list[str], tmp_path: Path) -> None:
    doc = _read(tmp_path, _MONTHLY.format(line=line))
    assert [t.text for t in doc.tasks] == tasks


@pytest.mark.parametrize(
    ("sub", "tasks"),
    [
        ("b) Nhiệm vụ tháng 6", True),
        ("- Nhiệm vụ tháng 6", True),
        ("Kế hoạch tháng 6", True),
        ("b) Nhiệm vụ tháng 5", False),  # the report's own month: what was set for it, not the work ahead
    ],
)
def test_a_sectors_sub_heading_naming_the_next_months_work_makes_its_items_tasks(
    sub: str, tasks: bool, tmp_path: Path
) -> None:
    text = _MONTHLY.replace(
        "{line}",
        f"{sub}\n- Các xã gieo sạ lúa Hè Thu tập trung, né rầy.\n- Ngành thú y tiêm phòng đợt 1 cho đàn gia súc.",
    )
    got = [t.text for t in _read(tmp_path, text).tasks]
    assert got == (
        ["Các xã gieo sạ lúa Hè Thu tập trung, né rầy", "Ngành thú y tiêm phòng đợt 1 cho đàn gia súc"] if tasks else []
    )


_PARTY = (
    "ĐẢNG BỘ HUYỆN SƠN ĐÔNG\nĐẢNG ỦY XÃ AN THẠNH\nSố: 57-BC/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
    "An Thạnh, ngày 28 tháng 8 năm 2026\nBÁO CÁO\n"
    "Kết quả lãnh đạo thực hiện nhiệm vụ tháng 8, nhiệm vụ tháng 9 năm 2026\n"
    "I. KẾT QUẢ LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ THÁNG 8\nĐảng ủy kết nạp 02 đảng viên mới.\n{heading}\n"
    "- Các chi bộ tổ chức sinh hoạt chuyên đề quý III.\n"
    "- Ban Chỉ huy Quân sự xã huấn luyện dân quân năm thứ nhất.\n"
    "Trên đây là báo cáo của Đảng ủy xã An Thạnh./.\nNơi nhận:\n- Huyện ủy;\n- Lưu VP.\n"
    "T/M ĐẢNG ỦY\nBÍ THƯ\nLê Văn Hùng\n"
)


@pytest.mark.parametrize(
    ("heading", "tasks"),
    [
        ("II. LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ THÁNG 9", True),
        ("II. CHƯƠNG TRÌNH LÃNH ĐẠO THÁNG 9", True),
        ("II. DỰ KIẾN CHƯƠNG TRÌNH LÀM VIỆC THÁNG 9", True),
        ("II. KẾ HOẠCH TRỌNG TÂM THÁNG 9", True),
        ("II. LỊCH CÔNG TÁC THÁNG 9", True),
        ("II. LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ THÁNG 8", False),  # the month reported on
    ],
)
def test_a_party_committees_part_for_the_coming_month_holds_tasks(heading: str, tasks: bool, tmp_path: Path) -> None:
    got = [t.text for t in _read(tmp_path, _PARTY.format(heading=heading)).tasks]
    want = ["Các chi bộ tổ chức sinh hoạt chuyên đề quý III", "Ban Chỉ huy Quân sự xã huấn luyện dân quân năm thứ nhất"]
    assert got == (want if tasks else [])


def test_a_word_lists_symbol_bullets_open_items_as_dashes_do(tmp_path: Path) -> None:
    line = (
        "Nhiệm vụ tháng 6:\n➢ Các xã gieo sạ lúa Hè Thu tập trung, né rầy.\n"
        "▪ Ngành thú y tiêm phòng đợt 1 cho đàn gia súc."
    )
    doc = _read(tmp_path, _MONTHLY.format(line=line))
    assert [t.text for t in doc.tasks] == [
        "Các xã gieo sạ lúa Hè Thu tập trung, né rầy",
        "Ngành thú y tiêm phòng đợt 1 cho đàn gia súc",
    ]


def test_the_coming_months_work_numbered_under_the_weaknesses_part_is_still_tasks(tmp_path: Path) -> None:
    # (`3.` under `II. HẠN CHẾ`: the sections stage nests it in the weaknesses part)
    heading = "3. Nhiệm vụ tháng 4: Tập trung chỉ đạo sản xuất vụ Hè Thu; đẩy nhanh giải ngân."
    doc = _read(tmp_path, _REPORT.format(heading=heading, items=""))
    assert [t.text for t in doc.tasks] == ["Tập trung chỉ đạo sản xuất vụ Hè Thu", "đẩy nhanh giải ngân"]
    assert [x.text for x in doc.limitations] == ["Tiến độ thu thuế còn chậm"]
