"""A workshop plan: what a leader prepares at home and presents in the room.

A plan is a title, an optional date and place, the leader's notes and an ordered list of
items. Items are immutable (change one with `dataclasses.replace`, which keeps undo simple);
the plan's list is the one mutable thing. An item refers to a pack resource by a stable key
(pack id, resource type, resource id) and keeps what it looked like when it was added (title,
kind, where it came from, a content fingerprint), so that a plan outlives the packs it cites.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from mediation_kit.core.model import ResourceType, resource_key


def new_item_id() -> str:
    """A short random id that names an item for as long as the plan lives (undo, presenting)."""
    return uuid.uuid4().hex[:12]


@dataclass(frozen=True, kw_only=True)
class PlanItemBase:
    """What every item carries. `note` is for the leader only: never shown to the audience,
    never printed on the handout. `planned_duration_s` is how long the leader means to spend."""

    id: str = field(default_factory=new_item_id)
    note: str = ""
    planned_duration_s: float | None = None


@dataclass(frozen=True, kw_only=True)
class ResourceRef:
    """A pack resource as it was when the leader added it."""

    pack_id: str
    resource_type: ResourceType  # SUMMARY, REPLAY or KIT (never CUE: a cue is a MomentItem)
    resource_id: str
    pack_version: str = ""  # the pack's version when the item was added
    fingerprint: str = ""  # the resource's content fingerprint then (see resolve.py)
    saved_title: str = ""  # shown when the resource is missing
    saved_kind: str = ""  # ResourceType value, or "kit:<KitKind>" for a kit asset
    saved_source: str = ""  # the event it came from, e.g. "Numérique en Commun[s] 2025"

    @property
    def key(self) -> str:
        """The library key, e.g. `nec-2025:summary:ouverture`."""
        return resource_key(self.pack_id, self.resource_type, self.resource_id)


@dataclass(frozen=True, kw_only=True)
class ResourceItem(PlanItemBase, ResourceRef):
    """A whole resource: a summary, a replay or a kit asset."""

    KIND = "resource"


@dataclass(frozen=True, kw_only=True)
class MomentItem(PlanItemBase, ResourceRef):
    """A moment of a replay (`end_s` None) or a clip of it (`start_s` to `end_s`), seconds from
    the start of the video. `resource_type` is always REPLAY."""

    KIND = "moment"
    start_s: float = 0.0
    end_s: float | None = None

    @property
    def is_clip(self) -> bool:
        return self.end_s is not None

    @property
    def clip_length_s(self) -> float | None:
        return None if self.end_s is None else max(0.0, self.end_s - self.start_s)


@dataclass(frozen=True, kw_only=True)
class TitleCardItem(PlanItemBase):
    """A card written by the leader: a heading and a few lines ("Question to the group: …")."""

    KIND = "title-card"
    heading: str = ""
    lines: tuple[str, ...] = ()


PlanItem = ResourceItem | MomentItem | TitleCardItem
ITEM_CLASSES: dict[str, type] = {cls.KIND: cls for cls in (ResourceItem, MomentItem, TitleCardItem)}


@dataclass
class WorkshopPlan:
    title: str = ""
    date: date | None = None
    place: str = ""
    notes: str = ""  # for the leader only
    items: list[PlanItem] = field(default_factory=list)

    def index_of(self, item_id: str) -> int:
        """The position of the item with this id; ValueError when there is none."""
        for position, item in enumerate(self.items):
            if item.id == item_id:
                return position
        raise ValueError(item_id)


def item_duration_s(item: PlanItem) -> float | None:
    """How long the item takes: its planned duration, else a clip's length, else unknown."""
    if item.planned_duration_s is not None:
        return max(0.0, float(item.planned_duration_s))
    if isinstance(item, MomentItem) and item.clip_length_s is not None:
        return item.clip_length_s
    return None


@dataclass(frozen=True)
class ItemTiming:
    start_s: float  # cumulative: the sum of the durations of the items before it
    duration_s: float | None  # None when unknown (counted as zero in the starts)


@dataclass(frozen=True)
class PlanTiming:
    items: tuple[ItemTiming, ...]
    total_s: float
    unknown_count: int  # items without a known duration: the total is then a minimum


def plan_timing(plan: WorkshopPlan | list[PlanItem] | tuple[PlanItem, ...]) -> PlanTiming:
    """Each item's cumulative start and duration, and the plan's total."""
    items = plan.items if isinstance(plan, WorkshopPlan) else plan
    clock = 0.0
    timings = []
    unknown = 0
    for item in items:
        duration = item_duration_s(item)
        timings.append(ItemTiming(clock, duration))
        if duration is None:
            unknown += 1
        else:
            clock += duration
    return PlanTiming(tuple(timings), clock, unknown)
