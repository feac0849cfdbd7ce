"""Secrets out of every text llmx shows or writes: error messages, cassettes, the request log. Pure.

Provider errors, cassette mismatches and batch errors can echo what was sent (the key in a
header, a `user:password@` base URL); everything llmx says or records about them goes through
`redact` (the model client's errors, the Batch API runner, the request log).
"""

from __future__ import annotations

import re

_KEYLIKE = re.compile(r"\b(sk|pk|key|rk)-[A-Za-z0-9_\-*]{6,}")
_URL_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)[^\s/]*@")


def redact(text: str, *secrets: str | None) -> str:
    """`text` with the secrets, anything shaped like an API key and any URL's `user:password@`
    replaced by ***.

    Secrets shorter than 4 characters are not searched for: they would match ordinary words.
    """
    for secret in sorted((s for s in secrets if s and len(s) >= 4), key=len, reverse=True):
        text = text.replace(secret, "***")
    text = _URL_USERINFO.sub(r"\1***@", text)
    return _KEYLIKE.sub(r"\1-***", text)
