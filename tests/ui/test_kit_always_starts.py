"""The kit always starts: bad saved window values fall back to the default layout, a window
saved too small opens usable and loads its content, problems found at start-up are listed in
a window of their own with the log's path, and a bad settings value is refused, not saved."""

import os
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow, QWidget

from disk_pack import write_pack
from mediation_kit.core.packs.problems import Problem
from mediation_kit.core.settings import Settings
from mediation_kit.ui.app import FirstPaint
from mediation_kit.ui.content import load_content
from mediation_kit.ui.main_window import MainWindow
from mediation_kit.ui.window_layout import (
    MIN_USABLE_SIZE, default_size, restore_splitter_state, restore_window_geometry,
)
from ui_fakes import fake_content, fake_loader

REPO = Path(__file__).resolve().parents[2]


def geometry_of_a_window(qtbot, width: int, height: int) -> str:
    """What the kit saves for a window of this size."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    saved = bytes(window.saveGeometry().toBase64()).decode("ascii")
    window.close()
    return saved


def is_default_size(window: QMainWindow) -> bool:
    return window.size() == default_size(window)


# --- saved window values -------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    'window_geometry = "é"\n',
    'window_state = "日本"\n',
    'window_geometry = "é"\nwindow_state = "日本"\n',
    'window_geometry = "AAAA"\nwindow_state = "not base64!"\n',
])
def test_a_bad_saved_window_value_falls_back_to_the_default(qtbot, tmp_path, line):
    path = tmp_path / "settings.toml"
    path.write_text('theme = "dark"\n' + line, encoding="utf-8")
    settings = Settings.load(path)
    # The value is named as a problem and the default is used, the rest is kept
    assert settings["theme"] == "dark"
    assert settings["window_geometry"] == "" or settings["window_geometry"] == "AAAA"
    window = MainWindow(settings, loader=fake_loader(tmp_path))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.content_loaded, timeout=5000):
        window.start_loading()
    assert is_default_size(window)
    assert window.stack.currentWidget() is window.home_page
    window.close()
    # and the next start reads what was saved at quit without a problem
    assert Settings.load(path).problems == []


@pytest.mark.parametrize("saved", ["é", "日本", "AAAA", "%%%", "QUJD\n"])
def test_restoring_never_raises_whatever_the_value(qtbot, saved):
    # Values that reach the window without the settings' check (an older settings object)
    window = QMainWindow()
    qtbot.addWidget(window)
    assert restore_window_geometry(window, saved) is False
    assert is_default_size(window)
    from PySide6.QtWidgets import QSplitter

    splitter = QSplitter()
    qtbot.addWidget(splitter)
    assert restore_splitter_state(splitter, saved) is False


@pytest.mark.parametrize("width, height", [(300, 200), (120, 80), (470, 600)])
def test_a_window_saved_too_small_opens_at_a_usable_size_and_loads(qtbot, tmp_path,
                                                                   width, height):
    settings = Settings(tmp_path / "settings.toml")
    settings["window_geometry"] = geometry_of_a_window(qtbot, width, height)
    window = MainWindow(settings, loader=fake_loader(tmp_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() >= MIN_USABLE_SIZE.width()
    assert window.height() >= MIN_USABLE_SIZE.height()
    with qtbot.waitSignal(window.content_loaded, timeout=5000):
        window.start_loading()
    assert window.home_page.isVisible()
    window.close()


def test_a_usable_saved_size_is_kept(qtbot, tmp_path):
    settings = Settings(tmp_path / "settings.toml")
    settings["window_geometry"] = geometry_of_a_window(qtbot, 640, 480)
    window = MainWindow(settings, loader=fake_loader(tmp_path))
    qtbot.addWidget(window)
    assert (window.width(), window.height()) == (640, 480)


def test_content_loads_even_if_the_search_field_never_paints(qtbot):
    # A window restored too small hides the field in the toolbar's overflow: loading must not
    # wait for its first paint forever.
    hidden = QWidget()
    qtbot.addWidget(hidden)
    called = []
    watcher = FirstPaint(hidden, lambda: called.append(True), fallback_ms=50)
    qtbot.waitUntil(lambda: called == [True], timeout=2000)
    qtbot.wait(100)
    assert called == [True]  # once only
    del watcher


def test_the_real_app_saved_at_300x200_opens_and_loads(qtbot, tmp_path):
    user = tmp_path / "user"
    (user / "config").mkdir(parents=True)
    geometry = geometry_of_a_window(qtbot, 300, 200)
    (user / "config" / "settings.toml").write_text(
        f'window_geometry = "{geometry}"\nwindow_state = "日本"\n', encoding="utf-8")
    env = {**os.environ, "MEDIATION_KIT_PORTABLE_DIR": str(user),
           "MEDIATION_KIT_STARTUP_MARKER": "1", "QT_QPA_PLATFORM": "offscreen",
           "MEDIATION_KIT_RESOURCES": str(REPO / "resources")}
    done = subprocess.run([sys.executable, "-m", "mediation_kit"], env=env, timeout=120,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["mediation-kit-shown", "mediation-kit-ready"]
    assert "Traceback" not in done.stderr
    # and what it saved at quit is a usable size
    saved = Settings.load(user / "config" / "settings.toml")
    assert saved.problems == []
    window = QMainWindow()
    qtbot.addWidget(window)
    assert window.restoreGeometry(QByteArray.fromBase64(saved["window_geometry"].encode()))
    assert window.width() >= MIN_USABLE_SIZE.width()


# --- problems found at start-up ------------------------------------------------------------


def loader_with_problems(root: Path, problems):
    def loader(progress=None, cancel=None):
        content = fake_content(root)
        content.problems = list(problems)
        return content

    return loader


PACK_PROBLEMS = [
    Problem("nec-2025/summaries/ouverture.md", 3, "the date 2025-13-01 is not a date"),
    Problem("rns-2024/pack.toml", None, "the pack has no id"),
]


def start(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.search_field.setFocus()
    with qtbot.waitSignal(window.content_loaded, timeout=5000):
        window.start_loading()


def test_startup_problems_are_listed_with_their_files_and_the_logs_path(qtbot, tmp_path,
                                                                        settings):
    window = MainWindow(settings, loader=loader_with_problems(tmp_path, PACK_PROBLEMS))
    qtbot.addWidget(window)
    window.log_file = tmp_path / "logs" / "mediation-kit.log"
    start(qtbot, window)
    dialog = window.startup_problems_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    assert dialog.rows() == [
        ("nec-2025/summaries/ouverture.md, line 3", "the date 2025-13-01 is not a date"),
        ("rns-2024/pack.toml", "the pack has no id"),
    ]
    shown = dialog.list.toPlainText()
    assert "nec-2025/summaries/ouverture.md, line 3\nthe date 2025-13-01 is not a date" in shown
    assert "rns-2024/pack.toml\nthe pack has no id" in shown
    assert str(tmp_path / "logs" / "mediation-kit.log") in dialog.log_label.text()
    assert "2 problems" in dialog.intro.text()
    # The main window says where they are, not "see the log", and stays usable
    status = window.status_label.text()
    assert "2 problems" in status and "see the log" not in status
    assert QApplication.activeModalWidget() is None
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.search_field.setText("rencontres")
    assert window.stack.currentWidget() is window.results_page
    # Closed, it can be opened again from the status bar
    dialog.close()
    assert window.problems_button.isVisible()
    window.problems_button.click()
    assert window.startup_problems_dialog.isVisible()
    window.close()


def test_no_problem_no_window(qtbot, tmp_path, settings):
    window = MainWindow(settings, loader=fake_loader(tmp_path))
    qtbot.addWidget(window)
    start(qtbot, window)
    assert window.startup_problems_dialog is None
    assert not window.problems_button.isVisible()
    assert window.status_label.text() == "Ready."
    window.close()


def test_a_reset_settings_file_is_told_in_the_window_and_kept(qtbot, tmp_path):
    path = tmp_path / "settings.toml"
    path.write_bytes(b'theme = "dark"\nmedia_folder = "/media/vid\x07eos"\n')
    settings = Settings.load(path)
    (kept,) = [p for p in tmp_path.iterdir() if p.name.startswith("settings.toml.bad-")]
    window = MainWindow(settings, loader=fake_loader(tmp_path))
    qtbot.addWidget(window)
    start(qtbot, window)
    dialog = window.startup_problems_dialog
    assert dialog is not None and dialog.isVisible()
    ((place, message),) = dialog.rows()
    assert place == str(path)
    assert "could not be read" in message and kept.name in message
    assert "defaults are used" in message
    window.close()
    # the copy is untouched by the save at quit
    assert kept.read_bytes() == b'theme = "dark"\nmedia_folder = "/media/vid\x07eos"\n'
    assert Settings.load(path).problems == []


def test_the_problems_window_follows_the_language(qtbot, tmp_path, settings):
    from mediation_kit.core import i18n

    path = tmp_path / "settings.toml"
    path.write_text("theme = \n", encoding="utf-8")
    window = MainWindow(Settings.load(path), loader=fake_loader(tmp_path))
    qtbot.addWidget(window)
    start(qtbot, window)
    dialog = window.startup_problems_dialog
    try:
        i18n.set_language("fr")
        assert dialog.windowTitle() != "Problems found at start-up"
        assert "defaults are used" not in dialog.rows()[0][1]
    finally:
        i18n.set_language("en")
    assert dialog.windowTitle() == "Problems found at start-up"
    window.close()


def test_a_pack_problem_is_listed_with_the_files_whole_path(qtbot, tmp_path, settings):
    packs = tmp_path / "packs"
    summary = write_pack(packs) / "summaries" / "ouverture.md"
    summary.write_text(summary.read_text(encoding="utf-8").replace(
        "date = 2025-10-29", "date = 2025-13-29"), encoding="utf-8")
    loader = partial(load_content, packs, tmp_path / "no-shipped-index", tmp_path / "cache")
    window = MainWindow(settings, loader=loader)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.content_loaded, timeout=20000):
        window.show()
        window.start_loading()
    rows = window.startup_problems_dialog.rows()
    # (its English translation, left without its original, is named too)
    assert rows and all(place.startswith(str(summary.parent)) for place, _message in rows)
    assert any(place.startswith(str(summary)) and "2025-13-29" in message
               for place, message in rows)
    assert window.content.packs  # the pack still loads, without its broken record
    window.close()


def test_an_index_kept_aside_is_listed_with_its_path(qtbot, tmp_path, settings):
    packs = tmp_path / "packs"
    write_pack(packs)
    cache = tmp_path / "cache" / "index"
    cache.parent.mkdir(parents=True)
    cache.write_text("someone's notes", encoding="utf-8")
    loader = partial(load_content, packs, tmp_path / "no-shipped-index", cache)
    window = MainWindow(settings, loader=loader)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.content_loaded, timeout=20000):
        window.show()
        window.start_loading()
    assert window.content.engine is not None  # search works
    ((place, message),) = window.startup_problems_dialog.rows()
    assert place == str(cache) and "was not an index of the kit" in message
    (kept,) = [p for p in cache.parent.iterdir() if p.name.startswith("index.moved-aside-")]
    assert kept.read_text(encoding="utf-8") == "someone's notes"
    window.close()


# --- a bad value typed in the settings -----------------------------------------------------


def test_a_control_character_in_the_media_folder_is_refused_in_the_dialog(qtbot, tmp_path):
    path = tmp_path / "settings.toml"
    settings = Settings(path)
    settings["media_folder"] = "/media/videos"
    settings.save()
    before = path.read_bytes()
    window = MainWindow(settings, loader=fake_loader(tmp_path))
    qtbot.addWidget(window)
    window.show()
    window.open_settings()
    dialog = window.settings_dialog
    dialog.media_folder.setText("/media/vid\x07eos")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    # The dialog stays open on the field, saying why
    assert dialog.isVisible()
    assert "control character (U+0007)" in dialog.media_error.text()
    assert dialog.media_error.isVisible()
    assert settings["media_folder"] == "/media/videos"
    assert path.read_bytes() == before
    # Corrected, it is saved
    dialog.media_folder.setText("/media/videos2")
    with qtbot.waitSignal(window.settings_applied, timeout=2000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert Settings.load(path)["media_folder"] == "/media/videos2"
    window.close()


def test_applying_a_bad_value_changes_nothing(qtbot, tmp_path):
    settings = Settings(tmp_path / "settings.toml")
    window = MainWindow(settings, loader=fake_loader(tmp_path))
    qtbot.addWidget(window)
    window.apply_settings({"theme": "dark", "media_folder": "a\x00b"})
    assert settings["theme"] == "light" and settings["media_folder"] == ""
    assert "media_folder" in window.status_label.text()
    assert not (tmp_path / "settings.toml").exists()


# --- SIGTERM -------------------------------------------------------------------------------

# The real app, whose index build waits (as a long one would) until the app is quitting.
# The index is built in a child process: the child's build is slowed down by a module the
# child imports (it waits at each progress report until it is asked to stop).
SLOW_BUILD = """
from mediation_kit.core.search import build_process, index

