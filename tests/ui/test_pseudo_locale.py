"""A pseudo-locale translates every marked string into ⟦…⟧: any visible text without the
markers was never marked for translation (or is built from untranslated pieces)."""

from __future__ import annotations

import pytest

from mediation_kit import APP_NAME
from mediation_kit.core import i18n, i18n_tools
from mediation_kit.ui.dialogs.error_dialog import ErrorDialog
from mediation_kit.ui.main_window import MainWindow
from ui_fakes import fake_loader
from visible_texts import tour, window_texts


@pytest.fixture(scope="module")
def source_template(tmp_path_factory):
    """Extracted now from the sources, so a string marked today is covered even before the
    template in translations/ is updated."""
    return i18n_tools.extract(i18n_tools.repo_root(),
                              tmp_path_factory.mktemp("pseudo") / "mediation_kit.pot")


@pytest.fixture(scope="module")
def pseudo_translations(source_template):
    return i18n_tools.pseudo_translations(source_template)


@pytest.fixture(scope="module")
def source_strings(source_template):
    """Every interface string as written in the sources (both forms of plurals)."""
    strings = set()
    for message in source_template:
        if message.id:
            strings.update([message.id] if isinstance(message.id, str) else message.id)
    return strings


@pytest.fixture
def pseudo_locale(pseudo_translations):
    i18n.install_translations(pseudo_translations, "en")


def untranslatable() -> set[str]:
    """Names that stay as they are in every language: the app's, and languages' own names."""
    names = {APP_NAME}
    for code in i18n.LANGUAGES:
        for in_language in (*i18n.LANGUAGES, None):
            names.add(i18n.language_name(code, in_language))
            names.add(i18n.language_name(code, in_language).lower())
    return names


def unmarked(texts, source_strings) -> list[str]:
    """The texts shown untranslated. In a widget showing content, only an interface string
    left in English is a fault (a stale accessible name, say); the content itself is not."""
    allowed = untranslatable()
    return sorted({str(t) for t in texts
                   if (plain_source(t.text, source_strings) if t.content
                       else i18n_tools.unmarked_parts(t.text, allowed))})


def plain_source(text: str, source_strings) -> bool:
    return text in source_strings or text.replace("&", "") in {
        s.replace("&", "") for s in source_strings}


def test_the_pseudo_locale_wraps_every_message_and_keeps_placeholders(pseudo_translations):
    assert pseudo_translations.gettext("Search") == "⟦Search⟧"
    assert pseudo_translations.ngettext("{count} result", "{count} results", 2) == \
        "⟦{count} results⟧"
    assert i18n_tools.unmarked_parts("⟦Summaries⟧ · ⟦3 replays⟧ (12)") == ""
    assert "Numérique" in i18n_tools.unmarked_parts("⟦Events⟧: Numérique")


def test_every_visible_text_of_the_main_window_is_translated(pseudo_locale, window, qtbot,
                                                             source_strings):
    # Given the interface in the pseudo-locale, and a window over a small content set
    problems = []
    # When the window goes through each of its pages, views and dialogs
    for place, roots in tour(window, qtbot):
        texts = [text for root in roots for text in window_texts(root)]
        assert len(texts) > 20, f"hardly anything readable found on {place}: {texts}"
        # Then every text a person reads there went through the catalog
        problems += [f"{place}: {line}" for line in unmarked(texts, source_strings)]
    assert not problems, "texts shown without translation (mark them with _()):\n" + \
        "\n".join(problems)


def test_the_waiting_page_and_the_error_dialog_are_translated(pseudo_locale, qtbot, settings,
                                                             tmp_path, source_strings):
    # Given a window whose content is not loaded yet, where the user already types
    window = MainWindow(settings, loader=fake_loader(tmp_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.search_field.setText("communs")
    assert window.stack.currentWidget() is window.message_page
    # and an unexpected error reported in a dialog
    error = ErrorDialog("disk full", "Traceback (most recent call last): …",
                        tmp_path / "mediation-kit.log", window)
    error.show()
    qtbot.waitExposed(error)
    # Then both read translated (the error's own words and Qt's buttons aside)
    texts = window_texts(window) + window_texts(error)
    assert not unmarked(texts, source_strings)
    error.close()


def test_the_walk_catches_an_unmarked_string_and_spares_content(pseudo_locale, qtbot,
                                                               source_strings):
    # Given a small window: a marked button, an unmarked label, a content label, an action
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    from mediation_kit.core.i18n import _

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    layout.addWidget(QPushButton(_("Search"), root))
    layout.addWidget(QLabel("Never marked", root))
    event_name = QLabel("Numérique en Commun[s]", root)
    event_name.setProperty("content", True)
    event_name.setAccessibleName("Title")  # an interface string left in English
    layout.addWidget(event_name)
    hidden = QLabel("Not shown", root)
    hidden.hide()
    layout.addWidget(hidden)
    root.addAction(QAction("Unmarked action", root))
    root.show()
    qtbot.waitExposed(root)
    # When its texts are read, then exactly the faults are reported
    found = unmarked(window_texts(root), source_strings)
    assert found == sorted([
        "QLabel < QWidget accessibleName: 'Title'",
        "QLabel < QWidget text: 'Never marked'",
        "QWidget action 'Unmarked action' iconText: 'Unmarked action'",
        "QWidget action 'Unmarked action' text: 'Unmarked action'",
        "QWidget action 'Unmarked action' toolTip: 'Unmarked action'",
    ])
