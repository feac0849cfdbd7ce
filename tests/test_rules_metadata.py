"""Report metadata (SPEC 2): the three dev reports field by field, invented header and signature
variants, casing and classification of issuers, and periods from titles and part headings."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from llmx.contract import Metadata, Period, Section, Signer
from llmx.rules.issuers import admin_level_of, conventional_case, issuer_type_of
from llmx.rules.metadata import extract_metadata
from llmx.sections import split_sections

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
H1 = [1, 2, 3, 4, 5, 6]
H2 = [7, 8, 9, 10, 11, 12]


def simple_normalize(raw: str) -> str:
    """NFC, NBSP -> space, markdown `**`/`*` emphasis removed (stand-in for llmx.normalize)."""
    text = unicodedata.normalize("NFC", raw).replace("\xa0", " ").replace("**", "")
    return re.sub(r"(?<=[\s“(\"])\*(?=[^\s*])|(?<=[^\s*])\*(?=[\s”),.;:\"]|$)", "", text, flags=re.M)


def dev(stem: str) -> str:
    return simple_normalize((SAMPLES / f"{stem}.txt").read_text(encoding="utf-8"))


EXPECTED: dict[str, Metadata] = {
    "2023-02-district-party-monthly": Metadata(
        title="Kết quả thực hiện công tác tháng 2, nhiệm vụ trọng tâm tháng 3 năm 2023",
        issuer="Ban Thường vụ Huyện ủy",
        issuer_type="party_committee",
        admin_level="district",
        locality="Vụ Bản",
        period=Period(label="tháng 2 năm 2023", kind="month", year=2023, months=[2]),
        next_period=Period(label="tháng 3 năm 2023", kind="month", year=2023, months=[3]),
        signer=Signer(name="Bùi Ánh Nguyệt", title="PHÓ BÍ THƯ", on_behalf_of="T/M BAN THƯỜNG VỤ"),
        recipients=[
            "Các ban XD Đảng, VPTU, (để b/c)",
            "Thường trực Huyện ủy",
            "Các đ/c Ủy viên BCH Đảng bộ huyện",
            "Các TCCSĐ",
            "Lưu VT",
        ],
    ),
    "h1-2018-district-socioeconomic": Metadata(
        title=(
            "Sơ kết thực hiện nhiệm vụ phát triển KT-XH và phong trào thi đua 6 tháng đầu năm 2018; "
            "phương hướng, nhiệm vụ 6 tháng cuối năm 2018"
        ),
        issuer="UBND huyện Thanh Liêm",
        issuer_type="peoples_committee",
        admin_level="district",
        locality="Thanh Liêm",
        period=Period(label="6 tháng đầu năm 2018", kind="half_year", year=2018, months=H1),
        next_period=Period(label="6 tháng cuối năm 2018", kind="half_year", year=2018, months=H2),
    ),
    "h1-2023-commune-party-webpage": Metadata(
        title=("Tình hình, kết quả thực hiện công tác 6 tháng đầu năm nhiệm vụ trọng tâm 6 tháng cuối năm 2023"),
        doc_number=None,
        doc_symbol="BC/HU",
        issuer="Đảng ủy xã Xuân Phú",
        issuer_type="party_committee",
        admin_level="commune",
        locality="Xuân Phú",
        issue_place="Xuân Phú",
        issue_date="2023-07",
        period=Period(label="6 tháng đầu năm 2023", kind="half_year", year=2023, months=H1),
        next_period=Period(label="6 tháng cuối năm 2023", kind="half_year", year=2023, months=H2),
        signer=Signer(name="Bùi Văn Hoàng", title="PHÓ BÍ THƯ THƯỜNG TRỰC", on_behalf_of="T/M ĐẢNG ỦY"),
        recipients=[
            "Văn phòng Huyện ủy (b/c)",
            "Thường trực HĐND, UBND xã",
            "Các đồng chí Đảng ủy viên",
            "MTTQ, các đoàn thể",
            "Các chi bộ trực thuộc",
            "Lưu Văn phòng Đảng ủy",
        ],
        post_date="2023-08-13",
        issue_date_source="date_line",
    ),
}


@pytest.mark.parametrize("stem", list(EXPECTED))
def test_dev_report_metadata_field_by_field(stem):
    got = extract_metadata(dev(stem)).model_dump()
    want = EXPECTED[stem].model_dump()
    assert {k: got[k] for k in want if got[k] != want[k]} == {}


@pytest.mark.parametrize("stem", list(EXPECTED))
def test_real_normalizer_and_sections_give_the_same_metadata(dev_texts, stem):
    text = dev_texts[stem]
    assert extract_metadata(text, split_sections(text).sections) == EXPECTED[stem]
    assert extract_metadata(text) == EXPECTED[stem]


@pytest.mark.parametrize("stem", ["2023-02-district-party-monthly", "h1-2018-district-socioeconomic"])
def test_dev_metadata_agrees_with_the_gold_files(dev_texts, stem):
    gold_path = REPO / "eval" / "gold" / "dev" / f"{stem}.json"
    assert gold_path.exists(), f"gold file moved? {gold_path}"
    gold = Metadata(**json.loads(gold_path.read_text(encoding="utf-8"))["metadata"])
    assert extract_metadata(dev_texts[stem]) == gold


def test_web_page_copy_chrome_and_footer_do_not_leak_into_metadata():
    text = dev("h1-2023-commune-party-webpage")
    meta = extract_metadata(text)
    assert text.count("Lưu Văn phòng Đảng ủy") == 2 and meta.recipients.count("Lưu Văn phòng Đảng ủy") == 1
    assert "UBND Xã Xuân Phú" in text and meta.issuer == "Đảng ủy xã Xuân Phú"  # footer address ignored
    assert meta.locality == "Xuân Phú"  # not `Thọ Xuân` (parent), `Cẩm Thủy` or `Thanh Hóa` from the body


def test_closing_formula_period_does_not_override_the_headings():
    # the monthly closing says `tháng 02/2023` while section B is THÁNG 3
    meta = extract_metadata(dev("2023-02-district-party-monthly"))
    assert meta.next_period is not None and meta.next_period.months == [3]


# --- invented header, date line and signature variants ---------------------------------------

TAM_DUONG = """ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN TAM DƯƠNG                      Độc lập - Tự do - Hạnh phúc
Số: 198/BC-UBND                 Tam Dương, ngày   tháng 5 năm 2021

