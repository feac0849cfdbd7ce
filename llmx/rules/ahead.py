"""Whether a sentence outside a task section is a directive for the next period (SPEC 5, 1.1). Pure.

Read role-aware rather than from the verb alone: a sentence is a next-period task when it

* opens with `Phấn đấu ...`, or strives for a period after the report's own (`Năm 2021, xã X phấn đấu ...`);
  a lead-in that strives (`Năm học 2025 - 2026, ngành phấn đấu:`) opens its bullets as tasks the same way (in a
  web excerpt, unless reported as done);
* is directive-shaped (`Hoàn thành ...`, `Tiếp tục ...`), or a meeting's or leader's ask (`Hội nghị thống
  nhất ... tập trung ...`, `Đồng chí Chủ tịch yêu cầu các phòng ... tăng cường ...`, not one reported as
  done), and names a time after the report's period (`trong quý I/2026` in a report on 2025) or `thời
  gian tới`, unless it only forecasts (`dự kiến`);
* opens with the coming period and then directs (`Thời gian tới, huyện tập trung ...`);
* asks the levels below (`Đề nghị UBND các xã ...`, `Yêu cầu các chi bộ ...`);
* states a body's commitment to act (`..., Trung tâm sẽ chủ trì ...`, `Trung tâm dự kiến tổ chức Hội
  thảo ...`), not in brackets, not a condition, not a ministry's own schedule;
* states a need for a later time (`... năm 2026 và các năm sau cần lưu ý ...`), unless reported as done.
"""

from __future__ import annotations

import re

from llmx.contract import Metadata, Period
from llmx.rules.periods import period_matches
from llmx.rules.proposals import DOWNWARD
from llmx.vn import ASSIGNED_BODY, DIRECTIVE_START, DIRECTIVE_VERBS

