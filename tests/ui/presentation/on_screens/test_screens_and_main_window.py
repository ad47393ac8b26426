"""The projector chosen in the settings, "Identify screens", one screen only, and F5 from
the main window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from mediation_kit.core.settings import Settings
from mediation_kit.ui.presentation import start_presentation
from mediation_kit.ui.presentation.screens import ScreenId
from mediation_kit.ui.presentation.settings_section import PresentingSettings


def screen_named(name):
    return next(s for s in QGuiApplication.screens() if s.name() == name)


def press(target, key, text=""):
    QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, key,
                                             Qt.KeyboardModifier.NoModifier, text))


def test_the_screen_chosen_in_the_settings_is_used_even_when_it_is_the_primary(
        qtbot, items, library, tmp_path):
    settings = Settings(tmp_path / "settings.toml")
    settings["projector_screen"] = ScreenId.of(screen_named("DESK")).to_setting()
    presentation = start_presentation(items, settings, library)
    qtbot.waitUntil(lambda: presentation.audience.isFullScreen())
    assert presentation.audience.windowHandle().screen().name() == "DESK"
    assert presentation.console.windowHandle().screen().name() == "PROJ"
    presentation.end()


def test_settings_list_screens_by_name_and_identify_shows_a_number_on_each(qtbot,
                                                                           projector_plug):
    section = PresentingSettings({"projector_screen": ScreenId("HDMI-9", "Acme", "X")
                                  .to_setting()})
    qtbot.addWidget(section)
    labels = [section.projector.itemText(i) for i in range(section.projector.count())]
    assert labels[1:] == ["1: DESK", "2: PROJ", "HDMI-9 — Acme X (not connected)"]
    assert section.values()["projector_screen"] == ScreenId("HDMI-9", "Acme", "X").to_setting()
    section.projector.setCurrentIndex(2)
    assert ScreenId.from_setting(section.values()["projector_screen"]).name == "PROJ"
    section.on_identify_clicked()
    windows = section._identifier.windows
    qtbot.waitUntil(lambda: all(w.isVisible() for w in windows))
    assert [(w.number, w.windowHandle().screen().name()) for w in windows] == [
        (1, "DESK"), (2, "PROJ")]
    # Unplugging a screen while the numbers are up takes its number away, nothing else.
    projector_plug("unplug")
    qtbot.waitUntil(lambda: len(section._identifier.windows) == 1, timeout=5000)
    assert section._identifier.windows[0].number == 1
    section._identifier.hide()


def test_one_screen_only_the_room_picture_takes_it_and_keys_still_work(
        qtbot, items, library, tmp_path, projector_plug):
    projector_plug("unplug")
    qtbot.waitUntil(lambda: len(QGuiApplication.screens()) == 1, timeout=5000)
    presentation = start_presentation(items, Settings(tmp_path / "s.toml"), library)
    audience = presentation.audience
    qtbot.waitUntil(lambda: audience.isVisible() and audience.isFullScreen())
    assert presentation.one_screen and not presentation.console.isVisible()
    assert audience.windowHandle().screen().name() == "DESK"
    press(audience, Qt.Key.Key_PageDown)
    assert presentation.deck.item == 1
    # A projector plugged in now takes the room's picture; the console appears on the desk.
    projector_plug("plug")
    qtbot.waitUntil(lambda: presentation.console.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: audience.windowHandle().screen().name() == "PROJ"
                    and audience.isFullScreen(), timeout=3000)
    assert presentation.console.windowHandle().screen().name() == "DESK"
    assert presentation.deck.item == 1
    with qtbot.waitSignal(presentation.ended):
        press(audience, Qt.Key.Key_Escape)


def test_f5_presents_the_open_resource_without_the_main_window_on_the_projector(
        qtbot, tmp_path):
    from ui_fakes import fake_loader

    from mediation_kit.ui.main_window import MainWindow

    window = MainWindow(Settings(tmp_path / "settings.toml"), loader=fake_loader(tmp_path))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.content_loaded, timeout=5000):
        window.start_loading()
    window.open_key("nec-2025:summary:ouverture")
    window.present_action.trigger()
    presentation = window.presentation
    audience = presentation.audience
    qtbot.waitUntil(lambda: audience.isVisible() and audience.isFullScreen())
    assert audience.windowHandle().screen().name() == "PROJ"
    assert window.windowHandle().screen().name() == "DESK"
    main_widgets = set(window.findChildren(QWidget))
    assert not main_widgets & set(audience.findChildren(QWidget))
    assert presentation.deck.current.title == "Ouverture des rencontres"
    window.close()
    assert presentation.is_ended


def test_rehearsal_shows_both_windows_side_by_side_on_the_desk(qtbot, items, library, tmp_path):
    from mediation_kit.ui.presentation import start_presentation as start

    presentation = start(items, Settings(tmp_path / "s.toml"), library, rehearsal=True)
    audience, console = presentation.audience, presentation.console
    qtbot.waitUntil(lambda: audience.isVisible() and console.isVisible())
    assert not audience.isFullScreen()
    assert audience.windowHandle().screen().name() == "DESK"
    assert console.windowHandle().screen().name() == "DESK"
    assert console.geometry().left() >= audience.geometry().right()
    press(console, Qt.Key.Key_PageDown)
    assert audience.canvas.tag == presentation.deck.position
    presentation.end()


def test_plus_and_minus_change_the_text_size_live_and_light_look(qtbot, items, library,
                                                                   tmp_path):
    from PySide6.QtGui import QColor

    settings = Settings(tmp_path / "s.toml")
    settings["presentation_look"] = "light"
    presentation = start_presentation(items, settings, library)
    qtbot.waitUntil(lambda: presentation.audience.isFullScreen())
    console = presentation.console
    press(console, Qt.Key.Key_2, "2")
    press(console, Qt.Key.Key_Return)
    pages = presentation.deck.page_count(1)
    corner = presentation.audience.canvas.image.pixelColor(3, 3)
    assert corner.lightness() > 200  # the light look: a light page
    for _step in range(3):
        press(console, Qt.Key.Key_Plus, "+")
    assert presentation.look.scale == 130
    assert presentation.deck.page_count(1) > pages  # larger type, more pages, same text
    assert presentation.audience.canvas.image.size() == presentation.audience.size()
    press(console, Qt.Key.Key_Minus, "-")
    assert presentation.look.scale == 120
    assert settings["presentation_text_scale"] == 100  # live only, the settings unchanged
    assert corner == QColor(presentation.audience.canvas.image.pixelColor(3, 3))
    presentation.end()


def test_switching_language_mid_presentation_retranslates_console_and_pages(
        qtbot, items, library, tmp_path):
    from mediation_kit.core import i18n

    presentation = start_presentation(items, Settings(tmp_path / "s.toml"), library)
    qtbot.waitUntil(lambda: presentation.audience.isFullScreen())
    english = presentation.console.note_heading.text()
    i18n.set_language("fr")
    assert presentation.console.note_heading.text() != english
    assert presentation.audience.canvas.tag == presentation.deck.position
    presentation.end()
    i18n.set_language(i18n.SOURCE_LANGUAGE)
