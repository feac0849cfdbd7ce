"""One document's LLM plan: which text goes in which request, rendered into messages. Pure.

`plan_document` cuts the document into jobs (llmx/llm/chunking.py), renders each job's
messages with the section prompt, and adds one metadata request for every document: its header
block and first sentences (or simply the head of the text when there is no header block, as on
a web page) and its closing block (or its last lines). The metadata prompt has the section
prompt's version when there is one (section@v2 -> metadata@v2). `extract`, `llmx run` and
`llmx run --batch` all run the same plan: batch mode submits `plan.requests()` and the run then
asks for exactly those requests, which the batch (or the cache) answers.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from llmx.config import Settings
from llmx.contract import Metadata, Section
from llmx.errors import PromptError
from llmx.llm import budget, prompts
from llmx.llm.chunking import PACK_TOKENS, Block, Job, plan_jobs, repeated_header
from llmx.llm.seam import Messages
from llmx.llm.tokens import count_tokens
from llmx.sections import Layout

TAIL_CHARS = 2500  # closing block sent for metadata (signature, Nơi nhận); footnotes after it are cut
BODY_CHARS = 1200  # first sentences of the body sent for metadata (headline, "UBND huyện X báo cáo ...")
HEAD_CHARS = 2500  # the head of a text without a header block (a web page)
LAST_CHARS = 800  # the last lines of a text without a closing block (a signature may still be there)
_PATHS = {
    "title": "(title)",
    "preamble": "(text before the first heading)",
    "closing": "(closing paragraph)",
    "footnote": "(footnote)",
    "annex": "(annex after the signature)",
}
_ROLES = {"title": "preamble", "preamble": "preamble", "closing": "closing", "footnote": "other", "annex": "results"}


@dataclass(frozen=True)
class Request:
    """One structured request: its messages, the text its quotes must come from, its answer type."""

    messages: Messages
    context: dict[str, str]
    response_model: type[Any]
    tag: str  # prompt@version#hash: names what the answer was asked with (cache key, header)
    max_tokens: int | None = None  # the answer's limit (llmx/llm/budget.py); None: the server's own


@dataclass
class MetadataPlan:
    """The rules' metadata, and the metadata request (None only when metadata is not asked for)."""

    rules: Metadata | None
    request: Request | None = None

    @property
    def base(self) -> Metadata:
        return self.rules or Metadata()


@dataclass
class DocumentPlan:
    """Everything the LLM pass of one document will ask, before anything is asked."""

    text: str
    layout: Layout
    prompt: prompts.Prompt
    jobs: list[Job]
    metadata: MetadataPlan
    settings: Settings = field(default_factory=Settings)
    requests_by_job: list[Request] = field(default_factory=list)

    @property
    def tag(self) -> str:
        return f"{self.prompt.ref}#{self.prompt.hash}"

    @cached_property
    def _sections(self) -> dict[str, Section]:
        return {s.id: s for s in self.layout.sections}

    def request(self, job: Job) -> Request:
        """The request for a job: a planned one, or a part of one (a truncated answer's halves)."""
        blocks = [self._block(b, job.blocks[k - 1].end if k else None) for k, b in enumerate(job.blocks)]
        messages = self.prompt.render(wanted=list(job.wanted), sections=blocks)
        context = {"section_text": "\n".join(b["text"] for b in blocks)}
        return sized(Request(messages, context, self.prompt.response_model, self.tag), self.settings)

    def _block(self, b: Block, after: int | None) -> dict[str, str]:
        """One <section_text>: its path, role, sector and text (see `_with_header`)."""
        text = self._with_header(b.start, b.end, after)
        if b.section is None:
            path, role = _PATHS.get(b.label, "(other text)"), _ROLES.get(b.label, "other")
            return {"path": path, "role": role, "sector": "", "text": text}
        path = _path(b.section, self._sections)
        return {"path": path, "role": b.section.role, "sector": b.section.sector or "", "text": text}

    def _with_header(self, start: int, end: int, after: int | None) -> str:
        """A block's text, below the header rows of a table it continues (the model reads the columns),
        unless the block before it in the same request (ending at `after`) already shows that table."""
        own = _BLANK_TAIL.sub("", _BLANK_HEAD.sub("", self.text[start:end]))  # a row's trailing ` | ` is its own
        header = repeated_header(self.layout, start)
        if header is None or (after is not None and self.layout.table_at(after - 1) is self.layout.table_at(start)):
            return own
        return f"{self.text[header[0] : header[1]]}\n{own}"

    def only(self, section_ids: Collection[str]) -> DocumentPlan:
        """The requests carrying these sections' text, and no metadata request (`--section`). A
        request packed with neighbours stays whole: it is the very request a whole run sends (the
        same cache key), so re-running one section with an unchanged prompt costs nothing."""
        keep = [k for k, job in enumerate(self.jobs) if set(job.section_ids) & set(section_ids)]
        return replace(
            self,
            jobs=[self.jobs[k] for k in keep],
            metadata=MetadataPlan(self.metadata.rules),
            requests_by_job=[self.requests_by_job[k] for k in keep],
        )

    def requests(self) -> list[Request]:
        """Every request the plan makes, in order: one per job, then the metadata request if planned."""
        return self.requests_by_job + ([self.metadata.request] if self.metadata.request else [])


_BLANK_HEAD = re.compile(r"^(?:[ \t]*\n)+")  # blank lines before a block's first line
_BLANK_TAIL = re.compile(r"(?:\n[ \t]*)+$")  # and after its last line (whose own spaces a quote may hold)


