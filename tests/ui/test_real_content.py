"""The window over the real pack loader, index build and search engine (a pack in tmp)."""

from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from disk_pack import write_pack
from mediation_kit.core.settings import Settings
from mediation_kit.ui.content import load_content
from mediation_kit.ui.main_window import MainWindow

MEDIA = Path(__file__).resolve().parents[1] / "fixtures" / "media"


@pytest.fixture
def real_window(qtbot, tmp_path):
    packs = tmp_path / "packs"
    write_pack(packs)
    settings = Settings(tmp_path / "settings.toml")
    settings["media_folder"] = str(MEDIA)
    loader = partial(load_content, packs, tmp_path / "no-shipped-index", tmp_path / "cache")
    window = MainWindow(settings, loader=loader)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def test_index_is_built_at_first_start_with_progress_then_search_works(qtbot, real_window):
    window = real_window
    progress = []
    window.index_progress.connect(lambda p: progress.append(
        (p.message, window.progress_bar.isVisible())))
    # When the kit starts without an index, it builds one in the cache folder
    with qtbot.waitSignal(window.content_loaded, timeout=20000):
        window.start_loading()
    # Then the status bar showed the build's progress, and search is ready
    assert progress and all(visible for _message, visible in progress)
    assert any("Indexing" in message for message, _v in progress)
    assert not window.progress_bar.isVisible()
    assert window.content.engine is not None
    # When the user types, the real engine answers with highlighted snippets
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "souverainete")
    qtbot.waitUntil(lambda: window._last_results is not None
                    and window._last_results.query.text == "souverainete", timeout=5000)
    hits = window.result_list.result_model.hits
    assert hits[0].title == "Ouverture des rencontres"
    assert '<b class="hit">' in hits[0].snippet
    # and the facets count what matched
    # (the French summary: its English translation does not hold the word)
    summary = window.facet_panel.item_for("type", "summary")
    assert (summary.text(0), summary.text(1)) == ("Summary", "1")
    event = window.facet_panel.item_for("event", "demo-2025")
    assert (event.text(0), event.text(1)) == ("Démo en Commun", "1")
    assert event.data(0, Qt.ItemDataRole.AccessibleTextRole) == "Démo en Commun (1)"


def test_a_transcript_hit_opens_the_replay_and_seeks_the_player(qtbot, real_window):
    window = real_window
    with qtbot.waitSignal(window.content_loaded, timeout=20000):
        window.start_loading()
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "quotidien")
    qtbot.waitUntil(lambda: window._last_results is not None
                    and window._last_results.query.text == "quotidien", timeout=5000)
    cue = next(h for h in window.result_list.result_model.hits if h.type == "cue")
    assert cue.time == pytest.approx(2.0)
    window.result_list.setCurrentIndex(
        window.result_list.result_model.index(window.result_list.result_model.hits.index(cue)))
    with qtbot.waitSignal(window.record_opened, timeout=5000):
        qtbot.keyClick(window.result_list, Qt.Key.Key_Return)
    replay_view = window.resource_views().replay_view
    assert window.resource_views().currentWidget() is replay_view
    assert replay_view.video_path == MEDIA / "tiny-talk.mp4"
    qtbot.waitUntil(lambda: replay_view.player.position_seconds() >= 1.9, timeout=10000)
