"""Review pages: every item highlighted and linked, text escaped, checked in a real browser."""

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmx.cli import app
from llmx.config import Settings
from llmx.contract import Extractor, Indicator, ReportDocument, Section, Source, Task
from llmx.pipeline import extract_document
from llmx.review import render_review, write_run_review
from tests.conftest import MONTHLY, SAMPLES

ROOT = Path(__file__).resolve().parent.parent
INJECTED = 'Ghi chú: <script>window.__pwned=1</script> và "><img src=x onerror=alert(1)> hết.'


class _Page(HTMLParser):
    """Collects the text of <pre class="text">, the mark ids, anchors and table rows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_pre = 0
        self.text: list[str] = []
        self.marks: list[dict[str, str]] = []
        self.anchors: list[str] = []
        self.rows: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "pre" and a.get("class") == "text":
            self.in_pre += 1
        elif tag == "mark" and self.in_pre:
            self.marks.append(a)
        elif tag == "a" and a.get("class") == "anchor":
            self.anchors.append(a["id"])
        elif tag == "tr" and a.get("id", "").startswith("row-"):
            self.rows.append(a["id"][4:])
        elif tag in ("script", "img"):
            self.scripts += 1

    def handle_endtag(self, tag):
        if tag == "pre" and self.in_pre:
            self.in_pre -= 1

    def handle_data(self, data):
        if self.in_pre:
            self.text.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def _small_doc() -> ReportDocument:
    text = "1. Kinh tế <b>\nTổng thu ngân sách đạt 88,8 tỷ đồng, bằng 8,4% dự toán; phấn đấu hoàn thành kế hoạch.\n"
    fig = text.index("88,8 tỷ đồng")
    sentence = text.index("Tổng thu")
    return ReportDocument(
        source=Source(path="x.txt", sha256="0" * 64, format="txt", chars=len(text)),
        extractor=Extractor(backend="rules", llmx_version="test"),
        text=text,
        sections=[Section(id="s1", number="1", heading="Kinh tế <b>", level=1, role="results", sector="budget",
                          start=0, end=len(text), heading_start=0, heading_end=text.index("\n"))],
        indicators=[Indicator(id="i1", section_id="s1", name="Tổng thu ngân sách", value=88.8, unit="tỷ đồng",
                              sector="budget", quote="88,8 tỷ đồng", start=fig, end=fig + len("88,8 tỷ đồng"))],
        tasks=[Task(id="t1", section_id="s1", text=text[sentence:-1], sector="budget", start=sentence,
                    end=len(text) - 1)],
    )


def test_nested_items_are_all_highlighted_and_the_innermost_wins_the_click():
    page = _parse(render_review(_small_doc()))
    inner = [m for m in page.marks if "i1" in m["data-ids"].split()]
    assert len(inner) == 1 and inner[0]["data-ids"] == "t1 i1" and inner[0]["data-inner"] == "i1"
    assert inner[0]["class"] == "k-indicator"
    assert {"h-s1", "i1", "t1"} <= set(page.anchors) and sorted(page.rows) == ["h-s1", "i1", "t1"]


def test_text_and_headings_are_escaped_and_nothing_is_lost():
    doc = _small_doc()
    html = render_review(doc)
    assert "Kinh tế &lt;b&gt;" in html and "Kinh tế <b>" not in html
    assert "".join(_parse(html).text) == doc.text


@pytest.fixture(scope="module")
def injected(tmp_path_factory) -> tuple[ReportDocument, Path]:
    folder = tmp_path_factory.mktemp("injected")
    lines = MONTHLY.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(k for k, line in enumerate(lines) if line.startswith("1.")) + 1
    lines.insert(at, INJECTED + "\n")
    source = folder / "monthly-injected.txt"
    source.write_text("".join(lines), encoding="utf-8")
    doc = extract_document(source, Settings())
    assert INJECTED in doc.text
    return doc, folder


def test_a_real_report_has_one_row_and_a_highlight_per_item_and_the_whole_text(injected):
    doc, _ = injected
    page = _parse(render_review(doc))
    ids = [i.id for i in doc.indicators + doc.tasks + doc.limitations + doc.references]
    assert sorted(set(page.rows) - {r for r in page.rows if r.startswith("h-")}) == sorted(ids)
    highlighted = {i for m in page.marks for i in m["data-ids"].split()}
    assert set(ids) <= highlighted
    assert "".join(page.text) == doc.text
    assert page.scripts == 1  # our own script only: the injected <script> and <img> stayed text


def test_run_review_writes_a_page_per_report_and_an_index(tmp_path):
    paths = []
    for p in sorted(SAMPLES.glob("*.txt")):
        out = tmp_path / "reports" / f"{p.stem}.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(extract_document(p, Settings()).model_dump_json(), encoding="utf-8")
        paths.append(out)
    index = write_run_review(paths, tmp_path / "review")
    pages = sorted(x.name for x in (tmp_path / "review").glob("*.html"))
    assert pages == sorted([f"{p.stem}.html" for p in paths] + ["index.html"])
    body = index.read_text(encoding="utf-8")
    assert all(f'href="{p.stem}.html"' in body for p in paths)
    result = CliRunner().invoke(app, ["review", str(tmp_path)])
    assert result.exit_code == 0 and result.stdout.strip() == str(tmp_path / "review" / "index.html")


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_the_page_works_in_a_real_headless_browser(injected, tmp_path):
    browser = _chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it (apt-get install chromium)")
        pytest.skip("chromium not installed (apt-get install chromium); CI runs this test")
    doc, _ = injected
    page = tmp_path / "review.html"
    page.write_text(render_review(doc), encoding="utf-8")
    flags = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*flags, "--virtual-time-budget=3000", "--dump-dom", page.as_uri()], capture_output=True,
                         text=True, timeout=120).stdout
    assert 'data-ready="1"' in dom  # our script ran to the end
    marks = re.findall(r"<mark class=\"(k-\w+)(?: off)?\"", dom)
    pieces = _parse(render_review(doc)).marks
    assert len(marks) == len(pieces) > 100
    rows = re.findall(r'<tr id="row-', dom)
    assert len(rows) == len(doc.indicators + doc.tasks + doc.limitations + doc.references) + sum(
        1 for s in doc.sections if s.heading_start is not None and s.heading_end and s.heading_end > s.heading_start
    )
    assert "<script>window.__pwned" not in dom and "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in dom
    assert "<img src=" not in dom
    shot = tmp_path / "review.png"
    subprocess.run([*flags, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri()], capture_output=True,
                   timeout=120)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    keep = ROOT / "eval" / "reports" / "review-screenshot.png"
    keep.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, keep)
