"""`mediation-kit search QUERY... [--type T] [--event E] [--lang L] [--limit N] [--json]`."""

from __future__ import annotations

import argparse
import sys

from mediation_kit.cli.output import one_line, print_json, terminal_text
from mediation_kit.core.i18n import (
    _, format_day, format_event_dates, format_timestamp, ngettext, pgettext)
from mediation_kit.core.search.labels import TYPE_LABELS, facet_value_label, type_label
from mediation_kit.core.search.plain_snippet import plain_snippet

EXIT_OK = 0
EXIT_ERROR = 2

# The filter options, as (option, facet) in the order the JSON and the hints name them.
_FILTER_OPTIONS = (("--type", "type"), ("--event", "event"), ("--lang", "lang"))
_BOLD, _PLAIN = "\033[1m", "\033[0m"


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "search", help=_("search the resources and print the results"),
        description=_('Search every summary, replay, transcript and kit file. Words are all '
                      'required; "a phrase", -word, OR and filters such as type:cue, '
                      'event:ID, speaker:NAME, lang:fr, year:2025 work in QUERY.'))
    parser.add_argument("query", nargs="+", metavar=_("QUERY"),
                        help=_("what to look for (a -word excludes that word)"))
    parser.add_argument("--type", action="append", default=[], metavar="T",
                        choices=sorted(TYPE_LABELS),
                        help=_("only this type of resource (summary, replay, cue, kit); "
                               "repeat for several"))
    parser.add_argument("--event", action="append", default=[], metavar="E",
                        help=_("only this event (a pack id or the event's name)"))
    parser.add_argument("--lang", action="append", default=[], metavar="L",
                        help=_("only this language (fr, en…)"))
    parser.add_argument("--limit", type=int, default=10, metavar="N",
                        help=_("print at most N results (default: 10)"))
    parser.add_argument("--json", action="store_true",
                        help=_("print one JSON object instead of text: snippets as plain "
                               "text, the matched words as [start, end] character offsets "
                               "in \"highlights\""))
    parser.set_defaults(handler=run)


