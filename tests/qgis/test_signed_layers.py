"""Signed urls never reach a saved project and never expire on the user: the
SignedLayerKeeper with the real reference server, real GDAL, real project files.

Saved projects (.qgs and .qgz) are searched for any signature; reopened, their layers
render. Signatures a few seconds long are renewed by the keeper's timer with no call
from the test; expired and tampered signatures, urls pasted by hand, mosaics, and a
project opened before the login all come back."""
import re
import time

import pytest
from qgis.core import QgsProject, QgsRasterLayer

from dinamis.core import layer_sources, signed_url
from tests.qgis.conftest import wait_until
from tests.qgis.streaming_helpers import (add_and_wait, log_in, painted_pixels, render,
                                          reopen, saved_text)

SIGNATURE_MARKS = ("X-Amz-Signature", "X-Amz-Credential", "Amz-Signature%3D")


@pytest.fixture(scope="module")
def items(reference_server):
    return reference_server.real_cog_items()


@pytest.fixture
def keeper(controller, server):
    """The plugin's keeper, checking every 200 ms (the plugin: every 20 s and before
    each redraw), on a logged-in controller."""
    from dinamis.qgis_glue.signed_layers import SignedLayerKeeper
    log_in(controller, server)
    keeper = SignedLayerKeeper(controller, interval_ms=200)
    keeper.install()
    yield keeper
    keeper.uninstall()
    QgsProject.instance().clear()
    server.set_config(signature_default_duration=8 * 3600)


def signatures_in(text: str):
    return [mark for mark in SIGNATURE_MARKS if mark in text]


def only_layer():
    [layer] = QgsProject.instance().mapLayers().values()
    return layer


def signed_urls(layer):
    return layer_sources.signed_urls_in(layer.source())


@pytest.mark.parametrize("suffix", [".qgs", ".qgz"])
def test_saved_project_holds_no_signature_and_reopens_rendering(keeper, controller, items,
                                                                tmp_path, suffix):
    [layer] = add_and_wait([items[0]], controller.signer(), assets=["src_xs"]).layers
    layer.setOpacity(0.6)
    assert signed_urls(layer)
    path = tmp_path / f"streamed{suffix}"
    assert QgsProject.instance().write(str(path))
    text = saved_text(path)
    assert signatures_in(text) == []
    assert f"/vsicurl/{items[0]['assets']['src_xs']['href']}<" in text  # the unsigned href
    assert signed_urls(layer), "saving must not change the open layer"

    reopen(path)
    layer = only_layer()
    assert layer.isValid() and signed_urls(layer)
    assert layer.renderer().type() == "multibandcolor" and layer.opacity() == 0.6
    assert painted_pixels(render([layer])) > 3000


def test_project_read_without_known_signature_waits_then_is_signed(keeper, controller, items,
                                                                   tmp_path, server):
    add_and_wait([items[0]], controller.signer(), assets=["src_xs"])
    path = tmp_path / "fresh.qgz"
    QgsProject.instance().write(str(path))
    keeper._fresh.clear()  # as in a new QGIS session: nothing signed yet
    controller.signer().clear_cache()
    server.reset_counters()
    renewed = []
    keeper.renewed.connect(renewed.extend)
    project = reopen(path)
    assert wait_until(lambda: renewed, timeout=30)
    layer = only_layer()
    assert signed_urls(layer) and layer.isValid()
    assert painted_pixels(render([layer])) > 3000
    assert server.counters()["sign_requests"] == 1
    assert not project.isDirty(), "re-signing must not mark the project modified"


def test_signatures_of_a_few_seconds_are_renewed_with_no_user_action(keeper, controller,
                                                                    items, server):
    server.set_config(signature_default_duration=4)
    [layer] = add_and_wait([items[0]], controller.signer(), assets=["src_xs"]).layers
    renderer_xml = _style(layer)
    first = signed_urls(layer)[0]
    assert signed_url.lifetime_of(first).total_seconds() == 4
    expiry = signed_url.expiry_of(first).timestamp()
    time.sleep(max(0.0, expiry - time.time()) + 1.5)  # Qt events run below, not here
    assert wait_until(lambda: signed_urls(layer)[0] != first, timeout=10)
    assert time.time() > expiry  # the first signature is dead by now
    assert signed_url.expiry_of(signed_urls(layer)[0]).timestamp() > time.time()
    assert painted_pixels(render([layer])) > 3000
    assert _style(layer) == renderer_xml


