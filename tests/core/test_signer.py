"""Signer against the reference signing service: batching, cache, already-signed urls,
renewal near expiry, threads, errors, and use as a pystac-client modifier."""
import threading
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from dinamis.core import signed_url
from dinamis.core.errors import AccountNotActive, AuthenticationFailed, DinamisError
from dinamis.core.signer import Signer
from tests.core.conftest import login_as


@pytest.fixture(scope="module")
def alice(reference_server):
    return login_as(reference_server, "alice")


def asset_urls(server, n, prefix="a"):
    return [server.url(f"/s3/dinamis-catalogue/signer-test/{prefix}{i:04d}.tif") for i in range(n)]


def new_signer(server, session, **kwargs):
    return Signer(session.http, session.profile.signing_url, session.profile.is_storage_url,
                  **kwargs)


def test_thousand_urls_are_signed_in_batches_of_64(server, alice):
    urls = asset_urls(server, 1000)
    signed = new_signer(server, alice).sign_urls(urls)
    counters = server.counters()
    assert counters["sign_requests"] == 16  # ceil(1000 / 64)
    assert counters["signed_urls"] == 1000
    assert list(signed) == urls
    for url, value in signed.items():
        assert signed_url.is_signed(value)
        assert signed_url.unsigned(value) == url


def test_the_request_is_the_current_sdks_json_body(server):
    """`POST sign_urls`, Content-Type application/json, `{"urls": [...]}` and
    `duration_seconds` only when set: what the real service takes."""
    import json
    session = login_as(server, "alice")
    sent = []
    session.http.hooks["response"].append(lambda r, **kwargs: sent.append(r.request))
    url = asset_urls(server, 1, "shape")[0]
    new_signer(server, session).sign_url(url)
    new_signer(server, session, duration_seconds=600).sign_url(url)
    signing = [r for r in sent if r.url.endswith("/signing/sign_urls")]
    assert [r.method for r in signing] == ["POST", "POST"]
    assert all(r.headers["Content-Type"] == "application/json" for r in signing)
    assert [json.loads(r.body) for r in signing] == [
        {"urls": [url]}, {"urls": [url], "duration_seconds": 600}]


def test_warm_cache_sends_no_request(server, alice):
    signer = new_signer(server, alice)
    urls = asset_urls(server, 200, "warm")
    first = signer.sign_urls(urls)
    server.reset_counters()
    assert signer.sign_urls(urls) == first
    assert signer.sign_url(urls[7]) == first[urls[7]]
    assert server.counters()["sign_requests"] == 0


def test_duplicates_in_one_call_are_signed_once(server, alice):
    url = asset_urls(server, 1, "dup")[0]
    signed = new_signer(server, alice).sign_urls([url, url, url])
    assert list(signed) == [url]
    assert server.counters()["signed_urls"] == 1


def test_fresh_already_signed_url_is_kept_as_it_is(server, alice):
    url = asset_urls(server, 1, "kept")[0]
    already = new_signer(server, alice).sign_url(url)
    server.reset_counters()
    other = new_signer(server, alice)  # empty cache: e.g. a url saved in a QGIS project
    assert other.sign_url(already) == already
    assert server.counters()["sign_requests"] == 0


def test_already_signed_url_near_expiry_is_renewed_from_its_unsigned_form(server, alice):
    url = asset_urls(server, 1, "renew")[0]
    old = new_signer(server, alice).sign_url(url)  # default 8 h lifetime
    threading.Event().wait(1.1)  # signatures have a 1 s resolution
    # Seven hours and a half later, inside the 30-minute margin:
    later = datetime.now(timezone.utc) + timedelta(hours=7, minutes=45)
    signer = new_signer(server, alice, clock=lambda: later)
    server.reset_counters()
    renewed = signer.sign_url(old)
    assert server.counters()["sign_requests"] == 1
    assert renewed != old
    assert signed_url.unsigned(renewed) == url
    assert len(parse_qs(urlsplit(renewed).query)["X-Amz-Signature"]) == 1


def test_a_signature_is_kept_until_the_margin(server, alice):
    """Renewed 30 minutes before expiry, not hours before: a much larger margin would sign
    everything again, and throw away urls saved in projects, far too often."""
    url = asset_urls(server, 1, "margin")[0]
    issued = datetime.now(timezone.utc)
    old = new_signer(server, alice).sign_url(url)  # 8 h lifetime
    for hours_later, requests_sent in ((7, 0), (7.4, 0), (7.6, 1)):
        server.reset_counters()
        later = issued + timedelta(hours=hours_later)
        new_signer(server, alice, clock=lambda: later).sign_url(old)
        assert server.counters()["sign_requests"] == requests_sent, hours_later


