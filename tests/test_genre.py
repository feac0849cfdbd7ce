"""Genre fit: a document that is not a periodic report says so in `problems`; a report never does.

Every text here is invented (no real place or person), written the way the genre and its
neighbours write: a report's header and a web excerpt without one, a dues list, a decision, a
plan, a submission that reports, a letter that asks for reports and one that reports.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmx.cli import app
from llmx.config import Settings
from llmx.errors import InputError
from llmx.genre import NEAR, NOT_A_REPORT, STAGE
from llmx.pipeline import extract_document

RULES = Settings(backend="rules")

REPORT = """ỦY BAN NHÂN DÂN
XÃ TÂN PHONG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 41/BC-UBND
Tân Phong, ngày 20 tháng 6 năm 2027

BÁO CÁO
Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm, phương hướng nhiệm vụ 6 tháng cuối năm 2027

I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM
1. Nông nghiệp
Diện tích gieo cấy lúa xuân 412,5 ha, đạt 100,2% kế hoạch. Tổng đàn trâu 1.240 con, tăng 3% so với cùng kỳ.
2. Thu ngân sách
Thu ngân sách trên địa bàn 2,8 tỷ đồng, đạt 56% dự toán huyện giao.
II. HẠN CHẾ, TỒN TẠI
Tiến độ giải ngân vốn đầu tư công còn chậm.
III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM
Tập trung chỉ đạo gieo cấy vụ mùa đúng khung lịch thời vụ.
"""

WEB_EXCERPT = """Sáng 12/7, Đảng ủy xã Hòa Sơn tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2027.
Trong 6 tháng đầu năm, tổng giá trị sản xuất ước đạt 215 tỷ đồng, tăng 7,2% so với cùng kỳ. Thu ngân sách
đạt 62% dự toán. Công tác xây dựng Đảng được chú trọng, kết nạp 6 đảng viên mới.
Bên cạnh kết quả đạt được, còn một số hạn chế như tiến độ xây dựng nông thôn mới chậm.
Thời gian tới, Đảng ủy xã tập trung lãnh đạo thực hiện thắng lợi nhiệm vụ 6 tháng cuối năm.
"""

DUES_LIST = """DANH SÁCH ĐOÀN VIÊN ĐÓNG ĐOÀN PHÍ NĂM 2027
Chi đoàn thôn Nà Khoang

STT | Họ và tên | Số tiền | Ghi chú
1 | Lò Văn Pình | 60000 |
2 | Hà Thị Nguyệt | 60000 |
3 | Vàng A Sử | 60000 |
4 | Sầm Thị Đào | 60000 |
5 | Lường Văn Khiêm | 60000 |
6 | Cầm Thị Lả | 60000 |
7 | Quàng Văn Mến | 60000 |
8 | Lò Thị Xoan | 60000 |
Tổng cộng | | 480000 |
"""

DUES_TABLE_ONLY = DUES_LIST.split("\n", 3)[3]  # the same list without its title line

DECISION = """ỦY BAN NHÂN DÂN
HUYỆN SƠN ĐÔNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 215/QĐ-UBND
Sơn Đông, ngày 03 tháng 4 năm 2027

QUYẾT ĐỊNH
Về việc thành lập Tổ công tác rà soát hồ sơ đất đai

CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN SƠN ĐÔNG
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Xét đề nghị của Trưởng phòng Nội vụ huyện,
QUYẾT ĐỊNH:
Điều 1. Thành lập Tổ công tác gồm 07 thành viên, do Phó Chủ tịch UBND huyện làm Tổ trưởng.
Điều 2. Tổ công tác có nhiệm vụ rà soát 1.250 hồ sơ đất đai tồn đọng trong năm 2027.
Điều 3. Chánh Văn phòng HĐND và UBND huyện, các thành viên có tên tại Điều 1 chịu trách nhiệm thi hành.
"""

PLAN = """ỦY BAN NHÂN DÂN
XÃ ĐÔNG LÂM
Số: 18/KH-UBND
Đông Lâm, ngày 10 tháng 1 năm 2027