# Next-period words (role-aware: they turn a directive-shaped sentence outside a task section into a task).
# (each pattern written for speed opens with a look-ahead at its alternatives' first letters, so a position
# where none starts fails at one character class: tests/test_fast_word_patterns.py keeps the readable forms)
FUTURE = re.compile(
    r"(?=[tsnqk])(?:thời gian tới|sắp tới|tới đây|(?:tháng|quý|năm|tuần|kỳ) tới|những tháng (?:còn lại|cuối năm)|"
    r"từ nay đến (?:cuối|hết) năm)",
    re.I,
)
_LATER_YEARS = re.compile(r"(?:các|những) năm (?:sau|tiếp theo|kế tiếp)", re.I)
# (`Nhiệm vụ trọng tâm 6 tháng cuối năm là đẩy mạnh ...`: the coming period may be named before `là`)
TASK_MARKER = re.compile(
    r"(?<!\w)nhiệm vụ (?:trước mắt|trọng tâm|thời gian tới|sắp tới|tới)(?:\s+(?:trong\s+)?(?:(?:6|sáu|3|ba) "
    r"tháng cuối năm|những tháng (?:còn lại|cuối năm)|từ nay đến (?:cuối|hết) năm|thời gian tới|"
    r"(?:tháng|quý|năm) tới))?\s+là(?!\w)",
    re.I,
)
# (`Năm 2027, huyện đặt mục tiêu tốc độ tăng trưởng đạt 9,5%`: a goal set for the later period strives too)
_STRIVE = re.compile(r"(?<!\w)(?=[pđ])(?:phấn đấu|(?:đặt|đề)\s+ra\s+mục tiêu|đặt\s+mục tiêu)(?!\w)", re.I)
# `Công tác trọng tâm trong tháng 6 là hoàn thành ...`: the focus of a period, which must be a later one
_FOCUS_IS = re.compile(
    r"(?<!\w)(?=[nc])(?:nhiệm vụ|công tác|công việc) (?:trước mắt|trọng tâm|chủ yếu)"
    r"(?P<when>\s[^,.;:]{1,40}?)?\s+là(?!\w)",
    re.I,
)
# `... ban hành 45 văn bản chỉ đạo, yêu cầu các xã ...`: what the documents issued in the period asked
_ISSUED = re.compile(
    r"(?<!\w)(?:ban hành|phát hành|có)\s[^.;]{0,60}?(?<!\w)(?:văn bản|công văn|kế hoạch|chỉ thị)\b", re.I
)
_WHEN_DONE = re.compile(r"\s*(?:sau khi|khi|nếu|trường hợp)(?!\w)", re.I)  # a condition's `đã`, not a report
_TO_YEAR_END = re.compile(r"\s+(?:từ nay\s+)?đến\s+(?:cuối|hết)\s+năm(?!\w)", re.I)
_FORECAST = re.compile(r"(?<!\w)dự kiến(?!\w)", re.I)
# `..., Trung tâm sẽ chủ trì ...`, `Trung tâm dự kiến tổ chức Hội thảo ...`: a body's commitment to act
_COMMITS = re.compile(
    rf"(?<!\w)(?:sẽ|dự kiến)\s+(?:tiếp tục\s+)?(?!tiếp tục)(?:{DIRECTIVE_VERBS}|tổng hợp|báo cáo|đề xuất)(?!\w)", re.I
)
# ... unless the body is a central one or an outside organisation whose schedule is only reported
_HIGHER_BODY = re.compile(r"^(?:Bộ|Chính phủ|Thủ tướng|Trung ương|Liên đoàn|Quốc hội)\s", re.I)
_CONDITION = re.compile(r"^(?:nếu|khi|trường hợp)\b", re.I)
# `... năm 2026 và các năm sau cần lưu ý ...`: a need stated for a time after the report
_NEEDS = re.compile(r"(?<!\w)(?:cần(?:\s+phải)?|đòi hỏi)\s+(?!thiết)\w", re.I)
_PURPOSE = re.compile(r"Để\s")  # `Để <aim>, cần ...`: the need is the remedy for the aim
_PURPOSE_REACH = 200  # ... when it follows the aim closely
# `Để hoàn thành dự toán năm, huyện tiếp tục đôn đốc thu ...`: the aim, then who goes on with what work
_PURPOSE_GOES_ON = re.compile(r"Để\s[^.;]{3,150}?,\s*(?:[^,.;]{0,60}?\s)?(?:tiếp tục|sẽ)\s+\w", re.I)
# (`...; đồng thời, gửi UBND tỉnh biết, theo dõi`: a coordinated directive goes on with the run)
RUN_START = re.compile(
    rf"(?:{DIRECTIVE_START.pattern}|tăng thu|giữ vững)|đồng thời,?\s+(?:gửi|báo cáo|{DIRECTIVE_VERBS})(?!\w)", re.I
)
# `Huyện tiếp tục thu hút ...`, `Cùng với đó, huyện chú trọng ...`, `Ngoài ra, UBND xã tăng cường ...`: the same
# body goes on with the work after a directive for the next period earlier in its paragraph
_GOES_ON = re.compile(
    r"(?:(?:cùng với đó|bên cạnh đó|ngoài ra|đồng thời|mặt khác|song song với đó|qua đó),\s*)?"
    # (`Các thôn cần làm tốt ...`, `Bên cạnh đó, các xã rà soát ...`: the bodies below, named with `các`)
    r"(?:(?:các|những|mỗi|từng)\s+(?:thôn|xã|phường|chi bộ|cấp ủy|ngành|phòng|ban|trường|tổ dân phố|cơ quan|"
    r"đoàn thể|hội)|huyện|xã|phường|thị xã|thị trấn|tỉnh|thành phố|ngành|địa phương|đơn vị|UBND|Ủy ban|Uỷ ban|"
    r"Đảng ủy|Đảng bộ|Huyện ủy|Sở|Phòng|Ban|Trung tâm|Công an|Hội)(?!\w)[^,.;:()\d]{0,60}?\s"
    rf"(?:cũng\s+)?(?:sẽ\s+)?(?:cần\s+(?:phải\s+)?|phải\s+)?(?:{DIRECTIVE_VERBS})(?!\w)",
    re.I,
)
# `Huyện tiếp tục chịu ảnh hưởng ...`, `Xã tiếp tục đạt ...`: a state that goes on, not work
_STATE_GOES_ON = re.compile(r"\s+(?:chịu|gặp|diễn biến|bị|là|có|tăng|giảm|đạt|ổn định|ở|nằm)(?!\w)", re.I)
# `Yêu cầu các xã ...`, `Đề nghị UBND các xã ...`: work asked of the levels below (a report's `Giao Công an
# tỉnh ...` in a results section reports an assignment made, so it is not read as one)
ASSIGNS = re.compile(rf"(?<!\w)(?:[Đđ]ề nghị|[Yy]êu cầu)\s+(?:{DOWNWARD})")
# `Hội nghị thống nhất trong tháng tới tập trung ...`, `đồng chí Bí thư yêu cầu các ngành ... tập trung ...`
_ASKS_AHEAD = re.compile(
    r"(?<!\w)(?=[cgntyđ])(?:yêu cầu|đề nghị|chỉ đạo|giao(?!\s+ban)|thống nhất|nhất trí)\s[^.;]{0,120}?"
    rf"(?<!\w)(?:{DIRECTIVE_VERBS})(?!\w)",
    re.I,
)
# (`Đồng chí đề nghị, trong tháng 11, các xã tập trung ...`: a comma after the ask too; `TTHC có yêu cầu nghĩa vụ tài
# chính`, `các yêu cầu`: a noun, no ask)
_LEADER_ASK = re.compile(
    r"(?<!\w)(?<!có )(?<!các )(?<!những )(?=[lntyđ])"
    r"(?:yêu cầu|đề nghị|nhấn mạnh|lưu ý|thống nhất|nhất trí)\s*[:,]?\s[^.;]{0,120}?"
    rf"(?<!\w)(?:{DIRECTIVE_VERBS})(?!\w)",
    re.I,
)
# `Chủ tịch UBND tỉnh giao Sở Tài chính tổng hợp ...`: a letter assigning work to a named body
_GIVES_BODY = re.compile(
    rf"(?<!\w)[Gg]iao\s+(?:cho\s+)?(?:{ASSIGNED_BODY}|Bộ Chỉ huy|"
    r"các\s+(?:sở|cơ quan|đơn vị|phòng|xã|huyện|địa phương|ngành|ban|thôn|đoàn thể|chi bộ))(?!\w)"
)
# `Thực hiện ý kiến chỉ đạo của UBND tỉnh tại Công văn số ...; trong đó, UBND tỉnh giao Sở Nội vụ ...`: cited grounds
_GROUNDS = re.compile(r"(?:Thực hiện|Căn cứ|Theo|Triển khai)\s", re.I)
_DONE = re.compile(r"(?<!\w)(?:đã|được)(?!\w)", re.I)
HAS_BEEN = re.compile(r"(?<!\w)đã(?!\w)", re.I)  # a sentence that reports work done
# `Ngày 30/8/2025, Đảng ủy xã ... tổ chức hội nghị ...`, `Sáng 5/9, UBND huyện họp ...`: a news page's lead
_MEETING_LEAD = re.compile(
    r"(?:(?:Sáng|Chiều|Tối|Trưa|Ngày)\s+(?:ngày\s+)?\d{1,2}\s*[/-]\s*\d{1,2}(?:\s*[/-]\s*\d{2,4})?|Vừa qua|Mới đây|"
    r"Hôm nay)\s*,[^.;]{0,120}?(?<!\w)(?:tổ chức|tiến hành|họp|giao ban)(?!\w)",
    re.I,
)
_ASKED = re.compile(r"(?<!\w)(?:yêu cầu|đề nghị|giao(?!\s+ban)|nhấn mạnh|lưu ý)(?!\w)", re.I)
# an opening phrase of time (`Thời gian tới,`, `Về nhiệm vụ tháng 2,`, `Trong quý II/2024,`) ...
# (`Theo Chủ tịch UBND xã, trong thời gian tới, xã tập trung ...`: whose words they are, then the time)
_OPENING = re.compile(
    r"((?:theo\s[^,;.:]{2,60},\s*)?(?:về\s+)?(?:phương hướng,?\s+)?(?:nhiệm vụ\s+)?(?:trọng tâm\s+)?[^,;.:]{2,60}?),\s",
    re.I,
)
# ... then a directive verb within a few words (after the subject)
_VERB_SOON = re.compile(rf"[^.;]{{0,80}}?(?<!\w)(?:{DIRECTIVE_VERBS})(?!\w)", re.I)
_OUTLOOK = re.compile(r"(?<!\w)(?=[cdknt])(?:tình hình|diễn biến|dự báo|nguy cơ|có thể|khả năng)(?!\w)", re.I)
_NEAR_MONTHS = 3  # a month named without its year is the coming one when at most this far ahead
_IN_YEAR = re.compile(r"(?<!\w)trong\s+$", re.I)
# `Năm học 2025 - 2026, ngành giáo dục tiếp tục ...`: a school year, which opens in September of its first year
_SCHOOL_YEAR = re.compile(r"(?<!\w)năm học\s+(\d{4})\s*[-–]\s*\d{4}(?!\w)", re.I)
_SCHOOL_YEAR_OPENS = 9


