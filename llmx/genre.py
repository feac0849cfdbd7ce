"""Genre fit: does a finished document look like a periodic report? Pure, and never drops anything.

llmx reads whatever it is given. A dues list, a decision, a register of incoming documents or a
saved link come out as confident-looking indicators and tasks, and an analyst converting hundreds
of files cannot tell those outputs from a report's. This check looks only at evidence the pipeline
already has (the document's kind over its title, its number's symbol, the title's words, the
period, the section roles, the tables' column headers) and says, in `problems` (stage `genre`),
what the document looks like instead and why. It never changes an item.

Three outcomes: nothing (a report, or a web excerpt that speaks like one); a warning (`not a
periodic report?`: a decision, a directive, a list, a register, an almost empty text); a softer
note for the genre's neighbours (`a plan ...`, `a submission ...`), whose tasks are real but whose
figures are targets or a case made for approval rather than results.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from llmx.contract import Problem, ReportDocument
from llmx.vn import MOTTO, NOI_NHAN, SUBJECT_LINE

STAGE = "genre"
NOT_A_REPORT = "not a periodic report?"  # the warning's opening words (the CLI and the run summary count them)
NEAR = "near the genre:"  # a plan or a submission: the softer note's opening words
FEW_WORDS = 40  # under this many words the text is too short to be a whole report

# the document's kind: the caps line over the title (Decree 30/2020, Party HD 36) and what it reads as
Weight = Literal["report", "soft", "hard"]
_KINDS: tuple[tuple[str, str, Weight], ...] = (
    # (kind line, what it reads as, hard | soft | report)
    (r"BÁO\s+CÁO", "a report", "report"),
    (r"QUYẾT\s+ĐỊNH", "a decision (Quyết định)", "hard"),
    (r"NGHỊ\s+QUYẾT", "a resolution (Nghị quyết)", "hard"),
    (r"CHỈ\s+THỊ", "a directive (Chỉ thị)", "hard"),
    (r"CÔNG\s+ĐIỆN", "an urgent dispatch (Công điện)", "hard"),
    (r"THÔNG\s+BÁO", "a notice (Thông báo)", "hard"),
    (r"THÔNG\s+TRI", "a circular (Thông tri)", "hard"),
    (r"KẾT\s+LUẬN", "a conclusion (Kết luận)", "hard"),
    (r"HƯỚNG\s+DẪN", "a guidance note (Hướng dẫn)", "hard"),
    (r"QUY\s+CHẾ", "a set of rules (Quy chế)", "hard"),
    (r"QUY\s+ĐỊNH", "a regulation (Quy định)", "hard"),
    (r"QUY\s+TRÌNH", "a procedure (Quy trình)", "hard"),
    (r"ĐIỀU\s+LỆ", "a charter (Điều lệ)", "hard"),
    (r"BIÊN\s+BẢN", "minutes (Biên bản)", "hard"),
    (r"GIẢI\s+TRÌNH|THUYẾT\s+MINH", "an explanatory note (Giải trình, Thuyết minh)", "hard"),
    (r"ĐỀ\s+CƯƠNG", "an outline (Đề cương)", "hard"),
    (r"GIẤY\s+(?:MỜI|GIỚI\s+THIỆU|ĐỀ\s+NGHỊ|XÁC\s+NHẬN|PHÉP|CHỨNG\s+NHẬN)", "a letter form (Giấy ...)", "hard"),
    (r"LUẬT|NGHỊ\s+ĐỊNH(?:\s+THƯ)?|THÔNG\s+TƯ", "a legal text (Luật, Nghị định, Thông tư)", "hard"),
    (r"DANH\s+SÁCH|DANH\s+MỤC", "a list (danh sách, danh mục)", "hard"),
    (r"PHỤ\s+LỤC", "an annex on its own (phụ lục)", "hard"),
    (r"SỔ\s+(?:ĐĂNG\s+KÝ|THEO\s+DÕI|GHI|VĂN\s+BẢN|CÔNG\s+VĂN)", "a register (sổ)", "hard"),
    (r"PHIẾU", "a form (phiếu)", "hard"),
    (r"(?:MẪU|BIỂU\s+MẪU)(?:\s+SỐ)?(?:\s+\S+)?", "a blank form (biểu mẫu)", "hard"),
    (r"ĐƠN(?:\s+ĐỀ\s+NGHỊ|\s+XIN)?", "an application (đơn)", "hard"),
    (r"KẾ\s+HOẠCH", "a plan (Kế hoạch)", "soft"),
    (r"TỜ\s+TRÌNH", "a submission (Tờ trình)", "soft"),
    (r"CHƯƠNG\s+TRÌNH", "a programme (Chương trình)", "soft"),
    (r"ĐỀ\s+ÁN", "a scheme (Đề án)", "soft"),
    (r"PHƯƠNG\s+ÁN", "an option paper (Phương án)", "soft"),
)
_KIND_LINE = [(re.compile(rf"^{p}(?:\s*[:.]?\s+\S.*)?$"), what, weight) for p, what, weight in _KINDS]
# the kind part of a number's symbol (`12/QĐ-UBND`, `05-CT/TU`): BC reads as a report
_SYMBOLS: dict[str, tuple[str, Weight]] = {
    "BC": ("a report", "report"),
    "QĐ": ("a decision (Quyết định)", "hard"),
    "NQ": ("a resolution (Nghị quyết)", "hard"),
    "CT": ("a directive (Chỉ thị)", "hard"),
    "TB": ("a notice (Thông báo)", "hard"),
    "HD": ("a guidance note (Hướng dẫn)", "hard"),
    "QC": ("a set of rules (Quy chế)", "hard"),
    "QĐi": ("a regulation (Quy định)", "hard"),
    "KL": ("a conclusion (Kết luận)", "hard"),
    "BB": ("minutes (Biên bản)", "hard"),
    "CĐ": ("an urgent dispatch (Công điện)", "hard"),
    "GM": ("an invitation (Giấy mời)", "hard"),
    "GP": ("a licence (Giấy phép)", "hard"),
    "KH": ("a plan (Kế hoạch)", "soft"),
    "TTr": ("a submission (Tờ trình)", "soft"),
    "CTr": ("a programme (Chương trình)", "soft"),
    "ĐA": ("a scheme (Đề án)", "soft"),
    "PA": ("an option paper (Phương án)", "soft"),
}
_NUMBER = re.compile(r"(?<!\w)Số\s*:?[\s.…_]*\d*[a-z]?\s*[-/]\s*(?P<kind>[A-ZĐ][A-Za-zĐđ]*)(?=[-/])")
_HEADER_END = re.compile(r"^(?:Căn\s+cứ|Thực\s+hiện|Kính\s+gửi|Theo\s|Xét\s|Ngày\s+\d|Điều\s+1\b|Chương\s+I\b)", re.I)
# what a report's title or opening says it is (folded: no accents, lower case)
_REPORT_WORDS = re.compile(r"\b(?:bao cao|so ket|tong ket|ket qua(?! (?:to chuc )?dai hoi)|tinh hinh)\b")
# a letter (công văn) that reports says so: `... báo cáo, cung cấp thông tin cụ thể như sau`, `Trên đây
# là báo cáo ...`; one asking others to report says `đề nghị ... báo cáo ...` (never a report itself)
_SAYS_IT_REPORTS = re.compile(
    r"\btren day la bao cao\b|\btran trong bao cao\b|\bbao cao\b(?:(?!bao cao)[^.;:]){0,160}\bnhu sau\b"
)
_ASKS_FOR_DECISION = re.compile(r"\b(?:de nghi|phe duyet|cho phep|cong nhan|ban hanh|thanh lap|doi ten|sap nhap)\b")
_CITED = re.compile(r"\b(?:ho so|ve viec|can cu|tai|theo|cua)\s*$")  # `hồ sơ báo cáo ...`: a noun, not the verb
_ASKS_FOR_REPORTS = re.compile(r"\b(?:de nghi|yeu cau|dong chi|cac don vi|co quan)\b[^.;:]{0,80}$")
_PERIOD_WORDS = re.compile(
    r"\b(?:(?:6|sau|9|chin) thang|quy (?:i|ii|iii|iv|[1-4])|thang \d{1,2}|nam 20\d\d|dau nam|cuoi nam)\b"
)
_CUES = (  # the way a report speaks (folded)
    r"so voi cung ky",
    r"\bcung ky\b",
    r"\bdat \d[\d.,]* ?% (?:ke hoach|kh|chi tieu|du toan)",
    r"\bket qua (?:dat duoc|thuc hien)",
    r"\bhan che\b",
    r"\bton tai\b",
    r"\bkho khan\b",
    r"\bnhiem vu trong tam\b",
    r"\bphuong huong\b",
    r"\bthoi gian toi\b",
    r"\b(?:6|9) thang (?:dau|cuoi) nam\b",
    r"\buoc (?:dat|thuc hien|tinh)\b",
    r"\bso ket\b|\btong ket\b",
)
_CUE_RES = [re.compile(c) for c in _CUES]
_RESULT_ROLES = {"limitations", "causes", "tasks", "lessons"}  # besides `results`, which any numbered part gets
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_WORD = re.compile(r"[^\W\d_]{2,}")
_PEOPLE = re.compile(r"\bho (?:va )?ten\b|\bho, ten\b")
_REGISTER = re.compile(r"\btrich yeu\b|\bngay den\b|\bso den\b|\bnoi gui\b|\bso,? ky hieu\b|\bnguoi nhan\b")


@dataclass(frozen=True)
class Verdict:
    """What the document looks like: `weight` report | soft | hard, with the evidence in words."""

    what: str
    weight: Weight
    why: str


def plain(text: str) -> str:
    """Lower case without accents (`Báo cáo` -> `bao cao`): the key these word lists match on."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def words(text: str) -> int:
    """How many words the text holds outside links (a saved URL is not report text)."""
    return len(_WORD.findall(_URL.sub(" ", text)))


