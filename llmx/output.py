"""Write report documents: the SPEC JSON, and flat indicator rows for spreadsheets.

CSV is written UTF-8 with a BOM so Excel shows Vietnamese correctly, by one writer (`csv_writer`,
`csv_row`) for `extract -f csv` and the tables alike: CRLF rows, standard quoting, booleans
`true`/`false`, lists as JSON. Files are written atomically (temp file + rename) so an interrupted
run never leaves half a file, with the permissions the user's umask gives (not the temp file's 0600).
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any, Literal, TypeGuard, get_args

from pydantic import ValidationError

from llmx.contract import Comparison, ReportDocument
from llmx.errors import DiskFull, InputError, OutputError

OutputFormat = Literal["json", "jsonl", "csv"]


def is_output_format(fmt: str) -> TypeGuard[OutputFormat]:
    """Whether `fmt` (as a flag gave it) names one of the formats `render` writes."""
    return fmt in get_args(OutputFormat)


INDICATOR_COLUMNS = [
    "document",
    "id",
    "section_id",
    "section_number",
    "section_heading",
    "sector",
    "name",
    "value",
    "unit",
    "target",
    "plan_pct",
    "budget_estimate_pct",
    "same_period_pct",
    "same_period_change_pct",
    "previous_period_change_pct",
    "comparisons",
    "estimated",
    "approx",
    "as_of",
    "table_id",
    "table_row",
    "flags",
    "quote",
    "start",
    "end",
    "backend",
    "model",
    "prompt",
]


def _pct(comparisons: list[Comparison], basis: str, relation: str) -> float | None:
    return next((c.pct for c in comparisons if c.basis == basis and c.relation == relation), None)


def indicator_rows(doc: ReportDocument) -> list[dict[str, object]]:
    """One flat row per indicator, with the provenance an analyst needs to trace it (a figure read
    from a table also names the table and its row; `flags` stays a list: JSON in JSONL, JSON text
    in a CSV cell)."""
    sections = {s.id: s for s in doc.sections}
    rows: list[dict[str, object]] = []
    for ind in doc.indicators:
        sec = sections.get(ind.section_id or "")
        c = ind.comparisons
        rows.append(
            {
                "document": doc.source.path,
                "id": ind.id,
                "section_id": ind.section_id,
                "section_number": sec.number if sec else None,
                "section_heading": sec.heading if sec else None,
                "sector": ind.sector,
                "name": ind.name,
                "value": ind.value,
                "unit": ind.unit,
                "target": ind.target,
                "plan_pct": _pct(c, "plan", "ratio"),
                "budget_estimate_pct": _pct(c, "budget_estimate", "ratio"),
                "same_period_pct": _pct(c, "same_period", "ratio"),
                "same_period_change_pct": _pct(c, "same_period", "change"),
                "previous_period_change_pct": _pct(c, "previous_period", "change"),
                "comparisons": [x.model_dump() for x in c],  # JSON in JSONL; JSON text in CSV/xlsx/Parquet cells
                "estimated": ind.estimated,
                "approx": ind.approx,
                "as_of": ind.as_of,
                "table_id": ind.table_id,
                "table_row": ind.table_row,
                "flags": list(ind.flags),
                "quote": ind.quote,
                "start": ind.start,
                "end": ind.end,
                "backend": doc.extractor.backend,
                "model": doc.extractor.model,
                "prompt": doc.extractor.prompt,
            }
        )
    return rows


def item_counts(doc: ReportDocument, kinds: Iterable[str]) -> str:
    """`15 sections, 1 proposal, ...`: the one-line summary the CLI and the review page print."""
    parts = []
    for kind in kinds:
        n = len(getattr(doc, kind))
        parts.append(f"{n} {kind if n != 1 else kind.removesuffix('s')}")
    return ", ".join(parts)


def render(doc: ReportDocument, fmt: OutputFormat) -> str:
    """The document in the requested format, as text."""
    if fmt == "json":
        return doc.model_dump_json(indent=2) + "\n"
    rows = indicator_rows(doc)
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    buf = io.StringIO()
    writer = csv_writer(buf, INDICATOR_COLUMNS)
    for row in rows:
        writer.writerow(csv_row(row, INDICATOR_COLUMNS))
    return buf.getvalue()


def cell_text(value: Any) -> Any:
    """A value for one flat cell: lists and dicts become JSON text; everything else is unchanged."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def csv_row(row: Mapping[str, Any], columns: Iterable[str]) -> dict[str, Any]:
    """One CSV row: booleans `true`/`false`, lists and dicts as JSON, missing values empty, text
    that a spreadsheet would run as a formula kept text (`spreadsheet_text`)."""
    out: dict[str, Any] = {}
    for column in columns:
        value = row.get(column)
        out[column] = ("true" if value else "false") if isinstance(value, bool) else spreadsheet_text(cell_text(value))
    return out


