"""Stereo pairs and triplets derived from what items hold (core.stereo), checked against
the groups the reference catalogue names, with the naming property removed."""
import copy
import random

import requests

from dinamis.core.stereo import GROUP_PROPERTY, StereoGrouper, stereo_groups


def all_items(server):
    body = requests.post(server.url("/stac/search"), json={"limit": 1000}, timeout=30).json()
    assert body["numberMatched"] == len(body["features"])
    return body["features"]


def partition(groups: dict):
    members = {}
    for item_id, group in groups.items():
        members.setdefault(group, set()).add(item_id)
    return sorted(sorted(m) for m in members.values())


def test_derived_groups_are_the_named_ones(server):
    items = all_items(server)
    named = {i["id"]: i["properties"][GROUP_PROPERTY] for i in items
             if GROUP_PROPERTY in i["properties"]}
    assert len(set(named.values())) >= 5, "the test catalogue has stereo groups"
    bare = copy.deepcopy(items)
    for item in bare:
        item["properties"].pop(GROUP_PROPERTY, None)
    assert partition(stereo_groups(bare)) == partition(named)


def test_order_of_arrival_does_not_change_groups(server):
    bare = copy.deepcopy(all_items(server))
    for item in bare:
        item["properties"].pop(GROUP_PROPERTY, None)
    reference = stereo_groups(bare)
    random.Random(7).shuffle(bare)
    grouper, found = StereoGrouper(), {}
    for start in range(0, len(bare), 9):  # pages of 9, partners often pages apart
        found.update(grouper.add(bare[start:start + 9]))
    assert found == reference  # same members and same names


def test_adjacent_scenes_of_one_strip_are_not_stereo():
    def scene(item_id, seconds, west):
        return {"id": item_id, "bbox": [west, 43.0, west + 0.2, 43.2],
                "properties": {"platform": "PHR1A",
                               "datetime": f"2024-05-01T10:30:{seconds:02d}Z"}}
    assert stereo_groups([scene("a", 0, 3.0), scene("b", 5, 3.19)]) == {}
    assert stereo_groups([scene("a", 0, 3.0), scene("b", 14, 3.01)]) == {
        "a": "PHR1A-20240501T103000", "b": "PHR1A-20240501T103000"}
