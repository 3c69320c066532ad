"""`import dinamis` in the QGIS Python console with the plugin loaded: it follows the
plugin's active profile from the start, and its login is the panel's login, made through
the panel's dialog without ever blocking QGIS."""
import contextlib
import io
import threading

import pytest
from qgis.core import Qgis

from dinamis.core.errors import AccountNotActive, DinamisError, LoginRequired
from dinamis.core.profiles import EndpointProfile
from dinamis.core.secrets import MemorySecretStore
from tests.core.conftest import approve_device, server_config  # noqa: F401
from tests.qgis.conftest import approve_device_code, create_api_key, idle, wait_until

SHORT_CODE_LIFETIME = 20  # a console login that blocked would fail after this, not hang


@pytest.fixture
def plugin(qgis_iface, local_profile, secret_store):
    import dinamis
    # a console session of its own first (e.g. made while the plugin was reloaded)
    dinamis.use_profile("DINAMIS", secret_store=MemorySecretStore())
    assert dinamis.session().profile.name == "DINAMIS"
    loaded = dinamis.classFactory(qgis_iface)
    loaded.secret_store_factory = lambda: secret_store
    loaded.initGui()
    loaded.restore_timer.stop()
    qgis_iface.messageBar().clear_messages()
    yield loaded
    loaded.unload()


def test_console_follows_the_plugins_profile_from_the_start(plugin, server):
    import dinamis
    assert plugin.controller.session is None  # the panel did nothing yet
    session = dinamis.session()
    assert session is plugin.controller.session
    assert session.profile.name == "Local reference server"
    assert "spot-6-7-drs" in [c.id for c in dinamis.collections()]  # the test server's

    dock = plugin.ensure_dock()  # the panel switches: the console follows
    dock.profile_combo.setCurrentIndex(dock.profile_combo.findData("DINAMIS"))
    dock.profile_combo.activated.emit(dock.profile_combo.currentIndex())
    assert dinamis.session().profile.name == "DINAMIS"
    assert dinamis.session() is plugin.controller.session

    dinamis.use_profile("local reference server")  # the console switches: the panel follows
    assert plugin.controller.profile.name == "Local reference server"
    assert dock.profile_combo.currentText() == "Local reference server"
    assert dinamis.use_local_reference(server.base_url).name == "Local reference server"
    with pytest.raises(DinamisError, match="add this one in the DINAMIS settings"):
        dinamis.use_profile(EndpointProfile("Elsewhere", "https://stac.example.org",
                                            "https://signing.example.org/"))
    with pytest.raises(DinamisError, match="Known profiles: DINAMIS, Local reference"):
        dinamis.use_local_reference("http://127.0.0.1:1")  # not where the plugin points
    assert plugin.controller.profile.name == "Local reference server"


def test_console_login_opens_the_panels_dialog_and_returns_at_once(
        plugin, server, server_config, qgis_iface):  # noqa: F811
    import dinamis
    server_config(device_code_lifetime=SHORT_CODE_LIFETIME)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert dinamis.login() is None  # returned before any approval
    assert plugin.controller.state == "logging_in"
    assert "continues in the DINAMIS account panel" in printed.getvalue()
    dock = plugin.dock
    assert dock is not None and not dock.isHidden()
    assert wait_until(lambda: dock.device_dialog.code_label.text(), timeout=20)
    assert dock.device_dialog.isVisible()
    with pytest.raises(DinamisError, match="login is in progress"):
        dinamis.whoami()
    with pytest.raises(DinamisError, match="login is in progress"):
        dinamis.login()

    approve_device_code(server, dock.device_dialog.code_label.text(), "bruno")
    assert wait_until(lambda: plugin.controller.state == "logged_in", timeout=30), (
        plugin.controller.error)
    assert "bruno" in dock.state_label.text()
    assert dinamis.whoami() is plugin.controller.account
    assert dinamis.whoami().entity == "DDT de l'Hérault"
    assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning) == []

    asset = server.url("/s3/dinamis-catalogue/pleiades/x/x_PAN.tif")
    assert dinamis.sign(asset) != asset
    dinamis.logout()  # the console's logout is the panel's, and takes effect at once
    assert not dinamis.session().is_logged_in  # before the logout's task has run
    with pytest.raises(LoginRequired):
        dinamis.sign(asset)
    assert plugin.controller.state == "logged_out"
    assert "Not logged in" in dock.state_label.text()
    with pytest.raises(LoginRequired):
        dinamis.whoami()
    assert wait_until(lambda: idle(plugin.controller))
    assert not dinamis.session().is_logged_in


def test_cancelling_a_console_login_is_no_error(plugin, server, qgis_iface):
    import dinamis
    dinamis.login()
    dialog = plugin.dock.device_dialog
    assert wait_until(lambda: dialog.code_label.text(), timeout=20)
    dialog.cancel_button.click()
    assert wait_until(lambda: plugin.controller.runner.running() == 0, timeout=10)
    assert plugin.controller.state == "logged_out" and plugin.controller.error == ""
    assert plugin.dock.error_label.isHidden()
    assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning) == []


def test_console_api_key_login_is_the_panels(plugin, server):
    import dinamis
    key = create_api_key(server, "alice")
    assert dinamis.login(api_key=key["access-key"], secret_key=key["secret-key"]) is None
    assert wait_until(lambda: plugin.controller.state == "logged_in", timeout=20)
    assert plugin.controller.session.login_kind == "api_key"
    assert not dinamis.whoami().known


def test_console_login_on_a_worker_thread_shows_in_the_panel(plugin, server):
    import dinamis
    done = {}

    def script():  # a console script running its own thread may block it
        def approve(device):
            threading.Thread(target=approve_device, daemon=True,
                             args=(server, device.user_code, "chloe")).start()
        try:
            done["account"] = dinamis.login(on_code=approve)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            done["error"] = error

    thread = threading.Thread(target=script, daemon=True)
    thread.start()
    assert wait_until(lambda: plugin.controller.state == "logged_in", timeout=40), done
    thread.join(10)
    assert done["account"].username == "chloe"
    assert plugin.controller.account.username == "chloe"
    assert "chloe" in plugin.ensure_dock().state_label.text()


def test_console_learns_a_pending_status_the_claims_do_not_give(plugin, server):
    import dinamis
    dinamis.login()
    dialog = plugin.dock.device_dialog
    assert wait_until(lambda: dialog.code_label.text(), timeout=20)
    approve_device_code(server, dialog.code_label.text(), "hugo")
    assert wait_until(lambda: plugin.controller.state == "logged_in", timeout=30)
    assert dinamis.whoami().status is None
    with pytest.raises(AccountNotActive):
        dinamis.sign(server.url("/s3/dinamis-catalogue/pleiades/x/x_PAN.tif"))
    assert wait_until(lambda: dinamis.whoami().status == "pending")
    assert "awaiting validation" in plugin.dock.detail_values["status"].text()


def test_message_bar_shows_server_words_as_written(plugin, qgis_iface):
    from qgis.gui import QgsMessageBarItem
    from qgis.PyQt.QtWidgets import QTextEdit
    words = "DINAMIS said: R&D <Aix> & \"co\" &amp; more"
    plugin.controller.failed.emit(words)
    [pushed] = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    text = pushed.split(":", 1)[1] if pushed.startswith("DINAMIS:") else pushed
    rendered = QgsMessageBarItem("DINAMIS", text, Qgis.MessageLevel.Warning, 0)
    assert rendered.findChild(QTextEdit).toPlainText().endswith(words)
