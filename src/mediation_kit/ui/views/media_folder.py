"""Finding a replay's video in the user's media folder, by file name, whatever its case."""

from __future__ import annotations

import os
from pathlib import Path

# How deep below the media folder to look: a mediator may sort files by event or year.
MAX_DEPTH = 2


def find_video(folder: Path | None, file_name: str | None) -> Path | None:
    """The file called `file_name` (case-insensitive) in `folder` or a folder below it.

    Files directly in `folder` win over files further down; unreadable folders are skipped.
    """
    if folder is None or not file_name:
        return None
    wanted = Path(file_name).name.casefold()
    level = [folder]
    for _depth in range(MAX_DEPTH + 1):
        below: list[Path] = []
        for current in level:
            try:
                entries = sorted(os.scandir(current), key=lambda e: e.name)
            except OSError:
                continue
            for entry in entries:
                try:
                    if entry.is_file() and entry.name.casefold() == wanted:
                        return Path(entry.path)
                    if entry.is_dir() and not entry.name.startswith("."):
                        below.append(Path(entry.path))
                except OSError:
                    continue
        level = below
    return None
