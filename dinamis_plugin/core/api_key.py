"""API keys: the alternative to the device login for scripts and shared machines.

Managed through the signing service with bearer-authenticated GETs, as the real DINAMIS
SDK does (`create_api_key?description=`, `list_api_keys_with_metadata`,
`revoke_api_key?access_key=`). An API key cannot manage keys: log in with the account.
"""
from dataclasses import dataclass, field
from typing import Dict, List

from .errors import EndpointInvalid
from .http import call


@dataclass(frozen=True)
class ApiKey:
    """An API key pair; `repr()` shows neither part."""

    access_key: str = field(repr=False)
    secret_key: str = field(repr=False)

    def headers(self) -> Dict[str, str]:
        """The headers the DINAMIS services read (never query parameters: urls get logged)."""
        return {"access-key": self.access_key, "secret-key": self.secret_key}


@dataclass(frozen=True)
class ApiKeyInfo:
    """What the service lists about a key: no secret part."""

    access_key: str
    description: str = ""
    created_at: str = ""


def create_api_key(session, description: str = "") -> ApiKey:
    """A new key for the logged-in account (`session` is a DinamisSession with a login)."""
    url = session.profile.signing_url + "create_api_key"
    # A GET that creates a key: never sent twice after a lost answer (two keys).
    body = call(session.http, "GET", url, params={"description": description},
                retry_safe=False).json()
    try:
        return ApiKey(body["access-key"], body["secret-key"])
    except (KeyError, TypeError):
        raise EndpointInvalid(url, "access-key") from None


def list_api_keys(session) -> List[ApiKeyInfo]:
    """The account's active keys."""
    url = session.profile.signing_url + "list_api_keys_with_metadata"
    rows = call(session.http, "GET", url).json()
    if not isinstance(rows, list):
        raise EndpointInvalid(url, "list")
    return [ApiKeyInfo(str(r.get("access_key", "")), str(r.get("description") or ""),
                       str(r.get("created_at") or "")) for r in rows if isinstance(r, dict)]


def revoke_api_key(session, access_key: str) -> None:
    """Revoke one of the account's keys (NotFound if it is not an active key of yours)."""
    call(session.http, "GET", session.profile.signing_url + "revoke_api_key",
         params={"access_key": access_key})
