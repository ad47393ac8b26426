"""What a presentation shows, one `PresentationItem` per step, whatever it came from.

A single open resource gives one item; a workshop plan gives one per plan item. The audience
window and the console only ever see these, so presenting does not depend on where the
sequence was made.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mediation_kit.core.model import KitAsset, KitKind, Replay, Summary


class ItemKind(enum.StrEnum):
    SUMMARY = "summary"  # paginated text under the summary's title
    IMAGE = "image"  # a kit image, fitted to the screen
    TEXT = "text"  # a press text or other kit text, paginated
    REPLAY = "replay"  # a video from a moment, or a clip
    TITLE_CARD = "title-card"  # the leader's heading and lines
    MISSING = "missing"  # a plan item whose resource is not in the packs any more


@dataclass(frozen=True)
class PresentationItem:
    kind: ItemKind
    title: str
    record: Any = None  # the Summary, KitAsset or Replay shown; None for cards
    pack_id: str = ""  # whose event visual the logo key shows
    start_s: float = 0.0  # replays: where to start
    end_s: float | None = None  # replays: where a clip stops
    lines: tuple[str, ...] = ()  # title cards
    note: str = ""  # the leader's note: on the console only, never on the audience screen
    planned_duration_s: float | None = None
    video_file: Path | None = None  # replays: the local file, None when not on this PC


def item_for_record(record: Any, at_time: float | None = None, *,
                    media_folder: Path | None = None, note: str = "",
                    planned_duration_s: float | None = None,
                    end_s: float | None = None) -> PresentationItem | None:
    """The item showing one pack resource; None for a kind that cannot be presented."""
    common = {"note": note, "planned_duration_s": planned_duration_s,
              "pack_id": getattr(record, "pack_id", "")}
    if isinstance(record, Summary):
        return PresentationItem(ItemKind.SUMMARY, record.title, record, **common)
    if isinstance(record, Replay):
        from mediation_kit.ui.views.media_folder import find_video

        return PresentationItem(ItemKind.REPLAY, record.title, record,
                                start_s=max(0.0, at_time or 0.0), end_s=end_s,
                                video_file=find_video(media_folder, record.video_file),
                                **common)
    if isinstance(record, KitAsset):
        kind = ItemKind.IMAGE if record.is_image else ItemKind.TEXT
        return PresentationItem(kind, record.title, record, **common)
    return None


def title_card(heading: str, lines: tuple[str, ...] = (), *, note: str = "",
               planned_duration_s: float | None = None) -> PresentationItem:
    return PresentationItem(ItemKind.TITLE_CARD, heading, lines=tuple(lines), note=note,
                            planned_duration_s=planned_duration_s)


def event_visual(pack: Any) -> KitAsset | None:
    """The picture the logo key shows: the event's logo, else a visual, else a poster."""
    if pack is None:
        return None
    for kind in (KitKind.LOGO, KitKind.VISUAL, KitKind.POSTER):
        for asset in pack.kit:
            if asset.kind is kind and asset.is_image and asset.file.is_file():
                return asset
    return None
