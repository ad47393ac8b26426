"""What the room sees, drawn off screen: images fitted with their aspect kept, SVG at the
screen's size, credits in a corner, cards and the black/white/visual screens."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from mediation_kit.core.model import KitKind
from mediation_kit.ui.presentation.deck import Screen
from mediation_kit.ui.presentation.items import ItemKind, item_for_record, title_card
from mediation_kit.ui.presentation.look import AudienceLook
from mediation_kit.ui.presentation.slides import SlideRenderer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "views"))
import view_samples  # noqa: E402

SIZE = QSize(1024, 768)


def content_box(image: QImage, background: QColor) -> tuple[int, int, int, int]:
    """The bounding box of what differs from the background, on a coarse grid."""
    xs, ys = [], []
    for x in range(0, image.width(), 4):
        for y in range(0, image.height(), 4):
            if image.pixelColor(x, y) != background:
                xs.append(x)
                ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def test_svg_poster_fills_the_screen_with_its_aspect_kept(qapp, tmp_path):
    svg = view_samples.write_svg(tmp_path)
    asset = view_samples.kit_image(svg)
    item = item_for_record(asset)
    assert item.kind is ItemKind.IMAGE
    look = AudienceLook()
    image = SlideRenderer(SIZE, look).render(item)
    assert image.size() == SIZE
    left, top, right, bottom = content_box(image.copy(0, 0, 1024, 700), look.background)
    width, height = right - left, bottom - top
    # The sample poster is 300x400 (3:4): drawn at the screen's size (more than twice its
    # own), as tall as the screen allows, not stretched.
    assert height > 600
    assert abs(width / height - 0.75) < 0.04


def test_credit_in_a_corner_of_images_and_texts(qapp, tmp_path):
    asset = view_samples.kit_image(view_samples.write_svg(tmp_path))
    look = AudienceLook()
    image = SlideRenderer(SIZE, look).render(item_for_record(asset))
    corner = image.copy(0, 730, 400, 38)
    assert any(corner.pixelColor(x, y) != look.background
               for x in range(0, 400, 2) for y in range(0, 38, 2))


def test_black_white_and_a_card_when_there_is_no_event_visual(qapp):
    renderer = SlideRenderer(SIZE, AudienceLook())
    assert renderer.render_screen(Screen.BLACK).pixelColor(512, 384) == QColor("black")
    assert renderer.render_screen(Screen.WHITE).pixelColor(512, 384) == QColor("white")
    # No pack known: the visual screen stays black rather than failing.
    assert renderer.render_screen(Screen.LOGO, "unknown").pixelColor(512, 384) == \
        QColor("black")


def test_title_card_and_not_on_this_pc_card_are_drawn(qapp):
    look = AudienceLook("light")
    renderer = SlideRenderer(SIZE, look)
    card = renderer.render(title_card("Question au groupe", ("Qui décide de nos outils ?",)))
    assert card.pixelColor(2, 2) == look.background
    left, top, right, bottom = content_box(card, look.background)
    assert top > 100 and bottom < 668  # centred, in large type
    replay = item_for_record(view_samples.replay(), 12.0, media_folder=None)
    assert replay.video_file is None
    missing = renderer.render(replay)
    assert content_box(missing, look.background)[3] > 300


def test_unreadable_image_gives_a_card_not_a_crash(qapp, tmp_path):
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a png")
    asset = view_samples.kit_image(broken, KitKind.VISUAL)
    image = SlideRenderer(SIZE, AudienceLook()).render(item_for_record(asset))
    assert image.size() == SIZE
