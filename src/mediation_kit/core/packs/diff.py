"""What an update changes, computed from the two versions of a pack (never from a changelog
that could say nothing changed when something did).

A resource (summary, replay, kit asset) is added, removed, or changed. A change is counted as
a text change when what the audience sees differs (the plans' content fingerprint: title and
text, transcript, the kit file's bytes) and as a metadata change when anything else differs
(date, speakers, themes, session, chapters' titles, licence…); one resource may count in both.
The workshop plans that cite a removed or changed resource are named, with those resources.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from mediation_kit.core.model import Pack
from mediation_kit.core.plans.resolve import fingerprint

# Fields that say where a record is on this PC, or that the fingerprint already covers.
_NOT_METADATA = {"pack_id", "source", "file", "transcript_file", "body", "cues", "text",
                 "description", "title", "caption"}


@dataclass(frozen=True)
class PlanImpact:
    path: Path
    title: str
    removed: tuple[str, ...]  # the titles of the cited resources that go away
    changed: tuple[str, ...]  # ... and of those that change


@dataclass
class PackDiff:
    added: list[str] = field(default_factory=list)  # resource keys
    removed: list[str] = field(default_factory=list)
    text_changed: list[str] = field(default_factory=list)
    metadata_changed: list[str] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)  # key -> title (old one if removed)
    plans: list[PlanImpact] = field(default_factory=list)

    @property
    def changed(self) -> list[str]:
        return sorted(set(self.text_changed) | set(self.metadata_changed))

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _records(pack: Pack | None) -> dict:
    if pack is None:
        return {}
    return {r.key: r for r in (*pack.summaries, *pack.replays, *pack.kit)}


def _metadata(record) -> dict:
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)
            if f.name not in _NOT_METADATA}


def diff_packs(old: Pack | None, new: Pack | None) -> PackDiff:
    """The difference from `old` (None: not installed) to `new` (None: removed)."""
    before, after = _records(old), _records(new)
    diff = PackDiff()
    diff.added = sorted(after.keys() - before.keys())
    diff.removed = sorted(before.keys() - after.keys())
    for key in sorted(before.keys() & after.keys()):
        a, b = before[key], after[key]
        if fingerprint(a) != fingerprint(b):
            diff.text_changed.append(key)
        if _metadata(a) != _metadata(b):
            diff.metadata_changed.append(key)
    diff.titles = {key: record.title for key, record in {**after, **before}.items()}
    return diff


def plans_citing(diff: PackDiff, plans_folder: Path | None) -> list[PlanImpact]:
    """The plans in `plans_folder` (and below) citing a removed or changed resource. A plan
    that cannot be read is skipped: the plan's own window names its problem."""
    from mediation_kit.core.plans import PlanFileError, SUFFIX, load_plan
    from mediation_kit.core.plans.model import MomentItem, ResourceItem

    if plans_folder is None or not Path(plans_folder).is_dir():
        return []
    removed, changed = set(diff.removed), set(diff.changed)
    impacts = []
    for path in sorted(Path(plans_folder).rglob("*" + SUFFIX)):
        try:
            plan = load_plan(path)
        except (PlanFileError, OSError):
            continue
        gone, moved = [], []
        for item in plan.items:
            if not isinstance(item, (ResourceItem, MomentItem)):
                continue
            title = diff.titles.get(item.key) or item.saved_title or item.key
            if item.key in removed and title not in gone:
                gone.append(title)
            elif item.key in changed and title not in moved:
                moved.append(title)
        if gone or moved:
            impacts.append(PlanImpact(path, plan.title or path.stem, tuple(gone), tuple(moved)))
    return impacts
