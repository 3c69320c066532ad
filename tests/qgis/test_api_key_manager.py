"""API keys from the plugin: a logged-in user creates one (secret shown once, copyable,
with a warning), lists and revokes them; the key then logs a script in."""
import logging

import requests
from qgis.core import QgsSettings
from qgis.PyQt.QtGui import QGuiApplication

from tests.qgis.conftest import create_api_key, wait_until
from tests.qgis.test_account_panel import (SCREENSHOTS, api_key_login,  # noqa: F401
                                          device_login, panel)


def sign_with(server, access_key, secret_key):
    return requests.post(server.url("/signing/sign_urls"), timeout=10,
                         json={"urls": [server.url("/s3/dinamis-catalogue/a/b.tif")]},
                         headers={"access-key": access_key, "secret-key": secret_key})


def open_manager(panel):  # noqa: F811
    assert not panel.manage_keys_button.isHidden()
    panel.manage_keys_button.click()
    dialog = panel.api_keys_dialog
    assert wait_until(lambda: dialog.create_button.isEnabled(), timeout=20), (
        dialog.status.text())
    return dialog


def rows(dialog):
    return [[dialog.table.item(r, c).text() for c in range(3)]
            for r in range(dialog.table.rowCount())]


def test_create_copy_use_and_revoke_a_key(panel, server, caplog):  # noqa: F811
    caplog.set_level(logging.DEBUG, logger="dinamis")
    device_login(panel, server, "remi")
    dialog = open_manager(panel)
    before = rows(dialog)
    dialog.description.setText("R&D laptop <scripts>")
    dialog.create_button.click()
    assert wait_until(lambda: not dialog.new_key_box.isHidden()
                      and len(rows(dialog)) == len(before) + 1, timeout=20), dialog.status.text()
    access, secret = dialog.new_access_key.text(), dialog.new_secret_key.text()
    assert access.startswith("DNMS") and len(secret) >= 32
    assert dialog.new_secret_key.isReadOnly()
    warning = dialog.findChild(type(dialog.status), "secretWarning").text()
    assert "shown only this once" in warning and "revoke the key if it leaks" in warning
    assert [access, "R&D laptop <scripts>"] in [row[:2] for row in rows(dialog)]
    assert dialog.description.text() == ""
    dialog.copy_secret_button.click()
    assert QGuiApplication.clipboard().text() == secret
    dialog.copy_access_button.click()
    assert QGuiApplication.clipboard().text() == access
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "api-key-manager-new-key.png"))
    assert sign_with(server, access, secret).status_code == 200  # a script could log in
    assert secret not in caplog.text
    QgsSettings().sync()
    assert secret not in open(QgsSettings().fileName(), encoding="utf-8").read()

    dialog.table.selectRow([row[0] for row in rows(dialog)].index(access))
    assert dialog.revoke_button.isEnabled()
    dialog.revoke_button.click()
    assert dialog.confirm_box.isVisible() and access in dialog.confirm_box.text()
    dialog.confirm_revoke_button.click()
    assert wait_until(lambda: access not in [row[0] for row in rows(dialog)], timeout=20)
    assert dialog.new_key_box.isHidden() and dialog.new_secret_key.text() == ""
    assert sign_with(server, access, secret).status_code == 401


def test_cancelling_the_revocation_keeps_the_key(panel, server):  # noqa: F811
    device_login(panel, server, "alice")
    key = create_api_key(server, "alice")
    dialog = open_manager(panel)
    dialog.table.selectRow([row[0] for row in rows(dialog)].index(key["access-key"]))
    dialog.revoke_button.click()
    dialog.confirm_box.reject()
    assert wait_until(lambda: dialog.runner.running() == 0)
    assert key["access-key"] in [row[0] for row in rows(dialog)]
    assert sign_with(server, key["access-key"], key["secret-key"]).status_code == 200


def test_closing_forgets_the_new_secret(panel, server):  # noqa: F811
    device_login(panel, server, "chloe")
    dialog = open_manager(panel)
    dialog.create_button.click()
    assert wait_until(lambda: dialog.new_secret_key.text(), timeout=20)
    dialog.reject()
    assert dialog.new_secret_key.text() == "" and dialog.new_access_key.text() == ""
    again = open_manager(panel)
    assert again.new_key_box.isHidden() and again.new_secret_key.text() == ""


def test_a_pending_account_is_told_why_it_cannot_create_a_key(panel, server):  # noqa: F811
    device_login(panel, server, "hugo")  # no status claim: the service tells it
    dialog = open_manager(panel)
    dialog.create_button.click()
    assert wait_until(lambda: "awaiting validation" in dialog.status.text(), timeout=20)
    assert dialog.new_key_box.isHidden()
    assert wait_until(lambda: "awaiting validation" in panel.detail_values["status"].text())


def test_only_account_logins_manage_keys(panel, server):  # noqa: F811
    assert panel.manage_keys_button.isHidden()  # logged out
    api_key_login(panel, server, "alice")
    assert panel.manage_keys_button.isHidden()  # an API key cannot create keys


def test_the_login_dialog_says_where_a_key_comes_from(panel):  # noqa: F811
    panel.api_key_button.click()
    intro = panel.api_key_dialog.findChild(type(panel.state_label), "intro").text()
    assert "belongs to a DINAMIS account" in intro and "\"API keys…\"" in intro
    assert panel.api_key_dialog.grab().save(str(SCREENSHOTS / "api-key-dialog.png"))
    panel.api_key_dialog.reject()
