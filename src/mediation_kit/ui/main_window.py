"""The main window: search field, results with facets, event cards, and the resource views.

All wiring between the parts is in `_connect_signals()`. The window is shown before any
content is loaded, and with `deferred=True` even before its result, facet and event-card
widgets are built (`finish_building()`, right after the first paint). `start_loading()`
loads the packs and opens (or rebuilds) the index in a worker, with progress in the status
bar; typing is accepted meanwhile and searched when the index is ready.
"""

from __future__ import annotations

import logging
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel, QMainWindow, QProgressBar, QPushButton, QSplitter, QStackedWidget, QToolBar,
    QVBoxLayout, QWidget,
)

from mediation_kit import APP_NAME
from mediation_kit.core import i18n
from mediation_kit.core.i18n import _, ngettext
from mediation_kit.core.settings import Settings, SettingValueError
from mediation_kit.ui import theme
from mediation_kit.ui.widgets.search_field import SearchField
from mediation_kit.ui.window_layout import restore_splitter_state, restore_window_geometry

if TYPE_CHECKING:
    from mediation_kit.core.search.api import Hit, SearchQuery, SearchResults
    from mediation_kit.core.tasks import Progress
    from mediation_kit.ui.content import Content
    from mediation_kit.ui.workers import TaskHandle

log = logging.getLogger(__name__)

# Searches faster than this run on the next keystroke; slower ones are debounced.
FAST_SEARCH_SECONDS = 0.04
DEBOUNCE_MS = 120
_QUERY_SYNTAX = re.compile(r"\b(AND|OR|NOT)\b|[a-z]+:\S+|[\"()*?~^+-]")

ContentLoader = Callable[..., "Content"]  # (progress=, cancel=) -> Content


@dataclass(frozen=True)
class _Place:
    """Where Back returns to: a page of the stack, and the record shown if it is the viewer."""

    page: QWidget
    record: Any = None
    terms: tuple[str, ...] = ()
    at_time: float | None = None


def highlight_terms(text: str) -> list[str]:
    """The words of a query, without its operators and field filters, for highlighting."""
    words = _QUERY_SYNTAX.sub(" ", text).split()
    return [w for w in words if len(w) > 1]


