"""The loaded plugin keeps streamed layers signed: its keeper is installed by initGui and
removed by unload, and a project opened before the login says so in the message bar until
the login arrives."""
from qgis.core import QgsPathResolver, QgsProject

from dinamis.core import layer_sources
from tests.qgis.conftest import wait_until
from tests.qgis.streaming_helpers import add_and_wait, log_in, painted_pixels, render, reopen


def test_unload_removes_the_path_hooks(plugin, server):
    controller = log_in(plugin.controller, server)
    href = server.real_cog_items()[0]["assets"]["src_pan"]["href"]
    source = "/vsicurl/" + controller.signer().sign_url(href)
    assert QgsPathResolver().writePath(source) == "/vsicurl/" + href
    plugin.unload()
    assert QgsPathResolver().writePath(source) == source  # nothing of the plugin left
    assert QgsPathResolver().readPath(source) == source


def test_project_opened_logged_out_says_so_until_the_login(plugin, server, qgis_iface,
                                                           tmp_path):
    controller = log_in(plugin.controller, server)
    item = server.real_cog_items()[0]
    add_and_wait([item], controller.signer(), assets=["src_xs"])
    path = tmp_path / "streamed.qgz"
    QgsProject.instance().write(str(path))
    controller.logout()
    assert wait_until(lambda: controller.runner.running() == 0)
    plugin.keeper._fresh.clear()

    reopen(path)
    [layer] = QgsProject.instance().mapLayers().values()
    assert wait_until(lambda: plugin.waiting_message is not None, timeout=10)
    assert "1 DINAMIS image(s) of this project wait for your login" in (
        plugin.waiting_message.text())
    assert plugin.waiting_message in qgis_iface.messageBar().items()
    assert layer_sources.source_behind(layer.source()) is not None

    log_in(controller, server)
    assert wait_until(lambda: layer.isValid() and layer_sources.signed_urls_in(layer.source()),
                      timeout=20)
    assert plugin.waiting_message is None
    assert painted_pixels(render([layer])) > 3000


def test_one_signer_per_session_shared_with_the_console_and_emptied_on_logout(plugin,
                                                                             server):
    from dinamis import api
    controller = log_in(plugin.controller, server)
    signer = controller.signer()
    assert api.signer() is signer  # the console signs with the plugin's cache
    href = server.real_cog_items()[0]["assets"]["src_pan"]["href"]
    first = signer.sign_url(href)
    server.reset_counters()
    assert signer.sign_url(href) == first and server.counters()["sign_requests"] == 0
    controller.logout()
    assert wait_until(lambda: controller.runner.running() == 0)
    log_in(controller, server)
    assert controller.signer() is signer
    server.reset_counters()
    assert signer.sign_url(href) != first  # the cache went with the previous login
    assert server.counters()["sign_requests"] == 1
