"""Dates, ranges, durations, numbers and lists are written as the interface language writes them."""

import gettext
from datetime import date

import pytest

from mediation_kit.core import i18n

# Babel writes CLDR's spaces: no-break, narrow no-break and thin spaces around units and dashes.
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})


def plain(text: str) -> str:
    return text.translate(_SPACES)


@pytest.fixture
def in_language():
    def switch(language: str) -> None:
        i18n.install_translations(gettext.NullTranslations(), language)
    return switch


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "29–30 octobre 2025"),
    ("en", "October 29 – 30, 2025"),
    ("de", "29.–30. Oktober 2025"),
])
def test_a_two_day_event_is_written_with_the_full_month_name(in_language, language, expected):
    # Given the interface in a language
    in_language(language)
    # When an event's dates are written
    text = i18n.format_date_range(date(2025, 10, 29), date(2025, 10, 30))
    # Then the month is spelled out, as a printed programme writes it
    assert plain(text) == expected


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "29 octobre – 2 novembre 2025"),
    ("en", "October 29 – November 2, 2025"),
    ("de", "29. Oktober – 2. November 2025"),
])
def test_a_range_across_two_months_names_both(in_language, language, expected):
    in_language(language)
    assert plain(i18n.format_date_range(date(2025, 10, 29), date(2025, 11, 2))) == expected


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "30 décembre 2025 – 2 janvier 2026"),
    ("en", "December 30, 2025 – January 2, 2026"),
    ("de", "30. Dezember 2025 – 2. Januar 2026"),
])
def test_a_range_across_new_year_names_both_years(in_language, language, expected):
    in_language(language)
    assert plain(i18n.format_date_range(date(2025, 12, 30), date(2026, 1, 2))) == expected


def test_a_one_day_event_is_a_single_date_and_reversed_bounds_are_tolerated(in_language):
    in_language("fr")
    assert i18n.format_date_range(date(2025, 5, 3), date(2025, 5, 3)) == "3 mai 2025"
    assert plain(i18n.format_date_range(date(2025, 10, 30), date(2025, 10, 29))) == \
        "29–30 octobre 2025"


@pytest.mark.parametrize(("language", "seconds", "expected"), [
    ("fr", 3900, "1 h 05 min"),
    ("en", 3900, "1 hr 5 min"),
    ("de", 3900, "1 Std. 5 Min."),
    ("fr", 754, "12 min 34 s"),
    ("de", 754, "12 Min. 34 Sek."),
    ("fr", 45, "45 s"),
    ("fr", 0, "0 s"),
    ("fr", 7200, "2 h"),
    ("fr", 600, "10 min"),
    # From one hour up the seconds are rounded into the minutes, and 59.5 minutes into an hour.
    ("fr", 3929, "1 h 05 min"),
    ("en", 7170, "2 hr"),
])
def test_durations_read_as_the_language_writes_them(in_language, language, seconds, expected):
    in_language(language)
    assert plain(i18n.format_duration(seconds)) == expected


def test_a_duration_never_breaks_across_lines(in_language):
    in_language("fr")
    # A plain space would let a label wrap "1 h" and "05 min" onto two lines.
    assert " " not in i18n.format_duration(3900)


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "Jean, Caroline et Daniel"),
    ("en", "Jean, Caroline, and Daniel"),
    ("de", "Jean, Caroline und Daniel"),
])
def test_lists_of_names(in_language, language, expected):
    in_language(language)
    assert i18n.format_list(["Jean", "Caroline", "Daniel"]) == expected
    assert i18n.format_list([]) == ""


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "1 234,5"), ("en", "1,234.5"), ("de", "1.234,5")])
def test_numbers(in_language, language, expected):
    in_language(language)
    assert plain(i18n.format_number(1234.5)) == expected


def test_language_names_are_written_in_the_language_asked_for():
    assert i18n.language_name("fr", "fr") == "Français"
    assert i18n.language_name("de", "en") == "German"
    assert i18n.language_name("de", "de") == "Deutsch"
    assert i18n.language_name("xx-not-a-language") == "xx-not-a-language"


def test_an_unknown_interface_language_formats_as_english(in_language):
    in_language("xx")
    assert plain(i18n.format_duration(3900)) == "1 hr 5 min"


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "mars 2024"), ("en", "March 2024"), ("de", "März 2024")])
def test_an_event_known_only_to_the_month_shows_the_month(in_language, language, expected):
    # Given a pack whose sources give no more than "March 2024"
    in_language(language)
    # Then no range of days is made up
    assert i18n.format_event_dates(date(2024, 3, 1), date(2024, 3, 31), "month") == expected
    # and an event known to the day reads as a range of days
    assert plain(i18n.format_event_dates(date(2025, 10, 29), date(2025, 10, 30))) == \
        plain(i18n.format_date_range(date(2025, 10, 29), date(2025, 10, 30)))


@pytest.mark.parametrize(("language", "month", "day"), [
    ("fr", "mars 2024", "5 mars 2024"), ("en", "March 2024", "March 5, 2024"),
    ("de", "März 2024", "5. März 2024")])
def test_a_resource_dated_to_the_month_shows_no_day(in_language, language, month, day):
    in_language(language)
    assert i18n.format_day(date(2024, 3, 1), "month") == month
    assert i18n.format_day(date(2024, 3, 5)) == day
