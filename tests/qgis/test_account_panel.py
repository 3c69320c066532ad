"""The account dock against the real reference server: device login, pending account,
API keys, quotas, logout; the UI thread keeps running while a login waits."""
import threading
import time
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QTimer

from tests.qgis.conftest import approve_device_code, create_api_key, idle, wait_until

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "test-screenshots"  # looked at, not committed


@pytest.fixture
def panel(controller, qgis_iface):
    from dinamis.gui.account_panel import AccountPanel
    dock = AccountPanel(controller, qgis_iface.mainWindow())
    dock.resize(360, 520)
    dock.show()
    yield dock
    dock.dispose()
    dock.close()
    dock.deleteLater()


def approve_from_browser(panel, server, username, action="approve"):
    """Wait (in a thread, like a person) for the new dialog's code, then approve it."""
    previous = panel.device_dialog  # an earlier login's dialog still shows its used code

    def browser():
        dialog_code = {}

        def code_shown():
            dialog = panel.device_dialog
            shown = dialog is not None and dialog is not previous
            dialog_code["code"] = dialog.code_label.text() if shown else ""
            return bool(dialog_code["code"])

        deadline = time.monotonic() + 20
        while not code_shown() and time.monotonic() < deadline:
            time.sleep(0.05)
        approve_device_code(server, dialog_code["code"], username, action=action)

    thread = threading.Thread(target=browser, daemon=True)
    thread.start()
    return thread


def device_login(panel, server, username):
    thread = approve_from_browser(panel, server, username)
    panel.login_button.click()
    assert wait_until(lambda: panel.controller.state == "logged_in"
                      or panel.controller.error, timeout=40), panel.state_label.text()
    thread.join(5)
    assert not panel.controller.error, panel.controller.error


def api_key_login(panel, server, username):
    """Log in through the panel's API key dialog with a fresh key of `username`."""
    key = create_api_key(server, username)
    panel.api_key_button.click()
    panel.api_key_dialog.access_key.setText(key["access-key"])
    panel.api_key_dialog.secret_key.setText(key["secret-key"])
    panel.api_key_dialog.submit()
    assert wait_until(lambda: panel.controller.state == "logged_in", timeout=20), (
        panel.controller.error)
    return key


def test_logged_out_panel_offers_login(panel):
    assert "Not logged in" in panel.state_label.text()
    assert panel.login_button.isEnabled() and panel.api_key_button.isEnabled()
    assert not panel.logout_button.isEnabled()
    assert panel.profile_combo.currentText() == "Local reference server"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert panel.grab().save(str(SCREENSHOTS / "account-panel-logged-out.png"))


def test_device_login_shows_alice_while_ui_keeps_ticking(panel, server):
    ticks = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    ticks_at_login = []
    panel.controller.changed.connect(
        lambda: ticks_at_login.append(len(ticks)) if panel.controller.state == "logged_in"
        else None)
    thread = approve_from_browser(panel, server, "alice")
    started = time.monotonic()
    panel.login_button.click()
    assert panel.controller.state == "logging_in"
    assert wait_until(lambda: panel.device_dialog.code_label.text(), timeout=20)
    dialog = panel.device_dialog
    assert "/realms/dinamis/device" in dialog.url_label.text()
    assert "expires in" in dialog.countdown_label.text()
    assert dialog.grab().save(str(SCREENSHOTS / "device-login-dialog.png"))
    assert wait_until(lambda: "alice" in panel.state_label.text(), timeout=40), (
        panel.state_label.text(), panel.error_label.text())
    thread.join(5)
    timer.stop()
    # the device flow polls every second: the 20 ms timer kept firing meanwhile
    elapsed = time.monotonic() - started
    assert elapsed > 0.8 and ticks_at_login and ticks_at_login[0] > elapsed / 0.02 / 4
    assert "Alice" in panel.state_label.text()
    assert panel.detail_values["entity"].text() == "UMR TETIS"
    assert panel.detail_values["category"].text() == "Scientific"
    assert "active" in panel.detail_values["status"].text()
    assert not dialog.isVisible()
    assert panel.logout_button.isEnabled()
    panel.grab().save(str(SCREENSHOTS / "account-panel.png"))

    panel.logout_button.click()
    assert wait_until(lambda: idle(panel.controller))
    assert "Not logged in" in panel.state_label.text()
    assert panel.details_box.isHidden()
    assert panel.controller.secret_store().get("Local reference server",
                                               "refresh_token") is None


