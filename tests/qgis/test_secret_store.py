"""Where the plugin keeps a login, inside QGIS: the keyring first, QGIS's authentication
database when the keyring refuses (and the user is told), never "logged in" shown plainly
for a login that will not survive a restart, and no store touched at QGIS start when
nothing was ever stored."""
import json

import pytest
from qgis.core import QgsApplication, QgsSettings

from dinamis._vendor.keyring.errors import KeyringError
from dinamis.core.secrets import API_ACCESS_KEY, API_SECRET_KEY, KeyringSecretStore
from dinamis.qgis_glue.authdb import AuthDbSecretStore
from dinamis.qgis_glue.secret_store import LOCATIONS_KEY, PluginSecretStore
from tests.memory_keyring import MemoryKeyring
from tests.qgis.conftest import TEST_MASTER_PASSWORD, create_api_key, idle, wait_until


class RefusingKeyring(MemoryKeyring):
    """A keyring that is there but refuses to store (locked, access denied)."""

    def set_password(self, service, username, password):
        raise KeyringError("the keyring is locked")


def login_with_api_key(controller, server, username="bruno"):
    key = create_api_key(server, username)
    controller.login_api_key(key["access-key"], key["secret-key"])
    assert wait_until(lambda: controller.state == "logged_in" or controller.runner.running()
                      == 0 and controller.state == "logged_out", timeout=30)
    assert controller.state == "logged_in", controller.error
    return key


@pytest.fixture
def panel_for(qgis_iface):
    panels = []

    def make(controller):
        from dinamis.gui.account_panel import AccountPanel
        panel = AccountPanel(controller, qgis_iface.mainWindow())
        panels.append(panel)
        return panel
    yield make
    for panel in panels:
        panel.dispose()
        panel.deleteLater()


def test_a_refused_keyring_write_falls_back_to_the_auth_database_and_says_so(
        auth_master_password, local_profile, server, panel_for):
    from dinamis.qgis_glue.plugin_session import SessionController
    refusing = RefusingKeyring()
    store = PluginSecretStore(lambda: KeyringSecretStore(refusing), AuthDbSecretStore)
    controller = SessionController(lambda: store)
    messages = []
    controller.failed.connect(messages.append)
    try:
        key = login_with_api_key(controller, server)
        assert controller.login_kept and not controller.error
        assert len(messages) == 1 and "authentication database" in messages[0]
        assert refusing.passwords == {}
        profile = local_profile.name
        assert AuthDbSecretStore().get(profile, API_SECRET_KEY) == key["secret-key"]
        locations = json.loads(QgsSettings().value(LOCATIONS_KEY))
        assert locations == {profile: {API_ACCESS_KEY: "authdb", API_SECRET_KEY: "authdb"}}
        assert key["secret-key"] not in QgsSettings().value(LOCATIONS_KEY)
        panel = panel_for(controller)
        assert "session only" not in panel.state_label.text()
    finally:
        controller.shutdown()

    # QGIS restarts: the login is found where it was put
    restarted = SessionController(lambda: PluginSecretStore(
        lambda: KeyringSecretStore(RefusingKeyring()), AuthDbSecretStore))
    try:
        restarted.restore()
        assert wait_until(lambda: restarted.state == "logged_in", timeout=30), restarted.error
        assert restarted.session.login_kind == "api_key"
        restarted.logout()
        assert wait_until(lambda: idle(restarted))
        assert AuthDbSecretStore().get(profile, API_SECRET_KEY) is None
        assert not restarted.secret_store().has_any(profile)
    finally:
        restarted.shutdown()


def test_a_login_no_store_keeps_is_shown_for_this_session_only(
        auth_master_password, local_profile, server, panel_for):
    """The keyring refuses and the authentication database is locked (its master password
    not given): the login works, and the panel says it ends with this QGIS session."""
    from dinamis.qgis_glue.plugin_session import SessionController
    manager = QgsApplication.authManager()
    manager.clearMasterPassword()
    controller = SessionController(lambda: PluginSecretStore(
        lambda: KeyringSecretStore(RefusingKeyring()), AuthDbSecretStore))
    messages = []
    controller.failed.connect(messages.append)
    try:
        panel = panel_for(controller)
        login_with_api_key(controller, server)
        assert not controller.login_kept
        assert "session only" in panel.state_label.text()
        assert "log in again after restarting QGIS" in panel.error_label.text()
        assert messages and "restarting QGIS" in messages[-1]
        assert controller.session.is_logged_in
    finally:
        controller.shutdown()
        assert manager.setMasterPassword(TEST_MASTER_PASSWORD, True)
    assert not PluginSecretStore().has_any(local_profile.name)


