"""Quota rules as data: free km² and prices per year, user category and sensor.

DINAMIS revises quotas and prices every year, so they live in a table the server seeds
from the published slides (docs in /work/shared/DOMAIN.md) for the current year and the
previous one; nothing else hard-codes a figure. SPOT 6/7 telemetry credits are modelled
as km² (10 credits = 36,000 km²), and the paid price per km² comes from the packages
(20 credits for 20 k€ ~ 40,000 km², 50 credits for 50 k€ ~ 100,000 km²: 0.5 €/km²).
"""
from datetime import date

from . import db
from .demands_options import MIN_ORDER_KM2, SENSORS

db.register_schema("""
CREATE TABLE IF NOT EXISTS quota_rules (
    year INTEGER NOT NULL,
    category TEXT NOT NULL,
    sensor TEXT NOT NULL,
    free_km2 REAL NOT NULL,
    archive_eur_per_km2 REAL NOT NULL,
    programming_eur_per_km2 REAL NOT NULL,
    min_order_km2 REAL NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, category, sensor)
);
""")

# Statuses in which a request holds its free-quota share.
CONSUMING_STATUSES = ("accepted", "in_production", "delivered", "closed")

SPOT_KM2_PER_CREDIT = 36_000 / 10
SPOT_EUR_PER_KM2 = 20_000 / 40_000  # the 20-credit package; the 50-credit one gives the same

# (category, sensor) -> (free km², € archive, € programming, note), from the slides.
_SLIDES = {
    ("scientific", "pleiades"): (4500, 1.0, 1.0, "CNES co-funding beyond the quota"),
    ("public_actor", "pleiades"): (3500, 1.4, 1.8, "non-scientific institutional prices"),
    ("private_rd", "pleiades"): (3500, 1.4, 1.8,
                                 "assumption: not in the slides, public-actor rule applied"),
    ("foreign_scientific", "pleiades"): (4500, 1.0, 1.0,
                                         "assumption: not in the slides, scientific rule applied"),
    ("scientific", "spot-6-7"): (10 * SPOT_KM2_PER_CREDIT, SPOT_EUR_PER_KM2, SPOT_EUR_PER_KM2,
                                 "10 telemetry credits = 36,000 km²"),
    ("public_actor", "spot-6-7"): (10 * SPOT_KM2_PER_CREDIT, SPOT_EUR_PER_KM2, SPOT_EUR_PER_KM2,
                                   "10 telemetry credits = 36,000 km²"),
    ("private_rd", "spot-6-7"): (10 * SPOT_KM2_PER_CREDIT, SPOT_EUR_PER_KM2, SPOT_EUR_PER_KM2,
                                 "10 telemetry credits = 36,000 km²"),
    ("foreign_scientific", "spot-6-7"): (0, SPOT_EUR_PER_KM2, SPOT_EUR_PER_KM2,
                                         "credits are for French institutions only"),
}


def _seed_rows(year):
    for (category, sensor), (free, archive, programming, note) in _SLIDES.items():
        yield (year, category, sensor, free, archive, programming, MIN_ORDER_KM2, note)
    for (category, sensor), (free, archive, programming, _note) in _SLIDES.items():
        if sensor == "pleiades":  # Pléiades Neo is not in the slides: same rule as Pléiades
            yield (year, category, "pleiades-neo", free, archive, programming, MIN_ORDER_KM2,
                   "assumption: not in the slides, Pléiades rule applied")


def seed(conn, config) -> None:
    """Called once per data folder by seeding.py, inside its transaction."""
    this_year = date.today().year
    for year in (this_year - 1, this_year):
        conn.executemany("INSERT OR IGNORE INTO quota_rules VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         list(_seed_rows(year)))


def _rule_dict(row) -> dict:
    return {"year": row["year"], "category": row["category"], "sensor": row["sensor"],
            "sensor_label": SENSORS[row["sensor"]]["label"], "free_km2": row["free_km2"],
            "archive_eur_per_km2": row["archive_eur_per_km2"],
            "programming_eur_per_km2": row["programming_eur_per_km2"],
            "min_order_km2": row["min_order_km2"], "note": row["note"]}


def all_rules(conn, year=None) -> list[dict]:
    sql = "SELECT * FROM quota_rules"
    args = ()
    if year is not None:
        sql, args = sql + " WHERE year = ?", (year,)
    rows = conn.execute(sql + " ORDER BY year, category, sensor", args).fetchall()
    return [_rule_dict(r) for r in rows]


def rule_for(conn, year: int, category: str, sensor: str) -> dict | None:
    """The rule in force: the year's own, else the latest earlier one (tables lag a year)."""
    row = conn.execute("SELECT * FROM quota_rules WHERE year <= ? AND category = ? AND sensor = ?"
                       " ORDER BY year DESC LIMIT 1", (year, category, sensor)).fetchone()
    return _rule_dict(row) if row else None


def consumed_km2(conn, username: str, year: int, sensor: str, exclude_id: str | None = None):
    """Free km² already held by the user's accepted, in-production or delivered requests."""
    marks = ",".join("?" * len(CONSUMING_STATUSES))
    row = conn.execute(
        f"SELECT COALESCE(SUM(quota_km2), 0) AS used FROM demand_requests WHERE owner = ?"
        f" AND year = ? AND sensor = ? AND status IN ({marks}) AND id != ?",
        (username, year, sensor, *CONSUMING_STATUSES, exclude_id or "")).fetchone()
    return float(row["used"])


def remaining_km2(conn, user: dict, year: int, sensor: str, exclude_id=None) -> float:
    rule = rule_for(conn, year, user.get("category") or "", sensor)
    if rule is None:
        return 0.0
    return max(0.0, rule["free_km2"] - consumed_km2(conn, user["username"], year, sensor,
                                                     exclude_id))


def split(area_km2: float, remaining: float, eur_per_km2: float, sensor_label: str) -> dict:
    """Which part of an area the free quota covers, the rest's price, and a sentence saying so."""
    area = round(area_km2, 2)
    quota = round(min(area, remaining), 2)
    paid = round(area - quota, 2)
    price = round(paid * eur_per_km2, 2)
    warning = None
    if paid > 0:
        warning = (f"The area ({area:,.0f} km²) exceeds your remaining free {sensor_label} quota"
                   f" ({remaining:,.0f} km²): {paid:,.0f} km² will be charged at"
                   f" {eur_per_km2:.2f} €/km², {price:,.2f} € in total.")
    return {"area_km2": area, "quota_km2": quota, "paid_km2": paid,
            "eur_per_km2": eur_per_km2, "price_eur": price, "currency": "EUR",
            "over_quota": paid > 0, "remaining_quota_km2": round(remaining, 2),
            "warning": warning}


def my_quotas(conn, user: dict, year: int) -> list[dict]:
    """Per sensor: the free quota, what requests consumed, and what remains this year."""
    out = []
    for sensor in SENSORS:
        rule = rule_for(conn, year, user.get("category") or "", sensor)
        if rule is None:
            continue
        used = consumed_km2(conn, user["username"], year, sensor)
        out.append({"sensor": sensor, "sensor_label": rule["sensor_label"], "year": year,
                    "free_km2": rule["free_km2"], "consumed_km2": round(used, 2),
                    "remaining_km2": round(max(0.0, rule["free_km2"] - used), 2),
                    "archive_eur_per_km2": rule["archive_eur_per_km2"],
                    "programming_eur_per_km2": rule["programming_eur_per_km2"],
                    "min_order_km2": rule["min_order_km2"]})
    return out
