"""Secrets live in a keyring backend (a real one, in memory here), never in logs or reprs."""
import importlib
import logging
import time

import pytest

from dinamis.core import errors, secrets
from dinamis.core.secrets import (API_SECRET_KEY, REFRESH_TOKEN, KeyringSecretStore,
                                  MemorySecretStore)
from dinamis._vendor.keyring.backend import KeyringBackend
from tests.core.conftest import login_as
from tests.memory_keyring import MemoryKeyring

try:
    from dinamis._vendor.keyring.errors import KeyringLocked
    from dinamis._vendor.keyring.backends import fail, null
except ImportError:
    from keyring.errors import KeyringLocked
    from keyring.backends import fail, null


class LockedKeyring(KeyringBackend):
    """A backend whose user did not unlock it (a real failure mode of SecretService)."""

    priority = 1

    def get_password(self, service, username):
        raise KeyringLocked("locked")

    def set_password(self, service, username, password):
        raise KeyringLocked("locked")

    def delete_password(self, service, username):
        raise KeyringLocked("locked")


def test_round_trip_per_profile(memory_keyring):
    store = KeyringSecretStore(memory_keyring)
    store.set("DINAMIS", REFRESH_TOKEN, "rt-1")
    store.set("Local", REFRESH_TOKEN, "rt-2")
    assert store.get("DINAMIS", REFRESH_TOKEN) == "rt-1"
    assert store.get("Local", REFRESH_TOKEN) == "rt-2"
    assert store.get("DINAMIS", API_SECRET_KEY) is None
    assert ("dinamis-qgis/DINAMIS", "refresh_token") in memory_keyring.passwords
    store.delete("DINAMIS", REFRESH_TOKEN)
    store.delete("DINAMIS", REFRESH_TOKEN)  # deleting twice is fine
    assert store.get("DINAMIS", REFRESH_TOKEN) is None
    assert store.get("Local", REFRESH_TOKEN) == "rt-2"
    assert "rt-2" not in repr(store)


def test_locked_keyring_gives_an_actionable_error():
    store = KeyringSecretStore(LockedKeyring())
    with pytest.raises(errors.SecretStoreError) as caught:
        store.set("DINAMIS", REFRESH_TOKEN, "rt-secret")
    assert "Unlock it" in str(caught.value) and "rt-secret" not in str(caught.value)
    with pytest.raises(errors.SecretStoreError):
        store.get("DINAMIS", REFRESH_TOKEN)


def test_unusable_backends_are_recognised():
    assert not secrets._is_usable(fail.Keyring())
    assert not secrets._is_usable(null.Keyring())
    assert not secrets._is_usable(None)
    assert secrets._is_usable(MemoryKeyring())


def test_default_backend_is_never_the_fail_backend():
    assert secrets.keyring is not None, "the vendored keyring is built by make vendor"
    backend = secrets.default_backend()
    assert secrets.keyring_usable() is (backend is not None)
    assert backend is None or secrets._is_usable(backend)


def test_builtin_backends_are_found_without_entry_points():
    """The vendored keyring has no package metadata: its platform backends must still be
    candidates (they register when imported)."""
    assert secrets.keyring is not None, "the vendored keyring is built by make vendor"
    secrets._best_builtin_backend()
    base = importlib.import_module(secrets.keyring.__name__ + ".backend").KeyringBackend
    modules = {cls.__module__.rsplit(".", 1)[-1] for cls in base._classes}
    assert {"SecretService", "macOS", "Windows"} <= modules


def test_login_keeps_the_refresh_token_in_the_keyring_and_logout_removes_it(server,
                                                                           memory_keyring):
    session = login_as(server, "alice", KeyringSecretStore(memory_keyring))
    service = "dinamis-qgis/" + session.profile.name
    assert memory_keyring.passwords[(service, "refresh_token")]
    session.logout()
    assert memory_keyring.passwords == {}


def test_a_locked_keyring_does_not_prevent_logging_in(server, caplog):
    caplog.set_level(logging.WARNING, logger="dinamis")
    session = login_as(server, "alice", KeyringSecretStore(LockedKeyring()))
    assert session.is_logged_in and session.account().username == "alice"
    assert any("secret store" in r.getMessage() for r in caplog.records)


def test_no_secret_reaches_the_log_or_a_repr(server, server_config, caplog):
    caplog.set_level(logging.DEBUG)
    server_config(access_token_lifetime=2)
    store = MemorySecretStore()
    session = login_as(server, "remi", store)
    first_refresh = store.get(session.profile.name, REFRESH_TOKEN)
    access = session.access_token()
    time.sleep(2)
    session.http.post(session.profile.signing_url + "sign_urls", json={"urls": []})
    second_refresh = store.get(session.profile.name, REFRESH_TOKEN)
    assert second_refresh != first_refresh
    session.logout()
    text = "\n".join(r.getMessage() for r in caplog.records) + repr(session) + repr(store)
    for secret in (first_refresh, second_refresh, access):
        assert secret not in text


def test_memory_store_for_console_scripts():
    store = MemorySecretStore()
    store.set("p", REFRESH_TOKEN, "x")
    assert store.get("p", REFRESH_TOKEN) == "x"
    store.delete("p", REFRESH_TOKEN)
    store.delete("p", REFRESH_TOKEN)
    assert store.get("p", REFRESH_TOKEN) is None
