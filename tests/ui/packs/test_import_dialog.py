"""The import dialog: a new pack, an update with its changes, the unsigned warning, a refusal,
cancel; a dropped file, a removable drive's offer and the window's menu entry."""

from __future__ import annotations

from pathlib import Path

from archive_samples import FEST, snapshot
from PySide6.QtCore import QMimeData, QUrl

from mediation_kit.core.packs.importer import import_archive
from mediation_kit.ui.dialogs.import_dialog import ImportDialog
from mediation_kit.ui.packs.drives import DriveWatcher
from mediation_kit.ui.packs.drop import dropped_archives


def _dialog(qtbot, ui_kit, archive: Path) -> ImportDialog:
    dialog = ImportDialog(archive, **ui_kit.dialog_calls())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.state != "checking", timeout=10000)
    return dialog


def test_a_new_pack_is_shown_then_imported(qtbot, ui_kit):
    dialog = _dialog(qtbot, ui_kit, ui_kit.archive("1.0.0", FEST))
    assert dialog.state == "ready"
    assert "Import Fête des communs 2025?" in dialog.heading.text()
    assert "version 1.0.0" in dialog.details.toPlainText()
    assert "signed by maintainers" in dialog.details.toPlainText()
    assert dialog.import_button.isEnabled() and not dialog.warning.isVisible()
    with qtbot.waitSignal(dialog.pack_imported, timeout=20000):
        dialog.import_button.click()
    assert dialog.state == "done" and dialog.close_button.text() == "Close"
    installed = ui_kit.context().installed()
    assert [p.version for p in installed.in_use if p.id == "fest-2025"] == ["1.0.0"]


def test_an_update_shows_what_changes(qtbot, ui_kit):
    import_archive(ui_kit.archive("1.0.0", FEST), ui_kit.context())
    changed = {**FEST, "nouveau": ("Nouveau", "Un quokka.", [])}
    del changed["ouverture"]
    dialog = _dialog(qtbot, ui_kit, ui_kit.archive("1.1.0", changed))
    text = dialog.details.toPlainText()
    assert "Update of fest-2025 1.0.0 to 1.1.0" in text
    assert "1 resource added" in text and "1 resource removed" in text
    assert dialog.import_button.text() == "Update"


def test_an_unsigned_pack_needs_the_explicit_tick(qtbot, ui_kit):
    dialog = _dialog(qtbot, ui_kit, ui_kit.archive("1.0.0", FEST, signed=False))
    assert dialog.warning.isVisible() and "not signed" in dialog.warning.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.focusWidget() is dialog.consent  # the keyboard lands on the decision
    dialog.consent.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.pack_imported, timeout=20000):
        dialog.import_button.click()
    [fest] = [p for p in ui_kit.context().installed().in_use if p.id == "fest-2025"]
    assert fest.imported.signer is None


def test_a_refused_archive_shows_its_reason_and_writes_nothing(qtbot, ui_kit):
    good = ui_kit.archive("1.0.0", FEST)
    cut = ui_kit.root / "cut.mkpack"
    cut.write_bytes(good.read_bytes()[:300])
    before = snapshot(ui_kit.root / "portable") if (ui_kit.root / "portable").exists() else {}
    dialog = _dialog(qtbot, ui_kit, cut)
    assert dialog.state == "refused"
    assert "cannot be imported" in dialog.heading.text()
    assert "cut.mkpack: refused:" in dialog.details.toPlainText()
    assert not dialog.import_button.isVisible()
    assert dialog.close_button.text() == "Close"
    after = snapshot(ui_kit.root / "portable") if (ui_kit.root / "portable").exists() else {}
    assert after == before


def test_cancel_during_the_import_leaves_nothing(qtbot, ui_kit):
    dialog = _dialog(qtbot, ui_kit, ui_kit.archive("1.0.0", FEST))
    dialog.import_button.click()
    assert dialog.state == "importing"
    dialog.close_button.click()  # Cancel: the token is set before the worker starts
    qtbot.waitUntil(lambda: dialog.state != "importing", timeout=20000)
    assert dialog.state == "cancelled"
    assert ui_kit.context().installed().state.generation is None
    leftovers = list((ui_kit.data / "packs").glob(".staging-*"))
    assert leftovers == []


def test_dropped_urls_give_the_archives_only(tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "a.mkpack")),
                  QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    assert dropped_archives(mime) == [tmp_path / "a.mkpack"]


def test_a_new_drive_with_archives_is_offered(qtbot, tmp_path):
    drive = tmp_path / "stick"
    (drive / "packs").mkdir(parents=True)
    (drive / "packs" / "fest-2025.mkpack").write_bytes(b"")
    (drive / "photo.jpg").write_bytes(b"")
    roots = {"/"}
    watcher = DriveWatcher(roots=lambda: set(roots))
    roots.add(str(drive))
    with qtbot.waitSignal(watcher.archives_found) as found:
        watcher.check_now()
    assert found.args == [str(drive), [drive / "packs" / "fest-2025.mkpack"]]


def test_the_window_has_the_menu_entry_and_accepts_drops(window):
    assert window.import_action in window.file_menu.actions()
    assert window.import_action.text() == "Import a pack…"
    assert window.acceptDrops()


def test_a_pack_dropped_on_the_window_opens_the_import_dialog(qtbot, window, ui_kit,
                                                             monkeypatch):
    import warnings

    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    opened = []
    imports = window.pack_imports()
    imports.drop_filter.archive_dropped.disconnect()
    imports.drop_filter.archive_dropped.connect(opened.append)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(ui_kit.root / "fest.mkpack"))])
    with warnings.catch_warnings():  # Qt 6 keeps only this QPoint constructor, "deprecated"
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    assert QApplication.sendEvent(window, enter) and enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert opened == [ui_kit.root / "fest.mkpack"]
