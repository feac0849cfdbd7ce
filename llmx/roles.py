"""What each part of a report is for (SPEC 3 `role`), from its heading words. Pure.

Role keywords lie when read one by one (`II. Nhiệm vụ phát triển kinh tế - xã hội` inside a
results part is results; `Giải pháp, kiến nghị` heads the province's own measures), so:

* A top-level part that names next-period work (`phương hướng`, `nhiệm vụ trọng tâm`,
  `giải pháp`, `nhiệm vụ ... thời gian tới`, `yêu cầu thời gian tới`, `một số công việc trọng tâm`, `kế hoạch
  thực hiện tháng 4`, `dự kiến kế hoạch ...`, `triển khai nhiệm vụ ...`) is `tasks` unless it opens with what was done
  (`KẾT QUẢ ...`, `TÌNH HÌNH THỰC HIỆN ...`); `DỰ BÁO TÌNH HÌNH VÀ MỘT SỐ NHIỆM VỤ, GIẢI PHÁP` is tasks.
* A sub-heading that names next-period work (`b) Nhiệm vụ trong thời gian tới` under a sector of
  a results part) is tasks; under a task part, a sub-heading that opens with a verb (`3. Khắc phục
  những hạn chế ...`) stays tasks whatever role words follow.
* Otherwise the earliest role word of the heading decides (`Tồn tại, khó khăn và nguyên nhân` is
  limitations, `Đánh giá chung về thuận lợi, khó khăn` results, `Giải pháp, kiến nghị` tasks).
  Words in parentheses only list contents (`(thực trạng, nguyên nhân, giải pháp)`) and are ignored,
  and so is a weakness word that is the object of an action (`Tháo gỡ khó khăn cho doanh nghiệp`,
  `Để hạn chế đá văng ...`): such a heading names work, not shortfalls.
* A plan's parts that assign the work are tasks too: `MỤC TIÊU, NHIỆM VỤ`, `CHỈ TIÊU, NHIỆM VỤ`,
  `TỔ CHỨC THỰC HIỆN` (who does what in the coming period).
* A part's heading that only cites someone's proposal (`1. Thống nhất tổ chức Hội nghị theo đề xuất
  của Trung tâm`) or names a dossier (`2. Đối với việc lập hồ sơ đề xuất điều chỉnh dự án`) does not
  make it a proposals part.
* A charter's `NHIỆM VỤ, QUYỀN HẠN, NGHĨA VỤ` (standing duties and powers) is `other`.
* A submission's grounds (`Căn cứ pháp lý`, `Cơ sở pháp lý đề xuất ...`, `Sự cần thiết ...`) are
  `preamble`; a part opening with `Đề xuất`/`Kiến nghị` is `proposals` even when it names tasks
  (`ĐỀ XUẤT NHIỆM VỤ, GIẢI PHÁP ...`), one naming its shortfalls before its remedies (`TỒN TẠI,
  HẠN CHẾ ... VÀ GIẢI PHÁP KHẮC PHỤC`) `limitations`; `do chủ đầu tư đề xuất` proposes nothing; a part headed
  `1. Đề nghị Bộ Công Thương` lists what that body is asked for: `proposals`.
* Under a task part a child's results word does not flip it: the top-level part decides.
* In a plan (`KẾ HOẠCH` in the header) the untitled parts are the work it sets (`tasks`) and its
  aims (`MỤC ĐÍCH, YÊU CẦU`, `QUAN ĐIỂM`) are `other`.
* A top-level part that says nothing is `results` before the first task part (`I. CÔNG TÁC CHỈ
  ĐẠO, TRIỂN KHAI`) and `other` after it; a sub-heading that says nothing inherits its parent's.
  In a document whose opening says the parts below are directives (`... kết luận và chỉ đạo như
  sau:`, a conclusion notice), such a part is `tasks` unless it opens with an assessment
  (`1. Đánh giá chung`).
"""

from __future__ import annotations

import re

from llmx.contract import Role
from llmx.vn import DIRECTIVE_START, WEAK_NAMES

