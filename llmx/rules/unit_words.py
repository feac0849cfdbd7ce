"""The lexicon of units (genre-notes 5): measures, counted nouns, classifiers. Data only; `units.py`
matches them. `tháng`, `năm`, `ngày`, `tuổi` are deliberately absent: a figure followed by them is a
time span or an age, never a quantity of the period."""

from __future__ import annotations

# Measures: the unit says what kind of quantity it is, so the name never repeats it.
MEASURES: tuple[str, ...] = (
    "tỷ đồng",
    "tỉ đồng",
    "triệu đồng",
    "nghìn đồng",
    "ngàn đồng",
    "đồng",
    "tỷ đ",  # `850 tỷ đ`: the money unit abbreviated, never the scale `tỷ` and a stray letter
    "tỉ đ",
    "triệu đ",
    "nghìn đ",
    "ngàn đ",
    "tỷ",
    "tỉ",
    "đ",
    "triệu usd",
    "tỷ usd",
    "nghìn usd",
    "usd",
    "ha",
    "héc ta",
    "hecta",
    "m2",
    "m²",
    "m3",
    "m³",
    "km2",
    "km",
    "cây số",  # `làm mới 12 cây số đường` (km), never 12 trees
    "sào",  # `cấy 45 sào lúa`: the northern land measure
    "m",
    "kg",
    "gam",
    "gram",
    "mg",
    "g",
    "tấn",
    "nghìn tấn",
    "tạ",
    "tấn.km",  # `khối lượng hàng hóa luân chuyển 186,4 triệu tấn.km`
    "triệu tấn.km",
    "nghìn tấn.km",
    "hk.km",  # `luân chuyển 95,2 triệu HK.km`
    "triệu hk.km",
    "nghìn hk.km",
    "lít",
    "mét",  # `Dây nổ: 429.095 mét`
    "kw",
    "cv",  # horsepower (mã lực) of fishing boats: `tổng công suất 68.400 CV`
    "triệu kwh",
    "nghìn kwh",
    "kwh",
    "mw",
    "%",
    "‰",
)

