"""Workshop plans: the model, the `.mkplan` file, resolving items against the packs, where
plans are kept, and the run sheet and handout (see README.md in this folder)."""

from mediation_kit.core.plans.fileformat import (
    FORMAT_VERSION, SUFFIX, PlanFileError, load_plan, plan_from_text, plan_to_text, save_plan)
from mediation_kit.core.plans.model import (
    ItemTiming, MomentItem, PlanItem, PlanTiming, ResourceItem, TitleCardItem, WorkshopPlan,
    item_duration_s, new_item_id, plan_timing)
from mediation_kit.core.plans.resolve import (
    ItemStatus, ResolvedItem, fingerprint, item_for_record, moment_for_replay, refreshed,
    resolve_item, resolve_plan)
from mediation_kit.core.plans.storage import AutosavedPlan, PlanStorage

__all__ = [
    "FORMAT_VERSION", "SUFFIX", "PlanFileError", "load_plan", "plan_from_text", "plan_to_text",
    "save_plan", "ItemTiming", "MomentItem", "PlanItem", "PlanTiming", "ResourceItem",
    "TitleCardItem", "WorkshopPlan", "item_duration_s", "new_item_id", "plan_timing",
    "ItemStatus", "ResolvedItem", "fingerprint", "item_for_record", "moment_for_replay",
    "refreshed", "resolve_item", "resolve_plan", "AutosavedPlan", "PlanStorage",
]
