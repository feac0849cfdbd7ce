"""Assemble: a backend's items checked against the text, re-grounded, placed in sections, numbered."""

from llmx.assemble import Extraction, assemble
from llmx.contract import Extractor, Indicator, Metadata, Problem, Reference, Source, Task, grounding_errors
from llmx.normalize import normalize
from llmx.sections import split_sections
from tests.test_llm_extract import REPORT

NORM = normalize(REPORT.format(marker=""))
TEXT = NORM.text
LAYOUT = split_sections(TEXT)
SOURCE = Source(path="report.txt", sha256="0" * 64, format="txt", chars=len(TEXT))
EXTRACTOR = Extractor(backend="rules", llmx_version="test")
REVENUE = "Tổng thu NSNN đến 20/02/2023 là 88,8 tỷ đồng"
TASK = "Tập trung chỉ đạo thu ngân sách đạt kế hoạch đề ra."


def indicator(quote: str, start: int, value: float = 88.8) -> Indicator:
    return Indicator(id="", name="Tổng thu NSNN", value=value, unit="tỷ đồng", quote=quote, start=start,
                     end=start + len(quote))  # fmt: skip


def build(extraction: Extraction, read_problems: list[Problem] | None = None):
    return assemble(
        source=SOURCE, norm=NORM, layout=LAYOUT, extraction=extraction, extractor=EXTRACTOR, read_problems=read_problems
    )


def test_items_are_numbered_in_text_order_and_given_their_innermost_section():
    task_at = TEXT.index(TASK)
    doc = build(
        Extraction(
            indicators=[indicator(REVENUE, TEXT.index(REVENUE))],
            tasks=[Task(id="", text=TASK, start=task_at, end=task_at + len(TASK))],
        )
    )
    assert [(i.id, i.section_id) for i in doc.indicators] == [("i1", "s2")]
    assert [(t.id, t.section_id) for t in doc.tasks] == [("t1", "s4")]
    assert grounding_errors(doc) == [] and doc.metadata == Metadata() and doc.sections == LAYOUT.sections


def test_drifted_offsets_and_other_whitespace_are_regrounded_to_the_text_as_written():
    at = TEXT.index(REVENUE)
    drifted = indicator(REVENUE, at + 7)
    spaced = indicator(REVENUE.replace(" là ", "  là\n"), at)
    doc = build(Extraction(indicators=[drifted, spaced]))
    assert [(i.start, i.quote) for i in doc.indicators] == [(at, REVENUE)]  # the same item twice: kept once
    assert doc.problems == []


def test_an_unplaceable_item_is_dropped_into_problems_never_invented():
    ghost = indicator("Tổng thu NSNN đạt 99,9 tỷ đồng", 10, value=99.9)
    doc = build(Extraction(indicators=[ghost]), read_problems=[Problem(stage="read", message="legacy font")])
    assert doc.indicators == []
    assert [p.stage for p in doc.problems] == ["read", "ground"]
    assert "does not occur in the text" in doc.problems[1].message


def test_items_are_ordered_by_position_whatever_order_the_backend_found_them_in():
    refs = []
    for quote in ("Nghị quyết số 04-NQ/ĐU", "Tổng thu NSNN"):
        at = TEXT.index(quote)
        refs.append(Reference(id="", quote=quote, doc_type="nghị quyết", start=at, end=at + len(quote)))
    doc = build(Extraction(references=refs))
    assert [(r.id, r.quote) for r in doc.references] == [("r1", "Tổng thu NSNN"), ("r2", "Nghị quyết số 04-NQ/ĐU")]
