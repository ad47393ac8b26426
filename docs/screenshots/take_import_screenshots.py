"""Takes the import dialog's screenshots from the real app, on archives of the real packs.

    Xvfb :5 -screen 0 1366x768x24 -nolisten tcp -noreset &
    DISPLAY=:5 .venv/bin/python docs/screenshots/take_import_screenshots.py [--language fr]

A temporary kit ships nec-2025 and reset-2019 and trusts a key made for the occasion; the
example workshop plan is in its plans folder. Archives: rns-2024 signed (a new pack), nec-2025
one patch version up (an update that removes a summary cited by the plan, shortens another and retags a
poster: nothing is added or invented), rns-2024 unsigned, rns-2024 signed by a key the kit does not know, and rns-2024 cut in half
(refused). Writes import-new.png, import-update.png, import-unsigned.png,
import-unknown-key.png and import-refused.png next to this script; with --language fr,
import-update-fr.png only (the French of the longest dialog).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
WORK = Path(tempfile.mkdtemp(prefix="mk-import-shots-"))
os.environ["MEDIATION_KIT_PORTABLE_DIR"] = str(WORK / "portable")
os.environ["MEDIATION_KIT_RESOURCES"] = str(WORK / "resources")

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from mediation_kit.core.packs.archive import build_archive  # noqa: E402
from mediation_kit.core.packs.signing import generate_key_pair  # noqa: E402
from mediation_kit.core.settings import Settings  # noqa: E402
from mediation_kit.ui.app import AppServices  # noqa: E402
from mediation_kit.ui.main_window import MainWindow  # noqa: E402


def pump() -> None:
    QCoreApplication.processEvents()
    time.sleep(0.02)


def wait_until(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        pump()


def settle(seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pump()


def make_kit() -> dict[str, Path]:
    resources = WORK / "resources"
    for name in ("nec-2025", "reset-2019"):
        shutil.copytree(REPO / "resources" / "packs" / name, resources / "packs" / name)
    shutil.copytree(REPO / "resources" / "fonts", resources / "fonts")
    (resources / "keys").mkdir(parents=True)
    generate_key_pair(WORK / "maintainers")
    shutil.copy(WORK / "maintainers.pub", resources / "keys" / "maintainers.pub")
    plans = WORK / "portable" / "data" / "plans"
    plans.mkdir(parents=True)
    shutil.copy(REPO / "resources" / "plans" / "atelier-souverainete-numerique.mkplan", plans)

    archives = {}
    rns = REPO / "resources" / "packs" / "rns-2024"
    built = WORK / "rns-2024.mkpack"
    version = build_archive(rns, WORK / "maintainers", built).version
    archives["new"] = built.rename(WORK / f"rns-2024-{version}.mkpack")
    archives["unsigned"] = WORK / "rns-2024-unsigned.mkpack"
    build_archive(rns, None, archives["unsigned"])
    generate_key_pair(WORK / "someone")
    archives["unknown-key"] = WORK / "rns-2024-other-key.mkpack"
    build_archive(rns, WORK / "someone", archives["unknown-key"])
    archives["refused"] = WORK / "rns-2024-incomplete.mkpack"
    data = archives["new"].read_bytes()
    archives["refused"].write_bytes(data[: len(data) // 2])

    update = WORK / "update" / "nec-2025"
    shutil.copytree(REPO / "resources" / "packs" / "nec-2025", update)
    pack_toml = update / "pack.toml"
    text = pack_toml.read_text(encoding="utf-8")
    version = re.search(r'^version = "([0-9.]+)"', text, re.M).group(1)
    parts = version.split(".")
    newer = ".".join([*parts[:-1], str(int(parts[-1]) + 1)])
    pack_toml.write_text(text.replace(f'version = "{version}"', f'version = "{newer}"'),
                         encoding="utf-8")
    (update / "summaries" / "souverainete-regulation.md").unlink()
    summary = update / "summaries" / "fred-turner.md"
    lines = summary.read_text(encoding="utf-8").splitlines()
    summary.write_text("\n".join(lines[:-4]) + "\n", encoding="utf-8")
    kit = update / "kit" / "kit.toml"
    kit.write_text(kit.read_text(encoding="utf-8").replace(', "impression"]', "]", 1),
                   encoding="utf-8")
    archives["update"] = WORK / f"nec-2025-{newer}.mkpack"
    build_archive(update, WORK / "maintainers", archives["update"])
    return archives


def shoot(window: MainWindow, archive: Path, name: str, before=None) -> None:
    window.open_import(archive)
    dialog = window.pack_imports().dialog
    wait_until(lambda: dialog.state != "checking")
    if before is not None:
        before(dialog)
    dialog.resize(720, 440)
    settle(0.8)
    path = HERE / f"{name}.png"
    dialog.grab().save(str(path))
    print(path)
    dialog.close()
    settle(0.3)


def main() -> int:
    language = sys.argv[sys.argv.index("--language") + 1] if "--language" in sys.argv else "en"
    archives = make_kit()
    app = QApplication(sys.argv[:1])
    services = AppServices(app)
    settings = Settings(WORK / "portable" / "settings.toml")
    settings["language"] = language
    services.apply(settings)
    window = MainWindow(settings, app_services=services)
    window.resize(1280, 760)
    window.show()
    window.start_loading()
    wait_until(lambda: window.content is not None, timeout=180)
    settle(1.0)
    if language != "en":
        shoot(window, archives["update"], f"import-update-{language}")
        window.close()
        shutil.rmtree(WORK, ignore_errors=True)
        return 0
    shoot(window, archives["new"], "import-new")
    shoot(window, archives["update"], "import-update")
    shoot(window, archives["unsigned"], "import-unsigned")
    shoot(window, archives["unknown-key"], "import-unknown-key")
    shoot(window, archives["refused"], "import-refused")
    window.close()
    shutil.rmtree(WORK, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
