"""The DINAMIS account dock: which profile, who is logged in, what the account may do.

Widgets only: every action is a SessionController call (which runs a task), and the panel
redraws itself from the controller's state on each `changed` signal.
"""
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QLocale, pyqtSignal
from qgis.PyQt.QtWidgets import (QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                                 QPushButton, QToolButton, QVBoxLayout, QWidget)

from ..core.i18n import tr
from ..qgis_glue import settings
from ..qgis_glue.plugin_session import LOGGED_IN, LOGGING_IN, RESTORING
from .api_key_dialog import ApiKeyDialog
from .device_login_dialog import DeviceLoginDialog

OBJECT_NAME = "DinamisAccountDock"


def _escape(text) -> str:
    return (str(text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


class AccountPanel(QgsDockWidget):
    """Dock "DINAMIS account" with profile choice, login state, quotas and actions."""

    settings_requested = pyqtSignal()

    def __init__(self, controller, parent=None):
        super().__init__(tr("DINAMIS account"), parent)
        self.setObjectName(OBJECT_NAME)
        self.controller = controller
        self.device_dialog = None
        self.api_key_dialog = None

        body = QWidget()
        layout = QVBoxLayout(body)

        profile_row = QHBoxLayout()
        profile_row.addWidget(QLabel(tr("Profile")))
        self.profile_combo = QComboBox()
        self.profile_combo.setObjectName("profileCombo")
        self.profile_combo.setToolTip(tr("Which DINAMIS services to use"))
        profile_row.addWidget(self.profile_combo, 1)
        self.settings_button = QToolButton()
        self.settings_button.setText("…")
        self.settings_button.setToolTip(tr("DINAMIS settings"))
        self.settings_button.clicked.connect(self.settings_requested)
        profile_row.addWidget(self.settings_button)
        layout.addLayout(profile_row)

        self.state_label = QLabel()
        self.state_label.setObjectName("stateLabel")
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)

        self.details_box = QGroupBox(tr("Account"))
        details = QGridLayout(self.details_box)
        self.detail_values = {}
        for row, (key, label) in enumerate((("username", tr("User name")),
                                            ("entity", tr("Entity")),
                                            ("category", tr("Category")),
                                            ("status", tr("Status")))):
            details.addWidget(QLabel(label), row, 0)
            value = QLabel()
            value.setObjectName(f"detail_{key}")
            value.setWordWrap(True)
            details.addWidget(value, row, 1)
            self.detail_values[key] = value
        details.setColumnStretch(1, 1)
        layout.addWidget(self.details_box)

        self.quotas_box = QGroupBox(tr("Remaining free quotas this year"))
        quotas_layout = QVBoxLayout(self.quotas_box)
        self.quotas_label = QLabel()
        self.quotas_label.setObjectName("quotasLabel")
        self.quotas_label.setWordWrap(True)
        quotas_layout.addWidget(self.quotas_label)
        layout.addWidget(self.quotas_box)

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error_label)

        self.login_button = QPushButton(tr("Log in…"))
        self.api_key_button = QPushButton(tr("Use an API key…"))
        self.logout_button = QPushButton(tr("Log out"))
        self.refresh_button = QPushButton(tr("Refresh"))
        buttons = QGridLayout()
        buttons.addWidget(self.login_button, 0, 0)
        buttons.addWidget(self.api_key_button, 0, 1)
        buttons.addWidget(self.refresh_button, 1, 0)
        buttons.addWidget(self.logout_button, 1, 1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setWidget(body)

        self.login_button.clicked.connect(self.start_device_login)
        self.api_key_button.clicked.connect(self.open_api_key_dialog)
        self.logout_button.clicked.connect(controller.logout)
        self.refresh_button.clicked.connect(controller.refresh)
        self.profile_combo.activated.connect(self._profile_chosen)
        controller.changed.connect(self.update_view)
        self.reload_profiles()
        self.update_view()

    # --- profiles ----------------------------------------------------------------------
    def reload_profiles(self) -> None:
        """Refill the combo from the settings (after the settings dialog)."""
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        for profile in settings.all_profiles():
            self.profile_combo.addItem(profile.name, profile.name)
        index = self.profile_combo.findData(self.controller.profile.name)
        self.profile_combo.setCurrentIndex(max(index, 0))
        self.profile_combo.blockSignals(False)

    def _profile_chosen(self, index: int) -> None:
        name = self.profile_combo.itemData(index)
        if name and name != self.controller.profile.name:
            self.controller.set_profile(name)

    # --- actions -----------------------------------------------------------------------
    def start_device_login(self) -> None:
        self.device_dialog = DeviceLoginDialog(self.controller, self)
        self.device_dialog.show()
        self.controller.login_device()

    def open_api_key_dialog(self) -> None:
        self.api_key_dialog = ApiKeyDialog(self.controller, self)
        self.api_key_dialog.show()

    # --- view --------------------------------------------------------------------------
    def update_view(self) -> None:
        c = self.controller
        busy = c.state in (LOGGING_IN, RESTORING)
        logged_in = c.state == LOGGED_IN
        account = c.account if logged_in else None
        if c.state == LOGGING_IN:
            self.state_label.setText(tr("Logging in…"))
        elif c.state == RESTORING:
            self.state_label.setText(tr("Resuming your previous login…"))
        elif account is not None and getattr(account, "known", True):
            self.state_label.setText(tr("Logged in as {name} ({username})").format(
                name=_escape(account.name or account.username),
                username=_escape(account.username)))
        elif account is not None:
            self.state_label.setText(account.display_name())
        else:
            self.state_label.setText(tr("Not logged in to {profile}.").format(
                profile=_escape(c.profile.name)))

        show_details = account is not None and getattr(account, "known", True)
        self.details_box.setVisible(show_details)
        if show_details:
            self.detail_values["username"].setText(_escape(account.username))
            self.detail_values["entity"].setText(_escape(account.entity or "—"))
            self.detail_values["category"].setText(account.category_label())
            self.detail_values["status"].setText(account.status_message())
        elif account is not None:
            self.state_label.setText(account.status_message())

        quotas = c.quotas if logged_in else None
        self.quotas_box.setVisible(bool(quotas))
        if quotas:
            self.quotas_label.setText("<br>".join(
                tr("{sensor}: {remaining} km² of {free} km²").format(
                    sensor=_escape(q.sensor_label), remaining=_km2(q.remaining_km2),
                    free=_km2(q.free_km2))
                for q in quotas))

        if logged_in and not getattr(c, "login_kept", True):
            self.state_label.setText(tr("{login} (for this QGIS session only)").format(
                login=self.state_label.text()))
        self.error_label.setText(_escape(c.error))
        self.error_label.setVisible(bool(c.error))
        self.login_button.setEnabled(not busy)
        self.api_key_button.setEnabled(not busy)
        self.logout_button.setEnabled(logged_in)
        self.refresh_button.setEnabled(logged_in)
        self.profile_combo.setEnabled(not busy)
        index = self.profile_combo.findData(c.profile.name)
        if index >= 0 and index != self.profile_combo.currentIndex():
            self.profile_combo.blockSignals(True)
            self.profile_combo.setCurrentIndex(index)
            self.profile_combo.blockSignals(False)

    def dispose(self) -> None:
        """Plugin unload: close the login dialogs and stop listening to the controller."""
        for dialog in (self.device_dialog, self.api_key_dialog):
            if dialog is not None:
                dialog.reject()
        self.device_dialog = self.api_key_dialog = None
        try:
            self.controller.changed.disconnect(self.update_view)
        except TypeError:
            pass


def _km2(value: float) -> str:
    """An area in the user's number format (QGIS sets QLocale's default): 4,500 / 4 500."""
    return QLocale().toString(float(value), "f", 0)
