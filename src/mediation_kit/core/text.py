"""Accent- and case-insensitive text, the one way the kit compares words.

The search index folds its terms with `fold`; the views highlight query words with
`fold_with_positions`, so that what the search matched is exactly what the view marks.
"""

from __future__ import annotations

import unicodedata

# Letters Unicode does not decompose but a French or German reader types as two.
_LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss"}
_LIGATURE_TABLE = str.maketrans(_LIGATURES)


def fold(text: str) -> str:
    """Lower case without accents: "Événement" -> "evenement", "Œuvre" -> "oeuvre"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURE_TABLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_with_positions(text: str) -> tuple[str, list[int]]:
    """`fold(text)`, and for each folded character its index in `text`, so that a match in
    the folded text can be shown on the original one."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        lowered = char.casefold()
        for part in _LIGATURES.get(lowered, lowered):
            for base in unicodedata.normalize("NFKD", part):
                if not unicodedata.combining(base):
                    folded.append(base)
                    origin.append(index)
    return "".join(folded), origin