def test_console_shares_the_panel_login(panel, server):
    device_login(panel, server, "bruno")
    import dinamis
    assert dinamis.session() is panel.controller.session
    assert dinamis.whoami().username == "bruno"

    shared = panel.controller.session
    panel.controller.shutdown()  # what the plugin's unload does
    assert dinamis.session() is not shared  # the console no longer holds the plugin's login


@pytest.mark.parametrize("username, words", [
    ("paul", "awaiting validation by your entity's DINAMIS referent"),
    ("eve", "has expired. Ask your entity's DINAMIS referent to renew")])
def test_inactive_account_is_told_what_to_do(panel, server, username, words):
    device_login(panel, server, username)
    assert username in panel.state_label.text()
    assert words in panel.detail_values["status"].text()
    assert "active" not in panel.detail_values["status"].text().replace("inactive", "")


def test_switching_profile_forgets_the_login(panel, server):
    device_login(panel, server, "alice")
    panel.profile_combo.setCurrentIndex(panel.profile_combo.findData("DINAMIS"))
    panel.profile_combo.activated.emit(panel.profile_combo.currentIndex())
    assert wait_until(lambda: panel.controller.runner.running() == 0)
    assert panel.controller.profile.name == "DINAMIS"
    assert "Not logged in to DINAMIS" in panel.state_label.text()
    from dinamis.qgis_glue import settings
    assert settings.active_profile_name() == "DINAMIS"


def test_a_logout_followed_at_once_by_a_profile_switch_still_deletes_the_login(
        panel, server):
    """The logout's task deletes the stored login; switching profile cancels the
    profile's tasks, but not that one, or the next QGIS start would resume the login."""
    from qgis.core import QgsApplication, QgsTask
    from qgis.PyQt.QtCore import QThreadPool
    device_login(panel, server, "alice")
    store = panel.controller.secret_store()
    assert store.get("Local reference server", "refresh_token")
    # QGIS's task threads are all busy (downloads, say): the logout's task waits its turn
    release = threading.Event()
    busy = [QgsTask.fromFunction("busy", lambda _task: release.wait(30))
            for _ in range(QThreadPool.globalInstance().maxThreadCount())]
    for task in busy:
        QgsApplication.taskManager().addTask(task)
    try:
        assert wait_until(lambda: all(t.status() == QgsTask.TaskStatus.Running for t in busy))
        panel.logout_button.click()
        panel.controller.set_profile("DINAMIS")
    finally:
        release.set()
    assert wait_until(lambda: idle(panel.controller))
    assert store.get("Local reference server", "refresh_token") is None


def test_cancel_device_login_stops_the_task_and_is_no_error(panel):
    failures = []
    panel.controller.failed.connect(failures.append)
    panel.login_button.click()
    assert wait_until(lambda: panel.device_dialog.code_label.text(), timeout=20)
    panel.device_dialog.cancel_button.click()
    assert wait_until(lambda: panel.controller.runner.running() == 0, timeout=10)
    assert panel.controller.state == "logged_out"
    assert panel.error_label.isHidden() and panel.controller.error == ""
    assert failures == []  # nothing for the message bar
    assert "Not logged in" in panel.state_label.text()
    assert panel.login_button.isEnabled()


def test_cancelling_a_new_login_keeps_the_current_one(panel, server):
    device_login(panel, server, "alice")
    panel.login_button.click()  # e.g. to switch accounts, then the user changes their mind
    assert wait_until(lambda: panel.device_dialog.code_label.text(), timeout=20)
    panel.device_dialog.reject()  # closing the window
    assert wait_until(lambda: panel.controller.runner.running() == 0, timeout=10)
    assert panel.controller.state == "logged_in" and not panel.controller.error
    assert "alice" in panel.state_label.text() and panel.error_label.isHidden()


