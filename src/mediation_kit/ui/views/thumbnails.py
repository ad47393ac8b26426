"""Kit images scaled off the GUI thread, and cached as PNG so the next look is instant.

A large photo or an SVG poster takes long enough to decode that the window would stutter:
a `ThumbnailLoader` hands each request to a worker thread, which reads the file already
scaled (`QImageReader.setScaledSize`, or `QSvgRenderer` painting into a `QImage`) and writes
the result into the cache folder, keyed by the file's path, modification time and size.
Workers only touch `QImage` (safe off the GUI thread), never a widget or a `QPixmap`.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer

from mediation_kit.core.i18n import _

# The longest side of a preview: sharp in a view on a large screen, small to cache.
DEFAULT_MAX_SIZE = 1280


class ThumbnailError(Exception):
    """A file that cannot be shown as an image; the message names the file."""


def cache_file(cache_dir: Path, image: Path, max_size: int) -> Path:
    """Where the thumbnail of `image` lives: a new name as soon as the file changes."""
    stat = image.stat()
    identity = f"{image.resolve()}\0{stat.st_mtime_ns}\0{stat.st_size}\0{max_size}"
    return cache_dir / f"{hashlib.sha256(identity.encode()).hexdigest()[:40]}.png"


def render_thumbnail(image: Path, max_size: int) -> QImage:
    """`image` read and scaled to fit a `max_size` square (SVG drawn at that size)."""
    target = QSize(max_size, max_size)
    if image.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(image))
        if not renderer.isValid():
            raise ThumbnailError(_("{file} is not a readable SVG image.").format(file=image))
        size = renderer.defaultSize()
        if size.isEmpty():
            size = target
        size = size.scaled(target, Qt.AspectRatioMode.KeepAspectRatio)
        result = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        result.fill(Qt.GlobalColor.transparent)
        painter = QPainter(result)
        renderer.render(painter)
        painter.end()
        return result
    reader = QImageReader(str(image))
    reader.setAutoTransform(True)  # photos taken sideways stand up
    size = reader.size()
    if size.isValid() and (size.width() > max_size or size.height() > max_size):
        reader.setScaledSize(size.scaled(target, Qt.AspectRatioMode.KeepAspectRatio))
    result = reader.read()
    if result.isNull():
        raise ThumbnailError(_("{file} cannot be read as an image: {reason}").format(
            file=image, reason=reader.errorString()))
    return result


def load_thumbnail(image: Path, max_size: int, cache_dir: Path) -> QImage:
    """The cached thumbnail of `image`, made and cached first if needed."""
    try:
        cached = cache_file(cache_dir, image, max_size)
    except OSError as error:
        raise ThumbnailError(_("{file} cannot be read: {reason}").format(
            file=image, reason=error.strerror or error)) from error
    if cached.is_file():
        result = QImage(str(cached))
        if not result.isNull():
            return result
    result = render_thumbnail(image, max_size)
    _write_cache(result, cached)
    return result


def _write_cache(image: QImage, cached: Path) -> None:
    """Writes beside, then renames: a half-written PNG is never taken for a thumbnail.
    A cache that cannot be written (read-only, full) only costs speed next time."""
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(f".{cached.stem}-{os.getpid()}-{threading.get_ident()}.part")
        if image.save(str(partial), "PNG"):
            os.replace(partial, cached)
        else:
            partial.unlink(missing_ok=True)
    except OSError:
        pass


class _JobSignals(QObject):
    # The job is done: (token, image or a null image, error message or "").
    finished = Signal(int, QImage, str)


class _ThumbnailJob(QRunnable):
    def __init__(self, token: int, image: Path, max_size: int, cache_dir: Path) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the loader keeps the Python object until it reports
        self.token = token
        self.image = image
        self.max_size = max_size
        self.cache_dir = cache_dir
        self.signals = _JobSignals()

    def run(self) -> None:
        try:
            result = load_thumbnail(self.image, self.max_size, self.cache_dir)
            error = ""
        except ThumbnailError as failure:
            result, error = QImage(), str(failure)
        self.signals.finished.emit(self.token, result, error)


class ThumbnailLoader(QObject):
    """Makes thumbnails on a small thread pool; answers on the GUI thread by token."""

    # A thumbnail is ready: (token from `request`, the image).
    thumbnail_ready = Signal(int, QImage)
    # A thumbnail could not be made: (token, message naming the file).
    thumbnail_failed = Signal(int, str)

    def __init__(self, cache_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache_dir = cache_dir
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._next_token = 0
        self._jobs: dict[int, _ThumbnailJob] = {}

    def request(self, image: Path, max_size: int = DEFAULT_MAX_SIZE) -> int:
        self._next_token += 1
        job = _ThumbnailJob(self._next_token, image, max_size, self.cache_dir)
        job.signals.finished.connect(self.on_job_finished)
        self._jobs[job.token] = job
        self.pool.start(job)
        return job.token

    def wait_for_done(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)

    def on_job_finished(self, token: int, image: QImage, error: str) -> None:
        self._jobs.pop(token, None)
        if error:
            self.thumbnail_failed.emit(token, error)
        else:
            self.thumbnail_ready.emit(token, image)
