"""The workshop plan in the window: a panel beside the results, its actions and files.

`PlanController` is the one entry point the main window uses; the rest of this package is
its parts (model, view, panel, undo commands, dialogs, printing).
"""

from mediation_kit.ui.plans.controller import PlanController

__all__ = ["PlanController"]
