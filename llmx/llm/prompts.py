"""Versioned prompt templates (`prompts/NAME.VERSION.jinja`), rendered strictly. Pure after load.

A prompt is one Jinja file with a `system` and a `user` block; shared parts are included from
`_*.jinja` partials. Rendering uses StrictUndefined, so a missing variable is a `PromptError`
instead of an empty hole in what the model reads. A prompt's hash covers its template, every
partial it includes and its response JSON schema: it names what a cassette or cache entry was
recorded with, and changes whenever any of them does.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta

from llmx.errors import PromptError
from llmx.llm import responses, responses_v2
from llmx.resources import prompts_dir as default_prompts_dir

PROMPTS_DIR = default_prompts_dir()  # the shipped templates (the checkout's prompts/ in a source tree)
# the answer each prompt version asks for; a version not listed (a user's own section.v3.jinja)
# asks for its name's newest answer
RESPONSE_MODELS: dict[str, dict[str, type[Any]]] = {
    "section": {"v1": responses.SectionItems, "v2": responses_v2.SectionItems},
    "metadata": {"v1": responses.ReportMetadata, "v2": responses_v2.ReportMetadata},
}
_REF = re.compile(r"^([a-z][a-z0-9_]*)@(v\d+)$")

# Variables used by `llmx prompts show` and the golden-prompt tests: SPEC section 8's example.
EXAMPLES: dict[str, dict[str, Any]] = {
    "section": {
        "wanted": ["indicators", "limitations", "references"],
        "sections": [
            {
                "path": "II. Kinh tế - xã hội > 3. Tài chính, ngân sách",
                "role": "results",
                "sector": "budget",
                "text": "Tổng thu NSNN đến 20/02/2023 là 88,8 tỷ đồng, đạt 8,4% dự toán, gồm: Thu trên địa bàn "
                "là 16,7/715,9 tỷ đồng, đạt 2,3% dự toán.",
            }
        ],
    },
    "metadata": {
        "head": "HUYỆN ỦY THANH BA\nSố: 112-BC/HU\nThanh Ba, ngày 24 tháng 02 năm 2023\nBÁO CÁO\n"
        "Kết quả thực hiện công tác tháng 2, nhiệm vụ trọng tâm tháng 3 năm 2023",
        "tail": "Nơi nhận:\n- Ban Thường vụ Tỉnh ủy,\n- Lưu VP.\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nNguyễn Văn A",
    },
}


@dataclass(frozen=True)
class Prompt:
    """One loaded prompt version: its templates' sources and its response model."""

    name: str
    version: str
    path: Path
    sources: dict[str, str] = field(repr=False)  # template file -> source, the main file first
    template: jinja2.Template = field(repr=False, compare=False)

    @property
    def ref(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def response_model(self) -> type[Any]:
        versions = RESPONSE_MODELS[self.name]
        return versions.get(self.version) or versions[max(versions, key=lambda v: int(v[1:]))]

    @property
    def schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = self.response_model.model_json_schema()
        return schema

    @functools.cached_property
    def hash(self) -> str:
        """12 hex digits over the template, its partials and the response schema."""
        digest = hashlib.sha256()
        for file, source in sorted(self.sources.items()):
            digest.update(f"{file}\0{source}\0".encode())
        digest.update(json.dumps(self.schema, sort_keys=True, ensure_ascii=False).encode())
        return digest.hexdigest()[:12]

    def __reduce__(self) -> tuple[Any, tuple[str, Path]]:
        # a compiled template does not pickle: a plan sent to another process loads it there
        return load, (self.ref, self.path.parent)

    def render(self, **variables: Any) -> list[dict[str, str]]:
        """The chat messages (system, user) for these variables; a missing one is a PromptError."""
        try:
            ctx = self.template.new_context(variables)
            parts = {b: "".join(self.template.blocks[b](ctx)).strip() for b in ("system", "user")}
        except jinja2.UndefinedError as exc:
            raise PromptError(f"prompt {self.ref} needs a variable that was not given: {exc.message}") from None
        return [{"role": "system", "content": parts["system"]}, {"role": "user", "content": parts["user"]}]


def example(prompt: Prompt) -> dict[str, Any]:
    """The example variables for `prompt`: a section prompt that is not role-gated asks for every
    kind its answer has (section@v2), a gated one only for a results section's kinds (v1)."""
    variables = dict(EXAMPLES[prompt.name])
    model = prompt.response_model
    if prompt.name == "section" and not getattr(model, "ROLE_GATED", False):
        kinds = ("indicators", "tasks", "limitations", "references", "proposals")
        variables["wanted"] = [k for k in kinds if k in model.model_fields]
    return variables


def parse_ref(ref: str) -> tuple[str, str]:
    """`section@v1` -> ("section", "v1"); anything else is a PromptError."""
    m = _REF.match(ref.strip())
    if not m:
        raise PromptError(f"prompt reference {ref!r} must look like NAME@vN, e.g. section@v1")
    return m.group(1), m.group(2)


@lru_cache(maxsize=8)
def _environment(directory: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(directory)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
    )


def _sources(env: jinja2.Environment, file: str, seen: dict[str, str]) -> None:
    """Collect `file` and every template it includes or extends, recursively."""
    if file in seen:
        return
    assert env.loader is not None
    source = env.loader.get_source(env, file)[0]
    seen[file] = source
    for ref in meta.find_referenced_templates(env.parse(source)):
        if ref is None:
            raise PromptError(f"{file}: includes must name their template literally")
        _sources(env, ref, seen)


_LOADED: dict[tuple[str, Path], tuple[tuple[Any, ...], Prompt]] = {}


def _stamp(prompt: Prompt) -> tuple[Any, ...]:
    """What a loaded prompt depends on: its files as they are on disk now, and its response model."""
    directory = prompt.path.parent
    files = []
    for file in sorted(prompt.sources):
        try:
            st = (directory / file).stat()
        except OSError:
            return ()
        files.append((file, st.st_mtime_ns, st.st_size))
    return (prompt.response_model, *files)  # the class itself: a dict of versions changes in place


def load(ref: str, prompts_dir: Path | None = None) -> Prompt:
    """Load `NAME@VERSION` from `prompts_dir` (default: the repo's prompts/).

    Every document's plan loads its prompt: a prompt whose files and response model have not
    changed since it was loaded is not parsed again (about 2 ms each time).
    """
    directory = (prompts_dir or PROMPTS_DIR).resolve()
    kept = _LOADED.get((ref, directory))
    if kept is not None and kept[0] and kept[0] == _stamp(kept[1]):
        return kept[1]
    prompt = _load(ref, directory)
    _LOADED[(ref, directory)] = (_stamp(prompt), prompt)
    return prompt


def _load(ref: str, directory: Path) -> Prompt:
    name, version = parse_ref(ref)
    if name not in RESPONSE_MODELS:
        raise PromptError(f"unknown prompt {ref!r}; known names: {', '.join(sorted(RESPONSE_MODELS))}")
    file = f"{name}.{version}.jinja"
    env = _environment(directory)
    try:
        sources: dict[str, str] = {}
        _sources(env, file, sources)
        template = env.get_template(file)
    except jinja2.TemplateNotFound as exc:
        known = ", ".join(p.ref for p in list_prompts(directory)) or "none"
        raise PromptError(f"prompt template {exc.name} not found in {directory}; available: {known}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise PromptError(f"{exc.filename or file}:{exc.lineno}: {exc.message}") from None
    missing = {"system", "user"} - set(template.blocks)
    if missing:
        raise PromptError(f"{file} must define the blocks system and user; missing: {', '.join(sorted(missing))}")
    return Prompt(name=name, version=version, path=directory / file, sources=sources, template=template)


def render(ref: str, variables: dict[str, Any], prompts_dir: Path | None = None) -> list[dict[str, str]]:
    """Load and render in one call."""
    return load(ref, prompts_dir).render(**variables)


def list_prompts(prompts_dir: Path | None = None) -> list[Prompt]:
    """Every `NAME.vN.jinja` prompt in the directory (partials, `_*.jinja`, are not prompts)."""
    directory = (prompts_dir or PROMPTS_DIR).resolve()
    found = []
    for path in sorted(directory.glob("*.v*.jinja")):
        name, _, version = path.name.removesuffix(".jinja").rpartition(".")
        if not path.name.startswith("_") and name in RESPONSE_MODELS:
            found.append(load(f"{name}@{version}", directory))
    return found


def schema_text(prompt: Prompt) -> str:
    """The response schema as sent (compact JSON), for display and token counts."""
    return json.dumps(prompt.schema, ensure_ascii=False)
