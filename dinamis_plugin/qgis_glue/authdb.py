"""Login secrets in QGIS's encrypted authentication database (the keyring fallback).

Used when the system has no usable keyring or the keyring refuses a write (the choice is
made by `secret_store.PluginSecretStore`): QgsAuthManager keeps each secret encrypted with
the QGIS master password, under the key
"dinamis/<profile>/<secret name>". Reading or writing needs the master password to be set:
`unlock()` asks QGIS to prompt for it, which must happen on the main thread, so call it
before starting a task that uses this store.
"""
from typing import Optional

from qgis.core import QgsApplication

from ..core.errors import SecretStoreError

KEY_PREFIX = "dinamis"


class AuthDbSecretStore:
    """`SecretStore` (get/set/delete per profile) on QgsAuthManager's encrypted settings."""

    def __init__(self, auth_manager=None):
        self._manager = auth_manager

    @property
    def manager(self):
        return self._manager or QgsApplication.authManager()

    @staticmethod
    def key(profile_name: str, name: str) -> str:
        return f"{KEY_PREFIX}/{profile_name}/{name}"

    def unlock(self) -> bool:
        """True when the master password is set (QGIS may prompt the user, main thread)."""
        manager = self.manager
        if manager.isDisabled():
            return False
        return bool(manager.masterPasswordIsSet() or manager.setMasterPassword(True))

    def has_any(self, profile_name: str) -> bool:
        """Whether a login is stored for `profile_name` (key names need no master password,
        so nobody is asked for it at start-up just to learn there is nothing to resume)."""
        from ..core.secrets import SECRET_NAMES
        return any(self.manager.existsAuthSetting(self.key(profile_name, name))
                   for name in SECRET_NAMES)

    def _require_unlocked(self) -> None:
        manager = self.manager
        if manager.isDisabled() or not manager.masterPasswordIsSet():
            raise SecretStoreError()

    def get(self, profile_name: str, key: str) -> Optional[str]:
        self._require_unlocked()
        full_key = self.key(profile_name, key)
        if not self.manager.existsAuthSetting(full_key):
            return None
        value = self.manager.authSetting(full_key, None, True)
        return str(value) if value not in (None, "") else None

    def set(self, profile_name: str, key: str, value: str) -> None:
        self._require_unlocked()
        full_key = self.key(profile_name, key)
        if self.manager.existsAuthSetting(full_key):
            self.manager.removeAuthSetting(full_key)
        if not self.manager.storeAuthSetting(full_key, value, True):
            raise SecretStoreError()

    def delete(self, profile_name: str, key: str) -> None:
        self._require_unlocked()
        full_key = self.key(profile_name, key)
        if self.manager.existsAuthSetting(full_key):
            self.manager.removeAuthSetting(full_key)

    def __repr__(self) -> str:
        return "AuthDbSecretStore()"
