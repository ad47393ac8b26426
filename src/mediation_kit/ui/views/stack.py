"""The three resource views in one stacked area: give it a resource key, it shows the right
view. Transcript-cue keys open their replay at the cue."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from mediation_kit.core.model import (
    KitAsset,
    Replay,
    ResourceType,
    Summary,
    TranscriptCue,
    resource_key,
    split_key,
)
from mediation_kit.ui.views.common import Library
from mediation_kit.ui.views.kit_asset_view import KitAssetView
from mediation_kit.ui.views.replay_view import ReplayView
from mediation_kit.ui.views.summary_view import SummaryView


class ResourceViewStack(QStackedWidget):
    """Picks the view for a key and shows the record the library holds for it."""

    # A view asked to open another resource (a related link); carries its key.
    open_key_requested = Signal(str)
    # The user asked to choose the media folder (from the replay view).
    media_folder_settings_requested = Signal()

    def __init__(self, library: Library | None, thumbnail_cache_dir: Path,
                 media_folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.summary_view = SummaryView(library, self)
        self.replay_view = ReplayView(library, media_folder, self)
        self.kit_asset_view = KitAssetView(thumbnail_cache_dir, library, self)
        for view in (self.summary_view, self.replay_view, self.kit_asset_view):
            self.addWidget(view)
            view.open_key_requested.connect(self.open_key_requested)
        self.replay_view.media_folder_settings_requested.connect(
            self.media_folder_settings_requested)

    def set_library(self, library: Library | None) -> None:
        self.library = library
        for view in (self.summary_view, self.replay_view, self.kit_asset_view):
            view.set_library(library)

    def set_media_folder(self, path: Path | None) -> None:
        self.replay_view.set_media_folder(path)

    def show_key(self, key: str, highlight_terms: Sequence[str] = (),
                 at_time: float | None = None) -> bool:
        """Shows the resource `key` names; False when the key is unknown or malformed."""
        try:
            pack_id, kind, local_id = split_key(key)
        except ValueError:
            return False
        record = self._get(key)
        if record is None and kind == ResourceType.CUE:
            # A library that does not resolve cue keys: "<replay id>#<cue index>".
            replay_id, _sep, index = local_id.rpartition("#")
            replay = self._get(resource_key(pack_id, ResourceType.REPLAY, replay_id))
            cue = next((c for c in getattr(replay, "cues", ())
                        if index.isdigit() and c.index == int(index)), None)
            record = (replay, cue) if cue is not None else None
        return self.show_record(record, highlight_terms, at_time) if record else False

    def show_record(self, record: object, highlight_terms: Sequence[str] = (),
                    at_time: float | None = None) -> bool:
        """Shows a record, or a (replay, cue) pair at the cue; False for anything else."""
        if isinstance(record, tuple) and len(record) == 2 and isinstance(record[1],
                                                                           TranscriptCue):
            record, cue = record
            at_time = cue.start if at_time is None else at_time
        if isinstance(record, Summary):
            view = self.summary_view
        elif isinstance(record, Replay):
            view = self.replay_view
        elif isinstance(record, KitAsset):
            view = self.kit_asset_view
        else:
            return False
        self.setCurrentWidget(view)
        view.show_record(record, list(highlight_terms), at_time)
        return True

    def retranslate(self) -> None:
        for view in (self.summary_view, self.replay_view, self.kit_asset_view):
            view.retranslate()

    def _get(self, key: str) -> object | None:
        return self.library.get(key) if self.library is not None else None