def test_api_key_login_and_wrong_secret(panel, server):
    key = create_api_key(server, "alice")
    panel.api_key_button.click()
    dialog = panel.api_key_dialog
    dialog.access_key.setText(key["access-key"])
    dialog.secret_key.setText("not-the-secret")
    dialog.submit()
    assert dialog.secret_key.text() == ""
    assert wait_until(lambda: dialog.message.isVisible(), timeout=20)
    assert "credentials" in dialog.message.text()
    assert dialog.access_key.text() == key["access-key"]
    assert dialog.isVisible()
    assert dialog.grab().save(str(SCREENSHOTS / "api-key-dialog-error.png"))
    assert panel.controller.state == "logged_out"

    dialog.secret_key.setText(key["secret-key"])
    dialog.submit()
    assert wait_until(lambda: panel.controller.state == "logged_in", timeout=20)
    assert not dialog.isVisible()
    assert dialog.secret_key.text() == ""
    assert "API key" in panel.state_label.text()
    assert panel.logout_button.isEnabled()
    assert panel.grab().save(str(SCREENSHOTS / "account-panel-api-key.png"))


def test_alice_sees_her_remaining_quotas(panel, server):
    device_login(panel, server, "alice")
    quotas = panel.controller.quotas
    assert quotas, "the demand manager answers me/quotas"
    assert not panel.quotas_box.isHidden(), quotas
    assert "4,500 km² of 4,500 km²" in panel.quotas_label.text()  # Pléiades, untouched
    assert any("Pl" in q.sensor_label for q in quotas)


def test_quotas_follow_the_users_number_format(panel, server):
    from qgis.PyQt.QtCore import QLocale
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        device_login(panel, server, "alice")
        french = QLocale().toString(4500.0, "f", 0)  # "4 500", with Qt's group separator
        assert french != "4500" and french in panel.quotas_label.text()
    finally:
        QLocale.setDefault(previous)


def test_restore_from_stored_refresh_token(controller, panel, server, secret_store):
    device_login(panel, server, "alice")
    from dinamis.qgis_glue.plugin_session import SessionController
    fresh = SessionController(lambda: secret_store)
    try:
        fresh.restore()
        assert wait_until(lambda: fresh.state == "logged_in", timeout=20), fresh.error
        assert fresh.account.username == "alice"
    finally:
        fresh.shutdown()


def test_quotas_not_available_without_demand_manager(server):
    from dinamis.core.quotas import remaining_quotas
    from tests.core.conftest import login_as
    session = login_as(server, "alice")
    assert remaining_quotas(session.http, None) is None
    assert remaining_quotas(session.http, server.url("/demands/api/v0-missing/")) is None
    quotas = remaining_quotas(session.http, session.profile.demands_url)
    assert {q.sensor for q in quotas} >= {"pleiades", "spot-6-7"}
    assert all(q.remaining_km2 <= q.free_km2 for q in quotas)


def test_refresh_keeps_the_login(panel, server):
    device_login(panel, server, "chloe")
    panel.refresh_button.click()
    assert wait_until(lambda: panel.controller.runner.running() == 0)
    assert panel.controller.state == "logged_in" and not panel.controller.error
    assert "chloe" in panel.state_label.text()
    assert panel.detail_values["entity"].text() == "GéoInnov SAS"


def test_server_and_user_words_show_as_written(panel, server):
    """An entity like "Bureau d'études Dupont & Fils" must not read "&amp;" anywhere."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QLabel
    device_login(panel, server, "lea")
    assert panel.detail_values["entity"].text() == "Bureau d'études Dupont & Fils"
    assert panel.detail_values["category"].text() == "Private R&D"
    for label in [panel.state_label, panel.quotas_label, panel.error_label,
                  *panel.detail_values.values()]:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    assert not any("&amp;" in label.text() or "&lt;" in label.text()
                   for label in panel.findChildren(QLabel))
    assert panel.grab().save(str(SCREENSHOTS / "account-panel-ampersand.png"))


def test_profile_names_show_as_typed(isolated_settings, secret_store, qgis_iface):
    from dinamis.core.profiles import EndpointProfile
    from dinamis.gui.account_panel import AccountPanel
    from dinamis.qgis_glue import settings
    from dinamis.qgis_glue.plugin_session import SessionController
    settings.save_user_profiles([EndpointProfile("R&D <lab>", "https://stac.example.org",
                                                 "https://signing.example.org/")])
    settings.set_active_profile_name("R&D <lab>")
    controller = SessionController(lambda: secret_store)
    dock = AccountPanel(controller, qgis_iface.mainWindow())
    try:
        assert dock.state_label.text() == "Not logged in to R&D <lab>."
        assert dock.profile_combo.currentText() == "R&D <lab>"
    finally:
        dock.dispose()
        controller.shutdown()
