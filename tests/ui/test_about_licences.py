"""The About box shows the licences: the kit's, and every component a release bundles (the
notices the release build writes beside the executable), in French, English and German."""

from __future__ import annotations

import json

import pytest

from mediation_kit.core import i18n
from mediation_kit.ui.dialogs import about_dialog
from mediation_kit.ui.dialogs.about_dialog import AboutDialog
from mediation_kit.ui.dialogs.licence_text_dialog import LicenceTextDialog


@pytest.fixture
def release_folder(tmp_path, monkeypatch):
    """A folder as the release build leaves beside the executable."""
    (tmp_path / "LICENSE.txt").write_text("GNU GENERAL PUBLIC LICENSE\nVersion 3\n",
                                          encoding="utf-8")
    (tmp_path / about_dialog.NOTICES_TXT).write_text(
        "Mediation Kit 0.1.0: third-party notices\nReplacing the Qt libraries (GNU LGPL)\n",
        encoding="utf-8")
    (tmp_path / about_dialog.NOTICES_JSON).write_text(json.dumps([
        {"name": "Qt", "version": "6.12.0", "licence": "LGPL-3.0-only", "texts": ["LGPL"]},
        {"name": "FFmpeg", "version": "9.0.1", "licence": "LGPL-2.1-or-later", "texts": ["x"]},
    ]), encoding="utf-8")
    monkeypatch.setattr(about_dialog, "licence_folder", lambda: tmp_path)
    return tmp_path


@pytest.fixture
def language():
    yield i18n.set_language
    i18n.set_language("en")


@pytest.mark.parametrize("lang, heading, button", [
    ("fr", "Crédits et licences", "&Composants tiers"),
    ("en", "Credits and licences", "&Third-party notices"),
    ("de", "Nachweise und Lizenzen", "&Drittanbieter-Hinweise"),
])
def test_about_box_lists_the_bundled_components_and_their_licences(
        qtbot, release_folder, language, lang, heading, button):
    assert language(lang) == lang
    dialog = AboutDialog(())
    qtbot.addWidget(dialog)
    text = dialog.details.toPlainText()
    assert heading in text and "GPL" in text
    assert "Qt 6.12.0" in text and "LGPL-3.0-only" in text
    assert "FFmpeg 9.0.1" in text and "LGPL-2.1-or-later" in text
    assert dialog.notices_button.text() == button
    assert dialog.licence_button.isEnabled() and dialog.notices_button.isEnabled()
    assert dialog.notices_button.accessibleName() and dialog.licence_button.accessibleName()


def test_the_buttons_open_the_licence_and_the_notices(qtbot, release_folder):
    dialog = AboutDialog(())
    qtbot.addWidget(dialog)
    dialog.notices_button.click()
    shown = dialog.text_dialog
    assert isinstance(shown, LicenceTextDialog) and shown.isVisible()
    assert "Replacing the Qt libraries" in shown.text.toPlainText()
    assert shown.text.isReadOnly()
    shown.close()
    dialog.licence_button.click()
    assert "GNU GENERAL PUBLIC LICENSE" in dialog.text_dialog.text.toPlainText()
    dialog.text_dialog.close()


def test_without_the_release_files_the_box_says_where_they_come_from(qtbot, tmp_path,
                                                                     monkeypatch):
    monkeypatch.setattr(about_dialog, "licence_folder", lambda: tmp_path)
    dialog = AboutDialog(())
    qtbot.addWidget(dialog)
    assert not dialog.licence_button.isEnabled() and not dialog.notices_button.isEnabled()
    assert "the release build writes it" in dialog.details.toPlainText()