class MainWindow(QMainWindow):
    content_loaded = Signal()  # packs loaded and search ready (or known to be unusable)
    index_progress = Signal(object)  # a core.tasks.Progress while the index is prepared
    results_shown = Signal(str)  # results (or the no-result page) for this text are shown
    record_opened = Signal(str)  # the key of the record now shown in a view
    settings_applied = Signal()  # new settings were applied and saved

    def __init__(self, settings: Settings | None = None, *,
                 loader: ContentLoader | None = None, app_services: Any = None,
                 deferred: bool = False) -> None:
        super().__init__()
        self.settings = settings if settings is not None else Settings()
        self.loader = loader
        self.services = app_services  # ui.app.AppServices: theme, Qt translations
        self.content: Content | None = None
        self._filters: dict[str, frozenset[str]] = {}
        self._history: list[_Place] = []
        self._browse: tuple[str, str] | None = None
        self._last_results: SearchResults | None = None
        self._load_handle: TaskHandle | None = None
        self._resource_views: Any = None  # ui.views.ResourceViewStack, made on first use
        self._current_record: Any = None
        self._status_text: Callable[[], str] = str
        self.log_file: Path | None = None  # shown with the start-up problems (set by ui.app)
        self.startup_problems: list[Any] = list(self.settings.problems)
        self.startup_problems_dialog: Any = None  # ui.dialogs.StartupProblemsDialog
        self.built = False
        self._build_shell()
        self._connect_shell_signals()
        self._restore_geometry()
        self._language_listener = _weak_listener(self)
        i18n.add_language_listener(self._language_listener)
        if not deferred:
            self.finish_building()
        else:
            self.retranslate()
        self.search_field.setFocus()

    # --- building -------------------------------------------------------------------------

    def _build_shell(self) -> None:
        """What the first paint needs: menus, toolbar with the search field, status bar."""
        self.setObjectName("mainWindow")
        self.search_field = SearchField(self)

        # Shortcuts are set by finish_building(): the first one makes PySide create its
        # Python enums for Qt's keys, about 15 ms that the first paint need not wait for.
        self.back_action = QAction(self)
        self.back_action.setEnabled(False)
        self.home_action = QAction(self)
        self.find_action = QAction(self)
        self.import_action = QAction(self)  # a content pack archive (.mkpack)
        self.settings_action = QAction(self)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = QAction(self)
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.present_action = QAction(self)
        for action in (self.back_action, self.home_action, self.find_action,
                       self.settings_action, self.quit_action, self.about_action,
                       self.present_action):
            self.addAction(action)

        menu_bar = self.menuBar()
        self.file_menu = menu_bar.addMenu("")
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.present_action)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.go_menu = menu_bar.addMenu("")
        for action in (self.back_action, self.home_action, self.find_action):
            self.go_menu.addAction(action)
        self.help_menu = menu_bar.addMenu("")
        self.help_menu.addAction(self.about_action)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addAction(self.back_action)
        self.toolbar.addAction(self.home_action)
        self.toolbar.addWidget(self.search_field)
        self.toolbar.addAction(self.settings_action)
        self.addToolBar(self.toolbar)

        self.stack = QStackedWidget(self)
        self.message_page = QLabel(self.stack)  # waiting for the index, or search unavailable
        self.message_page.setWordWrap(True)
        self.stack.addWidget(self.message_page)
        # The filters panel and chips join it in finish_building(): laying them out now
        # would make PySide create every Qt enum (the layouts' alignment), ~15 ms.
        self.setCentralWidget(self.stack)

        self.status_label = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setMaximumWidth(240)
        self.progress_bar.setVisible(False)
        self.problems_button = QPushButton(self)  # opens the start-up problems again
        self.problems_button.setFlat(True)
        self.problems_button.setVisible(False)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.problems_button)
        self.statusBar().addPermanentWidget(self.progress_bar)
        self.resize(1100, 720)

    def finish_building(self) -> None:
        """Builds the results, facets, event cards and pages; idempotent."""
        if self.built:
            return
        from mediation_kit.ui.widgets.facet_panel import FacetPanel
        from mediation_kit.ui.widgets.filter_chips import FilterChips
        from mediation_kit.ui.widgets.home import HomePage
        from mediation_kit.ui.widgets.no_result import NoResultPanel
        from mediation_kit.ui.widgets.result_list import ResultList
        from PySide6.QtCore import Qt

        from mediation_kit.ui.workers import SearchRunner

        self.message_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._set_shortcuts()
        self.search_runner = SearchRunner(self)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.facet_panel = FacetPanel(self)
        self.facet_panel.setMinimumWidth(200)
        self.chips = FilterChips(self)
        self.home_page = HomePage(self.stack)
        self.results_page = QWidget(self.stack)
        results_layout = QVBoxLayout(self.results_page)
        results_layout.setContentsMargins(0, 0, 0, 0)
        self.results_heading = QLabel(self.results_page)
        theme.set_theme_role(self.results_heading, theme.MUTED)
        self.result_list = ResultList(self.results_page)
        results_layout.addWidget(self.results_heading)
        results_layout.addWidget(self.result_list, 1)
        self.no_result_page = NoResultPanel(self.stack)
        self.view_stack = QStackedWidget(self.stack)
        for page in (self.home_page, self.results_page, self.no_result_page, self.view_stack):
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(self.home_page)
        self.takeCentralWidget()  # the stack, kept: it moves into the splitter
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 4, 4, 4)
        right_layout.addWidget(self.chips)
        right_layout.addWidget(self.stack, 1)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.facet_panel)
        self.splitter.addWidget(right)
        self.setCentralWidget(self.splitter)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 830])
        self.facet_panel.setVisible(False)
        restore_splitter_state(self.splitter, self.settings["window_state"])

        self._connect_signals()
        self.pack_imports()  # drops and removable drives are watched from now on
        self.built = True
        from mediation_kit.ui.plans import PlanController

        self.plans = PlanController(self)  # the workshop plan: its panel, menus and files
        self.retranslate()
        if self.content is not None:
            self.set_content(self.content)
        elif self.search_field.text().strip():
            self._show_page(self.message_page)

    def _set_shortcuts(self) -> None:
        self.back_action.setShortcuts(_unique_shortcuts(
            QKeySequence("Alt+Left"), QKeySequence("Backspace"),
            *QKeySequence.keyBindings(QKeySequence.StandardKey.Back)))
        self.home_action.setShortcut(QKeySequence("Alt+Home"))
        self.find_action.setShortcuts(_unique_shortcuts(
            QKeySequence("Ctrl+K"), QKeySequence("Ctrl+F"),
            *QKeySequence.keyBindings(QKeySequence.StandardKey.Find)))
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.present_action.setShortcut(QKeySequence("F5"))
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        # Esc outside the field also goes back to a fresh search.
        escape = QShortcut(QKeySequence("Esc"), self)
        escape.activated.connect(self.on_escape)

    def _connect_shell_signals(self) -> None:
        self.search_field.textEdited.connect(self.on_search_field_edited)
        self.search_field.textChanged.connect(self.on_search_field_changed)
        self.search_field.down_pressed.connect(self.on_search_field_down_pressed)
        self.search_field.enter_pressed.connect(self.on_search_field_enter_pressed)
        self.back_action.triggered.connect(self.go_back)
        # Not connected directly: `triggered(checked=False)` would say "keep the field".
        self.home_action.triggered.connect(lambda: self.go_home())
        self.find_action.triggered.connect(self.focus_search_field)
        self.settings_action.triggered.connect(self.open_settings)
        self.import_action.triggered.connect(lambda: self.open_import())
        self.about_action.triggered.connect(self.open_about)
        self.quit_action.triggered.connect(self.close)
        self.problems_button.clicked.connect(self.show_startup_problems)
        self.present_action.triggered.connect(self.present_open_resource)

    def _connect_signals(self) -> None:
        """Wiring of the parts built by `finish_building()`."""
        self.debounce.timeout.connect(self.run_search)
        self.search_runner.results_ready.connect(self.on_search_results_ready)
        self.search_runner.search_failed.connect(self.on_search_failed)
        self.result_list.open_requested.connect(self.open_hit)
        self.result_list.leave_upwards.connect(self.focus_search_field)
        self.no_result_page.close_matches.open_requested.connect(self.open_hit)
        self.no_result_page.close_matches.leave_upwards.connect(self.focus_search_field)
        self.no_result_page.suggestion_chosen.connect(self.on_suggestion_chosen)
        self.facet_panel.filter_toggled.connect(self.on_facet_filter_toggled)
        self.facet_panel.values_provider = self.facet_values
        self.chips.remove_requested.connect(partial(self.on_facet_filter_toggled, checked=False))
        self.chips.clear_requested.connect(self.on_chips_clear_requested)
        self.home_page.browse_requested.connect(self.on_home_browse_requested)

    # --- translation ----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(APP_NAME)
        self.file_menu.setTitle(_("&File"))
        self.go_menu.setTitle(_("&Go"))
        self.help_menu.setTitle(_("&Help"))
        for action, text, tip in (
            (self.back_action, _("Back"), _("Back to the previous page (Alt+Left)")),
            (self.home_action, _("Home"), _("Show the events (Alt+Home)")),
            (self.find_action, _("Find"), _("Go to the search field (Ctrl+K)")),
            (self.import_action, _("Import a pack…"),
             _("Add or update a content pack from a .mkpack file (or drop the file here)")),
            (self.settings_action, _("Settings…"), _("Language, text size, theme, media folder")),
            (self.quit_action, _("Quit"), _("Close the kit")),
            (self.about_action, _("About Mediation Kit"), _("Version, content packs, credits")),
            (self.present_action, _("Present"),
             _("Show the open resource to the room, on the projector (F5)")),
        ):
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.toolbar.setWindowTitle(_("Main toolbar"))
        self.toolbar.setAccessibleName(_("Main toolbar"))
        for action in self.toolbar.actions():
            button = self.toolbar.widgetForAction(action)
            if button is not None and button is not self.search_field:
                button.setAccessibleName(action.text())
        self.stack.setAccessibleName(_("Main area"))
        self.progress_bar.setAccessibleName(_("Preparing the search index"))
        self.status_label.setAccessibleName(_("Status"))
        self._retranslate_problems_button()
        self.search_field.retranslate()
        if not self.built:
            self.message_page.setText(_("Loading…"))
            self._show_status()
            return
        self.splitter.setAccessibleName(_("Filters and results"))
        for widget in (self.result_list, self.facet_panel, self.chips, self.home_page,
                       self.no_result_page):
            widget.retranslate()
        self.chips.set_filters(self._chip_filters())
        if self._resource_views is not None:
            self._resource_views.retranslate()
        self._retranslate_state()

    def _retranslate_problems_button(self) -> None:
        count = len(self.startup_problems)
        self.problems_button.setText(ngettext("Show the problem", "Show the {count} problems",
                                              count).format(count=count))
        self.problems_button.setAccessibleName(_("Show the problems found at start-up"))

    def _retranslate_state(self) -> None:
        """Texts that depend on what is shown: counts, status, waiting messages."""
        if not self.built:
            return
        if self.content is None:
            self.message_page.setText(_("Preparing the search index… You can type already."))
        elif self.content.engine is None:
            self.message_page.setText(self.content.index_message
                                      or _("Search is unavailable."))
        results = self._last_results
        if self._browse is not None:
            from mediation_kit.ui.widgets.home import part_label

            pack = self.content.pack(self._browse[0]) if self.content else None
            self.results_heading.setText(_("{part} of {event}").format(
                part=part_label(self._browse[1]), event=pack.event.name if pack else ""))
        elif results is not None:
            self.results_heading.setText(ngettext(
                "{count} result", "{count} results", results.total).format(count=results.total))
        self.result_list.setAccessibleDescription(self.results_heading.text())
        self._show_status()

    def on_language_changed(self, language: str) -> None:
        self.retranslate()

    # --- loading --------------------------------------------------------------------------

    def start_loading(self) -> None:
        """Loads the packs and the index in a worker; the window stays usable meanwhile."""
        if self.loader is None:
            self.loader = default_loader()
        self._set_status(lambda: _("Loading the content packs…"))
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        from mediation_kit.ui.workers import run_task

        handle = run_task(self.loader, with_progress=True, parent=self)
        handle.signals.progress.connect(self.on_loader_progress)
        handle.signals.finished.connect(self.on_loader_finished)
        handle.signals.failed.connect(self.on_loader_failed)
        self._load_handle = handle
        if self.search_field.text().strip():
            self._show_page(self.message_page)

    def on_loader_progress(self, progress: Progress) -> None:
        if progress.total:
            self.progress_bar.setRange(0, progress.total)
            self.progress_bar.setValue(progress.done)
        else:
            self.progress_bar.setRange(0, 0)
        self._set_status(lambda: progress.message or _("Preparing the search index…"))
        self.index_progress.emit(progress)

    def on_loader_finished(self, content: Content) -> None:
        self._load_handle = None
        self.set_content(content)

    def on_loader_failed(self, message: str, details: str) -> None:
        self._load_handle = None
        log.error("loading the content failed: %s\n%s", message, details)
        from mediation_kit.ui.content import Content

        from mediation_kit.core.packs.problems import Problem

        text = _("The content could not be loaded: {error}").format(error=message)
        self.set_content(Content(library=None, engine=None, problems=[Problem("", None, text)],
                                 index_message=text))

    def set_content(self, content: Content) -> None:
        self.content = content
        if not self.built:
            return  # finish_building() shows it
        if content.index_job is not None:  # browse now, search once the index is built
            self.home_page.set_packs(content.packs)
            if self._resource_views is not None:
                self._resource_views.set_library(content.library)
            self._start_index_build(content)
            return
        self.progress_bar.setVisible(False)
        log.info("content loaded: %d packs; index: %s", len(content.packs),
                 content.index_message or "opened")
        for problem in content.problems:
            log.warning("start-up problem: %s", problem)
        self.home_page.set_packs(content.packs)
        from mediation_kit.core.paths import user_dirs

        for results in (self.result_list, self.no_result_page.close_matches):
            results.set_record_source(content.record, user_dirs().thumbnails)  # kit thumbnails
        if self._resource_views is not None:
            self._resource_views.set_library(content.library)
        self.startup_problems = [*self.settings.problems, *content.problems]
        count = len(self.startup_problems)
        if content.engine is None:
            self._set_status(lambda: content.index_message or _("Search is unavailable."))
        elif count:
            self._set_status(lambda: ngettext(
                "Ready. {count} problem was found at start-up: it is listed in its own window.",
                "Ready. {count} problems were found at start-up: they are listed in their own "
                "window.", count).format(count=count))
        else:
            self._set_status(lambda: _("Ready."))
        self._retranslate_problems_button()
        self.problems_button.setVisible(bool(count))
        if count:
            self.show_startup_problems()
        self._retranslate_state()
        self.content_loaded.emit()
        if self.search_field.text().strip():
            self.run_search()

    def _start_index_build(self, content: Content) -> None:
        """Builds the index in another process; the previous one (if any) serves meanwhile."""
        from mediation_kit.ui.content import build_pending_index
        from mediation_kit.ui.workers import run_task

        job, content.index_job = content.index_job, None
        self._set_status(lambda: content.index_message)
        handle = run_task(partial(build_pending_index, job), with_progress=True, parent=self)
        handle.signals.progress.connect(self.on_loader_progress)
        handle.signals.finished.connect(self.on_index_built)
        handle.signals.failed.connect(self.on_loader_failed)
        self._load_handle = handle

    def on_index_built(self, built: Any) -> None:
        self._load_handle = None
        content = self.content
        previous, content.engine = content.engine, built.engine
        content.index_message = built.message
        content.problems += built.problems
        if previous is not None:  # after the search that may still use it
            self.search_runner.wait_idle()
            previous.close()
        self.set_content(content)

    def _set_status(self, text: Callable[[], str]) -> None:
        """`text()` gives the message in the current language (called again on a switch)."""
        self._status_text = text
        self._show_status()

    def _show_status(self) -> None:
        self.status_label.setText(self._status_text())

    # --- searching ------------------------------------------------------------------------

    def on_search_field_edited(self, text: str) -> None:
        self._browse = None

    def on_search_field_changed(self, text: str) -> None:
        if not self.built:
            if text.strip():
                self._show_page(self.message_page)
            return
        if not text.strip():
            self.debounce.stop()
            self.search_runner.invalidate()
            if not self._filters:
                self._last_results = None
                self.go_home(clear_field=False)
                return
        if self.content is None or self.content.engine is None:
            self._show_page(self.message_page)
            return
        # Fast searches start at once (a running one makes the new request wait, replacing
        # any older waiting one); slow ones wait for a pause in typing.
        if self.search_runner.last_duration < FAST_SEARCH_SECONDS:
            self.debounce.stop()
            self.run_search()
        else:
            self.debounce.start(DEBOUNCE_MS)

    def current_query(self) -> SearchQuery:
        from mediation_kit.core.search.api import SearchQuery

        return SearchQuery(text=self.search_field.text().strip(), filters=dict(self._filters))

    def run_search(self) -> None:
        if not self.built:
            return
        content = self.content
        if content is None or content.engine is None:
            return
        query = self.current_query()
        if not query.text and not query.filters:
            return
        self.search_runner.submit(query, partial(content.search, query))

    def on_search_results_ready(self, query: SearchQuery, results: SearchResults) -> None:
        self._last_results = results
        self._browse = None
        self.facet_panel.set_facets(results.facets, self._filters, results.facet_totals)
        if results.hits:
            self.result_list.set_hits(results.hits)
            self._show_page(self.results_page)
        else:
            self.no_result_page.show_nothing_found(query.text, results.suggestion, results.fuzzy)
            self._show_page(self.no_result_page)
        self._retranslate_state()
        self.results_shown.emit(query.text)

    def on_search_failed(self, query: SearchQuery, message: str) -> None:
        self._set_status(lambda: _("The search failed: {error}").format(error=message))
        self.results_shown.emit(query.text)

    def facet_values(self, facet: str) -> tuple:
        """Every value of `facet` for the query shown, for the panel's "N more…"."""
        engine = self.content.engine if self.content is not None else None
        if engine is None:
            return ()
        return engine.facet_values(self.current_query(), facet)

    def on_suggestion_chosen(self, suggestion: str) -> None:
        if suggestion:
            self.search_field.setText(suggestion)
            self.focus_search_field()

    def on_facet_filter_toggled(self, facet: str, value: str, checked: bool) -> None:
        values = set(self._filters.get(facet, frozenset()))
        if checked:
            values.add(value)
        else:
            values.discard(value)
        if values:
            self._filters[facet] = frozenset(values)
        else:
            self._filters.pop(facet, None)
        self.chips.set_filters(self._chip_filters())
        if not self.search_field.text().strip() and not self._filters:
            self.go_home(clear_field=False)
            return
        self.run_search()

    def on_chips_clear_requested(self) -> None:
        self._filters.clear()
        self.chips.set_filters([])
        if self.search_field.text().strip():
            self.run_search()
        else:
            self.go_home(clear_field=False)

    def _chip_filters(self) -> list[tuple[str, str, str]]:
        return [(facet, value, self.facet_panel.value_label(facet, value))
                for facet, values in self._filters.items() for value in sorted(values)]

    def on_home_browse_requested(self, pack_id: str, kind: str) -> None:
        pack = self.content.pack(pack_id) if self.content else None
        if pack is None:
            return
        self._push_place()
        self._browse = (pack_id, kind)
        from mediation_kit.core.model import ResourceType
        from mediation_kit.ui.content import browse_hits

        self.result_list.set_hits(browse_hits(pack, ResourceType(kind)))
        self.facet_panel.setVisible(False)
        self._show_page(self.results_page)
        self._retranslate_state()
        self.result_list.setFocus()

    # --- keyboard -------------------------------------------------------------------------

    def focus_search_field(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def on_search_field_down_pressed(self) -> None:
        if not self.built:
            return
        if self.stack.currentWidget() is self.home_page:
            self.home_page.focus_first_card()
            return
        target = self._visible_result_list()
        if target is not None and target.result_model.rowCount():
            target.setFocus()
            if not target.currentIndex().isValid():
                target.setCurrentIndex(target.result_model.index(0))

    def on_search_field_enter_pressed(self) -> None:
        if not self.built:
            return
        target = self._visible_result_list()
        if target is not None:
            hit = target.current_hit()
            if hit is not None:
                self.open_hit(hit)

    def _visible_result_list(self) -> ResultList | None:
        page = self.stack.currentWidget()
        if page is self.results_page:
            return self.result_list
        if page is self.no_result_page and self.no_result_page.close_matches.isVisible():
            return self.no_result_page.close_matches
        return None

    def on_escape(self) -> None:
        if self.built and self.stack.currentWidget() is self.view_stack:
            self.go_back()
        else:
            self.search_field.clear()
            self.focus_search_field()

    # --- navigation -----------------------------------------------------------------------

    def _show_page(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)
        if not self.built:
            return
        self.facet_panel.setVisible(
            page in (self.results_page, self.no_result_page) and self._browse is None
            and self._last_results is not None and self.facet_panel.topLevelItemCount() > 0)
        self.back_action.setEnabled(bool(self._history))

    def _push_place(self) -> None:
        page = self.stack.currentWidget()
        if page is self.view_stack:
            self._history.append(_Place(page, self._current_record, self._current_terms,
                                        self._current_time))
        else:
            self._history.append(_Place(page))
        del self._history[:-50]
        self.back_action.setEnabled(True)

    def go_back(self) -> None:
        if not self.built:
            return
        if not self._history:
            return
        place = self._history.pop()
        if place.page is self.view_stack and place.record is not None:
            self._show_record(place.record, list(place.terms), place.at_time)
        else:
            if place.page is self.home_page:
                self._browse = None
            self._show_page(place.page)
            focus = {self.results_page: self.result_list,
                     self.no_result_page: self.search_field}.get(place.page, self.search_field)
            focus.setFocus()
        self.back_action.setEnabled(bool(self._history))

    def go_home(self, clear_field: bool = True) -> None:
        if not self.built:
            return
        if clear_field and self.search_field.text():
            self.search_field.clear()  # comes back here through textChanged
        self._browse = None
        self._last_results = None
        self._history.clear()
        self._filters.clear()
        self.chips.set_filters([])
        self._show_page(self.home_page)

    def open_hit(self, hit: Hit) -> None:
        if not self.built:
            return
        if self.content is None:
            return
        record = self.content.record(hit.key)
        if record is None:
            self._set_status(lambda: _("This resource is no longer in the content packs."))
            return
        terms = highlight_terms(self.search_field.text()) if self._browse is None else []
        at_time = hit.time if hit.type == "cue" else None
        self._push_place()
        self._show_record(record, terms, at_time)

    def open_key(self, key: str) -> None:
        """Opens a resource linked from a view (the same session's replay, a translation)."""
        if not self.built:
            return
        if self.content is None:
            return
        record = self.content.record(key)
        if record is None:
            self._set_status(lambda: _("This resource is no longer in the content packs."))
            return
        self._push_place()
        at_time = None
        if ":cue:" in key:
            got = self.content.library.get(key) if self.content.library is not None else None
            if isinstance(got, tuple):
                at_time = got[1].start
        self._show_record(record, [], at_time)

    def _show_record(self, record: Any, terms: list[str], at_time: float | None) -> None:
        views = self.resource_views()
        self._current_record, self._current_terms, self._current_time = (
            record, tuple(terms), at_time)
        if not views.show_record(record, terms, at_time):
            self._set_status(lambda: _("This kind of resource cannot be shown."))
            return
        self._show_page(self.view_stack)
        views.currentWidget().setFocus()
        self.record_opened.emit(record.key)

    _current_terms: tuple[str, ...] = ()
    _current_time: float | None = None

    def resource_views(self) -> Any:
        """The summary, replay and kit views, created on first use (QtMultimedia is loaded
        only then, to keep start-up light)."""
        if self._resource_views is None:
            from mediation_kit.core.paths import user_dirs
            from mediation_kit.ui.views import ResourceViewStack

            views = ResourceViewStack(self._library(), user_dirs().thumbnails,
                                      self._media_folder(), self.view_stack)
            views.open_key_requested.connect(self.open_key)
            views.media_folder_settings_requested.connect(self.open_settings)
            self.view_stack.addWidget(views)
            self._resource_views = views
        return self._resource_views

    def _library(self) -> Any:
        return self.content.library if self.content is not None else None

    def _media_folder(self) -> Path | None:
        folder = self.settings["media_folder"]
        return Path(folder) if folder else None

    # --- presenting (ui/presentation) -----------------------------------------------------

    def present_open_resource(self) -> None:
        """F5: the open resource on the projector; a replay from where the player is."""
        from mediation_kit.ui.presentation import present_record

        if self.presentation is not None and not self.presentation.is_ended:
            return  # one presentation at a time; its own keys run it
        if self.plans is not None and self.plans.present_wanted():
            self.plans.present(0)  # F5 in the plan panel: the plan from its first item
            return
        views = self._resource_views
        if self._current_record is None or self.stack.currentWidget() is not self.view_stack:
            self._set_status(lambda: _("Open a resource to present it."))
            return
        at_time = self._current_time
        if views is not None and views.currentWidget() is views.replay_view:
            at_time = views.replay_view.player.position_seconds() or at_time
            views.replay_view.player.player.pause()
        self.presentation = present_record(self._current_record, at_time, self.settings,
                                           self._library(), self._media_folder(), parent=self)

    presentation: Any = None

    # --- settings and dialogs -------------------------------------------------------------

    def open_settings(self) -> None:
        from mediation_kit.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        dialog.applied.connect(self.apply_settings)
        listener = _weak_listener(dialog)
        i18n.add_language_listener(listener)
        dialog.finished.connect(lambda _r: i18n.remove_language_listener(listener))
        self.settings_dialog = dialog
        dialog.open()

    def apply_settings(self, values: dict[str, Any]) -> None:
        old = self.settings.as_dict()
        try:  # all or nothing (the dialog checks its fields first)
            checked = Settings()
            for name, value in values.items():
                checked[name] = value
        except SettingValueError as refused:
            self._set_status(lambda refused=refused: str(refused))
            return
        for name, value in values.items():
            self.settings[name] = value
        if self.services is not None:
            self.services.apply(self.settings)
        elif values.get("language", old["language"]) != old["language"]:
            i18n.set_language(values["language"] or i18n.system_language())
        if values.get("media_folder", old["media_folder"]) != old["media_folder"]:
            if self._resource_views is not None:
                self._resource_views.set_media_folder(self._media_folder())
        if self.built:
            self.result_list.retranslate()  # theme colours of the snippets
        self.save_settings()
        self.settings_applied.emit()

    def save_settings(self) -> None:
        if self.settings.path is None:
            return
        try:
            self.settings.save()
        except OSError as error:
            log.error("could not save the settings to %s: %s", self.settings.path, error)
            reason = str(error)  # `error` is unbound once the except block ends
            self._set_status(lambda: _("The settings could not be saved: {error}").format(
                error=reason))

    def show_startup_problems(self) -> None:
        """Lists the start-up problems in a window of their own, beside the main one."""
        from mediation_kit.ui.dialogs.startup_problems_dialog import StartupProblemsDialog

        dialog = self.startup_problems_dialog
        if dialog is None:
            dialog = StartupProblemsDialog(self.startup_problems, self.log_file, self)
            listener = _weak_listener(dialog)
            i18n.add_language_listener(listener)
            dialog.destroyed.connect(lambda: i18n.remove_language_listener(listener))
            self.startup_problems_dialog = dialog
        else:
            dialog.log_file = self.log_file
            dialog.set_problems(self.startup_problems)
        self._retranslate_problems_button()
        dialog.show()

    def open_import(self, path: Path | None = None) -> None:
        """The import dialog for `path`, or a file dialog to choose one."""
        imports = self.pack_imports()
        imports.open_archive(path) if path is not None else imports.choose_file()

    def pack_imports(self) -> Any:
        """ui.packs.PackImports: drops, drives and the import dialog (made on first use)."""
        if self._pack_imports is None:
            from mediation_kit.ui.packs.controller import PackImports

            self._pack_imports = PackImports(self, watch_drives=self._watch_drives)
            self._pack_imports.pack_imported.connect(self.on_pack_imports_pack_imported)
        return self._pack_imports

    def on_pack_imports_pack_imported(self, _result: Any) -> None:
        """Loads the packs and index again; the previous index is closed once replaced."""
        previous = self.content

        def close_previous() -> None:
            self.content_loaded.disconnect(close_previous)
            if previous is not None and previous is not self.content:
                previous.close()

        self.content_loaded.connect(close_previous)
        self.start_loading()  # the default loader reads the new state of the packs

    _pack_imports: Any = None
    _watch_drives = True

    def open_about(self) -> None:
        from mediation_kit.ui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self.content.packs if self.content else (), self)
        listener = _weak_listener(dialog)
        i18n.add_language_listener(listener)
        dialog.finished.connect(lambda _r: i18n.remove_language_listener(listener))
        self.about_dialog = dialog
        dialog.open()

    # --- geometry and closing -------------------------------------------------------------

    def _restore_geometry(self) -> None:
        restore_window_geometry(self, self.settings["window_geometry"])

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.plans is not None and not self.plans.may_close():  # unsaved plan: Cancel
            event.ignore()
            return
        self.shut_down()
        super().closeEvent(event)

    def shut_down(self) -> None:
        """Saves the settings and window layout, stops the work; safe to call twice (on
        closing the window, then when the application quits)."""
        if self._shut_down:
            return
        self._shut_down = True
        self.settings["window_geometry"] = bytes(self.saveGeometry().toBase64()).decode("ascii")
        if self.built:
            self.settings["window_state"] = bytes(
                self.splitter.saveState().toBase64()).decode("ascii")
        self.save_settings()
        if self._load_handle is not None:
            self._load_handle.cancel.cancel()
            # A build in another process cleans up when cancelled: give it the time to.
            from PySide6.QtCore import QThreadPool

            QThreadPool.globalInstance().waitForDone(5000)
        if self.built:
            self.search_runner.invalidate()
            self.search_runner.wait_idle()
        if self.content is not None:
            self.content.close()
        i18n.remove_language_listener(self._language_listener)
        if self._resource_views is not None:
            self._resource_views.replay_view.hide()  # stops the playback
        if self.presentation is not None and not self.presentation.is_ended:
            self.presentation.end()

    _shut_down = False
    plans: Any = None  # ui.plans.PlanController, made by finish_building()


def _unique_shortcuts(*sequences: QKeySequence) -> list[QKeySequence]:
    """The sequences without repeats (a platform's standard key may equal one of ours)."""
    seen: list[QKeySequence] = []
    for sequence in sequences:
        if not sequence.isEmpty() and all(sequence != other for other in seen):
            seen.append(sequence)
    return seen


def _weak_listener(widget: QWidget) -> Callable[[str], None]:
    """A language listener that does not keep `widget` alive and ignores it once deleted."""
    ref = weakref.ref(widget)

    def listener(language: str) -> None:
        target = ref()
        if target is None:
            return
        try:
            if hasattr(target, "on_language_changed"):
                target.on_language_changed(language)
            else:
                target.retranslate()
        except RuntimeError:  # the Qt object is already gone
            i18n.remove_language_listener(listener)

    return listener


def default_loader() -> ContentLoader:
    from mediation_kit.ui.content import load_installed_content

    return load_installed_content


__all__ = ["MainWindow", "highlight_terms"]
