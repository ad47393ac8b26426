"""`mediation-kit --self-test`: checks this installation and prints ONE JSON report.

Run by the release command on the frozen app (with no network), by IT staff after deploying,
and by maintainers from source. Each check is a small function that returns details for the
report or raises `CheckFailed` with a reason; one failing check does not stop the others.
Exit status: 0 when every check passed, 1 otherwise (the report's `failed` names them).

The core checks (paths, index, searches, library, translations) need no Qt. The Qt, window,
Qt-translation, multimedia and playback checks import PySide6 inside their functions only, so
that the rest of the command line never loads Qt.
"""

from __future__ import annotations

import gettext
import json
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mediation_kit import APP_ID, APP_NAME, __version__
from mediation_kit.core.i18n import _

# Pairs that must give the same results: accents are folded at index and query time.
ACCENT_PAIRS = (("numérique", "numerique"), ("médiation", "mediation"))
# How long the window may take to load the packs and open the index.
CONTENT_TIMEOUT_MS = 60_000
# How long the sample video may take to give its first decoded frame.
PLAYBACK_TIMEOUT_MS = 15_000
# A 4-second H.264/AAC clip: staged into releases by installer/build.py; from source, the
# test fixture it is copied from.
SAMPLE_VIDEO = Path("selftest") / "sample.mp4"
SOURCE_SAMPLE_VIDEO = Path("tests") / "fixtures" / "media" / "tiny-talk.mp4"


class CheckFailed(Exception):
    """A check did not pass; the message says why, for the report."""


def add_parser(subparsers) -> None:
    """`mediation-kit self-test`, the same as the `--self-test` flag."""
    parser = subparsers.add_parser(
        "self-test", help=_("check this installation and print a JSON report"),
        description=_("Check this installation (index, searches, packs, translations, "
                      "window, video playback) and print one JSON report. Exits 0 when "
                      "every check passed, 1 otherwise."))
    parser.set_defaults(handler=run)


