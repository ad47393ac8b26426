"""What the main window shows, as the plan needs it: the packs, the selected result, the
resource open in a view, where the leader is in the open replay.

Read through the window's public parts (its pages, lists and signals), so that the window
need not know about plans.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMainWindow

from mediation_kit.core.model import Replay, ResourceType
from mediation_kit.core.packs.library import Library


class WindowSources:
    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.open_key: str | None = None  # the resource last opened in a view

    def library(self) -> Library:
        library = getattr(getattr(self.window, "content", None), "library", None)
        return library if library is not None else Library()

    def showing_view(self) -> bool:
        window = self.window
        return getattr(window, "built", False) and window.stack.currentWidget() is \
            window.view_stack

    def open_record(self) -> Any:
        """The resource shown in a view (a transcript cue's key gives its replay)."""
        if not self.showing_view() or self.open_key is None:
            return None
        found = self.library().get(self.open_key)
        return found[0] if isinstance(found, tuple) else found

    def open_replay(self) -> Replay | None:
        record = self.open_record()
        return record if isinstance(record, Replay) else None

    def current_hit(self) -> Any:
        """The selected row of the results (or of the close matches) on screen."""
        window = self.window
        if not getattr(window, "built", False):
            return None
        page = window.stack.currentWidget()
        if page is window.results_page:
            return window.result_list.current_hit()
        if page is window.no_result_page:
            return window.no_result_page.close_matches.current_hit()
        return None

    def current_hit_is_cue(self) -> bool:
        hit = self.current_hit()
        return hit is not None and hit.type == ResourceType.CUE.value

    def replay_view(self) -> Any:
        if self.open_key is None:  # no view yet: they are made when a record is opened
            return None
        return self.window.resource_views().replay_view

    def replay_moment(self) -> tuple[float, float | None]:
        """Where the leader is in the open replay: the player's position when the video
        plays or was moved, else the selected transcript line (its start and end), else the
        selected chapter."""
        view = self.replay_view()
        if view is None:
            return 0.0, None
        from mediation_kit.ui.views.replay_view import START_ROLE

        if view.video_path is not None and view.player.position_seconds() > 0:
            return view.player.position_seconds(), None
        item = view.cues.currentItem()
        if item is not None and view.replay is not None:
            row = view.cues.row(item)
            cue = view.replay.cues[row] if row < len(view.replay.cues) else None
            return float(item.data(START_ROLE)), (cue.end if cue is not None else None)
        chapter = view.chapters.currentItem()
        if chapter is not None:
            return float(chapter.data(START_ROLE)), None
        return 0.0, None
