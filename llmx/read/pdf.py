"""PDF to text through pypdf's text layer; scanned PDFs are refused, not silently empty."""

from __future__ import annotations

import io
import logging

from llmx.errors import InputError
from llmx.read.model import Extracted


def read_pdf(data: bytes, path: str, limits: object = None) -> Extracted:
    """Pages' text joined by a blank line, plus problem messages (pages without text)."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed-xref chatter is not ours to show
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("PDF is encrypted with a password; remove the password first", path=path)
        pages = [(page.extract_text() or "") for page in reader.pages]
    except InputError:
        raise
    except (DependencyError, NotImplementedError) as exc:
        raise InputError(f"encrypted PDF cannot be opened ({exc})", path=path) from exc
    except FileNotDecryptedError as exc:
        raise InputError("PDF is encrypted with a password; remove the password first", path=path) from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        raise InputError(f"damaged or unreadable PDF ({type(exc).__name__}: {exc})", path=path) from exc
    if not pages or not any(p.strip() for p in pages):
        raise InputError("PDF has no text layer (scanned image?); it needs OCR first", path=path)
    empty = [str(i) for i, p in enumerate(pages, 1) if not p.strip()]
    problems = []
    if empty:
        problems.append(
            f"PDF page(s) {', '.join(empty)} of {len(pages)} have no text layer (scanned?); their content is missing"
        )
    return Extracted("\n\n".join(p.strip("\n") for p in pages if p.strip()), problems=problems)
