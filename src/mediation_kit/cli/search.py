"""`mediation-kit search QUERY [--type T] [--event E] [--lang L] [--limit N] [--json]`."""

from __future__ import annotations

import html
import json
import re
import sys

from mediation_kit.core.i18n import N_, _, format_day, format_timestamp, ngettext

EXIT_OK = 0
EXIT_ERROR = 2

TYPE_LABELS = {"summary": N_("Summary"), "replay": N_("Replay"), "cue": N_("Transcript"),
               "kit": N_("Kit")}
_mark_re = re.compile(r'<b class="hit">(.*?)</b>', re.S)
_tag_re = re.compile(r"<[^>]+>")


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "search", help=_("search the resources and print the results"),
        description=_('Search every summary, replay, transcript and kit file. Words are all '
                      'required; "a phrase", -word, OR and filters such as type:cue, '
                      'event:ID, speaker:NAME, lang:fr, year:2025 work in QUERY.'))
    parser.add_argument("query", metavar=_("QUERY"), help=_("what to look for"))
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
                        help=_("print one JSON object instead of text"))
    parser.set_defaults(handler=run)


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


def run(args) -> int:
    from mediation_kit.core.search.api import SearchQuery

    if args.limit < 1:
        return _error(_("--limit must be at least 1"))
    try:
        engine = open_engine()
    except RuntimeError as error:
        return _error(str(error))
    filters = {name: frozenset(values) for name, values in
               (("type", args.type), ("event", args.event), ("lang", args.lang)) if values}
    with engine:
        results = engine.search(SearchQuery(args.query, filters=filters, page_size=args.limit,
                                            as_you_type=False))
    if args.json:
        print(json.dumps(as_json(results), ensure_ascii=False, indent=2))
    else:
        print_results(results)
    return EXIT_OK


def as_json(results) -> dict:
    return {
        "query": results.query.text,
        "total": results.total,
        "suggestion": results.suggestion,
        "facets": {name: [{"value": c.value, "label": c.label, "count": c.count}
                          for c in counts] for name, counts in results.facets.items()},
        "results": [{
            "id": hit.key,
            "type": hit.type,
            "title": hit.title,
            "event": hit.event,
            "date": hit.date.isoformat() if hit.date else None,
            "score": round(hit.score, 4),
            "snippet": hit.snippet,
            "time": hit.time if hit.type == "cue" else None,
        } for hit in results.hits],
    }


def plain_snippet(snippet: str, bold: bool) -> str:
    """A snippet's HTML as terminal text: marks in bold on a terminal, tags removed."""
    marked = _mark_re.sub(lambda m: f"\033[1m{m.group(1)}\033[0m" if bold else m.group(1),
                          snippet)
    return html.unescape(_tag_re.sub("", marked))


def _describe(hit) -> str:
    kind = _(TYPE_LABELS.get(hit.type, hit.type))
    if hit.type == "cue" and hit.time is not None:
        kind = _("{kind} at {time}").format(kind=kind, time=format_timestamp(hit.time))
    where = ", ".join(x for x in (hit.event, format_day(hit.date, hit.date_precision) if hit.date else "") if x)
    return _("[{kind}] {title} — {where}").format(kind=kind, title=hit.title, where=where)


def _print_hits(hits, bold: bool) -> None:
    for n, hit in enumerate(hits, 1):
        print(f"{n:>2}. {_describe(hit)}")
        if hit.snippet:
            print("    " + plain_snippet(hit.snippet, bold))
        print("    " + hit.key)


def print_results(results) -> None:
    bold = sys.stdout.isatty()
    text = results.query.text
    if results.total:
        print(ngettext('{count} result for "{query}"', '{count} results for "{query}"',
                       results.total).format(count=results.total, query=text))
        _print_hits(results.hits, bold)
        if results.total > len(results.hits):
            print(_("… and {count} more (use --limit)").format(
                count=results.total - len(results.hits)))
        return
    print(_('No result for "{query}".').format(query=text))
    if results.suggestion:
        print(_("Did you mean: {suggestion}?").format(suggestion=results.suggestion))
    if results.fuzzy:
        print(_("Close matches:"))
        _print_hits(results.fuzzy, bold)
