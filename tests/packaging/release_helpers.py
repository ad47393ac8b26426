"""Helpers shared by the packaging tests: an isolated environment, a folder listing."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment whose every user folder points into `home`, with no display."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "MEDIATION_KIT_PORTABLE_DIR",
                        "MEDIATION_KIT_RESOURCES")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"),
               XDG_CACHE_HOME=str(home / ".cache"), XDG_STATE_HOME=str(home / ".local" / "state"),
               XDG_RUNTIME_DIR=str(home / "run"), QT_QPA_PLATFORM="offscreen")
    env.update(extra)
    return env


def everything_below(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def no_network_prefix() -> list[str]:
    """The command prefix that cuts the network here (`unshare -n` as root, `unshare -rn`
    with user namespaces), or [] when neither works."""
    if not shutil.which("unshare"):
        return []
    for prefix in (["unshare", "-n"], ["unshare", "-rn"]):
        if subprocess.run([*prefix, "true"], capture_output=True).returncode == 0:
            return prefix
    return []
