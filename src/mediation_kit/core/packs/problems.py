"""What is wrong in a pack, said so that the person who wrote it can fix it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mediation_kit.core.i18n import _


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a pack.

    `file` is relative to the folder holding the pack, in `/` form, so that it names the pack
    too: `nec-2025/summaries/ouverture.md`. `line` counts from 1 and is None when the problem
    is about the file as a whole. `message` is already translated.
    """

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return _("{file}: {message}").format(file=self.file, message=self.message)
        return _("{file}, line {line}: {message}").format(
            file=self.file, line=self.line, message=self.message)


@dataclass
class ProblemLog:
    """Collects the problems of one pack; files are given relative to the pack root."""

    root: Path
    problems: list[Problem] = field(default_factory=list)

    def name(self, path: Path | str) -> str:
        """`path` (absolute, or relative to the pack root) as a Problem names it."""
        path = Path(path)
        if path.is_absolute():
            try:
                path = path.relative_to(self.root)
            except ValueError:
                return path.as_posix()
        return (Path(self.root.name) / path).as_posix()

    def add(self, file: Path | str, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.name(file), line, message))

    def sorted(self) -> list[Problem]:
        """By file, then line (file-wide problems first), keeping the order found otherwise."""
        return sorted(self.problems, key=lambda p: (p.file, p.line or 0))
