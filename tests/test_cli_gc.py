"""`llmx` pauses the cyclic garbage collector for start-up; a command reading one report keeps
it paused, every other command turns it back on as it starts."""

import gc
from collections.abc import Iterator

import pytest

from llmx.cli.common import handles_errors


@pytest.fixture
def paused() -> Iterator[None]:
    """The collector as `main` leaves it, restored afterwards."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.unfreeze()


def test_a_run_turns_the_collector_back_on(paused: None) -> None:
    @handles_errors
    def run_() -> bool:
        return gc.isenabled()

    assert run_() is True
    assert gc.get_freeze_count() > 0  # what start-up loaded is left out of its walks


def test_a_one_report_command_keeps_it_paused(paused: None) -> None:
    @handles_errors
    def sections() -> bool:
        return gc.isenabled()

    assert sections() is False


def test_a_library_caller_with_the_collector_on_is_left_alone() -> None:
    @handles_errors
    def serve() -> int:
        return gc.get_freeze_count()

    assert gc.isenabled()
    before = gc.get_freeze_count()
    assert serve() == before
    assert gc.isenabled()
