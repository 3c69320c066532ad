"""Where the DINAMIS services live: one `EndpointProfile` per deployment.

The real services are the default; the local reference server is the other built-in one.
A profile names services only, never a collection (collection ids are listed from the
STAC API). Profiles are plain data, stored by the QGIS glue in QSettings: no secrets here.
"""
import re
from dataclasses import asdict, dataclass, fields, replace
from typing import List, Optional, Tuple
from urllib.parse import urlsplit

from .i18n import tr

_HOST_NAME = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")


def _with_slash(url: Optional[str]) -> Optional[str]:
    if url is None:
        return None
    url = url.strip()
    return url if url.endswith("/") else url + "/"


@dataclass(frozen=True)
class EndpointProfile:
    """Service addresses of one DINAMIS deployment.

    `signing_url` always ends with "/" (service routes are joined onto it, as the real
    SDK does). `oidc_issuer` overrides the issuer discovered from the signing service's
    openapi.json; leave it None normally. `storage_hosts` are the host names (or domain
    suffixes) of the deployment's object storage: only asset urls there are sent for
    signing; public thumbnails and foreign hrefs are used as they are.
    """

    name: str
    stac_url: str
    signing_url: str
    demands_url: Optional[str] = None
    oidc_client_id: str = "gdal"
    oidc_issuer: Optional[str] = None
    storage_hosts: Tuple[str, ...] = ()
    demands_web_url: Optional[str] = None  # the web form for requests, where no API exists

    def __post_init__(self):
        object.__setattr__(self, "name", (self.name or "").strip())
        object.__setattr__(self, "stac_url", (self.stac_url or "").strip())
        object.__setattr__(self, "signing_url", _with_slash(self.signing_url or ""))
        if self.demands_url is not None:
            demands = self.demands_url.strip()
            object.__setattr__(self, "demands_url", _with_slash(demands) if demands else None)
        if self.oidc_issuer is not None:
            issuer = self.oidc_issuer.strip().rstrip("/")
            object.__setattr__(self, "oidc_issuer", issuer or None)
        hosts = self.storage_hosts
        if isinstance(hosts, str):
            hosts = hosts.replace(",", " ").split()
        object.__setattr__(self, "storage_hosts", tuple(
            h.strip().strip(".").lower() for h in (hosts or ()) if h and h.strip(" .")))

    def validate(self) -> List[str]:
        """Translated problems a user must fix before this profile can work (empty: fine)."""
        problems = []
        if not self.name:
            problems.append(tr("The profile needs a name."))
        checks = [(tr("STAC API address"), self.stac_url),
                  (tr("Signing service address"), self.signing_url)]
        if self.demands_url:
            checks.append((tr("Demand manager address"), self.demands_url))
        if self.demands_web_url:
            checks.append((tr("Request web form address"), self.demands_web_url))
        if self.oidc_issuer:
            checks.append((tr("Login (OpenID Connect) issuer"), self.oidc_issuer))
        for label, url in checks:
            problem = _url_problem(url)
            if problem:
                problems.append(tr("{label}: {problem}").format(label=label, problem=problem))
        if not self.storage_hosts:  # nothing would be signed: every download refused
            problems.append(tr("Give the host name of the object storage holding the images "
                               "(DINAMIS: meso.umontpellier.fr): only asset addresses there "
                               "are sent for signing."))
        for host in self.storage_hosts:
            if not _HOST_NAME.fullmatch(host):
                problems.append(tr("Storage host \"{host}\": give a host name such as "
                                   "meso.umontpellier.fr, without https:// or a path.")
                                .format(host=host))
        if not (self.oidc_client_id or "").strip():
            problems.append(tr("The login client id must not be empty (DINAMIS uses \"gdal\")."))
        return problems

    def service_urls(self) -> List[str]:
        """Base urls of this deployment's own services (where credentials may be sent)."""
        return [u for u in (self.stac_url, self.signing_url, self.demands_url) if u]

    def owns_url(self, url: str) -> bool:
        """True when `url` points inside one of this profile's services.

        Compares scheme, host, port and path prefix, so a look-alike host
        (`signing.example.org.evil.net`) or the object store on the same host as the local
        reference server (`/s3/...`) is not "ours".
        """
        try:
            target = urlsplit(url)
            target_port = target.port
        except ValueError:
            return False
        for base_url in self.service_urls():
            base = urlsplit(base_url)
            if (target.scheme.lower(), (target.hostname or "").lower(), target_port) != (
                    base.scheme.lower(), (base.hostname or "").lower(), base.port):
                continue
            prefix = base.path.rstrip("/")
            if target.path == prefix or target.path.startswith(prefix + "/"):
                return True
        return False

    def is_storage_url(self, url: str) -> bool:
        """True when `url` points into this deployment's object storage (to be signed).

        A storage host matches itself and its subdomains, as the DINAMIS SDK matches
        `meso.umontpellier.fr`; the port is not compared.
        """
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            return False
        return bool(host) and any(host == h or host.endswith("." + h)
                                  for h in self.storage_hosts)

    def with_changes(self, **changes) -> "EndpointProfile":
        return replace(self, **changes)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "EndpointProfile":
        """Build from stored settings; unknown keys (from newer versions) are ignored."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in dict(data).items() if k in known})


def _url_problem(url: str) -> Optional[str]:
    try:
        parts = urlsplit(url or "")
        parts.port  # raises ValueError on a non-numeric port
    except ValueError:
        return tr("\"{url}\" is not a valid address.").format(url=url)
    if parts.scheme not in ("http", "https"):
        return tr("the address must start with https:// (or http:// for a local test "
                  "server).")
    if not parts.hostname:
        return tr("the address has no host name.")
    if parts.query or parts.fragment:
        return tr("the address must not contain \"?\" or \"#\".")
    if parts.username or parts.password:
        return tr("the address must not contain a user name or password.")
    return None


DINAMIS = EndpointProfile(
    name="DINAMIS",
    stac_url="https://api.stac.teledetection.fr",
    signing_url="https://signing.stac.teledetection.fr/",
    demands_url=None,
    storage_hosts=("meso.umontpellier.fr",),
    # No public demand API: requests are filed in the IDSV2 catalogue's request form
    # ("Demandes imageries depuis Catalogue", DINAMIS's 2022 roadmap in shared/seeds).
    demands_web_url="https://catalogue-dinamis.data-terra.org/",
)


def local_reference(base_url: str = "http://127.0.0.1:8765",
                    name: str = "Local reference server") -> EndpointProfile:
    """Profile for the reference server (`make serve`, or a test's free port)."""
    base = base_url.rstrip("/")
    return EndpointProfile(name=name, stac_url=f"{base}/stac/", signing_url=f"{base}/signing/",
                           demands_url=f"{base}/demands/api/v1/",
                           storage_hosts=(urlsplit(base).hostname or "127.0.0.1",))


LOCAL_REFERENCE = local_reference()

BUILTIN_PROFILES = (DINAMIS, LOCAL_REFERENCE)
