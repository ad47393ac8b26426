"""The window and imported packs: an import from the window reloads its content with the new
pack; a damaged store of imported packs never stops the window from starting."""

from __future__ import annotations

from archive_samples import FEST

from mediation_kit.core.search.api import SearchQuery
from mediation_kit.ui.content import load_installed_content
from mediation_kit.ui.main_window import MainWindow


def _window(qtbot, ui_kit, monkeypatch, settings) -> MainWindow:
    monkeypatch.setenv("MEDIATION_KIT_RESOURCES", str(ui_kit.resources))
    monkeypatch.setenv("MEDIATION_KIT_PORTABLE_DIR", str(ui_kit.root / "portable"))
    monkeypatch.setattr(MainWindow, "_watch_drives", False)
    window = MainWindow(settings, loader=load_installed_content)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.content_loaded, timeout=30000):
        window.start_loading()
    return window


def test_an_import_from_the_window_reloads_its_content(qtbot, ui_kit, monkeypatch, settings):
    window = _window(qtbot, ui_kit, monkeypatch, settings)
    assert [p.id for p in window.content.packs] == ["bundled-2024"]
    window.open_import(ui_kit.archive("1.0.0", FEST))
    dialog = window.pack_imports().dialog
    qtbot.waitUntil(lambda: dialog.state == "ready", timeout=20000)
    with qtbot.waitSignal(window.content_loaded, timeout=30000):
        dialog.import_button.click()
    assert sorted(p.id for p in window.content.packs) == ["bundled-2024", "fest-2025"]
    results = window.content.search(SearchQuery("zéphyrine", as_you_type=False))
    assert [hit.key for hit in results.hits] == ["fest-2025:summary:ouverture"]
    dialog.close()
    window.close()


def test_a_damaged_store_never_stops_the_window(qtbot, ui_kit, monkeypatch, settings):
    store = ui_kit.data / "packs"
    store.mkdir(parents=True)
    (store / "current.json").write_text("{ not json", encoding="utf-8")
    window = _window(qtbot, ui_kit, monkeypatch, settings)
    assert [p.id for p in window.content.packs] == ["bundled-2024"]
    assert window.content.engine is not None
    assert any("current.json cannot be read" in p.message for p in window.startup_problems)
    window.close()
