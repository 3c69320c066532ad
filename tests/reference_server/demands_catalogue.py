"""What an archive request needs from the catalogue: an orderable item, its sensor, footprint.

Reads the STAC items table the catalogue service writes (stac_store.py: `stac_items`,
item JSON as text) so an archive request can only name an item that exists and is
orderable (`dinamis:availability` = "orderable").
"""
import json

from shapely.geometry import shape

from .errors import validation_error

# Substrings of a constellation / platform / collection name -> our sensor id (Neo first).
_SENSOR_HINTS = (("neo", "pleiades-neo"), ("pneo", "pleiades-neo"), ("pleiades", "pleiades"),
                 ("pléiades", "pleiades"), ("phr", "pleiades"), ("spot", "spot-6-7"))


def _item(conn, item_id: str) -> dict | None:
    try:
        row = conn.execute("SELECT json FROM stac_items WHERE id = ?", (item_id,)).fetchone()
    except Exception:  # catalogue table absent: no item can be found
        return None
    return json.loads(row[0]) if row else None


def sensor_of(item: dict) -> str | None:
    props = item.get("properties") or {}
    names = " ".join(str(v) for v in (props.get("constellation"), props.get("platform"),
                                      item.get("collection")) if v).lower()
    for hint, sensor in _SENSOR_HINTS:
        if hint in names:
            return sensor
    return None


def orderable_item(conn, item_id: str) -> tuple[dict, str, object]:
    """(item, sensor id, footprint) of an orderable item, or a 400 naming item_id."""
    item = _item(conn, item_id)
    if item is None:
        raise validation_error("item_id", f"no catalogue item has the id '{item_id[:80]}'")
    availability = (item.get("properties") or {}).get("dinamis:availability")
    if availability != "orderable":
        raise validation_error("item_id", f"item '{item_id}' is {availability or 'not orderable'}:"
                                          " only orderable archive items can be requested;"
                                          " downloadable ones are free in the catalogue")
    sensor = sensor_of(item)
    if sensor is None:
        raise validation_error("item_id", f"item '{item_id}' is from a sensor DINAMIS does not"
                                          " order")
    return item, sensor, shape(item["geometry"])