class SelfTest:
    """Runs the checks in order, sharing what one check opened with the next ones."""

    def __init__(self) -> None:
        self.index_dir: Path | None = None
        self.engine: Any = None
        self.library: Any = None
        self.app: Any = None

    def checks(self) -> list[tuple[str, Callable[[], dict]]]:
        return [
            ("paths", self.check_paths),
            ("index", self.check_index),
            ("search", self.check_search),
            ("accents", self.check_accents),
            ("library", self.check_library),
            ("translations", self.check_translations),
            ("qt", self.check_qt),
            ("main_window", self.check_main_window),
            ("qt_translations", self.check_qt_translations),
            ("multimedia", self.check_multimedia),
            ("playback", self.check_playback),
        ]

    # --- core ---------------------------------------------------------------------------

    def check_paths(self) -> dict:
        from mediation_kit.core import paths

        packs = paths.packs_dir()
        if not packs.is_dir():
            raise CheckFailed(f"packs folder not found: {packs}")
        root = paths.portable_root()
        return {"bundle": str(paths.bundle_root()), "packs": str(packs),
                "translations": str(paths.translations_dir()),
                "frozen": paths.is_frozen(),
                "portable_data": str(root) if root is not None else None,
                "user_data": str(paths.user_dirs().data)}

    def check_index(self) -> dict:
        from mediation_kit.core import paths
        from mediation_kit.core.search.engine import SearchEngine
        from mediation_kit.core.search.index import ensure_index

        status = ensure_index(paths.packs_dir(), paths.shipped_index_dir(),
                              paths.user_dirs().index_cache)
        if not status.usable:
            raise CheckFailed(status.message)
        self.index_dir = Path(status.path)
        self.engine = SearchEngine(self.index_dir)
        details = {"path": str(status.path), "source": str(status.source),
                   "state": str(status.state), "documents": self.engine.doc_count}
        if paths.is_frozen() and str(status.source) != "shipped":
            # A release must open its own prebuilt index, never rebuild one at start-up.
            raise CheckFailed(f"the shipped index was not used ({status.message})")
        if self.engine.doc_count == 0:
            raise CheckFailed("the index holds no document")
        return details

    def _search(self, text: str):
        from mediation_kit.core.search.api import SearchQuery

        if self.engine is None:
            raise CheckFailed("no index (see the index check)")
        return self.engine.search(SearchQuery(text, as_you_type=False))

    def check_search(self) -> dict:
        queries = {}
        for text in ("Strasbourg", "communs", "inclusion numérique"):
            results = self._search(text)
            queries[text] = results.total
        if not any(queries.values()):
            raise CheckFailed(f"no search found anything: {queries}")
        return {"totals": queries}

    def check_accents(self) -> dict:
        compared = {}
        for accented, plain in ACCENT_PAIRS:
            with_accents = [hit.key for hit in self._search(accented).hits]
            without = [hit.key for hit in self._search(plain).hits]
            if with_accents != without:
                raise CheckFailed(f"'{accented}' and '{plain}' give different results: "
                                  f"{len(with_accents)} vs {len(without)} hits")
            compared[f"{accented}|{plain}"] = len(with_accents)
        if not any(compared.values()):
            raise CheckFailed(f"the accent pairs found nothing: {compared}")
        return {"hits": compared}

    def check_library(self) -> dict:
        from mediation_kit.core import paths
        from mediation_kit.core.model import KitAsset, Replay, ResourceType, Summary
        from mediation_kit.core.packs import load_packs

        result = load_packs(paths.packs_dir())
        library, problems = result.library, result.problems
        self.library = library
        if not library.packs:
            raise CheckFailed("no pack loaded: " + "; ".join(map(str, problems[:3])))
        first: dict[str, str] = {}
        for record in library.all_resources():
            if isinstance(record, Summary):
                first.setdefault(ResourceType.SUMMARY.value, record.key)
            elif isinstance(record, Replay):
                first.setdefault(ResourceType.REPLAY.value, record.key)
                if record.cues:
                    first.setdefault(ResourceType.CUE.value, record.cue_key(record.cues[0]))
            elif isinstance(record, KitAsset):
                first.setdefault(ResourceType.KIT.value, record.key)
        # Cues exist only where a source gives a transcript: checked when the packs have one.
        required = (ResourceType.SUMMARY, ResourceType.REPLAY, ResourceType.KIT)
        missing = [kind.value for kind in required if kind.value not in first]
        if missing:
            raise CheckFailed("no resource of type " + ", ".join(missing) + " in the packs")
        for kind, key in first.items():
            loaded = library.get(key)
            if loaded is None:
                raise CheckFailed(f"{key} cannot be loaded")
            if kind == ResourceType.KIT.value:
                data = loaded.file.read_bytes()  # the asset file itself, shipped in the pack
                if not data:
                    raise CheckFailed(f"{loaded.file} is empty")
        return {"packs": [pack.id for pack in library.packs], "loaded": first,
                "transcripts": ResourceType.CUE.value in first, "problems": len(problems),
                "left_out": [str(problem) for problem in result.left_out]}

    def check_translations(self) -> dict:
        from mediation_kit.core import i18n, paths

        catalogs = sorted(paths.translations_dir().glob(f"*/LC_MESSAGES/{i18n.DOMAIN}.mo"))
        loaded = {}
        for mo in catalogs:
            with mo.open("rb") as fp:
                catalog = gettext.GNUTranslations(fp)
            language = mo.parents[1].name
            loaded[language] = len(catalog._catalog)  # noqa: SLF001 (count of messages)
        missing = [lang for lang in i18n.LANGUAGES
                   if lang != i18n.SOURCE_LANGUAGE and lang not in loaded]
        if missing:
            raise CheckFailed("no compiled catalog for " + ", ".join(missing)
                              + f" in {paths.translations_dir()}")
        try:
            for language in loaded:
                if i18n.set_language(language) != language:
                    raise CheckFailed(f"{language} cannot be made the interface language")
        finally:
            i18n.set_language(i18n.SOURCE_LANGUAGE)
        return {"catalogs": loaded}

    # --- Qt -----------------------------------------------------------------------------

    def check_qt(self) -> dict:
        if sys.platform.startswith("linux") and not (
                os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        import PySide6
        from PySide6.QtCore import qVersion
        from PySide6.QtWidgets import QApplication

        self.app = QApplication.instance() or QApplication([sys.argv[0]])
        self.app.setApplicationName(APP_NAME)
        # French collation comes from ICU's data, which the release slims: if that data were
        # broken, Qt would sort by code point and put "école" last.
        from PySide6.QtCore import QCollator, QLocale

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
        from PySide6.QtCore import QEventLoop, QTimer

        from mediation_kit.core.settings import Settings
        from mediation_kit.ui.main_window import MainWindow

        window = MainWindow(Settings())
        try:
            window.show()
            self.app.processEvents()
            details: dict[str, Any] = {"title": window.windowTitle(),
                                       "visible": window.isVisible()}
            loaded = self._wait_for_content(window, QEventLoop, QTimer)
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
    def _wait_for_content(window, event_loop_class, timer_class) -> bool | None:
        """Lets the window load the packs and the index as at start-up; None when the window
        has no such step."""
        start = getattr(window, "start_loading", None)
        signal = getattr(window, "content_loaded", None)
        if start is None or signal is None:
            return None
        loop = event_loop_class()
        done = []
        signal.connect(lambda *args: (done.append(True), loop.quit()))
        timer_class.singleShot(CONTENT_TIMEOUT_MS, loop.quit)
        timer_class.singleShot(0, start)
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

    # --- running ------------------------------------------------------------------------

    def run(self) -> dict:
        from mediation_kit.core import paths
        from mediation_kit.core.build_info import current

        started = time.monotonic()
        results = []
        for name, check in self.checks():
            begin = time.monotonic()
            entry: dict[str, Any] = {"name": name}
            try:
                entry["details"] = check()
                entry["ok"] = True
            except CheckFailed as failure:
                entry.update(ok=False, error=str(failure))
            except Exception as error:  # a crash is a failure of that check, not of the test
                entry.update(ok=False, error=f"{type(error).__name__}: {error}",
                             traceback=traceback.format_exc(limit=6))
            entry["seconds"] = round(time.monotonic() - begin, 3)
            results.append(entry)
        if self.engine is not None:
            self.engine.close()
        failed = [entry["name"] for entry in results if not entry["ok"]]
        info = current()
        return {
            "app": APP_NAME, "app_id": APP_ID, "version": __version__,
            "frozen": paths.is_frozen(),
            "build": {"commit": info.commit, "date": info.date, "source": info.source,
                      "packs": {p.id: p.version for p in info.packs}},
            "ok": not failed, "failed": failed, "checks": results,
            "seconds": round(time.monotonic() - started, 3),
        }


def run(args=None) -> int:
    report = SelfTest().run()
    # One JSON document on stdout, nothing else: scripts parse it.
    sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()
    return 0 if report["ok"] else 1