def _head_lines(text: str) -> list[str]:
    """The header block's lines: up to the body's first sentence, at most 30 non-empty lines."""
    out: list[str] = []
    for raw in text.splitlines():
        line = raw.strip().strip("*#").strip()
        if not line:
            continue
        if _HEADER_END.match(line) or NOI_NHAN.match(line) or len(out) >= 30:
            break
        out.append(line)
    return out


def _kind(text: str, symbol: str | None) -> Verdict | None:
    """The kind named over the title (a caps line in the header), else by the number's symbol,
    else a công văn's `V/v` subject line; None when the document names no kind (a web excerpt)."""
    head = _head_lines(text)
    for line in head:
        if MOTTO.search(line) or not line.isupper():
            continue
        for pattern, what, weight in _KIND_LINE:
            if pattern.match(line):
                return Verdict(what, weight, f"its header says `{line[:40]}`")
    kind = symbol.split("-")[0].split("/")[0] if symbol else None
    if kind is None:
        found = next((m for line in head if (m := _NUMBER.search(line))), None)
        kind = found.group("kind") if found else None
    if kind in _SYMBOLS:
        what, weight = _SYMBOLS[kind]
        return Verdict(what, weight, f"its number's symbol is {kind}")
    if any(SUBJECT_LINE.match(line) for line in head):
        return Verdict("an official letter (công văn)", "hard", "its header has a `V/v` subject line")
    return None


