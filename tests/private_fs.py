"""Real full and read-only filesystems for tests, without touching the machine's mounts.

`unshare --user --map-root-user --mount` gives a shell its own mount namespace, in which it may
mount a small tmpfs (or remount it read-only); the mount vanishes with the shell. So a test gets
the kernel's own ENOSPC and EROFS, not a mocked error. Where user namespaces are not allowed the
tests that need this are skipped, with the reason.
"""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@functools.cache
def private_mounts() -> str | None:
    """None when private tmpfs mounts work here, else why not (for pytest.skip)."""
    if shutil.which("unshare") is None:
        return "unshare(1) is not installed"
    probe = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
        capture_output=True,
        text=True,
    )
    return None if probe.returncode == 0 else f"no private mounts here: {probe.stderr.strip()[:200]}"


def llmx_command(*args: str | Path) -> str:
    """A shell command running this checkout's llmx with this interpreter."""
    return shlex.join([sys.executable, "-m", "llmx", *map(str, args)])


def in_tmpfs(mount: Path, size: str, script: str, *, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run `script` (sh) with a fresh tmpfs of `size` (e.g. "160k") mounted on `mount`.

    `mount` must exist and be empty; whatever the script leaves there vanishes with it, so the
    script copies out what the test wants to look at.
    """
    body = f"set -u\nmount -t tmpfs -o size={size},mode=0755 tmpfs {shlex.quote(str(mount))}\n{script}"
    return subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", body],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
        env={**os.environ, "LLMX_CACHE": str(mount / "unused-cache.sqlite")},
    )