def test_layer_keeps_rendering_over_several_lifetimes(keeper, controller, items, server):
    server.set_config(signature_default_duration=3)
    [layer] = add_and_wait([items[0]], controller.signer(), assets=["src_pan"]).layers
    seen = set()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        wait_until(lambda: False, timeout=1.0)
        seen.add(signed_urls(layer)[0])
        assert painted_pixels(render([layer], size=128)) > 500
    assert len(seen) >= 3


def test_signature_tampered_by_hand_is_renewed(keeper, controller, items):
    signed = controller.signer().sign_url(items[1]["assets"]["src_pan"]["href"])
    digest = signed.rsplit("X-Amz-Signature=", 1)[1]
    tampered = signed.replace(digest, ("0" if digest[0] != "0" else "1") + digest[1:])
    layer = QgsRasterLayer("/vsicurl/" + tampered, "pasted", "gdal")
    assert not layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    assert wait_until(lambda: layer.isValid(), timeout=20)
    assert tampered not in layer.source() and signed_urls(layer)
    assert painted_pixels(render([layer])) > 3000


def test_expired_signature_in_a_project_file_is_not_trusted(keeper, controller, items,
                                                            server, tmp_path):
    server.set_config(signature_default_duration=1)
    expired = controller.signer().sign_url(items[1]["assets"]["src_pan"]["href"])
    server.set_config(signature_default_duration=8 * 3600)
    time.sleep(1.5)
    path = tmp_path / "old.qgs"  # written by something else: a signed url inside
    QgsProject.instance().write(str(path))
    text = saved_text(path).replace(
        "</projectlayers>", _layer_xml("/vsicurl/" + expired.replace("&", "&amp;"))
        + "</projectlayers>").replace("<projectlayers/>", "<projectlayers>" + _layer_xml(
            "/vsicurl/" + expired.replace("&", "&amp;")) + "</projectlayers>")
    path.write_text(text)
    reopen(path)
    layer = only_layer()
    assert wait_until(lambda: layer.isValid() and signed_urls(layer), timeout=20)
    assert expired not in layer.source()
    assert painted_pixels(render([layer])) > 3000


def test_signed_url_added_by_hand_is_saved_unsigned(keeper, controller, items, tmp_path):
    href = items[2]["assets"]["src_xs"]["href"]
    signed = controller.signer().sign_url(href)
    layer = QgsRasterLayer("/vsicurl/" + signed, signed.rsplit("/", 1)[-1], "gdal")
    assert layer.isValid() and "X-Amz-Signature" in layer.name()
    QgsProject.instance().addMapLayer(layer)
    assert "X-Amz-Signature" not in layer.name()  # named after its url: the url unsigned
    path = tmp_path / "by-hand.qgz"
    QgsProject.instance().write(str(path))
    text = saved_text(path)
    assert signatures_in(text) == [] and "X_Amz_Signature" not in text  # nor in the id
    assert f"/vsicurl/{href}<" in text
    assert "X_Amz_Signature" in layer.id()  # QGIS made the id from the name: saved without


def test_vrt_written_by_hand_around_signed_urls_is_saved_unsigned(keeper, controller, items,
                                                                  tmp_path):
    from osgeo import gdal
    signed = controller.signer().sign_urls([i["assets"]["src_xs"]["href"] for i in items[:2]])
    gdal.BuildVRT("/vsimem/by-hand.vrt", ["/vsicurl/" + s for s in signed.values()])
    xml = gdal.Open("/vsimem/by-hand.vrt").GetMetadata("xml:VRT")[0]
    gdal.Unlink("/vsimem/by-hand.vrt")
    layer = QgsRasterLayer(xml, "my vrt", "gdal")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    path = tmp_path / "vrt.qgz"
    QgsProject.instance().write(str(path))
    assert signatures_in(saved_text(path)) == []
    reopen(path)
    layer = only_layer()
    assert wait_until(lambda: layer.isValid() and len(signed_urls(layer)) == 2, timeout=20)
    assert painted_pixels(render([layer])) > 3000


