"""Holding the screensaver and display sleep off while presenting, where the desktop allows.

Linux desktops offer `org.freedesktop.ScreenSaver.Inhibit` on the session bus (GNOME, KDE,
Xfce and others). Without a session bus, or on another system, nothing happens and nothing
fails: the presentation does not depend on it.
"""

from __future__ import annotations

import logging

from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

from mediation_kit import APP_NAME

log = logging.getLogger(__name__)
SERVICE = "org.freedesktop.ScreenSaver"
PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")


class ScreenSaverInhibitor:
    def __init__(self) -> None:
        self.cookie: int | None = None
        self._interface: QDBusInterface | None = None

    @property
    def held(self) -> bool:
        return self.cookie is not None

    def inhibit(self, reason: str) -> bool:
        """Asks the desktop to keep the screens on; True when it agreed."""
        if self.cookie is not None:
            return True
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return False
        for path in PATHS:
            interface = QDBusInterface(SERVICE, path, SERVICE, bus)
            if not interface.isValid():
                continue
            reply = interface.call("Inhibit", APP_NAME, reason)
            if reply.type() == QDBusMessage.MessageType.ReplyMessage and reply.arguments():
                self.cookie = int(reply.arguments()[0])
                self._interface = interface
                return True
        log.info("the screensaver could not be held off (no %s on the session bus)", SERVICE)
        return False

    def release(self) -> None:
        if self.cookie is not None and self._interface is not None:
            self._interface.call("UnInhibit", self.cookie)
        self.cookie = None
        self._interface = None
