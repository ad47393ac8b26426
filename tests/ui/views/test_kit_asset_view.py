"""The kit view: images scaled off the GUI thread and cached; copy with credits; texts."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QFileDialog

import view_samples as samples
from mediation_kit.ui.views import KitAssetView
from mediation_kit.ui.views import thumbnails
from mediation_kit.ui.views.kit_asset_view import PREVIEW_IMAGE, PREVIEW_NOTICE, PREVIEW_TEXT

WAIT_MS = 10_000


def make_view(qtbot, tmp_path, library=None):
    view = KitAssetView(tmp_path / "thumbnails", library)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    return view


def choose_folder(monkeypatch, folder):
    """The folder dialog answers at once with `folder` ("" for Cancel)."""
    def answer(dialog):
        if folder:
            dialog.fileSelected.emit(str(folder))
        dialog.finished.emit(1 if folder else 0)

    monkeypatch.setattr(KitAssetView, "show_folder_dialog", staticmethod(answer))


def spy_render(monkeypatch):
    """Records the thread each thumbnail is rendered on."""
    threads = []
    real = thumbnails.render_thumbnail

    def spy(image, max_size):
        threads.append(threading.get_ident())
        return real(image, max_size)

    monkeypatch.setattr(thumbnails, "render_thumbnail", spy)
    return threads


def test_an_image_is_scaled_off_the_gui_thread_and_cached(qtbot, tmp_path, monkeypatch):
    # Given a large photo
    threads = spy_render(monkeypatch)
    photo = samples.kit_image(samples.write_png(tmp_path / "kit", "photo.png", 3000, 2000))
    view = make_view(qtbot, tmp_path)
    # When it is shown
    view.show_record(photo)
    qtbot.waitUntil(lambda: view.preview.currentIndex() == PREVIEW_IMAGE, timeout=WAIT_MS)
    # Then it was decoded and scaled on another thread, to the preview size
    assert threads and threading.get_ident() not in threads
    assert max(view.image.image.width(), view.image.image.height()) == \
        thumbnails.DEFAULT_MAX_SIZE
    # And written to the cache as a PNG
    cached = list((tmp_path / "thumbnails").glob("*.png"))
    assert len(cached) == 1
    # When it is shown again, in a new view
    again = make_view(qtbot, tmp_path)
    again.show_record(photo)
    qtbot.waitUntil(lambda: again.preview.currentIndex() == PREVIEW_IMAGE, timeout=WAIT_MS)
    # Then the cached thumbnail was used: nothing rendered a second time
    assert len(threads) == 1


def test_a_changed_file_gets_a_new_thumbnail(tmp_path):
    photo = samples.write_png(tmp_path, "photo.png", 40, 30)
    first = thumbnails.cache_file(tmp_path / "cache", photo, 256)
    samples.write_png(tmp_path, "photo.png", 60, 30)
    assert thumbnails.cache_file(tmp_path / "cache", photo, 256) != first


def test_an_svg_poster_is_drawn_by_the_worker(qtbot, tmp_path, monkeypatch):
    threads = spy_render(monkeypatch)
    view = make_view(qtbot, tmp_path)
    view.show_record(samples.kit_image(samples.write_svg(tmp_path / "kit")))
    assert view.preview.currentIndex() == PREVIEW_NOTICE
    assert view.preview_notice.text() == "Loading the image…"
    qtbot.waitUntil(lambda: view.preview.currentIndex() == PREVIEW_IMAGE, timeout=WAIT_MS)
    image = view.image.image
    # Drawn at the preview size, keeping the poster's 3:4 shape
    assert image.height() == thumbnails.DEFAULT_MAX_SIZE
    assert abs(image.width() / image.height() - 0.75) < 0.01
    assert threading.get_ident() not in threads


def test_a_broken_image_is_reported_with_its_name(qtbot, tmp_path):
    broken = tmp_path / "kit" / "cassee.png"
    broken.parent.mkdir()
    broken.write_bytes(b"\x89PNG not really")
    view = make_view(qtbot, tmp_path)
    view.show_record(samples.kit_image(broken))
    qtbot.waitUntil(lambda: "cassee.png" in view.preview_notice.text(), timeout=WAIT_MS)
    assert view.preview.currentIndex() == PREVIEW_NOTICE


def test_caption_credit_and_licence_are_shown(qtbot, tmp_path, library):
    view = make_view(qtbot, tmp_path, library)
    view.show_record(samples.kit_image(samples.write_svg(tmp_path / "kit")))
    values = {name: value.text() for name, (_h, value) in view._detail_labels.items()}
    assert values["caption"] == "L'affiche officielle de l'édition."
    assert values["credit"] == "Mediation Kit contributors"
    assert values["licence"] == "CC-BY-SA-4.0"
    assert values["tags"] == "affiche, Strasbourg"
    assert view.meta.text() == "Poster · Numérique en Commun[s] · October 29, 2025"


def test_copy_to_folder_writes_the_file_and_its_credits(qtbot, tmp_path, library,
                                                        monkeypatch):
    # Given a poster and a folder chosen in the folder dialog
    poster = samples.kit_image(samples.write_svg(tmp_path / "kit"))
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    choose_folder(monkeypatch, str(stick))
    view = make_view(qtbot, tmp_path, library)
    view.show_record(poster)
    # When "Copy to folder…" is pressed
    view.copy_button.click()
    # Then the file and a credits file are in the folder
    copied = stick / "affiche.svg"
    assert copied.read_bytes() == poster.file.read_bytes()
    credits = (stick / "affiche.svg.credits.txt").read_text(encoding="utf-8")
    for expected in ("Title: Affiche de Numérique en Commun[s] 2025",
                     "Credit: Mediation Kit contributors", "Licence: CC-BY-SA-4.0",
                     "Source: Numérique en Commun[s], 2025, 8e édition nationale"):
        assert expected in credits
    assert "affiche.svg" in view.status.text()
    # When it is copied again, nothing is overwritten: the copy takes a free name
    copied.write_text("the user's own edit", encoding="utf-8")
    view.copy_button.click()
    assert copied.read_text(encoding="utf-8") == "the user's own edit"
    assert (stick / "affiche (2).svg").read_bytes() == poster.file.read_bytes()
    assert (stick / "affiche (2).svg.credits.txt").is_file()
    assert sorted(p.name for p in stick.iterdir()) == [
        "affiche (2).svg", "affiche (2).svg.credits.txt", "affiche.svg",
        "affiche.svg.credits.txt"]


def test_cancelling_the_folder_dialog_copies_nothing(qtbot, tmp_path, monkeypatch):
    choose_folder(monkeypatch, "")
    view = make_view(qtbot, tmp_path)
    view.show_record(samples.kit_image(samples.write_svg(tmp_path / "kit")))
    view.copy_button.click()
    assert view.status.text() == ""


def test_a_copy_that_fails_says_why(qtbot, tmp_path, monkeypatch):
    choose_folder(monkeypatch, str(tmp_path / "gone"))
    view = make_view(qtbot, tmp_path)
    view.show_record(samples.kit_image(samples.write_svg(tmp_path / "kit")))
    view.copy_button.click()
    assert "does not exist" in view.status.text() and "gone" in view.status.text()


def test_open_with_hands_the_file_to_the_system(qtbot, tmp_path, opened_urls):
    poster = samples.kit_image(samples.write_svg(tmp_path / "kit"))
    view = make_view(qtbot, tmp_path)
    view.show_record(poster)
    view.open_button.click()
    assert opened_urls == [f"file://{poster.file}"]


def test_a_press_text_renders_as_markdown_with_highlights(qtbot, tmp_path):
    press_file = tmp_path / "kit" / "communique.md"
    press_file.parent.mkdir()
    press_file.write_text("# Communiqué\n", encoding="utf-8")
    view = make_view(qtbot, tmp_path)
    view.show_record(samples.kit_press_text(press_file), ["mediation"])
    assert view.preview.currentIndex() == PREVIEW_TEXT
    assert view.text.document().begin().blockFormat().headingLevel() == 1
    marked = [s.cursor.selectedText() for s in view.text.extraSelections()]
    assert marked == ["médiation"]


def test_a_missing_file_is_named_and_cannot_be_copied(qtbot, tmp_path):
    view = make_view(qtbot, tmp_path)
    view.show_record(samples.kit_image(tmp_path / "kit" / "absent.png"))
    assert "absent.png" in view.preview_notice.text()
    assert not view.copy_button.isEnabled() and not view.open_button.isEnabled()


def test_copy_opens_in_documents_then_in_the_last_folder_used(qtbot, tmp_path, monkeypatch):
    # Given a user whose Documents folder exists (HOME is the test's folder)
    from PySide6.QtCore import QStandardPaths

    monkeypatch.setattr(KitAssetView, "last_folder", "")
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    import pathlib
    pathlib.Path(documents).mkdir(parents=True, exist_ok=True)
    view = make_view(qtbot, tmp_path)
    view.show_record(samples.kit_image(samples.write_svg(tmp_path / "kit")))
    # Then the first dialog opens there, not in the kit's folder
    dialog = view.folder_dialog()
    assert pathlib.Path(dialog.directory().absolutePath()) == pathlib.Path(documents)
    dialog.deleteLater()
    # When a copy went to a USB stick, the next dialog opens on the stick
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    choose_folder(monkeypatch, stick)
    view.copy_button.click()
    assert (stick / "affiche.svg").is_file()
    again = view.folder_dialog()
    assert pathlib.Path(again.directory().absolutePath()) == stick
    again.deleteLater()


def test_the_folder_dialog_shows_its_date_column_whole(qtbot, tmp_path, monkeypatch):
    # Given a folder with a few entries, opened in Qt's own dialog
    from PySide6.QtWidgets import QTreeView

    monkeypatch.setattr(KitAssetView, "last_folder", str(tmp_path))
    for name in ("Clé USB", "Documents de l'atelier", "Affiches"):
        (tmp_path / name).mkdir()
    view = make_view(qtbot, tmp_path)
    view.show_record(samples.kit_image(samples.write_svg(tmp_path / "kit")))
    dialog = view.folder_dialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    tree = next(t for t in dialog.findChildren(QTreeView) if t.isVisible())
    qtbot.waitUntil(lambda: tree.model().rowCount(tree.rootIndex()) >= 3, timeout=WAIT_MS)
    qtbot.wait(300)
    # Then every column, the date included, is as wide as its widest entry
    header = tree.header()
    for column in range(header.count()):
        if not header.isSectionHidden(column):
            assert header.sectionSize(column) >= tree.sizeHintForColumn(column), column
    dialog.close()


def test_a_message_already_shown_follows_the_language(qtbot, tmp_path, monkeypatch):
    # Given "Open with…" that found no application
    from PySide6.QtGui import QDesktopServices

    from mediation_kit.core import i18n

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    view = make_view(qtbot, tmp_path)
    view.show_record(samples.kit_image(samples.write_svg(tmp_path / "kit")))
    view.open_button.click()
    assert view.status.text() == "No application on this PC could open affiche.svg."
    # When the interface switches to French, the message is said again in French
    i18n.set_language("fr")
    view.retranslate()
    assert "affiche.svg" in view.status.text()
    assert "No application" not in view.status.text()
    assert view.status.accessibleName() == view.status.text()


def test_buttons_are_named(qtbot, tmp_path):
    # (that Tab and Shift+Tab reach them is pressed through in tests/ui/test_tab_walk.py)
    view = make_view(qtbot, tmp_path)
    view.show_record(samples.kit_image(samples.write_svg(tmp_path / "kit")))
    assert view.copy_button.accessibleName() == "Copy to folder"
    assert view.open_button.accessibleName() == "Open with the system's application"
