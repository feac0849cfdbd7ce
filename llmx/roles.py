"""What each part of a report is for (SPEC 3 `role`), from its heading words. Pure.

Role keywords lie when read one by one (`II. Nhiệm vụ phát triển kinh tế - xã hội` inside a
results part is results; `Giải pháp, kiến nghị` heads the province's own measures), so:

* A top-level part that names next-period work (`phương hướng`, `nhiệm vụ trọng tâm`,
  `giải pháp`, `nhiệm vụ ... thời gian tới`) is `tasks` unless it opens with what was done
  (`KẾT QUẢ ...`, `TÌNH HÌNH THỰC HIỆN ...`); `DỰ BÁO TÌNH HÌNH VÀ MỘT SỐ NHIỆM VỤ, GIẢI PHÁP` is tasks.
* Otherwise the earliest role word of the heading decides (`Tồn tại, khó khăn và nguyên nhân` is
  limitations, `Đánh giá chung về thuận lợi, khó khăn` results, `Giải pháp, kiến nghị` tasks).
  Words in parentheses only list contents (`(thực trạng, nguyên nhân, giải pháp)`) and are ignored.
* A top-level part that says nothing is `results` before the first task part (`I. CÔNG TÁC CHỈ
  ĐẠO, TRIỂN KHAI`) and `other` after it; a sub-heading that says nothing inherits its parent's.
"""

from __future__ import annotations

import re

from llmx.contract import Role

_TASK_PART = re.compile(
    r"phương hướng|giải pháp|nhiệm vụ trọng tâm|nhiệm vụ chủ yếu|nhiệm vụ.*(?:cuối năm|thời gian tới|năm tới)|"
    r"kế hoạch.*(?:cuối năm|thời gian tới)|^(?:những |các |một số )?nhiệm vụ(?!.*\bđã\b)",
    re.I,
)
_DONE_FIRST = re.compile(r"^(?:kết quả|tình hình thực hiện|đánh giá|sơ kết|tổng kết)", re.I)
_PROPOSED_FIRST = re.compile(r"^(?:kiến nghị|đề xuất)", re.I)  # `ĐỀ XUẤT NHIỆM VỤ, GIẢI PHÁP ...` proposes
_PARENS = re.compile(r"\([^()]*\)")
# `Thành phần hồ sơ do chủ đầu tư đề xuất`: what another body proposed is no proposal of the report
_PROPOSED_BY = re.compile(r"(?<!\w)(?:do|được|đã)\s+(?:[^,;:()]{1,40}?\s+)?đề xuất", re.I)
_CUES: list[tuple[Role, re.Pattern[str]]] = [
    # a submission's grounds (`Căn cứ pháp lý liên quan`, `Cơ sở pháp lý đề xuất ...`, `Sự cần thiết ...`)
    ("preamble", re.compile(r"^(?:(?:căn cứ|cơ sở) pháp lý|sự cần thiết)", re.I)),
    ("other", re.compile(r"dự báo", re.I)),
    ("limitations", re.compile(r"hạn chế|tồn tại|yếu kém|khó khăn|vướng mắc|bất cập|yếu tố ảnh hưởng", re.I)),
    ("causes", re.compile(r"nguyên nhân", re.I)),
    ("lessons", re.compile(r"bài học", re.I)),
    # `Sở Nội vụ kính trình Chủ tịch UBND tỉnh ...`: what a submission asks for
    ("proposals", re.compile(r"kiến nghị|đề xuất|kính trình|tham mưu .{0,60}các nội dung sau", re.I)),
    # `Nhóm giải pháp chính trị, xã hội` under a results part reports what was done
    (
        "tasks",
        re.compile(
            r"phương hướng|^giải pháp|giải pháp (?:chủ yếu|trọng tâm)|nhiệm vụ (?:trọng tâm|chủ yếu)|"
            r"^nhiệm vụ,? (?:và )?giải pháp",
            re.I,
        ),
    ),
    ("results", re.compile(r"kết quả|tình hình|thuận lợi|ưu điểm|đạt được|thực trạng|đầu năm|sơ kết|tổng kết", re.I)),
]
_PREAMBLE = re.compile(r"đặc điểm", re.I)  # only when nothing else is said (`ĐẶC ĐIỂM TÌNH HÌNH` is results)


def own_role(heading: str, *, top: bool) -> Role | None:
    """The role a heading states itself, or None when it says nothing."""
    words = _PROPOSED_BY.sub(" ", _PARENS.sub(" ", heading))
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


def section_role(heading: str, parent: Role | None, *, after_tasks: bool, plan: bool = False) -> Role:
    """The role of a section: its own, else its parent's, else results before the task part.

    A plan (`KẾ HOẠCH`) reports nothing done: its untitled parts (`CHỈ TIÊU, NHIỆM VỤ`, `NỘI DUNG`,
    `TỔ CHỨC THỰC HIỆN`) are the work it sets, `tasks`; its aims (`MỤC ĐÍCH, YÊU CẦU`) are `other`;
    a part that names results (`KẾT QUẢ THỰC HIỆN NĂM 2025`) still reports them."""
    role = own_role(heading, top=parent is None)
    if role == "results" and parent == "tasks":
        return parent  # the top-level part decides results vs tasks (`Kiểm tra hồ sơ về kết quả thực hiện`)
    if role is not None:
        return role
    if parent is not None:
        return parent
    if plan:
        return "other" if _PLAN_AIMS.search(heading.strip()) else "tasks"
    return "other" if after_tasks else "results"
