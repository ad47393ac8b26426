"""Shared set-up for the translation tests: one fresh extraction of the sources per session."""

from pathlib import Path

import pytest

from mediation_kit.core import i18n_tools


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return i18n_tools.repo_root()


@pytest.fixture(scope="session")
def fresh_template(repo_root, tmp_path_factory):
    """The template as the sources are now (extracted with the documented command's arguments)."""
    return i18n_tools.extract(repo_root, tmp_path_factory.mktemp("pot") / "mediation_kit.pot")
