"""The QGIS auth-db secret store: encrypted at rest, per profile, never in QSettings."""
import sqlite3

from qgis.core import QgsApplication

from dinamis.qgis_glue.authdb import AuthDbSecretStore

SECRET = "refresh-TOKEN-value-0123456789"


def test_round_trip_encrypted_per_profile(auth_master_password):
    store = AuthDbSecretStore()
    assert store.unlock()
    store.set("Test profile A", "refresh_token", SECRET)
    store.set("Test profile B", "refresh_token", "other")
    assert store.get("Test profile A", "refresh_token") == SECRET
    assert store.get("Test profile B", "refresh_token") == "other"
    assert store.get("Test profile A", "api_secret_key") is None
    store.set("Test profile A", "refresh_token", SECRET + "-rotated")
    assert store.get("Test profile A", "refresh_token") == SECRET + "-rotated"

    db = QgsApplication.qgisAuthDatabaseFilePath()
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT setting, value FROM auth_settings WHERE setting LIKE "
                            "'dinamis/%'").fetchall()
    assert ("dinamis/Test profile A/refresh_token" in [r[0] for r in rows])
    assert all(SECRET not in str(value) for _key, value in rows)  # encrypted at rest

    store.delete("Test profile A", "refresh_token")
    store.delete("Test profile B", "refresh_token")
    store.delete("Test profile B", "refresh_token")  # deleting twice is fine
    assert store.get("Test profile A", "refresh_token") is None


def test_session_logs_in_with_auth_db_store(auth_master_password, server, local_profile):
    """The whole device login keeps its refresh token in the auth db and restores from it."""
    from tests.core.conftest import login_as
    from dinamis.core.session import DinamisSession
    store = AuthDbSecretStore()
    login_as(server, "alice", secret_store=store)
    assert store.get("Local reference server", "refresh_token")
    resumed = DinamisSession(local_profile, store)
    assert resumed.restore() and resumed.account().username == "alice"
    resumed.logout()
    assert store.get("Local reference server", "refresh_token") is None


def test_has_any_tells_whether_a_login_is_stored(auth_master_password, isolated_settings):
    """What start-up asks before a restore, so nobody gets a master-password prompt for
    nothing; the controller then does not even start a task."""
    from dinamis.qgis_glue.plugin_session import SessionController
    store = AuthDbSecretStore()
    store.delete("DINAMIS", "refresh_token")
    assert not store.has_any("DINAMIS")
    controller = SessionController(lambda: store)
    controller.restore()
    assert controller.runner.running() == 0 and controller.session is None
    store.set("DINAMIS", "api_access_key", "DNMSACCESS")
    try:
        assert store.has_any("DINAMIS")
    finally:
        store.delete("DINAMIS", "api_access_key")
    controller.shutdown()