_TASK_PART = re.compile(
    r"phương hướng|giải pháp|nhiệm vụ trọng tâm|nhiệm vụ chủ yếu|nhiệm vụ.*(?:cuối năm|thời gian tới|năm tới)|"
    r"(?:kế hoạch|yêu cầu).*(?:cuối năm|thời gian tới)|^(?:những |các |một số )?nhiệm vụ(?!.*\bđã\b)|"
    r"^(?:mục tiêu|chỉ tiêu)\W+(?:và\s+)?nhiệm vụ|^tổ chức thực hiện|"
    r"công tác trọng tâm|trọng tâm công tác|chương trình công tác|^định hướng|"
    r"phân công (?:thực hiện |triển khai )?(?:các )?nhiệm vụ|"
    r"^(?:dự kiến\s+)?kế hoạch\s+(?:công tác\s+|thực hiện\s+|hoạt động\s+)?(?:tháng|quý|năm)|"
    # `MỘT SỐ CÔNG VIỆC TRỌNG TÂM THỜI GIAN TỚI`, `DỰ KIẾN NHIỆM VỤ THÁNG 4`, `TRIỂN KHAI NHIỆM VỤ THÁNG 4`
    r"(?:công việc|kế hoạch|nội dung) (?:trọng tâm|chủ yếu)|^lịch công tác|"
    r"^dự kiến\s+(?:các\s+)?(?:nhiệm vụ|công việc|nội dung công tác|chương trình|lịch)|"
    r"^triển khai\s+(?:các\s+|một số\s+)?nhiệm vụ|"
    r"(?:tập trung|cần làm)[^.]*(?:thời gian tới|(?:tháng|quý|năm) tới|cuối năm)|"
    r"^(?:những |các |một số )?(?:công )?việc cần (?:làm|thực hiện|triển khai)",
    re.I,
)
_DONE_FIRST = re.compile(r"^(?:kết quả|tình hình (?:tổ chức )?thực hiện|đánh giá|sơ kết|tổng kết)", re.I)
_PROPOSED_FIRST = re.compile(r"^(?:kiến nghị|đề xuất)", re.I)  # `ĐỀ XUẤT NHIỆM VỤ, GIẢI PHÁP ...` proposes
_PARENS = re.compile(r"\([^()]*\)")
_WEAK = rf"(?:{WEAK_NAMES})"
# `Để hạn chế đá văng ...`, `3. Tháo gỡ khó khăn, vướng mắc cho doanh nghiệp`: a weakness word as the object of
# what is done (or `hạn chế` as a verb) names no part of shortfalls
_LIMITING = r"(?:(?<=để )|(?<=nhằm )|(?<=góp phần )|(?<=biện pháp )|(?<=giải pháp ))hạn chế"
ACTED_ON = re.compile(
    rf"(?<!\w)(?:{_LIMITING}|hạn chế\s+(?:tối đa|đến mức thấp nhất)|(?:tháo gỡ|khắc phục|giải quyết|xử lý)\s+"
    rf"(?:(?:các|những|một số|dứt điểm|tối đa)\s+)?{_WEAK}(?:\s*(?:,|và)\s*{_WEAK})*)(?!\w)",
    re.I,
)
# `Thành phần hồ sơ do chủ đầu tư đề xuất`: what another body proposed is no proposal of the report
_PROPOSED_BY = re.compile(r"(?<!\w)(?:do|được|đã)\s+(?:[^,;:()]{1,40}?\s+)?đề xuất", re.I)
# a charter's `NHIỆM VỤ, QUYỀN HẠN, NGHĨA VỤ CỦA HỘI`: standing duties and powers, not next-period work
_STANDING = re.compile(
    r"(?:chức năng,?\s+)?nhiệm vụ,?\s+(?:và\s+)?(?:quyền hạn|quyền lợi|quyền|nghĩa vụ)|"
    r"quyền(?: hạn)?(?:,| và) nghĩa vụ",
    re.I,
)
# `theo đề xuất của Trung tâm ...`: a cited proposal, not what the part is for
_CITED = re.compile(
    r"(?:theo|trên cơ sở)\s+(?:đề xuất|kiến nghị|đề nghị)\s+của\b.*$|hồ sơ\s+(?:đề xuất|đề nghị|kiến nghị)", re.I
)
# the units a directive is addressed to, the levels below (not `UBND tỉnh`, `các sở, ngành` of a report to them)
_BELOW = (
    r"(?:các|toàn thể|thủ trưởng các|(?:Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân)\s+các)\s+(?:cơ quan|đơn vị|phòng|ban|xã|"
    r"phường|thị trấn|thôn|bản|tổ dân phố|khu phố|chi bộ|tổ chức|đảng bộ|đoàn thể|trường|cấp ủy|ngành|hội|địa phương)"
    r"(?!\w)"
)
# the opening of a conclusion notice or a directive letter: the parts below it are directives
DIRECTED = re.compile(
    r"(?:(?<!theo )(?<!nội dung )(?:kết luận|chỉ đạo)(?:\s+và\s+(?:chỉ đạo|giao nhiệm vụ))?\s+(?:cụ thể\s+)?"
    # `Chủ tịch UBND tỉnh yêu cầu các cơ quan, đơn vị thực hiện một số nội dung như sau:` (a directive letter),
    # not `Thực hiện yêu cầu của Sở ..., UBND xã báo cáo kết quả như sau:`
    r"|(?<!thực hiện )(?<!theo )(?<!các )yêu cầu\s(?:(?!báo cáo|kết quả|tình hình|tổng hợp)[^.:\n]){0,200}?)"
    # (`UBND tỉnh yêu cầu các sở, ngành tập trung thực hiện một số nội dung sau:`)
    r"(?:như sau|sau đây|(?:nội dung|nhiệm vụ|công việc|giải pháp)(?:\s+(?:trọng tâm|cụ thể|chủ yếu))?\s+sau)\s*:\s*$"
    # `Chủ tịch UBND tỉnh thống nhất chủ trương ..., theo đó, yêu cầu:` (a sentence, not a plan's `Yêu cầu:`)
    r"|(?:UBND|Ủy ban nhân dân|Chủ tịch|theo đó,?)[^:\n]{0,200}?\syêu cầu\s*:\s*$"
    # `UBND xã yêu cầu các phòng, đơn vị:`, `đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:` (the
    # units below named before the colon; not `đã yêu cầu ...`, not a request to `các cơ quan Trung ương`)
    r"|(?<!đã )(?<!được )(?<!thực hiện )(?<!theo )(?:yêu cầu|đề nghị)\s+"
    rf"{_BELOW}(?![^:\n]*(?:cấp trên|[Tt]rung ương))[^.:\n]{{0,200}}:\s*$",
    re.I,
)
# bodies a heading may ask something of (the levels below, `UBND các xã`, are directed, not asked)
_ASKED_BODY = (
    r"(?:Bộ|UBND|HĐND|[ỦU][yỷ]\s+ban|Thủ\s+tướng|Chính\s+phủ|Quốc\s+hội|Sở|Tỉnh\s+[ủu][yỷ]|Trung\s+ương|"
    r"Tổng\s+cục|Cục|cấp\s+trên|các\s+Bộ)(?!\w)(?!\s+các\s+(?:xã|phường|thị\s+trấn))"
)
_CUES: list[tuple[Role, re.Pattern[str]]] = [
    # a submission's grounds (`Căn cứ pháp lý liên quan`, `Cơ sở pháp lý đề xuất ...`, `Sự cần thiết ...`)
    ("preamble", re.compile(r"^(?:(?:căn cứ|cơ sở) pháp lý|sự cần thiết)", re.I)),
    ("other", re.compile(r"dự báo", re.I)),
    ("limitations", re.compile(r"hạn chế|tồn tại|yếu kém|khó khăn|vướng mắc|bất cập|yếu tố ảnh hưởng", re.I)),
    ("causes", re.compile(r"nguyên nhân", re.I)),
    ("lessons", re.compile(r"bài học", re.I)),
    # `Từ các nội dung trên, Sở Nội vụ tham mưu Chủ tịch UBND tỉnh các nội dung sau`: what a body proposes
    (
        "proposals",
        re.compile(
            r"kiến nghị|đề xuất|kính trình|tham mưu\s+(?:Chủ tịch|UBND|Ủy ban)[^.]*(?:nội dung|như) sau|"
            # `1. Đề nghị Bộ Công Thương`: a part listing what that body is asked for (not `Đề nghị UBND các xã`)
            rf"^(?:kính\s+)?đề\s+nghị\s+(?:với\s+)?{_ASKED_BODY}",
            re.I,
        ),
    ),
    # `Nhóm giải pháp chính trị, xã hội` under a results part reports what was done
    (
        "tasks",
        re.compile(
            # `2. Yêu cầu đối với chủ đầu tư` (an inspection notice): what the body must do next
            r"phương hướng|^giải pháp|giải pháp (?:chủ yếu|trọng tâm)|nhiệm vụ (?:trọng tâm|chủ yếu)|"
            # (not a law's `Yêu cầu đối với cơ sở kiểm nghiệm`: conditions)
            r"^yêu cầu đối với (?:chủ đầu tư|nhà đầu tư|nhà thầu|công ty|doanh nghiệp|đơn vị)|"
            # `b) Nhiệm vụ trong thời gian tới` under a sector of a results part
            # `II. Yêu cầu thời gian tới` (an inspection's report): what the bodies must do next
            r"(?:nhiệm vụ|kế hoạch|yêu cầu|công việc)[^.]{0,40}?"
            r"(?:thời gian tới|sắp tới|(?:tháng|quý|năm) tới|tiếp theo|cuối năm|còn lại)|"
            r"công tác trọng tâm|trọng tâm công tác|^nhiệm vụ,? (?:và )?giải pháp|"
            # `Những việc cần làm ngay trong tháng 12/2025`: the work ahead, at any level
            r"^(?:những |các |một số )?(?:công )?việc cần (?:làm|thực hiện|triển khai)",
            re.I,
        ),
    ),
    ("results", re.compile(r"kết quả|tình hình|thuận lợi|ưu điểm|đạt được|thực trạng|đầu năm|sơ kết|tổng kết", re.I)),
]
_PREAMBLE = re.compile(r"đặc điểm", re.I)  # only when nothing else is said (`ĐẶC ĐIỂM TÌNH HÌNH` is results)


