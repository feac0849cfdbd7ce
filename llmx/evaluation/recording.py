"""Record and replay the LLM backend on whole reports (`llmx record`, `llmx eval` on the LLM).

Cassettes themselves (where they live, what they hide, how a replay fails) are in
llmx/llm/cassettes.py; this module runs reports through the pipeline inside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from llmx.config import Settings
from llmx.contract import ReportDocument
from llmx.errors import ConfigError
from llmx.llm.cassettes import EVAL_CASSETTES, cassette_path, replay_client, stamp, use_cassette
from llmx.llm.endpoint import other_model
from llmx.pipeline import extract_document


@dataclass
class Recorded:
    cassette: Path
    document: ReportDocument


def record_reports(
    reports: Sequence[str | Path],
    settings: Settings,
    cassette_dir: Path = EVAL_CASSETTES,
    *,
    record_mode: str = "all",
) -> list[Recorded]:
    """Run the LLM backend on each report against the configured endpoint, recording cassettes.

    `all` starts each cassette afresh; `new_episodes` keeps what is there and adds what is new.
    """
    settings = replace(settings, backend="llm")
    secret = settings.api_key.get_secret_value() if settings.api_key else None
    done = []
    for report in reports:
        path = cassette_path(cassette_dir, settings.model or "model", settings.prompt, report)
        if record_mode == "all" and path.exists():
            path.unlink()
        with use_cassette(path, record_mode=record_mode, secret=secret, stamp=stamp(settings)):
            doc = extract_document(report, settings)
        served = doc.extractor.served_model
        if other_model(settings.model, served):  # a cassette is named after the model that answered, truthfully
            path.unlink(missing_ok=True)
            raise ConfigError(
                f"{settings.endpoint} answered as model {served!r}, not {settings.model!r}; the cassette was not "
                f"kept: record with --model {served} so it is named after the model that answered"
            )
        done.append(Recorded(path, doc))
    return done


# Where a replay without --base-url "sends" its requests. Cassettes match on method, path and body,
# never the host, so the endpoint probe (llmx/llm/endpoint.py: /v1/models, /props, /tokenize) is
# answered from the cassette as it was when recording against a local server, and the plan (chunk
# sizes, max_tokens in the served model's tokens) comes out the same. Nothing is ever sent there.
REPLAY_BASE_URL = "http://cassette.invalid/v1"


def replay_report(report: str | Path, settings: Settings, cassette_dir: Path = EVAL_CASSETTES) -> ReportDocument:
    """The report's document from its cassette alone: no network, no key needed."""
    settings = replace(settings, backend="llm", base_url=settings.base_url or REPLAY_BASE_URL)
    path = cassette_path(cassette_dir, settings.model or "model", settings.prompt, report)
    hint = f"llmx record {report} --model {settings.model} --base-url URL --cassettes {cassette_dir}"
    with use_cassette(path, stamp=stamp(settings), rerecord_hint=hint), replay_client(settings) as client:
        return extract_document(report, settings, client=client)
