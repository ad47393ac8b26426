"""Window fixtures: a main window over the fake content, its settings in a temporary file."""

from __future__ import annotations

import pytest

from mediation_kit.core.settings import Settings
from mediation_kit.ui.main_window import MainWindow
from ui_fakes import fake_loader


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "settings.toml")


@pytest.fixture
def window(qtbot, tmp_path, settings):
    """A shown main window whose fake content is loaded."""
    win = MainWindow(settings, loader=fake_loader(tmp_path))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(win.content_loaded, timeout=5000):
        win.start_loading()
    yield win
    win.close()
