"""Pack archives dropped on a window: an event filter, so that the window class stays small."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal

from mediation_kit.core.packs.manifest import SUFFIX


def dropped_archives(mime) -> list[Path]:
    """The local `.mkpack` files among the dragged URLs."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(SUFFIX)]


class ArchiveDropFilter(QObject):
    archive_dropped = Signal(object)  # the Path of a .mkpack file dropped on the watched widget

    def __init__(self, widget) -> None:
        super().__init__(widget)
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)  # other drops go on to the widget as before

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if dropped_archives(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            archives = dropped_archives(event.mimeData())
            if archives:
                event.acceptProposedAction()
                self.archive_dropped.emit(archives[0])
                return True
        return super().eventFilter(watched, event)
