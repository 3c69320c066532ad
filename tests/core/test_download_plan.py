"""Checksums (multihash), naming patterns and the requests made from STAC items."""
import hashlib
from pathlib import Path

import pytest

from dinamis.core import multihash
from dinamis.core.download_plan import pattern_problem, plan, target_path


def test_multihash_sha256_sha512_and_unknown_codes():
    data = b"pleiades"
    sha256 = multihash.parse("1220" + hashlib.sha256(data).hexdigest())
    hasher = sha256.new_hasher()
    hasher.update(data)
    assert sha256.algorithm == "sha256" and sha256.matches(hasher)
    sha512 = multihash.parse("1340" + hashlib.sha512(data).hexdigest())
    assert sha512.algorithm == "sha512"
    md5 = multihash.parse("d50110" + hashlib.md5(data).hexdigest())  # varint code 0xd5
    assert md5.algorithm == "md5"
    unknown = multihash.parse("1f0201ff")  # code 0x1f: not a hash this code knows
    assert unknown is not None and unknown.algorithm is None and unknown.new_hasher() is None
    for bad in (None, "", "zz", "1220abcd", "12"):
        assert multihash.parse(bad) is None


@pytest.mark.parametrize("pattern, problem", [
    ("{item}/{file}", None), ("{collection}/{item}_{asset}.{ext}", None),
    ("", "empty"), ("{item}/{nope}", "{nope}"), ("{item}", "{file} or {asset}"),
    ("../{file}", "relative"), ("/tmp/{file}", "relative"), ("{item", "brace")])
def test_naming_patterns(pattern, problem):
    found = pattern_problem(pattern)
    assert (found is None) if problem is None else (problem in found)


def test_target_paths_are_safe_names_inside_the_folder(tmp_path):
    item = {"id": "PHR 1/..", "collection": "pléiades"}
    path = target_path(tmp_path, "{collection}/{item}/{stem}_{asset}.{ext}", item, "src pan",
                       "https://x/a/b/SCENE_PAN.tif?X-Amz-Signature=s")
    assert path.parent.parent.parent == tmp_path
    assert path.name == "SCENE_PAN_src_pan.tif"
    assert ".." not in path.parts and "/" not in path.parent.name


def test_plan_takes_data_assets_or_the_named_ones(tmp_path):
    item = {"id": "i1", "collection": "c", "assets": {
        "src_xs": {"href": "https://s/c/i1/i1_MS.tif", "roles": ["data"], "file:size": 10,
                   "file:checksum": "1220" + "00" * 32},
        "thumbnail": {"href": "https://s/q/i1.png", "roles": ["thumbnail"]}}}
    requests_ = plan([item], tmp_path)
    assert [(r.asset, r.size, Path(r.path).relative_to(tmp_path).as_posix())
            for r in requests_] == [("src_xs", 10, "i1/i1_MS.tif")]
    assert [r.asset for r in plan([item], tmp_path, ["thumbnail"])] == ["thumbnail"]
    assert plan([item], tmp_path, ["src_pan"]) == []


def test_a_pattern_giving_two_files_one_name_is_refused_and_a_repeated_item_fetched_once(
        tmp_path):
    from dinamis.core.errors import DinamisError
    item = {"id": "i1", "collection": "c", "assets": {
        "src_xs": {"href": "https://s/c/i1/i1_MS.tif", "roles": ["data"]},
        "src_pan": {"href": "https://s/c/i1/i1_PAN.tif", "roles": ["data"]}}}
    assert pattern_problem("{item}.{ext}") is not None  # {ext} alone names nothing apart
    other = {"id": "i2", "collection": "c", "assets": {
        "src_xs": {"href": "https://s/c/i2/i2_MS.tif", "roles": ["data"]}}}
    with pytest.raises(DinamisError) as caught:
        plan([item, other], tmp_path, ["src_xs"], pattern="{asset}.tif")  # no {item}
    assert "same name" in str(caught.value) and "{item}" in str(caught.value)
    assert len(plan([item, item], tmp_path)) == 2  # the same item twice: each file once