def test_only_storage_urls_are_sent_for_signing(server, alice):
    """Public thumbnails (another host) and foreign links stay as they are, unsent, in
    sign_urls, sign, sign_inplace and the pystac-client modifier."""
    from dinamis._vendor.pystac_client import Client
    signer = new_signer(server, alice)
    data = asset_urls(server, 2, "storage")
    thumbnail = server.public_url("/s3/dinamis-quicklooks/pleiades/x.png")
    foreign = "https://example.org/elsewhere.tif"
    signed = signer.sign_urls([data[0], thumbnail, foreign])
    assert signed[thumbnail] == thumbnail and signed[foreign] == foreign
    assert signed_url.is_signed(signed[data[0]])
    assert server.counters()["signed_urls"] == 1
    item = {"type": "Feature", "id": "x", "assets": {
        "pan": {"href": data[1]}, "thumbnail": {"href": thumbnail},
        "metadata": {"href": foreign}}}
    copy = signer.sign(item)
    assert copy["assets"]["thumbnail"]["href"] == thumbnail
    assert copy["assets"]["metadata"]["href"] == foreign
    assert signed_url.is_signed(copy["assets"]["pan"]["href"])
    assert signer.sign_inplace(item)["assets"]["thumbnail"]["href"] == thumbnail
    assert server.counters()["signed_urls"] == 2
    server.reset_counters()
    client = Client.open(server.url("/stac/"), modifier=new_signer(server, alice))
    items = list(client.search(max_items=10, limit=10).items())
    thumbnails = [i.assets["thumbnail"].href for i in items]
    assert all(urlsplit(h).hostname == "localhost" and not signed_url.is_signed(h)
               for h in thumbnails)
    data_hrefs = [a.href for i in items for k, a in i.assets.items() if k.startswith("src_")]
    assert data_hrefs and all(signed_url.is_signed(h) for h in data_hrefs)
    assert server.counters()["signed_urls"] == len(data_hrefs)


