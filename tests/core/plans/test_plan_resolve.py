"""A plan outlives its packs: missing and changed items are flagged, kept, and come back."""

from plan_samples import write_pack

from mediation_kit.core.packs.library import load_packs
from mediation_kit.core.plans import (
    ItemStatus, load_plan, refreshed, resolve_plan, save_plan)


def _library(packs_dir):
    return load_packs(packs_dir).library


def test_every_item_of_a_fresh_plan_resolves(demo_plan, library):
    resolved = resolve_plan(demo_plan, library)
    assert [r.status for r in resolved] == [ItemStatus.OK] * 5
    assert resolved[1].record.title == "Les communs"
    assert resolved[0].record is None and resolved[0].title == "Bienvenue"


def test_an_item_whose_resource_disappears_is_flagged_kept_and_comes_back(
        tmp_path, packs_dir, demo_plan):
    # Given a plan saved with an item citing the summary "communs" of version 1.0.0
    path = tmp_path / "atelier.mkplan"
    save_plan(demo_plan, path)
    # When version 2.0.0 of the pack no longer has that summary
    write_pack(packs_dir, "2.0.0", with_communs=False)
    plan = load_plan(path)
    resolved = resolve_plan(plan, _library(packs_dir))
    # Then the item is still in the plan, flagged missing, with its saved title
    assert len(resolved) == 5
    assert resolved[1].status is ItemStatus.MISSING
    assert resolved[1].title == "Les communs"
    assert "no longer in the pack" in resolved[1].reason
    assert [r.status for i, r in enumerate(resolved) if i != 1] == [ItemStatus.OK] * 4
    # ...and saving the plan again keeps it
    save_plan(plan, path)
    assert load_plan(path).items[1] == demo_plan.items[1]
    # When version 2.1.0 brings the summary back unchanged
    write_pack(packs_dir, "2.1.0")
    resolved = resolve_plan(load_plan(path), _library(packs_dir))
    # Then the same item works again
    assert resolved[1].status is ItemStatus.OK
    assert resolved[1].record.title == "Les communs"


def test_a_missing_pack_flags_its_items(tmp_path, demo_plan):
    resolved = resolve_plan(demo_plan, _library(tmp_path))  # no pack installed at all
    assert [r.status for r in resolved] == [ItemStatus.OK] + [ItemStatus.MISSING] * 4
    assert 'the pack "demo-2025" is not installed' in resolved[1].reason
    assert resolved[4].title == "Affiche"


def test_changed_means_a_new_pack_version_and_new_content(packs_dir, demo_plan):
    # Given a new version where only the summary "communs" was rewritten
    write_pack(packs_dir, "1.1.0", communs_body="Un texte entièrement réécrit.")
    resolved = resolve_plan(demo_plan, _library(packs_dir))
    # Then only that item is flagged changed, and it still opens the current text
    assert [r.status for r in resolved] == [ItemStatus.OK, ItemStatus.CHANGED] + [ItemStatus.OK] * 3
    assert "1.0.0" in resolved[1].reason and "1.1.0" in resolved[1].reason
    assert resolved[1].record is not None
    # When the leader accepts the change, the item is re-based and no longer flagged
    accepted = refreshed(demo_plan.items[1], _library(packs_dir))
    assert accepted.pack_version == "1.1.0" and accepted.note == demo_plan.items[1].note
    assert resolve_plan(type(demo_plan)(items=[accepted]), _library(packs_dir))[0].status \
        is ItemStatus.OK


def test_same_content_under_a_new_version_is_not_changed(packs_dir, demo_plan):
    write_pack(packs_dir, "1.0.1")
    assert {r.status for r in resolve_plan(demo_plan, _library(packs_dir))} == {ItemStatus.OK}


def test_a_moment_beyond_the_end_of_the_replay_is_flagged(demo_plan, library):
    from dataclasses import replace

    late = replace(demo_plan.items[2], start_s=2 * 3600)
    assert resolve_plan(type(demo_plan)(items=[late]), library)[0].status is ItemStatus.CHANGED
