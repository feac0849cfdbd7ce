"""The character level of normalization (SPEC section 1): NFC, line ends, space-like and
zero-width characters, UTF-16 surrogate halves; each change a 1:1 replacement or a deletion,
recorded in a source map. Pure: no I/O."""

from __future__ import annotations

import re
import unicodedata

from llmx.source_map import Runs, SourceMap

SPACE_LIKE = {"\xa0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u3000": " ", "\t": "\t"}
ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}

# what the character pass may change besides NFC (a tab stays a tab)
_SPECIAL = re.compile("[\r" + "".join(c for c in SPACE_LIKE if c != "\t") + "".join(ZERO_WIDTH) + "\ud800-\udfff]")
_CHUNK = 1 << 16  # characters per slice of the text, cut at a line end


def _surrogate(raw: str, s: int) -> tuple[str, int]:
    """The character a UTF-16 surrogate at `raw[s]` stands for, and how many source characters
    it takes: a PDF text layer hands an astral character (math letters such as `𝑄`) over as a
    pair of halves, which no UTF-8 output can hold; a pair becomes its character, a lone half
    U+FFFD (replacement character)."""
    if "\ud800" <= raw[s] <= "\udbff" and s + 1 < len(raw) and "\udc00" <= raw[s + 1] <= "\udfff":
        return raw[s : s + 2].encode("utf-16", "surrogatepass").decode("utf-16"), 2
    return "\ufffd", 1


def char_pass(raw: str) -> tuple[str, SourceMap]:
    """NFC per character cluster (a base and its combining marks), line ends, space-like and
    zero-width characters. A text already in NFC with none of those characters (the usual
    case) is returned as it is; otherwise slice by slice, and only a slice that is not in NFC
    is walked cluster by cluster."""
    if _SPECIAL.search(raw) is None and unicodedata.is_normalized("NFC", raw):
        return raw, SourceMap.identity(len(raw))
    parts: list[str] = []
    runs = Runs()
    out = 0
    a, n = 0, len(raw)
    while a < n:
        b = raw.find("\n", a + _CHUNK)
        b = n if b < 0 else b
        if unicodedata.is_normalized("NFC", raw[a:b]):
            out = _replace_specials(raw, a, b, parts, runs, out)
        else:
            out = _lines(raw, a, b, parts, runs, out)
        a = b
    return "".join(parts), runs.map(out)


def _lines(raw: str, a: int, b: int, parts: list[str], runs: Runs, out: int) -> int:
    """`raw[a:b]` (not NFC) line by line: a file decomposed in a few lines walks only those
    cluster by cluster (the walk costs ~100 times the scan). A line ends after its `\n` unless a
    combining mark follows, so no cluster is cut. Returns the normalized length so far."""
    while a < b:
        e = raw.find("\n", a, b)
        while e != -1 and e + 1 < b and unicodedata.combining(raw[e + 1]):
            e = raw.find("\n", e + 1, b)
        e = b if e == -1 else e + 1
        if unicodedata.is_normalized("NFC", raw[a:e]):
            out = _replace_specials(raw, a, e, parts, runs, out)
        else:
            out = _clusters(raw, a, e, parts, runs, out)
        a = e
    return out


def _replace_specials(raw: str, a: int, b: int, parts: list[str], runs: Runs, out: int) -> int:
    """`raw[a:b]` (already NFC) into `parts` with its line ends, space-like and zero-width
    characters normalized; a special character that carries combining marks is a cluster of its
    own and is kept, as the cluster walk keeps it. Returns the normalized length so far."""
    pieces: list[str] = []
    pos, n = a, len(raw)
    for m in _SPECIAL.finditer(raw, a, b):
        s = m.start()
        if s < pos:
            continue  # the second half of a surrogate pair already read
        c = raw[s]
        taken = 1
        if "\ud800" <= c <= "\udfff":
            repl, taken = _surrogate(raw, s)
        elif s + 1 < n and unicodedata.combining(raw[s + 1]):
            continue  # the base of a cluster: kept as the cluster walk keeps it
        else:
            repl = (
                ""
                if c in ZERO_WIDTH or (c == "\r" and s + 1 < n and raw[s + 1] == "\n")
                else "\n"
                if c == "\r"
                else " "
            )
        if s > pos:
            runs.add(out, pos)
            pieces.append(raw[pos:s])
            out += s - pos
        if repl:
            runs.add(out, s)
            pieces.append(repl)
            out += 1
        pos = s + taken
    if b > pos:
        runs.add(out, pos)
        pieces.append(raw[pos:b])
        out += b - pos
    parts.append("".join(pieces))
    return out


def _clusters(raw: str, a: int, b: int, parts: list[str], runs: Runs, out: int) -> int:
    """`raw[a:b]` cluster by cluster: each base character with its combining marks composed
    (NFC), plus what `_replace_specials` does. Returns the normalized length so far."""
    pieces: list[str] = []
    i, n = a, len(raw)
    while i < b:
        if "\ud800" <= raw[i] <= "\udfff":  # a surrogate half: its character, not a cluster
            astral, taken = _surrogate(raw, i)
            runs.add(out, i)
            pieces.append(astral)
            out += 1
            i += taken
            continue
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        cluster = raw[i:j]
        if cluster == "\r":  # CRLF: the LF stays; a CR alone ends a line too (else the file is one line)
            if j < n and raw[j] == "\n":
                i = j
                continue
            cluster = "\n"
        if cluster in ZERO_WIDTH:
            i = j
            continue
        cluster = SPACE_LIKE.get(cluster, cluster)
        composed = unicodedata.normalize("NFC", cluster) if not cluster.isascii() else cluster
        if composed == cluster:  # a mark NFC leaves apart (`\xa0\u0301`) maps to itself
            runs.add(out, i)
        else:  # a composed letter maps to its cluster's start
            for k in range(len(composed)):
                runs.add(out + k, i)
        pieces.append(composed)
        out += len(composed)
        i = j
    parts.append("".join(pieces))
    return out
