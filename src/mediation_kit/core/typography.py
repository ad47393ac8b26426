"""French typography for displayed and printed text: a narrow no-break space before ; : ! ? %,
and inside « ».

Typed text has ordinary spaces there ("Question : …"); on paper and on screen a line must not
break before the colon (a ";" alone at the start of a line), and French print uses a thin
space. The kit applies it when it shows or prints a text, never to the stored content.
Other languages are left as they are.
"""

from __future__ import annotations

import re

NARROW_NBSP = "\u202f"
# A space (ordinary, no-break or already narrow) before high punctuation or a closing
# guillemet, or after an opening one.
_BEFORE = re.compile(r"[ \u00a0\u202f]+([;:!?»])")
_GLUED = re.compile(r"(\w)([;:!?]+)(?=\s|$)")
_AFTER_OPENING = re.compile(r"«[ \u00a0\u202f]*")


def typeset(text: str, language: str) -> str:
    """`text` with the spacing rules of `language` (only French has rules here)."""
    if not language.startswith("fr") or not text:
        return text
    text = _BEFORE.sub(NARROW_NBSP + r"\1", text)
    # "Notes:" typed the English way: the space is added, but only where the mark ends a
    # word ("12:30", "pack:id" and "https://" are left alone).
    text = _GLUED.sub(r"\1" + NARROW_NBSP + r"\2", text)
    text = _AFTER_OPENING.sub("«" + NARROW_NBSP, text)
    text = re.sub(r"(\d)[ \u00a0\u202f]+%", r"\1" + NARROW_NBSP + "%", text)
    return re.sub(r"(\S)»", r"\1" + NARROW_NBSP + "»", text)