def slow_child(packs_dir, output_dir, fingerprint, language, conn, stop):
    real_report = index.report

    def slow_report(progress, done, total, message):
        real_report(progress, done, total, message)
        print("building", flush=True)
        stop.wait(60)

    index.report = slow_report
    build_process._child(packs_dir, output_dir, fingerprint, language, conn, stop)
"""
SLOW_APP = """
import sys
import slow_build
from mediation_kit.core.search import build_process
from mediation_kit.ui import app

build_process._child = slow_build.slow_child
sys.exit(app.run_app([]))
"""


def test_sigterm_during_the_index_build_quits_cleanly(tmp_path):
    import signal

    user = tmp_path / "user"
    resources = tmp_path / "resources"
    write_pack(resources / "packs")
    (tmp_path / "slow_build.py").write_text(SLOW_BUILD, encoding="utf-8")
    env = {**os.environ, "MEDIATION_KIT_PORTABLE_DIR": str(user), "QT_QPA_PLATFORM": "offscreen",
           "MEDIATION_KIT_RESOURCES": str(resources), "LANGUAGE": "en",
           "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen([sys.executable, "-c", SLOW_APP], env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.readline().strip() == "building", process.stderr.read()
    cache = user / "cache"
    assert [p.name for p in cache.iterdir() if ".building-" in p.name]
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert [p.name for p in cache.iterdir() if ".building-" in p.name or ".old-" in p.name] == []
    # and the settings were saved as at a normal quit
    assert (user / "config" / "settings.toml").is_file()
