"""The paper side of a plan, as HTML that QTextDocument renders (no Qt here).

- The run sheet is for the leader: title, date, place, the plan's notes, then every item with
  its number, cumulative start, duration, title, where it comes from, and the leader's note.
- The handout is for participants: title, date, place, each resource's title and a few lines
  about it, then the credits and licences of what it shows. It never carries a leader's note,
  neither the plan's nor an item's.

Both are in the active language (dates and durations by Babel), with French typography when
French is active. The HTML keeps to what QTextDocument supports: tables, headings, paragraphs,
inline styles.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from mediation_kit.core.i18n import (
    _, current_language, format_date, format_day, format_duration, format_list,
    format_timestamp, ngettext)
from mediation_kit.core.model import KitAsset, Replay, Summary
from mediation_kit.core.packs.library import Library
from mediation_kit.core.plans.labels import kind_label
from mediation_kit.core.plans.model import MomentItem, TitleCardItem, WorkshopPlan, plan_timing
from mediation_kit.core.plans.resolve import (
    ItemStatus, ResolvedItem, event_label, resolve_plan)
from mediation_kit.core.typography import typeset

# How much of a resource the handout quotes: about three printed lines.
ABOUT_MAX_CHARS = 320
# QTextDocument's HTML reader turns every Unicode space but U+00A0 into an ordinary,
# breakable space, unless the text is marked as preformatted: the narrow no-break spaces of
# French typography (and of Babel's "1 h 05") are kept this way.
NARROW_NBSP_HTML = '<span style="white-space:pre">\u202f</span>'

_STYLE = """
body { font-size: 10.5pt; }
h1 { font-size: 20pt; font-weight: bold; margin-bottom: 2pt; }
h2 { font-size: 13pt; font-weight: bold; margin-top: 14pt; margin-bottom: 4pt; }
p.meta { color: #333333; margin-top: 0; }
p.notes { margin-top: 6pt; }
table.items { border-collapse: collapse; }
th { background-color: #e6e6e6; text-align: left; font-weight: bold; }
td.num, td.time { white-space: nowrap; }
span.source { color: #444444; }
span.flag { color: #a00000; font-weight: bold; }
span.note { font-style: italic; }
p.item-title { font-weight: bold; margin-top: 10pt; margin-bottom: 0; }
p.about { margin-top: 2pt; }
p.small { font-size: 9pt; color: #333333; }
"""


@dataclass(frozen=True)
class _Writer:
    """Escapes and typesets every piece of text the same way."""

    language: str

    def text(self, value: str) -> str:
        return html.escape(typeset(value, self.language), quote=False).replace(
            "\u202f", NARROW_NBSP_HTML)

    def lines(self, value: str) -> str:
        """Text whose line breaks the leader typed on purpose."""
        return "<br/>".join(self.text(line) for line in value.splitlines())


def _document(title: str, body: list[str], language: str) -> str:
    """A whole HTML page; the <title> is plain text (no markup is allowed there)."""
    return (f'<!DOCTYPE html>\n<html lang="{html.escape(language)}"><head><meta charset="utf-8"/>'
            f"<title>{html.escape(title, quote=False)}</title><style>{_STYLE}</style></head>\n"
            "<body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def _heading(plan: WorkshopPlan, out: _Writer) -> list[str]:
    title = plan.title.strip() or _("Untitled workshop")
    parts = [f"<h1>{out.text(title)}</h1>"]
    meta = []
    if plan.date is not None:
        meta.append(out.text(format_date(plan.date, "full")))
    if plan.place.strip():
        meta.append(out.text(plan.place.strip()))
    if meta:
        parts.append(f'<p class="meta">{" — ".join(meta)}</p>')
    return parts


def _source(resolved: ResolvedItem, library: Library) -> str:
    """Where the item comes from: the event, and for a moment its place in the replay."""
    item = resolved.item
    if isinstance(item, TitleCardItem):
        return _("written for this workshop")
    pack = library.pack(item.pack_id)
    event = event_label(pack) if pack is not None else item.saved_source or item.pack_id
    return f"{kind_label(item)} — {event}"


# --- the run sheet ---------------------------------------------------------------------


def run_sheet_html(plan: WorkshopPlan, library: Library) -> str:
    """The leader's run sheet, in plan order, with notes and flags."""
    out = _Writer(current_language())
    resolved = resolve_plan(plan, library)
    timing = plan_timing(plan)
    body = _heading(plan, out)
    body.append('<p class="meta">' + out.text(total_time_line(timing)) + "</p>")
    if plan.notes.strip():
        body.append(f'<p class="notes"><b>{out.text(_("Notes:"))}</b> '
                    f'<span class="note">{out.lines(plan.notes.strip())}</span></p>')
    body.append('<table class="items" width="100%" cellspacing="0" cellpadding="4" border="1">')
    body.append("<thead><tr>" + "".join(
        f'<th width="{width}">{out.text(label)}</th>' for label, width in (
            (_("No."), "6%"), (_("Start"), "9%"), (_("Duration"), "13%"),
            (_("Item"), "42%"), (_("Leader's notes"), "30%"))) + "</tr></thead>")
    for number, (entry, when) in enumerate(zip(resolved, timing.items), start=1):
        duration = "—" if when.duration_s is None else format_duration(when.duration_s)
        cell = [f"<b>{out.text(entry.title)}</b>"]
        if isinstance(entry.item, TitleCardItem) and entry.item.lines:
            cell.append("<br/>" + "<br/>".join(out.text(line) for line in entry.item.lines))
        cell.append(f'<br/><span class="source">{out.text(_source(entry, library))}</span>')
        if entry.status is not ItemStatus.OK:
            cell.append(f'<br/><span class="flag">{out.text(_flag(entry))}</span>')
        note = f'<span class="note">{out.lines(entry.item.note.strip())}</span>' \
            if entry.item.note.strip() else ""
        body.append(
            f'<tr><td class="num" align="right">{number}</td>'
            f'<td class="time">{out.text(format_timestamp(when.start_s))}</td>'
            f'<td class="time">{out.text(duration)}</td>'
            f'<td>{"".join(cell)}</td><td>{note}</td></tr>')
    body.append("</table>")
    return _document(plan.title or _("Untitled workshop"), body, out.language)


def total_time_line(timing) -> str:
    """"Total time: 1 h 30 min", or a minimum when some items have no duration."""
    total = format_duration(timing.total_s)
    if timing.unknown_count:
        return ngettext("Total time: at least {total} ({count} item without a duration)",
                        "Total time: at least {total} ({count} items without a duration)",
                        timing.unknown_count).format(total=total, count=timing.unknown_count)
    return _("Total time: {total}").format(total=total)


def _flag(entry: ResolvedItem) -> str:
    if entry.status is ItemStatus.MISSING:
        return _("Missing: {reason}").format(reason=entry.reason)
    return _("Changed since added: {reason}").format(reason=entry.reason)


# --- the handout -----------------------------------------------------------------------


def handout_html(plan: WorkshopPlan, library: Library) -> str:
    """The participants' handout: no leader's note ever reaches it."""
    out = _Writer(current_language())
    body = _heading(plan, out)
    body.append("<h2>" + out.text(_("What we looked at")) + "</h2>")
    credits: dict[str, KitAsset] = {}
    packs_used: dict[str, str] = {}
    described: set[str] = set()  # a replay shown whole and in clips is described once
    for entry in resolve_plan(plan, library):
        item = entry.item
        if isinstance(item, TitleCardItem):
            body.append(f'<p class="item-title">{out.text(item.heading)}</p>')
            if item.lines:
                body.append('<p class="about">'
                            + "<br/>".join(out.text(line) for line in item.lines) + "</p>")
            continue
        body.append(f'<p class="item-title">{out.text(entry.title)}</p>')
        about = [f'<span class="source">{out.text(_handout_source(entry, library))}</span>']
        text = _about(entry) if entry.item.key not in described else ""
        described.add(entry.item.key)
        if text:
            about.append(out.text(text))
        body.append('<p class="about">' + "<br/>".join(about) + "</p>")
        if isinstance(entry.record, KitAsset):
            credits.setdefault(entry.record.key, entry.record)
        elif entry.record is not None:
            pack = library.pack(entry.record.pack_id)
            if pack is not None:
                packs_used.setdefault(pack.id, _("{event}: texts under the licence {licence}")
                                      .format(event=event_label(pack), licence=pack.licence))
    if credits or packs_used:
        body.append("<h2>" + out.text(_("Credits and licences")) + "</h2>")
        for asset in credits.values():
            body.append('<p class="small">' + out.text(_(
                "{title}: {credit}, licence {licence}").format(
                title=asset.title, credit=asset.credit, licence=asset.licence)) + "</p>")
        for line in packs_used.values():
            body.append('<p class="small">' + out.text(line) + "</p>")
    return _document(plan.title or _("Untitled workshop"), body, out.language)


def _handout_source(entry: ResolvedItem, library: Library) -> str:
    """The kind, the event and the date: enough to find the resource again."""
    parts = [_source(entry, library)]
    record = entry.record
    if record is not None and getattr(record, "date", None) is not None:
        pack = library.pack(record.pack_id)
        precision = pack.event.date_precision if pack is not None else "day"
        parts.append(format_day(record.date, precision))
    return ", ".join(parts)


def _about(entry: ResolvedItem) -> str:
    """A few lines about a resource, from its own text; nothing when it is missing."""
    record = entry.record
    if isinstance(record, Summary):
        text = _first_paragraph(record.body)
        speakers = [p.name for p in record.speakers if p.name.strip()]
        if speakers:
            text = _("With {names}.").format(names=format_list(speakers)) + " " + text
    elif isinstance(record, Replay):
        text = record.description
        speakers = [p.name for p in record.speakers if p.name.strip()]
        if speakers:
            text = _("With {names}.").format(names=format_list(speakers)) + " " + text
    elif isinstance(record, KitAsset):
        text = record.caption or _first_paragraph(record.text)
    else:
        return ""
    return _shorten(" ".join(text.split()), ABOUT_MAX_CHARS)


_HEADING_OR_RULE = re.compile(r"^\s*(#{1,6}\s|[-*_]{3,}\s*$|\|)")


def _first_paragraph(markdown: str, limit: int = ABOUT_MAX_CHARS) -> str:
    """The opening prose, up to about `limit` characters: no heading, no quote-box of
    editorial remarks, no table (a list following a sentence is kept with it)."""
    from mediation_kit.core.search.documents import plain_text

    taken: list[str] = []
    for block in re.split(r"\n\s*\n", markdown):
        lines = [line for line in block.strip().splitlines() if line.strip()]
        if not lines or _HEADING_OR_RULE.match(lines[0]):
            if taken:
                break  # the next section: the opening is over
            continue
        if lines[0].lstrip().startswith(">"):
            continue  # the packs put editorial notes about their sources in quotes
        taken.append(plain_text("\n".join(lines)))
        if sum(len(t) for t in taken) >= limit:
            break
    return " ".join(taken)


def _shorten(text: str, limit: int) -> str:
    """At most about `limit` characters: whole sentences when they fill most of it, else cut
    between words with an ellipsis."""
    if len(text) <= limit:
        return text
    head = text[:limit + 1]
    sentence_end = max(head.rfind(". "), head.rfind("! "), head.rfind("? "))
    if sentence_end >= limit * 0.6:
        return head[:sentence_end + 1]
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:—-. \u00a0\u202f")
    return cut + "…"
