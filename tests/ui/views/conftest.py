"""Fixtures for the resource-view tests: sample records, a media folder, patched system calls."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtGui import QDesktopServices

import view_samples as samples


@pytest.fixture
def opened_urls(monkeypatch):
    """Every URL handed to the system (browser, viewer) instead of really opening it."""
    opened = []

    def fake_open(url):
        opened.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake_open))
    return opened


@pytest.fixture
def media_folder(tmp_path):
    """A media folder holding the tiny test video, its name in another case."""
    folder = tmp_path / "media"
    folder.mkdir()
    shutil.copy(samples.TINY_VIDEO, folder / "Tiny-Talk.MP4")
    return folder


@pytest.fixture
def library(tmp_path):
    """French and English summaries, a replay and a poster of one session."""
    kit = tmp_path / "kit"
    records = [samples.summary_fr(tmp_path), samples.summary_en(tmp_path), samples.replay(),
               samples.kit_image(samples.write_svg(kit))]
    return samples.FakeLibrary(records, {samples.PACK_ID: samples.make_pack(tmp_path)})
