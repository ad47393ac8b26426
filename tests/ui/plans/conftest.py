"""A main window over the fake content whose plans folder (recent list, autosave) is the
test's own."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from mediation_kit.core.settings import Settings
from mediation_kit.ui.main_window import MainWindow
from ui_fakes import fake_loader


@pytest.fixture
def user_folder(tmp_path, monkeypatch):
    folder = tmp_path / "user"
    monkeypatch.setenv("MEDIATION_KIT_PORTABLE_DIR", str(folder))
    return folder


@pytest.fixture
def make_window(qtbot, tmp_path, user_folder):
    """Opens main windows (a second one is "the kit started again"); each is closed at the
    end without the unsaved-plan question."""
    windows = []

    def make() -> MainWindow:
        win = MainWindow(Settings(tmp_path / "settings.toml"), loader=fake_loader(tmp_path))
        win.show()
        qtbot.waitExposed(win)
        with qtbot.waitSignal(win.content_loaded, timeout=5000):
            win.start_loading()
        windows.append(win)
        return win

    yield make
    for win in windows:
        if win.plans is not None:  # no question at the end: whatever was typed is dropped
            win.plans.panel.editor.commit()
            win.plans.document.undo_stack.setClean()
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.reject()
        win.close()


@pytest.fixture
def window(make_window):
    return make_window()