Now = tuple[int, int] | None  # (year, month): the last month the report covers or was written in


def report_now(metadata: Metadata | None) -> Now:
    """The latest of the period's last month and the issue date's month (a report on 7 months
    written in August speaks of August as now, not as the next period)."""
    if metadata is None:
        return None
    points: list[tuple[int, int]] = []
    period = metadata.period
    if period is not None and period.year is not None:
        points.append((period.year, max(period.months) if period.months else 12))
    # (a web page's posting date says when it was posted, not what the report calls now)
    if (
        metadata.issue_date
        and metadata.issue_date_source != "post_date"
        and re.match(r"\d{4}-\d{2}", metadata.issue_date)
    ):
        points.append((int(metadata.issue_date[:4]), int(metadata.issue_date[5:7])))
    return max(points) if points else None


def names_next(words: str, nxt: Period | None) -> bool:
    """Whether `words` name the report's next period (`Tháng 5` after a meeting on April held on 3 May)."""
    if nxt is None or not nxt.months:
        return False
    return any(sp.months == nxt.months and sp.year in (None, nxt.year) for sp, _, _ in period_matches(words))


def names_ahead(words: str, now: Now) -> bool:
    """Whether `words` look ahead: `thời gian tới`-like words, or a time after the report's own."""
    return bool(FUTURE.search(words)) or later(words, now)