def test_qgis_start_touches_no_store_when_nothing_was_stored(
        qgis_iface, isolated_settings, monkeypatch):
    """At QGIS start the plugin resumes a stored login; with none stored it must not wake
    the keyring (it may ask to be unlocked) nor QGIS's authentication database."""
    import dinamis.core.secrets
    import dinamis.plugin
    from dinamis.qgis_glue import authdb
    touched = []
    monkeypatch.setattr(dinamis.core.secrets, "default_backend",
                        lambda: touched.append("keyring"))
    for name in ("get", "has_any", "unlock"):
        monkeypatch.setattr(authdb.AuthDbSecretStore, name,
                            lambda *args, _name=name: touched.append("authdb." + _name))
    monkeypatch.setattr(dinamis.plugin, "RESTORE_DELAY_MS", 10)
    plugin = dinamis.plugin.DinamisPlugin(qgis_iface)
    plugin.initGui()
    try:
        wait_until(lambda: False, timeout=0.5)  # the start-up restore has run
        assert plugin.restore_timer is None or not plugin.restore_timer.isActive()
        assert touched == []
        assert plugin.controller.state == "logged_out" and not plugin.controller.error
        assert plugin.controller.runner.running() == 0
    finally:
        plugin.unload()


def test_a_login_kept_in_the_keyring_is_resumed_from_it_alone(
        local_profile, server, isolated_settings):
    from dinamis.qgis_glue.plugin_session import SessionController
    keyring = MemoryKeyring()

    def no_authdb():
        raise AssertionError("the authentication database was opened")

    controller = SessionController(lambda: PluginSecretStore(
        lambda: KeyringSecretStore(keyring), no_authdb))
    try:
        key = login_with_api_key(controller, server, "chloe")
    finally:
        controller.shutdown()
    assert key["secret-key"] in keyring.passwords.values()
    restarted = SessionController(lambda: PluginSecretStore(
        lambda: KeyringSecretStore(keyring), no_authdb))
    try:
        restarted.restore()
        assert wait_until(lambda: restarted.state == "logged_in", timeout=30), restarted.error
    finally:
        restarted.shutdown()


def test_logging_in_probes_the_keyring_off_the_ui_thread(
        auth_master_password, local_profile, server, monkeypatch):
    """Finding the system keyring imports its backends and asks D-Bus (or the OS) which one
    works: never on QGIS's UI thread, which would freeze while a keyring daemon answers."""
    import dinamis.core.secrets
    from dinamis.qgis_glue.plugin_session import SessionController
    from qgis.PyQt.QtCore import QCoreApplication, QThread
    keyring = MemoryKeyring()
    on_ui_thread = []

    def probe():
        on_ui_thread.append(QThread.currentThread() == QCoreApplication.instance().thread())
        return keyring

    monkeypatch.setattr(dinamis.core.secrets, "default_backend", probe)
    controller = SessionController(PluginSecretStore)
    try:
        key = login_with_api_key(controller, server)
        assert controller.login_kept and key["secret-key"] in keyring.passwords.values()
        assert on_ui_thread and not any(on_ui_thread)
    finally:
        controller.shutdown()


def test_without_a_keyring_the_master_password_is_asked_on_the_ui_thread(
        auth_master_password, local_profile, server, monkeypatch):
    """No keyring on this system, QGIS's master password not given yet: the task finds no
    keyring and cannot keep the login; QGIS then asks for the master password (on the UI
    thread, as it must) and the login is kept in its authentication database."""
    import dinamis.core.secrets
    from dinamis.qgis_glue.plugin_session import SessionController
    from qgis.PyQt.QtCore import QCoreApplication, QThread
    monkeypatch.setattr(dinamis.core.secrets, "default_backend", lambda: None)
    manager = QgsApplication.authManager()
    manager.clearMasterPassword()
    asked_on_ui_thread = []

    def unlock(_store):  # the user types the master password in QGIS's prompt
        asked_on_ui_thread.append(QThread.currentThread()
                                  == QCoreApplication.instance().thread())
        return manager.setMasterPassword(TEST_MASTER_PASSWORD, True)

    monkeypatch.setattr(AuthDbSecretStore, "unlock", unlock)
    controller = SessionController(PluginSecretStore)
    try:
        key = login_with_api_key(controller, server)
        assert controller.login_kept and not controller.error
        assert asked_on_ui_thread and all(asked_on_ui_thread)
        assert AuthDbSecretStore().get(local_profile.name, API_SECRET_KEY) == key["secret-key"]
    finally:
        controller.shutdown()
        assert manager.setMasterPassword(TEST_MASTER_PASSWORD, True)
        for name in (API_ACCESS_KEY, API_SECRET_KEY):
            AuthDbSecretStore().delete(local_profile.name, name)