def _fixed_tokens(prompt: prompts.Prompt, settings: Settings) -> int:
    """Tokens of a section request without its text: instructions, and the schema unless a grammar
    carries it (json_schema mode sends the schema outside the prompt)."""
    example = prompts.EXAMPLES.get(prompt.name, {})
    sections = [{**s, "text": ""} for s in example.get("sections", [])]
    messages = prompt.render(**{**example, "sections": sections})
    fixed = sum(count_tokens(m["content"]) for m in messages)
    return fixed + (0 if settings.mode == "json_schema" else count_tokens(prompts.schema_text(prompt)))


def _path(section: Section | None, by_id: dict[str, Section]) -> str:
    chain: list[str] = []
    while section is not None:
        chain.append(f"{section.number}. {section.heading}" if section.number else section.heading)
        section = by_id.get(section.parent_id) if section.parent_id else None
    return " > ".join(reversed(chain)) or "(text outside the numbered sections)"


def _line_end(text: str, pos: int) -> int:
    """The end of the line holding `pos` (so a sent excerpt never stops mid-line)."""
    if pos >= len(text):
        return len(text)
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def metadata_excerpt(text: str, layout: Layout) -> tuple[str, str]:
    """What the metadata request shows: the head (header block and first sentences, or the head of
    a text with no header block) and the tail (closing block, or the last lines)."""
    head_end = _line_end(text, layout.body_start + BODY_CHARS if layout.body_start else HEAD_CHARS)
    if layout.body_end < len(text):
        tail_start = max(layout.body_end, head_end)
    else:
        tail_start = max(head_end, text.find("\n", len(text) - LAST_CHARS) + 1 if len(text) > LAST_CHARS else 0)
    return text[:head_end].strip(), text[tail_start:][:TAIL_CHARS].strip()


def metadata_prompt_ref(section_prompt: prompts.Prompt, prompts_dir: Path | None) -> str:
    """metadata@vN for section@vN when that version exists, else the newest metadata prompt."""
    known = [p for p in prompts.list_prompts(prompts_dir) if p.name == "metadata"]
    same = [p for p in known if p.version == section_prompt.version]
    if same or not known:
        return f"metadata@{section_prompt.version}"
    return max(known, key=lambda p: int(p.version[1:])).ref


def plan_metadata(
    text: str, layout: Layout, settings: Settings, mode: bool | None, section_prompt: prompts.Prompt | None = None
) -> MetadataPlan:
    """Rules metadata, and the metadata request: on every document unless `mode` is False.

    `mode`: True or None always asks (None is the default), False never asks.
    """
    try:
        from llmx.rules.metadata import extract_metadata

        rules: Metadata | None = extract_metadata(text, layout.sections)
    except ImportError:  # the rules backend is optional here: the model can do it alone
        rules = None
    plan = MetadataPlan(rules)
    head, tail = metadata_excerpt(text, layout)
    if mode is False or not (head or tail):
        return plan
    section_prompt = section_prompt or prompts.load(settings.prompt, settings.prompts_dir)
    prompt = prompts.load(metadata_prompt_ref(section_prompt, settings.prompts_dir), settings.prompts_dir)
    context = {"source_text": f"{head}\n{tail}"}
    tag = f"{prompt.ref}#{prompt.hash}"
    request = Request(prompt.render(head=head, tail=tail), context, prompt.response_model, tag)
    plan.request = sized(request, settings, metadata=True)
    return plan


def sized(request: Request, settings: Settings, *, metadata: bool = False) -> Request:
    """The request with its lists bounded for its text and its answer's max_tokens (llmx/llm/budget.py)."""
    text = next(iter(request.context.values()), "")
    prompt_tokens = sum(count_tokens(m.get("content") or "") for m in request.messages)
    copies = budget.METADATA_COPIES if metadata else budget.SECTION_COPIES
    figures = 0 if metadata else budget.figure_count(text)  # metadata asks for no indicators
    extra = 0 if metadata else int(sum(times * count_tokens(unit) for unit, times in budget.recopied(text)))
    limit = budget.answer_tokens(
        count_tokens(text), prompt_tokens, settings, copies=copies, figures=figures, recopied_tokens=extra
    )
    return replace(request, response_model=budget.bounded(request.response_model, text), max_tokens=limit)


def plan_document(
    text: str,
    layout: Layout,
    settings: Settings,
    *,
    metadata_llm: bool | None = None,
    pack_tokens: int = PACK_TOKENS,
) -> DocumentPlan:
    """The LLM plan of one normalized, split document (see the module docstring)."""
    prompt = prompts.load(settings.prompt, settings.prompts_dir)
    if prompt.name != "section":
        raise PromptError(f"--prompt must name a section prompt (section@vN), not {prompt.ref}")
    model = prompt.response_model
    kinds = [k for k in ("indicators", "tasks", "limitations", "references", "proposals") if k in model.model_fields]
    gated = bool(getattr(model, "ROLE_GATED", False))
    split_tokens, pack = budget.section_tokens(settings, _fixed_tokens(prompt, settings))
    jobs = plan_jobs(text, layout, split_tokens, min(pack_tokens, pack), kinds=kinds, role_gated=gated)
    meta = plan_metadata(text, layout, settings, metadata_llm, prompt)
    plan = DocumentPlan(text, layout, prompt, jobs, meta, settings)
    plan.requests_by_job = [plan.request(job) for job in jobs]
    return plan