def later(words: str, now: Now) -> bool:
    """Whether `words` name a time after the report's own (`quý I/2026` in a report on 2025)."""
    if now is None:
        return False
    if any((int(m.group(1)), _SCHOOL_YEAR_OPENS) > now for m in _SCHOOL_YEAR.finditer(words)):
        return True  # `Năm học 2025 - 2026, ...` in a report on the first half of 2025
    for span, start, _ in period_matches(words):
        if span.year is None and span.kind == "month" and span.months:
            if 0 < span.months[0] - now[1] <= _NEAR_MONTHS:
                return True  # `Về nhiệm vụ tháng 2, ...` in a report on January: the coming month
            continue
        if span.year is None and span.months and span.kind != "multi_year":
            if min(span.months) >= now[1] and max(span.months) > now[1]:
                return True  # `6 tháng cuối năm, ...` in a report on the first half, `quý IV` in one written in October
            continue
        if span.year is None or span.kind == "multi_year" or (span.kind == "other" and not span.months):
            continue  # a term, or a campaign (`tháng hành động ... năm 2018`) that names no months
        if span.kind == "year" and start > 3 and not _IN_YEAR.search(words, 0, start):
            continue  # `Nghị quyết ... đến năm 2030`: a cited scope, not when the work is done
        first = min(span.months) if span.months and span.kind != "year" else 12
        if (span.year, first) > now and (span.kind != "year" or span.year > now[0]):
            return True
    return False


