"""A first look at everything in a pack folder, before any file is read.

It finds what would make the pack unusable as a whole (a folder that cannot be read, more
files or bytes than a pack may hold, folders nested without end) and the names that Windows
cannot hold. Links are not followed here: what a link leads to is judged when it is read.
Hidden entries (`.git`, `.DS_Store`) are not content and are left alone.
"""

from __future__ import annotations

import itertools
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from mediation_kit.core.i18n import _, format_number
from mediation_kit.core.packs.files import reason, size_text
from mediation_kit.core.packs import limits
from mediation_kit.core.packs.portable_names import name_problem
from mediation_kit.core.packs.problems import ProblemLog


@dataclass
class Survey:
    usable: bool = True  # False: the pack is left out, the problem is in the log
    files: int = 0
    bytes: int = 0


def survey_pack(root: Path, log: ProblemLog) -> Survey:
    survey = Survey()
    problem = name_problem(root.name)  # the pack's id: "nul" is a valid id, not a folder
    if problem is not None:
        log.add("", None, problem)
    try:
        _walk(root, root, log, survey, depth=0)
    except _TooMuch:
        survey.usable = False
    return survey


class _TooMuch(Exception):
    pass


def _walk(root: Path, folder: Path, log: ProblemLog, survey: Survey, depth: int) -> None:
    try:
        with os.scandir(folder) as listing:
            # Never more than the limit in memory: a folder of millions of files is refused.
            entries = sorted(itertools.islice(listing, limits.MAX_PACK_FILES + 1),
                             key=lambda e: e.name)
    except OSError as error:
        if folder == root:
            log.add("", None, _("the pack folder cannot be read ({reason}): the pack is left "
                                "out").format(reason=reason(error)))
            survey.usable = False
            raise _TooMuch from error
        return  # whoever reads a file in it names the problem (summaries/, kit/...)
    folded: dict[str, str] = {}
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        problem = name_problem(entry.name)
        if problem is not None:
            log.add(path, None, problem)
        twin = folded.setdefault(entry.name.casefold(), entry.name)
        if twin != entry.name:
            log.add(path, None, _('only the case of its letters tells it from "{other}": '
                                  'Windows and macOS see one file').format(other=twin))
        try:
            mode = entry.stat(follow_symlinks=False)
        except OSError:
            continue  # reported when something reads it
        survey.files += 1
        if survey.files > limits.MAX_PACK_FILES:
            log.add("", None, _("the pack holds more than {count} files: it is left out")
                    .format(count=format_number(limits.MAX_PACK_FILES)))
            raise _TooMuch
        if stat.S_ISREG(mode.st_mode):
            survey.bytes += mode.st_size
            if survey.bytes > limits.MAX_PACK_BYTES:
                log.add("", None, _("the pack holds more than {limit}: it is left out")
                        .format(limit=size_text(limits.MAX_PACK_BYTES)))
                raise _TooMuch
        elif stat.S_ISDIR(mode.st_mode):
            if depth + 1 >= limits.MAX_PACK_DEPTH:
                log.add(path, None, _("folders are nested more than {count} deep: the "
                                      "folders below are not checked").format(
                    count=limits.MAX_PACK_DEPTH))
                continue
            _walk(root, path, log, survey, depth + 1)
