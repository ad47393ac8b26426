"""Facet values in words, in the interface language: `summary` -> "Summary" ("Résumé"),
`fr` -> "French" ("Français"). Result types and languages are stored as codes; the other
facets already carry a label for people (an event's name rather than its pack id)."""

from __future__ import annotations

from mediation_kit.core.i18n import N_, _, language_name

TYPE_LABELS = {
    "summary": N_("Summary"),
    "replay": N_("Replay"),
    "cue": N_("Transcript"),
    "kit": N_("Kit asset"),
}


def type_label(kind: str) -> str:
    """A result type (`model.ResourceType` value) as shown; an unknown code as it is."""
    label = TYPE_LABELS.get(kind)
    return _(label) if label else kind


def facet_value_label(facet: str, value: str, label: str = "") -> str:
    """How a facet value reads for a person, in the interface language."""
    if facet == "type":
        return type_label(value)
    if facet == "lang":
        return language_name(value)
    return label or value
