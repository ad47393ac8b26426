"""The query language a person types, parsed without ever failing.

    numérique inclusion      both words (AND)
    "communs numériques"     a phrase
    -plénière                without this word (also NOT plénière)
    atelier OR table         either word
    type:cue event:nec-2025 speaker:"Jean Cattan" lang:fr year:2025 theme:espoir   filters

    souver*                  a prefix, typed or not (also souv?raineté: what comes before
                             the first * or ? is the prefix)

Anything else is read as words, never dropped: unbalanced quotes close at the end, parentheses
are spaces, control characters are spaces, an unknown `field:` is plain text, a phrase with a
wildcard is its words, and a query of nothing but operators (`OR`, `NOT`) searches them as
words. While typing, the last word is a prefix unless the text ends with a space.
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


# A wildcard inside or at the end of a word: the letters before it are a prefix.
_wildcard_re = re.compile(r"[*?]")
OPERATORS = ("OR", "||", "AND", "&&", "+", "NOT")

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


def word_clauses(raw: str) -> list[Word]:
    """The words of one typed token: `souver*` and `souv?raineté` are the prefix `souver`,
    `souv`; a leading wildcard is dropped; anything else is its plain words."""
    m = _wildcard_re.search(raw)
    if m is not None:
        before = split_words(raw[:m.start()])
        if before:
            return [*(Word(w) for w in before[:-1]), Word(before[-1], prefix=True)]
    return [Word(w) for w in split_words(raw)]


def parse(text: str, as_you_type: bool = True) -> ParsedQuery:
    text = clean(text)
    parsed = ParsedQuery()
    join_next = False
    negate_next = False
    pending: list[tuple[bool, Clause]] = []  # (negated, clause) in typed order
    operator_words: list[Word] = []  # read as words if nothing else is there
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
        if phrase is not None and _wildcard_re.search(phrase):
            # No wildcards in a phrase: its words are searched, the starred one as a prefix.
            for i, w in enumerate(c for piece in phrase.split() for c in word_clauses(piece)):
                pending.append(((neg and i == 0) or negate_next, w))
                negate_next = False
            continue
        if phrase is not None:
            ws = tuple(split_words(phrase))
            clause: Clause | None = Phrase(ws) if len(ws) > 1 else (Word(ws[0]) if ws else None)
            if clause is not None:
                pending.append((neg or negate_next, clause))
                negate_next = False
            continue
        if word and word.endswith(":") and word[:-1].casefold() in FILTER_NAMES:
            continue  # a filter with nothing after it yet
        if word in OPERATORS:
            operator_words.extend(Word(w) for w in split_words(word))
            if word in ("OR", "||"):
                join_next = bool(pending)
            elif word == "NOT":
                negate_next = True
            continue
        parts = word_clauses(word or "")
        for i, clause in enumerate(parts):
            negated = (neg and i == 0) or negate_next
            negate_next = False
            if join_next and pending and not negated and not pending[-1][0]:
                _, last = pending.pop()
                previous = last.clauses if isinstance(last, AnyOf) else (last,)
                pending.append((False, AnyOf((*previous, clause))))
            else:
                pending.append((negated, clause))
            join_next = False
    if not pending and operator_words and not parsed.filters:
        pending = [(False, w) for w in operator_words]
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
