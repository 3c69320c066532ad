"""Stereo pairs and triplets among search results, from what the items hold.

A stereo (or tri-stereo) acquisition is two or three images of the same place taken by
the same satellite a few seconds apart, from different angles. DINAMIS may name the group
(`dinamis:stereo_group`, optional like every property of ours); otherwise it is derived:
same platform, acquired within `MAX_SECONDS` of each other, footprints (bboxes) covering
mostly the same ground. Adjacent scenes of one strip share the platform and the minute
but barely overlap, so they stay apart.

`StereoGrouper` works incrementally, page by page, because a search's results arrive that
way: `add(items)` returns every item whose group is new or changed.
"""
from datetime import datetime, timezone
from typing import Dict, Iterable, List, Optional, Tuple

GROUP_PROPERTY = "dinamis:stereo_group"
MAX_SECONDS = 180.0
MIN_OVERLAP = 0.6  # of the smaller footprint's bbox area
_BUCKET_SECONDS = 600


# A member is a plain tuple (item id, platform, seconds, bbox): tuples of plain values are
# not walked by Python's garbage collector, and a search may hold 10,000 of them.
_ID, _PLATFORM, _SECONDS, _BBOX = range(4)


class StereoGrouper:
    """Assigns a group id to every item that has stereo partners among the items seen."""

    def __init__(self):
        # tuples, not lists: a bucket per ten minutes of one platform is thousands of
        # them, and tuples of plain values are not walked by the garbage collector
        self._buckets: Dict[Tuple[str, int], Tuple[tuple, ...]] = {}
        self._groups: Dict[str, List[tuple]] = {}
        self._group_of: Dict[str, str] = {}

    def add(self, items: Iterable[dict]) -> Dict[str, str]:
        """{item id: group id} for the items whose group was set or changed by these."""
        changed: Dict[str, str] = {}
        for item in items:
            properties = item.get("properties") or {}
            named = properties.get(GROUP_PROPERTY)
            if named:
                changed[str(item.get("id"))] = str(named)
                continue
            member = _member(item)
            if member is None:
                continue
            partners = self._partners(member)
            key = (member[_PLATFORM], int(member[_SECONDS] // _BUCKET_SECONDS))
            self._buckets[key] = self._buckets.get(key, ()) + (member,)
            if partners:
                changed.update(self._join(member, partners))
        return changed

    def _partners(self, member: tuple) -> List[tuple]:
        platform, seconds = member[_PLATFORM], member[_SECONDS]
        bucket = int(seconds // _BUCKET_SECONDS)
        found = []
        for key in ((platform, bucket - 1), (platform, bucket), (platform, bucket + 1)):
            for other in self._buckets.get(key, ()):
                if (abs(other[_SECONDS] - seconds) <= MAX_SECONDS
                        and _overlap(member[_BBOX], other[_BBOX]) >= MIN_OVERLAP):
                    found.append(other)
        return found

    def _join(self, member: tuple, partners: List[tuple]) -> Dict[str, str]:
        """Merge the member and its partners' groups into one; the group is named after
        its earliest image so that the name does not depend on the order of arrival."""
        members = [member]
        for partner in partners:
            group = self._group_of.get(partner[_ID])
            members.extend([partner] if group is None else self._groups.pop(group, [partner]))
        unique = {m[_ID]: m for m in members}.values()
        members = sorted(unique, key=lambda m: (m[_SECONDS], m[_ID]))
        name = f"{members[0][_PLATFORM]}-{_stamp(members[0][_SECONDS])}"
        self._groups[name] = members
        changed = {}
        for m in members:
            if self._group_of.get(m[_ID]) != name:
                self._group_of[m[_ID]] = name
                changed[m[_ID]] = name
        return changed


def stereo_groups(items: Iterable[dict]) -> Dict[str, str]:
    """{item id: group id} for every item in a stereo pair or triplet among `items`."""
    return StereoGrouper().add(items)


def _member(item: dict) -> Optional[tuple]:
    properties = item.get("properties") or {}
    platform = properties.get("platform")
    seconds = _seconds(properties.get("datetime") or properties.get("start_datetime"))
    bbox = item.get("bbox") or _bbox_of(item.get("geometry"))
    if not platform or seconds is None or not bbox or len(bbox) < 4:
        return None
    if len(bbox) == 6:  # 3D bbox: drop the heights
        bbox = (bbox[0], bbox[1], bbox[3], bbox[4])
    return (str(item.get("id")), str(platform), seconds, tuple(float(v) for v in bbox[:4]))


def _seconds(text) -> Optional[float]:
    if not text:
        return None
    try:
        return datetime.fromisoformat(str(text).replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def _stamp(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y%m%dT%H%M%S")


def _overlap(a, b) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return (width * height) / smaller if smaller > 0 else 0.0


def _bbox_of(geometry) -> Optional[Tuple[float, float, float, float]]:
    if not isinstance(geometry, dict):
        return None
    xs, ys = [], []

    def walk(coordinates):
        if coordinates and isinstance(coordinates[0], (int, float)):
            xs.append(float(coordinates[0]))
            ys.append(float(coordinates[1]))
        else:
            for part in coordinates or ():
                walk(part)
    walk(geometry.get("coordinates"))
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None