def _strives(words: str, period: Now) -> bool:
    """`Phấn đấu ...`, or striving for a later period (`Năm 2021, xã X phấn đấu ...`)."""
    if _STRIVE.match(words):
        return True
    m = _STRIVE.search(words)  # (`Xã phấn đấu đến cuối năm 2026 giảm ...`: striving up to the year's end)
    if m is None or _DONE.search(words, 0, m.start()):
        return False
    return later(words, period) or bool(_TO_YEAR_END.match(words, m.end()))


def strives_over(words: str, period: Now, *, headless: bool = False) -> bool:
    """A lead-in striving for targets listed below it (`Năm học 2025 - 2026, ngành giáo dục phấn đấu:`): ahead
    when it names a later time, or in a web excerpt unless reported as done (`đã nỗ lực phấn đấu, đạt ...:`)."""
    if not _STRIVE.search(words):
        return False
    return bool(FUTURE.search(words)) or later(words, period) or (headless and not _DONE.search(words))


def _commits(words: str) -> bool:
    """A body's stated commitment (`..., Trung tâm sẽ chủ trì, phối hợp ...`) outside brackets and
    conditions, by a body the report speaks for rather than a ministry reporting its own schedule."""
    m = _COMMITS.search(words)
    if m is None or words.count("(", 0, m.start()) > words.count(")", 0, m.start()) or _CONDITION.match(words):
        return False
    subject = re.split(r"[,;:]\s*", words[: m.start()])[-1].strip()
    return bool(subject) and not _HIGHER_BODY.match(subject)


def _needs_ahead(words: str, period: Now) -> bool:
    """A need stated for the time after the report (`... năm 2026 và các năm sau cần lưu ý ...`)."""
    need = _NEEDS.search(words)
    if need is None or re.search(r"(?<!\w)đã(?!\w)", words[: need.start()]):  # `đã tham mưu ... cần`: done
        return False
    if FUTURE.search(words) or _LATER_YEARS.search(words) or later(words, period):
        return True
    # `Để tăng điểm tiêu chí này, đòi hỏi các đơn vị nhập đầy đủ hồ sơ ...`: a remedy, asked for what comes
    return bool(_PURPOSE.match(words)) and need.start() < _PURPOSE_REACH


def _opens_ahead(words: str, period: Now, nxt: Period | None = None) -> bool:
    """A sentence that opens with the coming period and then directs (`Thời gian tới, huyện tập trung
    ...`, `Về nhiệm vụ tháng 2, Ban Thường vụ yêu cầu ...`, `Trong quý II/2024, xã tập trung ...`)."""
    m = _OPENING.match(words)
    opening = m.group(1) if m else ""
    if m is None or not (FUTURE.search(opening) or later(opening, period) or names_next(opening, nxt)):
        return False
    if _FORECAST.search(words):
        return False
    verb = _VERB_SOON.search(words, m.end())
    if verb is None:
        return False
    outlook = _OUTLOOK.search(words, m.end(), verb.end() + 40)
    # (`Tháng 6, tiếp tục theo dõi diễn biến dịch bệnh`: what is watched, after a second directive verb)
    if outlook and (outlook.start() < verb.end() or not _VERB_SOON.match(words, verb.end(), outlook.start())):
        return False  # `Thời gian tới, tình hình tội phạm sẽ tiếp tục diễn biến phức tạp`: an outlook
    # (`Năm 2025, xã đã nỗ lực phấn đấu ...`: done; not `Thời gian tới, sau khi Công ty đã hoàn thành ..., đề nghị ...`)
    return bool(_WHEN_DONE.match(words, m.end())) or not _DONE.search(words, m.end(), verb.end())


def _directs_ahead(words: str, period: Now) -> bool:
    """A directive-shaped sentence about the time after the report (`... trong quý I/2026`), or a
    meeting's or leader's ask for it (`Hội nghị thống nhất trong tháng tới tập trung ...`)."""
    if _FORECAST.search(words):
        return False
    if not DIRECTIVE_START.match(words):
        ask = _ASKS_AHEAD.search(words)
        if ask is None or _DONE.search(words, 0, ask.start()):
            return False
    return names_ahead(words, period)


