"""The example plan shipped with the kit: every kind of item, all found in the bundled packs."""

from mediation_kit.__main__ import main
from mediation_kit.core.model import ResourceType
from mediation_kit.core.packs.library import load_packs
from mediation_kit.core.paths import packs_dir, resources_dir
from mediation_kit.core.plans import (
    ItemStatus, MomentItem, ResourceItem, TitleCardItem, item_duration_s, load_plan, plan_to_text,
    resolve_plan)

EXAMPLE = resources_dir() / "plans" / "atelier-souverainete-numerique.mkplan"


def test_the_example_uses_every_kind_of_item():
    plan = load_plan(EXAMPLE)
    resources = {item.resource_type for item in plan.items if isinstance(item, ResourceItem)}
    assert resources == {ResourceType.SUMMARY, ResourceType.REPLAY, ResourceType.KIT}
    kit_kinds = {item.saved_kind for item in plan.items
                 if isinstance(item, ResourceItem) and item.resource_type is ResourceType.KIT}
    assert len(kit_kinds) >= 2
    moments = [item for item in plan.items if isinstance(item, MomentItem)]
    assert {m.is_clip for m in moments} == {True, False}
    assert sum(isinstance(item, TitleCardItem) for item in plan.items) >= 2
    assert all(item_duration_s(item) is not None for item in plan.items)
    assert "souveraineté numérique" in plan.title.lower()


def test_every_item_of_the_example_is_found_and_unchanged():
    plan = load_plan(EXAMPLE)
    resolved = resolve_plan(plan, load_packs(packs_dir()).library)
    assert [r.status for r in resolved] == [ItemStatus.OK] * len(plan.items), \
        [(r.title, r.reason) for r in resolved if r.is_broken]


def test_plan_check_accepts_the_example(capsys):
    assert main(["plan", "check", str(EXAMPLE)]) == 0
    assert "all found" in capsys.readouterr().out


def test_the_example_file_is_exactly_what_the_kit_would_write():
    # so that opening and saving it in the kit leaves no diff
    assert EXAMPLE.read_text(encoding="utf-8") == plan_to_text(load_plan(EXAMPLE))
