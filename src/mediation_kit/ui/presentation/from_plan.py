"""A workshop plan as a sequence of presentation items, one per plan item, in plan order.

A plan item whose resource is missing is kept, as a card saying so under its saved title:
the leader sees it on the console and the room sees a clear card, never a crash.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mediation_kit.core.plans import (
    MomentItem, TitleCardItem, WorkshopPlan, item_duration_s, resolve_plan)
from mediation_kit.ui.presentation.items import (
    ItemKind, PresentationItem, item_for_record, title_card)


def items_for_plan(plan: WorkshopPlan, library: Any,
                   media_folder: Path | None) -> list[PresentationItem]:
    items: list[PresentationItem] = []
    for resolved in resolve_plan(plan, library):
        item = resolved.item
        duration = item_duration_s(item)
        if isinstance(item, TitleCardItem):
            items.append(title_card(item.heading, tuple(item.lines), note=item.note,
                                    planned_duration_s=duration))
            continue
        shown = None
        if resolved.record is not None:
            moment = isinstance(item, MomentItem)
            shown = item_for_record(resolved.record, item.start_s if moment else None,
                                    media_folder=media_folder, note=item.note,
                                    planned_duration_s=duration,
                                    end_s=item.end_s if moment else None)
        if shown is None:
            shown = PresentationItem(ItemKind.MISSING, resolved.title, note=item.note,
                                     pack_id=item.pack_id, planned_duration_s=duration)
        items.append(shown)
    return items
