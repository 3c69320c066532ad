"""The instant, local answer to "what will this area cost me?", while the user draws.

The split is the server's own rule (`requests/quote`): the area rounded to 0.01 km², the
part the remaining free quota covers, the paid rest times the price per km², each rounded
the same way, so the local figure and the server's agree to the cent for the same area.
The inputs (remaining quota, price per km², minimum order) come from the server
(`me/quotas`, `options`); nothing here knows a figure of its own.
"""
from dataclasses import dataclass
from typing import Callable, List, Optional

from .i18n import tr


def plain_number(value: float, decimals: int = 0) -> str:
    """1,234 (console default; the GUI passes the user's locale instead)."""
    return f"{value:,.{decimals}f}"


@dataclass(frozen=True)
class Estimate:
    """Area, free part, paid part and price of an area of interest; None where unknown."""

    area_km2: Optional[float]
    sensor_label: str = ""
    min_order_km2: Optional[float] = None
    remaining_km2: Optional[float] = None
    quota_km2: Optional[float] = None
    paid_km2: Optional[float] = None
    eur_per_km2: Optional[float] = None
    price_eur: Optional[float] = None

    @property
    def priced(self) -> bool:
        """True when the free quota and price are known (logged in, demand manager there)."""
        return self.price_eur is not None

    @property
    def below_minimum(self) -> bool:
        return (self.area_km2 is not None and self.min_order_km2 is not None
                and self.area_km2 < self.min_order_km2)

    @property
    def over_quota(self) -> bool:
        return bool(self.paid_km2)

    def warnings(self, number: Callable[[float, int], str] = plain_number) -> List[str]:
        """The web form's warnings for this estimate, in the user's language."""
        out = []
        if self.below_minimum:
            out.append(tr("The area ({area} km²) is below the minimum order of {minimum} km²."
                          ).format(area=number(self.area_km2, 1),
                                   minimum=number(self.min_order_km2, 0)))
        if self.over_quota and self.remaining_km2 is not None:
            out.append(tr("The area ({area} km²) exceeds your free quota of {remaining} km² "
                          "for {sensor}: {paid} km² will be charged at {rate} €/km², {price} € "
                          "in total.").format(
                              area=number(self.area_km2, 0),
                              remaining=number(self.remaining_km2, 0), sensor=self.sensor_label,
                              paid=number(self.paid_km2, 0), rate=number(self.eur_per_km2, 2),
                              price=number(self.price_eur, 2)))
        return out


def estimate(area_km2: Optional[float], kind: str, quota=None,
             min_order_km2: Optional[float] = None, sensor_label: str = "") -> Estimate:
    """The split of `area_km2` for a request of `kind` ("archive" or "programming").

    `quota` is the user's `core.quotas.Quota` for the sensor (None when unknown: the
    estimate then has the area and minimum only).
    """
    if quota is not None:
        sensor_label = sensor_label or quota.sensor_label
        if min_order_km2 is None:
            min_order_km2 = quota.min_order_km2
    remaining = quota.remaining_km2 if quota is not None else None
    if area_km2 is None:  # no area yet: still what the quota leaves
        return Estimate(None, sensor_label, min_order_km2, remaining_km2=remaining)
    area = round(area_km2, 2)
    rate = quota.eur_per_km2(kind) if quota is not None else None
    if quota is None or rate is None:
        return Estimate(area, sensor_label, min_order_km2, remaining_km2=remaining)
    free = round(min(area, remaining), 2)
    paid = round(area - free, 2)
    return Estimate(area, sensor_label, min_order_km2, remaining_km2=remaining,
                    quota_km2=free, paid_km2=paid, eur_per_km2=rate,
                    price_eur=round(paid * rate, 2))
