"""Removable drives that appear with pack archives on them (a USB stick plugged in).

Qt gives no signal when a volume is mounted: `DriveWatcher` compares QStorageInfo's mounted
volumes every few seconds with those present at start, and looks for `.mkpack` files at the
root of a new one (and in its first-level folders). A file still being copied is not a
problem: the import checks every byte against the signed manifest (kiwix-desktop #1150).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStorageInfo, QTimer, Signal

from mediation_kit.core.packs.manifest import SUFFIX

POLL_MS = 3000


def mounted_roots() -> set[str]:
    return {volume.rootPath() for volume in QStorageInfo.mountedVolumes()
            if volume.isValid() and volume.isReady()}


def archives_on(root: Path, limit: int = 50) -> list[Path]:
    """The pack archives at the root of a drive and one folder down, by name."""
    found: list[Path] = []
    try:
        entries = sorted(Path(root).iterdir())
    except OSError:
        return found
    for entry in entries:
        try:
            if entry.is_file() and entry.name.lower().endswith(SUFFIX):
                found.append(entry)
            elif entry.is_dir() and not entry.name.startswith("."):
                found += sorted(p for p in entry.iterdir()
                                if p.is_file() and p.name.lower().endswith(SUFFIX))
        except OSError:
            continue
        if len(found) >= limit:
            break
    return found[:limit]


class DriveWatcher(QObject):
    archives_found = Signal(str, object)  # a new drive's root, and its list of .mkpack Paths

    def __init__(self, parent: QObject | None = None, *,
                 roots: Callable[[], set[str]] = mounted_roots, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self._roots = roots
        self._known = roots()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check_now)

    def start(self) -> None:
        self.timer.start()

    def check_now(self) -> None:
        current = self._roots()
        for root in sorted(current - self._known):
            archives = archives_on(Path(root))
            if archives:
                self.archives_found.emit(root, archives)
        self._known = current
