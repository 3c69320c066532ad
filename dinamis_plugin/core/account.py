"""Who is logged in, in the words a DINAMIS user knows: entity, category, account status.

Built from the userinfo claims of docs/ARCHITECTURE.md. Only the core OpenID Connect
claims (`sub`, `preferred_username`, `name`, `email`) can be relied on: the `dinamis_*`
ones are ours, not published by DINAMIS, so every field beyond those may be None. The
status is then learned from what the services answer (`status_told_by`): a 403 with
`account_pending` / `account_expired` / `account_disabled`, or a signing that succeeded.
API-key logins have no userinfo: their `Account` says the details are unknown instead of
guessing.
"""
from dataclasses import dataclass, field, replace
from typing import Optional, Tuple

from .errors import AccountNotActive, error_from_response
from .i18n import tr

STATUSES = ("pending", "active", "expired", "disabled")
CATEGORIES = ("scientific", "public_actor", "private_rd", "foreign_scientific")


@dataclass(frozen=True)
class Account:
    """One DINAMIS user account. `known` is False for API-key logins (no userinfo)."""

    username: Optional[str] = None
    name: Optional[str] = None
    email: Optional[str] = None
    entity: Optional[str] = None
    category: Optional[str] = None
    status: Optional[str] = None
    roles: Tuple[str, ...] = field(default_factory=tuple)
    expires_at: Optional[str] = None
    known: bool = True

    @classmethod
    def from_claims(cls, claims: dict) -> "Account":
        roles = claims.get("dinamis_roles") or ()
        if isinstance(roles, str):
            roles = (roles,)
        return cls(username=claims.get("preferred_username") or claims.get("sub"),
                   name=claims.get("name"), email=claims.get("email"),
                   entity=claims.get("dinamis_entity"),
                   category=claims.get("dinamis_category"),
                   status=claims.get("dinamis_status"),
                   roles=tuple(str(r) for r in roles),
                   expires_at=claims.get("dinamis_expires_at"))

    @classmethod
    def unknown(cls) -> "Account":
        """The account behind an API key: the service does not tell who it is."""
        return cls(known=False)

    def with_status(self, status: Optional[str]) -> "Account":
        """This account with the status a service told (it outranks a claim: it is newer)."""
        return replace(self, status=status) if status else self

    @property
    def is_active(self) -> bool:
        return self.status == "active"

    @property
    def is_referent(self) -> bool:
        return "referent" in self.roles

    @property
    def is_operator(self) -> bool:
        return "operator" in self.roles

    def display_name(self) -> str:
        if not self.known:
            return tr("API key (account details unavailable)")
        return self.name or self.username or tr("Unknown user")

    def status_message(self) -> str:
        """One plain sentence about what this account may do now."""
        if not self.known and self.status is None:
            return tr("Logged in with an API key. The account's details are not available "
                      "with an API key; log in with your DINAMIS account to see them.")
        if self.status is None:
            return tr("Not stated at login: your first download or request will tell "
                      "whether your account is active.")
        if self.status == "active":
            if self.expires_at:
                return tr("Your account is active until {date}.").format(
                    date=self.expires_at[:10])
            return tr("Your account is active.")
        if self.status == "pending":
            return tr("Your account is awaiting validation by your entity's DINAMIS referent. "
                      "You can search the catalogue; downloads and requests need a validated "
                      "account.")
        if self.status == "expired":
            return tr("Your account has expired. Ask your entity's DINAMIS referent to renew "
                      "it.")
        if self.status == "disabled":
            return tr("Your account is disabled. Contact your entity's DINAMIS referent or the "
                      "DINAMIS team.")
        return tr("The status of your account is unknown.")

    def category_label(self) -> str:
        """The user category (it drives quotas and prices), translated."""
        if self.category == "scientific":
            return tr("Scientific")
        if self.category == "public_actor":
            return tr("Public actor (non-scientific institution)")
        if self.category == "private_rd":
            return tr("Private R&D")
        if self.category == "foreign_scientific":
            return tr("Foreign scientific")
        return tr("No category")


def status_told_by(response, signing_url: str) -> Optional[str]:
    """The account status a DINAMIS service's answer reveals, or None.

    A 403 with `account_pending` / `account_expired` / `account_disabled` (signing service,
    demand manager) names it; urls signed by `POST {signing_url}sign_urls` prove "active",
    since the signing service refuses every other status.
    """
    status = response.status_code
    if status == 403:
        error = error_from_response(response)
        return error.status if isinstance(error, AccountNotActive) else None
    request = getattr(response, "request", None)
    if (200 <= status < 300 and request is not None and request.method == "POST"
            and request.url.split("?", 1)[0] == signing_url + "sign_urls"):
        try:
            body = response.json()
        except ValueError:
            return None
        if isinstance(body, dict) and body.get("hrefs"):
            return "active"
    return None
