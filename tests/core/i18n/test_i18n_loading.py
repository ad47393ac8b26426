"""Choosing the interface language: catalogs found from a fresh clone, fallbacks, listeners."""

import gettext
import logging
import os

import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

from mediation_kit.core import i18n, i18n_tools

# gettext numbers the forms in this order of CLDR's plural categories (Babel's get_plural).
CLDR_CATEGORY_ORDER = ("zero", "one", "two", "few", "many", "other")


def write_catalog(root, language, translations, *, suffix=".po"):
    """A catalog for `language` under `root` translating {msgid: msgstr}."""
    folder = root / language / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    catalog = Catalog(locale=language, domain=i18n.DOMAIN)
    for msgid, msgstr in translations.items():
        catalog.add(msgid, msgstr)
    path = folder / f"{i18n.DOMAIN}{suffix}"
    with path.open("wb") as fp:
        (write_po if suffix == ".po" else write_mo)(fp, catalog)
    return path


def test_a_fresh_clone_without_compiled_catalogs_still_speaks_french(tmp_path):
    # Given only the .po, as in a fresh clone before any build
    write_catalog(tmp_path, "fr", {"Search": "Rechercher"})
    # When French is chosen
    used = i18n.set_language("fr", tmp_path)
    # Then the catalog is compiled in memory and used
    assert used == "fr" and i18n.current_language() == "fr"
    assert i18n._("Search") == "Rechercher"


def test_a_po_edited_after_the_build_wins_over_the_stale_mo(tmp_path):
    mo = write_catalog(tmp_path, "de", {"Search": "Alt"}, suffix=".mo")
    po = write_catalog(tmp_path, "de", {"Search": "Suchen"})
    os.utime(mo, (1_000_000, 1_000_000))  # the build ran long ago
    i18n.set_language("de", tmp_path)
    assert i18n._("Search") == "Suchen"


def test_an_up_to_date_mo_is_used_as_built(tmp_path):
    po = write_catalog(tmp_path, "de", {"Search": "aus der po"})
    mo = write_catalog(tmp_path, "de", {"Search": "aus der mo"}, suffix=".mo")
    os.utime(po, (1_000_000, 1_000_000))
    i18n.set_language("de", tmp_path)
    assert i18n._("Search") == "aus der mo"


def test_a_language_without_catalog_falls_back_to_english_and_says_so(tmp_path):
    heard = []
    i18n.add_language_listener(heard.append)
    try:
        used = i18n.set_language("de", tmp_path)
    finally:
        i18n.remove_language_listener(heard.append)
    assert used == "en" and heard == ["en"]
    assert i18n._("Search") == "Search"


def test_a_corrupt_catalog_falls_back_to_english_with_a_warning_naming_it(tmp_path, caplog):
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "mediation_kit.mo").write_bytes(b"this is not a catalog")
    with caplog.at_level(logging.WARNING):
        used = i18n.set_language("fr", tmp_path)
    assert used == "en"
    assert "mediation_kit.mo" in caplog.text


def test_listeners_hear_every_change_until_removed(tmp_path):
    write_catalog(tmp_path, "fr", {"Search": "Rechercher"})
    heard = []
    i18n.add_language_listener(heard.append)
    i18n.set_language("fr", tmp_path)
    i18n.install_translations(gettext.NullTranslations(), "de")
    i18n.remove_language_listener(heard.append)
    i18n.set_language("fr", tmp_path)
    assert heard == ["fr", "de"]


@pytest.mark.parametrize(("environment", "expected"), [
    ({"LANGUAGE": "de_DE:fr"}, "de"),
    ({"LANG": "fr_FR.UTF-8"}, "fr"),
    ({"LC_ALL": "it_IT.UTF-8"}, "en"),  # not shipped: English
])
def test_the_first_start_follows_the_system_language(monkeypatch, environment, expected):
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert i18n.system_language() == expected


@pytest.mark.parametrize("language", ["fr", "de"])
def test_the_shipped_catalogs_are_found_from_the_source_tree(language):
    # Given a message the shipped catalog translates differently from the source
    po = i18n_tools.po_path(i18n_tools.repo_root(), language)
    translated = [m for m in i18n_tools.read_catalog(po, language)
                  if m.id and isinstance(m.id, str) and m.string and m.string != m.id
                  and not m.context and not m.fuzzy]
    assert translated, f"{po} translates nothing"
    # When the language is chosen without saying where the catalogs are
    assert i18n.set_language(language) == language
    # Then the repository's catalog is used, whether or not the build compiled it
    assert i18n._(translated[0].id) == translated[0].string


def test_contexts_and_plurals_go_through_the_active_catalog(tmp_path):
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    # One French string per plural category Babel knows for French (one, many, other under
    # Babel 2.19), in gettext's order of the categories
    rule = Locale("fr").plural_form
    categories = [tag for tag in CLDR_CATEGORY_ORDER if tag in rule.tags | {"other"}]
    assert len(categories) == get_plural("fr").num_plurals
    catalog = Catalog(locale="fr", domain=i18n.DOMAIN)
    catalog.add("Type", "Genre", context="facet")
    catalog.add(("{count} replay", "{count} replays"),
                tuple(f"{{count}} replays FR ({tag})" for tag in categories))
    with (folder / "mediation_kit.po").open("wb") as fp:
        write_po(fp, catalog)
    i18n.set_language("fr", tmp_path)
    assert i18n.pgettext("facet", "Type") == "Genre"
    assert i18n.pgettext("other", "Type") == "Type"
    # Each count gets the form of the category CLDR gives it (French counts zero as singular)
    for n in (0, 1, 2, 17, 1_000_000, 3_000_000, 1_000_001):
        expected = f"{{count}} replays FR ({rule(n)})"
        assert i18n.ngettext("{count} replay", "{count} replays", n) == expected, n
    assert rule(0) == rule(1) != rule(2)
