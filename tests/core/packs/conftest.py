"""A minimal valid pack written into tmp_path; each test breaks one thing in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pack_samples import VALID_FILES


@pytest.fixture
def make_pack(tmp_path):
    """make_pack({"replays.toml": "…"}) writes the valid pack with these files replaced
    (None removes a file) and returns its folder."""

    def make(changes: dict[str, str | None] | None = None, pack_id: str = "demo-2025",
             parent: Path | None = None) -> Path:
        root = (parent or tmp_path) / pack_id
        files = {**VALID_FILES, **(changes or {})}
        for name, text in files.items():
            if text is None:
                continue
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return make
