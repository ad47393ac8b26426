"""The shipped kit images say, on the image and in their title, who made them and that they are
not the organisers' documents; their PNG renderings are up to date with the SVG files."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from mediation_kit.core.model import KitKind
from mediation_kit.core.packs import Library
from mediation_kit.core.paths import packs_dir

IMAGE_KINDS = {KitKind.POSTER, KitKind.VISUAL, KitKind.SOCIAL_TEMPLATE}
SVG = "{http://www.w3.org/2000/svg}"


def shipped_images():
    library, problems = Library.load(packs_dir())
    assert problems == []
    return [asset for pack in library.packs for asset in pack.kit if asset.kind in IMAGE_KINDS]


IMAGES = shipped_images()
SVG_FILES = sorted({asset.file for asset in IMAGES if asset.file.suffix == ".svg"})


def text_on_image(svg: Path) -> str:
    """The words drawn on the image (its <text> elements), not its metadata."""
    root = ET.parse(svg).getroot()
    return " ".join("".join(node.itertext()) for node in root.iter(f"{SVG}text"))


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG file"
    return struct.unpack(">II", header[16:24])


def svg_size(path: Path) -> tuple[float, float]:
    view_box = ET.parse(path).getroot().get("viewBox")
    _, _, width, height = (float(x) for x in view_box.split())
    return width, height


def test_there_are_kit_images_to_check():
    assert len(SVG_FILES) >= 7


@pytest.mark.parametrize("svg", SVG_FILES, ids=lambda p: p.name)
def test_each_image_says_on_itself_who_made_it_and_that_it_is_not_official(svg):
    drawn = text_on_image(svg)
    assert "DOCUMENT NON OFFICIEL" in drawn
    assert "contributeurs de Mediation Kit" in drawn
    assert "ni produit ni validé par les organisateurs" in drawn


@pytest.mark.parametrize("asset", IMAGES, ids=lambda a: a.id)
def test_each_image_title_says_it_is_not_official(asset):
    assert re.search(r"non officiel(le)?, par les contributeurs du kit", asset.title), asset.title


@pytest.mark.parametrize("svg", SVG_FILES, ids=lambda p: p.name)
def test_each_png_rendering_has_the_proportions_of_its_svg(svg):
    # tools/render_kit.py writes <name>.png beside <name>.svg; re-run it after changing an SVG
    png = svg.with_suffix(".png")
    assert png.is_file(), f"{png.name} missing: run tools/render_kit.py"
    width, height = png_size(png)
    svg_width, svg_height = svg_size(svg)
    assert abs(height - width * svg_height / svg_width) <= 1, \
        f"{png.name} is {width}×{height}, the SVG is {svg_width:g}×{svg_height:g}: re-render it"


@pytest.mark.parametrize("svg", SVG_FILES, ids=lambda p: p.name)
def test_no_image_draws_a_ring_of_twelve_like_dots(svg):
    """Twelve gold stars or dots in a ring read as the European Union's flag."""
    circles = Counter((c.get("r"), c.get("fill")) for c in ET.parse(svg).getroot().iter(
        f"{SVG}circle"))
    assert max(circles.values(), default=0) < 12


def test_no_caption_gives_a_paper_size_that_means_nothing():
    assert [asset.id for asset in IMAGES if "format A " in asset.caption
            or asset.caption.rstrip().endswith("format A")] == []
