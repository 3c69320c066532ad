"""QGIS's HTTPS trust, for the plugin's own requests and for GDAL's /vsicurl/ streaming.

QGIS trusts what its authentication manager says (Settings > Options > Authentication >
Certificate Manager): the system's root CAs, plus CA certificates the user imported (the
TLS-inspecting proxy of a French administration), minus those marked untrusted, plus
per-server SSL exceptions (a certificate accepted for one host:port). `requests` knows
none of it, so without this module the plugin would fail where QGIS itself works.

- `install(session)`: a requests session trusts exactly QGIS's trusted CAs, and a server
  with an SSL exception is accepted with the very certificate QGIS stored for it (pinned
  by its SHA-256 fingerprint; any other certificate there is still refused). When a
  certificate is refused, QGIS's store is read again and the request sent once more if it
  changed: a CA imported after the error message said so works without a restart
  (QgsAuthManager signals no change of its certificates). Trust withdrawn in QGIS applies
  to the plugin's next session (profile switch or restart).
- `ca_bundle_path()`: QGIS's trusted CAs as one PEM file (public certificates, no secret),
  kept in the QGIS profile folder and rewritten when they change.
- `gdal_tls_options()`: the GDAL config options pointing curl at that file, for whoever
  streams COGs (use them with `proxy.gdal_proxy_options()`). GDAL has no equivalent of a
  pinned server exception: such a server works for the plugin's requests only.
"""
import hashlib
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import Dict, Optional, Tuple
from urllib.parse import urlsplit

import requests
from qgis.core import QgsApplication

LOG = logging.getLogger("dinamis")

BUNDLE_NAME = "trusted-ca.pem"
_write_lock = threading.Lock()


def _manager():
    manager = QgsApplication.authManager()
    if manager is None or manager.isDisabled():
        return None
    return manager


def trusted_ca_pem() -> bytes:
    """QGIS's trusted CA certificates, PEM (b"" when its authentication system is off)."""
    manager = _manager()
    return bytes(manager.trustedCaCertsPemText()) if manager is not None else b""


def ca_bundle_path() -> Optional[str]:
    """A PEM file of the CA certificates QGIS trusts, or None (then the defaults apply)."""
    pem = trusted_ca_pem()
    if not pem.strip():
        return None
    path = Path(QgsApplication.qgisSettingsDirPath()) / "dinamis" / BUNDLE_NAME
    with _write_lock:
        try:
            if not path.is_file() or path.read_bytes() != pem:
                path.parent.mkdir(parents=True, exist_ok=True)
                handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
                with os.fdopen(handle, "wb") as out:
                    out.write(pem)
                os.replace(temporary, path)
        except OSError as error:
            LOG.warning("could not write QGIS's CA certificates for the plugin: %s",
                        type(error).__name__)
            return None
    return str(path)


def server_exceptions() -> Dict[str, str]:
    """{"host:port": SHA-256 hex of the certificate QGIS accepts there despite errors}."""
    manager = _manager()
    pins: Dict[str, str] = {}
    if manager is None:
        return pins
    for config in manager.sslCertCustomConfigs():
        certificate = config.sslCertificate()
        if certificate.isNull() or not config.sslIgnoredErrorEnums():
            continue  # a stored configuration that forgives nothing changes nothing
        der = bytes(certificate.toDer())
        pins[config.sslHostPort().strip().lower()] = hashlib.sha256(der).hexdigest()
    return pins


def _host_port(url: str) -> str:
    parts = urlsplit(url)
    return f"{(parts.hostname or '').lower()}:{parts.port or 443}"


class _QgisTrust:
    """What one session trusts: QGIS's CA bundle (None: the defaults) and exception pins,
    as last read from QGIS's authentication manager."""

    def __init__(self):
        self._lock = threading.Lock()
        self._read: Optional[Tuple[bytes, Dict[str, str]]] = None
        self.bundle: Optional[str] = None
        self.pins: Dict[str, str] = {}
        self.reread()

    def reread(self) -> bool:
        """Read QGIS's store again; True when what it trusts changed since last time."""
        current = (trusted_ca_pem(), server_exceptions())
        with self._lock:
            if current == self._read:
                return False
            self._read = current
            self.bundle = ca_bundle_path()
            self.pins = current[1]
            return True


def install(session) -> None:
    """Make a requests session trust what QGIS trusts (see the module docstring)."""
    trust = _QgisTrust()
    if trust.bundle:
        session.verify = trust.bundle
    original_merge = session.merge_environment_settings

    def merge_environment_settings(url, proxies, stream, verify, cert):
        # requests would let REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE replace the session's
        # CAs; QGIS ignores them, so does the plugin (a request's own verify stays)
        settings = original_merge(url, proxies, stream, verify, cert)
        if trust.bundle and (verify is None or verify is True):
            settings["verify"] = trust.bundle
        return settings
    session.merge_environment_settings = merge_environment_settings

    for adapter in set(session.adapters.values()):
        def cert_verify(pool, url, verify, cert, _original=adapter.cert_verify):
            _original(pool, url, verify, cert)
            pin = trust.pins.get(_host_port(url)) if url.lower().startswith("https:") \
                else None
            if pin and verify is not False:
                # urllib3 then checks the fingerprint instead of the chain and host name
                pool.cert_reqs, pool.ca_certs, pool.ca_cert_dir = "CERT_NONE", None, None
                pool.assert_fingerprint = pin
            else:
                pool.assert_fingerprint = None
        adapter.cert_verify = cert_verify

    original_request = session.request

    def request(method, url, *args, **kwargs):
        try:
            return original_request(method, url, *args, **kwargs)
        except requests.exceptions.SSLError:
            # A certificate refused at the handshake (nothing was sent yet): send it once
            # more if the user has since imported a CA or accepted the certificate in QGIS.
            if not trust.reread():
                raise
            LOG.info("QGIS's trusted certificates changed: trying again")
            return original_request(method, url, *args, **kwargs)
    session.request = request


# GDAL reads all three for curl's CA file, and the last one set wins (GDAL 3.6): each must
# name QGIS's bundle, or an SSL_CERT_FILE in the environment replaces it.
GDAL_CA_OPTIONS = ("GDAL_CURL_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE")


def gdal_tls_options() -> Dict[str, str]:
    """GDAL config options making curl (/vsicurl/) trust QGIS's CA certificates; set them
    with gdal.SetConfigOption (they stay GDAL's: the process environment is not changed)."""
    bundle = ca_bundle_path()
    if not bundle:
        return {}
    return {name: bundle for name in GDAL_CA_OPTIONS}
