"""Endpoint profiles: the built-ins, validation in words, storage round trip, url ownership."""
import dataclasses

import pytest

from dinamis.core.profiles import (DINAMIS, LOCAL_REFERENCE, EndpointProfile,
                                   local_reference)


def test_builtin_profiles_point_at_the_documented_services():
    assert DINAMIS.stac_url == "https://api.stac.teledetection.fr"
    assert DINAMIS.signing_url == "https://signing.stac.teledetection.fr/"
    assert DINAMIS.demands_url is None
    assert DINAMIS.oidc_client_id == "gdal"
    assert LOCAL_REFERENCE.stac_url == "http://127.0.0.1:8765/stac/"
    assert LOCAL_REFERENCE.signing_url == "http://127.0.0.1:8765/signing/"
    assert LOCAL_REFERENCE.demands_url == "http://127.0.0.1:8765/demands/api/v1/"
    assert DINAMIS.validate() == [] and LOCAL_REFERENCE.validate() == []


def test_no_collection_id_in_a_profile():
    names = {f.name for f in dataclasses.fields(EndpointProfile)}
    assert not any("collection" in name for name in names)


def test_local_reference_accepts_a_test_port_and_trailing_slash():
    profile = local_reference("http://127.0.0.1:40001/")
    assert profile.signing_url == "http://127.0.0.1:40001/signing/"
    assert profile.stac_url == "http://127.0.0.1:40001/stac/"


def test_signing_url_always_ends_with_a_slash():
    profile = EndpointProfile("x", "https://stac.example.org", " https://sign.example.org/api ")
    assert profile.signing_url == "https://sign.example.org/api/"


def test_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        DINAMIS.stac_url = "https://elsewhere.example.org"


@pytest.mark.parametrize("changes, words", [
    ({"stac_url": "ftp://api.example.org"}, "must start with https://"),
    ({"signing_url": "https:///nohost"}, "no host name"),
    ({"signing_url": "signing.example.org"}, "must start with https://"),
    ({"stac_url": "https://api.example.org/?token=x"}, "must not contain"),
    ({"stac_url": "https://bob:pw@api.example.org/"}, "user name or password"),
    ({"stac_url": "https://api.example.org:port/"}, "not a valid address"),
    ({"name": "  "}, "needs a name"),
    ({"oidc_client_id": ""}, "client id"),
    ({"demands_url": "nope"}, "Demand manager address"),
])
def test_validate_names_each_problem(changes, words):
    problems = DINAMIS.with_changes(**changes).validate()
    assert len(problems) == 1, problems
    assert words in problems[0]


def test_round_trip_through_a_settings_dict():
    profile = local_reference("http://127.0.0.1:9000").with_changes(
        name="Mine", oidc_issuer="http://127.0.0.1:9000/realms/dinamis/")
    data = profile.to_dict()
    assert data["oidc_issuer"] == "http://127.0.0.1:9000/realms/dinamis"
    assert EndpointProfile.from_dict(data) == profile
    assert EndpointProfile.from_dict(dict(data, added_in_a_later_version=1)) == profile


@pytest.mark.parametrize("url, owned", [
    ("https://signing.stac.teledetection.fr/sign_urls", True),
    ("https://SIGNING.stac.teledetection.fr/list_api_keys_with_metadata", True),
    ("https://api.stac.teledetection.fr/search?limit=1", True),
    ("https://api.stac.teledetection.fr", True),
    ("http://signing.stac.teledetection.fr/sign_urls", False),       # scheme downgrade
    ("https://signing.stac.teledetection.fr.evil.net/sign_urls", False),
    ("https://signing.stac.teledetection.fr:8443/sign_urls", False),
    ("https://s3.teledetection.fr/bucket/key.tif", False),
    ("https://example.org/", False),
])
def test_owns_only_its_own_services(url, owned):
    assert DINAMIS.owns_url(url) is owned


def test_object_store_on_the_same_host_is_not_owned():
    profile = local_reference("http://127.0.0.1:9000")
    assert profile.owns_url("http://127.0.0.1:9000/signing/sign_urls")
    assert profile.owns_url("http://127.0.0.1:9000/demands/api/v1/projects")
    assert not profile.owns_url("http://127.0.0.1:9000/s3/dinamis-assets/a.tif")
    assert not profile.owns_url("http://127.0.0.1:9000/signingx/")
    assert not profile.owns_url("http://localhost:9000/signing/sign_urls")


@pytest.mark.parametrize("url,storage", [
    ("https://s3.meso.umontpellier.fr/bucket/a.tif", True),
    ("https://meso.umontpellier.fr/a.tif", True),
    ("https://S3.MESO.UMONTPELLIER.FR:443/a.tif", True),
    ("https://meso.umontpellier.fr.evil.net/a.tif", False),
    ("https://notmeso.umontpellier.fr/a.tif", False),
    ("https://api.stac.teledetection.fr/thumbnails/a.png", False),
    ("not a url", False),
])
def test_only_the_deployment_storage_is_signable(url, storage):
    assert DINAMIS.is_storage_url(url) is storage


def test_storage_hosts_are_kept_through_settings_and_checked():
    profile = local_reference("http://127.0.0.1:9000")
    assert profile.is_storage_url("http://127.0.0.1:9000/s3/dinamis-catalogue/a.tif")
    assert not profile.is_storage_url("http://localhost:9000/s3/dinamis-quicklooks/a.png")
    again = EndpointProfile.from_dict(__import__("json").loads(
        __import__("json").dumps(profile.to_dict())))
    assert again == profile and again.storage_hosts == ("127.0.0.1",)
    assert EndpointProfile("x", "https://a.fr", "https://b.fr",
                           storage_hosts="s3.a.fr, b.fr").storage_hosts == ("s3.a.fr", "b.fr")
    bad = EndpointProfile("x", "https://a.fr", "https://b.fr", storage_hosts=("https://s3/x",))
    assert any("Storage host" in problem for problem in bad.validate())
    none = EndpointProfile("x", "https://a.fr", "https://b.fr")  # would sign nothing
    assert any("meso.umontpellier.fr" in problem for problem in none.validate())
