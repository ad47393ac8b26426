"""Presenting to a room: the audience window, the presenter console, the screen choice.

`start_presentation()` is what the main window calls; the rest of the kit needs nothing else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mediation_kit.core.settings import Settings


def start_presentation(items: list[Any], settings: Settings, library: Any = None, *,
                       start: int = 0, rehearsal: bool = False, parent: Any = None) -> Any:
    """Starts presenting `items` (PresentationItem); returns the running Presentation."""
    from mediation_kit.ui.presentation.controller import Presentation

    lookup = library.pack if library is not None else None
    presentation = Presentation(
        items, projector=settings["projector_screen"], look=settings["presentation_look"],
        text_scale=settings["presentation_text_scale"], start=start, rehearsal=rehearsal,
        pack_lookup=lookup, parent=parent)
    presentation.start()
    return presentation


def present_record(record: Any, at_time: float | None, settings: Settings, library: Any,
                   media_folder: Path | None, *, parent: Any = None) -> Any | None:
    """Presents one open resource (a replay from `at_time`); None when it cannot be shown."""
    from mediation_kit.ui.presentation.items import item_for_record

    item = item_for_record(record, at_time, media_folder=media_folder)
    if item is None:
        return None
    return start_presentation([item], settings, library, parent=parent)


def present_plan(plan: Any, settings: Settings, library: Any, *, start: int = 0,
                 rehearsal: bool = False, parent: Any = None) -> Any | None:
    """Presents a WorkshopPlan from item `start` (F5: 0, Shift+F5: the selected item)."""
    from mediation_kit.ui.presentation.from_plan import items_for_plan

    folder = Path(settings["media_folder"]) if settings["media_folder"] else None
    items = items_for_plan(plan, library, folder)
    if not items:
        return None
    return start_presentation(items, settings, library, start=start, rehearsal=rehearsal,
                              parent=parent)
