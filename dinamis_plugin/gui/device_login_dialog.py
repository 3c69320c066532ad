"""The device-code login dialog: the code to type, the page to open, the time left.

The login itself runs in a task (SessionController.login_device); this dialog only shows
the code the task received and lets the user open the browser, copy the code or cancel.
"""
import time

from qgis.PyQt.QtCore import Qt, QTimer, QUrl
from qgis.PyQt.QtGui import QDesktopServices, QFont, QGuiApplication
from qgis.PyQt.QtWidgets import (QDialog, QHBoxLayout, QLabel, QLayout, QPushButton,
                                 QVBoxLayout)

from ..core.i18n import tr


class DeviceLoginDialog(QDialog):
    """Shows one DeviceCode; Cancel (or closing) asks the controller to stop waiting."""

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.device = None
        self.setWindowTitle(tr("Log in to DINAMIS"))
        self.setObjectName("DinamisDeviceLoginDialog")

        self.intro = QLabel(tr("Waiting for the login code from DINAMIS..."))
        self.intro.setWordWrap(True)
        self.code_label = QLabel("")
        self.code_label.setObjectName("userCode")
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.code_label.font())
        font.setPointSize(max(font.pointSize(), 10) * 2)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 3)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_label = QLabel("")
        self.url_label.setObjectName("verificationUrl")
        self.url_label.setTextFormat(Qt.TextFormat.PlainText)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.countdown_label = QLabel("")

        self.open_button = QPushButton(tr("Open browser"))
        self.copy_button = QPushButton(tr("Copy code"))
        self.cancel_button = QPushButton(tr("Cancel"))
        for button in (self.open_button, self.copy_button):
            button.setEnabled(False)
        self.open_button.clicked.connect(self.open_browser)
        self.copy_button.clicked.connect(self.copy_code)
        self.cancel_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.setMinimumWidth(440)
        for widget in (self.intro, self.code_label, self.url_label, self.countdown_label):
            layout.addWidget(widget)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        controller.device_code.connect(self.show_code)
        controller.changed.connect(self._follow_state)

    def show_code(self, device) -> None:
        self.device = device
        self.intro.setText(tr("Open the page below in your browser, log in to DINAMIS and "
                              "enter this code:"))
        self.code_label.setText(device.user_code)
        self.url_label.setText(device.verification_uri)
        self.open_button.setEnabled(True)
        self.copy_button.setEnabled(True)
        self._tick()
        self._timer.start()
        self.adjustSize()

    def seconds_left(self) -> int:
        if self.device is None:
            return 0
        return max(0, int(self.device.expires_at - time.time()))

    def _tick(self) -> None:
        left = self.seconds_left()
        self.countdown_label.setText(tr("The code expires in {minutes}:{seconds:02d}.")
                                     .format(minutes=left // 60, seconds=left % 60))

    def open_browser(self) -> None:
        if self.device is not None:
            QDesktopServices.openUrl(QUrl(self.device.browser_url))

    def copy_code(self) -> None:
        if self.device is not None:
            QGuiApplication.clipboard().setText(self.device.user_code)

    def _follow_state(self) -> None:
        """Close by itself once the login task ended (success or error)."""
        if self.controller.state not in ("logging_in",) and self.isVisible():
            self._timer.stop()
            self.accept()

    def reject(self) -> None:
        """Cancel (or closing the window) stops the login; that is no error."""
        self._timer.stop()
        waiting = self.controller.state == "logging_in"
        super().reject()
        if waiting:
            self.controller.cancel_login()

    def done(self, result) -> None:
        for signal, slot in ((self.controller.device_code, self.show_code),
                             (self.controller.changed, self._follow_state)):
            try:
                signal.disconnect(slot)
            except TypeError:
                pass
        super().done(result)
