"""The account panel, the API key manager and the profile editor in French, grabbed to PNG
(build/test-screenshots/*-fr.png) to be looked at: long French sentences must fit."""
import os
from pathlib import Path

import pytest

from tests.qgis.conftest import wait_until
from tests.qgis.test_account_panel import SCREENSHOTS, device_login, panel  # noqa: F401


@pytest.fixture
def french(qgis_app):
    import dinamis
    from dinamis.qgis_glue.translator import PluginTranslator
    translator = PluginTranslator(Path(os.path.dirname(os.path.abspath(dinamis.__file__))))
    assert translator.install("fr")
    yield
    translator.remove()


@pytest.fixture
def french_panel(french, panel):  # noqa: F811 - `french` first: the panel is made in French
    panel.resize(360, 560)
    return panel


def test_french_account_panel_and_api_keys(french_panel, server):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # the built-in local profile is named in French, its settings key staying English
    local = french_panel.profile_combo.findData("Local reference server")
    assert french_panel.profile_combo.itemText(local) == "Serveur de référence local"
    device_login(french_panel, server, "nina")
    assert french_panel.detail_values["status"].text().startswith("Non indiqué à la connexion")
    assert french_panel.manage_keys_button.text() == "Clés d'API…"
    assert french_panel.grab().save(str(SCREENSHOTS / "account-panel-plain-oidc-fr.png"))

    french_panel.manage_keys_button.click()
    dialog = french_panel.api_keys_dialog
    assert wait_until(lambda: dialog.create_button.isEnabled(), timeout=20)
    dialog.create_button.click()
    assert wait_until(lambda: not dialog.new_key_box.isHidden(), timeout=20)
    assert dialog.windowTitle() == "Clés d'API DINAMIS"
    assert dialog.grab().save(str(SCREENSHOTS / "api-key-manager-new-key-fr.png"))
    dialog.reject()

    french_panel.api_key_button.click()
    assert "appartient à un compte DINAMIS" in french_panel.api_key_dialog.findChild(
        type(french_panel.state_label), "intro").text()
    assert french_panel.api_key_dialog.grab().save(str(SCREENSHOTS / "api-key-dialog-fr.png"))
    french_panel.api_key_dialog.reject()


def test_french_profile_editor(french, isolated_settings, qgis_iface):
    from dinamis.gui.settings_dialog import SettingsDialog
    dialog = SettingsDialog(qgis_iface.mainWindow())
    dialog.show()
    dialog.add_button.click()
    assert dialog.editor.save_button.text() == "Terminé"
    shown = [dialog.profile_list.item(i).text() for i in range(dialog.profile_list.count())]
    assert "Serveur de référence local (intégré)" in shown, shown
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "settings-dialog-editor-fr.png"))
    dialog.reject()


def test_docked_french_panel_widens_for_its_buttons(french, controller, server):
    """Docked in a main window, the panel (a scroll area) is as wide as its content needs
    (the long French buttons, the account details), instead of clipping it."""
    from qgis.PyQt.QtWidgets import QMainWindow, QTextEdit
    from qgis.PyQt.QtCore import Qt
    from dinamis.gui.account_panel import AccountPanel
    window = QMainWindow()
    window.setCentralWidget(QTextEdit())
    window.resize(1200, 800)
    dock = AccountPanel(controller, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.show()
    try:
        device_login(dock, server, "alice")
        assert wait_until(lambda: not dock.manage_keys_button.isHidden())
        window.resizeDocks([dock], [1], Qt.Orientation.Horizontal)  # as narrow as allowed
        assert wait_until(lambda: dock.widget().viewport().width() > 1)
        body = dock.widget().widget()
        assert dock.widget().viewport().width() >= body.minimumSizeHint().width()
        assert dock.grab().save(str(SCREENSHOTS / "account-panel-docked-fr.png"))
    finally:
        dock.dispose()
        window.close()
