"""The screensaver is held off over D-Bus where a desktop offers it, and nothing fails where
none does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mediation_kit.ui.presentation.screensaver import ScreenSaverInhibitor

HERE = Path(__file__).resolve().parent
CHECK = """
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from mediation_kit.ui.presentation.screensaver import ScreenSaverInhibitor
inhibitor = ScreenSaverInhibitor()
print("held", inhibitor.inhibit("Presenting to a room"), inhibitor.cookie)
inhibitor.release()
print("released", inhibitor.held)
"""


def test_without_a_session_bus_nothing_fails(monkeypatch, qapp):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    inhibitor = ScreenSaverInhibitor()
    # The bus may already be open in this process; either way no exception, a clear answer.
    held = inhibitor.inhibit("test")
    assert held is inhibitor.held
    inhibitor.release()
    assert not inhibitor.held


def test_inhibit_reaches_the_desktops_screensaver_service():
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        address = daemon.stdout.readline().strip()
        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address, QT_QPA_PLATFORM="offscreen")
        fake = subprocess.Popen([sys.executable, str(HERE / "fake_screensaver.py")], env=env,
                                stdout=subprocess.PIPE, text=True)
        try:
            assert fake.stdout.readline().strip() == "ready"
            check = subprocess.run([sys.executable, "-c", CHECK], env=env, text=True,
                                   capture_output=True, timeout=30)
            assert "held True 42" in check.stdout, check.stdout + check.stderr
            assert "released False" in check.stdout
            assert fake.stdout.readline().strip() == "Inhibit Mediation Kit | Presenting to a room"
        finally:
            fake.kill()
            fake.wait()
            fake.stdout.close()
    finally:
        daemon.kill()
        daemon.wait()
        daemon.stdout.close()
