"""The resource views: a session summary, a replay with its video and transcript, and a
communication-kit file. Each has `show_record(record, highlight_terms, at_time)`,
`retranslate()` and the signal `open_key_requested(key)`; `ResourceViewStack` picks one."""

from mediation_kit.ui.views.kit_asset_view import KitAssetView
from mediation_kit.ui.views.replay_view import ReplayView
from mediation_kit.ui.views.stack import ResourceViewStack
from mediation_kit.ui.views.summary_view import SummaryView

__all__ = ["KitAssetView", "ReplayView", "ResourceViewStack", "SummaryView"]
