"""A record's date falls within its event's dates, its themes are listed in pack.toml, and a
summary's day may be unknown."""

from __future__ import annotations

from mediation_kit.core.packs import load_pack
from pack_samples import KIT_TOML, PACK_TOML, REPLAYS_TOML, SUMMARY_FR


def edit(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def messages(result) -> list[str]:
    return [str(problem) for problem in result.problems]


def test_the_sample_pack_breaks_no_rule(make_pack):
    assert messages(load_pack(make_pack())) == []


def test_a_summary_without_a_date_is_known_only_by_its_event(make_pack):
    # Given a summary whose day is not known: no date, no time
    summary = edit(edit(SUMMARY_FR, "date = 2025-10-29\n", ""), "time = 09:30:00\n", "")
    # When the pack is loaded
    result = load_pack(make_pack({"summaries/ouverture.md": summary}))
    # Then it is valid, and the summary has no date of its own
    assert messages(result) == []
    loaded = next(s for s in result.pack.summaries if s.id == "ouverture")
    assert loaded.date is None
    # and it comes after the dated summaries
    assert result.pack.summaries[-1] is loaded


def test_a_theme_missing_from_the_pack_list_is_refused_with_file_line_and_hint(make_pack):
    summary = edit(SUMMARY_FR, 'themes = ["espoir"]', 'themes = ["espoirs"]')
    result = load_pack(make_pack({"summaries/ouverture.md": summary}))
    assert messages(result) == [
        'demo-2025/summaries/ouverture.md, line 12: theme "espoirs" is not in the themes '
        'listed in pack.toml: add it there, or use a listed theme (did you mean "espoir"?)']


def test_a_replay_theme_is_checked_too(make_pack):
    replays = edit(REPLAYS_TOML, 'video = "demo-ouverture.mp4"',
                   'video = "demo-ouverture.mp4"\nthemes = ["jardinage"]')
    problems = messages(load_pack(make_pack({"replays.toml": replays})))
    assert len(problems) == 1
    assert problems[0].startswith("demo-2025/replays.toml, line 11: theme \"jardinage\" in "
                                  "[[replay]] \"ouverture\" is not in the themes")


def test_a_pack_without_a_theme_list_refuses_every_theme(make_pack):
    pack_toml = edit(PACK_TOML, 'themes = ["communs numériques", "espoir"]\n', "")
    problems = messages(load_pack(make_pack({"pack.toml": pack_toml})))
    assert problems == [
        'demo-2025/summaries/ouverture.md, line 12: theme "espoir" is not in the themes '
        'listed in pack.toml: add it there, or use a listed theme']


def test_a_date_outside_the_event_is_refused_for_each_kind_of_record(make_pack):
    summary = edit(SUMMARY_FR, "date = 2025-10-29", "date = 2025-11-02")
    replays = edit(REPLAYS_TOML, "date = 2025-10-30", "date = 2025-10-28")
    kit = edit(KIT_TOML, "date = 2025-10-29", "date = 2026-10-29")
    problems = messages(load_pack(make_pack({"summaries/ouverture.md": summary,
                                             "replays.toml": replays, "kit/kit.toml": kit})))
    assert problems == [
        'demo-2025/kit/kit.toml, line 11: date 2026-10-29 in [[asset]] "affiche" is outside '
        "the event's dates (2025-10-29 to 2025-10-30 in pack.toml)",
        'demo-2025/replays.toml, line 23: date 2025-10-28 in [[replay]] "atelier" is outside '
        "the event's dates (2025-10-29 to 2025-10-30 in pack.toml)",
        "demo-2025/summaries/ouverture.md, line 5: date 2025-11-02 is outside the event's "
        "dates (2025-10-29 to 2025-10-30 in pack.toml)",
    ]


def test_the_first_and_last_days_of_the_event_are_inside(make_pack):
    summary = edit(SUMMARY_FR, "date = 2025-10-29", "date = 2025-10-30")
    assert messages(load_pack(make_pack({"summaries/ouverture.md": summary}))) == []
