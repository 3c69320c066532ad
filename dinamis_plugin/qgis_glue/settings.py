"""Endpoint profiles in QGIS settings, under the "dinamis/" group.

Three keys, relied on by the demo scripts too:
  dinamis/active_profile       name of the profile in use (default "DINAMIS")
  dinamis/profiles             JSON list of user-added EndpointProfile dicts
  dinamis/local_reference_url  base url of the built-in "Local reference server" profile
Profiles are plain addresses: nothing secret is ever written here.
"""
import json
from typing import List, Optional

from qgis.core import QgsSettings

from ..core.i18n import tr
from ..core.profiles import DINAMIS, EndpointProfile, local_reference

ACTIVE_PROFILE_KEY = "dinamis/active_profile"
PROFILES_KEY = "dinamis/profiles"
LOCAL_REFERENCE_URL_KEY = "dinamis/local_reference_url"
DEFAULT_LOCAL_REFERENCE_URL = "http://127.0.0.1:8765"
LOCAL_REFERENCE_NAME = "Local reference server"


def shown_name(name: str) -> str:
    """A profile's name as the user reads it: the built-in local profile's in their
    language (its stored name stays English: settings, logins and drafts are keyed on it)."""
    return tr("Local reference server") if name == LOCAL_REFERENCE_NAME else name


def local_reference_url() -> str:
    value = QgsSettings().value(LOCAL_REFERENCE_URL_KEY, DEFAULT_LOCAL_REFERENCE_URL)
    return str(value or DEFAULT_LOCAL_REFERENCE_URL).strip()


def set_local_reference_url(url: str) -> None:
    QgsSettings().setValue(LOCAL_REFERENCE_URL_KEY, url.strip() or DEFAULT_LOCAL_REFERENCE_URL)


def builtin_profiles() -> List[EndpointProfile]:
    """The real services first, then the local reference server at its configured url."""
    return [DINAMIS, local_reference(local_reference_url(), name=LOCAL_REFERENCE_NAME)]


def builtin_names() -> List[str]:
    return [DINAMIS.name, LOCAL_REFERENCE_NAME]


def user_profiles() -> List[EndpointProfile]:
    """User-added profiles; unreadable entries (hand-edited settings) are skipped."""
    raw = QgsSettings().value(PROFILES_KEY, "[]")
    try:
        items = json.loads(raw or "[]")
    except (TypeError, ValueError):
        return []
    profiles = []
    for item in items if isinstance(items, list) else []:
        try:
            profiles.append(EndpointProfile.from_dict(item))
        except (TypeError, ValueError):
            continue
    return profiles


def save_user_profiles(profiles: List[EndpointProfile]) -> None:
    QgsSettings().setValue(PROFILES_KEY, json.dumps([p.to_dict() for p in profiles]))


def all_profiles() -> List[EndpointProfile]:
    return builtin_profiles() + user_profiles()


def find_profile(name: str) -> Optional[EndpointProfile]:
    for profile in all_profiles():
        if profile.name == name:
            return profile
    return None


def active_profile_name() -> str:
    value = QgsSettings().value(ACTIVE_PROFILE_KEY, DINAMIS.name)
    return str(value or DINAMIS.name)


def set_active_profile_name(name: str) -> None:
    QgsSettings().setValue(ACTIVE_PROFILE_KEY, name)


def active_profile() -> EndpointProfile:
    """The profile in use; the real DINAMIS services if the stored name is unknown."""
    return find_profile(active_profile_name()) or DINAMIS


def profile_problems(profile: EndpointProfile, replacing: Optional[str] = None,
                     others: Optional[List[EndpointProfile]] = None) -> List[str]:
    """Translated reasons `profile` cannot be saved (its own checks plus name clashes).

    `replacing` is the name of the profile being edited, which may keep its name;
    `others` the user profiles it joins (default: the stored ones).
    """
    problems = profile.validate()
    others = user_profiles() if others is None else others
    if profile.name in builtin_names():
        problems.append(tr("\"{name}\" is a built-in profile name; choose another name.")
                        .format(name=profile.name))
    elif profile.name != replacing and any(p.name == profile.name for p in others):
        problems.append(tr("A profile named \"{name}\" already exists.").format(name=profile.name))
    return problems


def _login_addresses(profile: EndpointProfile) -> tuple:
    """Where a stored login of `profile` is sent: its services and its login endpoints."""
    return (profile.stac_url, profile.signing_url, profile.demands_url, profile.oidc_issuer,
            profile.oidc_client_id)


def logins_to_forget(before: List[EndpointProfile], after: List[EndpointProfile]) -> List[str]:
    """Names of profiles whose stored logins must go: removed, renamed, or re-addressed
    (a refresh token must never travel to another server than the one that issued it)."""
    kept = {p.name: _login_addresses(p) for p in after}
    return [p.name for p in before if kept.get(p.name) != _login_addresses(p)]