def _table_shape(doc: ReportDocument) -> Verdict | None:
    """A document that is mostly one kind of table: names of people, or a register of documents."""
    covered = sum(t.end - t.start for t in doc.tables)
    if not doc.tables or covered < 0.5 * len(doc.text):
        return None
    headers = plain(" ".join(h for t in doc.tables for h in t.column_headers))
    if _PEOPLE.search(headers):
        return Verdict("a list of people (danh sách)", "hard", "most of its text is a table of names (Họ và tên)")
    if len(set(_REGISTER.findall(headers))) >= 2:
        return Verdict(
            "a register of documents (sổ)", "hard", "most of its text is a table of document numbers and summaries"
        )
    if covered >= 0.8 * len(doc.text):
        return Verdict(
            "a table on its own", "hard", "almost all of its text is table rows, with no report text around them"
        )
    return None


def _says_it_reports(body: str) -> bool:
    """The body reports on its own behalf (not `đề nghị các đơn vị báo cáo ... như sau`)."""
    for m in _SAYS_IT_REPORTS.finditer(body):
        before = body[max(0, m.start() - 100) : m.start()]
        if not m.group().startswith("bao cao") or not (_ASKS_FOR_REPORTS.search(before) or _CITED.search(before)):
            return True
    return False


def _speaks_like_a_report(doc: ReportDocument, title: str) -> bool:
    """A document with no kind line (a web excerpt, a pasted body) that reads as a report: a
    report's title words, or a period with result sections, or the genre's turns of phrase."""
    if _REPORT_WORDS.search(title):
        return True
    roles = {s.role for s in doc.sections}
    if doc.metadata.period is not None and "results" in roles and roles & _RESULT_ROLES:
        return True
    body = plain(doc.text[:20000])
    cues = sum(1 for c in _CUE_RES if c.search(body))
    return cues >= 3 or (cues >= 2 and bool(_PERIOD_WORDS.search(body)))


