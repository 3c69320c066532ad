"""Accounts whose userinfo holds core OpenID Connect claims only, as the real DINAMIS
identity provider may answer (no dinamis_entity, dinamis_category, dinamis_status): the
panel shows what is known, says nothing false, fetches the quotas anyway, and learns the
status from the services' answers (403 account_pending, or urls signed)."""
import pytest

from tests.qgis.conftest import wait_until
from tests.qgis.test_account_panel import (SCREENSHOTS, api_key_login,  # noqa: F401
                                          device_login, panel)


def storage_url(server):
    return server.url("/s3/dinamis-catalogue/pleiades/any/any_PAN.tif")


def visible(label) -> bool:
    return not label.isHidden()


def test_active_account_without_claims_shows_what_is_known(panel, server):  # noqa: F811
    import dinamis
    device_login(panel, server, "nina")
    account = panel.controller.account
    assert (account.entity, account.category, account.status) == (None, None, None)
    assert panel.state_label.text() == "Logged in as Nina Rossi (nina)"
    assert panel.detail_values["username"].text() == "nina"
    assert panel.detail_values["email"].text() == "nina@example.org"
    for key in ("entity", "category"):  # not "—" nor "No category": unknown, so not shown
        assert not visible(panel.detail_values[key]) and not visible(panel.detail_names[key])
    status = panel.detail_values["status"].text()
    assert "Not stated at login" in status
    assert "Your account is active" not in status
    # quotas come from the demand manager whatever the claims say
    assert visible(panel.quotas_box) and "4,500 km² of 4,500 km²" in panel.quotas_label.text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert panel.grab().save(str(SCREENSHOTS / "account-panel-plain-oidc.png"))

    signed = dinamis.sign(storage_url(server))  # the console shares the panel's login
    assert "X-Amz-Signature=" in signed
    assert wait_until(lambda: panel.detail_values["status"].text() == "Your account is active.")
    assert panel.controller.account.status == "active"


def test_pending_account_without_claims_learns_it_from_the_signing_service(
        panel, server):  # noqa: F811
    import dinamis
    from dinamis.core.errors import AccountNotActive
    device_login(panel, server, "hugo")
    assert "awaiting validation" not in panel.detail_values["status"].text()
    assert "Your account is active" not in panel.detail_values["status"].text()
    assert visible(panel.quotas_box)  # public actor's quotas, from the demand manager

    with pytest.raises(AccountNotActive):
        dinamis.sign(storage_url(server))
    assert wait_until(lambda: "awaiting validation by your entity's DINAMIS referent"
                      in panel.detail_values["status"].text())
    assert panel.controller.account.status == "pending"
    assert panel.grab().save(str(SCREENSHOTS / "account-panel-plain-oidc-pending.png"))

    panel.refresh_button.click()  # the claims still say nothing: what was learned stays
    assert wait_until(lambda: panel.controller.runner.running() == 0)
    assert panel.controller.account.status == "pending"

    panel.logout_button.click()  # a later login starts from what it is told again
    assert wait_until(lambda: panel.controller.runner.running() == 0)
    device_login(panel, server, "nina")
    assert panel.controller.account.status is None


def test_api_key_login_learns_the_status_too(panel, server):  # noqa: F811
    import dinamis
    api_key_login(panel, server, "nina")
    # The key is checked by signing one storage url, and the signing service signs only for
    # active accounts: the status is known from the login itself.
    assert wait_until(lambda: panel.detail_values["status"].text() == "Your account is active.")
    assert visible(panel.quotas_box)  # quotas whatever the kind of login
    assert not visible(panel.detail_values["username"])
    assert dinamis.sign(storage_url(server)) != storage_url(server)


def test_a_resumed_api_key_has_no_status_until_a_service_tells(panel, server,  # noqa: F811
                                                                secret_store, qgis_iface):
    """At the next QGIS start a stored key is taken as it is (no check, no network): the
    panel says what an API key cannot tell, until a signing proves the account active."""
    import dinamis
    from dinamis.gui.account_panel import AccountPanel
    from dinamis.qgis_glue.plugin_session import SessionController
    api_key_login(panel, server, "nina")
    panel.controller.shutdown()  # QGIS closes; the key stays in the store
    later = SessionController(lambda: secret_store)
    resumed = AccountPanel(later, qgis_iface.mainWindow())
    try:
        later.restore()
        assert wait_until(lambda: later.state == "logged_in", timeout=30), later.error
        assert "details are not available with an API key" in (
            resumed.detail_values["status"].text())
        dinamis.sign(storage_url(server))  # the console follows the plugin's login
        assert wait_until(
            lambda: resumed.detail_values["status"].text() == "Your account is active.")
    finally:
        later.shutdown()
        resumed.dispose()
        resumed.deleteLater()
