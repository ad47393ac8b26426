"""A kit of its own (bundled pack, maintainers' key, data folder) and archives to import,
made with the core's functions; the dialog's core calls go to this kit."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "core" / "packs" / "archives"))

from archive_samples import write_pack  # noqa: E402

from mediation_kit.core.packs.archive import build_archive  # noqa: E402
from mediation_kit.core.packs.importer import (  # noqa: E402
    PackContext, import_archive, inspect_archive)
from mediation_kit.core.packs.signing import generate_key_pair, load_trusted_keys  # noqa: E402
from mediation_kit.core.packs.store import PackStore  # noqa: E402



class UiKit:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.resources = root / "resources"
        self.data = root / "portable" / "data"
        (self.resources / "keys").mkdir(parents=True)
        generate_key_pair(root / "maintainers")
        (self.resources / "keys" / "maintainers.pub").write_bytes(
            (root / "maintainers.pub").read_bytes())
        write_pack(self.resources / "packs", "bundled-2024", "1.0.0",
                   {"bienvenue": ("Bienvenue", "Le kit livré.", ["kit"])}, day=1)

    def context(self) -> PackContext:
        return PackContext(self.resources / "packs", PackStore(self.data / "packs"),
                           self.resources / "index", self.root / "cache" / "index",
                           load_trusted_keys(self.resources / "keys", None), self.data / "plans")

    def archive(self, version: str, summaries: dict, *, signed: bool = True,
                name: str | None = None) -> Path:
        folder = write_pack(self.root / "src" / version, "fest-2025", version, summaries)
        out = self.root / (name or f"fest-{version}.mkpack")
        build_archive(folder, self.root / "maintainers" if signed else None, out)
        return out

    def dialog_calls(self) -> dict:
        context = self.context()
        return {"inspect": lambda path, cancel=None: inspect_archive(path, context,
                                                                     cancel=cancel),
                "do_import": partial(import_archive, context=context)}


@pytest.fixture
def ui_kit(tmp_path) -> UiKit:
    return UiKit(tmp_path)
