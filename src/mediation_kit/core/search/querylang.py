"""The query language a person types, parsed without ever failing.

    numérique inclusion      both words (AND)
    "communs numériques"     a phrase
    -plénière                without this word (also NOT plénière)
    atelier OR table         either word
    type:cue event:nec-2025 speaker:"Jean Cattan" lang:fr year:2025 theme:espoir   filters

Anything else is read as words: unbalanced quotes close at the end, parentheses and lone
operators are ignored, control characters are spaces, an unknown `field:` is plain text. While
typing, the last word is a prefix unless the text ends with a space.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from mediation_kit.core.search.analysis import words as split_words

# A pasted page must not become a query with thousands of clauses.
MAX_CLAUSES = 24
MAX_LENGTH = 2000

# Filter names, with a few French spellings a mediator may type.
FILTER_NAMES = {
    "type": "type", "event": "event", "evenement": "event", "événement": "event",
    "speaker": "speaker", "intervenant": "speaker", "intervenante": "speaker",
    "lang": "lang", "language": "lang", "langue": "lang",
    "year": "year", "annee": "year", "année": "year",
    "theme": "theme", "thème": "theme",
}


@dataclass(frozen=True)
class Word:
    text: str  # one \w+ word as typed
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]


@dataclass(frozen=True)
class AnyOf:
    """Clauses joined by OR."""

    clauses: tuple[Word | Phrase, ...]


Clause = Word | Phrase | AnyOf


@dataclass
class ParsedQuery:
    required: list[Clause] = field(default_factory=list)
    excluded: list[Word | Phrase] = field(default_factory=list)
    filters: dict[str, set[str]] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not self.required and not self.filters


_token_re = re.compile(
    r'(?P<neg>-)?(?:(?P<field>[^\W\d_][\w]*):)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))'
)


def clean(text: str) -> str:
    """Control and format characters become spaces; parentheses are not syntax here."""
    text = text[:MAX_LENGTH]
    out = []
    for ch in text:
        if ch in "()[]{}":
            out.append(" ")
        elif unicodedata.category(ch)[0] == "C":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def parse(text: str, as_you_type: bool = True) -> ParsedQuery:
    text = clean(text)
    parsed = ParsedQuery()
    join_next = False
    negate_next = False
    pending: list[tuple[bool, Clause]] = []  # (negated, clause) in typed order
    for m in _token_re.finditer(text):
        neg, fname = bool(m.group("neg")), m.group("field")
        phrase, word = m.group("phrase"), m.group("word")
        if fname is not None and fname.casefold() in FILTER_NAMES:
            value = phrase if phrase is not None else word
            value = " ".join((value or "").split())
            if value:
                parsed.filters.setdefault(FILTER_NAMES[fname.casefold()], set()).add(value)
            continue
        if fname is not None:  # unknown field: its name is just another word
            pending.extend((neg, Word(w)) for w in split_words(fname))
            neg = False
        if phrase is not None:
            ws = tuple(split_words(phrase))
            clause: Clause | None = Phrase(ws) if len(ws) > 1 else (Word(ws[0]) if ws else None)
            if clause is not None:
                pending.append((neg or negate_next, clause))
                negate_next = False
            continue
        if word and word.endswith(":") and word[:-1].casefold() in FILTER_NAMES:
            continue  # a filter with nothing after it yet
        if word in ("OR", "||"):
            join_next = bool(pending)
            continue
        if word in ("AND", "&&", "+"):
            continue
        if word == "NOT":
            negate_next = True
            continue
        parts = split_words(word or "")
        for i, w in enumerate(parts):
            clause = Word(w)
            negated = (neg and i == 0) or negate_next
            negate_next = False
            if join_next and pending and not negated and not pending[-1][0]:
                _, last = pending.pop()
                previous = last.clauses if isinstance(last, AnyOf) else (last,)
                pending.append((False, AnyOf((*previous, clause))))
            else:
                pending.append((negated, clause))
            join_next = False
    if as_you_type and pending and text and not text[-1].isspace():
        pending[-1] = (pending[-1][0], _as_prefix(pending[-1][1], text))
    for negated, clause in pending:
        target = parsed.excluded if negated else parsed.required
        if len(parsed.required) + len(parsed.excluded) < MAX_CLAUSES:
            target.append(clause)
    return parsed


def _as_prefix(clause: Clause, text: str) -> Clause:
    """The word being typed is a prefix (not inside a closed phrase)."""
    if text.rstrip().endswith('"'):
        return clause
    if isinstance(clause, Word):
        return Word(clause.text, prefix=True)
    if isinstance(clause, AnyOf) and isinstance(clause.clauses[-1], Word):
        return AnyOf((*clause.clauses[:-1], Word(clause.clauses[-1].text, prefix=True)))
    return clause


def positive_words(parsed: ParsedQuery) -> list[Word]:
    """Every word that must or may match (for snippets and suggestions)."""
    out: list[Word] = []
    for clause in parsed.required:
        for c in clause.clauses if isinstance(clause, AnyOf) else (clause,):
            if isinstance(c, Word):
                out.append(c)
            else:
                out.extend(Word(w) for w in c.words)
    return out
