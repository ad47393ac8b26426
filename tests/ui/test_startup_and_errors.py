"""Start-up with an index to build, the About box, and unexpected errors."""

import sys
import threading

from PySide6.QtWidgets import QApplication, QMessageBox

from mediation_kit.core.tasks import Progress
from mediation_kit.ui.app import install_excepthook
from mediation_kit.ui.dialogs.about_dialog import AboutDialog
from mediation_kit.ui.main_window import MainWindow
from ui_fakes import fake_content, make_pack


def test_index_build_at_startup_shows_progress_then_enables_search(qtbot, tmp_path, settings):
    # Given a loader that is still building the index when the window appears
    step = threading.Event()

    def slow_loader(progress, cancel):
        progress(Progress(3, 10, "Indexing summaries…"))
        step.wait(10)
        return fake_content(tmp_path)

    window = MainWindow(settings, loader=slow_loader)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.index_progress, timeout=5000):
        window.start_loading()
    # Then the status bar shows the progress, and typed text waits for the index
    assert window.progress_bar.isVisible()
    assert (window.progress_bar.value(), window.progress_bar.maximum()) == (3, 10)
    assert window.status_label.text() == "Indexing summaries…"
    window.search_field.setText("renc")
    assert window.stack.currentWidget() is window.message_page
    # When the index is ready, the waiting query is searched
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        step.set()
    assert not window.progress_bar.isVisible()
    assert window.status_label.text() == "Ready."
    assert [h.title for h in window.result_list.result_model.hits] == ["Ouverture des rencontres"]
    window.close()


def test_a_failing_load_leaves_a_usable_window_with_a_message(qtbot, tmp_path, settings):
    def broken_loader(progress, cancel):
        raise OSError("disk unreadable")

    window = MainWindow(settings, loader=broken_loader)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.content_loaded, timeout=5000):
        window.start_loading()
    assert "disk unreadable" in window.status_label.text()
    window.search_field.setText("x")
    assert window.stack.currentWidget() is window.message_page
    assert "disk unreadable" in window.message_page.text()
    window.close()


def test_about_box_lists_packs_with_versions(qtbot, tmp_path):
    dialog = AboutDialog((make_pack(tmp_path),))
    qtbot.addWidget(dialog)
    text = dialog.details.toPlainText()
    assert "Numérique en Commun[s]" in text and "version 1.0.0" in text
    assert "GPL" in text
    assert "0.1.0" in dialog.heading.text()


def test_about_box_shows_the_build_information(qtbot, tmp_path, monkeypatch):
    # Given a bundle's build information (commit, date and packs of a release)
    from mediation_kit.core import build_info

    info = build_info.BuildInfo(version="0.1.0", commit="0123456789abcdef",
                                date="2026-11-23T05:00:00Z",
                                packs=(build_info.PackVersion("nec-2025", "1.0.0"),),
                                source="release")
    monkeypatch.setattr(build_info, "current", lambda: info)
    # When the About box opens
    dialog = AboutDialog((make_pack(tmp_path),))
    qtbot.addWidget(dialog)
    text = dialog.details.toPlainText()
    # Then it shows them
    assert "0123456789" in text and "2026-11-23T05:00:00Z" in text and "release" in text


def test_unexpected_exception_is_logged_and_shown(qtbot, tmp_path, caplog, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(lambda: None, tmp_path / "mediation-kit.log")
    try:
        raise ZeroDivisionError("division by zero in a test")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.objectName() == "errorDialog"
               and w.isVisible()]
    assert len(dialogs) == 1
    assert "division by zero in a test" in dialogs[0].text()
    assert str(tmp_path / "mediation-kit.log") in dialogs[0].informativeText()
    assert "ZeroDivisionError" in dialogs[0].detailedText()
    assert "division by zero in a test" in caplog.text
    dialogs[0].accept()
    dialogs[0].deleteLater()


def test_events_are_browsable_while_the_index_builds_in_its_own_process(qtbot, tmp_path,
                                                                        settings):
    # Given packs with no index anywhere: the loader leaves the build to the window
    import shutil

    from mediation_kit.core import paths
    from mediation_kit.ui.content import load_content

    packs = tmp_path / "packs"
    packs.mkdir()
    shutil.copytree(paths.packs_dir() / "rns-2024", packs / "rns-2024")

    def loader(progress, cancel):
        return load_content(packs, tmp_path / "shipped", tmp_path / "cache",
                            progress=progress, cancel=cancel, build_later=True)

    window = MainWindow(settings, loader=loader)
    qtbot.addWidget(window)
    window.show()
    phases = []
    window.index_progress.connect(lambda p: phases.append(p.message))
    browsable = []

    def on_progress(_progress):
        if window.content is not None and not browsable:
            browsable.append((len(window.content.packs), window.content.engine))

    window.index_progress.connect(on_progress)
    # When it starts
    with qtbot.waitSignal(window.content_loaded, timeout=60000):
        window.start_loading()
    # Then the events were there while the index was being built, before search worked
    assert browsable and browsable[0][0] == 1 and browsable[0][1] is None
    assert any(m.startswith("Writing the index") for m in phases)
    # and once built, search works
    assert window.content.engine is not None
    with qtbot.waitSignal(window.results_shown, timeout=5000):
        window.search_field.setText("Strasbourg")
    assert window.result_list.result_model.hits
    window.close()