def own_role(heading: str, *, top: bool) -> Role | None:
    """The role a heading states itself, or None when it says nothing."""
    words = ACTED_ON.sub(" ", _PROPOSED_BY.sub(" ", _CITED.sub(" ", _PARENS.sub(" ", heading))))
    if _STANDING.match(words.strip()):
        return "other"
    best: tuple[int, Role] | None = None
    for role, pattern in _CUES:
        m = pattern.search(words)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), role)
    opening, task = words.strip(), _TASK_PART.search(words)
    # `CÁC VẤN ĐỀ TỒN TẠI, HẠN CHẾ, NGUYÊN NHÂN VÀ GIẢI PHÁP KHẮC PHỤC` names its shortfalls first
    weak_first = (
        best is not None and best[1] in ("limitations", "causes") and task is not None and best[0] < task.start()
    )
    if top and task and not weak_first and not _DONE_FIRST.search(opening) and not _PROPOSED_FIRST.search(opening):
        return "tasks"
    if best is None:
        return "preamble" if _PREAMBLE.search(words) else None
    if best[1] == "other" and top:
        return None  # a top-level forecast part is judged by the parts around it
    return best[1]


_PLAN_AIMS = re.compile(r"^(?:mục đích|yêu cầu|quan điểm)", re.I)


def section_role(
    heading: str, parent: Role | None, *, after_tasks: bool, directed: bool = False, plan: bool = False
) -> Role:
    """The role of a section: its own, else its parent's, else results before the task part
    (`directed`: the document's opening says its parts are directives; `plan`: it is a KẾ HOẠCH)."""
    role = own_role(heading, top=parent is None)
    if parent == "tasks" and role in ("results", "limitations", "causes") and DIRECTIVE_START.match(heading):
        return "tasks"  # `3. Khắc phục hạn chế ...`, `Nâng cao kết quả ...` under a task part: still a task
    if role == "results" and parent == "tasks":
        return parent  # the top-level part decides results vs tasks (`Kiểm tra hồ sơ về kết quả thực hiện`)
    if role is not None:
        return role
    if parent is not None:
        return parent
    if plan:
        return "other" if _PLAN_AIMS.search(heading.strip()) else "tasks"
    if directed and not _DONE_FIRST.search(heading.strip()):
        return "tasks"
    return "other" if after_tasks else "results"
