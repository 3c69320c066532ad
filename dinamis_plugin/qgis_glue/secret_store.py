"""Where the plugin keeps login secrets: the system keyring, else QGIS's authentication
database (encrypted with the master password); never a file, never QGIS settings.

- The keyring comes first. When it refuses a write (locked, denied, its service gone), the
  secret goes to the authentication database instead and `take_notice()` says so once, for
  the message bar; when neither takes it, `set` raises SecretStoreError and the session
  knows its login will not survive a restart (`DinamisSession.login_kept`).
- Which store holds each secret is remembered in QGIS settings (`dinamis/secret_locations`:
  profile and secret names with "keyring" or "authdb", never a value). So QGIS start-up
  touches no store when nothing was ever stored (a keyring may ask to be unlocked, D-Bus
  may be slow), and each secret is read back from where it was written.
"""
import json
import logging
import threading
from typing import Callable, Dict, Optional

from qgis.core import QgsSettings

from ..core.errors import SecretStoreError
from ..core.i18n import tr

LOG = logging.getLogger("dinamis")

LOCATIONS_KEY = "dinamis/secret_locations"
KEYRING = "keyring"
AUTHDB = "authdb"


def system_keyring_store():
    """The core's keyring store on the system's keyring, or None where no keyring works."""
    from ..core.secrets import KeyringSecretStore, keyring_usable
    return KeyringSecretStore() if keyring_usable() else None


def auth_database_store():
    from .authdb import AuthDbSecretStore
    return AuthDbSecretStore()


class PluginSecretStore:
    """`SecretStore` (get/set/delete per profile) over the keyring and the authentication
    database, plus `has_any`, `unlock` and `take_notice` for the session controller.

    The stores are made on first need by `keyring_factory` (None where no keyring works)
    and `authdb_factory`. Thread-safe: tasks write rotated tokens while the UI reads.
    """

    def __init__(self, keyring_factory: Callable[[], object] = system_keyring_store,
                 authdb_factory: Callable[[], object] = auth_database_store):
        self._factories = {KEYRING: keyring_factory, AUTHDB: authdb_factory}
        self._stores: Dict[str, object] = {}
        self._lock = threading.RLock()
        self._keyring_refused = False
        self._notice = ""

    def __repr__(self) -> str:
        return "PluginSecretStore()"

    # --- SecretStore -------------------------------------------------------------------
    def get(self, profile_name: str, key: str) -> Optional[str]:
        where = self._location(profile_name, key)
        if where is None:
            return None
        store = self._store(where)
        if store is None:
            raise SecretStoreError()
        return store.get(profile_name, key)

    def set(self, profile_name: str, key: str, value: str) -> None:
        """Into the keyring, else the authentication database (SecretStoreError if neither)."""
        keyring = None if self._keyring_refused else self._store(KEYRING)
        if keyring is not None:
            try:
                keyring.set(profile_name, key, value)
            except SecretStoreError:
                LOG.warning("the keyring refused a secret; using QGIS's authentication "
                            "database")
                with self._lock:
                    self._keyring_refused = True
                    self._notice = tr(
                        "The system keyring refused to keep your DINAMIS login: it is kept "
                        "in QGIS's authentication database instead, protected by the QGIS "
                        "master password.")
            else:
                self._moved(profile_name, key, KEYRING)
                return
        self._store(AUTHDB).set(profile_name, key, value)
        self._moved(profile_name, key, AUTHDB)

    def delete(self, profile_name: str, key: str) -> None:
        where = self._location(profile_name, key)
        if where is None:
            return
        store = self._store(where)
        if store is None:
            raise SecretStoreError()
        store.delete(profile_name, key)  # on failure the location stays: deleted later
        self._set_location(profile_name, key, None)

    # --- for the session controller ----------------------------------------------------
    def has_any(self, profile_name: str) -> bool:
        """Whether a secret of `profile_name` was stored; asks no store (start-up)."""
        return bool(self._locations().get(profile_name))

    def unlock(self) -> bool:
        """Main thread, before a task: have QGIS ask for its master password now if the
        authentication database will be used (it holds a secret, or the keyring is known to
        refuse or be missing). The keyring is not looked for here: finding it may wait on
        D-Bus, so a task does it, and a login the database must then keep is kept after
        the task (`DinamisSession.keep_login`, once this has unlocked it)."""
        with self._lock:
            keyring_missing = KEYRING in self._stores and self._stores[KEYRING] is None
        uses_authdb = (self._keyring_refused or keyring_missing
                       or any(AUTHDB in names.values() for names in self._locations().values()))
        if not uses_authdb:
            return True
        return bool(self._store(AUTHDB).unlock())

    def take_notice(self) -> str:
        """A translated sentence about where the login went, once ("" when nothing to say)."""
        with self._lock:
            notice, self._notice = self._notice, ""
        return notice

    # --- internals -----------------------------------------------------------------------
    def _store(self, where: str):
        with self._lock:
            if where not in self._stores:
                try:
                    self._stores[where] = self._factories[where]()
                except SecretStoreError:
                    self._stores[where] = None
            return self._stores[where]

    def _moved(self, profile_name: str, key: str, where: str) -> None:
        """`key` now lives in `where`: remember it, and remove a copy left in the other."""
        previous = self._location(profile_name, key)
        self._set_location(profile_name, key, where)
        if previous is not None and previous != where:
            try:
                other = self._store(previous)
                if other is not None:
                    other.delete(profile_name, key)
            except SecretStoreError:
                LOG.info("an older copy of a secret could not be removed from the %s",
                         previous)

    def _locations(self) -> Dict[str, Dict[str, str]]:
        raw = QgsSettings().value(LOCATIONS_KEY, "{}")
        try:
            value = json.loads(raw or "{}")
        except (TypeError, ValueError):
            return {}
        return value if isinstance(value, dict) else {}

    def _location(self, profile_name: str, key: str) -> Optional[str]:
        names = self._locations().get(profile_name)
        where = names.get(key) if isinstance(names, dict) else None
        return where if where in (KEYRING, AUTHDB) else None

    def _set_location(self, profile_name: str, key: str, where: Optional[str]) -> None:
        with self._lock:
            locations = self._locations()
            names = locations.get(profile_name)
            names = dict(names) if isinstance(names, dict) else {}
            if where is None:
                names.pop(key, None)
            else:
                names[key] = where
            if names:
                locations[profile_name] = names
            else:
                locations.pop(profile_name, None)
            QgsSettings().setValue(LOCATIONS_KEY, json.dumps(locations))
