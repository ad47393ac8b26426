"""Renders the application icon (icons/mediation-kit.svg) at every size the platforms want.

    python installer/icons.py

writes icons/mediation-kit-<size>.png (16 to 512: the hicolor theme, the .deb, the window
icon) and icons/mediation-kit.ico (Windows: the executable and the installer). The results
are committed, so a release does not depend on how this machine's Qt renders SVG; run it
again after changing the SVG. On macOS, build.py turns the PNGs into an .icns with iconutil.
Pillow is not a dependency: Qt renders, and the .ico is written here (PNG entries, which
Windows reads since Vista).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent / "icons"
SVG = ICONS / "mediation-kit.svg"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# macOS iconset names: (file name, pixel size)
ICNS_ENTRIES = (("icon_16x16.png", 16), ("icon_16x16@2x.png", 32), ("icon_32x32.png", 32),
                ("icon_32x32@2x.png", 64), ("icon_128x128.png", 128),
                ("icon_128x128@2x.png", 256), ("icon_256x256.png", 256),
                ("icon_256x256@2x.png", 512), ("icon_512x512.png", 512))


def png_path(size: int) -> Path:
    return ICONS / f"mediation-kit-{size}.png"


def render_pngs(sizes=PNG_SIZES) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG}: not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if not image.save(str(png_path(size)), "PNG"):
            raise SystemExit(f"{png_path(size)}: cannot write")
        written.append(png_path(size))
    return written


def write_ico(target: Path, sizes=ICO_SIZES) -> Path:
    """An .ico holding the PNGs of `sizes` (ICONDIR + ICONDIRENTRY per image, then the data)."""
    images = [(size, png_path(size).read_bytes()) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, data in images:
        side = 0 if size >= 256 else size  # 0 means 256 in the ICO format
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    target.write_bytes(header + entries + blobs)
    return target


def write_iconset(folder: Path) -> Path:
    """The PNGs under macOS's iconset names, for `iconutil -c icns`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, size in ICNS_ENTRIES:
        (folder / name).write_bytes(png_path(size).read_bytes())
    return folder


def main() -> int:
    for path in render_pngs():
        print(path.relative_to(ICONS.parent))
    print(write_ico(ICONS / "mediation-kit.ico").relative_to(ICONS.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
