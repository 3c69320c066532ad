"""Core test helpers: a browser that approves logins, and sessions logged in through it.

Other tests import them: `from tests.core.conftest import login_as, approve_device`.
"""
import threading

import pytest
import requests

from dinamis.core.profiles import local_reference
from dinamis.core.secrets import KeyringSecretStore
from dinamis.core.session import DinamisSession
from tests.memory_keyring import MemoryKeyring
from tests.reference_server_tests.login import submit_device_form


def approve_device(server, user_code: str, username: str, password: str = "dinamis",
                   action: str = "approve") -> requests.Response:
    """Submit the device page's form as a person in a browser would."""
    return submit_device_form(server, user_code, username, password, action)


def login_as(server, username: str, secret_store=None, action: str = "approve",
             cancel_event=None, profile=None, scope=None) -> DinamisSession:
    """A `DinamisSession` logged in through the real device flow as `username`.

    The approval is posted from another thread while `login_device` polls, like a user
    switching to the browser. Uses a fresh in-memory keyring unless given a store, and the
    server's local reference profile unless given one.
    """
    store = secret_store if secret_store is not None else KeyringSecretStore(MemoryKeyring())
    session = DinamisSession(profile or local_reference(server.base_url), store)
    if scope is not None:  # e.g. "openid": an online login, whose refresh token expires
        session.oidc().scope = scope
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
