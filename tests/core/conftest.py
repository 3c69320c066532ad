"""Core test helpers: a real in-memory keyring backend and a browser that approves logins.

Other tests may import these: `from tests.core.conftest import login_as, MemoryKeyring`.
"""
import threading

import pytest
import requests

try:  # the plugin's own keyring (what KeyringSecretStore talks to in QGIS)
    from dinamis._vendor.keyring.backend import KeyringBackend
    from dinamis._vendor.keyring.errors import PasswordDeleteError
except ImportError:  # _vendor not built yet: the same library from the venv
    from keyring.backend import KeyringBackend
    from keyring.errors import PasswordDeleteError

from dinamis.core.profiles import local_reference
from dinamis.core.secrets import KeyringSecretStore
from dinamis.core.session import DinamisSession
from tests.reference_server_tests.login import submit_device_form


class MemoryKeyring(KeyringBackend):
    """A keyring backend keeping passwords in a dict: real backend API, no system service."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.passwords = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        if (service, username) not in self.passwords:
            raise PasswordDeleteError("no such password")
        del self.passwords[(service, username)]


def approve_device(server, user_code: str, username: str, password: str = "dinamis",
                   action: str = "approve") -> requests.Response:
    """Submit the device page's form as a person in a browser would."""
    return submit_device_form(server, user_code, username, password, action)


def login_as(server, username: str, secret_store=None, action: str = "approve",
             cancel_event=None) -> DinamisSession:
    """A `DinamisSession` logged in through the real device flow as `username`.

    The approval is posted from another thread while `login_device` polls, like a user
    switching to the browser. Uses a fresh in-memory keyring unless given a store.
    """
    store = secret_store if secret_store is not None else KeyringSecretStore(MemoryKeyring())
    session = DinamisSession(local_reference(server.base_url), store)
    browsers = []

    def on_code(device):
        browser = threading.Thread(target=approve_device,
                                   args=(server, device.user_code, username),
                                   kwargs={"action": action}, daemon=True)
        browser.start()
        browsers.append(browser)

    try:
        session.login_device(on_code, cancel_event)
    finally:
        for browser in browsers:
            browser.join(10)
    return session


@pytest.fixture
def memory_keyring():
    return MemoryKeyring()


@pytest.fixture
def secret_store(memory_keyring):
    return KeyringSecretStore(memory_keyring)


@pytest.fixture
def profile(server):
    return local_reference(server.base_url)


@pytest.fixture
def server_config(server):
    """Change server settings for one test (`server_config(access_token_lifetime=2)`);
    the defaults come back afterwards."""
    defaults = {"access_token_lifetime": 300, "refresh_token_lifetime": 30 * 24 * 3600,
                "device_code_lifetime": 600, "device_poll_interval": 1}
    changed = set()

    def apply(**values):
        changed.update(values)
        server.set_config(**values)

    yield apply
    if changed:
        server.set_config(**{k: defaults[k] for k in changed})