KẾ HOẠCH
Triển khai công tác chuyển đổi số năm 2027

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả ứng dụng công nghệ thông tin trong chỉ đạo, điều hành của UBND xã.
II. NHIỆM VỤ
1. Phấn đấu 95% hồ sơ thủ tục hành chính được tiếp nhận trực tuyến.
2. Tổ chức 04 lớp tập huấn kỹ năng số cho cán bộ, công chức.
III. TỔ CHỨC THỰC HIỆN
Các bộ phận chuyên môn căn cứ kế hoạch triển khai thực hiện.
"""

SUBMISSION_THAT_REPORTS = """SỞ NỘI VỤ
Số: 77/TTr-SNV
Hà Trung, ngày 14 tháng 5 năm 2027

TỜ TRÌNH
Báo cáo kết quả rà soát tổ chức, hoạt động của các hội cấp tỉnh năm 2026

Kính gửi: Ủy ban nhân dân tỉnh
Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở Nội vụ báo cáo như sau:
1. Kết quả rà soát
Toàn tỉnh có 86 hội cấp tỉnh, trong đó 71 hội hoạt động thường xuyên, chiếm 82,6%.
2. Đề xuất
Đề nghị UBND tỉnh giao Sở Nội vụ hướng dẫn các hội chưa tổ chức đại hội nhiệm kỳ.
"""

LETTER_ASKING = """ỦY BAN NHÂN DÂN
TỈNH HÀ TRUNG
Số: 902/UBND-TH
V/v báo cáo tình hình thực hiện nhiệm vụ quý II năm 2027
Hà Trung, ngày 02 tháng 6 năm 2027
Kính gửi: Các sở, ban, ngành; UBND các huyện, thành phố.
Để tổng hợp báo cáo Chính phủ, Chủ tịch UBND tỉnh đề nghị các đơn vị báo cáo các nội dung như sau:
1. Tình hình thực hiện các chỉ tiêu được giao quý II năm 2027.
2. Khó khăn, vướng mắc và đề xuất, kiến nghị.
Báo cáo gửi về Sở Tài chính trước ngày 20/6/2027 để tổng hợp.
"""

LETTER_REPORTING = """SỞ CÔNG THƯƠNG
Số: 311/SCT-QLCN
V/v cập nhật công tác quản lý vật liệu nổ năm 2026
Hà Trung, ngày 05 tháng 3 năm 2027
Kính gửi: Cục Kỹ thuật an toàn và Môi trường công nghiệp
Thực hiện Công văn số 120/ATMT ngày 15/02/2027, Sở Công Thương báo cáo, cung cấp thông tin cụ thể như sau:
1. Năm 2026, Sở đã cấp 04 giấy phép sử dụng vật liệu nổ công nghiệp, tăng 1 giấy phép so với năm 2025.
2. Tổ chức 02 đợt kiểm tra tại 06 đơn vị, chưa phát hiện vi phạm.
Trên đây là báo cáo của Sở Công Thương, kính gửi Cục tổng hợp./.
"""


def _extract(tmp_path: Path, text: str, name: str = "doc.txt") -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = extract_document(path, RULES)
    return [p.message for p in doc.problems if p.stage == STAGE]


@pytest.mark.parametrize("text", [REPORT, WEB_EXCERPT, SUBMISSION_THAT_REPORTS, LETTER_REPORTING])
def test_a_periodic_report_or_a_document_that_reports_is_not_warned(tmp_path: Path, text: str) -> None:
    assert _extract(tmp_path, text) == []


def test_a_dues_list_is_warned_as_a_list(tmp_path: Path) -> None:
    [message] = _extract(tmp_path, DUES_LIST)
    assert message.startswith(NOT_A_REPORT) and "a list" in message and "DANH SÁCH" in message


def test_a_table_of_names_without_a_title_is_warned_as_a_list_of_people(tmp_path: Path) -> None:
    [message] = _extract(tmp_path, DUES_TABLE_ONLY)
    assert message.startswith(NOT_A_REPORT) and "list of people" in message


def test_a_decision_is_warned_and_its_items_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "qd.txt"
    path.write_text(DECISION, encoding="utf-8")
    doc = extract_document(path, RULES)
    [problem] = [p for p in doc.problems if p.stage == STAGE]
    assert problem.message.startswith(NOT_A_REPORT) and "a decision (Quyết định)" in problem.message
    # the check only adds a problem: what the rules found is all still there
    assert doc.indicators, "a warned document keeps its items"


def test_a_plan_gets_the_softer_note_not_the_warning(tmp_path: Path) -> None:
    [message] = _extract(tmp_path, PLAN)
    assert message.startswith(NEAR) and "a plan (Kế hoạch)" in message and "targets" in message


def test_a_letter_asking_others_to_report_is_warned_as_a_letter(tmp_path: Path) -> None:
    [message] = _extract(tmp_path, LETTER_ASKING)
    assert message.startswith(NOT_A_REPORT) and "công văn" in message


def test_a_very_short_text_is_warned_as_almost_empty(tmp_path: Path) -> None:
    [message] = _extract(tmp_path, "Xem chi tiết báo cáo tại trang thông tin điện tử của xã.\n")
    assert message.startswith(NOT_A_REPORT) and "almost empty" in message


def test_a_file_holding_only_a_url_is_refused_like_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "link.txt"
    path.write_text("https://xa-example.gov.vn/tin-tuc/so-ket-6-thang-dau-nam-2027.html\n", encoding="utf-8")
    with pytest.raises(InputError, match="only a link"):
        extract_document(path, RULES)
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 2 and "only a link" in result.output


@pytest.mark.parametrize("link", ["HTTPS://XA-EXAMPLE.GOV.VN/TIN-TUC/BAI-1.HTML", "Www.Xa-Example.Gov.Vn/bai-1"])
def test_a_url_written_in_capitals_is_refused_too(tmp_path: Path, link: str) -> None:
    # the words outside links are looked for without the link scan when the text names no http/www
    # (in any case); a link in capitals must still be found
    path = tmp_path / "link.txt"
    path.write_text(link + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="only a link"):
        extract_document(path, RULES)


def test_the_cli_warns_on_stderr_and_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "dues.txt"
    path.write_text(DUES_LIST, encoding="utf-8")
    out = tmp_path / "dues.json"
    result = CliRunner().invoke(app, ["extract", str(path), "-o", str(out)])
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert len(warnings) == 1 and NOT_A_REPORT in warnings[0] and str(path) in warnings[0]
    assert any(p["stage"] == STAGE for p in json.loads(out.read_text(encoding="utf-8"))["problems"])


def test_a_run_counts_and_lists_the_documents_that_are_not_reports(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "report.txt").write_text(REPORT, encoding="utf-8")
    (inputs / "decision.txt").write_text(DECISION, encoding="utf-8")
    (inputs / "plan.txt").write_text(PLAN, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(inputs), "--out", str(out), "--no-progress", "--processes", "1"])
    assert result.exit_code == 0, result.output
    assert "1 do not look like periodic reports, 1 are plans or submissions" in result.stderr
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert manifest["documents"]["genre_warnings"] == 2
    genre = {Path(r["input"]).name: r.get("genre") for r in manifest["reports"]}
    assert genre["report.txt"] is None
    assert genre["decision.txt"].startswith(NOT_A_REPORT) and genre["plan.txt"].startswith(NEAR)


SUBMISSION_ASKING = """SỞ NỘI VỤ
Số: 90/TTr-SNV
Hà Trung, ngày 02 tháng 8 năm 2027

