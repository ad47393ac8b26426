"""A kit of its own for each test: bundled packs and maintainers' key in a resources folder,
user folders in a portable data folder, and the CLI run in-process against them."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from archive_samples import write_pack  # noqa: E402

from mediation_kit.__main__ import main  # noqa: E402
from mediation_kit.core.packs.importer import PackContext  # noqa: E402
from mediation_kit.core.packs.signing import generate_key_pair, load_trusted_keys  # noqa: E402
from mediation_kit.core.packs.store import PackStore  # noqa: E402



@dataclass
class Kit:
    root: Path
    resources: Path
    portable: Path
    maintainers_key: Path
    it_key: Path  # trusted, added by an IT team in the user config folder
    stranger_key: Path  # not trusted anywhere

    @property
    def data(self) -> Path:
        return self.portable / "data"

    def context(self) -> PackContext:
        keys = load_trusted_keys(self.resources / "keys", self.portable / "config" / "keys")
        return PackContext(self.resources / "packs", PackStore(self.data / "packs"),
                           self.resources / "index", self.portable / "cache" / "index", keys,
                           self.data / "plans")

    def run(self, *args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main([str(a) for a in args])
        return code, out.getvalue(), err.getvalue()

    def build(self, folder: Path, key: Path | None, name: str | None = None) -> Path:
        out = self.root / (name or f"{folder.name}.mkpack")
        args = ["pack", "build", folder, "-o", out]
        args += ["--key", key] if key is not None else ["--unsigned"]
        code, _out, err = self.run(*args)
        assert code == 0, err
        return out


@pytest.fixture
def kit(tmp_path, monkeypatch) -> Kit:
    resources, portable = tmp_path / "resources", tmp_path / "portable"
    (resources / "keys").mkdir(parents=True)
    (portable / "config" / "keys").mkdir(parents=True)
    keys = tmp_path / "keys"
    keys.mkdir()
    generate_key_pair(keys / "maintainers")
    (resources / "keys" / "maintainers.pub").write_bytes((keys / "maintainers.pub").read_bytes())
    generate_key_pair(keys / "it-team")
    (portable / "config" / "keys" / "it-team.pub").write_bytes(
        (keys / "it-team.pub").read_bytes())
    generate_key_pair(keys / "stranger")
    write_pack(resources / "packs", "bundled-2024", "1.0.0",
               {"bienvenue": ("Bienvenue", "Le kit livré parle de médiathèques.", ["kit"])},
               name="Rencontre livrée", day=1)
    monkeypatch.setenv("MEDIATION_KIT_RESOURCES", str(resources))
    monkeypatch.setenv("MEDIATION_KIT_PORTABLE_DIR", str(portable))
    return Kit(tmp_path, resources, portable, keys / "maintainers", keys / "it-team",
               keys / "stranger")
