"""Render the SVG files of the communication kits to PNG, for places that cannot show SVG.

Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_kit.py [WIDTH] SVG...

Each `<name>.svg` is written next to itself as `<name>.png`, WIDTH pixels wide (800 by
default), height kept in proportion. The PNG is written to a temporary file then renamed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402


def render(svg: Path, width: int) -> Path:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG file")
    box = renderer.viewBoxF()
    height = round(width * box.height() / box.width())
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    target = svg.with_suffix(".png")
    partial = target.with_name(target.name + ".part")
    if not image.save(str(partial), "PNG"):
        raise OSError(f"{target}: could not write the PNG file")
    partial.replace(target)
    return target


def main(argv: list[str]) -> int:
    width = 800
    if argv and argv[0].isdigit():
        width, argv = int(argv[0]), argv[1:]
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (fonts need an app)
    status = 0
    for name in argv:
        try:
            target = render(Path(name), width)
        except (ValueError, OSError) as error:
            print(error, file=sys.stderr)
            status = 1
        else:
            print(f"{target} ({target.stat().st_size // 1024} KiB)")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
