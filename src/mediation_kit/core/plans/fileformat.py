"""The `.mkplan` file: UTF-8 JSON with a `format` version, written to read well in a diff.

See README.md beside this module for the format. Reading never trusts the file: every problem
becomes a `PlanFileError` whose message names the file and what is wrong. Writing is atomic: a
temporary file in the same folder, flushed to disk, then renamed over the old one, so a crash
or a kill while saving leaves the previous file whole.
"""

from __future__ import annotations

import glob
import json
import math
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from mediation_kit.core.atomic_files import write_atomically
from mediation_kit.core.i18n import _
from mediation_kit.core.model import ResourceType
from mediation_kit.core.plans.model import (
    MomentItem, PlanItem, ResourceItem, TitleCardItem, WorkshopPlan, new_item_id)

SUFFIX = ".mkplan"
FORMAT_VERSION = 1  # the newest format this kit writes and reads
# The resource types an item may refer to (a transcript cue is saved as a moment).
_ITEM_RESOURCE_TYPES = (ResourceType.SUMMARY, ResourceType.REPLAY, ResourceType.KIT)


class PlanFileError(Exception):
    """A plan file that cannot be read or written. `str()` names the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(_("{file}: {problem}").format(file=self.path, problem=problem))


class _FieldError(Exception):
    """A wrong field; `where` is its path in the file, e.g. `items[2].start_s`."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(where, problem)
        self.where = where
        self.problem = problem


# --- writing ---------------------------------------------------------------------------


def plan_to_dict(plan: WorkshopPlan) -> dict[str, Any]:
    return {
        "format": FORMAT_VERSION,
        "title": plan.title,
        "date": plan.date.isoformat() if plan.date else None,
        "place": plan.place,
        "notes": plan.notes,
        "items": [_item_to_dict(item) for item in plan.items],
    }


def _item_to_dict(item: PlanItem) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": item.KIND, "id": item.id, "note": item.note,
                            "planned_duration_s": _number(item.planned_duration_s)}
    if isinstance(item, TitleCardItem):
        data.update(heading=item.heading, lines=list(item.lines))
        return data
    data.update(resource=item.key, pack_version=item.pack_version,
                fingerprint=item.fingerprint, saved_title=item.saved_title,
                saved_kind=item.saved_kind, saved_source=item.saved_source)
    if isinstance(item, MomentItem):
        data.update(start_s=_number(item.start_s), end_s=_number(item.end_s))
    return data


def _number(value: float | None) -> float | int | None:
    """Whole seconds written as 300, not 300.0: the same text however the value was typed."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def plan_to_text(plan: WorkshopPlan) -> str:
    """The file's text: keys sorted, two-space indent, one trailing newline, so that two
    saves of the same plan are byte for byte the same and a change is one line in a diff."""
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def save_plan(plan: WorkshopPlan, path: Path | str) -> None:
    """Writes the plan atomically; raises PlanFileError (the old file untouched) on failure."""
    path = Path(path)
    try:
        write_atomically(path, plan_to_text(plan).encode("utf-8"))
    except OSError as error:
        raise PlanFileError(path, _("cannot be saved: {reason}").format(
            reason=error.strerror or error)) from error
    remove_stale_temporaries(path)


# A temporary file older than this was left by a save that was killed (a save takes
# milliseconds); younger ones may belong to a save in progress in another window.
STALE_TEMPORARY_S = 120


def remove_stale_temporaries(path: Path) -> None:
    """Deletes the temporary files that killed saves of `path` left beside it: only files
    named as `write_atomically` names them, and only old ones."""
    limit = time.time() - STALE_TEMPORARY_S
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        try:
            if leftover.is_file() and leftover.stat().st_mtime < limit:
                leftover.unlink()
        except OSError:
            pass  # another save may be finishing it; it is only clutter


# --- reading ---------------------------------------------------------------------------


def load_plan(path: Path | str) -> WorkshopPlan:
    """Reads a `.mkplan` file; raises PlanFileError naming the file and the problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PlanFileError(path, _("no such file")) from None
    except IsADirectoryError:
        raise PlanFileError(path, _("is a folder, not a plan file")) from None
    except OSError as error:
        raise PlanFileError(path, _("cannot be read: {reason}").format(
            reason=error.strerror or error)) from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PlanFileError(path, _("is not a plan file: it is not UTF-8 text (byte {offset})")
                            .format(offset=error.start)) from None
    return plan_from_text(text, path)


