"""Translations (gettext catalogs compiled by Babel) and locale-aware formatting (Babel).

Use `_("text")` where a string is shown, `N_("text")` to mark a module-level constant that is
translated later with `_()` at display time, `ngettext` for plurals and `pgettext` where a word
is ambiguous. The active language can change while the app runs (`set_language`): these
functions look it up on every call, so nothing caches a translated string.
"""

from __future__ import annotations

import gettext
import locale
import os
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale


class _LazyModule:
    """A Babel module imported on first use: the app's window appears before any date is
    formatted, and importing Babel costs about 20 ms of start-up."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str):
        import importlib

        module = importlib.import_module(self._name)
        return getattr(module, attribute)


babel_dates = _LazyModule("babel.dates")
babel_lists = _LazyModule("babel.lists")
babel_numbers = _LazyModule("babel.numbers")
babel_units = _LazyModule("babel.units")

DOMAIN = "mediation_kit"
SOURCE_LANGUAGE = "en"
# The interface languages shipped with the kit, in the order the settings list them.
LANGUAGES = ("fr", "en", "de")

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE
_listeners: list[Callable[[str], None]] = []


def _(message: str) -> str:
    return _translations.gettext(message)


def N_(message: str) -> str:
    """Marks `message` for extraction only; translate it with `_()` where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translations.pgettext(context, message)


def current_language() -> str:
    return _language


def system_language() -> str:
    """The first shipped language the system asks for, else English."""
    candidates: list[str] = []
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            candidates.extend(value.split(":"))
            break
    if not candidates:
        try:
            loc = locale.getlocale()[0]
        except ValueError:
            loc = None
        if loc:
            candidates.append(loc)
    for candidate in candidates:
        lang = candidate.split(".")[0].split("_")[0].split("-")[0].lower()
        if lang in LANGUAGES:
            return lang
    return SOURCE_LANGUAGE


def catalog_path(language: str, translations_dir: Path | None = None) -> Path:
    from mediation_kit.core.paths import translations_dir as default_dir

    root = translations_dir if translations_dir is not None else default_dir()
    return root / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def set_language(language: str, translations_dir: Path | None = None) -> str:
    """Makes `language` active and tells the listeners; returns the language now in use.

    English, the source language, works without a catalog (its catalog only fixes plural forms
    and wording). A language whose catalog is missing falls back to English rather than
    failing: the caller can compare the result.
    """
    global _translations, _language
    translations = load_catalog(language, translations_dir)
    if translations is not None:
        _translations, _language = translations, language
    else:
        _translations, _language = gettext.NullTranslations(), SOURCE_LANGUAGE
    for listener in list(_listeners):
        listener(_language)
    return _language


def load_catalog(language: str,
                 translations_dir: Path | None = None) -> gettext.GNUTranslations | None:
    """The compiled catalog of `language`, or None when there is none.

    Releases ship `.mo` files compiled by the build. In a source checkout, a `.po` newer than
    its `.mo` (or without one) is compiled in memory, so a fresh clone or a catalog edited since
    the last build shows what the `.po` says.
    """
    mo = catalog_path(language, translations_dir)
    po = mo.with_suffix(".po")
    source = mo
    try:
        if po.is_file() and (not mo.is_file() or po.stat().st_mtime > mo.stat().st_mtime):
            source = po
            return gettext.GNUTranslations(_compile_in_memory(po))
        if mo.is_file():
            with mo.open("rb") as fp:
                return gettext.GNUTranslations(fp)
    except (OSError, ValueError) as error:  # unreadable or malformed: English rather than a crash
        import logging

        logging.getLogger(__name__).warning(
            "Cannot load the %s catalog %s: %s", language, source, error)
    return None


def _compile_in_memory(po: Path):
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fp:
        catalog = read_po(fp, locale=po.parents[1].name, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return buffer


def install_translations(translations: gettext.NullTranslations, language: str) -> None:
    """Makes an already-built catalog active (tests use it for pseudo-locales)."""
    global _translations, _language
    _translations = translations
    _language = language
    for listener in list(_listeners):
        listener(_language)


def add_language_listener(listener: Callable[[str], None]) -> None:
    """`listener(language)` is called after every language change."""
    _listeners.append(listener)


def remove_language_listener(listener: Callable[[str], None]) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


# --- formatting, always for the active language ----------------------------------------


def babel_locale(language: str | None = None) -> Locale:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language or _language)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(SOURCE_LANGUAGE)


