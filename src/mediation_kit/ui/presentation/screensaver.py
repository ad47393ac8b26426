"""Holding the screensaver and display sleep off while presenting, where the desktop allows.

Linux desktops offer `org.freedesktop.ScreenSaver.Inhibit` on the session bus (KDE, GNOME,
Xfce and others). The kit asks on a connection of its own and, to release, closes that
connection: the desktops drop an inhibition when the client that asked goes away, and
PySide cannot send back the cookie as the unsigned integer `UnInhibit` expects (a Python int
goes out as a signed one). Without a session bus, or on another system, nothing happens and
nothing fails: the presentation does not depend on it.
"""

from __future__ import annotations

import itertools
import logging

from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

from mediation_kit import APP_NAME

log = logging.getLogger(__name__)
SERVICE = "org.freedesktop.ScreenSaver"
PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")
_names = itertools.count(1)


class ScreenSaverInhibitor:
    def __init__(self) -> None:
        self.cookie: int | None = None
        self._connection_name = ""

    @property
    def held(self) -> bool:
        return self.cookie is not None

    def inhibit(self, reason: str) -> bool:
        """Asks the desktop to keep the screens on; True when it agreed."""
        if self.cookie is not None:
            return True
        name = f"mediation-kit-screensaver-{next(_names)}"
        bus = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, name)
        if not bus.isConnected():
            QDBusConnection.disconnectFromBus(name)
            return False
        for path in PATHS:
            interface = QDBusInterface(SERVICE, path, SERVICE, bus)
            if not interface.isValid():
                continue
            reply = interface.call("Inhibit", APP_NAME, reason)
            if reply.type() == QDBusMessage.MessageType.ReplyMessage and reply.arguments():
                self.cookie = int(reply.arguments()[0])
                self._connection_name = name
                return True
        QDBusConnection.disconnectFromBus(name)
        log.info("the screensaver could not be held off (no %s on the session bus)", SERVICE)
        return False

    def release(self) -> None:
        if self._connection_name:
            QDBusConnection.disconnectFromBus(self._connection_name)
        self.cookie = None
        self._connection_name = ""
