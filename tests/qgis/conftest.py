"""Fixtures for tests running the plugin inside real QGIS (pytest-qgis) against the server.

- `isolated_settings`: QgsSettings in a fresh ini file of tmp_path (no test sees another's
  profiles, and the file on disk can be searched for secrets).
- `auth_master_password`: the QGIS auth db of this test profile (.qgis-settings, never the
  user's) unlocked with a test master password, so QGIS never prompts.
- `memory_keyring` / `secret_store`: the core tests' real in-memory keyring backend behind
  the core's KeyringSecretStore.
- `controller`: a SessionController on the local reference profile of the `server` fixture.
- helpers: `wait_until`, `idle`, `approve_device_code` (what a browser posts), `bearer_token`.
"""
import time

import pytest
import requests
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QSettings

from tests.core.conftest import approve_device, login_as

TEST_MASTER_PASSWORD = "dinamis-tests-master-password"
PASSWORD = "dinamis"


def wait_until(predicate, timeout=30.0, step=0.02):
    """Process Qt events (task results arrive through them) until `predicate()` holds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QgsApplication.processEvents()
        if predicate():
            return True
        time.sleep(step)
    QgsApplication.processEvents()
    return bool(predicate())


def idle(controller) -> bool:
    """No task of the session controller is running: neither its work nor its cleanup
    (logouts, forgotten logins)."""
    return controller.runner.running() == 0 and controller.cleanup.running() == 0


def approve_device_code(server, user_code, username, password=PASSWORD, action="approve"):
    """What the user does in the browser: the approval form of the device page."""
    response = approve_device(server, user_code, username, password, action)
    response.raise_for_status()
    return response


def bearer_token(server, username):
    """An access token for `username`, from a real device login (core test helper)."""
    return login_as(server, username).access_token()


def create_api_key(server, username="alice"):
    token = bearer_token(server, username)
    response = requests.get(server.url("/signing/create_api_key"), timeout=10,
                            params={"description": "test"},
                            headers={"Authorization": f"Bearer {token}"})
    response.raise_for_status()
    return response.json()


@pytest.fixture
def isolated_settings(tmp_path, qgis_app):
    """QgsSettings read and written in tmp_path for this test only."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    fmt, scope = QSettings.Format.IniFormat, QSettings.Scope.UserScope
    previous = QgsSettings().fileName()
    QSettings.setPath(fmt, scope, str(folder))
    assert QgsSettings().fileName().startswith(str(folder))
    yield folder
    # back to pytest-qgis's profile folder (<...>/profiles/default/QGIS/QGIS3.ini)
    QSettings.setPath(fmt, scope, str(__import__("pathlib").Path(previous).parent.parent))


@pytest.fixture(scope="session")
def auth_master_password(qgis_app):
    manager = QgsApplication.authManager()
    assert not manager.isDisabled(), "QGIS auth manager disabled"
    assert manager.setMasterPassword(TEST_MASTER_PASSWORD, True), (
        "the test auth db has another master password: delete .qgis-settings/profiles/"
        "default/qgis-auth.db")
    return manager




@pytest.fixture
def local_profile(server, isolated_settings):
    """Settings pointing the plugin at the test server's built-in local profile."""
    from dinamis.qgis_glue import settings
    settings.set_local_reference_url(server.base_url)
    settings.set_active_profile_name(settings.LOCAL_REFERENCE_NAME)
    return settings.active_profile()


@pytest.fixture
def controller(local_profile, secret_store):
    from dinamis.qgis_glue.plugin_session import SessionController
    ctrl = SessionController(lambda: secret_store)
    yield ctrl
    ctrl.shutdown()


@pytest.fixture
def plugin(qgis_iface, local_profile, secret_store):
    """The plugin as QGIS loads it (initGui), on the test server's profile and keyring;
    its delayed login restore stopped. Unloaded afterwards unless the test did, and the
    project emptied."""
    import dinamis
    from qgis.core import QgsProject
    loaded = dinamis.classFactory(qgis_iface)
    loaded.secret_store_factory = lambda: secret_store
    loaded.initGui()
    loaded.restore_timer.stop()
    yield loaded
    if loaded.controller is not None:
        loaded.unload()
    QgsProject.instance().clear()


@pytest.fixture(autouse=True)
def no_task_outlives_its_test(request, qgis_app):
    """QGIS has as many task threads as cores (two here): a task a test leaves running
    would starve the next tests' tasks. Each test ends with none of its tasks running."""
    yield
    manager = QgsApplication.taskManager()
    if manager.countActiveTasks() == 0:
        return
    if wait_until(lambda: manager.countActiveTasks() == 0, timeout=15):
        return
    left = [task.description() for task in manager.activeTasks()]
    manager.cancelAll()
    wait_until(lambda: manager.countActiveTasks() == 0, timeout=15)
    pytest.fail(f"tasks still running 15 s after the test: {left}")
