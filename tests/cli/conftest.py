"""Command-line tests: a resources folder with one pack, user folders in the test's tmp."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_pack import write_pack


@pytest.fixture
def cli_resources(tmp_path, monkeypatch):
    """A resources folder with one pack, the maintainers' public keys and no shipped index;
    user folders in tmp_path."""
    root = tmp_path / "resources"
    write_pack(root / "packs")
    shutil.copytree(Path(__file__).resolve().parents[2] / "resources" / "keys", root / "keys")
    monkeypatch.setenv("MEDIATION_KIT_RESOURCES", str(root))
    monkeypatch.setenv("MEDIATION_KIT_PORTABLE_DIR", str(tmp_path / "user"))
    return root


@pytest.fixture
def kit_env(cli_resources, tmp_path):
    """The environment of a `mediation-kit` run in a fresh process, in English."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("LC_", "LANG", "PYTHONIOENCODING", "PYTHONUTF8"))}
    env.update(HOME=str(tmp_path / "home"), LANG="en_US.UTF-8")
    return env


@pytest.fixture
def run_kit(kit_env):
    """Runs `python -m mediation_kit ARGS` in a fresh process; returns the finished process."""

    def run(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "mediation_kit", *args],
                              capture_output=True, env={**kit_env, **(env or {})}, timeout=120,
                              **kwargs)

    return run
