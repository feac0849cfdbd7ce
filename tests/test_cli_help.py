"""`-h` is `--help` everywhere, and `--version` prints the installed version."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from llmx import __version__
from llmx.cli import app

COMMANDS = [
    [],
    ["extract"],
    ["run"],
    ["tables"],
    ["review"],
    ["eval"],
    ["record"],
    ["serve"],
    ["schema"],
    ["sections"],
    ["prompts"],
    ["prompts", "list"],
    ["prompts", "show"],
    ["gold", "check"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "llmx")
def test_dash_h_prints_the_same_help_as_dash_dash_help(command):
    short = CliRunner().invoke(app, [*command, "-h"])
    long = CliRunner().invoke(app, [*command, "--help"])
    assert short.exit_code == long.exit_code == 0
    assert short.stdout == long.stdout and "Usage: llmx" in short.stdout


def test_version_prints_the_package_version():
    done = CliRunner().invoke(app, ["--version"])
    assert done.exit_code == 0 and done.stdout == f"llmx {__version__}\n"
