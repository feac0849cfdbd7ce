"""What a local endpoint serves, asked once before a document is planned: context, tokenizer, tools.

Local OpenAI-compatible servers say more about their model than OpenAI does, through their own
routes: llama.cpp's `GET /props` (the context `n_ctx`, and `chat_template_caps.supports_tools`),
`GET /v1/models` (llama.cpp's `meta.n_ctx`, vLLM's `max_model_len`) and `POST /tokenize`
(llama.cpp and vLLM: the served model's own tokenizer). The probe sends at most these three small
requests to a configured `--base-url` (never to the OpenAI API, which has none of them), each with
a short timeout; whatever fails or is missing is simply not known. It measures:

* `token_scale`: the served model's tokens per llmx-counted token, on a Vietnamese report passage
  (SmolLM2-135M spends 0.78 tokens per character of Vietnamese against llmx's 0.33: 2.4 x). The
  plan then sizes chunks and `max_tokens` in the served model's tokens (llmx/llm/budget.py);
* `context_tokens`: requests (prompt and answer) are planned to fit it;
* `supports_tools`: a llama.cpp template without tool support ignores `tools`, so tools mode is
  refused before any request (ToolsIgnored, with the hint to use json_schema).

The probe is made inside a cassette when recording, so a replay sees the same answers and plans
the same requests; a cassette recorded before the probe existed simply has no answer for it,
which reads as "nothing known", exactly as at recording time.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass, replace
from typing import Any

from llmx.config import Settings
from llmx.llm.seam import ToolsIgnored
from llmx.llm.tokens import count_tokens

PROBE_TIMEOUT = 5.0
# A passage in the register of the reports (figures, abbreviations, diacritics): what is measured
# is how many tokens the served model spends on such text.
SAMPLE = (
    "Tổng thu ngân sách nhà nước trên địa bàn huyện 6 tháng đầu năm ước đạt 125,6 tỷ đồng, bằng 54,2% "
    "dự toán tỉnh giao, tăng 12,3% so với cùng kỳ năm trước; chi ngân sách địa phương 215,8 tỷ đồng. "
    "Giá trị sản xuất nông, lâm nghiệp và thủy sản đạt 1.234,5 tỷ đồng; diện tích gieo cấy lúa vụ Xuân "
    "8.120 ha, năng suất bình quân 62,5 tạ/ha. Công tác cải cách hành chính được UBND huyện chỉ đạo "
    "thực hiện theo Kế hoạch số 45/KH-UBND ngày 15/01/2024; tiếp nhận 3.456 hồ sơ, giải quyết đúng hạn "
    "98,7%. Tuy nhiên, tiến độ giải phóng mặt bằng một số dự án còn chậm, tỷ lệ giải ngân vốn đầu tư "
    "công mới đạt 38%. Nhiệm vụ trọng tâm 6 tháng cuối năm: tập trung chỉ đạo thu ngân sách đạt kế "
    "hoạch đề ra, đẩy nhanh tiến độ các công trình trọng điểm, bảo đảm an ninh chính trị, trật tự an "
    "toàn xã hội trên địa bàn."
)


@dataclass(frozen=True)
class Served:
    """What the endpoint said about the model it serves (None: not said)."""

    models: tuple[str, ...] = ()
    context_tokens: int | None = None
    token_scale: float | None = None
    supports_tools: bool | None = None


def _root(base_url: str) -> str:
    """The server's root: llama.cpp and vLLM serve /props and /tokenize beside /v1, not under it."""
    base = base_url.rstrip("/")
    return base[: -len("/v1")] if base.endswith("/v1") else base


def _call(url: str, settings: Settings, body: dict[str, Any] | None = None) -> Any:
    """One JSON request; None when it fails in any way (not served, refused, not JSON, too slow)."""
    headers = {"Content-Type": "application/json"}
    if settings.api_key:
        headers["Authorization"] = f"Bearer {settings.api_key.get_secret_value()}"
    data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers=headers, method="POST" if body is not None else "GET")
    try:
        with urllib.request.urlopen(request, timeout=PROBE_TIMEOUT) as reply:
            return json.loads(reply.read())
    except Exception:  # refused, 404, not JSON, timeout, or a cassette without this request: not known
        return None


def _whole(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def probe(settings: Settings) -> Served:
    """Ask the configured endpoint what it serves (see the module docstring); never raises."""
    if not settings.base_url:
        return Served()
    listed = _call(f"{settings.base_url.rstrip('/')}/models", settings)
    if listed is None:  # nothing answers there: the extraction itself will say why
        return Served()
    entries = [e for e in listed.get("data", []) if isinstance(e, dict)] if isinstance(listed, dict) else []
    mine = next((e for e in entries if e.get("id") == settings.model), entries[0] if len(entries) == 1 else {})
    meta: dict[str, Any] = mine["meta"] if isinstance(mine.get("meta"), dict) else {}
    context = _whole(meta.get("n_ctx")) or _whole(mine.get("max_model_len"))
    root = _root(settings.base_url)
    supports_tools = None
    props = _call(f"{root}/props", settings)
    if isinstance(props, dict):
        slot = props.get("default_generation_settings") or {}
        context = context or _whole(slot.get("n_ctx") if isinstance(slot, dict) else None)
        caps = props.get("chat_template_caps")
        if isinstance(caps, dict) and isinstance(caps.get("supports_tools"), bool):
            supports_tools = caps["supports_tools"]
    scale = None
    tokens = _call(f"{root}/tokenize", settings, {"content": SAMPLE, "prompt": SAMPLE, "model": settings.model})
    if isinstance(tokens, dict):
        served = _whole(tokens.get("count")) or (len(tokens["tokens"]) if isinstance(tokens.get("tokens"), list) else 0)
        context = context or _whole(tokens.get("max_model_len"))
        if served:
            scale = round(served / count_tokens(SAMPLE), 3)
    ids = tuple(str(e["id"]) for e in entries if isinstance(e.get("id"), str))
    return Served(ids, context, scale, supports_tools)


def tuned(settings: Settings, served: Served) -> Settings:
    """The settings planned with what the endpoint said; tools mode refused where tools are ignored."""
    if settings.mode == "tools" and served.supports_tools is False:
        raise ToolsIgnored(
            f"{settings.endpoint} says its model's chat template has no tool support (llama.cpp /props: "
            "supports_tools false), so it would ignore tools mode; use --mode json_schema"
        )
    scale = min(max(served.token_scale, 0.5), 5.0) if served.token_scale else settings.token_scale
    return replace(settings, token_scale=scale, context_tokens=served.context_tokens or settings.context_tokens)


def for_endpoint(settings: Settings) -> Settings:
    """`tuned(settings, probe(settings))` for the LLM backend; other settings as they are."""
    if settings.effective_backend != "llm" or not settings.base_url:
        return settings
    return tuned(settings, probe(settings))


def other_model(asked: str | None, served: str | None) -> bool:
    """Whether the endpoint answered as another model than the one asked for. A dated snapshot of
    the asked name (gpt-4.1-mini -> gpt-4.1-mini-2025-04-14) is the same model."""
    if not asked or not served:
        return False
    return not served.lower().startswith(asked.lower()) and not asked.lower().startswith(served.lower())
