"""Reading PDFs back with poppler-utils."""

from __future__ import annotations

import shutil
import subprocess

import pytest


def poppler(tool: str, *args: str) -> str:
    """Runs a poppler-utils tool (Debian: apt-get install poppler-utils) and returns stdout."""
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is needed to read the PDFs back: install poppler-utils")
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout
