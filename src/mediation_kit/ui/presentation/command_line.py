"""`mediation-kit --present FILE.mkplan [--rehearse]`: the kit opens and presents the plan
once the packs are loaded (rehearsing: both windows side by side, nothing full screen). A plan that cannot be read is named with its problem in the status bar and the
log; the kit stays open."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mediation_kit.core.i18n import _

log = logging.getLogger(__name__)
OPTION = "--present"
REHEARSE = "--rehearse"  # with --present: both windows side by side, nothing full screen


def plan_to_present(argv: list[str]) -> Path | None:
    """The file after `--present` (or `--present=FILE`), None without the option."""
    for position, argument in enumerate(argv):
        if argument == OPTION and position + 1 < len(argv):
            return Path(argv[position + 1])
        if argument.startswith(OPTION + "="):
            return Path(argument.split("=", 1)[1])
    return None


def wants_rehearsal(argv: list[str]) -> bool:
    return REHEARSE in argv


def present_plan_file(window: Any, path: Path, rehearsal: bool = False) -> Any | None:
    """Loads the plan and presents it from its first item (window: the main window)."""
    from mediation_kit.core.plans import PlanFileError, load_plan
    from mediation_kit.ui.presentation import present_plan

    try:
        plan = load_plan(path)
    except PlanFileError as error:
        log.error("%s", error)
        window.statusBar().showMessage(str(error))
        return None
    if not plan.items:
        window.statusBar().showMessage(_("{file}: this plan has no item to present.").format(
            file=path))
        return None
    library = window.content.library if window.content is not None else None
    window.presentation = present_plan(plan, window.settings, library, rehearsal=rehearsal,
                                       parent=window)
    return window.presentation
