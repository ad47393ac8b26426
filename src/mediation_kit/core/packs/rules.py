"""Rules that tie a record to its pack: its date falls within the event's dates, and each of
its themes is one the pack lists in pack.toml.

A theme list per pack keeps the facets clean: a typo or a near-duplicate ("sobriété
numérique" beside "numérique responsable") is caught when the pack is checked, not found
later as a second entry in the theme list of the search screen.
"""

from __future__ import annotations

from mediation_kit.core.i18n import _
from mediation_kit.core.model import Event
from mediation_kit.core.packs.reader import TableReader, suggestion


class PackRules:
    """What pack.toml declares, against which each record is checked. `event` and `themes`
    are None when pack.toml could not be read: nothing is checked then (its own problems are
    already reported)."""

    def __init__(self, event: Event | None = None,
                 themes: tuple[str, ...] | None = None) -> None:
        self.event = event
        self.themes = themes

    def check(self, fields: TableReader, values: dict) -> None:
        """Adds a problem to `fields` (file, line) for each rule `values` breaks."""
        self._check_date(fields, values.get("date"))
        self._check_themes(fields, values.get("themes") or ())

    def _check_date(self, fields: TableReader, day) -> None:
        event = self.event
        if day is None or event is None or event.start <= day <= event.end:
            return
        if event.end < event.start:
            return  # the event's own dates are wrong, and reported as such
        fields.problem("date", _("date {date}{where} is outside the event's dates "
                                 "({start} to {end} in pack.toml)").format(
            date=day.isoformat(), where=fields.where, start=event.start.isoformat(),
            end=event.end.isoformat()))

    def _check_themes(self, fields: TableReader, themes) -> None:
        if self.themes is None:
            return
        for theme in themes:
            if theme in self.themes:
                continue
            message = _('theme "{theme}"{where} is not in the themes listed in pack.toml: '
                        'add it there, or use a listed theme').format(theme=theme,
                                                                      where=fields.where)
            hint = suggestion(theme, self.themes)
            if hint:
                message += " " + _('(did you mean "{suggestion}"?)').format(suggestion=hint)
            fields.problem("themes", message)
