"""External tools some tests need (LibreOffice, pdftotext): skip when missing, fail under CI.

CI (`.ci/run`, which sets CI=true) installs them, so there a missing tool is a broken build,
not a reason to skip: the tests that need them must really run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from llmx.read.office import find_soffice

INSTALL = {
    "soffice": "LibreOffice (Debian: apt-get install libreoffice-writer-nogui)",
    "pdftotext": "pdftotext (Debian: apt-get install poppler-utils)",
}


def need(tool: str) -> str:
    """Path of `tool`; skips the test when it is missing, fails it when running under CI."""
    found = find_soffice() if tool == "soffice" else shutil.which(tool)
    if found:
        return found
    message = f"{tool} is not installed: {INSTALL[tool]}"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must install it (.ci/run)")
    pytest.skip(message)


def soffice_convert(sources: list[Path], fmt: str, out: Path) -> None:
    """Convert files with LibreOffice in one run (a throwaway profile under `out`)."""
    soffice = need("soffice")
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [soffice, f"-env:UserInstallation={(out / '.profile').as_uri()}", "--headless", "--norestore",
         "--convert-to", fmt, "--outdir", str(out), *map(str, sources)],
        check=True, capture_output=True, timeout=600, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def pdftotext(pdf: Path) -> str:
    tool = need("pdftotext")
    return subprocess.run([tool, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True).stdout.decode()