TỜ TRÌNH
Về việc báo cáo kết quả tổ chức Đại hội và đề nghị phê duyệt Điều lệ Hội Người cao tuổi tỉnh

Kính gửi: Ủy ban nhân dân tỉnh
Ngày 20/7/2027, Hội Người cao tuổi tỉnh tổ chức Đại hội nhiệm kỳ 2027 - 2032 với 150 đại biểu tham dự.
Sở Nội vụ kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt Điều lệ Hội.
"""

LETTER_CITING_A_REPORT = """ỦY BAN NHÂN DÂN
TỈNH HÀ TRUNG
Số: 1204/UBND-NC
V/v kết quả Đại hội Hội Khuyến học tỉnh nhiệm kỳ 2027 - 2032
Hà Trung, ngày 12 tháng 9 năm 2027
Kính gửi: Hội Khuyến học tỉnh
Xét đề nghị của Sở Nội vụ; căn cứ hồ sơ báo cáo kết quả Đại hội, Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau:
1. Thống nhất với kết quả Đại hội nhiệm kỳ 2027 - 2032; Ban Chấp hành Hội gồm 31 thành viên.
2. Hội có trách nhiệm hoạt động theo đúng Điều lệ đã được phê duyệt.
"""


def test_a_submission_asking_for_approval_gets_the_note_even_when_it_reports_a_congress(tmp_path: Path) -> None:
    [message] = _extract(tmp_path, SUBMISSION_ASKING)
    assert message.startswith(NEAR) and "a submission (Tờ trình)" in message


def test_a_letter_citing_a_report_is_not_a_letter_that_reports(tmp_path: Path) -> None:
    [message] = _extract(tmp_path, LETTER_CITING_A_REPORT)
    assert message.startswith(NOT_A_REPORT) and "công văn" in message


GUIDANCE_WITHOUT_HEADER = """Ngày 25 tháng 3 năm 2027, Bộ Công Thương ban hành Thông tư sửa đổi thủ tục
cấp giấy phép vận chuyển.
1. Hồ sơ đề nghị cấp giấy phép
Tổ chức nộp 01 bộ hồ sơ gồm đơn đề nghị, bản sao giấy chứng nhận đăng ký doanh nghiệp và danh sách phương tiện.
2. Trình tự thực hiện
Cơ quan cấp phép xem xét hồ sơ trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.
3. Phí, lệ phí
Thực hiện theo quy định hiện hành của Bộ Tài chính về phí thẩm định cấp giấy phép.
"""


def test_a_headerless_text_with_a_year_and_numbered_parts_but_nothing_of_a_report_is_warned(tmp_path: Path) -> None:
    [message] = _extract(tmp_path, GUIDANCE_WITHOUT_HEADER)
    assert message.startswith(NOT_A_REPORT) and "a document of another kind" in message


REGISTER = """Số đến | Ngày đến | Số, ký hiệu | Nơi gửi | Trích yếu nội dung | Người nhận
101 | 03/3/2027 | 45/UBND-VP | UBND huyện | V/v tổ chức Tết trồng cây | Văn phòng
102 | 03/3/2027 | 12/KH-BCĐ | Ban Chỉ đạo | Kế hoạch ra quân làm đường giao thông nông thôn | Địa chính
103 | 05/3/2027 | 88/TB-UBND | UBND huyện | Thông báo lịch tiếp công dân tháng 3 | Tư pháp
104 | 06/3/2027 | 09/CV-MTTQ | UBMTTQ huyện | V/v vận động Quỹ Vì người nghèo | Mặt trận
105 | 07/3/2027 | 17/QĐ-UBND | UBND huyện | Quyết định phân bổ kinh phí 250 triệu đồng | Kế toán
106 | 09/3/2027 | 31/GM-UBND | UBND huyện | Giấy mời dự hội nghị sơ kết quý I | Chủ tịch
"""

DIRECTIVE = """ỦY BAN NHÂN DÂN
TỈNH HÀ TRUNG
Số: 07/CT-UBND
Hà Trung, ngày 15 tháng 2 năm 2027

CHỈ THỊ
Về tăng cường công tác phòng cháy, chữa cháy mùa khô năm 2027

Trong năm 2026, trên địa bàn tỉnh xảy ra 42 vụ cháy, giảm 8 vụ so với năm 2025. Để chủ động phòng ngừa,
Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:
1. Các sở, ban, ngành, UBND các huyện tăng cường tuyên truyền về phòng cháy, chữa cháy.
2. Công an tỉnh tổ chức kiểm tra 100% cơ sở có nguy cơ cháy nổ cao.
"""


def test_a_register_of_incoming_documents_is_warned_as_a_register(tmp_path: Path) -> None:
    [message] = _extract(tmp_path, REGISTER)
    assert message.startswith(NOT_A_REPORT) and "a register of documents" in message


def test_a_directive_is_warned_as_a_directive(tmp_path: Path) -> None:
    [message] = _extract(tmp_path, DIRECTIVE)
    assert message.startswith(NOT_A_REPORT) and "a directive (Chỉ thị)" in message
