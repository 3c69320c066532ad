"""Where login secrets live between QGIS sessions: the system keyring, never a file.

A `SecretStore` keeps a few named secrets per endpoint profile: "refresh_token",
"api_access_key", "api_secret_key". `KeyringSecretStore` uses the vendored keyring; inside
QGIS the glue's `PluginSecretStore` falls back to QGIS's authentication database when the
keyring is unusable or refuses a write. `MemorySecretStore` keeps a console login for
the life of the Python process only.
"""
import importlib
import logging
import threading
from typing import Dict, Optional, Tuple

try:  # Protocol is 3.8+; QGIS 3.22 ships 3.9+, but stay importable anywhere.
    from typing import Protocol
except ImportError:  # pragma: no cover
    Protocol = object

from .errors import SecretStoreError

try:
    from .._vendor import keyring
except ImportError:  # vendored copy missing or broken: keyring_usable() says so
    keyring = None

LOG = logging.getLogger("dinamis")

REFRESH_TOKEN = "refresh_token"
API_ACCESS_KEY = "api_access_key"
API_SECRET_KEY = "api_secret_key"
SECRET_NAMES = (REFRESH_TOKEN, API_ACCESS_KEY, API_SECRET_KEY)
SERVICE_PREFIX = "dinamis-qgis/"

# Built-in keyring backends, imported explicitly: the vendored keyring has no package
# metadata, so its entry-point discovery finds nothing and only imported classes register.
_BUILTIN_BACKEND_MODULES = ("SecretService", "libsecret", "kwallet", "macOS", "Windows")
_UNUSABLE_MODULES = ("fail", "null", "chainer")


class SecretStore(Protocol):
    """Named secrets per profile. `get` answers None for a secret never stored."""

    def get(self, profile_name: str, key: str) -> Optional[str]: ...

    def set(self, profile_name: str, key: str, value: str) -> None: ...

    def delete(self, profile_name: str, key: str) -> None: ...


def _is_usable(backend) -> bool:
    if backend is None:
        return False
    module = type(backend).__module__.rsplit(".", 1)[-1]
    if module in ("fail", "null"):
        return False
    if module == "chainer":
        return bool(getattr(backend, "backends", None))
    return True


_chosen_lock = threading.Lock()
_chosen: Tuple[bool, object] = (False, None)  # (searched yet, backend or None)


def default_backend():
    """The best usable keyring backend of this system, or None.

    Keyring's own choice first (it honours PYTHON_KEYRING_BACKEND and keyringrc.cfg);
    when that is the "fail" backend, the built-in backends are imported and the viable
    one with the highest priority is used.
    """
    global _chosen
    with _chosen_lock:
        if _chosen[0]:
            return _chosen[1]
        backend = None
        if keyring is not None:
            try:
                backend = keyring.get_keyring()
                if not _is_usable(backend):
                    backend = _best_builtin_backend()
            except Exception as exc:  # a broken backend must not break the plugin
                LOG.warning("keyring unavailable: %s", type(exc).__name__)
                backend = None
        _chosen = (True, backend)
        return backend


def _best_builtin_backend():
    for name in _BUILTIN_BACKEND_MODULES:
        try:
            importlib.import_module(f"{keyring.__name__}.backends.{name}")
        except Exception:  # platform modules fail to import elsewhere: expected
            pass
    base = importlib.import_module(f"{keyring.__name__}.backend").KeyringBackend
    candidates = [cls for cls in base.get_viable_backends()
                  if cls.__module__.rsplit(".", 1)[-1] not in _UNUSABLE_MODULES]
    if not candidates:
        return None
    best = max(candidates, key=lambda cls: cls.priority)
    return best()


def keyring_usable() -> bool:
    """True when a real keyring backend (not keyring's fail/null backends) is available."""
    return default_backend() is not None


class KeyringSecretStore:
    """Secrets in the system keyring, service "dinamis-qgis/<profile>", user = secret name.

    `backend` is a keyring backend instance; by default the system's best one.
    """

    def __init__(self, backend=None):
        self.backend = backend if backend is not None else default_backend()
        if self.backend is None:
            raise SecretStoreError()

    @staticmethod
    def service(profile_name: str) -> str:
        return SERVICE_PREFIX + profile_name

    def get(self, profile_name: str, key: str) -> Optional[str]:
        try:
            return self.backend.get_password(self.service(profile_name), key)
        except Exception as exc:
            LOG.warning("keyring read failed (%s)", type(exc).__name__)
            raise SecretStoreError() from None

    def set(self, profile_name: str, key: str, value: str) -> None:
        try:
            self.backend.set_password(self.service(profile_name), key, value)
        except Exception as exc:
            LOG.warning("keyring write failed (%s)", type(exc).__name__)
            raise SecretStoreError() from None

    def delete(self, profile_name: str, key: str) -> None:
        try:
            if self.backend.get_password(self.service(profile_name), key) is None:
                return
            self.backend.delete_password(self.service(profile_name), key)
        except Exception as exc:
            LOG.warning("keyring delete failed (%s)", type(exc).__name__)
            raise SecretStoreError() from None

    def __repr__(self) -> str:
        return f"KeyringSecretStore({type(self.backend).__name__})"


class MemorySecretStore:
    """Secrets kept in this process only (console scripts on machines without a keyring)."""

    def __init__(self):
        self._values: Dict[Tuple[str, str], str] = {}
        self._lock = threading.Lock()

    def get(self, profile_name: str, key: str) -> Optional[str]:
        with self._lock:
            return self._values.get((profile_name, key))

    def set(self, profile_name: str, key: str, value: str) -> None:
        with self._lock:
            self._values[(profile_name, key)] = value

    def delete(self, profile_name: str, key: str) -> None:
        with self._lock:
            self._values.pop((profile_name, key), None)

    def __repr__(self) -> str:
        return f"MemorySecretStore({len(self._values)} secrets)"