def test_mosaic_is_saved_unsigned_and_renewed(keeper, controller, items, server, tmp_path):
    [layer] = add_and_wait(items[:3], controller.signer(), assets=["src_xs"],
                           mosaic=True).layers
    path = tmp_path / "mosaic.qgz"
    QgsProject.instance().write(str(path))
    assert signatures_in(saved_text(path)) == []
    keeper._fresh.clear()
    controller.signer().clear_cache()
    server.set_config(signature_default_duration=3)
    reopen(path)
    layer = only_layer()
    assert wait_until(lambda: layer.isValid() and len(signed_urls(layer)) == 3, timeout=20)
    first = set(signed_urls(layer))
    assert wait_until(lambda: not first & set(signed_urls(layer)), timeout=15)
    time.sleep(0.5)
    assert painted_pixels(render([layer])) > 3000


def test_project_opened_before_the_login_comes_back_when_it_arrives(keeper, controller,
                                                                    items, server, tmp_path):
    add_and_wait([items[0]], controller.signer(), assets=["src_xs"])
    path = tmp_path / "before-login.qgz"
    QgsProject.instance().write(str(path))
    controller.logout()
    assert wait_until(lambda: controller.runner.running() == 0)
    keeper._fresh.clear()
    waiting = []
    keeper.waiting.connect(waiting.append)
    server.reset_counters()
    reopen(path)
    layer = only_layer()
    assert wait_until(lambda: waiting == [1], timeout=10)
    assert layer.isValid() and layer_sources.source_behind(layer.source()) is not None
    assert layer.renderer().type() == "multibandcolor"  # the saved style, waiting too
    assert painted_pixels(render([layer], extent=layer.extent())) == 0
    assert server.counters()["requests_by_path"] == {}  # waiting costs no request

    path_again = tmp_path / "saved-while-waiting.qgs"  # saving now keeps the real href
    QgsProject.instance().write(str(path_again))
    assert f"/vsicurl/{items[0]['assets']['src_xs']['href']}<" in saved_text(path_again)

    log_in(controller, server)
    assert wait_until(lambda: layer_sources.source_behind(layer.source()) is None
                      and layer.isValid(), timeout=20)
    assert waiting[-1] == 0
    assert layer.renderer().type() == "multibandcolor"
    assert painted_pixels(render([layer])) > 3000


def test_expired_layers_wait_for_a_login_instead_of_failing(keeper, controller, items, server):
    server.set_config(signature_default_duration=3)
    [layer] = add_and_wait([items[0]], controller.signer(), assets=["src_pan"]).layers
    controller.logout()
    assert wait_until(lambda: layer_sources.source_behind(layer.source()) is not None,
                      timeout=15)
    server.set_config(signature_default_duration=8 * 3600)
    log_in(controller, server)
    assert wait_until(lambda: signed_urls(layer) and layer.isValid(), timeout=20)
    assert painted_pixels(render([layer])) > 3000


def test_presigned_queries_go_to_the_storage_only(keeper, controller, items, server,
                                                  tmp_path):
    start = server.log_path.stat().st_size
    server.set_config(signature_default_duration=3)
    add_and_wait(items[:2], controller.signer(), assets=["src_xs"], mosaic=True)
    add_and_wait([items[2]], controller.signer())
    for layer in QgsProject.instance().mapLayers().values():
        render([layer])
    path = tmp_path / "log.qgz"
    QgsProject.instance().write(str(path))
    keeper._fresh.clear()
    reopen(path)
    time.sleep(3)
    assert wait_until(lambda: all(layer.isValid() and signed_urls(layer) for layer in
                                  QgsProject.instance().mapLayers().values()), timeout=20)
    with open(server.log_path, "rb") as log:
        log.seek(start)
        lines = log.read().decode("utf-8", "replace").splitlines()
    requests_ = [re.sub(r"\x1b\[[0-9;]*m", "", line.split('"')[1]) for line in lines
                 if line.count('"') >= 2]  # werkzeug colours its access log
    with_query = [r for r in requests_ if "X-Amz-" in r]
    assert len(with_query) > 10, "the log does not show the streaming: is it captured?"
    elsewhere = [r for r in with_query
                 if not r.split(" ")[1].startswith("/s3/dinamis-catalogue/")]
    assert elsewhere == []
    assert all(r.startswith("GET ") for r in with_query)


def _style(layer) -> str:
    from qgis.PyQt.QtXml import QDomDocument
    document = QDomDocument()
    layer.exportNamedStyle(document)
    return document.toString()


def _layer_xml(source: str) -> str:
    return ('<maplayer type="raster"><id>old_layer_1</id><datasource>' + source
            + "</datasource><layername>old</layername><provider>gdal</provider></maplayer>")
