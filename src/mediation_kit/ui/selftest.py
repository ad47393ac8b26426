"""The window's part of `mediation-kit --self-test`: Qt, the main window, Qt's own
translations, multimedia and a decoded video frame.

The entry point (`mediation_kit.__main__`) runs these after the core's checks; the command line
never imports this module. PySide6 is imported inside each check, so that a broken Qt is a
failed check in the report rather than a self-test that prints nothing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from mediation_kit import APP_NAME
from mediation_kit.core.selftest import Check, CheckFailed

# How long the window may take to load the packs and open the index.
CONTENT_TIMEOUT_MS = 60_000
# How long the sample video may take to give its first decoded frame.
PLAYBACK_TIMEOUT_MS = 15_000
# A 4-second H.264/AAC clip: staged into releases by installer/build.py; from source, the
# test fixture it is copied from.
SAMPLE_VIDEO = Path("selftest") / "sample.mp4"
SOURCE_SAMPLE_VIDEO = Path("tests") / "fixtures" / "media" / "tiny-talk.mp4"


class UiChecks:
    """The Qt checks, in order, sharing one QApplication."""

    def __init__(self) -> None:
        self.app: Any = None

    def checks(self) -> list[Check]:
        return [
            ("qt", self.check_qt),
            ("main_window", self.check_main_window),
            ("qt_translations", self.check_qt_translations),
            ("multimedia", self.check_multimedia),
            ("playback", self.check_playback),
        ]

    def close(self) -> None:
        pass  # the QApplication lives until the process ends, as in the app

    def check_qt(self) -> dict:
        if sys.platform.startswith("linux") and not (
                os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        import PySide6
        from PySide6.QtCore import QCollator, QLocale, qVersion
        from PySide6.QtWidgets import QApplication

        self.app = QApplication.instance() or QApplication([sys.argv[0]])
        self.app.setApplicationName(APP_NAME)
        # French collation comes from ICU's data, which the release slims: if that data were
        # broken, Qt would sort by code point and put "école" last.
        words = ["zèbre", "Eve", "école"]
        collated = sorted(words, key=QCollator(QLocale("fr_FR")).sortKey)
        if collated != ["école", "Eve", "zèbre"]:
            raise CheckFailed(f"French collation is wrong (ICU data?): {collated}")
        return {"qt": qVersion(), "pyside": PySide6.__version__,
                "platform": self.app.platformName(), "collation_fr": collated}

    def _need_app(self) -> None:
        if self.app is None:
            raise CheckFailed("no QApplication (see the qt check)")

    def check_main_window(self) -> dict:
        self._need_app()
        from mediation_kit.core.settings import Settings
        from mediation_kit.ui.main_window import MainWindow

        window = MainWindow(Settings())
        try:
            window.show()
            self.app.processEvents()
            details: dict[str, Any] = {"title": window.windowTitle(),
                                       "visible": window.isVisible()}
            loaded = self._wait_for_content(window)
            if loaded is not None:
                details["content_loaded"] = loaded
                if not loaded:
                    raise CheckFailed(f"the window did not load its content within "
                                      f"{CONTENT_TIMEOUT_MS // 1000} s")
            if not details["visible"]:
                raise CheckFailed("the main window was not shown")
            return details
        finally:
            window.close()
            window.deleteLater()
            self.app.processEvents()

    @staticmethod
    def _wait_for_content(window) -> bool | None:
        """Lets the window load the packs and the index as at start-up; None when the window
        has no such step."""
        from PySide6.QtCore import QEventLoop, QTimer

        start = getattr(window, "start_loading", None)
        signal = getattr(window, "content_loaded", None)
        if start is None or signal is None:
            return None
        loop = QEventLoop()
        done = []
        signal.connect(lambda *args: (done.append(True), loop.quit()))
        QTimer.singleShot(CONTENT_TIMEOUT_MS, loop.quit)
        QTimer.singleShot(0, start)
        loop.exec()
        return bool(done)

    def check_qt_translations(self) -> dict:
        self._need_app()
        from PySide6.QtCore import QLibraryInfo, QTranslator

        from mediation_kit.core import i18n

        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        loaded = {}
        for language in i18n.LANGUAGES:
            translator = QTranslator()
            if not translator.load(f"qtbase_{language}", folder):
                raise CheckFailed(f"qtbase_{language}.qm not found in {folder}")
            loaded[language] = translator.filePath()
        return {"folder": folder, "catalogs": sorted(loaded)}

    def check_multimedia(self) -> dict:
        self._need_app()
        from PySide6.QtMultimedia import QMediaFormat, QMediaPlayer

        formats = QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode)
        if not formats:
            raise CheckFailed("QtMultimedia has no backend that can decode anything")
        player = QMediaPlayer()
        try:
            if not player.isAvailable():
                raise CheckFailed("QMediaPlayer is not available")
            names = sorted(QMediaFormat.fileFormatName(f) for f in formats)
        finally:
            player.deleteLater()
        codecs = QMediaFormat().supportedVideoCodecs(QMediaFormat.ConversionMode.Decode)
        return {"decodes": names, "video_codecs": len(codecs)}

    def check_playback(self) -> dict:
        """Decodes the first frame of a small H.264 video: FFmpeg really works."""
        self._need_app()
        from PySide6.QtCore import QEventLoop, QTimer, QUrl
        from PySide6.QtMultimedia import QMediaPlayer, QVideoSink

        from mediation_kit.core import paths

        sample = paths.resources_dir() / SAMPLE_VIDEO
        if not sample.is_file() and not paths.is_frozen():
            sample = paths.bundle_root() / SOURCE_SAMPLE_VIDEO
        if not sample.is_file():
            raise CheckFailed(f"sample video not found: {sample}")
        player, sink, loop = QMediaPlayer(), QVideoSink(), QEventLoop()
        frames: list[tuple[int, int]] = []
        errors: list[str] = []

        def on_frame(frame) -> None:
            if frame.isValid() and not frames:
                frames.append((frame.width(), frame.height()))
                loop.quit()

        def on_error(_error, message: str) -> None:
            errors.append(message)
            loop.quit()

        sink.videoFrameChanged.connect(on_frame)
        player.errorOccurred.connect(on_error)
        player.setVideoSink(sink)
        player.setSource(QUrl.fromLocalFile(str(sample)))
        player.play()
        QTimer.singleShot(PLAYBACK_TIMEOUT_MS, loop.quit)
        loop.exec()
        duration_ms = player.duration()
        player.stop()
        player.setVideoSink(None)
        player.deleteLater()
        if errors:
            raise CheckFailed(f"{sample.name}: {errors[0]}")
        if not frames:
            raise CheckFailed(f"{sample.name}: no frame decoded within "
                              f"{PLAYBACK_TIMEOUT_MS // 1000} s")
        return {"sample": sample.name, "first_frame": list(frames[0]),
                "duration_ms": duration_ms}
