"""Choosing the projector by what a screen is (name, maker, model, serial), never where."""

from __future__ import annotations

from dataclasses import dataclass

from mediation_kit.ui.presentation.screens import (
    ScreenId, console_screen, default_projector, find_screen)


@dataclass(eq=False)
class FakeScreen:
    """Answers what QScreen answers about itself."""

    _name: str
    _manufacturer: str = ""
    _model: str = ""
    _serial: str = ""

    def name(self): return self._name
    def manufacturer(self): return self._manufacturer
    def model(self): return self._model
    def serialNumber(self): return self._serial  # noqa: N802 (Qt's name)


def test_default_is_neither_the_primary_nor_the_laptop_panel():
    laptop, hdmi, dp = FakeScreen("eDP-1"), FakeScreen("HDMI-1"), FakeScreen("DP-2")
    assert default_projector([laptop, hdmi], primary=laptop) is hdmi
    # The primary is an external monitor, the laptop panel is secondary: still not the panel.
    assert default_projector([laptop, dp, hdmi], primary=dp) is hdmi
    assert default_projector([FakeScreen("LVDS1"), FakeScreen("VGA1")], primary=None).name() \
        == "VGA1"
    assert default_projector([hdmi], primary=hdmi) is None  # one screen: no projector


def test_console_prefers_the_laptop_panel():
    laptop, hdmi = FakeScreen("eDP-1"), FakeScreen("HDMI-1")
    assert console_screen(hdmi, [hdmi, laptop], primary=hdmi) is laptop


def test_saved_choice_found_again_on_another_connector_by_serial():
    beamer = ScreenId("HDMI-1", "Acme", "Beamer 3000", "SN42")
    saved = ScreenId.from_setting(beamer.to_setting())
    assert saved == beamer
    moved = FakeScreen("DP-1", "Acme", "Beamer 3000", "SN42")
    other = FakeScreen("HDMI-1", "Acme", "Beamer 3000", "SN77")  # same port, other device
    assert find_screen(saved, [other, moved]) is moved


def test_unreadable_or_empty_saved_choice_means_automatic():
    assert ScreenId.from_setting("") is None
    assert ScreenId.from_setting("{not json") is None
    assert find_screen(None, [FakeScreen("HDMI-1")]) is None


def test_described_by_name_maker_and_model():
    assert ScreenId("HDMI-1", "Acme", "Beamer").describe() == "HDMI-1 — Acme Beamer"
    assert ScreenId("PROJ").describe() == "PROJ"
