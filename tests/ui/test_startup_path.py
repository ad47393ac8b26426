"""What the first frame waits for: the real app, started as a user starts it, is checked at
the moment its search field first paints. The command line's parser and Qt's enum namespace
(10-25 ms each on this machine) and the log file's handlers (sockets, pickle, threads: ~8 ms)
must come later; bench/startup_bench.py measures the time."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = r"""
import json, sys
import PySide6.QtCore as QtCore
import mediation_kit.ui.app as app

real_fire = app.FirstPaint._fire

def fire(self):
    if self._then is not None:
        print("PROBE " + json.dumps({
            "cli": "mediation_kit.cli" in sys.modules,
            "qt_namespace": "Qt" in vars(QtCore),
            "whoosh": any(m.startswith("whoosh") for m in sys.modules),
            "log_file_handlers": "logging.handlers" in sys.modules,
        }), flush=True)
    real_fire(self)

app.FirstPaint._fire = fire
from mediation_kit.__main__ import main
sys.exit(main([]))
"""


def test_the_first_frame_waits_for_neither_the_parser_nor_qt_s_enums(tmp_path):
    env = {**os.environ, "MEDIATION_KIT_STARTUP_MARKER": "1",
           "MEDIATION_KIT_PORTABLE_DIR": str(tmp_path / "user"), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, timeout=120,
                          capture_output=True, text=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("PROBE ")]
    assert lines, done.stdout + done.stderr
    loaded = json.loads(lines[0][len("PROBE "):])
    assert loaded == {"cli": False, "qt_namespace": False, "whoosh": False,
                      "log_file_handlers": False}
    assert "mediation-kit-ready" in done.stdout  # and the content loads after it
