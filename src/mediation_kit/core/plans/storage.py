"""Where plans live on this PC: the plans folder, "Open recent", and the autosave file.

Plans may be opened and saved anywhere (a USB stick); the user data folder (portable mode
respected, see core/paths.py) holds the default plans folder, the recent-files list and the
autosave that brings unsaved work back after a crash. Everything here is written atomically
and read forgivingly: a damaged recent list or autosave costs only itself.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from mediation_kit.core.atomic_files import write_atomically
from mediation_kit.core.paths import UserDirs, user_dirs
from mediation_kit.core.plans.fileformat import SUFFIX, PlanFileError, plan_from_text, plan_to_dict
from mediation_kit.core.plans.model import WorkshopPlan

log = logging.getLogger(__name__)

RECENT_FILE = "recent.json"
AUTOSAVE_PLAN = "autosave" + SUFFIX
# Inside the autosave file, beside the plan's own fields (which a plan reader ignores): the
# file the work came from and when it was saved. One file, so one atomic write.
AUTOSAVE_KEY = "autosave"
RECENT_LIMIT = 10


@dataclass(frozen=True)
class AutosavedPlan:
    """Unsaved work found at start-up: the plan, the file it was opened from (None for a new
    plan) and when it was autosaved."""

    plan: WorkshopPlan
    source: Path | None
    saved_at: datetime | None


class PlanStorage:
    """The plans folder of one user. Tests pass their own folder."""

    def __init__(self, folder: Path | None = None, dirs: UserDirs | None = None) -> None:
        self.folder = Path(folder) if folder is not None else (dirs or user_dirs()).plans

    # --- the default folder ----------------------------------------------------------

    def plans_folder(self) -> Path:
        """The default folder for the Open and Save dialogs, created if needed."""
        self.folder.mkdir(parents=True, exist_ok=True)
        return self.folder

    def suggested_path(self, title: str) -> Path:
        """A file name for a new plan from its title, in the plans folder, not yet taken."""
        stem = "".join(ch if ch.isalnum() or ch in "-_ " else " " for ch in title).strip()
        stem = "-".join(stem.split())[:60] or "plan"
        folder = self.plans_folder()
        candidate = folder / f"{stem}{SUFFIX}"
        number = 2
        while candidate.exists():
            candidate = folder / f"{stem}-{number}{SUFFIX}"
            number += 1
        return candidate

    # --- Open recent -----------------------------------------------------------------

    def recent_files(self, existing_only: bool = False) -> list[Path]:
        """Most recent first. With existing_only, files that are gone (a USB stick pulled
        out) are left out of the answer but kept in the list: the stick may come back."""
        try:
            data = json.loads((self.folder / RECENT_FILE).read_text(encoding="utf-8"))
            paths = [Path(p) for p in data.get("recent", []) if isinstance(p, str)]
        except (OSError, ValueError, AttributeError) as error:
            if not isinstance(error, FileNotFoundError):
                log.warning("Ignoring the recent plans list %s: %s",
                            self.folder / RECENT_FILE, error)
            paths = []
        if existing_only:
            paths = [p for p in paths if p.is_file()]
        return paths[:RECENT_LIMIT]

    def add_recent(self, path: Path) -> list[Path]:
        path = Path(path).absolute()
        paths = [path] + [p for p in self.recent_files() if p != path]
        self._write_recent(paths[:RECENT_LIMIT])
        return paths[:RECENT_LIMIT]

    def remove_recent(self, path: Path) -> list[Path]:
        path = Path(path).absolute()
        paths = [p for p in self.recent_files() if p != path]
        self._write_recent(paths)
        return paths

    def clear_recent(self) -> None:
        self._write_recent([])

    def _write_recent(self, paths: list[Path]) -> None:
        text = json.dumps({"recent": [str(p) for p in paths]}, ensure_ascii=False, indent=2)
        write_atomically(self.plans_folder() / RECENT_FILE, (text + "\n").encode("utf-8"))

    # --- autosave --------------------------------------------------------------------

    @property
    def autosave_path(self) -> Path:
        return self.folder / AUTOSAVE_PLAN

    def write_autosave(self, plan: WorkshopPlan, source: Path | None) -> None:
        """Keeps a copy of unsaved work; call it on a timer while the plan has changes."""
        data = plan_to_dict(plan)
        data[AUTOSAVE_KEY] = {
            "source": str(Path(source).absolute()) if source else None,
            "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        write_atomically(self.plans_folder() / AUTOSAVE_PLAN, text.encode("utf-8"))

    def pending_autosave(self) -> AutosavedPlan | None:
        """Unsaved work left by a crash, to offer back; None when there is none or it is
        unreadable (then it is logged and left in place for a person to look at)."""
        path = self.autosave_path
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as error:
            log.warning("Ignoring the autosaved plan %s: %s", path, error)
            return None
        try:
            plan = plan_from_text(text, path)
        except PlanFileError as error:
            log.warning("Ignoring the autosaved plan: %s", error)
            return None
        source: Path | None = None
        saved_at: datetime | None = None
        try:
            info = json.loads(text).get(AUTOSAVE_KEY) or {}
            source = Path(info["source"]) if info.get("source") else None
            saved_at = datetime.fromisoformat(info["saved_at"]) if info.get("saved_at") else None
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            log.warning("Autosave information unreadable in %s: %s", path, error)
        return AutosavedPlan(plan, source, saved_at)

    def discard_autosave(self) -> None:
        """After a save, a clean close, or when the leader declines the recovered plan."""
        try:
            self.autosave_path.unlink()
        except FileNotFoundError:
            pass
