"""The icon of a kit file in a result list: the image's own thumbnail, or a text icon for a
press text, instead of the same picture icon for every kit file.

Thumbnails come from the views' cache (ui/views/thumbnails.py), made off the GUI thread the
first time; until one is ready the row shows the kit icon, then it is drawn again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon, QImage, QPalette, QPixmap

from mediation_kit.ui import icons

# Thumbnails for rows: small, but sharp at 200 % text size on a high-density screen.
ROW_THUMBNAIL_SIZE = 160
TEXT_SUFFIXES = frozenset({".md", ".markdown", ".txt"})

RecordLookup = Callable[[str], object]  # a key -> its record, or None


class KitIcons(QObject):
    """Gives each kit hit its icon; says when a thumbnail arrives (rows are drawn again)."""

    # A thumbnail became ready: the rows showing this key need drawing again.
    icon_ready = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lookup: RecordLookup | None = None
        self._loader = None  # ui.views.thumbnails.ThumbnailLoader, made on first use
        self._cache_dir: Path | None = None
        self._icons: dict[str, QIcon] = {}
        self._failed: set[str] = set()
        self._waiting: dict[int, str] = {}  # loader token -> key

    def set_source(self, lookup: RecordLookup | None, cache_dir: Path | None) -> None:
        """Where records (to find a hit's file) and cached thumbnails come from."""
        self._lookup = lookup
        self._cache_dir = cache_dir
        self._icons.clear()
        self._failed.clear()
        self._waiting.clear()

    def icon_for(self, key: str, palette: QPalette, selected: bool) -> QIcon:
        """The thumbnail, the text icon or (while a thumbnail is made) the kit icon."""
        asset = self._lookup(key) if self._lookup is not None else None
        file = getattr(asset, "file", None)
        if asset is None or file is None:
            return icons.type_icon("kit", palette, selected)
        if getattr(asset, "is_image", False):
            icon = self._icons.get(key)
            if icon is not None:
                return icon
            if key not in self._failed and key not in self._waiting.values():
                self._request(key, Path(file))
            return icons.type_icon("kit", palette, selected)
        if Path(file).suffix.lower() in TEXT_SUFFIXES or getattr(asset, "text", ""):
            return icons.type_icon("kit-text", palette, selected)
        return icons.type_icon("kit-file", palette, selected)

    def _request(self, key: str, file: Path) -> None:
        if self._cache_dir is None or not file.is_file():
            self._failed.add(key)
            return
        if self._loader is None:
            from mediation_kit.ui.views.thumbnails import ThumbnailLoader

            self._loader = ThumbnailLoader(self._cache_dir, self)
            self._loader.thumbnail_ready.connect(self.on_loader_thumbnail_ready)
            self._loader.thumbnail_failed.connect(self.on_loader_thumbnail_failed)
        self._loader.cache_dir = self._cache_dir
        token = self._loader.request(file, ROW_THUMBNAIL_SIZE)
        self._waiting[token] = key

    def wait_for_done(self, msecs: int = -1) -> bool:
        return self._loader.wait_for_done(msecs) if self._loader is not None else True

    def on_loader_thumbnail_ready(self, token: int, image: QImage) -> None:
        key = self._waiting.pop(token, None)
        if key is None:
            return
        self._icons[key] = QIcon(QPixmap.fromImage(image))
        self.icon_ready.emit(key)

    def on_loader_thumbnail_failed(self, token: int, _message: str) -> None:
        key = self._waiting.pop(token, None)
        if key is not None:
            self._failed.add(key)  # the row keeps the kit icon; the view says why

    def has_thumbnail(self, key: str) -> bool:
        return key in self._icons
