"""No secret the plugin handles ends up where users, logs or shared files can see it.

Runs the real flows through the loaded plugin (device login, refresh by restore, url
signing, API key with a wrong then a right secret, logout), collects every secret value
used, then searches the "dinamis" logger output at DEBUG, QgsMessageLog, the message bar,
the QSettings files on disk, the QGIS profile folder and the project, with streamed layers,
saved as .qgz and .qgs.
"""
import logging
import threading
import time
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from qgis.core import Qgis, QgsApplication, QgsProject, QgsSettings

from tests.qgis.conftest import approve_device_code, create_api_key, idle, wait_until

WRONG_SECRET = "wrong-SECRET-do-not-leak-0042"


class Collected(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def log_capture():
    logger = logging.getLogger("dinamis")
    handler, level = Collected(), logger.level
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s %(args)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    messages = []

    def on_message(message, tag, level):
        messages.append(f"{tag} {message}")
    QgsApplication.messageLog().messageReceived.connect(on_message)
    yield handler.lines, messages
    QgsApplication.messageLog().messageReceived.disconnect(on_message)
    logger.removeHandler(handler)
    logger.setLevel(level)


def stream_layers(controller, server):
    """Streamed layers in the project; the presigned urls and signatures they hold."""
    from qgis.core import QgsRasterLayer
    from dinamis.core import layer_sources
    from tests.qgis.streaming_helpers import add_and_wait
    items = server.real_cog_items()
    signer = controller.signer()
    add_and_wait([items[0]], signer, assets=["src_xs"])
    add_and_wait(items[1:3], signer, assets=["src_pan"], mosaic=True)
    pasted = signer.sign_url(items[2]["assets"]["src_xs"]["href"])
    QgsProject.instance().addMapLayer(QgsRasterLayer("/vsicurl/" + pasted,
                                                     pasted.rsplit("/", 1)[-1], "gdal"))
    found = set()
    for layer in QgsProject.instance().mapLayers().values():
        for url in layer_sources.signed_urls_in(layer.source()):
            found.add(url)
            found.update(parse_qs(urlsplit(url).query)["X-Amz-Signature"])
    assert len(found) == 8  # 4 urls (one layer, a mosaic of two, one pasted), 4 signatures
    return found


def device_login(plugin, server, username):
    dock = plugin.ensure_dock()
    codes = []

    def browser():
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            dialog = dock.device_dialog
            if dialog is not None and dialog.code_label.text():
                approve_device_code(server, dialog.code_label.text(), username)
                return
            time.sleep(0.05)

    plugin.controller.device_code.connect(lambda device: codes.append(device.device_code))
    thread = threading.Thread(target=browser, daemon=True)
    thread.start()
    dock.login_button.click()
    assert wait_until(lambda: plugin.controller.state == "logged_in", timeout=40), (
        plugin.controller.error)
    thread.join(5)
    return codes


def test_no_secret_reaches_logs_settings_or_projects(plugin, server, secret_store,
                                                     memory_keyring, log_capture,
                                                     isolated_settings, qgis_iface, tmp_path):
    log_lines, qgis_messages = log_capture
    secrets = set()
    controller = plugin.controller

    # device login, then a refresh-token grant (restore) and an account refresh
    secrets.update(device_login(plugin, server, "alice"))
    session = controller.session
    secrets.add(session.access_token())
    secrets.update(memory_keyring.passwords.values())  # the refresh token
    controller.refresh()
    assert wait_until(lambda: controller.runner.running() == 0)
    controller._reset(controller.profile)  # forget the session, as a QGIS restart would
    controller.restore()
    assert wait_until(lambda: controller.state == "logged_in", timeout=20), controller.error
    session = controller.session
    secrets.add(session.access_token())
    secrets.update(memory_keyring.passwords.values())  # the rotated refresh token

    # a signed url
    asset = server.url("/s3/dinamis-data/leak-test/image.tif")
    answer = session.http.post(session.profile.signing_url + "sign_urls",
                               json={"urls": [asset]}).json()
    signed = answer["hrefs"][asset]
    assert signed != asset
    secrets.add(signed)
    secrets.update(parse_qs(urlsplit(signed).query).get("X-Amz-Signature", []))

    # API key: a wrong secret first (its error is shown), then the right one
    key = create_api_key(server, "alice")
    secrets.add(key["secret-key"])
    secrets.add(WRONG_SECRET)
    controller.login_api_key(key["access-key"], WRONG_SECRET)
    assert wait_until(lambda: controller.state != "logging_in", timeout=20)
    assert "credentials" in controller.error
    controller.login_api_key(key["access-key"], key["secret-key"])
    assert wait_until(lambda: controller.state == "logged_in" and not controller.error,
                      timeout=20), controller.error
    plugin.ensure_dock().update_view()

    # streamed layers: the plugin's, a mosaic, and a signed url pasted by hand (named after
    # it); the project files saved at the end must hold none of their signatures
    secrets.update(stream_layers(controller, server))
    controller.logout()
    assert wait_until(lambda: idle(controller))

    secrets = {s for s in secrets if s and len(s) >= 8}
    assert len(secrets) >= 7, "the flows did not produce the secrets this test looks for"

    # where secrets must never be
    places = {"dinamis logger": "\n".join(log_lines),
              "QgsMessageLog": "\n".join(qgis_messages),
              "message bar": "\n".join(
                  m for level in (Qgis.MessageLevel.Info, Qgis.MessageLevel.Warning,
                                  Qgis.MessageLevel.Critical, Qgis.MessageLevel.Success)
                  for m in qgis_iface.messageBar().get_messages(level)),
              "panel": "\n".join(w.text() for w in plugin.dock.findChildren(
                  type(plugin.dock.state_label)))}
    assert log_lines, "nothing was logged: the capture is not working"
    QgsSettings().sync()
    for path in Path(isolated_settings).rglob("*"):
        if path.is_file():
            places[str(path)] = path.read_bytes().decode("utf-8", "replace")
    profile_folder = Path(QgsApplication.qgisSettingsDirPath())
    for path in profile_folder.rglob("*"):
        if path.is_file() and path.stat().st_size < 20_000_000:
            places[str(path)] = path.read_bytes().decode("utf-8", "replace")

    assert len(QgsProject.instance().mapLayers()) == 3
    project_file = tmp_path / "leak-test.qgz"
    assert QgsProject.instance().write(str(project_file))
    QgsApplication.processEvents()  # QGIS idle again after saving, as after a click on Save
    with zipfile.ZipFile(project_file) as archive:
        for name in archive.namelist():
            places[f"{project_file.name}:{name}"] = archive.read(name).decode("utf-8",
                                                                              "replace")
    plain_project = tmp_path / "leak-test.qgs"
    assert QgsProject.instance().write(str(plain_project))
    places[plain_project.name] = plain_project.read_text("utf-8", "replace")
    QgsProject.instance().clear()

    leaks = [(place, secret[:12] + "…") for place, text in places.items()
             for secret in secrets if secret in text]
    assert leaks == []