def plan_from_text(text: str, path: Path | str = "<plan>") -> WorkshopPlan:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PlanFileError(path, _(
            "is not a plan file: not valid JSON (line {line}, column {column}: {reason})").format(
            line=error.lineno, column=error.colno, reason=error.msg)) from None
    except RecursionError:
        raise PlanFileError(path, _("is not a plan file: it is nested too deeply")) from None
    if not isinstance(data, dict) or "format" not in data:
        raise PlanFileError(path, _("is not a plan file: it has no \"format\" version"))
    version = data["format"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PlanFileError(path, _("\"format\" must be a whole number from 1, not {value}")
                            .format(value=json.dumps(version, ensure_ascii=False)))
    if version > FORMAT_VERSION:
        raise PlanFileError(path, _(
            "was saved by a newer version of the kit (plan format {found}; this version reads "
            "up to format {supported}): update the kit to open it").format(
            found=version, supported=FORMAT_VERSION))
    try:
        return _plan_from_dict(data)
    except _FieldError as error:
        raise PlanFileError(path, _("{field}: {problem}").format(
            field=error.where, problem=error.problem)) from None


def _plan_from_dict(data: dict[str, Any]) -> WorkshopPlan:
    fields = _Fields(data, "")
    items_data = fields.get("items", list, default=[])
    items = [_item_from_dict(entry, f"items[{n}]") for n, entry in enumerate(items_data)]
    # Ids name items while the plan is edited and presented: a copied-and-pasted item in a
    # hand-edited file gets a fresh one rather than being confused with the first.
    seen: set[str] = set()
    for position, item in enumerate(items):
        if item.id in seen:
            items[position] = replace(item, id=new_item_id())
        seen.add(items[position].id)
    return WorkshopPlan(
        title=fields.text("title"),
        date=fields.date("date"),
        place=fields.text("place"),
        notes=fields.text("notes"),
        items=items,
    )


def _item_from_dict(entry: Any, where: str) -> PlanItem:
    if not isinstance(entry, dict):
        raise _FieldError(where, _("an item must be an object, not {value}").format(
            value=_json_type(entry)))
    fields = _Fields(entry, where)
    kind = fields.get("kind", str)
    common = dict(note=fields.text("note"),
                  planned_duration_s=fields.seconds("planned_duration_s", optional=True))
    item_id = fields.text("id")
    if item_id:
        common["id"] = item_id
    if kind == TitleCardItem.KIND:
        lines = fields.get("lines", list, default=[])
        for n, line in enumerate(lines):
            if not isinstance(line, str):
                raise _FieldError(f"{where}.lines[{n}]", _("must be text, not {value}").format(
                    value=_json_type(line)))
        return TitleCardItem(heading=fields.text("heading"), lines=tuple(lines), **common)
    if kind not in (ResourceItem.KIND, MomentItem.KIND):
        raise _FieldError(f"{where}.kind", _(
            "unknown item kind \"{kind}\" (expected one of: {known})").format(
            kind=kind, known=", ".join((ResourceItem.KIND, MomentItem.KIND, TitleCardItem.KIND))))
    ref = dict(pack_version=fields.text("pack_version"), fingerprint=fields.text("fingerprint"),
               saved_title=fields.text("saved_title"), saved_kind=fields.text("saved_kind"),
               saved_source=fields.text("saved_source"))
    pack_id, resource_type, resource_id = _resource_key(fields.get("resource", str),
                                                        f"{where}.resource")
    if kind == ResourceItem.KIND:
        return ResourceItem(pack_id=pack_id, resource_type=resource_type,
                            resource_id=resource_id, **ref, **common)
    if resource_type is not ResourceType.REPLAY:
        raise _FieldError(f"{where}.resource", _("a moment must refer to a replay"))
    start = fields.seconds("start_s")
    end = fields.seconds("end_s", optional=True)
    if end is not None and end < start:
        raise _FieldError(f"{where}.end_s", _("the end ({end}) comes before the start ({start})")
                          .format(end=end, start=start))
    return MomentItem(pack_id=pack_id, resource_type=resource_type, resource_id=resource_id,
                      start_s=start, end_s=end, **ref, **common)


def _resource_key(key: str, where: str) -> tuple[str, ResourceType, str]:
    parts = key.split(":", 2)
    if len(parts) != 3 or not all(parts):
        raise _FieldError(where, _("\"{key}\" is not a resource key (pack:type:id)").format(
            key=key))
    pack_id, kind, local_id = parts
    if kind not in {t.value for t in _ITEM_RESOURCE_TYPES}:
        raise _FieldError(where, _("unknown resource type \"{type}\" in \"{key}\"").format(
            type=kind, key=key))
    return pack_id, ResourceType(kind), local_id


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, (int, float)):
        return _("a number")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, list):
        return _("a list")
    return _("an object")


class _Fields:
    """Typed access to one JSON object's fields; errors carry the field's path."""

    _MISSING = object()

    def __init__(self, data: dict[str, Any], where: str) -> None:
        self.data = data
        self.where = where

    def path(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name

    def get(self, name: str, kind: type, default: Any = _MISSING) -> Any:
        value = self.data.get(name, self._MISSING)
        if value is self._MISSING or (value is None and default is not self._MISSING):
            if default is self._MISSING:
                raise _FieldError(self.path(name), _("this field is missing"))
            return default
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            expected = {str: _("text"), list: _("a list"), dict: _("an object")}.get(
                kind, kind.__name__)
            raise _FieldError(self.path(name), _("must be {expected}, not {value}").format(
                expected=expected, value=_json_type(value)))
        return value

    def text(self, name: str) -> str:
        return self.get(name, str, default="")

    def seconds(self, name: str, optional: bool = False) -> float | None:
        value = self.data.get(name)
        if value is None:
            if optional:
                return None
            raise _FieldError(self.path(name), _("this field is missing"))
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _FieldError(self.path(name), _(
                "must be a number of seconds, not {value}").format(value=_json_type(value)))
        try:
            seconds = float(value)
        except OverflowError:
            seconds = math.inf
        if not math.isfinite(seconds) or seconds < 0:
            raise _FieldError(self.path(name), _(
                "must be a number of seconds from 0, not {value}").format(value=value))
        return seconds

    def date(self, name: str) -> date | None:
        value = self.get(name, str, default=None)
        if value is None or value == "":
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise _FieldError(self.path(name), _(
                "\"{value}\" is not a date (expected YYYY-MM-DD)").format(value=value)) from None
