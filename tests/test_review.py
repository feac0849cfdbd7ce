"""Review pages: every item highlighted and linked, everything escaped, checked in a real browser."""

import os
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmx.cli import app
from llmx.config import resolve
from llmx.contract import (
    Extractor,
    Indicator,
    Limitation,
    Metadata,
    Problem,
    Proposal,
    Reference,
    ReportDocument,
    Section,
    Source,
    Task,
)
from llmx.pipeline import extract_document
from llmx.review import render_review, write_run_review, write_run_review_checked
from tests.conftest import DEV_REPORTS, MONTHLY

ROOT = Path(__file__).resolve().parent.parent
INJECTED = 'Ghi chú: <script>window.__pwned=1</script> và "><img src=x onerror=alert(1)> hết.'
RULES = resolve(backend="rules")


class _Page(HTMLParser):
    """What a reviewer sees: the text pane's text and marks, anchors, table rows, active elements."""

    def __init__(self, serialized: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.serialized = serialized  # a browser's DOM dump: its leading newline is already gone
        self.in_pre = 0
        self.pre_start = False
        self.text: list[str] = []
        self.marks: list[dict[str, str]] = []
        self.anchors: list[str] = []
        self.rows: list[dict[str, str]] = []
        self.tags: Counter[str] = Counter()
        self.body: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.tags[tag] += 1
        if tag == "body":
            self.body = a
        if tag == "pre" and a.get("class") == "text":
            self.in_pre += 1
            self.pre_start = not self.serialized  # HTML drops a newline right after <pre>; html.parser does not
        elif tag == "mark" and self.in_pre:
            self.marks.append(a)
        elif tag == "a" and a.get("class") == "anchor":
            self.anchors.append(a["id"])
        elif tag == "tr" and a.get("id", "").startswith("row-"):
            self.rows.append(a)

    def handle_endtag(self, tag):
        if tag == "pre" and self.in_pre:
            self.in_pre -= 1

    def handle_data(self, data):
        if self.in_pre:
            if self.pre_start and data.startswith("\n"):
                data = data[1:]
            self.pre_start = False
            self.text.append(data)

    @property
    def row_ids(self) -> list[str]:
        return [r["id"][4:] for r in self.rows]

    def marks_of(self, item_id: str) -> list[dict[str, str]]:
        return [m for m in self.marks if item_id in m["data-ids"].split()]


def _parse(page: str, *, serialized: bool = False) -> _Page:
    parser = _Page(serialized)
    parser.feed(page)
    parser.close()
    return parser


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _small_doc() -> ReportDocument:
    """A heading with markup in it, a figure inside a task sentence, a reference inside a limitation."""
    heading = "1. Kinh tế <script>alert(1)</script>"
    task = "Phấn đấu tổng thu ngân sách đạt 88,8 tỷ đồng trong năm."
    lim = "Chưa thực hiện tốt Chỉ thị số 05-CT/TW về học tập."
    text = f"{heading}\n{task}\n{lim}\n"
    fig, ref = "88,8 tỷ đồng", "Chỉ thị số 05-CT/TW"
    hs, he = _span(text, heading)
    return ReportDocument(
        source=Source(path="x.txt", sha256="0" * 64, format="txt", chars=len(text)),
        extractor=Extractor(backend="rules", llmx_version="test"),
        text=text,
        metadata=Metadata(title='Báo cáo "><img src=x onerror=alert(2)>'),
        sections=[
            Section(
                id="s1",
                number="1",
                heading=heading[3:],
                level=1,
                role="results",
                sector="budget",
                start=0,
                end=len(text),
                heading_start=hs,
                heading_end=he,
            ),
            Section(id="s0", heading="", level=1, role="preamble", start=0, end=0),
        ],
        indicators=[
            Indicator(
                id="i1",
                section_id="s1",
                name='Tổng thu "><img src=x onerror=alert(3)>',
                value=88.8,
                unit="tỷ đồng",
                sector="budget",
                quote=fig,
                start=_span(text, fig)[0],
                end=_span(text, fig)[1],
            )
        ],
        tasks=[
            Task(
                id="t1",
                section_id="s1",
                text=task,
                sector="budget",
                start=_span(text, task)[0],
                end=_span(text, task)[1],
            )
        ],
        limitations=[
            Limitation(
                id="l1", section_id="s1", text=lim, sector="party", start=_span(text, lim)[0], end=_span(text, lim)[1]
            )
        ],
        references=[
            Reference(
                id="r1",
                section_id="s1",
                doc_type="chỉ thị",
                number="05-CT/TW",
                quote=ref,
                start=_span(text, ref)[0],
                end=_span(text, ref)[1],
            )
        ],
        problems=[Problem(section_id="s1", stage="grounding", message="quote <script>alert(4)</script> not found")],
    )


def test_nested_items_are_highlighted_together_innermost_first():
    page = _parse(render_review(_small_doc()))
    [fig] = page.marks_of("i1")
    assert fig["data-ids"] == "i1 t1" and fig["data-kinds"] == "indicator task"
    assert fig["class"] == "k-indicator n-task"  # coloured as the figure, underlined as inside a task
    [ref] = page.marks_of("r1")
    assert ref["data-ids"] == "r1 l1" and ref["class"] == "k-reference n-limitation"
    assert ref["data-sectors"] == "budget party"  # the reference takes its section's sector
    # the task is cut around the figure: one piece before, the figure, one piece after
    assert len(page.marks_of("t1")) == 3 and len(page.marks_of("l1")) == 3


def test_every_item_has_one_anchor_and_one_row():
    page = _parse(render_review(_small_doc()))
    ids = ["h-s1", "i1", "t1", "l1", "r1"]  # s0 has no heading line, so nothing to show
    assert sorted(page.anchors) == sorted(ids) and sorted(page.row_ids) == sorted(ids)
    assert all(f'href="#{i}"' in render_review(_small_doc()) for i in ids)


def test_text_headings_and_field_values_stay_text():
    doc = _small_doc()
    html = render_review(doc)
    page = _parse(html)
    assert page.tags["script"] == 1 and page.tags["img"] == 0  # only the page's own script
    assert "".join(page.text) == doc.text
    assert "Kinh tế &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(3)&gt;" in html  # an indicator name
    assert "quote &lt;script&gt;alert(4)&lt;/script&gt; not found" in html  # a problem message


def test_items_whose_span_is_not_in_the_text_still_get_a_row():
    doc = _small_doc()
    doc.indicators[0] = doc.indicators[0].model_copy(update={"start": 10_000, "end": 10_005})
    doc.tasks[0] = doc.tasks[0].model_copy(update={"start": doc.tasks[0].start + 1})
    page = _parse(html := render_review(doc))
    assert "i1" in page.row_ids and "i1" not in page.anchors and not page.marks_of("i1")
    assert "not in text" in html and "offsets drifted" in html
    assert "".join(page.text) == doc.text


@pytest.fixture(scope="module")
def sample_docs() -> dict[str, ReportDocument]:
    return {p.stem: extract_document(p, RULES) for p in DEV_REPORTS}


@pytest.mark.parametrize("stem", [p.stem for p in DEV_REPORTS])
def test_a_real_report_has_one_row_and_a_highlight_per_item_and_the_whole_text(sample_docs, stem):
    doc = sample_docs[stem]
    page = _parse(render_review(doc))
    ids = [i.id for i in [*doc.indicators, *doc.tasks, *doc.limitations, *doc.references, *doc.proposals]]
    headed = [f"h-{s.id}" for s in doc.sections if s.heading_start is not None and s.heading_end is not None]
    assert len(ids) > 50
    assert Counter(page.row_ids) == Counter(ids + headed)  # exactly one row each, nothing else
    highlighted = Counter(i for m in page.marks for i in m["data-ids"].split())
    assert all(highlighted[i] >= 1 for i in ids + headed)
    assert "".join(page.text) == doc.text  # nothing lost or duplicated
    # one node per piece of text between item boundaries, never one per character
    assert len(page.marks) <= 2 * len(ids + headed)


def test_table_rows_are_outlined_and_table_figures_name_their_table_and_row():
    doc = extract_document(next((ROOT / "eval" / "corpus").glob("17-*.docx")), RULES)
    html = render_review(doc)
    page = _parse(html)
    assert "".join(page.text) == doc.text  # the row outlines add no text
    (table,) = doc.tables
    assert html.count('<span class="trow"') == len(table.row_spans) == 6
    assert f'title="table tb1 row {len(table.row_spans) - 1}"' in html
    figure = next(i for i in doc.indicators if i.table_id == "tb1")
    row = next(r for r in page.rows if r["id"] == f"row-{figure.id}")
    assert row and f"table tb1, row {figure.table_row}" in html
    opened = html.index(f'<span class="trow" title="table tb1 row {figure.table_row}">')
    inside = html[opened : html.index("</span>", opened)]  # the figure's highlight sits inside its row's outline
    assert (
        f'<a class="anchor" id="{figure.id}">' in inside
        and doc.text[figure.start : figure.end].split(" | ")[1] in inside
    )


@pytest.fixture(scope="module")
def injected(tmp_path_factory) -> ReportDocument:
    """The monthly report with a line of markup added to its first section."""
    folder = tmp_path_factory.mktemp("injected")
    lines = MONTHLY.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(k for k, line in enumerate(lines) if line.startswith("1.")) + 1
    lines.insert(at, INJECTED + "\n")
    source = folder / "monthly-injected.txt"
    source.write_text("".join(lines), encoding="utf-8")
    doc = extract_document(source, RULES)
    assert INJECTED in doc.text
    return doc


def _write_reports(folder: Path, docs: dict[str, ReportDocument]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for stem, doc in docs.items():
        (path := folder / f"{stem}.json").write_text(doc.model_dump_json(), encoding="utf-8")
        paths.append(path)
    return paths


def test_run_review_writes_a_page_per_report_and_an_index(tmp_path, sample_docs):
    paths = _write_reports(tmp_path / "reports", sample_docs)
    index = write_run_review(paths, tmp_path / "review")
    pages = sorted(x.name for x in (tmp_path / "review").glob("*.html"))
    assert pages == sorted([f"{p.stem}.html" for p in paths] + ["index.html"])
    body = index.read_text(encoding="utf-8")
    for p in paths:
        doc = sample_docs[p.stem]
        assert f'href="./{p.stem}.html"' in body and f"<td>{len(doc.indicators)}</td>" in body
    result = CliRunner().invoke(app, ["review", str(tmp_path)])
    assert result.exit_code == 0
    out = tmp_path / "review"
    assert result.stdout.splitlines() == [str(out / f"{p.stem}.html") for p in paths] + [str(out / "index.html")]


def test_reports_with_the_same_name_get_their_own_pages(tmp_path, sample_docs):
    doc = sample_docs[MONTHLY.stem]
    a, b = tmp_path / "a" / "r.json", tmp_path / "b" / "r.json"
    for p in (a, b):
        p.parent.mkdir()
        p.write_text(doc.model_dump_json(), encoding="utf-8")
    run = write_run_review_checked([a, b], tmp_path / "review")
    assert [p.name for p in run.pages] == ["r.html", "r-2.html"] and not run.problems


def test_a_bad_report_is_named_in_one_line_and_the_others_are_still_written(tmp_path, sample_docs):
    good = _write_reports(tmp_path, {MONTHLY.stem: sample_docs[MONTHLY.stem]})[0]
    bad = tmp_path / "broken.json"
    bad.write_text('{"text": "x"', encoding="utf-8")
    result = CliRunner().invoke(app, ["review", str(bad), str(good), "-o", str(tmp_path / "pages")])
    assert result.exit_code == 2
    assert (tmp_path / "pages" / f"{good.stem}.html").exists()
    assert result.stdout.splitlines()[-1] == str(tmp_path / "pages" / "index.html")
    skipped = [line for line in result.stderr.splitlines() if "broken.json" in line]
    assert len(skipped) == 1 and "not a llmx report JSON" in skipped[0]
    assert "broken.json" in (tmp_path / "pages" / "index.html").read_text(encoding="utf-8")

    alone = CliRunner().invoke(app, ["review", str(bad)])
    assert alone.exit_code == 2 and len(alone.stderr.strip().splitlines()) == 1 and str(bad) in alone.stderr
    page = tmp_path / "one.html"
    one = CliRunner().invoke(app, ["review", str(good), "-o", str(page)])
    assert one.exit_code == 0 and one.stdout.strip() == str(page) and 'data-ids="' in page.read_text(encoding="utf-8")


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_the_page_works_in_a_real_headless_browser(injected, tmp_path):
    browser = _chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it (apt-get install chromium)")
        pytest.skip("chromium not installed (apt-get install chromium); CI runs this test")
    doc = injected
    page = tmp_path / "review.html"
    page.write_text(render_review(doc), encoding="utf-8")
    flags = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    sector = Counter(i.sector for i in doc.indicators).most_common(1)[0][0]
    chosen = next(i.id for i in doc.indicators if i.sector == sector)
    # filters and the selected item come from the URL, so one load checks the script's behaviour
    url = f"{page.as_uri()}?show=indicator,task&sector={sector}#{chosen}"
    run = subprocess.run(
        [*flags, "--virtual-time-budget=3000", "--dump-dom", url], capture_output=True, text=True, timeout=120
    )
    dom = _parse(run.stdout, serialized=True)
    assert dom.body.get("data-ready") == "1", run.stderr[-2000:]  # the page script ran to the end
    before = _parse(render_review(doc))
    items = doc.indicators + doc.tasks + doc.limitations + doc.references
    assert len(dom.marks) == len(before.marks) > len(items) // 2
    assert Counter(dom.row_ids) == Counter(before.row_ids) and len(dom.rows) >= len(items)
    assert "".join(dom.text) == doc.text  # the injected markup is still text after the script ran
    assert dom.tags["script"] == 1 and dom.tags["img"] == 0

    def shown(kind: str, sec: str) -> bool:
        return kind in ("indicator", "task") and sec == sector

    for row in dom.rows:
        assert ("hidden" in row.get("class", "").split()) != shown(row["data-kind"], row["data-sector"]), row
    for mark in dom.marks:
        visible = [
            k for k, s in zip(mark["data-kinds"].split(), mark["data-sectors"].split(), strict=True) if shown(k, s)
        ]
        classes = mark["class"].split()
        assert ("off" in classes) == (not visible) and (not visible or f"k-{visible[0]}" in classes), mark
    selected_row = next(r for r in dom.rows if r["id"] == f"row-{chosen}")
    assert "selected" in selected_row["class"].split()
    assert all("selected" in m["class"].split() for m in dom.marks_of(chosen))

    shot = tmp_path / "review.png"
    subprocess.run(
        [*flags, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri()], capture_output=True, timeout=120
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    keep = ROOT / "eval" / "reports" / "review-screenshot.png"  # ignored by git; for a human to look at
    keep.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, keep)


def _flagged_doc() -> ReportDocument:
    """The small report plus a proposal to a named body, and flags on the figure and the proposal."""
    doc = _small_doc()
    ask = "Đề nghị UBND tỉnh hỗ trợ kinh phí."
    text = doc.text + ask + "\n"
    start = text.index(ask)
    proposal = Proposal(
        id="p1", section_id="s1", text=ask, addressee="UBND tỉnh", sector="budget", start=start, end=start + len(ask)
    )
    s1 = doc.sections[0].model_copy(update={"end": len(text)})
    return doc.model_copy(
        update={
            "text": text,
            "source": doc.source.model_copy(update={"chars": len(text)}),
            "sections": [s1, doc.sections[1]],
            "metadata": doc.metadata.model_copy(update={"addressees": ["UBND tỉnh", "Sở Tài chính"]}),
            "indicators": [doc.indicators[0].model_copy(update={"flags": ["unit_missing", "backends_disagree"]})],
            "proposals": [proposal.model_copy(update={"flags": ["not_in_rules"]})],
        }
    )


def test_proposals_have_their_own_colour_filter_and_rows():
    html = render_review(doc := _flagged_doc())
    page = _parse(html)
    [row] = [r for r in page.rows if r["id"] == "row-p1"]
    assert row["data-kind"] == "proposal" and row["data-flagged"] == "1"
    [mark] = page.marks_of("p1")
    assert mark["data-kinds"] == "proposal" and mark["class"] == "k-proposal"
    assert 'value="proposal" checked> proposal (1)' in html and ".k-proposal{background:" in html
    assert "to: UBND tỉnh" in html and "UBND tỉnh; Sở Tài chính" in html  # addressee, metadata addressees
    assert "1 proposal," in html and "".join(page.text) == doc.text


def test_flags_show_per_row_and_mark_and_feed_the_flagged_only_filter():
    html = render_review(_flagged_doc())
    page = _parse(html)
    flagged = {r["id"][4:]: r["data-flagged"] for r in page.rows}
    assert flagged == {"h-s1": "0", "i1": "1", "t1": "0", "l1": "0", "r1": "0", "p1": "1"}
    [fig] = page.marks_of("i1")
    assert fig["data-ids"] == "i1 t1" and fig["data-flagged"] == "1 0"  # parallel to data-ids
    assert '<span class="flag">unit_missing</span><span class="flag">backends_disagree</span>' in html
    assert 'id="flagged"> flagged only (2)' in html


def test_the_flagged_only_filter_works_in_a_real_headless_browser(tmp_path):
    browser = _chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it (apt-get install chromium)")
        pytest.skip("chromium not installed (apt-get install chromium); CI runs this test")
    page = tmp_path / "flagged.html"
    page.write_text(render_review(_flagged_doc()), encoding="utf-8")
    flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
    flags += [f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000", "--dump-dom"]
    run = subprocess.run([*flags, f"{page.as_uri()}?flagged=1"], capture_output=True, text=True, timeout=120)
    dom = _parse(run.stdout, serialized=True)
    assert dom.body.get("data-ready") == "1", run.stderr[-2000:]
    hidden = {r["id"][4:] for r in dom.rows if "hidden" in r.get("class", "").split()}
    assert hidden == {"h-s1", "t1", "l1", "r1"}  # only the flagged figure and proposal stay
    [fig] = dom.marks_of("i1")
    assert fig["class"].split() == ["k-indicator"]  # the unflagged task around it no longer underlines it
    [ref] = dom.marks_of("r1")
    assert ref["class"].split() == ["off"]
