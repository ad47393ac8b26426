"""The view stack: a key opens the right view; a cue key opens its replay at the cue."""

from __future__ import annotations

import view_samples as samples
from mediation_kit.core import i18n
from mediation_kit.ui.views import ResourceViewStack


def make_stack(qtbot, tmp_path, library):
    stack = ResourceViewStack(library, tmp_path / "thumbnails", None)
    qtbot.addWidget(stack)
    stack.resize(1000, 700)
    stack.show()
    return stack


def test_each_kind_of_key_opens_its_view(qtbot, tmp_path, library):
    stack = make_stack(qtbot, tmp_path, library)
    assert stack.show_key(samples.summary_en(tmp_path).key, ["hope"])
    assert stack.currentWidget() is stack.summary_view
    assert stack.show_key(samples.replay().key)
    assert stack.currentWidget() is stack.replay_view
    poster = next(r for r in library.records if r.key.endswith(":kit:affiche"))
    assert stack.show_key(poster.key)
    assert stack.currentWidget() is stack.kit_asset_view


def test_a_cue_key_opens_the_replay_at_that_cue(qtbot, tmp_path, library):
    stack = make_stack(qtbot, tmp_path, library)
    replay = samples.replay()
    assert stack.show_key(replay.cue_key(replay.cues[2]), ["communs"])
    assert stack.currentWidget() is stack.replay_view
    assert stack.replay_view.cues.currentRow() == 2


def test_a_replay_and_cue_pair_from_the_library_opens_at_the_cue(qtbot, tmp_path, library):
    stack = make_stack(qtbot, tmp_path, library)
    replay = samples.replay()
    assert stack.show_record((replay, replay.cues[3]))
    assert stack.replay_view.cues.currentRow() == 3


def test_unknown_or_malformed_keys_are_refused(qtbot, tmp_path, library):
    stack = make_stack(qtbot, tmp_path, library)
    assert not stack.show_key("test-2025:summary:nothing-here")
    assert not stack.show_key("not a key")
    assert not stack.show_key("test-2025:cue:pleniere-espoir#99")


def test_links_in_a_view_reach_the_stack(qtbot, tmp_path, library):
    stack = make_stack(qtbot, tmp_path, library)
    stack.show_key(samples.summary_en(tmp_path).key)
    with qtbot.waitSignal(stack.open_key_requested) as signal:
        stack.summary_view.open_key_requested.emit("test-2025:replay:pleniere-espoir")
    assert signal.args == ["test-2025:replay:pleniere-espoir"]


def test_retranslate_reaches_every_view(qtbot, tmp_path, library):
    import gettext
    import re

    class Shouting(gettext.NullTranslations):
        def gettext(self, message):
            # Capitals outside the {placeholders}, which must stay as they are.
            return re.sub(r"[^{}]+(?=\{|$)", lambda m: m.group().upper(), message)

    stack = make_stack(qtbot, tmp_path, library)
    stack.show_key(samples.replay().key)
    i18n.install_translations(Shouting(), "en")
    stack.retranslate()
    assert stack.summary_view.speakers_heading.text() == "SPEAKERS"
    assert stack.replay_view.transcript_heading.text() == "TRANSCRIPT"
    assert stack.kit_asset_view.copy_button.text() == "COPY TO FOLDER…"
