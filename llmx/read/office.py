"""Word 97 .doc, .rtf and .odt through LibreOffice: converted to .docx, then read as a .docx.

LibreOffice is the one converter that reads all three faithfully (numbering, tables, legacy
fonts keep their names so `.VnTime` runs are still decoded). It runs headless with a throwaway
profile (`-env:UserInstallation`), so it neither touches the user's LibreOffice settings nor
collides with a LibreOffice window that is already open, and under a timeout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from llmx.errors import InputError

CONVERT_TIMEOUT = 180.0
INSTALL_HINT = (
    "needs LibreOffice to convert it (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; "
    "macOS: brew install --cask libreoffice) or save it as .docx"
)
_NAMES = ("soffice", "libreoffice")
_MAC = "/Applications/LibreOffice.app/Contents/MacOS/soffice"


def find_soffice() -> str | None:
    """Path of LibreOffice's `soffice`, or None when it is not installed."""
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return _MAC if os.path.exists(_MAC) else None


def convert_to_docx(data: bytes, suffix: str, path: str, timeout: float = CONVERT_TIMEOUT) -> bytes:
    """The .docx LibreOffice makes of `data` (a .doc, .rtf or .odt file); InputError if it cannot."""
    soffice = find_soffice()
    kind = suffix.lstrip(".")
    if soffice is None:
        raise InputError(f"a .{kind} file {INSTALL_HINT}", path=path)
    with tempfile.TemporaryDirectory(prefix="llmx-office-") as tmp:
        work = Path(tmp)
        source = work / f"report{suffix}"
        source.write_bytes(data)
        out = work / "out"
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as exc:
            raise InputError(f"LibreOffice did not convert this .{kind} file within {timeout:g} s", path=path) from exc
        except OSError as exc:
            raise InputError(f"cannot run LibreOffice ({soffice}: {exc.strerror or exc})", path=path) from exc
        result = out / "report.docx"
        if not result.is_file():
            said = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            detail = f": {said[-1][:200]}" if said else ""
            raise InputError(f"LibreOffice could not convert this .{kind} file (damaged?){detail}", path=path)
        return result.read_bytes()
