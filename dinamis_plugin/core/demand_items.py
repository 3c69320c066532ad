"""An archive request starts from an orderable catalogue item: its id, sensor and footprint.

The catalogue dock hands over a STAC item (a dict or a pystac Item) or just its id; this
reads what the request form prefills. The sensor guess is for the live estimate only:
the server derives the authoritative one from the item itself.
"""
import unicodedata
from typing import Optional

from .errors import DinamisError
from .http import call
from .i18n import tr


def item_dict(item) -> dict:
    """A STAC item as a dict (pystac Items have to_dict())."""
    if isinstance(item, dict):
        return item
    to_dict = getattr(item, "to_dict", None)
    if to_dict is None:
        raise TypeError("a STAC item dict, a pystac Item or an item id is expected")
    return to_dict()


def _plain(text: str) -> str:
    """Lower-case ASCII letters and digits only: "Pléiades Neo" -> "pleiadesneo"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in ascii_text.lower() if c.isalnum())


def sensor_for_item(item: dict, options) -> Optional[str]:
    """The sensor id (from the server's options) an item most likely comes from, or None.

    Compares the item's constellation, platform and collection with each sensor's id,
    label and code; the longest match wins, so "Pléiades Neo" beats "Pléiades".
    """
    props = item.get("properties") or {}
    names = _plain(" ".join(str(v) for v in (props.get("constellation"), props.get("platform"),
                                              item.get("collection")) if v))
    best, best_length = None, 0
    for sensor in getattr(options, "sensors", ()) or ():
        for candidate in (sensor.id, sensor.label, sensor.code):
            plain = _plain(candidate or "")
            if len(plain) >= 3 and plain in names and len(plain) > best_length:
                best, best_length = sensor.id, len(plain)
    return best


def item_label(item: dict) -> str:
    """What the form shows for the item: id, collection, date."""
    props = item.get("properties") or {}
    when = str(props.get("datetime") or props.get("start_datetime") or "")[:10]
    parts = [str(item.get("id") or "")] + [p for p in (item.get("collection"), when) if p]
    return " · ".join(parts)


def is_orderable(item: dict) -> Optional[bool]:
    """True/False when the item says (`dinamis:availability`), None when it does not."""
    availability = (item.get("properties") or {}).get("dinamis:availability")
    return None if availability is None else availability == "orderable"


def fetch_item(http, stac_url: str, item_id: str) -> dict:
    """One item of the STAC API by id (item search with `ids`)."""
    url = stac_url.rstrip("/") + "/search"
    body = call(http, "GET", url, params={"ids": item_id, "limit": 1}).json()
    for feature in body.get("features") or []:
        if feature.get("id") == item_id:
            return feature
    raise DinamisError(tr("The catalogue has no image with the id \"{id}\".").format(
        id=item_id))
