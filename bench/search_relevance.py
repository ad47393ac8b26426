"""What a search must find and in which order, checked over any set of packs: the bench runs
it at 2,000 and 20,000 generated documents, the tests over a small generated corpus and the
bundled packs.

    checks = relevance_checks(engine, packs, theme_phrases, ranking_words, typos)

Each check is (name, passed, detail). The rules, as a mediator would put them:
- a phrase is found in every field its words are: every resource with the theme
  "inclusion numérique" is found by "inclusion numérique" in quotes, and its snippet shows the
  phrase marked whole;
- a resource whose title or themes hold the word ranks above one that says it once in its text;
- a typing mistake ranks the close matches as the corrected word ranks them, and "did you
  mean" writes the word as the content does (accents included);
- `souver*` is a prefix, and syntax the kit does not know is searched as plain words.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from mediation_kit.core.model import Pack
from mediation_kit.core.search.analysis import words
from mediation_kit.core.search.api import SearchQuery
from mediation_kit.core.search.documents import plain_text
from mediation_kit.core.search.engine import SearchEngine
from mediation_kit.core.search.snippets import HIT_MARK, Marker, is_counted
from mediation_kit.core.text import fold

NOT_CUES = frozenset({"summary", "replay", "kit"})  # a cue has its replay's facets, not tags
UNKNOWN_SYNTAX = ("{w}~2", "{w}^3", "({w})", "+{w}", "[{w}]", "{w}!", "{w} AND", "{w}\\")


def search(engine: SearchEngine, text: str, page: int = 1, page_size: int = 200, **filters):
    return engine.search(SearchQuery(text, filters={k: frozenset(v) for k, v in filters.items()},
                                     as_you_type=False, page=page, page_size=page_size))


def all_keys(engine: SearchEngine, text: str) -> list[str]:
    """Every hit of `text`, in ranked order (page after page)."""
    first = search(engine, text)
    out = [h.key for h in first.hits]
    for page in range(2, first.pages + 1):
        out += [h.key for h in search(engine, text, page=page).hits]
    return out


def resources(packs: Iterable[Pack]) -> dict[str, tuple[str, tuple[str, ...], str]]:
    """key -> (title, themes or tags, text) of every resource, from the records."""
    out = {}
    for pack in packs:
        for s in pack.summaries:
            out[s.key] = (s.title, tuple(s.themes), plain_text(s.body))
        for r in pack.replays:
            chapters = " ".join(c.title for c in r.chapters)
            out[r.key] = (r.title, tuple(r.themes), f"{r.description} {chapters}")
            for cue in r.cues:
                out[r.cue_key(cue)] = ("", (), cue.text)
        for a in pack.kit:
            out[a.key] = (a.title, tuple(a.tags), f"{a.caption} {plain_text(a.text)}")
    return out


def mentions(word: str, text: str) -> int:
    """How often `word` is in `text` as a text field finds it (any form of the word)."""
    marker = Marker(words=[word])
    return sum(marker.matches(w) for w in words(text))


def in_theme(word: str, theme: str) -> bool:
    """Whether a theme or tag holds `word` as a tag field finds it (the whole word)."""
    return fold(word) in {fold(w) for w in words(theme)}


def marked(snippet: str) -> list[str]:
    """The texts marked in a snippet's HTML."""
    out, rest = [], snippet
    while HIT_MARK in rest:
        rest = rest.split(HIT_MARK, 1)[1]
        mark, rest = rest.split("</b>", 1)
        out.append(html.unescape(mark))
    return out


def holds_the_phrase(text: str, phrase: str, whole: bool = False) -> bool:
    """Whether `text` holds `phrase` (is it, with `whole`), in any form of its words
    ("communs numériques" for "commun numérique"), stop words aside as the index leaves
    them."""
    wanted = [Marker(words=[w]) for w in words(phrase) if is_counted(w)]
    found = [w for w in words(text) if is_counted(w)]
    n = len(wanted)
    starts = [0] if whole else range(len(found) - n + 1)
    return (not whole or len(found) == n) and any(
        all(m.matches(w) for m, w in zip(wanted, found[i:i + n])) for i in starts)


def marks_the_phrase(snippet: str, phrase: str) -> bool:
    """Whether one mark of `snippet` is `phrase` whole."""
    return any(holds_the_phrase(mark, phrase, whole=True) for mark in marked(snippet))


# --- the checks -------------------------------------------------------------------------


def phrase_checks(engine, phrase: str):
    quoted = search(engine, f'"{phrase}"', type=NOT_CUES)
    themed = search(engine, "", theme={phrase}, type=NOT_CUES).total
    counted = {c.label: c.count for c in quoted.facets.get("theme", ())}.get(phrase, 0)
    yield (f'"{phrase}" finds every resource with that theme', themed > 0 and counted == themed,
           f"{counted} of {themed}")
    shown = list(quoted.hits[:20])
    # (the title is shown above the snippet: a phrase there needs no mark below)
    whole = [h for h in shown if marks_the_phrase(h.snippet, phrase)
             or holds_the_phrase(h.title, phrase)]
    yield (f'"{phrase}": snippets mark the phrase whole', bool(shown) and whole == shown,
           f"{len(whole)} of {len(shown)}")


def ranking_check(engine, by_key, word: str):
    ranked = all_keys(engine, word)
    about, once = [], []
    for rank, key in enumerate(ranked):
        title, themes, body = by_key[key]
        if mentions(word, title) or any(in_theme(word, t) for t in themes):
            about.append(rank)
        elif mentions(word, body) == 1:
            once.append(rank)
    ok = bool(about) and bool(once) and max(about) < min(once)
    return (f"{word}: title or theme above a single mention in a text", ok,
            f"{len(about)} about it, last at {max(about, default=-1)}; {len(once)} saying it "
            f"once, first at {min(once, default=-1)}")


def typo_checks(engine, typo: str, corrected: str):
    mistaken = search(engine, typo, page_size=20)
    right = search(engine, corrected, page_size=20)
    n = len(mistaken.fuzzy)
    yield (f"{typo}: did you mean {corrected}", mistaken.suggestion == corrected,
           repr(mistaken.suggestion))
    yield (f"{typo}: close matches ranked as {corrected}",
           n > 0 and [h.key for h in mistaken.fuzzy] == [h.key for h in right.hits][:n],
           f"{n} close matches")


def prefix_checks(engine, word: str, prefix_length: int = 6):
    starred = search(engine, f"{fold(word)[:prefix_length]}*", page_size=20)
    whole = search(engine, word).total
    yield (f"{word[:prefix_length]}*: a prefix", starred.total >= whole > 0
           and starred.suggestion is None, f"{starred.total} against {whole} for {word}")
    for form in UNKNOWN_SYNTAX:
        text = form.format(w=word)
        total = search(engine, text).total
        yield (f"{text}: plain words", total >= whole, f"{total} against {whole}")


def relevance_checks(engine: SearchEngine, packs: list[Pack], theme_phrases: Iterable[str],
                     ranking_words: Iterable[str], typos: Iterable[tuple[str, str]],
                     prefix_words: Iterable[str] = ("souveraineté",)):
    by_key = resources(packs)
    checks = []
    for phrase in theme_phrases:
        checks.extend(phrase_checks(engine, phrase))
    for word in ranking_words:
        checks.append(ranking_check(engine, by_key, word))
    for typo, corrected in typos:
        checks.extend(typo_checks(engine, typo, corrected))
    for word in prefix_words:
        checks.extend(prefix_checks(engine, word))
    return checks
