"""The app's entry point: QApplication, settings, language, theme, log and error dialog.

Start-up order is chosen for speed: the window is built and shown first, with light imports
only; the packs, Whoosh and the index are loaded right after, in a worker thread.

With `MEDIATION_KIT_STARTUP_MARKER=1` the app prints `mediation-kit-shown` on stdout once the
window is on screen (the search field, focused, has painted), `mediation-kit-ready` once the
index is open, then quits (used by bench/startup_bench.py).
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import traceback
import tomllib  # noqa: F401 (read by Settings.load: imported here, before PySide6)
from pathlib import Path
from types import TracebackType

# The Qt-free modules the first paint needs are imported before PySide6: once PySide6 is
# loaded, its import hook reads the source of every module imported after it (to look for
# `from __feature__ import`), which costs about as much as the imports themselves.
from mediation_kit import APP_ID, APP_NAME, __version__
from mediation_kit.core import i18n, paths
from mediation_kit.core.settings import Settings

if paths.portable_root() is None:  # where paths.user_dirs() finds the user's folders
    import platformdirs  # noqa: F401

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402, I001
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from mediation_kit.ui.qt_translations import QtTranslations  # noqa: E402
from mediation_kit.ui.theme import ThemeManager  # noqa: E402

log = logging.getLogger("mediation_kit.ui")
MARKER_ENV = "MEDIATION_KIT_STARTUP_MARKER"
SHOWN_MARKER = "mediation-kit-shown"
READY_MARKER = "mediation-kit-ready"


class AppServices:
    """What applies settings to the running application: language, Qt's catalog, theme."""

    def __init__(self, app: QApplication, style_is_fusion: bool = False) -> None:
        self.app = app
        self.theme = ThemeManager(app, style_is_fusion)
        self.qt_translations = QtTranslations()

    def apply(self, settings: Settings) -> None:
        self.theme.apply(settings["theme"], settings["text_size"])
        wanted = settings["language"] or i18n.system_language()
        if i18n.current_language() != wanted:
            i18n.set_language(wanted)  # the listeners retranslate every open window
        # Qt's strings in the language the kit's catalogs could actually give (English when
        # a catalog is missing), so that a window never mixes two languages.
        language = i18n.current_language()
        if self.qt_translations.language != language:
            self.qt_translations.switch(language)


def install_excepthook(parent_getter, log_file: Path | None) -> None:
    """Logs an unexpected exception and shows it in a dialog instead of a silent crash."""
    shown: list[QWidget] = []

    def hook(kind: type[BaseException], error: BaseException,
             tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("unexpected error\n%s", details)
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if QApplication.instance() is None:
            sys.__excepthook__(kind, error, tb)
            return
        from mediation_kit.ui.dialogs.error_dialog import ErrorDialog

        dialog = ErrorDialog(str(error) or kind.__name__, details, log_file, parent_getter())
        shown.append(dialog)
        dialog.finished.connect(lambda _r: shown.remove(dialog) if dialog in shown else None)
        dialog.open()

    sys.excepthook = hook


class FirstPaint(QObject):
    """Calls `then()` once, on the next turn of the event loop after `widget` first paints,
    or after `fallback_ms` if it never does (a window restored too small hides the search
    field in the toolbar's overflow; a minimised window paints nothing): the content is
    loaded all the same."""

    FALLBACK_MS = 1500

    def __init__(self, widget: QWidget, then, fallback_ms: int = FALLBACK_MS) -> None:
        super().__init__(widget)
        self._then = then
        self._widget = widget
        widget.installEventFilter(self)
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.timeout.connect(self._fire)
        self._fallback.start(fallback_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._then is not None and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        if self._then is None:
            return
        then, self._then = self._then, None
        self._fallback.stop()
        self._widget.removeEventFilter(self)
        then()


def quit_on_sigterm(app: QApplication, interval_ms: int = 300) -> QTimer:
    """SIGTERM (a logout, a service manager, `kill`) quits like the Quit menu: the settings
    are saved and an index build is cancelled, its temporary folder removed. Python runs a
    signal handler only when it gets control, so a timer wakes it while Qt's loop waits."""

    def on_sigterm(_signum, _frame) -> None:
        log.info("SIGTERM received: quitting")
        QTimer.singleShot(0, app.quit)

    signal.signal(signal.SIGTERM, on_sigterm)
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(interval_ms)
    return wake


def window_icon():
    """The window's icon, set after the first paint (QIcon's enums are made on first use)."""
    from PySide6.QtGui import QIcon

    from mediation_kit.core.paths import window_icon_files

    icon = QIcon()
    for path in window_icon_files():
        icon.addFile(str(path))
    return icon


def plan_file_argument(argv: list[str]) -> Path | None:
    """The `.mkplan` file the kit was started with (from a file manager, `mediation-kit
    FILE.mkplan`, a Windows file association), or None."""
    for arg in argv:
        if not arg.startswith("-") and arg.lower().endswith(".mkplan"):
            return Path(arg).expanduser()
    return None


def run_app(argv: list[str]) -> int:
    from mediation_kit.core.paths import user_dirs

    plan_to_open = plan_file_argument(argv)
    # Fusion (what the themes are made for) chosen on the command line rather than with
    # `setStyle()`: making the style a Python object before the first paint costs ~10 ms.
    app = QApplication([sys.argv[0], "-style", "Fusion", *argv])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)

    quit_on_sigterm(app)
    dirs = user_dirs()
    settings = Settings.load(dirs.settings_file)
    services = AppServices(app, style_is_fusion=True)
    services.apply(settings)

    from mediation_kit.ui.main_window import MainWindow

    # The first paint needs only the toolbar and search field; the rest is built right after.
    window = MainWindow(settings, app_services=services, deferred=True)
    window.show()
    window.activateWindow()
    window.search_field.setFocus()
    app.aboutToQuit.connect(window.shut_down)  # also when quitting without closing it
    from mediation_kit.ui.presentation import command_line

    plan_to_present = command_line.plan_to_present(argv)  # --present FILE.mkplan, once loaded
    if plan_to_present is not None:
        rehearsal = command_line.wants_rehearsal(argv)
        window.content_loaded.connect(
            lambda: command_line.present_plan_file(window, plan_to_present, rehearsal))

    def after_first_paint() -> None:
        if os.environ.get(MARKER_ENV):
            print(SHOWN_MARKER, flush=True)
            window.content_loaded.connect(lambda: (print(READY_MARKER, flush=True),
                                                   app.quit()))
        # Imported only now: logging.handlers brings sockets, pickle and threads (~8 ms).
        from mediation_kit.core.logging_setup import setup_logging

        log_file = setup_logging(dirs.log)
        window.log_file = log_file  # named beside the start-up problems
        install_excepthook(lambda: window, log_file)
        log.info("%s %s started", APP_NAME, __version__)
        for problem in settings.problems:
            log.warning("%s", problem)
        app.setWindowIcon(window_icon())
        window.finish_building()
        if plan_to_open is not None:  # a bad file is reported in a message; the kit starts
            window.plans.files.open_path(plan_to_open)
        window.start_loading()

    # The rest is built, and the content loaded, once the search field is on screen.
    first_paint = FirstPaint(window.search_field, after_first_paint)
    code = app.exec()
    del first_paint
    return code
