"""QGIS's network proxy settings, for the plugin's requests sessions and for GDAL.

QGIS keeps its proxy under "proxy/..." in its settings (Options > Network). The plugin
talks HTTP through `requests`, which knows nothing of QGIS, so this module translates:
`ProxyRoute.from_qgis_settings()` reads the settings, `install(session)` makes a session
use them (excluded url prefixes go direct, as in QGIS), `gdal_proxy_options()` gives the
GDAL_HTTP_PROXY* config options. The proxy password is a secret: never log these values.
"""
from dataclasses import dataclass, field
from typing import Dict, List, Optional
from urllib.parse import quote

from qgis.core import QgsSettings

from ..core.errors import DinamisError
from ..core.i18n import tr

HTTP_TYPES = ("HttpProxy", "HttpCachingProxy")
SOCKS_TYPE = "Socks5Proxy"


class ProxyNotSupported(DinamisError):
    """QGIS is set to a proxy kind the plugin cannot use as configured."""


def _as_list(value) -> List[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split("|")
    return [str(v).strip() for v in value if str(v).strip()]


def socks_available() -> bool:
    try:
        import socks  # noqa: F401 - PySocks, needed by requests for socks5h://
    except ImportError:
        return False
    return True


@dataclass
class ProxyRoute:
    """Where requests for a url go: through `proxy_url`, or direct for excluded prefixes."""

    enabled: bool = False
    kind: str = "DefaultProxy"
    host: str = ""
    port: int = 0
    user: str = field(default="", repr=False)
    password: str = field(default="", repr=False)
    excluded: List[str] = field(default_factory=list)

    @classmethod
    def from_qgis_settings(cls) -> "ProxyRoute":
        s = QgsSettings()
        enabled = str(s.value("proxy/proxyEnabled", False)).lower() in ("true", "1")
        try:
            port = int(s.value("proxy/proxyPort", 0) or 0)
        except (TypeError, ValueError):
            port = 0
        excluded = (_as_list(s.value("proxy/proxyExcludedUrls", []))
                    + _as_list(s.value("proxy/noProxyUrls", [])))
        return cls(enabled=enabled, kind=str(s.value("proxy/proxyType", "DefaultProxy") or ""),
                   host=str(s.value("proxy/proxyHost", "") or "").strip(), port=port,
                   user=str(s.value("proxy/proxyUser", "") or ""),
                   password=str(s.value("proxy/proxyPassword", "") or ""), excluded=excluded)

    def _explicit(self) -> bool:
        """An explicit proxy host is set (DefaultProxy means: system/environment proxy)."""
        return self.enabled and self.kind in HTTP_TYPES + (SOCKS_TYPE,) and bool(self.host)

    def proxy_url(self) -> Optional[str]:
        if not self._explicit():
            return None
        scheme = "socks5h" if self.kind == SOCKS_TYPE else "http"
        credentials = ""
        if self.user:
            credentials = quote(self.user, safe="")
            if self.password:
                credentials += ":" + quote(self.password, safe="")
            credentials += "@"
        port = f":{self.port}" if self.port else ""
        return f"{scheme}://{credentials}{self.host}{port}"

    def check_usable(self) -> None:
        """Raise ProxyNotSupported, in plain words, when this route cannot work."""
        if self._explicit() and self.kind == SOCKS_TYPE and not socks_available():
            raise ProxyNotSupported(tr(
                "QGIS is set to use a SOCKS5 proxy, which needs the Python package PySocks. "
                "Install it (pip install PySocks) in QGIS's Python, or use an HTTP proxy in "
                "QGIS Options > Network."))

    def is_excluded(self, url: str) -> bool:
        return any(url.startswith(prefix) for prefix in self.excluded)

    def proxies_for(self, url: str) -> Dict[str, str]:
        """The requests `proxies` for one url ({} = direct, or the environment's proxy)."""
        proxy = self.proxy_url()
        if proxy is None or self.is_excluded(url):
            return {}
        return {"http": proxy, "https": proxy}

    def requests_proxies(self) -> Dict[str, str]:
        """Session-wide `proxies` dict, with excluded hosts as a no_proxy hint."""
        proxy = self.proxy_url()
        if proxy is None:
            return {}
        proxies = {"http": proxy, "https": proxy}
        if self.excluded:
            proxies["no_proxy"] = ",".join(self.excluded)
        return proxies

    def install(self, session) -> None:
        """Route every request of `session` through this proxy, except excluded urls.

        requests applies explicit proxies to every url, so the choice is made per request
        at the adapter level, where the final url is known.
        """
        self.check_usable()
        if self.proxy_url() is None:
            return
        for adapter in set(session.adapters.values()):
            original_send = adapter.send

            def send(request, *args, _send=original_send, **kwargs):
                kwargs["proxies"] = self.proxies_for(request.url)
                return _send(request, *args, **kwargs)

            adapter.send = send

    def gdal_options(self) -> Dict[str, str]:
        if self.proxy_url() is None:
            return {}
        options = {"GDAL_HTTP_PROXY": (f"socks5h://{self.host}:{self.port}"
                                       if self.kind == SOCKS_TYPE else f"{self.host}:{self.port}")}
        if self.user:
            options["GDAL_HTTP_PROXYUSERPWD"] = f"{self.user}:{self.password}"
        return options


def qgis_proxy() -> ProxyRoute:
    return ProxyRoute.from_qgis_settings()


def gdal_proxy_options() -> Dict[str, str]:
    """GDAL config options (GDAL_HTTP_PROXY, GDAL_HTTP_PROXYUSERPWD) matching QGIS's proxy."""
    return qgis_proxy().gdal_options()
