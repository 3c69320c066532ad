"""The DINAMIS account dock: which profile, who is logged in, what the account may do.

Widgets only: every action is a SessionController call (which runs a task), and the panel
redraws itself from the controller's state on each `changed` signal. Only what is known is
shown: DINAMIS may state no entity, category or status at login (core OpenID Connect
claims only), and then those rows are left out or say the status is not known yet.
Labels showing server or user text are plain text: "R&D" never turns into markup.
"""
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QLocale, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                                 QPushButton, QToolButton, QVBoxLayout, QWidget)

from ..core.i18n import tr
from ..qgis_glue import settings
from ..qgis_glue.plugin_session import LOGGED_IN, LOGGING_IN, RESTORING
from .api_key_dialog import ApiKeyDialog
from .device_login_dialog import DeviceLoginDialog
from .widgets import VerticalScrollArea, plain_label

OBJECT_NAME = "DinamisAccountDock"


class AccountPanel(QgsDockWidget):
    """Dock "DINAMIS account" with profile choice, login state, quotas and actions."""

    settings_requested = pyqtSignal()

    def __init__(self, controller, parent=None):
        super().__init__(tr("DINAMIS account"), parent)
        self.setObjectName(OBJECT_NAME)
        self.controller = controller
        self.device_dialog = None
        self.api_key_dialog = None
        self.api_keys_dialog = None  # the API key manager

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

        self.state_label = plain_label("stateLabel")
        layout.addWidget(self.state_label)

        self.details_box = QGroupBox(tr("Account"))
        details = QGridLayout(self.details_box)
        self.detail_names = {}
        self.detail_values = {}
        for row, (key, label) in enumerate((("username", tr("User name")),
                                            ("email", tr("E-mail")),
                                            ("entity", tr("Entity")),
                                            ("category", tr("Category")),
                                            ("status", tr("Status")))):
            name = QLabel(label)
            name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            details.addWidget(name, row, 0)
            value = plain_label(f"detail_{key}")
            details.addWidget(value, row, 1)
            self.detail_names[key] = name
            self.detail_values[key] = value
        details.setColumnStretch(1, 1)
        layout.addWidget(self.details_box)

        self.quotas_box = QGroupBox(tr("Remaining free quotas this year"))
        quotas_layout = QVBoxLayout(self.quotas_box)
        self.quotas_label = plain_label("quotasLabel")
        quotas_layout.addWidget(self.quotas_label)
        layout.addWidget(self.quotas_box)

        self.error_label = plain_label("errorLabel", error=True)
        layout.addWidget(self.error_label)

        self.login_button = QPushButton(tr("Log in…"))
        self.api_key_button = QPushButton(tr("Use an API key…"))
        self.logout_button = QPushButton(tr("Log out"))
        self.refresh_button = QPushButton(tr("Refresh"))
        self.manage_keys_button = QPushButton(tr("API keys…"))
        self.manage_keys_button.setObjectName("manageApiKeys")
        self.manage_keys_button.setToolTip(tr("Create, list and revoke the API keys of your "
                                              "account (scripts log in with them)"))
        buttons = QGridLayout()
        buttons.addWidget(self.login_button, 0, 0)
        buttons.addWidget(self.api_key_button, 0, 1)
        buttons.addWidget(self.refresh_button, 1, 0)
        buttons.addWidget(self.logout_button, 1, 1)
        buttons.addWidget(self.manage_keys_button, 2, 0, 1, 2)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setWidget(VerticalScrollArea(body))  # short docks scroll, never clip

        self.login_button.clicked.connect(self.start_device_login)
        self.api_key_button.clicked.connect(self.open_api_key_dialog)
        self.manage_keys_button.clicked.connect(self.open_api_keys_manager)
        self.logout_button.clicked.connect(controller.logout)
        self.refresh_button.clicked.connect(controller.refresh)
        self.profile_combo.activated.connect(self._profile_chosen)
        controller.changed.connect(self.update_view)
        controller.device_login_started.connect(self.show_device_dialog)
        self.reload_profiles()
        self.update_view()

    # --- profiles ----------------------------------------------------------------------
    def reload_profiles(self) -> None:
        """Refill the combo from the settings (after the settings dialog)."""
        self.profile_combo.blockSignals(True)
        self.profile_combo.clear()
        for profile in settings.all_profiles():
            self.profile_combo.addItem(settings.shown_name(profile.name), profile.name)
        index = self.profile_combo.findData(self.controller.profile.name)
        self.profile_combo.setCurrentIndex(max(index, 0))
        self.profile_combo.blockSignals(False)

    def _profile_chosen(self, index: int) -> None:
        name = self.profile_combo.itemData(index)
        if name and name != self.controller.profile.name:
            self.controller.set_profile(name)

    # --- actions -----------------------------------------------------------------------
    def start_device_login(self) -> None:
        """The controller announces the login (`device_login_started`): the dialog opens."""
        self.controller.login_device()

    def show_device_dialog(self) -> None:
        """The login dialog of the running device login (started here or in the console)."""
        self.device_dialog = self._shown(self.device_dialog, DeviceLoginDialog)

    def open_api_key_dialog(self) -> None:
        self.api_key_dialog = ApiKeyDialog(self.controller, self)
        self.api_key_dialog.show()

    def open_api_keys_manager(self) -> None:
        from .api_key_manager import ApiKeyManagerDialog
        self.api_keys_dialog = self._shown(self.api_keys_dialog, ApiKeyManagerDialog)

    def _shown(self, dialog, dialog_class):
        """`dialog` raised if it is open, else a new `dialog_class` shown."""
        if dialog is not None and dialog.isVisible():
            dialog.raise_()
            return dialog
        dialog = dialog_class(self.controller, self)
        dialog.show()
        return dialog

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
        elif account is not None and account.known:
            self.state_label.setText(tr("Logged in as {name} ({username})").format(
                name=account.name or account.username, username=account.username))
        elif account is not None:
            self.state_label.setText(account.display_name())
        else:
            self.state_label.setText(tr("Not logged in to {profile}.").format(
                profile=settings.shown_name(c.profile.name)))

        self.details_box.setVisible(account is not None)
        if account is not None:
            self._show_details(account)

        quotas = c.quotas if logged_in else None
        self.quotas_box.setVisible(bool(quotas))
        if quotas:
            self.quotas_label.setText("\n".join(
                tr("{sensor}: {remaining} km² of {free} km²").format(
                    sensor=q.sensor_label, remaining=_km2(q.remaining_km2),
                    free=_km2(q.free_km2))
                for q in quotas))

        if logged_in and not getattr(c, "login_kept", True):
            self.state_label.setText(tr("{login} (for this QGIS session only)").format(
                login=self.state_label.text()))
        self.error_label.setText(c.error)
        self.error_label.setVisible(bool(c.error))
        self.login_button.setEnabled(not busy)
        self.api_key_button.setEnabled(not busy)
        self.logout_button.setEnabled(logged_in)
        self.refresh_button.setEnabled(logged_in)
        self.manage_keys_button.setVisible(logged_in and c.session is not None
                                           and c.session.login_kind == "account")
        self.profile_combo.setEnabled(not busy)
        index = self.profile_combo.findData(c.profile.name)
        if index >= 0 and index != self.profile_combo.currentIndex():
            self.profile_combo.blockSignals(True)
            self.profile_combo.setCurrentIndex(index)
            self.profile_combo.blockSignals(False)
        self.widget().updateGeometry()  # the dock widens if the new content needs it

    def _show_details(self, account) -> None:
        """One row per fact the login gave; the status row always (it says when unknown)."""
        values = {"username": account.username, "email": account.email,
                  "entity": account.entity,
                  "category": account.category_label() if account.category else None,
                  "status": account.status_message()}
        for key, value in values.items():
            self.detail_values[key].setText(value or "")
            self.detail_names[key].setVisible(bool(value))
            self.detail_values[key].setVisible(bool(value))

    def dispose(self) -> None:
        """Plugin unload: close the dialogs and stop listening to the controller."""
        for dialog in (self.device_dialog, self.api_key_dialog, self.api_keys_dialog):
            if dialog is not None:
                dialog.reject()
        self.device_dialog = self.api_key_dialog = self.api_keys_dialog = None
        for signal, slot in ((self.controller.changed, self.update_view),
                             (self.controller.device_login_started, self.show_device_dialog)):
            try:
                signal.disconnect(slot)
            except TypeError:
                pass


def _km2(value: float) -> str:
    """An area in the user's number format (QGIS sets QLocale's default): 4,500 / 4 500."""
    return QLocale().toString(float(value), "f", 0)
