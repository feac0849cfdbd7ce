"""The model client gets every setting from Settings, never from the environment behind config.py's back.

config.py resolves flag > environment > default once; a library caller who builds Settings by hand
has said everything. The OpenAI SDK would otherwise fill a missing base URL from OPENAI_BASE_URL
and add OPENAI_ORG_ID / OPENAI_PROJECT_ID headers to every request.
"""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from llmx.config import OPENAI_API_URL, Settings
from llmx.llm.client import ModelClient

_ENVIRONMENT = {
    "OPENAI_BASE_URL": "http://env-endpoint.invalid:9999/v1",
    "OPENAI_ORG_ID": "org-from-the-environment",
    "OPENAI_PROJECT_ID": "proj-from-the-environment",
}


@pytest.fixture
def sdk_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in _ENVIRONMENT.items():
        monkeypatch.setenv(name, value)


def _hand_built(base_url: str | None = None) -> Settings:
    return Settings(backend="llm", model="gpt-test", base_url=base_url, api_key=SecretStr("sk-test-0000"))


@pytest.mark.usefixtures("sdk_environment")
def test_settings_without_a_base_url_go_to_the_openai_api_whatever_OPENAI_BASE_URL_says() -> None:
    with ModelClient(_hand_built()) as client:
        assert str(client._client().base_url).rstrip("/") == OPENAI_API_URL


@pytest.mark.usefixtures("sdk_environment")
def test_a_base_url_in_settings_is_the_one_used() -> None:
    with ModelClient(_hand_built("http://127.0.0.1:8080/v1")) as client:
        assert str(client._client().base_url).rstrip("/") == "http://127.0.0.1:8080/v1"


@pytest.mark.usefixtures("sdk_environment")
def test_no_organization_or_project_header_comes_from_the_environment() -> None:
    with ModelClient(_hand_built()) as client:
        sdk = client._client()
        headers = {k.lower(): v for k, v in sdk.default_headers.items() if isinstance(v, str)}
        assert (sdk.organization, sdk.project) == (None, None)
        assert "openai-organization" not in headers and "openai-project" not in headers