def language_name(language: str, in_language: str | None = None) -> str:
    """`fr` -> "français" (in French) or "French" (in English)."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(language).get_display_name(babel_locale(in_language))
    except (UnknownLocaleError, ValueError):
        return language
    return name[:1].upper() + name[1:] if name else language


def format_date(value: date, format: str = "long") -> str:
    return babel_dates.format_date(value, format=format, locale=babel_locale())


def format_time(value: time, format: str = "short") -> str:
    return babel_dates.format_time(value, format=format, locale=babel_locale())


def format_datetime(value: datetime, format: str = "medium") -> str:
    return babel_dates.format_datetime(value, format=format, locale=babel_locale())


def format_day(value: date, precision: str = "day", format: str = "long") -> str:
    """A resource's date; only its month ("mars 2024") when the sources give no more."""
    if precision == "month":
        skeleton = "yMMMM" if format in ("long", "full") else "yMMM"
        return babel_dates.format_skeleton(skeleton, value, locale=babel_locale())
    return format_date(value, format)


def format_event_dates(start: date, end: date, precision: str = "day") -> str:
    """An event's dates: a range of days, or only the month ("mars 2024") when the sources
    give no more than the month (pack.toml `date_precision = "month"`)."""
    if precision == "month":
        loc = babel_locale()
        if (start.year, start.month) == (end.year, end.month):
            return babel_dates.format_skeleton("yMMMM", start, locale=loc)
        return babel_dates.format_interval(start, end, skeleton="yMMMM", locale=loc)
    return format_date_range(start, end)


def format_date_range(start: date, end: date) -> str:
    """"29–30 octobre 2025", "October 29 – 30, 2025"; a single date when start == end.

    CLDR has interval patterns with abbreviated months only ("29–30 oct. 2025"); as CLDR's
    own matching rules allow, the month is widened to its full name, as printed programmes
    write it.
    """
    if end < start:
        start, end = end, start
    if start == end:
        return format_date(start)
    loc = babel_locale()
    formats = loc.interval_formats.get("yMMMd")
    if not formats:
        return babel_dates.format_interval(start, end, skeleton="yMMMMd", locale=loc)
    # The largest field that differs picks the pattern pair: the year, then the month, then the day.
    differs = ("y" if start.year != end.year else "M" if start.month != end.month else "d")
    patterns = formats.get(differs) or formats.get("y")
    if not patterns:
        return babel_dates.format_interval(start, end, skeleton="yMMMMd", locale=loc)
    return "".join(
        babel_dates.format_date(day, _full_month(pattern), locale=loc)
        for pattern, day in zip(patterns, (start, end)))


def _full_month(pattern: str) -> str:
    """"d MMM y" -> "d MMMM y" (abbreviated month, format or stand-alone, to the full name)."""
    return re.sub(r"(?<![ML])(MMM|LLL)(?![ML])", lambda m: m.group(1) + m.group(1)[0], pattern)


# Languages that write the minutes on two digits after the hours: "1 h 05 min".
_TWO_DIGIT_MINUTES_AFTER_HOURS = frozenset({"fr"})
# Between the parts of a duration: a line must not break inside "1 h 05 min".
_DURATION_JOINER = "\u00a0"


def format_duration(seconds: float) -> str:
    """A length of time as the language writes it: "1 h 05 min", "1 hr 5 min", "1 Std. 5 Min.".

    From one hour up, seconds are rounded into minutes; below, "12 min 30 s"; zero parts are left
    out ("2 h", "12 min").
    """
    seconds = max(0, int(round(seconds)))
    loc = babel_locale()
    hours, rest = divmod(seconds, 3600)
    if hours:
        minutes = int(round(rest / 60))
        if minutes == 60:
            hours, minutes = hours + 1, 0
        parts = [_unit(hours, "duration-hour", loc)]
        if minutes:
            two_digits = loc.language in _TWO_DIGIT_MINUTES_AFTER_HOURS
            parts.append(_unit(minutes, "duration-minute", loc, "00" if two_digits else None))
        return _DURATION_JOINER.join(parts)
    minutes, secs = divmod(rest, 60)
    parts = []
    if minutes:
        parts.append(_unit(minutes, "duration-minute", loc))
    if secs or not minutes:
        parts.append(_unit(secs, "duration-second", loc))
    return _DURATION_JOINER.join(parts)


def _unit(value: int, unit: str, loc: Locale, number_format: str | None = None) -> str:
    return babel_units.format_unit(value, unit, length="short", format=number_format, locale=loc)


def format_timestamp(seconds: float) -> str:
    """A position in a video, as on a player: 12:34 or 1:02:03 (the same in every language)."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_list(items: Iterable[str], style: str = "standard") -> str:
    """"Jean, Caroline et Daniel"."""
    items = list(items)
    if not items:
        return ""
    return babel_lists.format_list(items, style=style, locale=babel_locale())


def format_number(value: float | int) -> str:
    return babel_numbers.format_decimal(value, locale=babel_locale())
