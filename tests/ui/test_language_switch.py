"""Changing the language while the window is open retranslates every open view at once:
menus, buttons, placeholders, tooltips, accessible names, facet names, dates, and Qt's own
buttons (through qtbase_<lang>.qm)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mediation_kit.core import i18n, i18n_tools
from mediation_kit.core.settings import Settings
from mediation_kit.ui.app import AppServices
from mediation_kit.ui.main_window import MainWindow
from test_pseudo_locale import (  # noqa: F401 (fixtures)
    pseudo_translations, source_strings, source_template, unmarked,
)
from ui_fakes import fake_loader
from visible_texts import pages, tour, window_texts


def open_everything(window, qtbot):
    """Every page, every resource view and both dialogs, left open."""
    for _place in tour(window, qtbot):
        pass


def test_every_open_view_retranslates_when_the_language_changes(window, qtbot,
                                                                 pseudo_translations,
                                                                 source_strings):
    # Given the window in English with its pages, three resource views and dialogs open
    open_everything(window, qtbot)
    dialogs = [window.settings_dialog, window.about_dialog]
    # When the language changes while they are open (every string becomes ⟦…⟧)
    i18n.install_translations(pseudo_translations, "en")
    # Then each page and view, shown as it was left, and each dialog reads translated
    problems = []
    for name, _page in pages(window):
        problems += [f"{name}: {line}"
                     for line in unmarked(window_texts(window), source_strings)]
    for dialog in dialogs:
        problems += [f"{type(dialog).__name__}: {line}"
                     for line in unmarked(window_texts(dialog), source_strings)]
    assert not problems, "texts not retranslated after the language change:\n" + \
        "\n".join(problems)


@pytest.fixture
def services(qapp):
    """The app's real services (language, Qt's catalog, theme); the app-wide look and Qt's
    language are put back afterwards for the next tests."""
    style, palette, sheet, font = (qapp.style().name(), qapp.palette(), qapp.styleSheet(),
                                   qapp.font())
    services = AppServices(qapp)
    yield services
    services.qt_translations.switch(i18n.SOURCE_LANGUAGE)
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)


@pytest.fixture
def app_window(qtbot, tmp_path, services):
    settings = Settings(tmp_path / "settings.toml")
    settings["language"] = i18n.SOURCE_LANGUAGE
    services.apply(settings)
    win = MainWindow(settings, loader=fake_loader(tmp_path), app_services=services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(win.content_loaded, timeout=5000):
        win.start_loading()
    yield win
    win.close()


def snapshot(window, dialogs) -> dict[str, dict[tuple[str, str], str]]:
    """For each page, view and dialog: (widget, which text) -> text."""
    shots = {}
    for name, _page in pages(window):
        shots[name] = {(t.where, t.what): t.text for t in window_texts(window)}
    for dialog in dialogs:
        shots[type(dialog).__name__] = {(t.where, t.what): t.text for t in window_texts(dialog)}
    return shots


def choose_language(dialog, language: str) -> None:
    """What the user does: picks the language in the settings dialog and clicks Apply."""
    dialog.language.setCurrentIndex(dialog.language.findData(language))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()


@pytest.mark.parametrize("language", ["fr", "de"])
def test_choosing_a_language_in_the_settings_changes_every_open_view(app_window, qtbot,
                                                                     language):
    window = app_window
    catalog = i18n_tools.read_catalog(i18n_tools.po_path(i18n_tools.repo_root(), language),
                                      language)
    translated = {m.id: m.string for m in catalog
                  if isinstance(m.id, str) and m.string and m.string != m.id and not m.context}
    # Given the window in English with everything open
    open_everything(window, qtbot)
    dialogs = [window.settings_dialog, window.about_dialog]
    cancel = window.settings_dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Cancel"
    before = snapshot(window, dialogs)
    # When the user picks another language in the settings and applies it
    choose_language(window.settings_dialog, language)
    # Then the interface speaks it, without a restart
    assert i18n.current_language() == language
    after = snapshot(window, dialogs)
    for place, texts in before.items():
        # every text the catalog translates has changed in every page, view and dialog
        should_change = {slot: text for slot, text in texts.items() if text in translated}
        assert should_change, f"{place}: nothing there is in the {language} catalog?"
        unchanged = [f"{where} {what}: {text!r}" for (where, what), text in should_change.items()
                     if after[place].get((where, what)) == text]
        assert not unchanged, f"{place} still shows in English:\n" + "\n".join(unchanged)
    # dates are written as the language does
    card = window.home_page.cards[0]
    assert {"fr": "octobre", "de": "Oktober"}[language] in card.when_where.text()
    # and Qt's own buttons follow, from PySide6's qtbase catalog (on Qt's LanguageChange event)
    expected = {"fr": "Annuler", "de": "Abbrechen"}[language]
    qtbot.waitUntil(lambda: cancel.text().replace("&", "") == expected, timeout=5000)
    assert window.file_menu.title() == translated["&File"]


@pytest.mark.parametrize("language", [lang for lang in i18n.LANGUAGES
                                      if lang != i18n.SOURCE_LANGUAGE])
def test_pyside6_ships_qt_s_own_catalog_for_every_interface_language(qapp, language):
    # Adding a language to the kit relies on Qt's qtbase_<lang>.qm for standard buttons.
    from PySide6.QtCore import QLibraryInfo, QTranslator

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert QTranslator().load(f"qtbase_{language}", folder), f"no qtbase_{language}.qm in {folder}"
