"""One error base class; the CLI maps each subclass to an exit code and a one-line message.

Messages name the file and the problem and never contain secrets.
"""

from __future__ import annotations


class LlmxError(Exception):
    """Base of every error llmx raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class InputError(LlmxError):
    """A report cannot be read: missing, empty, binary, needs OCR, unknown encoding."""

    exit_code = 2


class ConfigError(LlmxError):
    """Settings are missing or contradictory (no key, bad URL, unknown prompt)."""

    exit_code = 3


class OutputError(ConfigError):
    """An output path cannot take the file: not a regular file, read-only, name too long, a folder."""


class DiskFull(OutputError):
    """The disk (or quota) is full. `llmx run` turns it into a clean, resumable stop (exit 8)."""


class PromptError(ConfigError):
    """A prompt template is missing, malformed, or rendered with a missing variable."""


class ModelCallError(LlmxError):
    """The model endpoint refused or failed in a way retries cannot fix (auth, 400, outage)."""

    exit_code = 4


class RequestRejected(ModelCallError):
    """The endpoint rejected one request (400, 413, 422): that section fails, the run goes on."""


class ExtractionFailed(LlmxError):
    """A section could not be extracted after every allowed attempt."""

    exit_code = 5


class EvalError(LlmxError):
    """Gold data or cassettes are inconsistent, or a quality gate failed."""

    exit_code = 6


class CassetteMismatch(EvalError):
    """A replayed request has no recorded answer: the prompt or schema changed; re-record."""


class GateFailed(EvalError):
    """An eval metric fell under its threshold or dropped more than allowed against the baseline."""

    exit_code = 7
