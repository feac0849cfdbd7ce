"""Which report files a bulk run covers: files, folders (recursive) and glob patterns.

Folders contribute only files with a report extension (so `reports/` next to `.xlsx` tables
or `.DS_Store` does not drag them in); files named explicitly are taken whatever their
extension, and the reader decides. Each report gets an output name that is stable across runs
and unique within one: its stem, plus a short hash of its path when two inputs share a stem.
"""

from __future__ import annotations

import glob
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from llmx.errors import InputError

REPORT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".doc", ".rtf", ".odt", ".pdf"})
_UNSAFE = re.compile(r"[^\w.\-]+")


@dataclass(frozen=True)
class Input:
    path: Path
    name: str  # output name, without extension: DIR/reports/<name>.json


def _walk(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES and not any(part.startswith(".") for part in p.parts)
    )


def expand(specs: list[str], *, exclude: Path | None = None) -> list[Path]:
    """Report files named by `specs`, each once, in a stable order; `exclude` (the output dir) skipped."""
    found: list[Path] = []
    missing: list[str] = []
    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            found.extend(_walk(path))
        elif path.is_file():
            found.append(path)
        elif glob.has_magic(spec):
            matches = sorted(Path(m) for m in glob.glob(spec, recursive=True))
            files = [m for m in matches if m.is_file()] + [f for m in matches if m.is_dir() for f in _walk(m)]
            if not files:
                missing.append(f"{spec} (pattern matched no files)")
            found.extend(files)
        else:
            missing.append(f"{spec} (no such file or folder)")
    if missing and not found:
        raise InputError("no reports to run: " + "; ".join(missing))
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


def name_inputs(paths: list[Path]) -> list[Input]:
    """Pair each path with its output name (unique, filesystem-safe, stable across runs)."""
    stems = [_UNSAFE.sub("_", p.stem).strip("._") or "report" for p in paths]
    counts: dict[str, int] = {}
    for s in stems:
        counts[s.lower()] = counts.get(s.lower(), 0) + 1
    out = []
    for p, stem in zip(paths, stems, strict=True):
        if counts[stem.lower()] > 1:
            stem = f"{stem}-{hashlib.sha1(str(p.resolve()).encode()).hexdigest()[:8]}"
        out.append(Input(p, stem))
    return out


def missing_specs(specs: list[str]) -> list[str]:
    """The specs that name nothing (reported as warnings when other inputs were found)."""
    return [s for s in specs if not Path(s).exists() and not (glob.has_magic(s) and glob.glob(s, recursive=True))]
