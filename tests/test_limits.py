"""The run-wide gate: pacing, 429 pauses, the breaker and budgets, on a fake clock."""

import threading

import pytest

from llmx.errors import ConfigError
from llmx.run.limits import Gate, RunStopped
from llmx.run.pricing import LIST_PRICES, Price, parse_price, price_for


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def _gate(t: FakeTime, **kw) -> Gate:
    return Gate(clock=t.clock, sleep=t.sleep, **kw)


def test_rpm_spaces_requests_evenly_instead_of_bursting():
    t = FakeTime()
    gate = _gate(t, rpm=60)
    starts = []
    for _ in range(5):
        gate.acquire(100)
        starts.append(t.now)
    assert starts == [0.0, 1.0, 2.0, 3.0, 4.0]


def test_no_limits_means_no_waiting():
    t = FakeTime()
    gate = _gate(t)
    for _ in range(50):
        gate.acquire(1000)
        gate.answered(1000, 1000, 10)
    assert t.sleeps == [] and gate.stats.requests == 50


def test_tpm_bucket_waits_for_refill_and_is_corrected_by_reported_usage():
    t = FakeTime()
    gate = _gate(t, tpm=6000)  # 100 tokens per second
    gate.acquire(6000)  # the whole bucket
    assert t.now == 0.0
    gate.answered(6000, 6000, 0)
    gate.acquire(500)  # needs 5 s of refill
    assert t.now == pytest.approx(5.0)
    gate.answered(500, 500, 1000)  # the answer used 1,000 more tokens than reserved: 10 s more
    gate.acquire(0)
    assert t.now == pytest.approx(15.0)


def test_a_429_pauses_every_worker_until_retry_after_and_slows_the_rate():
    t = FakeTime()
    gate = _gate(t, rpm=600)  # one every 0.1 s
    for _ in range(3):
        gate.acquire(10)
    t.now = 0.25
    gate.throttled(retry_after=4.0)
    gate.acquire(10)
    assert t.now == pytest.approx(4.25)  # nobody sends during the pause
    first = t.now
    gate.acquire(10)
    assert t.now - first == pytest.approx(0.1 / 0.8)  # 80 % of the previous rate
    assert gate.stats.throttled == 1


def test_rate_recovers_after_enough_answers_following_a_429():
    t = FakeTime()
    gate = _gate(t, rpm=600)
    gate.acquire(1)
    gate.throttled(retry_after=0.0)
    slowed = gate._interval
    for _ in range(200):
        gate.acquire(1)
        gate.answered(1, 1, 1)
    assert gate._interval < slowed and gate._interval == pytest.approx(0.1)


def test_breaker_opens_after_consecutive_failures_and_stops_every_later_request():
    t = FakeTime()
    gate = _gate(t, breaker_after=3)
    for _ in range(2):
        gate.acquire(1)
        gate.failed("HTTP 500")
    gate.acquire(1)
    gate.answered(1, 1, 1)  # a success resets the count
    for _ in range(3):
        gate.acquire(1)
        gate.failed("HTTP 503")
    with pytest.raises(RunStopped, match=r"failed 3 requests in a row \(last: HTTP 503\)"):
        gate.acquire(1)
    assert gate.stats.requests == 6  # the refused request was never counted as sent


def test_max_requests_stops_cleanly_before_the_request_over_budget():
    t = FakeTime()
    gate = _gate(t, max_requests=4)
    for _ in range(4):
        gate.acquire(1)
    with pytest.raises(RunStopped, match="--max-requests 4 reached"):
        gate.acquire(1)
    with pytest.raises(RunStopped):  # and stays stopped
        gate.acquire(1)


def test_max_cost_counts_spent_tokens_and_requests_in_flight():
    t = FakeTime()
    price = Price(1.0, 2.0)  # $1 per million prompt tokens
    gate = _gate(t, max_cost=0.01, price=price)
    gate.acquire(4000)
    gate.answered(4000, 4000, 1000)  # $0.004 + $0.002
    gate.acquire(3000)  # in flight: $0.003 reserved
    with pytest.raises(RunStopped, match=r"--max-cost \$0.01 reached"):
        gate.acquire(2000)
    assert gate.spent_cost == pytest.approx(0.006)


def test_gate_counts_are_exact_under_many_threads():
    gate = Gate()

    def work() -> None:
        for _ in range(500):
            gate.acquire(10)
            gate.answered(10, 10, 5)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert (gate.stats.requests, gate.stats.prompt_tokens, gate.stats.completion_tokens) == (4000, 40000, 20000)


def test_prices_come_from_override_list_or_nowhere():
    assert price_for("gpt-4.1-mini") == LIST_PRICES["gpt-4.1-mini"]
    assert price_for("gpt-4.1-mini-2025-04-14") == LIST_PRICES["gpt-4.1-mini"]
    assert price_for("openai/gpt-4o-mini") == LIST_PRICES["gpt-4o-mini"]
    assert price_for("qwen2.5:14b") is None  # unknown: no guessed price
    assert price_for("qwen2.5:14b", "0,0") == Price(0.0, 0.0)
    assert parse_price("0.4, 1.6").cost(1_000_000, 500_000) == pytest.approx(1.2)
    with pytest.raises(ConfigError, match="IN,OUT"):
        parse_price("cheap")
