"""Log in with an API key: access key plus secret key, the secret never kept.

The secret field is a password field, emptied as soon as the login starts. The dialog
stays open during the login and shows the error in place if it fails, with the access key
still typed, so the user only re-types the secret.
"""
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout

from ..core.i18n import tr
from .widgets import fit_height, plain_label


class ApiKeyDialog(QDialog):
    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self._waiting = False
        self.setWindowTitle(tr("Log in with an API key"))
        self.setObjectName("DinamisApiKeyDialog")
        self.access_key = QLineEdit()
        self.access_key.setObjectName("accessKey")
        self.secret_key = QLineEdit()
        self.secret_key.setObjectName("secretKey")
        self.secret_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_key.setPlaceholderText(tr("Shown once, at creation"))
        self.message = plain_label("message", error=True)
        self.message.hide()

        form = QFormLayout()
        form.addRow(tr("Access key"), self.access_key)
        form.addRow(tr("Secret key"), self.secret_key)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Log in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.setMinimumWidth(460)
        intro = plain_label("intro")
        intro.setText(tr("An API key lets QGIS and scripts use DINAMIS without a browser "
                         "login. A key belongs to a DINAMIS account: log in once with "
                         "\"Log in…\", then \"API keys…\" in the DINAMIS account panel "
                         "creates one and shows its secret key once. Paste both parts of "
                         "the key here."))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        controller.changed.connect(self._follow_state)

    def submit(self) -> None:
        access, secret = self.access_key.text().strip(), self.secret_key.text().strip()
        self.secret_key.clear()
        if not access or not secret:
            self.show_message(tr("Enter both the access key and the secret key."))
            return
        self.message.hide()
        self._waiting = True
        self.buttons.setEnabled(False)
        self.controller.login_api_key(access, secret)
        del secret

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        fit_height(self)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        fit_height(self)

    def _follow_state(self) -> None:
        if not self._waiting or self.controller.state == "logging_in":
            return
        self._waiting = False
        self.buttons.setEnabled(True)
        if self.controller.state == "logged_in" and not self.controller.error:
            self.accept()
        else:
            self.show_message(self.controller.error)
            self.secret_key.setFocus()

    def done(self, result) -> None:
        self.secret_key.clear()
        try:
            self.controller.changed.disconnect(self._follow_state)
        except TypeError:
            pass
        super().done(result)