# Counting nouns: what is counted; a name built from a verb alone ("kết nạp") keeps them.
COUNTS: tuple[str, ...] = (
    # people
    "lượt truy cập",  # `1.396.287 lượt truy cập`
    "lượt hồ sơ",
    "lượt người",
    "lượt công dân",
    "lượt chi bộ",
    "lượt hộ",
    "lượt xe",
    # `lượt` with the noun of who or what each turn counts is the unit as written (SPEC 4: `lượt người`); with an
    # activity after it (`18 lượt kiểm tra`, `lượt tra cứu`) the unit is `lượt` and the activity names the figure
    "lượt khách",  # `126.500 lượt khách du lịch`
    "lượt",
    "người lao động",
    "người có công",
    "người",
    "công dân",
    "lao động",
    "bị can",
    "bị cáo",
    "thanh niên",
    "tân binh",  # `giao 35 tân binh`
    "phụ nữ",  # `khám sàng lọc cho 210 phụ nữ`
    "đối tượng",
    "cá nhân",
    "tập thể",
    "đơn vị, doanh nghiệp",
    "ubnd cấp xã",  # `38/124 UBND cấp xã`
    "đơn vị máu",  # `hiến 415 đơn vị máu`
    "đơn vị",
    "sở, ban, ngành",
    "sở, ngành",
    "sở",
    "đảng viên",
    "quần chúng ưu tú",
    "quần chúng",
    "đ/c",
    "đồng chí",
    "tình nguyện viên",
    "hội viên",
    "thành viên",  # `Ban Chấp hành có 21 thành viên`
    "ủy viên",  # `Ban Chấp hành gồm 15 ủy viên`
    "uỷ viên",
    "lãnh đạo",  # `bổ nhiệm 157 lãnh đạo cấp sở`
    "biên chế",  # `Số biên chế được giao: 326 biên chế`
    "phòng chuyên môn",
    "mục tiêu",  # `đề ra 22 mục tiêu chiến lược`
    "chương trình",
    "kỳ họp",
    "kỳ",  # `tổ chức 02 kỳ đối thoại`
    "nhân viên",
    "doanh nhân",
    "hiệp hội",
    "hội",  # associations (`16 hội`, `05 hội đã tổ chức đại hội`); `hội nghị`, `hội viên` are longer
    "đoàn viên",
    "học sinh",
    "sinh viên",
    "giáo viên",
    "học viên",
    "cán bộ",
    "công chức",
    "viên chức",
    "bệnh nhân",
    "trẻ em",
    "trẻ",
    "em",  # `Tổng số học sinh 12.500 em`
    "cháu",
    "hộ chiếu",  # `cấp 245 hộ chiếu` (passports), never 245 households
    "hộ dân",
    "hộ gia đình",
    "hộ",
    "gia đình",
    "nhân khẩu",
    "khẩu",
    "chi bộ",
    "chi hội",  # `thành lập mới 08 chi hội`
    "chi đoàn",
    "tổ chức cơ sở đảng",
    "đảng bộ cơ sở",  # `gồm 28 đảng bộ cơ sở và 28 chi bộ cơ sở`
    "chi bộ cơ sở",
    "đảng bộ",
    "tổ chức đảng",
    "chiến sĩ",
    "chiến sỹ",
    "bác sĩ",
    "đại biểu",
    "cử tri",
    "thí sinh",
    "vận động viên",
    "gia đình chính sách",
    "cụ",  # `chúc thọ, mừng thọ cho 245 cụ cao tuổi`
    # places and organisations
    "xã, thị trấn",
    "xã",
    "thị trấn",
    "phường",
    "đặc khu",
    "thôn",
    "xóm",
    "tổ dân phố",
    "khu dân cư",
    "làng",
    "khu công nghiệp",  # `có 3 khu công nghiệp với tổng diện tích ...`
    "cụm",
    "trường",
    "cơ sở khám chữa bệnh",
    "cơ sở khám, chữa bệnh",
    "cơ sở",
    "cơ quan chuyên môn",
    "cqcm",  # `14/14 CQCM cấp tỉnh`
    "cơ quan",
    "doanh nghiệp",
    "dn",
    "hợp tác xã",
    "liên hiệp hợp tác xã",  # `15 liên hiệp hợp tác xã và 6.780 tổ hợp tác`
    "htx",
    "điểm mỏ",
    "mỏ",
    "khu vực",
    "đoàn",
    "tàu cá",
    "tàu",
    "chợ",
    "siêu thị",  # `12 chợ, 3 siêu thị, 1 trung tâm thương mại`
    "trung tâm thương mại",
    "cửa hàng",
    "trạm",
    "trang trại",
    "gia trại",
    "câu lạc bộ",
    "clb",
    "tổ chức",
    "tổ công tác",  # `thành lập 06 Tổ công tác`
    "tổ hợp tác",  # `thành lập 2 tổ hợp tác`: the group, not a `tổ` of it
    "đội",  # `Giải bóng đá cho 24 đội`, `15 đội xung kích`
    "tổ",
    "điểm",
    "nhóm",
    "trường học",
    "phòng học",  # `xây mới 12 phòng học`
    "chi cục",  # `14 sở, 12 chi cục`
    "nhà máy",
    "nhà hàng",
    "hộ kinh doanh",
    "lớp học",
    # dossiers, cases, documents
    "bộ hồ sơ",  # `nhận được 02 bộ hồ sơ đề nghị cấp giấy phép`
    "hồ sơ",
    "phiếu khảo sát",  # `tiếp nhận hơn 40.000 phiếu khảo sát`
    "phiếu",
    "ý kiến",  # `tiếp thu 25 ý kiến góp ý`
    "hành vi",  # `xử phạt 02 hành vi vi phạm`
    "phản ánh, kiến nghị",  # `788/788 phản ánh, kiến nghị đã được trả lời`
    "phản ánh",
    "kiến nghị",
    "đề xuất",  # `06/139 đề xuất đã được xử lý`
    "đơn thư",
    "đơn",
    "vụ việc",
    "vụ",
    # crime groups and drug seizures: `triệt xóa 04 tụ điểm`, `triệt phá 3 ổ nhóm`, `02 đường dây`, `12 bánh heroin`
    "tụ điểm",
    "ổ nhóm",
    "băng nhóm",
    "đường dây",
    "bánh",
    "ổ dịch",  # `xảy ra 03 ổ dịch tả lợn châu Phi`, `phát sinh 04 ổ dịch cúm gia cầm`
    "việc",
    "trường hợp",
    "ca",  # `186 ca sốt xuất huyết`, `tăng 94 ca so với cùng kỳ`
    "bản kê khai",
    "chữ ký",  # `chứng thực 1.234 bản sao, 56 chữ ký, 12 hợp đồng giao dịch`
    "hợp đồng",
    "cặp",  # `đăng ký kết hôn 18 cặp`
    "giấy chứng nhận",
    "giấy phép",
    "chứng chỉ",  # `cấp 95 chứng chỉ nghề`
    "giấy xác nhận",
    "giấy chuyển tuyến",
    "giấy hẹn khám lại",
    "giấy khen",
    "bằng khen",
    "giấy",
    "gcn",
    "thửa",
    "lô đất",
    "lô",
    "căn cước công dân",
    "cccd",
    "mã định danh cá nhân",
    "mã định danh",
    "văn bản",
    "quyết định",
    "kế hoạch",
    "công văn",
    "nghị quyết",
    "báo cáo",
    "tờ trình",
    "thông báo",
    "chỉ thị",
    "kết luận",
    "phương án",
    "đề án",
    "dự án",
    "công trình",
    "hạng mục công trình",
    "hạng mục",
    "mô hình",
    "tiêu chí",
    "chỉ tiêu",
    "thủ tục hành chính",
    "thủ tục",
    "tthc",
    "dịch vụ công trực tuyến",
    "dịch vụ công",
    "dịch vụ",
    "tài khoản",
    "thuê bao",
    "thẻ bảo hiểm y tế",
    "thẻ bhyt",
    "thẻ",
    "tờ khai",
    "dữ liệu",
    "thông tin",
    "nhiệm vụ",
    "dự thảo",
    "bản",
    "sổ sức khỏe điện tử",
    "sổ",
    "tin, bài",
    "tin bài",
    "tin báo",  # `tiếp nhận 45 tin báo, tố giác về tội phạm` (crime reports, not news items)
    "tin",
    "bài viết",
    "phóng sự",
    "bài",
    "buổi",
    "đợt",
    "cuộc họp",
    "cuộc",
    "phiên",
    "lần",
    "hội nghị",
    "lớp",
    "sản phẩm",
    "sáng kiến",  # `công nhận 35 sáng kiến`
    "đề tài",
    "huy chương",  # `đạt 12 huy chương các loại`
    "tiết mục",  # `45 tiết mục văn nghệ`
    "tác phẩm",
    "di tích",  # `03 di tích được xếp hạng cấp tỉnh`
    "đầu sách",
    "cuốn",  # `tiếp nhận 1.250 cuốn sách`
    "mẫu",  # `lấy 120 mẫu thực phẩm`, `xét nghiệm 45 mẫu`
    "gian hàng",
    "giải",
    "suất quà",
    "xuất quà",
    "suất",
    "phần quà",
    "băng zôn",
    "băng rôn",
    "câu khẩu hiệu",
    "khẩu hiệu",
    "pano",
    "panno",
    "panô",
    "áp phích",
    "tờ rơi",
    # things
    "con",
    "cây",
    "nhà văn hóa",
    "nhà văn hoá",
    "nhà tình nghĩa",
    "nhà đại đoàn kết",
    "nhà",
    "căn nhà",
    "căn hộ",
    "căn",
    "phương tiện",
    "cầu thủ",
    "cầu",  # `xây dựng 05 cầu dân sinh`
    "giếng",
    "bóng đèn",  # `lắp đặt 120 bóng đèn chiếu sáng`
    "lồng",  # `duy trì 85 lồng nuôi cá`
    "xe máy",
    "xe",
    "thiết bị",  # `lắp 02 thiết bị rửa mắt`
    "máy móc",
    "máy",  # `tịch thu 3 máy xúc`, `01 máy bơm chữa cháy`
    "bình chữa cháy",  # `trang bị 04 bình chữa cháy` (not `bình quân`)
    "chiếc",
    "chai",
    "quả",  # `Mồi nổ: 85.095 quả`
    "viên",  # `thu giữ 3.450 viên ma túy tổng hợp`
    "kho",  # `tổng số lượng kho: 58 kho`
    "bộ máy vi tính",
    "bộ phận",  # `thành lập 03 bộ phận`, not the bare `bộ`
    "bộ",  # sets: `+2 bộ so với cùng kỳ` (of `bộ hồ sơ`); a number never comes before `Bộ Tài chính`
    "cái",
    "tuyến",
    "liều",
    "mũi",
    "ngày công",
    "giường bệnh",  # `32 giường bệnh/vạn dân`
    "giường",
    "bậc",  # `xếp hạng 19/63, tăng 2 bậc so với năm 2023`
    "hạng",
)

# Classifiers that say nothing by themselves: a name never ends in them.
CLASSIFIERS = frozenset(
    {"con", "người", "đ/c", "đồng chí", "cái", "chiếc", "lượt", "lần", "quả", "em", "liều", "mũi", "viên"}
)
# Counts of indicators, criteria or quotas: `đạt từ 50% kế hoạch trở lên` after them is a threshold.
META_UNITS = frozenset({"chỉ tiêu", "tiêu chí"})
# Scale words a count is written with (`1,2 triệu lượt`, `410 nghìn con`, `2,5 vạn lượt`; `tỷ` too, but `tỷ
# đồng` is a money unit of its own): a regex alternation, each reader adding how `tỷ` is told from `tỷ đồng`.
SCALE_WORDS = r"triệu|nghìn|ngàn|vạn"
# ... as read in running text right after a number (a figure's own, `2,1 tỷ tấn`, or a change's, `tăng 0,2 tỷ
# tấn`): `tỷ` scales a count unless the money unit `tỷ đồng`/`tỷ USD`/`tỷ đ` follows.
SCALE_OF_COUNT = rf"{SCALE_WORDS}|t[ỷỉ](?!\s+(?:đồng|usd|đ)(?!\w))"
