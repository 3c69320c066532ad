"""What a request body amounts to: validated fields, the authoritative area, the quota split.

Shared by the quote endpoint (nothing stored), submit, edit and the decisive transitions,
so the price a user was shown and the price recorded come from one computation.
"""
from datetime import date, datetime, timezone

from shapely.geometry import mapping

from . import demands_catalogue as catalogue
from . import demands_validation as v
from . import quotas
from .area import geodesic_area_km2
from .demands_options import SENSORS
from .errors import validation_error


def quote(conn, user: dict, kind: str, sensor: str, area_km2: float, exclude_id=None) -> dict:
    """The quota/paid split of an area for this user now (exclude_id: a request re-quoted)."""
    year = datetime.now(timezone.utc).year
    rule = quotas.rule_for(conn, year, user.get("category") or "", sensor)
    if rule is None:
        raise validation_error("sensor", f"no quota rule for {sensor} and category"
                                         f" {user.get('category')}")
    remaining = quotas.remaining_km2(conn, user, year, sensor, exclude_id)
    price = rule[f"{kind}_eur_per_km2"]
    return quotas.split(area_km2, remaining, price, SENSORS[sensor]["label"])


def evaluate(conn, user: dict, body: dict, exclude_id=None) -> tuple[dict, dict]:
    """(fields to store, quote) of an archive or programming body, or a 400 naming a field."""
    kind = v.kind(body)
    v.only_fields_of(kind, body)
    fields = {"kind": kind}
    if kind == "archive":
        item_id = v.text(body, "item_id", max_len=200)
        _item, sensor, footprint = catalogue.orderable_item(conn, item_id)
        if body.get("sensor") is not None and body.get("sensor") != sensor:
            raise validation_error("sensor", f"item '{item_id}' is a {sensor} image")
        area_geometry = footprint
        if body.get("aoi") is not None:
            area_geometry = v.polygonal(v.aoi_geometry(body["aoi"]).intersection(footprint))
            if area_geometry.is_empty or area_geometry.area == 0:
                raise validation_error("aoi", f"does not overlap the footprint of '{item_id}'")
        fields.update(sensor=sensor, item_id=item_id)
    else:
        if body.get("aoi") is None:
            raise validation_error("aoi", "is required: a GeoJSON Polygon")
        area_geometry = v.aoi_geometry(body["aoi"])
        fields.update(v.programming_fields(body, date.today()))
    area_km2 = geodesic_area_km2(area_geometry)
    v.minimum_area(area_km2)
    fields["aoi"] = mapping(area_geometry)
    fields["aoi_bbox"] = list(area_geometry.bounds)
    fields["production_options"] = v.production_options(body)
    fields["note"] = v.text(body, "note", required=False, default="")
    # The label the DINAMIS forms show, e.g. "SPOT 6/7 - Mono - archive".
    fields["product_type"] = (f"{SENSORS[fields['sensor']]['label']} -"
                              f" {fields.get('mode', 'mono').capitalize()} - {kind}")
    return fields, quote(conn, user, kind, fields["sensor"], area_km2, exclude_id)
