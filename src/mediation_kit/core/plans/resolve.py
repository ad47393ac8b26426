"""Plan items against the installed packs: found, missing, or changed since added.

A plan outlives the packs it cites. Resolving never drops an item: a missing resource keeps
its saved title and is flagged, and when the resource comes back (a pack reinstalled, an older
version restored) the same item resolves again.

"Changed since added" needs two things: the pack's version differs from the one saved in the
item, AND the resource's content fingerprint differs from the saved one. The version alone
is not enough (a pack update usually leaves most resources untouched), and the fingerprint
alone is not needed (the same version means the same content). The fingerprint is a SHA-256
over what the audience sees of the resource: its title and text (summary body, replay
description, chapters, transcript cues and duration; a kit asset's text, caption and the bytes
of its file). An item without a saved fingerprint (written by hand) is never flagged changed.
"""

from __future__ import annotations

import enum
import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path

from mediation_kit.core.i18n import N_, _
from mediation_kit.core.model import KitAsset, Pack, Replay, ResourceType, Summary
from mediation_kit.core.packs.library import Library, Record
from mediation_kit.core.plans.model import (
    MomentItem, PlanItem, ResourceItem, TitleCardItem, WorkshopPlan)

FINGERPRINT_PREFIX = "sha256:"


class ItemStatus(enum.StrEnum):
    OK = "ok"
    MISSING = "missing"  # the pack or the resource is not installed
    CHANGED = "changed"  # the pack was updated and this resource's content changed since added


# Short flags shown beside an item (plan show, the plan panel); translate with _() at display.
STATUS_LABELS = {
    ItemStatus.OK: N_("ok"),
    ItemStatus.MISSING: N_("missing"),
    ItemStatus.CHANGED: N_("changed since added"),
}


@dataclass(frozen=True)
class ResolvedItem:
    """An item with what the library holds for it now."""

    item: PlanItem
    status: ItemStatus
    record: Record | None  # the summary, replay or kit asset; None when missing or a card
    reason: str = ""  # why it is flagged, in the active language; "" when OK

    @property
    def title(self) -> str:
        """The resource's current title, else the saved one; a card's heading."""
        if isinstance(self.item, TitleCardItem):
            return self.item.heading
        if self.record is not None:
            return self.record.title
        return self.item.saved_title or self.item.key

    @property
    def is_broken(self) -> bool:
        return self.status is not ItemStatus.OK


def fingerprint(record: Record) -> str:
    """The content fingerprint saved in an item when it is added (see the module's doc)."""
    if isinstance(record, Summary):
        content = ["summary", record.title, record.body]
    elif isinstance(record, Replay):
        content = ["replay", record.title, record.description, record.duration,
                   [[c.start, c.title] for c in record.chapters],
                   [[c.start, c.end, c.text] for c in record.cues]]
    else:
        content = ["kit", record.title, record.kind.value, record.caption, record.text,
                   _file_digest(record.file)]
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return FINGERPRINT_PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def saved_kind(record: Record) -> str:
    """"summary", "replay", or "kit:<kind>" ("kit:poster"): enough to pick an icon offline."""
    if isinstance(record, KitAsset):
        return f"{ResourceType.KIT.value}:{record.kind.value}"
    return ResourceType.SUMMARY.value if isinstance(record, Summary) else ResourceType.REPLAY.value


def event_label(pack: Pack) -> str:
    """"Numérique en Commun[s] 2025": where a resource comes from, in one line."""
    year = str(pack.event.year)
    return pack.event.name if year in pack.event.name else f"{pack.event.name} {year}"


def _reference(record: Record, library: Library) -> dict:
    pack = library.pack(record.pack_id)
    return dict(
        pack_id=record.pack_id,
        resource_id=record.id,
        pack_version=pack.version if pack else "",
        fingerprint=fingerprint(record),
        saved_title=record.title,
        saved_kind=saved_kind(record),
        saved_source=event_label(pack) if pack else "",
    )


def item_for_record(record: Record, library: Library, *, note: str = "",
                    planned_duration_s: float | None = None) -> ResourceItem:
    """A new plan item for a summary, replay or kit asset of the library."""
    resource_type = (ResourceType.SUMMARY if isinstance(record, Summary)
                     else ResourceType.REPLAY if isinstance(record, Replay) else ResourceType.KIT)
    return ResourceItem(resource_type=resource_type, note=note,
                        planned_duration_s=planned_duration_s, **_reference(record, library))


def moment_for_replay(replay: Replay, library: Library, start_s: float,
                      end_s: float | None = None, *, note: str = "",
                      planned_duration_s: float | None = None) -> MomentItem:
    """A new moment (no end) or clip (start to end) of a replay."""
    if start_s < 0 or (end_s is not None and end_s < start_s):
        raise ValueError(f"bad clip {start_s}–{end_s}")
    return MomentItem(resource_type=ResourceType.REPLAY, start_s=float(start_s),
                      end_s=None if end_s is None else float(end_s), note=note,
                      planned_duration_s=planned_duration_s, **_reference(replay, library))


def refreshed(item: PlanItem, library: Library) -> PlanItem:
    """The item re-based on the resource as installed now (the leader accepts a change):
    new pack version, fingerprint, title. Unchanged when the resource is missing or a card."""
    if isinstance(item, TitleCardItem):
        return item
    record = library.get(item.key)
    if record is None or isinstance(record, tuple):
        return item
    reference = _reference(record, library)
    reference.pop("pack_id"), reference.pop("resource_id")
    return replace(item, **reference)


def resolve_item(item: PlanItem, library: Library) -> ResolvedItem:
    if isinstance(item, TitleCardItem):
        return ResolvedItem(item, ItemStatus.OK, None)
    pack = library.pack(item.pack_id)
    record = library.get(item.key)
    if isinstance(record, tuple):  # a cue key cannot be saved in an item; be safe anyway
        record = None
    if pack is None:
        return ResolvedItem(item, ItemStatus.MISSING, None, _(
            "the pack \"{pack}\" is not installed").format(pack=item.pack_id))
    if record is None:
        return ResolvedItem(item, ItemStatus.MISSING, None, _(
            "no longer in the pack \"{pack}\" (version {version})").format(
            pack=item.pack_id, version=pack.version))
    if isinstance(item, MomentItem) and isinstance(record, Replay) and record.duration:
        if item.start_s > record.duration:
            return ResolvedItem(item, ItemStatus.CHANGED, record, _(
                "this moment starts after the end of the replay"))
    if (item.pack_version and item.fingerprint and item.pack_version != pack.version
            and item.fingerprint != fingerprint(record)):
        return ResolvedItem(item, ItemStatus.CHANGED, record, _(
            "its content differs from when it was added (pack version {old}, now {new})").format(
            old=item.pack_version, new=pack.version))
    return ResolvedItem(item, ItemStatus.OK, record)


def resolve_plan(plan: WorkshopPlan, library: Library) -> list[ResolvedItem]:
    """Every item, in plan order, with its status; nothing is ever left out."""
    return [resolve_item(item, library) for item in plan.items]
