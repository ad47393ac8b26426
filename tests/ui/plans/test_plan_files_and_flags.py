"""What keeps a leader's work safe: flagged rows that stay, the question before closing,
unsaved work offered back after a crash, bad files explained, a plan given at start-up."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from plan_steps import in_modal
from mediation_kit.core.packs import Library
from mediation_kit.core.plans import PlanStorage, TitleCardItem, load_plan, save_plan
from mediation_kit.core.plans.model import WorkshopPlan
from mediation_kit.ui.app import plan_file_argument


def add_keys(plans, *keys):
    for key in keys:
        plans._push_items([plans.item_for_key(key)])


def test_missing_and_changed_resources_are_flagged_with_their_saved_title(qtbot, window):
    plans = window.plans
    add_keys(plans, "nec-2025:summary:ouverture", "nec-2025:replay:pleniere",
             "nec-2025:kit:affiche")
    # When a pack update removes the summary and changes the replay's description
    pack = window.content.library.pack("nec-2025")
    replay = replace(pack.replays[0], description="Une autre description.")
    updated = replace(pack, version="2.0.0", summaries=(), replays=(replay,))
    window.content.library = Library([updated])
    plans.on_window_content_loaded()
    # Then every item is still there, in order
    model = plans.model
    assert model.rowCount() == 3
    texts = [model.index(r).data(Qt.ItemDataRole.AccessibleTextRole) for r in range(3)]
    # the summary: missing, with its saved title and why
    assert "Missing" in texts[0] and "Ouverture des rencontres" in texts[0]
    assert "no longer in the pack" in texts[0]
    # the replay: changed since added, naming both versions
    assert "Changed" in texts[1] and "1.0.0" in texts[1] and "2.0.0" in texts[1]
    # the poster: untouched content, no flag
    assert "Missing" not in texts[2] and "Changed" not in texts[2]
    # and the rows are painted with their flags (the view lays them out without trouble)
    plans.dock.show()
    view = plans.panel.list_view
    assert view.sizeHintForRow(0) > view.sizeHintForRow(2)  # the flag takes a line
    assert not view.grab().isNull()
    # When the leader accepts the replay's new version, its flag goes (and Undo brings it back)
    plans.panel.select_row(1)
    assert plans.actions.accept_change_action.isEnabled()
    plans.actions.accept_change_action.trigger()
    assert plans.model.item_at(1).pack_version == "2.0.0"
    assert "Changed" not in model.index(1).data(Qt.ItemDataRole.AccessibleTextRole)
    plans.undo_stack.undo()
    assert "Changed" in model.index(1).data(Qt.ItemDataRole.AccessibleTextRole)
    # a missing resource cannot be shown; the poster can (Ctrl+Enter)
    plans.panel.select_row(0)
    assert not plans.actions.open_item_action.isEnabled()
    plans.panel.select_row(2)
    plans.panel.list_view.setFocus()
    with qtbot.waitSignal(window.record_opened) as opened:
        qtbot.keyClick(plans.panel.list_view, Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
    assert opened.args == ["nec-2025:kit:affiche"]
    # When the summary comes back, its row works again
    window.content.library = Library([pack])
    plans.on_window_content_loaded()
    assert "Missing" not in model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)


def test_closing_with_unsaved_changes_asks_save_discard_or_cancel(qtbot, make_window,
                                                                  tmp_path):
    window = make_window()
    plans = window.plans
    add_keys(plans, "nec-2025:kit:affiche")
    plans.document.autosave()
    assert plans.storage.autosave_path.exists()

    def answer(button):
        def handler(dialog):
            assert isinstance(dialog, QMessageBox)
            assert "not saved" in dialog.text()
            dialog.button(button).click()
        return handler

    # When the leader closes the window and answers Cancel: the window and the plan stay
    in_modal(window.close, answer(QMessageBox.StandardButton.Cancel))
    assert window.isVisible() and plans.model.rowCount() == 1
    # When the leader closes again and answers Save: the plan is saved (where the leader
    # chose), then the window closes
    target = tmp_path / "stick" / "atelier.mkplan"
    target.parent.mkdir()

    def save_then_choose_file(dialog):
        answer(QMessageBox.StandardButton.Save)(dialog)

    plans.document.path = target  # as if it had been opened from the stick
    in_modal(window.close, save_then_choose_file)
    assert not window.isVisible()
    assert [i.saved_title for i in load_plan(target).items] == ["Affiche officielle"]
    # and the autosave is gone: nothing will be offered at next start
    assert not plans.storage.autosave_path.exists()


def test_discarding_on_close_leaves_nothing_to_recover(qtbot, make_window):
    window = make_window()
    plans = window.plans
    add_keys(plans, "nec-2025:kit:affiche")
    plans.document.autosave()
    in_modal(window.close, lambda d: d.button(QMessageBox.StandardButton.Discard).click())
    assert not window.isVisible()
    assert plans.storage.pending_autosave() is None


def test_unsaved_work_is_offered_back_after_a_crash(qtbot, make_window):
    # Given a session that added two items and a card, was autosaved, then died
    first = make_window()
    plans = first.plans
    add_keys(plans, "nec-2025:summary:ouverture", "nec-2025:replay:pleniere")
    plans._push_items([TitleCardItem(heading="Pause")])
    qtbot.waitUntil(lambda: plans.storage.autosave_path.exists(), timeout=10000)
    items = list(plans.model.plan.items)
    first.plans = None  # the process is gone: nothing asked, nothing cleaned
    first.hide()
    # When the kit starts again
    second = make_window()
    again = second.plans
    # Then the panel is shown with an offer, not a modal box
    assert again.dock.isVisible()
    assert again.panel.banner.isVisible()
    assert "3 items" in again.panel.banner.message.text()
    assert again.model.rowCount() == 0
    # When the leader chooses Restore
    again.panel.banner.restore_button.click()
    # Then the plan is back, marked as not saved
    assert again.model.plan.items == items
    assert again.document.modified
    assert not again.panel.banner.isVisible()


def test_declining_the_recovered_work_removes_it(qtbot, make_window, user_folder):
    storage = PlanStorage()
    storage.write_autosave(WorkshopPlan(title="Atelier", items=[TitleCardItem(heading="A")]),
                           None)
    window = make_window()
    assert window.plans.panel.banner.isVisible()
    window.plans.panel.banner.discard_button.click()
    assert not window.plans.panel.banner.isVisible()
    assert PlanStorage().pending_autosave() is None


def test_a_bad_plan_file_is_explained_and_the_open_plan_stays(qtbot, window, tmp_path):
    plans = window.plans
    add_keys(plans, "nec-2025:kit:affiche")
    plans.undo_stack.setClean()
    bad = tmp_path / "broken.mkplan"
    bad.write_text('{"format": 1, "items": [{"kind": "slideshow"}]}', encoding="utf-8")
    assert not plans.files.open_path(bad)
    box = plans.files.error_box
    assert box is not None and box.isVisible()
    assert "broken.mkplan" in box.text() and "slideshow" in box.text()
    assert plans.model.rowCount() == 1  # nothing lost
    box.accept()
    not_json = tmp_path / "notes.mkplan"
    not_json.write_text("Atelier de mardi", encoding="utf-8")
    assert not plans.files.open_path(not_json)
    assert "not valid JSON" in plans.files.error_box.text()
    plans.files.error_box.accept()


def test_the_kit_opens_the_plan_file_it_is_started_with(qtbot, window, tmp_path):
    path = tmp_path / "atelier.mkplan"
    save_plan(WorkshopPlan(title="Atelier", items=[TitleCardItem(heading="Bienvenue")]), path)
    assert plan_file_argument([str(path)]) == path
    assert plan_file_argument(["-platform", "offscreen"]) is None
    assert window.plans.files.open_path(plan_file_argument([str(path)]))
    assert window.plans.dock.isVisible()
    assert window.plans.panel.title_label.text() == "Atelier"
    assert window.plans.model.resolved_at(0).title == "Bienvenue"


def test_run_sheet_and_handout_as_pdf_and_in_the_preview(qtbot, window, tmp_path):
    from mediation_kit.ui.plans import printing

    plans = window.plans
    add_keys(plans, "nec-2025:summary:ouverture", "nec-2025:kit:affiche")
    item = replace(plans.model.item_at(0), note="Only for me")
    plans.on_editor_item_edited(item, "note")
    sheet = printing.write_sheet_pdf(plans, printing.RUN_SHEET, tmp_path / "sheet.pdf")
    handout = printing.write_sheet_pdf(plans, printing.HANDOUT, tmp_path / "handout.pdf")
    assert sheet.read_bytes().startswith(b"%PDF") and handout.read_bytes().startswith(b"%PDF")
    assert "Only for me" in printing.sheet_html(plans, printing.RUN_SHEET)
    assert "Only for me" not in printing.sheet_html(plans, printing.HANDOUT)

    # The preview opens on the same pages (Ctrl+P), and closes with Esc
    def look(dialog):
        from PySide6.QtPrintSupport import QPrintPreviewWidget

        preview = dialog.findChild(QPrintPreviewWidget)
        qtbot.waitUntil(lambda: preview.pageCount() >= 1)
        dialog.reject()

    window.activateWindow()
    plans.panel.list_view.setFocus()
    in_modal(lambda: plans.actions.print_sheet_action.trigger(), look)
    QApplication.processEvents()


def test_open_recent_lists_saved_plans_and_greys_out_the_absent_ones(qtbot, window, tmp_path):
    plans = window.plans
    here = tmp_path / "here.mkplan"
    gone = tmp_path / "stick" / "gone.mkplan"
    gone.parent.mkdir()
    for path, heading in ((gone, "Sur la clé"), (here, "Ici")):
        save_plan(WorkshopPlan(items=[TitleCardItem(heading=heading)]), path)
        plans.storage.add_recent(path)
    gone.unlink()  # the USB stick was pulled out
    plans.actions.recent_menu.aboutToShow.emit()
    entries = [a for a in plans.actions.recent_menu.actions() if a.toolTip().endswith(".mkplan")]
    assert [(a.text(), a.isEnabled()) for a in entries] == [
        ("&1 here.mkplan", True), ("&2 gone.mkplan", False)]
    entries[0].trigger()
    assert plans.document.path == here
    assert plans.model.resolved_at(0).title == "Ici"


def test_plan_details_are_edited_in_a_dialog_and_undone(qtbot, window):
    plans = window.plans

    def fill(dialog):
        qtbot.keyClicks(dialog.title, "Atelier du mardi")
        dialog.has_date.setChecked(True)
        qtbot.keyClicks(dialog.place, "Mediatheque")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)

    in_modal(plans.actions.details_action.trigger, fill)
    plan = plans.model.plan
    assert (plan.title, plan.place) == ("Atelier du mardi", "Mediatheque")
    assert plan.date is not None
    assert plans.panel.title_label.text() == "Atelier du mardi"
    plans.undo_stack.undo()
    assert plans.model.plan.title == "" and plans.panel.title_label.text() == "Untitled plan"


def test_the_real_app_started_with_a_plan_file_opens_it(tmp_path):
    # Given a plan file, as a file manager passes it (`mediation-kit FILE.mkplan`)
    import os
    import shutil
    import subprocess
    import sys

    from mediation_kit.core import paths
    from mediation_kit.core.plans.storage import PlanStorage

    plan = tmp_path / "stick" / "atelier.mkplan"
    plan.parent.mkdir()
    shutil.copy(paths.resources_dir() / "plans" / "atelier-souverainete-numerique.mkplan", plan)
    user = tmp_path / "user"
    env = {**os.environ, "MEDIATION_KIT_STARTUP_MARKER": "1", "QT_QPA_PLATFORM": "offscreen",
           "MEDIATION_KIT_PORTABLE_DIR": str(user)}
    # When the kit starts with it and loads its content
    done = subprocess.run([sys.executable, "-m", "mediation_kit", str(plan)], env=env,
                          timeout=120, capture_output=True, text=True)
    # Then it opened that plan: the plan is the first of the recent plans
    assert "mediation-kit-ready" in done.stdout, done.stdout + done.stderr
    recent = PlanStorage(user / "data" / "plans").recent_files()
    assert recent and recent[0].resolve() == plan.resolve()
