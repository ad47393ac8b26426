"""Timing: each item's cumulative start and the plan's total."""

from mediation_kit.core.plans import MomentItem, TitleCardItem, WorkshopPlan, plan_timing
from mediation_kit.core.model import ResourceType


def _clip(start, end=None, planned=None):
    return MomentItem(pack_id="p", resource_type=ResourceType.REPLAY, resource_id="r",
                      start_s=start, end_s=end, planned_duration_s=planned)


def test_cumulative_starts_add_planned_durations_and_clip_lengths():
    # Given a card of 5 min, a clip of 2 min without planned duration, a moment without one,
    # and a clip whose planned duration (3 min) overrides its length
    plan = WorkshopPlan(items=[TitleCardItem(heading="A", planned_duration_s=300),
                               _clip(60, 180), _clip(10), _clip(0, 30, planned=180)])
    # When the timing is computed
    timing = plan_timing(plan)
    # Then each start is the sum of the known durations before it
    assert [t.start_s for t in timing.items] == [0, 300, 420, 420]
    assert [t.duration_s for t in timing.items] == [300, 120, None, 180]
    assert timing.total_s == 600
    assert timing.unknown_count == 1


def test_every_item_gets_its_own_id_and_can_be_found_by_it():
    plan = WorkshopPlan(items=[TitleCardItem(heading="A"), TitleCardItem(heading="A")])
    first, second = plan.items
    assert first.id != second.id
    assert plan.index_of(second.id) == 1
