"""Writing to a terminal: text from the packs made harmless, a console that cannot show every
character degraded instead of crashing, and JSON that any console carries intact.

Pack text (titles, snippets, file names) may hold control characters: printed raw, an escape
sequence recolours or rewrites the terminal, and a bidi override reorders the line. They are
shown escaped (`\\x1b`). A console with a narrow encoding (LANG=C with PYTHONIOENCODING=ascii,
an old Windows code page) gets the nearest character it has: `numérique` becomes `numerique`,
`«` becomes `"`, and `?` for what has no near form.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
import unicodedata
from typing import Any, TextIO

# The codec error handler `setup_console` gives stdout and stderr.
CONSOLE_ERRORS = "mediation-kit-console"

# C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates, which reorder what
# follows them on the line.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Line breaks and tabs inside a snippet or a title are spacing, not structure, on one line.
_SPACING = re.compile(r"[\t\n\r\v\f\u2028\u2029]+")
# Inside a JSON string, what json.dumps leaves raw but a terminal would still act on.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")

# Typographic characters whose decomposition gives nothing printable in ASCII.
_NEAREST = {
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "‹": "'", "›": "'",
    "‘": "'", "’": "'", "‚": "'", "‛": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "…": "...", "•": "*", "·": ".",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "€": "EUR", "×": "x",
}


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def terminal_text(value: object) -> str:
    """`value` as text whose control characters are shown escaped rather than acted on."""
    return _UNSAFE.sub(lambda m: _escape(m.group()), str(value))


def one_line(value: object) -> str:
    """Like `terminal_text`, with line breaks and tabs made single spaces first: for a title
    or a snippet printed on one line."""
    return terminal_text(_SPACING.sub(" ", str(value)))


def _nearest(char: str, encoding: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that was not valid UTF-8
        return f"\\x{code - 0xDC00:02x}"
    decomposed = "".join(c for c in unicodedata.normalize("NFKD", char)
                         if not unicodedata.combining(c))
    for candidate in (_NEAREST.get(char), decomposed):
        if candidate:
            try:
                candidate.encode(encoding)
            except (UnicodeEncodeError, LookupError):
                continue
            return candidate
    return "?"


def _replace_unencodable(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start:error.end]
    return "".join(_nearest(char, error.encoding) for char in chunk), error.end


codecs.register_error(CONSOLE_ERRORS, _replace_unencodable)


def setup_console(streams: tuple[TextIO, ...] | None = None) -> None:
    """Gives stdout and stderr the nearest-character fallback instead of a crash on a
    character their encoding lacks (only where they would otherwise fail)."""
    for stream in streams if streams is not None else (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) == "strict":
            reconfigure(errors=CONSOLE_ERRORS)


def _can_encode(text: str, stream: TextIO) -> bool:
    try:
        text.encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def json_text(data: Any, stream: TextIO | None = None) -> str:
    """`data` as indented JSON for `stream`: readable accents where the console has them,
    `\\u00e9` escapes where it does not (never a lossy fallback), and no character that a
    terminal would act on."""
    stream = stream if stream is not None else sys.stdout
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    if not _can_encode(text, stream):
        return json.dumps(data, ensure_ascii=True, indent=2, default=str)
    # These characters only ever occur inside JSON strings, where \uXXXX is the same value.
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def print_json(data: Any) -> None:
    sys.stdout.write(json_text(data) + "\n")
