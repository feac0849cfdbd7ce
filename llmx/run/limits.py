"""The run-wide gate every model request passes: rate limits, 429 slowdown, breaker, budget.

One `Gate` is shared by all worker threads of a run (and by the client's transport retries),
so limits hold for the run as a whole, not per document:
* `--rpm`: requests are spaced evenly (one slot every 60/rpm s), so a provider's per-minute
  window is never burst past; `--tpm`: a token bucket charged with each request's estimated
  prompt tokens and corrected with the usage the answer reports.
* a 429 pauses *every* worker until its Retry-After has passed (at most MAX_PAUSE) and lowers the
  request rate to 80 % of what was being sent (down to one request per MAX_INTERVAL at the slowest;
  recovering 5 % per 20 answered requests), instead of letting each worker retry on its own and
  storm the provider.
* a 429 budget: when the provider has answered nothing but 429s for `throttle_budget` seconds
  (a quota or daily limit, not a passing rate limit), the run stops like the breaker does.
* a breaker: after `breaker_after` consecutive failed requests (5xx, timeouts, dropped
  connections) with no success between them, the gate opens and every further request fails
  at once with `RunStopped`, so a dead provider does not burn the retry budget of every section.
* budget: `--max-requests` / `--max-cost` stop the run cleanly before the request that would
  exceed them; finished sections are cached, so the same command later resumes.
Pure bookkeeping plus sleeping: no HTTP here.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from llmx.errors import LlmxError
from llmx.run.pricing import Price

RECOVER_EVERY = 20  # answered requests between two 5 % rate recoveries after a 429
THROTTLE_FACTOR = 0.8
MAX_INTERVAL = 30.0  # seconds between two requests at the slowest, however many 429s came
MAX_PAUSE = 60.0  # a longer Retry-After pauses the run this long; the 429 budget decides the rest
THROTTLE_BUDGET = 120.0  # seconds of nothing but 429s before the run stops (--throttle-budget)


class RunStopped(LlmxError):
    """The run stopped before finishing (budget reached, breaker open); rerun the same command to resume."""

    exit_code = 8


@dataclass
class GateStats:
    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    throttled: int = 0  # 429 answers
    failures: int = 0  # 5xx, timeouts, connection faults
    waited: float = 0.0  # seconds workers spent waiting on limits and pauses


@dataclass
class Gate:
    rpm: float = 0.0
    tpm: float = 0.0
    max_requests: int | None = None
    max_cost: float | None = None
    price: Price | None = None
    breaker_after: int = 8
    throttle_budget: float = THROTTLE_BUDGET  # seconds of 429s with no answer between them, then stop
    max_in_flight: int = 0  # HTTP requests open at once (0: unbounded); --concurrency
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    stats: GateStats = field(default_factory=GateStats)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._next_slot = 0.0
        self._interval = 60.0 / self.rpm if self.rpm else 0.0
        self._base_interval = self._interval
        self._paused_until = 0.0
        self._tokens = float(self.tpm)  # bucket level; may go negative after a large answer
        self._refilled = self.clock()
        self._recent: deque[float] = deque(maxlen=64)
        self._failures_in_row = 0
        self._throttled_since: float | None = None  # first 429 since the last answer
        self._throttled_in_row = 0
        self._answered_since_throttle = 0
        self._open_reason: str | None = None
        self._reserved_cost = 0.0
        self._slots = threading.BoundedSemaphore(self.max_in_flight) if self.max_in_flight else None

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Hold one of the `max_in_flight` request slots for the duration of one HTTP request.

        The bound is on requests, not on sections: a worker validating an answer holds no slot,
        so another section's request goes out meanwhile and the provider always sees
        `max_in_flight` requests open.
        """
        if self._slots is None:
            yield
            return
        self._slots.acquire()
        try:
            yield
        finally:
            self._slots.release()

    # -- before a request -------------------------------------------------------------------------
    def acquire(self, estimated_tokens: int) -> None:
        """Block until one request of about `estimated_tokens` prompt tokens may be sent."""
        start = self.book(estimated_tokens)
        if start > self.clock():
            self._wait_until(start, estimated_tokens)
        with self._lock:
            self._recent.append(self.clock())

    def book(self, estimated_tokens: int) -> float:
        """Count one request and book its place in the pacing: when it may be sent (clock time).

        `acquire` waits for it here; a run spread over processes books in the process holding
        the gate, which tells the worker to send when `ready` says so (raises RunStopped when
        the run is stopping: breaker, budget, Ctrl-C).
        """
        with self._lock:
            self._check_open()
            self._check_budget(estimated_tokens)
            now = self.clock()
            start = max(now, self._paused_until, self._next_slot)
            if self._interval:
                self._next_slot = start + self._interval
            if self.tpm:
                self._refill(now)
                self._tokens -= estimated_tokens
                if self._tokens < 0:  # wait until the bucket has refilled what this request took
                    start = max(start, now + (-self._tokens) * 60.0 / self.tpm)
            self.stats.requests += 1
            if self.price is not None:
                self._reserved_cost += self.price.cost(estimated_tokens, 0)
            self.stats.waited += max(start - now, 0.0)
        return start

    def check_at(self, start: float) -> float:
        """When to look again at a request booked for `start`: then, or when the 429 budget runs out."""
        with self._lock:
            deadline = self._throttle_deadline()
        return start if deadline is None else min(start, deadline)

    def ready(self, start: float, estimated_tokens: int) -> bool:
        """Whether a request booked for `start` may be sent now; False: not yet (look again at
        `check_at`). Raises RunStopped, un-booking it, when the gate opened or the 429 budget ran
        out meanwhile: a stopping run does not send a request late."""
        with self._lock:
            now = self.clock()
            deadline = self._throttle_deadline()
            if deadline is not None and now >= deadline and not self._open_reason:
                self._open_reason = self._throttle_reason(now)
            if self._open_reason:
                self._unbook(estimated_tokens)
                raise RunStopped(self._open_reason)
            if now < start:
                return False
            self._recent.append(now)
            return True

    def cancel(self, estimated_tokens: int) -> None:
        """A booked request that will not be sent after all (its worker died): not counted."""
        with self._lock:
            self._unbook(estimated_tokens)

    def _unbook(self, estimated_tokens: int) -> None:
        self.stats.requests -= 1
        self._release(estimated_tokens)

    def _wait_until(self, start: float, estimated_tokens: int) -> None:
        """Sleep until `start`, waking when the 429 budget runs out to stop there; a gate opened
        meanwhile (breaker, budget, Ctrl-C) refuses the request instead of sending it late."""
        while True:
            with self._lock:
                now = self.clock()
                deadline = self._throttle_deadline()
                if deadline is not None and now >= deadline and not self._open_reason:
                    self._open_reason = self._throttle_reason(now)
                if self._open_reason:  # not sent after all: not counted, nothing reserved
                    self._unbook(estimated_tokens)
                    raise RunStopped(self._open_reason)
                if now >= start:
                    return
                until = start if deadline is None else min(start, deadline)
            self.sleep(until - now)

    def _throttle_deadline(self) -> float | None:
        """When the 429 budget runs out, if the provider has answered nothing but 429s lately."""
        return None if self._throttled_since is None else self._throttled_since + self.throttle_budget

    def _refill(self, now: float) -> None:
        self._tokens = min(float(self.tpm), self._tokens + (now - self._refilled) * self.tpm / 60.0)
        self._refilled = now

    def _check_open(self) -> None:
        if self._open_reason:
            raise RunStopped(self._open_reason)

    def _check_budget(self, estimated_tokens: int) -> None:
        if self.max_requests is not None and self.stats.requests >= self.max_requests:
            self._open_reason = f"--max-requests {self.max_requests} reached; run the same command again to resume"
            raise RunStopped(self._open_reason)
        if self.max_cost is not None and self.price is not None:
            projected = self.spent_cost + self._reserved_cost + self.price.cost(estimated_tokens, 0)
            if projected > self.max_cost:
                self._open_reason = (
                    f"--max-cost ${self.max_cost:g} reached (spent ${self.spent_cost:.4f}); "
                    "run the same command again to resume"
                )
                raise RunStopped(self._open_reason)

    # -- after a request --------------------------------------------------------------------------
    def answered(self, estimated_tokens: int, prompt_tokens: int, completion_tokens: int) -> None:
        """An HTTP answer arrived: count its tokens, settle the tpm bucket, close the breaker."""
        with self._lock:
            self.stats.prompt_tokens += prompt_tokens
            self.stats.completion_tokens += completion_tokens
            self._unreserve(estimated_tokens)
            if self.tpm:
                self._refill(self.clock())
                self._tokens -= (prompt_tokens - estimated_tokens) + completion_tokens
            self._failures_in_row = 0
            self._throttled_since, self._throttled_in_row = None, 0
            self._answered_since_throttle += 1
            if self._interval > self._base_interval and self._answered_since_throttle >= RECOVER_EVERY:
                self._answered_since_throttle = 0
                faster = self._interval / 1.05
                self._interval = max(self._base_interval, faster) if self._base_interval else faster
                if not self._base_interval and self._interval < 0.005:
                    self._interval = 0.0

    def throttled(self, retry_after: float | None, estimated_tokens: int = 0) -> None:
        """A 429: pause every worker, then send slower than before."""
        with self._lock:
            self.stats.throttled += 1
            self._release(estimated_tokens)
            now = self.clock()
            pause = min(max(retry_after if retry_after is not None else 1.0, 0.0), MAX_PAUSE)
            self._paused_until = max(self._paused_until, now + pause)
            observed = self._observed_interval()
            slower = max(self._interval, observed) / THROTTLE_FACTOR if (self._interval or observed) else 0.0
            self._interval = min(slower, max(MAX_INTERVAL, self._base_interval))
            self._answered_since_throttle = 0
            if self._throttled_since is None:
                self._throttled_since = now
            self._throttled_in_row += 1
            if now - self._throttled_since >= self.throttle_budget and not self._open_reason:
                self._open_reason = self._throttle_reason(now)

    def _throttle_reason(self, now: float) -> str:
        since = now - (self._throttled_since if self._throttled_since is not None else now)
        return (
            f"rate limited: the provider answered {self._throttled_in_row} requests in a row with 429 and "
            f"nothing else for {since:.0f} s (the 429 budget is {self.throttle_budget:g} s, --throttle-budget); "
            "check the account's rate limits and quota, then run the same command again to resume"
        )

    def failed(self, fault: str, estimated_tokens: int = 0) -> None:
        """A 5xx, timeout or dropped connection; enough of them in a row open the breaker."""
        with self._lock:
            self.stats.failures += 1
            self._release(estimated_tokens)
            self._failures_in_row += 1
            if self._failures_in_row >= self.breaker_after and not self._open_reason:
                self._open_reason = (
                    f"the provider failed {self._failures_in_row} requests in a row (last: {fault}); "
                    "stopped instead of spending the retry budget of every section. "
                    "Check the endpoint, then run the same command again to resume"
                )

    def _unreserve(self, estimated_tokens: int) -> None:
        """The request is over: its estimated cost no longer counts as in flight."""
        if self.price is not None:
            self._reserved_cost = max(0.0, self._reserved_cost - self.price.cost(estimated_tokens, 0))

    def _release(self, estimated_tokens: int) -> None:
        self._unreserve(estimated_tokens)
        if self.tpm:  # the provider did not process the request: give its tokens back
            self._tokens = min(float(self.tpm), self._tokens + estimated_tokens)

    def _observed_interval(self) -> float:
        if len(self._recent) < 2:
            return 0.0
        return (self._recent[-1] - self._recent[0]) / (len(self._recent) - 1)

    def close(self, reason: str) -> None:
        """Refuse every further request (the run is stopping) with `reason`."""
        with self._lock:
            self._open_reason = self._open_reason or reason

    # -- reporting --------------------------------------------------------------------------------
    @property
    def open_reason(self) -> str | None:
        return self._open_reason

    @property
    def spent_cost(self) -> float:
        if self.price is None:
            return 0.0
        return self.price.cost(self.stats.prompt_tokens, self.stats.completion_tokens)
