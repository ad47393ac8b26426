"""A stand-in for the desktop's org.freedesktop.ScreenSaver on a private session bus: answers
Inhibit with cookie 42 and prints each call (run by test_screensaver.py)."""

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class ScreenSaver(QObject):
    @Slot(str, str, result="uint")
    def Inhibit(self, application, reason):  # noqa: N802 (the D-Bus method's name)
        print(f"Inhibit {application} | {reason}", flush=True)
        return 42


app = QCoreApplication([])
bus = QDBusConnection.sessionBus()
service = ScreenSaver()
bus.registerObject("/org/freedesktop/ScreenSaver", service,
                   QDBusConnection.RegisterOption.ExportAllSlots)
bus.registerService("org.freedesktop.ScreenSaver")
print("ready", flush=True)
app.exec()
