""""Identify screens": a large number and the screen's name on every screen for a few seconds,
so the leader can tell which entry of the settings list is the projector."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QScreen
from PySide6.QtWidgets import QWidget

from mediation_kit.ui.presentation.screens import ScreenId

SHOWN_MS = 4000


class ScreenNumber(QWidget):
    def __init__(self, number: int, screen: QScreen) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint | Qt.WindowType.Tool)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.number = number
        self.shown_on = screen
        self.label = ScreenId.of(screen).describe()
        self.setAccessibleName(self.label)
        geometry = screen.geometry()
        size = min(geometry.width(), geometry.height()) // 2
        self.resize(size, size)
        self.winId()
        self.windowHandle().setScreen(screen)
        self.move(geometry.center() - self.rect().center())

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#1f5fa8"))
        painter.setPen(QColor("white"))
        font = QFont()
        font.setPixelSize(self.height() // 2)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(self.rect().adjusted(0, 0, 0, -self.height() // 5),
                         int(Qt.AlignmentFlag.AlignCenter), str(self.number))
        font.setPixelSize(max(12, self.height() // 14))
        font.setBold(False)
        painter.setFont(font)
        painter.drawText(self.rect().adjusted(8, 0, -8, -self.height() // 12),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                         self.label)
        painter.end()


class ScreenIdentifier:
    """Shows the numbers; the settings list the screens in the same order."""

    def __init__(self) -> None:
        self.windows: list[ScreenNumber] = []
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide)
        # A screen unplugged while its number is up takes the number away with it.
        QGuiApplication.instance().screenRemoved.connect(self.on_app_screen_removed)

    def show(self, screens: list[QScreen] | None = None) -> list[ScreenNumber]:
        self.hide()
        for number, screen in enumerate(screens or QGuiApplication.screens(), start=1):
            window = ScreenNumber(number, screen)
            window.show()
            self.windows.append(window)
        self.timer.start(SHOWN_MS)
        return self.windows

    def on_app_screen_removed(self, screen: QScreen) -> None:
        for window in [w for w in self.windows if w.shown_on is screen]:
            self.windows.remove(window)
            window.close()
            window.deleteLater()

    def hide(self) -> None:
        for window in self.windows:
            window.close()
            window.deleteLater()
        self.windows = []
