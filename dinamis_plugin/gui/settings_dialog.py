"""DINAMIS settings: endpoint profiles, the active one, the local reference server's url.

Built-in profiles (the real DINAMIS services, the local reference server) are listed but
not editable; user profiles are added, edited and removed here. The dialog works on a
copy: OK saves everything, Cancel leaves the settings as they were. Problems with what the
user typed are shown inline and the text stays in place for fixing. Nothing secret is
entered or stored here; `forgotten_logins()` names the profiles whose stored logins must
go (removed, renamed or pointed elsewhere), for the plugin to delete after OK.
"""
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                                 QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem,
                                 QPushButton, QVBoxLayout)

from ..core.i18n import tr
from ..core.profiles import DINAMIS, EndpointProfile, local_reference
from ..qgis_glue import settings
from .widgets import plain_label


def _error_label(object_name: str):
    label = plain_label(object_name, error=True)
    label.hide()
    return label


class ProfileEditor(QGroupBox):
    """Form for one user profile; every field of the profile is kept when editing."""

    FIELDS = ("name", "stac_url", "signing_url", "demands_url", "storage_hosts",
              "oidc_client_id", "oidc_issuer")

    def __init__(self, parent=None):
        super().__init__(tr("Profile"), parent)
        self.replacing = None  # name of the profile being edited, None when adding
        self.loaded = None  # the profile being edited: fields without an input are kept
        self.inputs = {name: QLineEdit() for name in self.FIELDS}
        for name, widget in self.inputs.items():
            widget.setObjectName(name)
        self.inputs["stac_url"].setPlaceholderText("https://api.stac.example.org")
        self.inputs["signing_url"].setPlaceholderText("https://signing.example.org/")
        self.inputs["demands_url"].setPlaceholderText(tr("Optional"))
        self.inputs["storage_hosts"].setPlaceholderText("storage.example.org")
        self.inputs["storage_hosts"].setToolTip(tr(
            "Host names of the object storage holding the images, separated by spaces: only "
            "asset addresses there are sent for signing (DINAMIS: meso.umontpellier.fr)."))
        self.inputs["oidc_issuer"].setPlaceholderText(tr("Optional: found from the signing "
                                                         "service"))
        form = QFormLayout(self)
        form.addRow(tr("Name"), self.inputs["name"])
        form.addRow(tr("STAC API address"), self.inputs["stac_url"])
        form.addRow(tr("Signing service address"), self.inputs["signing_url"])
        form.addRow(tr("Demand manager address"), self.inputs["demands_url"])
        form.addRow(tr("Storage hosts"), self.inputs["storage_hosts"])
        form.addRow(tr("Login client id"), self.inputs["oidc_client_id"])
        form.addRow(tr("Login issuer"), self.inputs["oidc_issuer"])
        self.problems_label = _error_label("profileProblems")
        form.addRow(self.problems_label)
        self.save_button = QPushButton(tr("Done"))
        self.save_button.setToolTip(tr("Keep these values; OK saves the settings"))
        self.cancel_button = QPushButton(tr("Cancel"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        form.addRow(row)

    def load(self, profile=None) -> None:
        self.replacing = profile.name if profile else None
        self.loaded = profile
        self.setTitle(tr("Edit profile") if profile else tr("New profile"))
        values = profile.to_dict() if profile else {"oidc_client_id": "gdal"}
        values["storage_hosts"] = " ".join(values.get("storage_hosts") or ())
        for name, widget in self.inputs.items():
            widget.setText(str(values.get(name) or ""))
        self.show_problems([])

    def profile(self) -> EndpointProfile:
        text = {name: widget.text().strip() for name, widget in self.inputs.items()}
        values = dict(text, demands_url=text["demands_url"] or None,
                      oidc_issuer=text["oidc_issuer"] or None)
        if self.loaded is not None:
            return self.loaded.with_changes(**values)
        return EndpointProfile(**values)

    def show_problems(self, problems) -> None:
        self.problems_label.setText("\n".join("• " + p for p in problems))
        self.problems_label.setVisible(bool(problems))


class SettingsDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("DinamisSettingsDialog")
        self.setWindowTitle(tr("DINAMIS settings"))
        self.resize(640, 560)

        self.active_combo = QComboBox()
        self.active_combo.setObjectName("activeProfile")
        self.profile_list = QListWidget()
        self.profile_list.setObjectName("profileList")
        self.add_button = QPushButton(tr("Add…"))
        self.edit_button = QPushButton(tr("Edit…"))
        self.remove_button = QPushButton(tr("Remove"))
        self.editor = ProfileEditor()
        self.editor.hide()

        self.local_url = QLineEdit(settings.local_reference_url())
        self.local_url.setObjectName("localReferenceUrl")
        self.local_url_problem = _error_label("localUrlProblem")
        self.stored_profiles = settings.builtin_profiles() + settings.user_profiles()
        self.profiles = settings.user_profiles()  # the working copy, saved by OK
        self.active_name = settings.active_profile_name()

        top = QFormLayout()
        top.addRow(tr("Active profile"), self.active_combo)
        list_buttons = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            list_buttons.addWidget(button)
        list_buttons.addStretch(1)
        profiles_row = QHBoxLayout()
        profiles_row.addWidget(self.profile_list, 1)
        profiles_row.addLayout(list_buttons)
        profiles_box = QGroupBox(tr("Endpoint profiles"))
        profiles_layout = QVBoxLayout(profiles_box)
        profiles_layout.addLayout(profiles_row)
        profiles_layout.addWidget(self.editor)
        local_box = QGroupBox(tr("Local reference server"))
        local_layout = QFormLayout(local_box)
        local_layout.addRow(tr("Address"), self.local_url)
        local_layout.addRow(self.local_url_problem)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(profiles_box, 1)
        layout.addWidget(local_box)
        layout.addWidget(self.buttons)

        self.add_button.clicked.connect(self.add_profile)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.profile_list.currentItemChanged.connect(self._update_buttons)
        self.profile_list.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        self.editor.save_button.clicked.connect(self.save_profile)
        self.editor.cancel_button.clicked.connect(self.editor.hide)
        self.local_url.textEdited.connect(lambda _text: self.local_url_problem.hide())
        for widget in self.editor.inputs.values():
            widget.textEdited.connect(lambda _text: self.editor.show_problems([]))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reload(self.active_name)

    # --- list ---------------------------------------------------------------------------
    def reload(self, active_name: str) -> None:
        builtin = settings.builtin_names()
        self.profile_list.clear()
        self.active_combo.clear()
        for profile in settings.builtin_profiles() + self.profiles:
            label = settings.shown_name(profile.name)
            if profile.name in builtin:
                label = tr("{name} (built-in)").format(name=label)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, profile.name)
            if profile.name == active_name:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.profile_list.addItem(item)
            self.active_combo.addItem(settings.shown_name(profile.name), profile.name)
        self.active_combo.setCurrentIndex(max(self.active_combo.findData(active_name), 0))
        self._update_buttons()

    def selected_name(self):
        item = self.profile_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _update_buttons(self, *_args) -> None:
        editable = self.selected_name() not in (None, *settings.builtin_names())
        self.edit_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)

    def _active_choice(self) -> str:
        return self.active_combo.currentData() or self.active_name

    # --- profile editing ------------------------------------------------------------------
    def add_profile(self) -> None:
        self.editor.load(None)
        self.editor.show()
        self.editor.inputs["name"].setFocus()

    def edit_selected(self) -> None:
        name = self.selected_name()
        if name is None or name in settings.builtin_names():
            return
        profile = next((p for p in self.profiles if p.name == name), None)
        if profile is not None:
            self.editor.load(profile)
            self.editor.show()

    def save_profile(self) -> bool:
        """Keep the edited profile in the list, or show what to fix (the text stays)."""
        profile = self.editor.profile()
        replacing = self.editor.replacing
        problems = settings.profile_problems(profile, replacing=replacing,
                                             others=self.profiles)
        if problems:
            self.editor.show_problems(problems)
            return False
        active = self._active_choice()
        if replacing and active == replacing:
            active = profile.name
        names = [p.name for p in self.profiles]
        if replacing in names:
            self.profiles[names.index(replacing)] = profile
        else:
            self.profiles.append(profile)
        self.editor.hide()
        self.reload(active)
        return True

    def remove_selected(self) -> None:
        name = self.selected_name()
        if name is None or name in settings.builtin_names():
            return
        self.profiles = [p for p in self.profiles if p.name != name]
        if self.editor.replacing == name:
            self.editor.hide()
        active = self._active_choice()
        self.reload(active if active != name else DINAMIS.name)

    # --- closing ------------------------------------------------------------------------
    def local_url_problems(self):
        return local_reference(self.local_url.text().strip() or "http://").validate()

    def accept(self) -> None:
        """Apply the active profile and local url; stay open if the url needs fixing."""
        url = self.local_url.text().strip()
        problems = self.local_url_problems() if url else []
        if problems:
            self.local_url_problem.setText(tr("The local reference server address is not "
                                              "valid: it must look like "
                                              "http://127.0.0.1:8765."))
            self.local_url_problem.show()
            return
        if self.editor.isVisible() and not self.save_profile():
            return
        settings.save_user_profiles(self.profiles)
        settings.set_local_reference_url(url)
        settings.set_active_profile_name(self._active_choice())
        super().accept()

    def forgotten_logins(self):
        """After OK: profiles whose stored logins must be deleted (removed, renamed, or
        now pointing at other services, the local reference server's new url included)."""
        if self.result() != QDialog.DialogCode.Accepted:
            return []
        return settings.logins_to_forget(self.stored_profiles,
                                         settings.builtin_profiles() + self.profiles)
