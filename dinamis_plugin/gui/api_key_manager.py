"""The API keys of the logged-in account: list them, create one, revoke one.

An API key is how scripts log in without a browser. The signing service creates, lists
and revokes keys for an account login (bearer token), as the DINAMIS SDK does; each call
runs in a task. A new key's secret is shown once, read-only, with copy buttons and a
warning; it is cleared when the window closes and the plugin never stores it.
"""
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QFont, QGuiApplication
from qgis.PyQt.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QGridLayout,
                                 QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                                 QMessageBox, QPushButton, QTableWidget, QTableWidgetItem,
                                 QVBoxLayout)

from ..core.i18n import tr
from ..qgis_glue.tasks import TaskRunner
from .widgets import fit_height, plain_label

MAX_DESCRIPTION = 200  # what the signing service accepts


class ApiKeyManagerDialog(QDialog):
    """Keys of `controller.session` (an account login); refreshed when opened."""

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.runner = TaskRunner()
        self.keys = []  # core.api_key.ApiKeyInfo, as listed
        self.confirm_box = None
        self.confirm_revoke_button = None
        self.setWindowTitle(tr("DINAMIS API keys"))
        self.setObjectName("DinamisApiKeyManager")
        self.setMinimumWidth(600)
        self.resize(640, 420)

        intro = plain_label("intro")
        intro.setText(tr("An API key lets a script use your DINAMIS account without a "
                         "browser login. Create one per machine or use, and revoke the keys "
                         "you no longer use."))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("keyTable")
        self.table.setHorizontalHeaderLabels([tr("Access key"), tr("Description"),
                                              tr("Created")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in (0, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(5 * self.table.verticalHeader().defaultSectionSize())
        self.revoke_button = QPushButton(tr("Revoke…"))
        self.revoke_button.setEnabled(False)
        self.description = QLineEdit()
        self.description.setObjectName("description")
        self.description.setMaxLength(MAX_DESCRIPTION)
        self.description.setPlaceholderText(tr("What the key is for, e.g. \"laptop scripts\""))
        self.create_button = QPushButton(tr("Create a key"))
        self.status = plain_label("status")

        self.new_key_box = self._new_key_box()
        self.new_key_box.hide()

        create_row = QHBoxLayout()
        create_row.addWidget(self.description, 1)
        create_row.addWidget(self.create_button)
        list_row = QHBoxLayout()
        list_row.addStretch(1)
        list_row.addWidget(self.revoke_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(list_row)
        layout.addLayout(create_row)
        layout.addWidget(self.new_key_box)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self.create_button.clicked.connect(self.create_key)
        self.revoke_button.clicked.connect(self.ask_revoke)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    def _new_key_box(self) -> QGroupBox:
        box = QGroupBox(tr("Your new API key"))
        self.new_access_key = QLineEdit()
        self.new_access_key.setObjectName("newAccessKey")
        self.new_secret_key = QLineEdit()
        self.new_secret_key.setObjectName("newSecretKey")
        fixed = QFont("monospace")
        fixed.setStyleHint(QFont.StyleHint.TypeWriter)
        for field in (self.new_access_key, self.new_secret_key):
            field.setReadOnly(True)
            field.setFont(fixed)
        self.copy_access_button = QPushButton(tr("Copy"))
        self.copy_secret_button = QPushButton(tr("Copy"))
        self.copy_access_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.new_access_key.text()))
        self.copy_secret_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.new_secret_key.text()))
        warning = plain_label("secretWarning")
        warning.setText(tr("Copy the secret key now and keep it somewhere safe, such as a "
                           "password manager: it is shown only this once and is gone when "
                           "this window closes. Anyone with both parts can use your DINAMIS "
                           "account; revoke the key if it leaks."))
        warning.setStyleSheet("color: #b00020; font-weight: bold;")
        usage = plain_label("usage")
        usage.setText(tr("In a Python script on this machine, log in once with "
                         "dinamis.login(api_key=\"<access key>\", secret_key=\"<secret key>\"): "
                         "the key is then kept in the system keyring. In QGIS, \"Use an API "
                         "key…\" in the DINAMIS account panel."))
        grid = QGridLayout(box)
        grid.addWidget(QLabel(tr("Access key")), 0, 0)
        grid.addWidget(self.new_access_key, 0, 1)
        grid.addWidget(self.copy_access_button, 0, 2)
        grid.addWidget(QLabel(tr("Secret key")), 1, 0)
        grid.addWidget(self.new_secret_key, 1, 1)
        grid.addWidget(self.copy_secret_button, 1, 2)
        grid.addWidget(warning, 2, 0, 1, 3)
        grid.addWidget(usage, 3, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        return box

    # --- actions -------------------------------------------------------------------------
    def refresh(self) -> None:
        from ..core.api_key import list_api_keys
        session = self._session()
        if session is None:
            return
        self._busy(tr("Listing your API keys…"))
        self.runner.run(tr("Listing DINAMIS API keys"), lambda _c: list_api_keys(session),
                        self._show_keys, self._show_error)

    def create_key(self) -> None:
        from ..core.api_key import create_api_key
        session = self._session()
        if session is None:
            return
        description = self.description.text().strip()
        self._busy(tr("Creating an API key…"))
        self.runner.run(tr("Creating a DINAMIS API key"),
                        lambda _c: create_api_key(session, description), self._show_new_key,
                        self._show_error)

    def ask_revoke(self) -> None:
        access_key = self.selected_access_key()
        if not access_key:
            return
        self.confirm_box = QMessageBox(
            QMessageBox.Icon.Warning, tr("Revoke an API key"),
            tr("Revoke the API key {key}? Every script or machine using it loses access to "
               "DINAMIS. This cannot be undone.").format(key=access_key),
            QMessageBox.StandardButton.Cancel, self)
        self.confirm_box.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm_revoke_button = self.confirm_box.addButton(
            tr("Revoke"), QMessageBox.ButtonRole.DestructiveRole)
        self.confirm_box.buttonClicked.connect(
            lambda button: self.revoke(access_key)
            if button is self.confirm_revoke_button else None)
        self.confirm_box.open()

    def revoke(self, access_key: str) -> None:
        from ..core.api_key import revoke_api_key
        session = self._session()
        if session is None:
            return
        self._busy(tr("Revoking the API key…"))
        self.runner.run(tr("Revoking a DINAMIS API key"),
                        lambda _c: revoke_api_key(session, access_key),
                        lambda _none: self._revoked(access_key), self._show_error)

    def selected_access_key(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        return self.keys[rows[0].row()].access_key if rows else ""

    # --- results (main thread) -----------------------------------------------------------
    def _show_keys(self, keys) -> None:
        self.keys = list(keys)
        self.table.setRowCount(len(self.keys))
        for row, key in enumerate(self.keys):
            for column, text in enumerate((key.access_key, key.description,
                                           key.created_at[:16].replace("T", " "))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._done(tr("You have no API key.") if not self.keys else "")

    def _show_new_key(self, key) -> None:
        self.new_access_key.setText(key.access_key)
        self.new_secret_key.setText(key.secret_key)
        for field in (self.new_access_key, self.new_secret_key):
            field.setCursorPosition(0)  # show each key from its start
        self.new_key_box.show()
        fit_height(self)  # room for the key and its wrapped warning
        self.description.clear()
        self.refresh()

    def _revoked(self, access_key: str) -> None:
        if self.new_access_key.text() == access_key:
            self._forget_new_key()
        self.refresh()

    def _show_error(self, message: str) -> None:
        self._done(message, error=True)

    # --- helpers -------------------------------------------------------------------------
    def _session(self):
        session = self.controller.session
        if session is None or session.login_kind != "account":
            self._done(tr("Log in with your DINAMIS account (\"Log in…\") to manage your API "
                          "keys: an API key cannot create or list keys."), error=True)
            return None
        return session

    def _busy(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)
        for button in (self.create_button, self.revoke_button):
            button.setEnabled(False)

    def _done(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.setText(text)
        self.create_button.setEnabled(True)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.revoke_button.setEnabled(bool(self.selected_access_key())
                                      and self.create_button.isEnabled())

    def _forget_new_key(self) -> None:
        self.new_secret_key.clear()
        self.new_access_key.clear()
        self.new_key_box.hide()

    def done(self, result) -> None:
        """Closing forgets the new secret and drops the tasks' results."""
        self._forget_new_key()
        self.runner.cancel_all()
        if self.confirm_box is not None:
            self.confirm_box.close()
        super().done(result)
