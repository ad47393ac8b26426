"""Names of item kinds and flags, as a person reads them (translated at display time)."""

from __future__ import annotations

from mediation_kit.core.i18n import N_, _, format_timestamp
from mediation_kit.core.model import KitKind, ResourceType
from mediation_kit.core.plans.model import MomentItem, PlanItem, TitleCardItem

_TYPE_NAMES = {
    ResourceType.SUMMARY.value: N_("Summary"),
    ResourceType.REPLAY.value: N_("Replay"),
    ResourceType.KIT.value: N_("Kit"),
}
_KIT_NAMES = {
    KitKind.PHOTO.value: N_("Photo"),
    KitKind.LOGO.value: N_("Logo"),
    KitKind.POSTER.value: N_("Poster"),
    KitKind.VISUAL.value: N_("Visual"),
    KitKind.PRESS_TEXT.value: N_("Press text"),
    KitKind.SOCIAL_TEMPLATE.value: N_("Social media template"),
    KitKind.PROGRAMME.value: N_("Programme"),
}


def kind_label(item: PlanItem) -> str:
    """"Summary", "Poster", "Replay moment 12:34", "Replay clip 12:34–14:00", "Title card"."""
    if isinstance(item, TitleCardItem):
        return _("Title card")
    if isinstance(item, MomentItem):
        if item.end_s is None:
            return _("Replay moment {start}").format(start=format_timestamp(item.start_s))
        return _("Replay clip {start}–{end}").format(
            start=format_timestamp(item.start_s), end=format_timestamp(item.end_s))
    kind = item.saved_kind or item.resource_type.value
    if kind.startswith(f"{ResourceType.KIT.value}:"):
        name = _KIT_NAMES.get(kind.split(":", 1)[1])
        if name:
            return _(name)
    return _(_TYPE_NAMES.get(kind, _TYPE_NAMES.get(item.resource_type.value, N_("Kit"))))