def test_short_lived_signatures_are_reused_then_renewed(server, alice):
    # 6 s lifetime: the 30-minute margin is clamped to half of it (3 s).
    signer = new_signer(server, alice, duration_seconds=6)
    url = asset_urls(server, 1, "short")[0]
    first = signer.sign_url(url)
    lifetime = signed_url.expiry_of(first) - datetime.strptime(
        parse_qs(urlsplit(first).query)["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ").replace(
            tzinfo=timezone.utc)
    assert lifetime == timedelta(seconds=6)
    assert signer.sign_url(url) == first
    assert server.counters()["sign_requests"] == 1
    threading.Event().wait(4)
    second = signer.sign_url(url)
    assert server.counters()["sign_requests"] == 2
    assert second != first


def test_expiry_of_reads_the_signed_url(server, alice):
    signer = new_signer(server, alice)
    before = datetime.now(timezone.utc).replace(microsecond=0)
    value = signer.sign_url(asset_urls(server, 1, "expiry")[0])
    expiry = signer.expiry_of(value)
    assert before + timedelta(hours=8) - timedelta(seconds=1) <= expiry
    assert expiry <= datetime.now(timezone.utc) + timedelta(hours=8)
    assert signer.expiry_of("https://example.org/plain.tif") is None


def test_concurrent_callers_sign_each_url_once(server, alice):
    signer = new_signer(server, alice)
    urls = asset_urls(server, 550, "conc")
    slices = [urls[i * 50:i * 50 + 200] for i in range(8)]  # overlapping
    results, failures = [None] * 8, []
    start = threading.Barrier(8)

    def work(index):
        try:
            start.wait()
            results[index] = signer.sign_urls(slices[index])
        except Exception as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not failures
    merged = {}
    for part, result in zip(slices, results):
        assert list(result) == part
        for url, value in result.items():
            assert signed_url.unsigned(value) == url
            assert merged.setdefault(url, value) == value  # one signature per url
    counters = server.counters()
    assert counters["signed_urls"] == 550  # no url requested twice
    assert counters["sign_requests"] <= 8 * 4  # at most ceil(200/64) per caller


def test_signed_url_opens_the_object_and_unsigned_does_not(server, alice):
    # The object store answers 403 to unsigned urls and 404 (not 403) to signed ones for
    # a missing object: a valid signature gets past authorisation.
    url = asset_urls(server, 1, "store")[0]
    assert requests.get(url, timeout=10).status_code == 403
    signed = new_signer(server, alice).sign_url(url)
    assert requests.get(signed, timeout=10).status_code == 404


def test_sign_copies_and_sign_inplace_modifies_stac_dicts(server, alice):
    signer = new_signer(server, alice)
    hrefs = asset_urls(server, 3, "dict")
    item = {"type": "Feature", "id": "x", "assets": {
        "pan": {"href": hrefs[0]}, "xs": {"href": hrefs[1]},
        "local": {"href": "./relative/thumb.png"}}}
    collection = {"type": "FeatureCollection", "features": [item, {
        "type": "Feature", "id": "y", "assets": {"pan": {"href": hrefs[2]}}}]}
    signed = signer.sign(collection)
    assert collection["features"][0]["assets"]["pan"]["href"] == hrefs[0]  # a copy
    assert signed_url.is_signed(signed["features"][0]["assets"]["pan"]["href"])
    assert signed_url.is_signed(signed["features"][1]["assets"]["pan"]["href"])
    assert signed["features"][0]["assets"]["local"]["href"] == "./relative/thumb.png"
    assert server.counters()["sign_requests"] == 1  # the whole page in one batch
    assert signer.sign_inplace(item) is item
    assert signed_url.is_signed(item["assets"]["xs"]["href"])
    assert signer(item) is None  # modifier protocol: in place, returns None


def test_sign_pystac_objects(server, alice):
    from dinamis._vendor import pystac

    signer = new_signer(server, alice)
    hrefs = asset_urls(server, 2, "pystac")
    item = pystac.Item("i", None, None, datetime(2023, 1, 1, tzinfo=timezone.utc), {})
    item.add_asset("pan", pystac.Asset(hrefs[0]))
    item.add_asset("xs", pystac.Asset(hrefs[1]))
    signed_item = signer.sign(item)
    assert item.assets["pan"].href == hrefs[0]
    assert signed_url.is_signed(signed_item.assets["pan"].href)
    signed_items = signer.sign(pystac.ItemCollection([item]))
    assert all(signed_url.is_signed(a.href) for a in signed_items.items[0].assets.values())
    assert signed_url.is_signed(signer.sign(item.assets["xs"]).href)
    assert signed_url.is_signed(signer.sign(hrefs[0]))
    with pytest.raises(TypeError, match="Cannot sign an object of type int"):
        signer.sign(42)


def test_pending_account_is_told_to_contact_its_referent(server):
    paul = login_as(server, "paul")
    url = asset_urls(server, 1, "pending")[0]
    with pytest.raises(AccountNotActive) as caught:
        new_signer(server, paul).sign_url(url)
    assert "referent" in str(caught.value)
    assert "X-Amz" not in str(caught.value)


def test_anonymous_signing_is_refused_in_words(server):
    from dinamis.core.http import new_http_session
    signer = Signer(new_http_session(), server.url("/signing/"), lambda url: True)
    with pytest.raises(DinamisError) as caught:
        signer.sign_url(asset_urls(server, 1, "anon")[0])
    assert isinstance(caught.value, AuthenticationFailed)
    assert "credentials" in str(caught.value)


def test_unreachable_signing_service(server):
    from dinamis.core.errors import ServiceUnreachable
    from dinamis.core.http import new_http_session
    signer = Signer(new_http_session(retries=0), "http://127.0.0.1:9/signing/",
                    lambda url: True)
    with pytest.raises(ServiceUnreachable) as caught:
        signer.sign_url(asset_urls(server, 1, "down")[0])
    assert "127.0.0.1:9/signing/sign_urls" in str(caught.value)


def test_service_refusal_names_the_parameter(server, alice):
    from dinamis.core.errors import InvalidRequest
    signer = new_signer(server, alice, duration_seconds=10 ** 9)
    with pytest.raises(InvalidRequest) as caught:
        signer.sign_url(asset_urls(server, 1, "long")[0])
    assert "duration_seconds" in str(caught.value)
    assert server.counters()["sign_requests"] == 0  # refused before signing anything