def prepare_args(args: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """Puts every query word after `--`, so that argparse never reads the documented
    `-word` (exclude a word) as an unknown option: `search -numerique` and
    `search inclusion -numerique --json` both work. Options of this command keep their
    place; an argument that starts with `--` stays an option (argparse names a wrong one)."""
    actions = parser._option_string_actions  # noqa: SLF001 (argparse's table of options)
    options: list[str] = []
    words: list[str] = []
    remaining = iter(args)
    for arg in remaining:
        if arg == "--":
            words.extend(remaining)
            break
        if not (arg.startswith("--") or arg in actions):
            words.append(arg)
            continue
        options.append(arg)
        name = arg.split("=", 1)[0]
        matches = [action for option, action in actions.items()
                   if option == name or (name.startswith("--") and option.startswith(name))]
        takes_value = len(matches) == 1 and matches[0].nargs != 0
        if takes_value and "=" not in arg:
            value = next(remaining, None)
            if value is not None:
                options.append(value)
    return options + ["--", *words] if words else options


def _error(message: str) -> int:
    print(_("mediation-kit search: {message}").format(message=message), file=sys.stderr)
    return EXIT_ERROR


def open_engine():
    """The engine on a usable index, rebuilding it when needed; raises RuntimeError with a
    message for a person when that is impossible."""
    from mediation_kit.core.packs.installed import default_content_sources
    from mediation_kit.core.search.engine import SearchEngine, SearchEngineError
    from mediation_kit.core.search.index import IndexBuildError, IndexState, ensure_index
    from mediation_kit.core.tasks import Cancelled

    def progress(report) -> None:
        if report.done == 0 and report.message:
            print(report.message, file=sys.stderr)

    try:
        sources = default_content_sources()
        status = ensure_index(sources.packs, sources.shipped_index_dir, sources.index_dir,
                              progress=progress)
    except (IndexBuildError, OSError) as error:
        raise RuntimeError(_("the search index cannot be built: {error}").format(
            error=error)) from error
    except (Cancelled, KeyboardInterrupt) as error:
        raise RuntimeError(_("interrupted while building the search index")) from error
    if status.state is IndexState.REBUILT:
        print(status.message, file=sys.stderr)
    try:
        return SearchEngine(status.path)
    except SearchEngineError as error:
        raise RuntimeError(_("the search index in {folder} cannot be opened").format(
            folder=status.path)) from error


def _check_filters(args) -> str | None:
    """Why the filters given cannot be searched, or None. An empty value would otherwise
    be dropped and the search would quietly return nothing."""
    # --type is checked by argparse against the known types.
    hints = {
        "--event": _("give a pack id or an event's name"),
        "--lang": _("give a language code such as fr or en"),
    }
    for option, facet in _FILTER_OPTIONS:
        for value in getattr(args, facet) if option in hints else ():
            if not value.strip():
                return _("{option} needs a value: {hint}").format(option=option,
                                                                  hint=hints[option])
    return None


def _warn_if_only_exclusions(text: str) -> None:
    """`search -numerique` is read as "without numérique", and a query needs a word to
    look for: say so rather than leave an empty answer unexplained."""
    from mediation_kit.core.search import querylang

    parsed = querylang.parse(text, as_you_type=False)
    if parsed.excluded and not parsed.required:
        print(_("mediation-kit search: a -word only excludes that word: add a word to look "
                "for, as in “inclusion -numerique”"), file=sys.stderr)


def run(args) -> int:
    from mediation_kit.core.search.api import SearchQuery

    if args.limit < 1:
        return _error(_("--limit must be at least 1"))
    problem = _check_filters(args)
    if problem:
        return _error(problem)
    text = " ".join(args.query).strip()
    filters = {facet: frozenset(value.strip() for value in getattr(args, facet))
               for _option, facet in _FILTER_OPTIONS if getattr(args, facet)}
    if not text and not filters:
        return _error(_("the query is empty: give words to look for, or a filter such as "
                        "--type kit"))
    _warn_if_only_exclusions(text)
    try:
        engine = open_engine()
    except RuntimeError as error:
        return _error(terminal_text(error))
    with engine:
        results = engine.search(SearchQuery(text, filters=filters, page_size=args.limit,
                                            as_you_type=False))
    if args.json:
        print_json(as_json(results))
    else:
        print_results(results, filters)
    return EXIT_OK


# --- JSON -----------------------------------------------------------------------------------

def _hit_json(hit) -> dict:
    snippet = plain_snippet(hit.snippet)
    return {
        "id": hit.key,
        "type": hit.type,
        "title": hit.title,
        "event": hit.event,
        # None when the resource's own day is not known (only its event's dates are)
        "date": hit.date.isoformat() if hit.date and not hit.date_end else None,
        "score": round(hit.score, 4),
        "snippet": snippet.text,
        "highlights": [list(span) for span in snippet.hits],
        "time": hit.time if hit.type == "cue" else None,
    }


def as_json(results) -> dict:
    """The results as plain data: codes for machines (`value`, `type`), words for people
    (`label`, in the interface language), snippets as plain text with character offsets."""
    return {
        "query": results.query.text,
        "total": results.total,
        "suggestion": results.suggestion,
        "facets": {name: [{"value": c.value, "label": facet_value_label(name, c.value, c.label),
                           "count": c.count} for c in counts]
                   for name, counts in results.facets.items()},
        "results": [_hit_json(hit) for hit in results.hits],
        "close_matches": [_hit_json(hit) for hit in results.fuzzy],
    }


# --- text -----------------------------------------------------------------------------------

def quoted(query: str) -> str:
    """The query as typed, between the language's quotation marks, unless it is one phrase
    already between quotes (`"inclusion numérique"` is not shown doubled)."""
    text = one_line(query)
    if len(text) >= 2 and text[0] == text[-1] == '"' and '"' not in text[1:-1]:
        return text
    return pgettext("quoting a search query", "“{query}”").format(query=text)


def snippet_line(snippet_html: str, bold: bool) -> str:
    """A snippet on one terminal line: matches in bold on a terminal, controls escaped."""
    pieces = []
    for piece, is_hit in plain_snippet(snippet_html).parts():
        piece = one_line(piece)
        pieces.append(f"{_BOLD}{piece}{_PLAIN}" if is_hit and bold else piece)
    return "".join(pieces)


def _describe(hit) -> str:
    kind = type_label(hit.type)
    if hit.type == "cue" and hit.time is not None:
        kind = _("{kind} at {time}").format(kind=kind, time=format_timestamp(hit.time))
    when = ""
    if hit.date_end is not None:  # the resource's own day is unknown: its event's dates
        when = format_event_dates(hit.date, hit.date_end, hit.date_precision)
    elif hit.date is not None:
        when = format_day(hit.date, hit.date_precision)
    where = ", ".join(x for x in (one_line(hit.event), when) if x)
    return _("[{kind}] {title} — {where}").format(kind=kind, title=one_line(hit.title),
                                                  where=where)


def _print_hits(hits, bold: bool) -> None:
    for n, hit in enumerate(hits, 1):
        print(f"{n:>2}. {_describe(hit)}")
        if hit.snippet:
            print("    " + snippet_line(hit.snippet, bold))
        print("    " + one_line(hit.key))


def _print_filter_hints(results, filters: dict) -> None:
    """After no result with filters: the values of each filter that do have results, so a
    misspelt --event or --lang does not look like an empty library."""
    for option, facet in _FILTER_OPTIONS:
        if facet not in filters:
            continue
        counts = results.facets.get(facet, ())
        if counts:
            values = ", ".join(
                _("{label} ({value}): {count}").format(
                    label=one_line(facet_value_label(facet, c.value, c.label)),
                    value=one_line(c.value), count=c.count)
                for c in counts)
            print(_("With another {option}: {values}").format(option=option, values=values))


def print_results(results, filters: dict | None = None) -> None:
    bold = sys.stdout.isatty()
    query = quoted(results.query.text)
    if results.total:
        if results.query.text.strip():
            heading = ngettext("{count} result for {query}", "{count} results for {query}",
                               results.total)
        else:  # only filters were given
            heading = ngettext("{count} result", "{count} results", results.total)
        print(heading.format(count=results.total, query=query))
        _print_hits(results.hits, bold)
        if results.total > len(results.hits):
            print(_("… and {count} more (use --limit)").format(
                count=results.total - len(results.hits)))
        return
    print(_("No result for {query}.").format(query=query))
    if results.suggestion:
        print(_("Did you mean: {suggestion}?").format(suggestion=one_line(results.suggestion)))
    if results.fuzzy:
        print(_("Close matches:"))
        _print_hits(results.fuzzy, bold)
    if filters:
        _print_filter_hints(results, filters)
