"""Live language switch, settings that persist, themes that stay readable."""

import gettext

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mediation_kit.core import i18n
from mediation_kit.core.settings import Settings
from mediation_kit.ui.app import AppServices
from mediation_kit.ui.main_window import MainWindow
from mediation_kit.ui.theme import THEMES, contrast_ratio, readable_pairs
from ui_fakes import fake_loader


class Bracketed(gettext.NullTranslations):
    """Every translated string wrapped in ⟦ ⟧, to see what was retranslated."""

    def gettext(self, message):
        return f"⟦{message}⟧"

    def ngettext(self, singular, plural, n):
        return f"⟦{singular if n == 1 else plural}⟧"

    def pgettext(self, context, message):
        return f"⟦{message}⟧"


def test_switching_language_retranslates_the_open_window(qtbot, window):
    # Given results and a summary view open
    window.search_field.setText("renc")
    qtbot.waitUntil(lambda: window._last_results is not None
                    and window._last_results.query.text == "renc")
    assert window.results_heading.text() == "1 result"
    window.result_list.setFocus()
    with qtbot.waitSignal(window.record_opened, timeout=5000):
        qtbot.keyClick(window.result_list, Qt.Key.Key_Return)
    window.go_back()
    # When the language changes while the window is open
    i18n.install_translations(Bracketed(), "fr")
    # Then menus, actions, placeholders, tooltips, accessible names, facets and counts change
    assert window.go_menu.title() == "⟦&Go⟧"
    assert window.back_action.text() == "⟦Back⟧"
    assert window.search_field.placeholderText() == "⟦Search replays, summaries and the kit…⟧"
    assert window.search_field.accessibleName() == "⟦Search⟧"
    assert window.search_field.toolTip().startswith("⟦")
    assert window.results_heading.text() == "⟦{count} result⟧".replace("{count}", "1") or \
        window.results_heading.text().startswith("⟦")
    top = window.facet_panel.topLevelItem(0)
    assert top.text(0) == "⟦Type⟧"
    assert window.home_page.heading.text() == "<h2>⟦Events⟧</h2>"
    card = window.home_page.cards[0]
    assert card.when_where.text().startswith("⟦")
    # the date is now written the French way
    assert "octobre" in card.when_where.text()
    assert all(b.text().startswith("⟦") for b in card.buttons.values())


def test_settings_dialog_applies_and_saves_language_theme_and_size(qtbot, tmp_path):
    app = QApplication.instance()
    services = AppServices(app)
    path = tmp_path / "config" / "settings.toml"
    settings = Settings(path)
    window = MainWindow(settings, loader=fake_loader(tmp_path), app_services=services)
    qtbot.addWidget(window)
    window.show()
    base_size = app.font().pointSizeF()
    try:
        # When the user picks German, dark, 130 % and a media folder, then OK
        window.settings_action.trigger()
        dialog = window.settings_dialog
        dialog.language.setCurrentIndex(dialog.language.findData("de"))
        dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
        dialog.text_size.setCurrentIndex(dialog.text_size.findData(130))
        dialog.media_folder.setText(str(tmp_path / "videos"))
        with qtbot.waitSignal(window.settings_applied, timeout=5000):
            dialog.accept()
        # Then they apply at once
        assert i18n.current_language() == "de"
        assert services.qt_translations.language == "de"
        assert window.settings_action.text() == "Einstellungen…"
        assert app.palette().color(app.palette().ColorRole.Window).name() == \
            THEMES["dark"].window
        assert app.font().pointSizeF() == pytest.approx(base_size * 1.3, rel=0.05)
        # the text size reaches the widgets already on screen
        qtbot.waitUntil(lambda: window.search_field.font().pointSizeF() == pytest.approx(
            base_size * 1.3, rel=0.05))
        # And they are saved, with the window geometry, for the next run
        # (the offscreen screen is 800x600: restoring clamps to the screen)
        window.resize(640, 480)
        qtbot.waitUntil(lambda: window.width() == 640)
        window.close()
        again = Settings.load(path)
        assert again.problems == []
        assert (again["language"], again["theme"], again["text_size"]) == ("de", "dark", 130)
        assert again["media_folder"] == str(tmp_path / "videos")
        assert again["window_geometry"]
        restored = MainWindow(again, loader=fake_loader(tmp_path))
        qtbot.addWidget(restored)
        assert (restored.width(), restored.height()) == (640, 480)
    finally:
        services.apply(Settings())


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_theme_meets_wcag_aa_contrast(theme):
    too_low = {name: round(contrast_ratio(fg, bg), 2)
               for name, (fg, bg) in readable_pairs(THEMES[theme]).items()
               if contrast_ratio(fg, bg) < 4.5}
    assert too_low == {}


def test_contrast_ratio_matches_known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