def verdict(doc: ReportDocument) -> Verdict | None:
    """What the document looks like when it is not plainly a periodic report; None when it is.
    The kind its header names decides first, then the shape of its tables, then its length, then
    (for a text naming no kind, as a web excerpt) whether it speaks like a report."""
    title = plain(doc.metadata.title or "")
    kind = _kind(doc.text, doc.metadata.doc_symbol)
    if kind is not None and kind.weight == "report":
        return None
    if kind is not None and kind.weight == "soft":
        # a submission that reports (`Tờ trình Báo cáo, đề xuất ...`) is read as a report, unless
        # its title asks for a decision (`... báo cáo kết quả Đại hội và đề nghị phê duyệt Điều lệ`);
        # a plan or a scheme only when its title says it is a report
        if kind.what.startswith("a submission"):
            return None if _REPORT_WORDS.search(title) and not _ASKS_FOR_DECISION.search(title) else kind
        return None if re.search(r"\bbao cao\b", title) else kind
    if kind is not None:  # hard; a công văn that says it reports (`... báo cáo như sau`) is a report
        letter = kind.what.startswith("an official letter")
        return None if letter and _says_it_reports(plain(doc.text[:30000])) else kind
    shape = _table_shape(doc)
    if shape is not None and not _REPORT_WORDS.search(title):
        return shape
    n = words(doc.text)
    if n < FEW_WORDS:
        return Verdict("an almost empty text", "hard", f"it holds only {n} word(s)")
    if _speaks_like_a_report(doc, title):
        return None
    return Verdict(
        "a document of another kind",
        "hard",
        "it names no kind of document, and neither its title, its parts nor its wording read like a report's",
    )


def message(v: Verdict) -> str:
    """The analyst's sentence: what the document looks like, why, and what to doubt."""
    if v.weight == "soft":
        return (
            f"{NEAR} this looks like {v.what} rather than a periodic report ({v.why}): its tasks are what it "
            "plans or proposes, and its figures may be targets or the case for a request, not results"
        )
    if v.what == "an almost empty text":
        return (
            f"{NOT_A_REPORT} almost empty text ({v.why}): check that the file holds the report itself, "
            "not a link or a page's frame"
        )
    return (
        f"{NOT_A_REPORT} it looks like {v.what} ({v.why}): its indicators and tasks may be list rows, "
        "articles or instructions rather than a report's results and plans; check before use"
    )


def genre_problems(doc: ReportDocument) -> list[Problem]:
    """The `genre` problem of a finished document (none for a periodic report)."""
    v = verdict(doc)
    return [] if v is None else [Problem(stage=STAGE, message=message(v))]
