"""`llmx run` options: flag over environment over default, checked before anything runs."""

from pathlib import Path

import pytest

from llmx.errors import ConfigError
from llmx.run.options import RunOptions, resolve_options

ENV = {"LLMX_CONCURRENCY": "3", "LLMX_RPM": "120", "LLMX_TPM": "9000", "LLMX_CACHE": "/tmp/c.sqlite"}


def test_a_flag_beats_the_environment_which_beats_the_default():
    from_env = resolve_options(Path("out"), env=ENV)
    assert (from_env.concurrency, from_env.rpm, from_env.tpm, from_env.cache) == (
        3,
        120.0,
        9000.0,
        Path("/tmp/c.sqlite"),
    )
    flagged = resolve_options(Path("out"), concurrency=16, rpm=0.0, cache=Path("mine.sqlite"), env=ENV)
    assert (flagged.concurrency, flagged.rpm, flagged.cache) == (16, 0.0, Path("mine.sqlite"))
    bare = resolve_options(Path("out"), env={"XDG_CACHE_HOME": "/home/x/.cache"})
    assert (bare.concurrency, bare.rpm, bare.price) == (8, 0.0, None)
    assert bare.cache == Path("/home/x/.cache/llmx/answers.sqlite")


def test_no_cache_and_table_formats_come_from_their_flags():
    options = resolve_options(Path("out"), no_cache=True, tables="csv, xlsx", env=ENV)
    assert options.cache is None and options.tables == ("csv", "xlsx")
    assert resolve_options(Path("out"), tables="none", env=ENV).tables == ()


def test_a_bad_number_in_the_environment_is_a_config_error_naming_it():
    with pytest.raises(ConfigError, match="LLMX_RPM='fast' is not a number"):
        resolve_options(Path("out"), env={"LLMX_RPM": "fast"})


def test_options_that_cannot_work_are_refused_in_one_line():
    with pytest.raises(ConfigError, match="--concurrency must be at least 1"):
        RunOptions(out=Path("out"), concurrency=0).check()
    with pytest.raises(ConfigError, match="unknown table format 'pdf'"):
        RunOptions(out=Path("out"), tables=("csv", "pdf")).check()
