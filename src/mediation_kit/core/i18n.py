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
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import lists as babel_lists
from babel import numbers as babel_numbers

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

    English, the source language, needs no catalog. A language whose compiled catalog is
    missing falls back to English rather than failing: the caller can compare the result.
    """
    global _translations, _language
    mo = catalog_path(language, translations_dir)
    if language != SOURCE_LANGUAGE and mo.is_file():
        with mo.open("rb") as fp:
            _translations = gettext.GNUTranslations(fp)
        _language = language
    elif language == SOURCE_LANGUAGE and mo.is_file():
        # English has a catalog too, for plural forms and wording fixes.
        with mo.open("rb") as fp:
            _translations = gettext.GNUTranslations(fp)
        _language = language
    else:
        _translations = gettext.NullTranslations()
        _language = SOURCE_LANGUAGE
    for listener in list(_listeners):
        listener(_language)
    return _language


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
    try:
        return Locale.parse(language or _language)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(SOURCE_LANGUAGE)


def language_name(language: str, in_language: str | None = None) -> str:
    """`fr` -> "français" (in French) or "French" (in English)."""
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


def format_date_range(start: date, end: date) -> str:
    """"29–30 octobre 2025", "October 29 – 30, 2025"; a single date when start == end."""
    if start == end:
        return format_date(start)
    return babel_dates.format_interval(start, end, skeleton="yMMMMd", locale=babel_locale())


def format_duration(seconds: float) -> str:
    """A length of time as the language writes it: "1 h 05 min" in French, "1 hr 5 min"."""
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    loc = babel_locale()
    parts = []
    if hours:
        parts.append(babel_dates.format_timedelta(
            timedelta(hours=hours), granularity="hour", threshold=100, format="short", locale=loc))
    if minutes or (hours and not secs):
        parts.append(babel_dates.format_timedelta(
            timedelta(minutes=minutes), granularity="minute", threshold=100, format="short",
            locale=loc))
    if secs and not hours:
        parts.append(babel_dates.format_timedelta(
            timedelta(seconds=secs), granularity="second", threshold=100, format="short",
            locale=loc))
    if not parts:
        return babel_dates.format_timedelta(
            timedelta(0), granularity="second", format="short", locale=loc)
    return " ".join(parts)


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
