"""Which report files a bulk run covers: files, folders (recursive) and glob patterns.

Folders contribute only files with a report extension (so `reports/` next to `.xlsx` tables
or `.DS_Store` does not drag them in); files named explicitly are taken whatever their
extension, and the reader decides. Each report gets an output name that is stable across runs
and unique within one: its stem, plus a short hash of its path when two inputs share a stem.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from llmx.errors import InputError

REPORT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".doc", ".rtf", ".odt", ".pdf"})
_UNSAFE = re.compile(r"[^\w.\-]+")
MAX_NAME_BYTES = 120  # output names longer than this are cut and given a hash of their path


@dataclass(frozen=True)
class Input:
    path: Path
    name: str  # output name, without extension: DIR/reports/<name>.json


def _walk(folder: Path, problems: list[str]) -> list[Path]:
    """Report files under `folder`; a subfolder that cannot be listed is named in `problems`
    (Path.rglob would skip it without a word)."""
    found: list[Path] = []

    def unreadable(exc: OSError) -> None:
        problems.append(
            f"{exc.filename or folder}: folder cannot be read ({exc.strerror or exc}); its reports were not run"
        )

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            Path(root, f) for f in files if not f.startswith(".") and Path(f).suffix.lower() in REPORT_SUFFIXES
        )
    return sorted(found)


def expand(specs: list[str], *, exclude: Path | None = None, problems: list[str] | None = None) -> list[Path]:
    """Report files named by `specs`, each once, in a stable order; `exclude` (the output dir) skipped.

    Inputs that name nothing and folders that cannot be read go into `problems`, one line each
    (InputError when nothing at all is left to run).
    """
    problems = [] if problems is None else problems
    found: list[Path] = []
    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            found.extend(_walk(path, problems))
        elif path.is_file():
            found.append(path)
        elif glob.has_magic(spec):
            matches = sorted(Path(m) for m in glob.glob(spec, recursive=True))
            files = [m for m in matches if m.is_file()] + [f for m in matches if m.is_dir() for f in _walk(m, problems)]
            if not files:
                problems.append(f"{spec} (pattern matched no files)")
            found.extend(files)
        else:
            problems.append(f"{spec} (no such file or folder)")
    if problems and not found:
        raise InputError("no reports to run: " + "; ".join(problems))
    seen: set[Path] = set()
    unique: list[Path] = []
    skip = exclude.resolve() if exclude else None
    for p in found:
        real = p.resolve()
        if real in seen or (skip is not None and real.is_relative_to(skip)):
            continue
        seen.add(real)
        unique.append(p)
    if not unique:
        raise InputError("no reports to run: the inputs hold no .txt/.md/.html/.docx/.pdf files")
    return unique


def _short(stem: str, limit: int = MAX_NAME_BYTES) -> str:
    """`stem` cut to `limit` UTF-8 bytes on a character boundary (file names hold at most 255 bytes,
    and `<name>.json`, `<name>.html` and temp names must fit)."""
    cut = stem.encode("utf-8")[:limit].decode("utf-8", "ignore")
    return cut.rstrip("._") or "report"


def name_inputs(paths: list[Path]) -> list[Input]:
    """Pair each path with its output name (unique, filesystem-safe, short enough, stable across runs)."""
    stems = []
    for p in paths:
        # NFC first: a name from macOS (NFD, "a" + combining accent) would lose every accent to "_"
        stem = _UNSAFE.sub("_", unicodedata.normalize("NFC", p.stem)).strip("._") or "report"
        stems.append(stem if len(stem.encode("utf-8")) <= MAX_NAME_BYTES else f"{_short(stem)}-{_digest(p)}")
    counts: dict[str, int] = {}
    for s in stems:
        counts[s.lower()] = counts.get(s.lower(), 0) + 1
    out = []
    for p, stem in zip(paths, stems, strict=True):
        if counts[stem.lower()] > 1:
            stem = f"{stem}-{_digest(p)}"
        out.append(Input(p, stem))
    return out


def _digest(path: Path) -> str:
    return hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]