def csv_writer(fh: IO[str], columns: list[str]) -> csv.DictWriter[str]:
    """The one CSV dialect llmx writes (CRLF rows, standard quoting); the header is written here.

    Open `fh` with newline="" (and encoding "utf-8-sig" for a file Excel opens)."""
    writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    return writer


FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")  # what makes Excel, LibreOffice or Sheets read a CSV cell as a formula


def spreadsheet_text(value: object) -> object:
    """A CSV cell value that no spreadsheet opens as a formula.

    Text starting with `=`, `+`, `-`, `@`, a tab or a CR gets a leading `'`, which spreadsheets
    take as "this is text" (OWASP's CSV-injection advice): a quote or name from a report could
    otherwise run as a formula, and a Vietnamese bullet line (`- Tập trung ...`) would show as
    `#NAME?`. Only text is touched: numbers (negative ones too) stay numbers. The `'` is the one
    change CSV cells get; JSON, JSONL and Parquet keep every character, and xlsx stores text as
    text without it.
    """
    if isinstance(value, str) and value.startswith(FORMULA_LEADS):
        return "'" + value
    return value


def load_report(path: Path) -> ReportDocument:
    """A report JSON as a document; InputError naming the file and the first thing wrong."""
    try:
        return ReportDocument.model_validate_json(Path(path).read_bytes())
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or type(exc).__name__})", path=str(path)) from None
    except ValueError as exc:
        raise InputError(f"not a llmx report JSON ({_why(exc)})", path=str(path)) from None


def _why(exc: ValueError) -> str:
    """The first thing wrong, on one line: `source: Field required`, `Invalid JSON: ...`."""
    if isinstance(exc, ValidationError) and exc.errors():
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        more = f" (+{exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        return (f"{where}: " if where else "") + first["msg"].splitlines()[0] + more
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _umask_by_setting() -> int:
    """Setting the umask is the only portable way to read it; done once, at import, before any
    worker thread exists (two threads doing it at once could race)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK_AT_IMPORT = _umask_by_setting()


def file_mode() -> int:
    """The permissions a plain `open()` would give a new file now: 0666 less the umask (Linux
    reports the current umask in /proc without changing it; elsewhere, the one at import)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o666 & ~_UMASK_AT_IMPORT


TEMP_SUFFIX = ".llmx-tmp"  # temp files of an atomic write: `.<name>.<random>.llmx-tmp` beside the target
NO_SPACE = frozenset({errno.ENOSPC, errno.EDQUOT})
_NOT_REGULAR = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def output_error(exc: OSError, path: Path | str) -> OutputError:
    """An OSError met while writing `path`, as the one-line error the CLI shows (DiskFull for ENOSPC)."""
    if exc.errno in NO_SPACE:
        return DiskFull(f"disk full: cannot write {path} ({exc.strerror or exc})")
    return OutputError(f"cannot write: {exc.strerror or exc}", path=str(path))


def check_target(path: Path) -> None:
    """Refuse to replace anything but a regular file (or nothing).

    An atomic rename would silently swap a symlink, a FIFO or a device node (as root: /dev/full)
    for a regular file; llmx never follows or replaces those, it says so instead.
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise output_error(exc, path) from None
    if stat.S_ISREG(mode):
        # the rename would go through; a read-only file says "keep me", to root too (whose access
        # check passes whatever the mode), so no write bit at all refuses as well
        if not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            raise OutputError("is read-only; nothing was written", path=str(path))
        return
    kind = next((name for test, name in _NOT_REGULAR if test(mode)), "not a file")
    raise OutputError(
        f"is {kind}, not a regular file; llmx only replaces regular files, so nothing was written", path=str(path)
    )


def check_writable(path: Path) -> None:
    """Fail now, before any work is paid for, if `path` could not be written at the end."""
    path = Path(path)
    check_target(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".llmx-probe.", suffix=TEMP_SUFFIX, dir=path.parent)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise output_error(exc, path) from None


def write_atomic(path: Path, content: str, *, bom: bool = False) -> None:
    """Write `content` so readers see the old file or the whole new one, never a part.

    Only a regular file (or nothing) at `path` is replaced; any OSError becomes an OutputError
    naming the path (DiskFull when the disk is full), and no temp file is left behind. The file
    gets the umask's permissions, so a report is as readable as any file the user writes.
    """
    path = Path(path)
    check_target(path)
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # a short temp name: a target name near the 255-byte limit must not make it too long
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=TEMP_SUFFIX, dir=path.parent)
        os.fchmod(fd, file_mode())  # mkstemp makes it 0600: give it the permissions a plain open() would
        with os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise output_error(exc, path) from None
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise
