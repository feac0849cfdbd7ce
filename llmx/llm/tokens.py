"""Token counts for budgets and estimates: the best tokenizer that works offline, chosen once.

Counting uses a real o200k tokenizer when one works offline (the `bpe-openai` package, or a
tiktoken encoding already in its cache); otherwise a heuristic of one token per 3 characters.
Measured on the three dev reports, o200k (gpt-4o/4.1 family) gives 3.18-3.38 characters per
token for normalized Vietnamese report text, so the heuristic over-counts by 6-13 %: safe for
budgets. Older cl100k models give about 2.0 characters per token; lower `max_section_tokens`
for them. Set LLMX_TOKENIZER=heuristic to force the heuristic (reproducible numbers); the
environment is read by llmx/config.py.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from llmx.config import tokenizer_environment

CHARS_PER_TOKEN = 3.0
_TIKTOKEN_URL = "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken"


def _heuristic(text: str) -> int:
    return -(-len(text) // int(CHARS_PER_TOKEN)) if text else 0


def _tiktoken_cached() -> bool:
    """True when tiktoken can load o200k without the network (its cache already holds the file)."""
    cache = tokenizer_environment().tiktoken_cache
    return (cache / hashlib.sha1(_TIKTOKEN_URL.encode()).hexdigest()).is_file()


@lru_cache(maxsize=1)
def tokenizer() -> tuple[str, Callable[[str], int]]:
    """(name, count function) of the best tokenizer usable offline on this machine."""
    if not tokenizer_environment().heuristic_only:
        try:
            import bpe_openai

            enc = bpe_openai.get_encoding("o200k_base")
            return "o200k_base (bpe-openai)", lambda s: len(enc.encode(s))
        except Exception:  # not installed, or no such encoding: try the next one
            pass
        if _tiktoken_cached():
            try:
                import tiktoken

                tik = tiktoken.get_encoding("o200k_base")
                return "o200k_base (tiktoken)", lambda s: len(tik.encode(s, disallowed_special=()))
            except Exception:
                pass
    return f"heuristic (1 token per {CHARS_PER_TOKEN:g} chars)", _heuristic


def count_tokens(text: str) -> int:
    """Tokens in `text` by the best offline tokenizer (see module docstring)."""
    return tokenizer()[1](text)


def request_tokens(body: Mapping[str, Any]) -> int:
    """Prompt tokens of a chat request before it is sent (messages plus the schema), for the tpm
    limit and the cost budget."""
    texts = [m.get("content") or "" for m in body.get("messages", []) if isinstance(m, dict)]
    schema = body.get("tools") or body.get("response_format")
    if schema:
        texts.append(json.dumps(schema, ensure_ascii=False))
    return sum(count_tokens(t if isinstance(t, str) else json.dumps(t, ensure_ascii=False)) for t in texts)
