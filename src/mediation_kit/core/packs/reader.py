"""Reading one TOML table against what the format allows, reporting every wrong value.

Each getter returns the value, or None (an empty tuple for lists) when the key is absent or
wrong; a wrong or missing required key also sets `failed`, so the caller knows not to build a
record from the table. Every problem names the key, the table (`where`) and its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time
from pathlib import Path

from mediation_kit.core.i18n import N_, _
from mediation_kit.core.model import Person
from mediation_kit.core.packs.problems import ProblemLog
from mediation_kit.core.packs.toml_lines import KeyLines, TablePath
from mediation_kit.core.packs.webvtt import parse_timestamp

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

_TYPE_NAMES = (
    # datetime before date: a datetime is a date too.
    (bool, N_("true or false")),
    (str, N_("text")),
    (int, N_("a number")),
    (float, N_("a number")),
    (datetime, N_("a date and time")),
    (date, N_("a date")),
    (time, N_("a time of day")),
    (list, N_("a list")),
    (dict, N_("a table")),
)


def type_name(value: object) -> str:
    for kind, name in _TYPE_NAMES:
        if isinstance(value, kind):
            return _(name)
    return type(value).__name__


def suggestion(word: str, choices: Iterable[str]) -> str | None:
    """The closest valid word, for "did you mean" hints."""
    import difflib  # only when something is wrong: not on the start-up path

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def unknown_key_message(key: str, where: str, choices: Iterable[str]) -> str:
    hint = suggestion(key, choices)
    if hint:
        return _('unknown key "{key}"{where} (did you mean "{suggestion}"?)').format(
            key=key, where=where, suggestion=hint)
    return _('unknown key "{key}"{where}').format(key=key, where=where)


class TableReader:
    def __init__(self, data: dict, *, allowed: Iterable[str], log: ProblemLog, file: Path,
                 lines: KeyLines | None, table: TablePath = (), where: str = "",
                 line: int | None = None) -> None:
        """`where` names the table in messages (" in [event]", or "" for a whole file);
        `line` is used for every key when the keys' own lines cannot be known."""
        self.data = data
        self.log = log
        self.file = file
        self.lines = lines
        self.table = table
        self.where = where
        self.fixed_line = line
        self.failed = False
        # Keys a misspelt key was taken for: their absence is not reported a second time.
        self._misspelt: set[str] = set()
        allowed = tuple(allowed)
        for key in data:
            if key not in allowed:
                self.problem(key, unknown_key_message(key, where, allowed))
                hint = suggestion(key, allowed)
                if hint:
                    self._misspelt.add(hint)

    # --- reporting ---------------------------------------------------------------------

    def line(self, key: str | None = None) -> int | None:
        if self.fixed_line is not None or self.lines is None:
            return self.fixed_line
        if key is None:
            return self.lines.table(self.table)
        return self.lines.key(self.table, key)

    def problem(self, key: str | None, message: str) -> None:
        self.log.add(self.file, self.line(key), message)

    def wrong_type(self, key: str, expected: str, value: object, required: bool) -> None:
        self.problem(key, _('"{key}"{where} must be {expected}, not {actual}').format(
            key=key, where=self.where, expected=expected, actual=type_name(value)))
        self.failed = self.failed or required

    def raw(self, key: str, required: bool) -> object | None:
        if key not in self.data:
            if required and key not in self._misspelt:
                self.problem(None, _('missing required key "{key}"{where}').format(
                    key=key, where=self.where))
            self.failed = self.failed or required
            return None
        return self.data[key]

    # --- typed getters -----------------------------------------------------------------

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.raw(key, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.wrong_type(key, _("text"), value, required)
            return None
        if not value.strip():
            self.problem(key, _('"{key}"{where} is empty').format(key=key, where=self.where))
            self.failed = self.failed or required
            return None
        return value

    def url(self, key: str) -> str | None:
        """A web address, shown to be copied or opened by the user; never fetched."""
        value = self.text(key)
        if value is not None and not value.startswith(("https://", "http://")):
            self.problem(key, _('{key} "{value}"{where} is not a web address (expected '
                                'https://…)').format(key=key, value=value, where=self.where))
            return None
        return value

    def identifier(self, key: str = "id", required: bool = True) -> str | None:
        value = self.text(key, required)
        if value is not None and not ID_PATTERN.fullmatch(value):
            self.problem(key, _('{key} "{value}"{where} is not valid: use lower-case letters, '
                                'digits and "-"').format(key=key, value=value, where=self.where))
            self.failed = self.failed or required
            return None
        return value

    def language(self, key: str, declared: tuple[str, ...] | None,
                 required: bool = False) -> str | None:
        """A language of the pack; `declared` None when the pack's own list is unusable."""
        value = self.text(key, required)
        if value is not None and declared is not None and value not in declared:
            self.problem(key, _('{key} "{value}"{where} is not one of the pack\'s languages '
                                '({languages})').format(key=key, value=value, where=self.where,
                                                        languages=", ".join(declared)))
            self.failed = self.failed or required
            return None
        return value

    def integer(self, key: str, required: bool = False) -> int | None:
        value = self.raw(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.wrong_type(key, _("a whole number"), value, required)
            return None
        return value

    def text_list(self, key: str, required: bool = False) -> tuple[str, ...]:
        value = self.raw(key, required)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.wrong_type(key, _("a list of texts"), value, required)
            return ()
        items = []
        for number, item in enumerate(value, start=1):
            if not isinstance(item, str):
                self.problem(key, _('item {number} of "{key}"{where} must be text, not '
                                    '{actual}').format(number=number, key=key, where=self.where,
                                                       actual=type_name(item)))
                self.failed = self.failed or required
            elif item.strip():
                items.append(item)
        if required and not items:
            self.problem(key, _('"{key}"{where} is empty').format(key=key, where=self.where))
            self.failed = True
        return tuple(items)

    def date(self, key: str, required: bool = False) -> date | None:
        value = self.raw(key, required)
        if value is None:
            return None
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        if isinstance(value, str):
            if ISO_DATE.fullmatch(value.strip()) and _is_date(value.strip()):
                message = _('{key} "{value}"{where} is written as text: remove the quotes '
                            '({key} = {value})')
            else:
                message = _('{key} "{value}"{where} is not a date (expected YYYY-MM-DD)')
            self.problem(key, message.format(key=key, value=value, where=self.where))
            self.failed = self.failed or required
            return None
        self.wrong_type(key, _("a date (YYYY-MM-DD)"), value, required)
        return None

    def time(self, key: str, required: bool = False) -> time | None:
        value = self.raw(key, required)
        if value is None:
            return None
        if isinstance(value, time):
            return value
        if isinstance(value, str):
            self.problem(key, _('{key} "{value}"{where} is not a time of day written as TOML '
                                '(expected HH:MM:SS without quotes)').format(
                key=key, value=value, where=self.where))
            self.failed = self.failed or required
            return None
        self.wrong_type(key, _("a time of day (HH:MM:SS)"), value, required)
        return None

    def position(self, key: str, required: bool = False) -> float | None:
        """A position or length in a video, `"M:SS"` or `"H:MM:SS"`, in seconds."""
        value = self.raw(key, required)
        if value is None:
            return None
        if not isinstance(value, str):
            self.wrong_type(key, _('text such as "1:05:00"'), value, required)
            return None
        try:
            return parse_timestamp(value)
        except ValueError:
            self.problem(key, _('{key} "{value}"{where} is not a position in a video '
                                '(expected M:SS or H:MM:SS)').format(
                key=key, value=value, where=self.where))
            self.failed = self.failed or required
            return None

    def people(self, key: str, required: bool = False) -> tuple[Person, ...]:
        """A list of `{ name = "…", role = "…" }`; a wrong entry is left out."""
        value = self.raw(key, required)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.wrong_type(key, _('a list of people ([{ name = "…" }])'), value, required)
            return ()
        people = []
        for number, item in enumerate(value, start=1):
            where = _(" in {key} {number}{where}").format(key=key, number=number,
                                                           where=self.where)
            if not isinstance(item, dict):
                self.problem(key, _('item {number} of "{key}"{where} must be a table such as '
                                    '{{ name = "…" }}, not {actual}').format(
                    number=number, key=key, where=self.where, actual=type_name(item)))
                continue
            person = TableReader(item, allowed=("name", "role"), log=self.log, file=self.file,
                                 lines=None, where=where, line=self.line(key))
            name = person.text("name", required=True)
            role = person.text("role") or ""
            if name is not None:
                people.append(Person(name=name, role=role))
        return tuple(people)


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
