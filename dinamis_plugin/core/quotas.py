"""The user's remaining free quotas, per sensor, from the demand manager.

Quotas and prices change every year, so the client never holds a figure: it asks
`GET {demands_url}me/quotas` and shows what the service answers. A profile without a
demand manager, or a service without that route, means "not available" (None), which the
panel simply leaves out.
"""
from dataclasses import dataclass
from typing import List, Optional

from .errors import NotFound
from .http import call


@dataclass(frozen=True)
class Quota:
    """One sensor's free quota for a year, in km²."""

    sensor: str
    sensor_label: str
    year: Optional[int]
    free_km2: float
    consumed_km2: float
    remaining_km2: float
    archive_eur_per_km2: Optional[float] = None  # beyond the free quota, when the server says
    programming_eur_per_km2: Optional[float] = None
    min_order_km2: Optional[float] = None

    def eur_per_km2(self, kind: str) -> Optional[float]:
        """The price per km² beyond the free quota for an "archive" or "programming" request."""
        return self.archive_eur_per_km2 if kind == "archive" else self.programming_eur_per_km2

    @classmethod
    def from_dict(cls, data: dict) -> "Quota":
        free = float(data.get("free_km2") or 0.0)
        consumed = float(data.get("consumed_km2") or 0.0)
        remaining = data.get("remaining_km2")
        return cls(sensor=str(data.get("sensor") or ""),
                   sensor_label=str(data.get("sensor_label") or data.get("sensor") or ""),
                   year=int(data["year"]) if data.get("year") is not None else None,
                   free_km2=free, consumed_km2=consumed,
                   remaining_km2=float(remaining) if remaining is not None
                   else max(0.0, free - consumed),
                   archive_eur_per_km2=_optional_float(data.get("archive_eur_per_km2")),
                   programming_eur_per_km2=_optional_float(data.get("programming_eur_per_km2")),
                   min_order_km2=_optional_float(data.get("min_order_km2")))


def _optional_float(value) -> Optional[float]:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def remaining_quotas(http, demands_url: Optional[str]) -> Optional[List[Quota]]:
    """Quotas of the logged-in user (`http` is an authenticated session), or None."""
    if not demands_url:
        return None
    url = demands_url.rstrip("/") + "/me/quotas"
    try:
        body = call(http, "GET", url).json()
    except NotFound:
        return None
    except ValueError:  # not JSON: not the demand manager we know
        return None
    items = body.get("quotas", []) if isinstance(body, dict) else body
    if not isinstance(items, list):
        return None
    return [Quota.from_dict(item) for item in items if isinstance(item, dict)]
