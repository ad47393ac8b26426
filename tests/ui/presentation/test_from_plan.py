"""A plan becomes one presentation item per plan item, in order, nothing dropped."""

from __future__ import annotations

from pathlib import Path

from mediation_kit.core.packs import Library
from mediation_kit.core.paths import packs_dir, resources_dir
from mediation_kit.core.plans import MomentItem, ResourceItem, WorkshopPlan, load_plan
from mediation_kit.core.model import ResourceType
from mediation_kit.ui.presentation.command_line import plan_to_present
from mediation_kit.ui.presentation.from_plan import items_for_plan
from mediation_kit.ui.presentation.items import ItemKind

EXAMPLE = resources_dir() / "plans" / "atelier-souverainete-numerique.mkplan"


def test_the_example_plan_gives_every_kind_in_plan_order():
    library = Library.load(packs_dir())[0]
    plan = load_plan(EXAMPLE)
    items = items_for_plan(plan, library, media_folder=None)
    assert len(items) == len(plan.items)
    kinds = {item.kind for item in items}
    assert {ItemKind.SUMMARY, ItemKind.IMAGE, ItemKind.TEXT, ItemKind.REPLAY,
            ItemKind.TITLE_CARD} <= kinds
    for plan_item, item in zip(plan.items, items, strict=True):
        assert item.note == plan_item.note  # the leader's notes follow their items
        if isinstance(plan_item, MomentItem):
            assert (item.start_s, item.end_s) == (plan_item.start_s, plan_item.end_s)
            assert item.video_file is None  # no media folder: the room gets the clear card


def test_a_missing_resource_stays_in_place_as_a_card():
    plan = WorkshopPlan(title="t", items=[
        ResourceItem(pack_id="gone-2030", resource_type=ResourceType.SUMMARY,
                     resource_id="nothing", saved_title="Un résumé disparu", note="n")])
    items = items_for_plan(plan, Library(), media_folder=None)
    assert [(i.kind, i.title, i.note) for i in items] == [
        (ItemKind.MISSING, "Un résumé disparu", "n")]


def test_present_option_is_read_from_the_command_line():
    assert plan_to_present(["--present", "a.mkplan"]) == Path("a.mkplan")
    assert plan_to_present(["--present=b.mkplan"]) == Path("b.mkplan")
    assert plan_to_present(["a.mkplan"]) is None