BÁO CÁO
Sơ kết phong trào thi đua, công tác khen thưởng 6 tháng đầu năm,
triển khai nhiệm vụ 6 tháng cuối năm 2021

I. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2021
1. Công tác chỉ đạo
Thực hiện Kế hoạch số 12/KH-UBND ngày 3/2/2021 của UBND huyện Tam Dương, các xã đã triển khai.
II. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2021
- Tiếp tục chỉ đạo.
Trên đây là báo cáo của UBND huyện Tam Dương./.

Nơi nhận:                              TM. ỦY BAN NHÂN DÂN
- UBND tỉnh (b/c);                     KT. CHỦ TỊCH
- TT Huyện ủy, HĐND huyện;             PHÓ CHỦ TỊCH
- Lưu: VT, VP.

                                       **Nguyễn Văn An**
"""


def test_two_column_district_header_with_blank_day_and_kt_signature():
    meta = extract_metadata(TAM_DUONG)
    assert meta.title == (
        "Sơ kết phong trào thi đua, công tác khen thưởng 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2021"
    )
    assert (meta.doc_number, meta.doc_symbol) == ("198/BC-UBND", "BC-UBND")
    assert meta.issuer == "UBND huyện Tam Dương"  # LABELING: issuers in conventional form
    assert (meta.issuer_type, meta.admin_level, meta.locality) == ("peoples_committee", "district", "Tam Dương")
    assert (meta.issue_place, meta.issue_date, meta.issue_date_source) == ("Tam Dương", "2021-05", "date_line")
    assert meta.period == Period(label="6 tháng đầu năm 2021", kind="half_year", year=2021, months=H1)
    assert meta.next_period == Period(label="6 tháng cuối năm 2021", kind="half_year", year=2021, months=H2)
    assert meta.signer == Signer(
        name="Nguyễn Văn An", title="PHÓ CHỦ TỊCH", on_behalf_of="TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"
    )
    assert meta.recipients == ["UBND tỉnh (b/c)", "TT Huyện ủy, HĐND huyện", "Lưu: VT, VP"]


def test_province_department_header_takes_locality_from_the_parent_line():
    text = (
        "UBND TỈNH VĨNH PHÚC\nSỞ TÀI CHÍNH\nSố: 45/BC-STC\n"
        "                         Vĩnh Yên, ngày 15 tháng 6 năm 2022\n"
        "BÁO CÁO TÌNH HÌNH THU CHI NGÂN SÁCH QUÝ II NĂM 2022\n-----\n"
        "I. Tình hình thu ngân sách\nTổng thu đạt 1.000 tỷ đồng.\n"
        "II. Nhiệm vụ trọng tâm quý III\n- Tăng cường thu.\n"
        "Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\nGIÁM ĐỐC\n\n\nTrần Thị Bình\n"
    )
    meta = extract_metadata(text)
    assert meta.title == "TÌNH HÌNH THU CHI NGÂN SÁCH QUÝ II NĂM 2022"
    assert (meta.issuer, meta.issuer_type, meta.admin_level, meta.locality) == (
        "Sở Tài chính tỉnh Vĩnh Phúc",  # a department takes its parent's unit and place (dev gold 10)
        "department",
        "province",
        "Vĩnh Phúc",
    )
    assert (meta.issue_place, meta.issue_date) == ("Vĩnh Yên", "2022-06-15")
    assert meta.period == Period(label="quý II năm 2022", kind="quarter", year=2022, months=[4, 5, 6])
    assert meta.next_period == Period(label="quý III năm 2022", kind="quarter", year=2022, months=[7, 8, 9])
    assert meta.signer == Signer(name="Trần Thị Bình", title="GIÁM ĐỐC", on_behalf_of=None)
    assert meta.recipients == ["UBND tỉnh", "Lưu: VT"]


def test_commune_council_header_with_blank_number():
    text = "HĐND XÃ ĐẠI AN\nSố:    /BC-HĐND\n\nBÁO CÁO\nKết quả hoạt động giám sát tháng 9 năm 2023\n\n1. KQ\n"
    meta = extract_metadata(text)
    assert (meta.doc_number, meta.doc_symbol) == (None, "BC-HĐND")
    assert (meta.issuer, meta.issuer_type, meta.admin_level, meta.locality) == (
        "HĐND xã Đại An",
        "peoples_council",
        "commune",
        "Đại An",
    )
    assert meta.period == Period(label="tháng 9 năm 2023", kind="month", year=2023, months=[9])
    assert meta.next_period is None


def test_party_header_with_numbered_symbol_and_signature_notes():
    text = (
        "ĐẢNG BỘ TỈNH VĨNH PHÚC\nHUYỆN ỦY TAM DƯƠNG\n*\nSố 12-BC/HU\nBÁO CÁO\n"
        "sơ kết quý I năm 2024, phương hướng quý II\nA. KẾT QUẢ\nNội dung.\n"
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n(Đã ký)\nLê Văn Cường\n"
    )
    meta = extract_metadata(text)
    assert (meta.doc_number, meta.doc_symbol) == ("12-BC/HU", "BC/HU")
    assert meta.issuer == "Huyện ủy Tam Dương"
    assert (meta.issuer_type, meta.admin_level) == ("party_committee", "district")
    assert meta.next_period == Period(label="quý II năm 2024", kind="quarter", year=2024, months=[4, 5, 6])
    assert meta.signer == Signer(name="Lê Văn Cường", title="BÍ THƯ", on_behalf_of="T/M BAN THƯỜNG VỤ")


def test_kt_signature_with_nbsp_blank_lines_and_bold_name_is_not_an_issuer():
    text = (
        "BÁO CÁO\nKết quả 9 tháng đầu năm 2022\n\nI. Kết quả\nND.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n"
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\xa0\n \n**Phạm Văn Đức**  \n"
    )
    meta = extract_metadata(text)
    assert meta.signer == Signer(name="Phạm Văn Đức", title="PHÓ CHỦ TỊCH", on_behalf_of="KT. CHỦ TỊCH")
    assert meta.issuer is None and meta.issuer_type is None
    assert meta.recipients == ["Như trên", "Lưu: VT"]
    nine = Period(label="9 tháng đầu năm 2022", kind="nine_months", year=2022, months=list(range(1, 10)))
    assert meta.period == nine


def test_post_date_fills_issue_date_only_without_a_date_line():
    text = (
        "Ngày 05/01/2024 08:00:00\n\nBÁO CÁO\nTổng kết năm 2023 và phương hướng nhiệm vụ năm 2024\n\n"
        "I. Kết quả\nNội dung.\nỦy ban nhân dân xã trân trọng báo cáo./.\n"
    )
    meta = extract_metadata(text)
    assert (meta.post_date, meta.issue_date, meta.issue_date_source) == ("2024-01-05", "2024-01-05", "post_date")
    assert meta.period == Period(label="năm 2023", kind="year", year=2023, months=list(range(1, 13)))
    assert meta.next_period is not None and (meta.next_period.kind, meta.next_period.year) == ("year", 2024)
    assert (meta.issuer, meta.admin_level) == ("UBND xã", "commune")


def test_a_month_without_year_before_a_january_belongs_to_the_previous_year():
    meta = extract_metadata("BÁO CÁO\nKết quả công tác tháng 12, nhiệm vụ tháng 1 năm 2024\n\nI. KẾT QUẢ\n")
    assert meta.period == Period(label="tháng 12 năm 2023", kind="month", year=2023, months=[12])
    assert meta.next_period == Period(label="tháng 1 năm 2024", kind="month", year=2024, months=[1])


def test_sections_supply_periods_the_title_does_not_state():
    text = "BÁO CÁO\nCông tác tuyên giáo\n\nPHẦN I\nNội dung.\nPHẦN II\nNội dung.\n"
    sections = [
        Section(
            id="s1",
            number="PHẦN 1",
            heading="Kết quả công tác quý I năm 2024",
            level=1,
            role="results",
            start=27,
            end=40,
        ),
        Section(id="s2", number="PHẦN 2", heading="Nhiệm vụ quý II", level=1, role="tasks", start=40, end=len(text)),
    ]
    meta = extract_metadata(text, sections)
    assert meta.period == Period(label="quý I năm 2024", kind="quarter", year=2024, months=[1, 2, 3])
    assert meta.next_period == Period(label="quý II năm 2024", kind="quarter", year=2024, months=[4, 5, 6])
    assert extract_metadata(text).period is None  # without sections nothing names the period


def test_a_title_wrapped_over_a_blank_line_is_joined_but_a_body_paragraph_is_not():
    docx_like = (
        " BÁO CÁO\n\nSơ kết thực hiện nhiệm vụ phát triển KT-XH và phong trào thi đua\n\n"
        "6 tháng đầu năm 2018; phương hướng, nhiệm vụ 6 tháng cuối năm 2018\n\nPHẦN THỨ NHẤT\n"
    )
    assert extract_metadata(docx_like).title == (
        "Sơ kết thực hiện nhiệm vụ phát triển KT-XH và phong trào thi đua 6 tháng đầu năm 2018; "
        "phương hướng, nhiệm vụ 6 tháng cuối năm 2018"
    )
    body_after = "BÁO CÁO\nKết quả công tác tháng 5\n\n" + "6 tháng đầu năm, toàn huyện đã " * 8 + "\n"
    assert extract_metadata(body_after).title == "Kết quả công tác tháng 5"


def test_text_without_any_header_gives_empty_metadata_not_an_error():
    meta = extract_metadata("Một đoạn văn không có tiêu đề.\n")
    assert meta == Metadata()


# --- casing and classification ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("ĐẢNG ỦY XÃ XUÂN PHÚ", "Đảng ủy xã Xuân Phú"),
        ("ĐẢNG BỘ HUYỆN THỌ XUÂN", "Đảng bộ huyện Thọ Xuân"),
        ("ỦY BAN NHÂN DÂN HUYỆN TAM DƯƠNG", "Ủy ban nhân dân huyện Tam Dương"),
        ("UBND TỈNH VĨNH PHÚC", "UBND tỉnh Vĩnh Phúc"),
        ("HĐND XÃ ĐẠI AN", "HĐND xã Đại An"),
        ("HUYỆN ỦY TAM DƯƠNG", "Huyện ủy Tam Dương"),
        ("PHÒNG TÀI CHÍNH - KẾ HOẠCH", "Phòng Tài chính - Kế hoạch"),
        ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội"),
        ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM HUYỆN VỤ BẢN", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Vụ Bản"),
        ("Đảng ủy xã Xuân Phú", "Đảng ủy xã Xuân Phú"),
    ],
)
def test_all_caps_header_lines_take_conventional_casing(header, expected):
    assert conventional_case(header) == expected


@pytest.mark.parametrize(
    ("issuer", "issuer_type", "level"),
    [
        ("UBND huyện Triệu Sơn", "peoples_committee", "district"),
        ("Đảng ủy xã Xuân Phú", "party_committee", "commune"),
        ("Ban Thường vụ Huyện ủy", "party_committee", "district"),
        ("Tỉnh uỷ Nam Định", "party_committee", "province"),
        ("HĐND thị trấn Gôi", "peoples_council", "commune"),
        ("Ủy ban MTTQ huyện Vụ Bản", "fatherland_front", "district"),
        ("Sở Tài chính", "department", "province"),
        ("Phòng Tài chính - Kế hoạch", "department", "district"),
        ("UBND thành phố Hà Nội", "peoples_committee", "province"),
        ("UBND thành phố Vĩnh Yên", "peoples_committee", "district"),
    ],
)
def test_issuer_type_and_admin_level_follow_the_body_and_unit_words(issuer, issuer_type, level):
    assert issuer_type_of(issuer) == issuer_type
    assert admin_level_of(issuer) == level


# --- metadata from the body of reports without a header block ------------------------------------


def test_a_page_headline_and_first_sentence_give_issuer_title_date_and_periods():
    text = (
        "UBND xã An Phú tổ chức hội nghị đánh giá kết quả 9 tháng đầu năm 2023\n"
        "Chiều ngày 05/10/2023, UBND xã An Phú tổ chức hội nghị đánh giá tình hình thực hiện nhiệm vụ "
        "9 tháng đầu năm và triển khai nhiệm vụ 3 tháng cuối năm 2023.\n"
        "Tổng giá trị sản xuất ước đạt 120 tỷ đồng.\n"
    )
    meta = extract_metadata(text)
    assert meta.title == "UBND xã An Phú tổ chức hội nghị đánh giá kết quả 9 tháng đầu năm 2023"
    assert (meta.issuer, meta.issuer_type, meta.admin_level, meta.locality) == (
        "UBND xã An Phú",
        "peoples_committee",
        "commune",
        "An Phú",
    )
    assert (meta.issue_date, meta.issue_date_source) == ("2023-10-05", "body")
    assert meta.period == Period(label="9 tháng đầu năm 2023", kind="nine_months", year=2023, months=list(range(1, 10)))
    assert meta.next_period == Period(label="3 tháng cuối năm 2023", kind="quarter", year=2023, months=[10, 11, 12])


def test_a_report_named_in_the_body_gives_the_title_and_a_striving_sentence_the_next_period():
    text = (
        "Kỳ họp thứ 9 HĐND xã Bình Minh\n"
        "Ngày 20/12/2021, HĐND xã Bình Minh tổ chức kỳ họp thứ 9.\n"
        "Báo cáo kết quả thực hiện nhiệm vụ kinh tế - xã hội năm 2021 đánh giá, năm 2021 xã đạt nhiều kết quả.\n"
        "Năm 2022, xã Bình Minh phấn đấu thu nhập bình quân 40 triệu đồng.\n"
    )
    meta = extract_metadata(text)
    assert meta.title == "kết quả thực hiện nhiệm vụ kinh tế - xã hội năm 2021"
    assert (meta.issuer, meta.issuer_type) == ("HĐND xã Bình Minh", "peoples_council")
    assert (meta.period.label, meta.next_period.label) == ("năm 2021", "năm 2022")  # type: ignore[union-attr]


def test_a_date_without_a_year_takes_the_year_of_the_period_and_the_page_time_stays_apart():
    text = (
        "14-04-2024 - 09:15\n\nBCH đảng bộ xã họp đánh giá công tác quý 1 năm 2024.\n\n"
        "Sáng 10/4, BCH Đảng bộ xã họp đánh giá kết quả quý 1, phương hướng, nhiệm vụ quý 2 năm 2024.\n"
    )
    meta = extract_metadata(text)
    assert (meta.issuer, meta.issuer_type, meta.locality) == ("BCH Đảng bộ xã", "party_committee", None)
    assert (meta.issue_date, meta.issue_date_source, meta.post_date) == ("2024-04-10", "body", "2024-04-14")
    assert meta.title == "BCH đảng bộ xã họp đánh giá công tác quý 1 năm 2024"
    assert meta.next_period == Period(label="quý 2 năm 2024", kind="quarter", year=2024, months=[4, 5, 6])


def test_months_other_than_six_and_nine_are_periods_of_kind_other():
    text = (
        "Đảng ủy xã họp đánh giá 7 tháng đầu năm và nhiệm vụ 5 tháng cuối năm 2019\nChiều ngày 12/8/2019, hội nghị.\n"
    )
    meta = extract_metadata(text)
    assert meta.period == Period(label="7 tháng đầu năm 2019", kind="other", year=2019, months=list(range(1, 8)))
    assert meta.next_period == Period(label="5 tháng cuối năm 2019", kind="other", year=2019, months=list(range(8, 13)))


def test_the_opening_sentence_completes_a_wrapped_header_name_and_a_steering_committee_is_other():
    text = (
        "UBND TỈNH HÒA BÌNH\n\nBAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, \n\nCHUYỂN ĐỔI SỐ\n\n"
        "Số:   /BC-BCĐ\n\nBÁO CÁO\n\nKết quả thực hiện tháng 5/2025\n\n"
        "Thực hiện chỉ đạo của tỉnh; Ban chỉ đạo phát triển khoa học, công nghệ, chuyển đổi số tỉnh Hòa Bình "
        "(sau đây viết tắt là Ban Chỉ đạo tỉnh) báo cáo kết quả như sau:\n\nI. KẾT QUẢ\n"
    )
    meta = extract_metadata(text)
    assert meta.issuer == "Ban chỉ đạo phát triển khoa học, công nghệ, chuyển đổi số tỉnh Hòa Bình"
    assert meta.issuer_type == "other"


def test_addressees_recipients_wrapped_and_a_second_title_under_the_signature():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 12 /BC-UBND\nBÁO CÁO\nCông tác năm 2024\n"
        "Kính gửi:\n- Bộ Tài chính;\n- Bộ Công Thương.\n\nI. KẾT QUẢ\nNội dung.\n"
        "Nơi nhận:\n- Như trên;\n- Các sở: Tài chính,\n\nXây dựng, Công Thương;\n- Lưu: VT.\n"
        "TM. BAN CHỈ ĐẠO\nPHÓ TRƯỞNG BAN\n\nPHÓ CHỦ TỊCH UBND TỈNH\n\nTrần Văn Nam\n"
    )
    meta = extract_metadata(text)
    assert meta.addressees == ["Bộ Tài chính", "Bộ Công Thương"]
    assert meta.recipients == ["Như trên", "Các sở: Tài chính, Xây dựng, Công Thương", "Lưu: VT"]
    assert meta.signer == Signer(name="Trần Văn Nam", title="PHÓ TRƯỞNG BAN", on_behalf_of="TM. BAN CHỈ ĐẠO")
    assert (meta.doc_number, meta.issuer) == ("12/BC-UBND", "UBND tỉnh An Giang")


def test_a_portal_signer_line_names_the_signer_when_the_signature_is_cut_off():
    text = "Người ký Lê Thị Hoa\nNội dung\n\nỦY BAN NHÂN DÂN\nXÃ AN HÒA\nBÁO CÁO\nKết quả quý I/2024\n\nI. Kết quả\n"
    assert extract_metadata(text).signer == Signer(name="Lê Thị Hoa")


def test_the_task_part_lead_in_gives_the_next_period_its_heading_does_not_state():
    text = (
        "BÁO CÁO\nKết quả triển khai Đề án tháng 8/2025\n\nI. KẾT QUẢ\nNội dung.\n"
        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI\nTrong tháng 9/2025, tập trung thực hiện các nhiệm vụ sau:\n"
        "1. Công an tỉnh\n- Tiếp tục rà soát dữ liệu.\n"
    )
    meta = extract_metadata(text, split_sections(text).sections)
    assert meta.next_period == Period(label="tháng 9/2025", kind="month", year=2025, months=[9])


def test_a_programme_review_over_several_years_has_a_multi_year_period():
    meta = extract_metadata(
        "BÁO CÁO\nTổng kết Chương trình phòng, chống tội phạm giai đoạn 2021 - 2025\n\nI. KẾT QUẢ\n"
    )
    assert meta.period == Period(label="giai đoạn 2021 - 2025", kind="multi_year", year=None, months=[])


def test_header_rows_written_as_table_cells_give_issuer_number_and_date():
    text = (
        "UBND TỈNH LÂM ĐỒNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ TÀI CHÍNH | Độc lập - Tự do - Hạnh phúc\n"
        "Số: 45/BC-STC | Lâm Đồng, ngày 12 tháng 3 năm 2025\n\nBÁO CÁO\nCông tác quý I năm 2025\n\nI. KẾT QUẢ\n"
    )
    meta = extract_metadata(text)
    assert (meta.issuer, meta.issuer_type, meta.locality) == ("Sở Tài chính tỉnh Lâm Đồng", "department", "Lâm Đồng")
    assert (meta.doc_number, meta.issue_place, meta.issue_date) == ("45/BC-STC", "Lâm Đồng", "2025-03-12")


def test_a_web_pages_h1_title_is_the_headline_of_its_lead():
    text = "Trang chủ | Tin tức\nSáng 12/3, HĐND xã An Lạc tổ chức kỳ họp đánh giá kết quả quý I năm 2024.\nNội dung.\n"
    meta = extract_metadata(text, page_title="HĐND xã An Lạc họp kỳ thứ 12 quý I năm 2024")
    assert (meta.title, meta.issuer, meta.issue_date) == (
        "HĐND xã An Lạc họp kỳ thứ 12 quý I năm 2024",
        "HĐND xã An Lạc",
        "2024-03-12",
    )


def test_a_title_line_ending_in_a_comma_goes_on_after_a_blank_line():
    text = "BÁO CÁO\n\nTình hình thực hiện các chỉ số PAR Index, SIPAS,\n\nPAPI, PCI của tỉnh An Giang\n\nI. KẾT QUẢ\n"
    assert (
        extract_metadata(text).title == "Tình hình thực hiện các chỉ số PAR Index, SIPAS, PAPI, PCI của tỉnh An Giang"
    )


def test_an_association_under_its_province_with_a_blank_number_and_a_two_line_term_title():
    text = (
        "UBND TỈNH BÌNH THUẬN\nHIỆP HỘI DOANH NGHIỆP\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập – Tự do – Hạnh phúc\n\nSố:……../BC-K4\n\nBình Thuận, ngày tháng 6 năm 2025\nBÁO CÁO\n\n"
        "TỔNG KẾT HOẠT ĐỘNG NHIỆM KỲ IV (2019-2025)\n\nVÀ PHƯƠNG HƯỚNG HOẠT ĐỘNG NHIỆM KỲ V (2025-2030)\n\n"
        "----------\n\nPHẦN I:\n\nTÌNH HÌNH HOẠT ĐỘNG\n\nHiệp hội đã kết nạp 49 hội viên.\n"
    )
    meta = extract_metadata(text, split_sections(text).sections)
    assert meta.issuer == "Hiệp hội Doanh nghiệp tỉnh Bình Thuận" and meta.issuer_type == "other"
    assert (meta.doc_number, meta.doc_symbol) == (None, "BC-K4")
    assert meta.title == ("TỔNG KẾT HOẠT ĐỘNG NHIỆM KỲ IV (2019-2025) VÀ PHƯƠNG HƯỚNG HOẠT ĐỘNG NHIỆM KỲ V (2025-2030)")
    assert meta.period is not None and meta.period.kind == "multi_year" and "2019-2025" in meta.period.label
    assert meta.next_period is not None and "2025-2030" in meta.next_period.label


def test_a_submission_takes_its_title_from_under_to_trinh():
    text = (
        "UBND TỈNH BÌNH THUẬN\nSỞ NỘI VỤ\nSố: 3367/TTr-SNV\n\nBình Thuận, ngày 28 tháng 11 năm 2024\n\nTỜ TRÌNH\n\n"
        "Báo cáo, đề xuất phương án xử lý các hội quần chúng cấp tỉnh\n\nKính gửi: Chủ tịch Ủy ban nhân dân tỉnh\n\n"
        "1. Căn cứ pháp lý\nNgày 08/10/2024, Chính phủ ban hành Nghị định số 126/2024/NĐ-CP.\n"
    )
    meta = extract_metadata(text, split_sections(text).sections)
    assert meta.title == "Báo cáo, đề xuất phương án xử lý các hội quần chúng cấp tỉnh"
    assert meta.issuer == "Sở Nội vụ tỉnh Bình Thuận" and meta.doc_number == "3367/TTr-SNV"
