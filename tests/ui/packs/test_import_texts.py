"""Every text of the import dialog and the drive offer goes through the catalog (the
pseudo-locale wraps each one in ⟦…⟧), in each of the dialog's states."""

from __future__ import annotations

from archive_samples import FEST
from test_pseudo_locale import (  # noqa: F401 (fixtures)
    pseudo_locale, pseudo_translations, source_strings, source_template, unmarked)
from visible_texts import window_texts

from mediation_kit.core.packs.importer import import_archive
from mediation_kit.ui.dialogs.import_dialog import ImportDialog
from mediation_kit.ui.packs.controller import DriveOffer


def _shown(qtbot, ui_kit, archive) -> ImportDialog:
    dialog = ImportDialog(archive, **ui_kit.dialog_calls())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.state != "checking", timeout=10000)
    return dialog


def test_the_import_dialog_is_translated_in_every_state(pseudo_locale, qtbot, ui_kit,
                                                         source_strings):
    import_archive(ui_kit.archive("1.0.0", FEST), ui_kit.context())
    changed = {**FEST, "nouveau": ("Nouveau", "Un quokka.", [])}
    update = _shown(qtbot, ui_kit, ui_kit.archive("1.1.0", changed))
    unsigned = _shown(qtbot, ui_kit, ui_kit.archive("2.0.0", FEST, signed=False,
                                                    name="unsigned.mkpack"))
    cut = ui_kit.root / "cut.mkpack"
    cut.write_bytes(b"PK not a zip")
    refused = _shown(qtbot, ui_kit, cut)
    offer = DriveOffer("/media/stick", [cut])
    qtbot.addWidget(offer)
    offer.show()
    problems = []
    for dialog in (update, unsigned, refused, offer):
        # The pack's own words (title, file names, the fingerprint) are content.
        texts = [t for t in window_texts(dialog)
                 if not any(word in t.text for word in ("Fête des communs", ".mkpack"))]
        problems += [f"{type(dialog).__name__}: {line}"
                     for line in unmarked(texts, source_strings)]
    assert not problems, "\n".join(problems)
