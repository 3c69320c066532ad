"""Availability told by what an item holds (the live searches check it against the rich
server's own property in test_catalogue; here, the cases its seed does not have)."""
from dinamis.core.availability import collection_availability, item_availability
from dinamis.core.profiles import DINAMIS

STORAGE = "https://s3.meso.umontpellier.fr/dinamis/spot/scene_MS.tif"
FOOTPRINT = {"type": "Polygon", "coordinates": [[[3, 43], [4, 43], [4, 44], [3, 43]]]}


def item(assets, properties=None, geometry=FOOTPRINT):
    return {"type": "Feature", "id": "x", "geometry": geometry,
            "properties": properties or {}, "assets": assets}


def test_signable_data_is_downloadable_and_a_quicklook_alone_is_orderable():
    data = {"href": STORAGE, "roles": ["data"]}
    quicklook = {"href": "https://quicklooks.example.org/x.png", "roles": ["thumbnail"]}
    assert item_availability(item({"src_xs": data, "thumbnail": quicklook}),
                             DINAMIS) == "downloadable"
    assert item_availability(item({"thumbnail": quicklook}), DINAMIS) == "orderable"
    assert item_availability(item({}), DINAMIS) == "orderable"  # a footprint only


def test_data_off_the_deployments_storage_is_not_called_downloadable():
    foreign = {"href": "https://elsewhere.example.org/scene.tif", "roles": ["data"]}
    assert item_availability(item({"data": foreign}), DINAMIS) is None
    assert item_availability(item({"data": foreign})) == "downloadable"  # no profile
    lookalike = {"href": "https://meso.umontpellier.fr.evil.net/x.tif", "roles": ["data"]}
    assert item_availability(item({"data": lookalike}), DINAMIS) is None


def test_a_stated_property_wins_and_the_collection_is_the_fallback():
    quicklook = {"href": "https://q.example.org/x.png", "roles": ["overview"]}
    stated = item({"thumbnail": quicklook}, {"dinamis:availability": "downloadable"})
    assert item_availability(stated, DINAMIS) == "downloadable"
    no_assets = {"type": "Feature", "id": "x", "geometry": FOOTPRINT, "properties": {}}
    with_data = {"item_assets": {"src_xs": {"roles": ["data"]}, "thumbnail": {
        "roles": ["thumbnail"]}}}
    assert item_availability(no_assets, DINAMIS, with_data) == "downloadable"
    assert item_availability(no_assets, DINAMIS) is None
    assert collection_availability({"item_assets": {"thumbnail": {"roles": ["thumbnail"]}}}) \
        == "orderable"
    assert collection_availability({"summaries": {"dinamis:availability": ["orderable"]}}) \
        == "orderable"
    assert collection_availability({"summaries": {"dinamis:availability": [
        "orderable", "downloadable"]}}) is None
    assert collection_availability({"id": "no-metadata"}) is None