def _asks_below(words: str) -> bool:
    """An ask of the levels below (`Đề nghị UBND các xã ...`, `đồng chí Bí thư đề nghị các cấp ủy ...`),
    not one reported as made (`đã yêu cầu các xã ...`, `UBND huyện ban hành 45 văn bản chỉ đạo, yêu cầu các xã ...`)."""
    m = ASSIGNS.search(words)
    return m is not None and not _DONE.search(words, 0, m.start()) and not _ISSUED.search(words, 0, m.start())


def leader_asks(words: str) -> bool:
    """A leader's or a meeting's ask closing a web excerpt without headings (`Chủ tịch UBND huyện yêu cầu
    các phòng, ban tập trung ...`, `Hội nghị thống nhất tập trung ...`), or a letter's assignment (`Chủ tịch
    UBND tỉnh giao Sở Tài chính tổng hợp ...`): the work ahead, unless reported as done (`đã yêu cầu ...`,
    `được giao ...`) or only forecast."""
    m = _LEADER_ASK.search(words) or (None if _GROUNDS.match(words) else _GIVES_BODY.search(words))
    # (`... nhấn mạnh, năm qua, huyện đã tập trung chỉ đạo ...`: what was done, reported in the leader's words; not
    # `đề nghị liên hệ ... để được hướng dẫn`, a passive)
    if m is None or _DONE.search(words, 0, m.start()) or HAS_BEEN.search(words, m.start(), m.end()):
        return False
    return not _FORECAST.search(words)


def for_next_period(words: str, now: Now, nxt: Period | None = None) -> bool:
    """Whether a sentence outside a task section is a directive for the next period (`nxt`, when known); a news
    page's lead reporting the meeting held (`Ngày 30/8, Đảng ủy xã tổ chức hội nghị ... triển khai nhiệm vụ tháng
    9`) is not, unless someone in it asks for the work (`..., yêu cầu các xã ...`)."""
    if _MEETING_LEAD.match(words) and not _ASKED.search(words):
        return False
    if _asks_below(words) or _strives(words, now) or _directs_ahead(words, now) or _opens_ahead(words, now, nxt):
        return True
    return _commits(words) or _needs_ahead(words, now) or _goes_on_for(words)


def _goes_on_for(words: str) -> bool:
    """The work that goes on for an aim (`Để hoàn thành dự toán năm, huyện tiếp tục đôn đốc ...`), unless
    reported as done (`..., huyện đã tiếp tục ...`) or only forecast."""
    m = _PURPOSE_GOES_ON.match(words)
    return m is not None and not _DONE.search(words, 0, m.end()) and not _FORECAST.search(words)


def goes_on(words: str) -> bool:
    """A sentence in which the body of the directive before it goes on with more work (`Huyện tiếp tục thu hút
    ...`, `Cùng với đó, huyện chú trọng ...`): a task in the run that directive opened, unless reported as done,
    only forecast or an outlook (`Huyện tiếp tục chịu ảnh hưởng của dịch bệnh` has no directive verb)."""
    m = _GOES_ON.match(words)
    if m is None or _DONE.search(words, 0, m.end()) or _FORECAST.search(words) or _OUTLOOK.search(words, 0, m.end()):
        return False
    return not (m.group(0).lower().endswith("tiếp tục") and _STATE_GOES_ON.match(words, m.end()))


def task_marker(words: str, now: Now) -> int | None:
    """Where a sentence naming the focus of the coming period starts (`... tuy nhiên nhiệm vụ trước mắt là ...`,
    `Công tác trọng tâm trong tháng 6 là hoàn thành ...` in a report on May), else None: the period it names
    must be a later one (`Nhiệm vụ trọng tâm năm 2025 là ...` in a report on 2025 states the year's aim)."""
    if m := TASK_MARKER.search(words):
        return m.start()
    m = _FOCUS_IS.search(words)
    if m is None or not m.group("when") or not names_ahead(m.group("when"), now):
        return None
    return m.start()
