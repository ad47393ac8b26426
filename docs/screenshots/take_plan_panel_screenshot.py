"""Takes the plan panel's screenshot: the real app on the real packs, started with the example
plan as `mediation-kit resources/plans/atelier-souverainete-numerique.mkplan` starts it.

    Xvfb :5 -screen 0 1366x768x24 -nolisten tcp -noreset &
    DISPLAY=:5 .venv/bin/python docs/screenshots/take_plan_panel_screenshot.py

Writes plan-panel.png (English) and plan-panel-fr.png next to this script.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
EXAMPLE = REPO / "resources" / "plans" / "atelier-souverainete-numerique.mkplan"
os.environ.setdefault("MEDIATION_KIT_PORTABLE_DIR", tempfile.mkdtemp(prefix="mk-shots-"))
sys.path.insert(0, str(HERE))

from PySide6.QtWidgets import QApplication  # noqa: E402

from mediation_kit.core.settings import Settings  # noqa: E402
from mediation_kit.ui.app import AppServices  # noqa: E402
from mediation_kit.ui.main_window import MainWindow  # noqa: E402
from take_screenshots import search, settle, shoot, wait_until  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv)
    services = AppServices(app)
    settings = Settings(Path(os.environ["MEDIATION_KIT_PORTABLE_DIR"]) / "settings.toml")
    settings["language"] = "en"
    services.apply(settings)
    window = MainWindow(settings, app_services=services)
    window.resize(1366, 740)
    window.show()
    window.plans.files.open_path(EXAMPLE)
    window.start_loading()
    wait_until(lambda: window.content is not None, timeout=120)
    search(window, "souveraineté numérique")
    plans = window.plans
    window.statusBar().clearMessage()  # "Plan opened: <this checkout's path>"
    plans.panel.select_row(2)  # a title card: the editor shows its heading and lines
    from PySide6.QtCore import Qt

    window.resizeDocks([plans.dock], [560], Qt.Orientation.Horizontal)
    shoot(window, "plan-panel")
    window.apply_settings({"language": "fr"})
    search(window, "souveraineté numérique")
    plans.panel.select_row(3)
    shoot(window, "plan-panel-fr")
    window.apply_settings({"language": "en"})
    plans.document.undo_stack.setClean()
    window.close()
    settle()
    return 0


if __name__ == "__main__":
    sys.exit(main())
