"""The plugin as QGIS drives it: initGui, the dock, unload, reload; cheap start-up."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QMenu, QToolBar

ROOT = Path(__file__).resolve().parents[2]


def dinamis_folder():
    import dinamis
    return os.path.dirname(os.path.abspath(dinamis.__file__))


def flush_deletes():
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QgsApplication.processEvents()


def footprint(main_window):
    """Everything a plugin can leave behind in the main window, by kind."""
    return {
        "actions": len(main_window.findChildren(QAction)),
        "menus": len(main_window.findChildren(QMenu)),
        "menubar": [a.text() for a in main_window.menuBar().actions()],
        "toolbars": len(main_window.findChildren(QToolBar)),
        "docks": len(main_window.findChildren(QDockWidget)),
        "provider": QgsApplication.processingRegistry().providerById("dinamis") is not None,
    }


@pytest.fixture
def plugin_factory(qgis_iface, isolated_settings, secret_store):
    import dinamis
    plugins = []

    def make():
        plugin = dinamis.classFactory(qgis_iface)
        plugin.secret_store_factory = lambda: secret_store
        plugins.append(plugin)
        return plugin
    yield make
    for plugin in plugins:
        if plugin.controller is not None:
            plugin.unload()
    flush_deletes()


def test_init_unload_reload_leave_no_trace(qgis_iface, plugin_factory):
    main_window = qgis_iface.mainWindow()
    flush_deletes()
    before = footprint(main_window)
    assert not before["provider"]

    plugin = plugin_factory()
    plugin.initGui()
    loaded = footprint(main_window)
    assert "DINAMIS" in [a.text() for a in plugin.menu.actions()] or plugin.menu.title()
    assert loaded["menubar"] == before["menubar"] + ["DINAMIS"] or (
        "DINAMIS" in loaded["menubar"])
    assert loaded["toolbars"] == before["toolbars"] + 1
    assert loaded["provider"]
    assert plugin.dock is None  # created lazily
    for action in (plugin.account_action, plugin.settings_action):
        assert not action.icon().pixmap(16, 16).isNull(), action.text()
    assert plugin.translator.qm_path("fr").parent == Path(dinamis_folder()) / "i18n"

    plugin.account_action.trigger()  # show the dock
    assert plugin.dock is not None and plugin.dock.objectName() == "DinamisAccountDock"
    assert footprint(main_window)["docks"] == before["docks"] + 1
    plugin.account_action.trigger()  # hide it again
    assert plugin.dock.isHidden()

    plugin.unload()
    flush_deletes()
    assert footprint(main_window) == before

    again = plugin_factory()
    again.initGui()
    again.account_action.trigger()
    assert footprint(main_window)["docks"] == before["docks"] + 1
    again.unload()
    flush_deletes()
    assert footprint(main_window) == before


def test_unload_cancels_running_tasks(qgis_iface, plugin_factory, local_profile):
    plugin = plugin_factory()
    plugin.initGui()
    dock = plugin.ensure_dock()
    dock.login_button.click()  # waits for a browser approval that never comes
    assert plugin.controller.runner.running() == 1
    from tests.qgis.conftest import wait_until
    assert wait_until(lambda: dock.device_dialog.code_label.text(), timeout=20)
    dialog = dock.device_dialog
    runner = plugin.controller.runner
    plugin.unload()
    assert runner.running() == 0
    assert not dialog.isVisible()
    flush_deletes()


def test_failures_reach_the_message_bar(qgis_iface, plugin_factory, isolated_settings):
    from dinamis.qgis_glue import settings
    from qgis.core import Qgis
    settings.set_local_reference_url("http://127.0.0.1:9")  # nothing listens there
    settings.set_active_profile_name(settings.LOCAL_REFERENCE_NAME)
    plugin = plugin_factory()
    plugin.initGui()
    qgis_iface.messageBar().clear_messages()
    plugin.controller.login_device()
    from tests.qgis.conftest import wait_until
    assert wait_until(lambda: plugin.controller.runner.running() == 0, timeout=60)
    messages = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert any("Cannot reach the DINAMIS service" in m for m in messages), messages
    assert "Traceback" not in "".join(messages)


LAZY_PROBE = r"""
import json, sys, time
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QMainWindow
from qgis.gui import QgsMapCanvas, QgsMessageBar
app = QgsApplication([], True)
app.initQgis()


class Iface:  # the few QgisInterface calls initGui/unload make
    def __init__(self):
        self.window, self.bar = QMainWindow(), QgsMessageBar()
    def mainWindow(self):
        return self.window
    def addToolBar(self, name):
        return self.window.addToolBar(name)
    def addDockWidget(self, area, dock):
        self.window.addDockWidget(area, dock)
    def removeDockWidget(self, dock):
        self.window.removeDockWidget(dock)
    def messageBar(self):
        return self.bar
    def registerCustomDropHandler(self, handler):
        self.drop_handler = handler
    def unregisterCustomDropHandler(self, handler):
        self.drop_handler = None
    def mapCanvas(self):
        return self.canvas


iface = Iface()
iface.canvas = QgsMapCanvas()
before = set(sys.modules)
started = time.perf_counter()
import dinamis
plugin = dinamis.classFactory(iface)
plugin.initGui()
elapsed = time.perf_counter() - started
new = sorted(set(sys.modules) - before)
plugin.unload()
print(json.dumps({"elapsed": elapsed, "new": new}))
"""


def test_init_gui_imports_nothing_heavy():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=os.pathsep.join(
        [str(ROOT / "build"), str(ROOT)]))
    result = subprocess.run([sys.executable, "-c", LAZY_PROBE], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    heavy = [m for m in probe["new"]
             if m.split(".")[0] in ("requests", "urllib3", "pystac", "pystac_client", "keyring")
             or any(part in m for part in ("_vendor", "dinamis.gui", "dinamis.api",
                                           "dinamis.core.session", "dinamis.core.http"))]
    assert heavy == []  # its cost in time is measured by `make bench` (bench_plugin_load)


def test_stored_login_is_resumed_after_start(qgis_iface, plugin_factory, local_profile, server,
                                             secret_store, monkeypatch):
    from tests.core.conftest import login_as
    from tests.qgis.conftest import wait_until
    import dinamis.plugin
    login_as(server, "alice", secret_store=secret_store)  # a login from a previous QGIS run
    monkeypatch.setattr(dinamis.plugin, "RESTORE_DELAY_MS", 50)
    plugin = plugin_factory()
    plugin.initGui()
    assert plugin.controller.state == "logged_out"  # nothing ran during initGui
    assert wait_until(lambda: plugin.controller.state == "logged_in", timeout=30), (
        plugin.controller.error)
    assert plugin.controller.account.username == "alice"
    dock = plugin.ensure_dock()
    assert "alice" in dock.state_label.text()


def test_translator_routes_tr_through_qt_until_unload(qgis_iface, plugin_factory):
    from qgis.PyQt.QtCore import QTranslator
    from dinamis.core import i18n

    class Upper(QTranslator):
        def translate(self, context, text, disambiguation=None, n=-1):
            return text.upper() if context == i18n.CONTEXT else ""

    upper = Upper()
    QCoreApplication.installTranslator(upper)
    try:
        assert i18n.tr("Log out") == "Log out"  # identity before the plugin loads
        plugin = plugin_factory()
        plugin.initGui()
        assert i18n.tr("Log out") == "LOG OUT"
        assert plugin.settings_action.text() == "DINAMIS SETTINGS…"
        plugin.unload()
        assert i18n.tr("Log out") == "Log out"
    finally:
        QCoreApplication.removeTranslator(upper)


def test_french_translation_file_is_loaded(qgis_app):
    from dinamis.core import i18n
    from dinamis.qgis_glue.translator import PluginTranslator
    translator = PluginTranslator(Path(dinamis_folder()))
    assert translator.qm_path("fr").is_file(), "make test compiles i18n/dinamis_fr.qm"
    try:
        assert translator.install("fr")
        assert i18n.tr("Log out") == "Se déconnecter"
        assert i18n.tr("Not logged in to {profile}.").format(profile="DINAMIS") == (
            "Non connecté à DINAMIS.")
    finally:
        translator.remove()
    assert i18n.tr("Log out") == "Log out"


def test_catalogue_dock_from_the_menu_and_toolbar(qgis_iface, plugin_factory, local_profile):
    plugin = plugin_factory()
    plugin.initGui()
    assert plugin.catalogue_action in plugin.menu.actions()
    assert plugin.catalogue_action in plugin.toolbar.actions()
    assert plugin.catalogue_dock is None  # created lazily
    plugin.catalogue_action.trigger()
    dock = plugin.catalogue_dock
    assert dock is not None and dock.objectName() == "DinamisCatalogueDock"
    assert dock.controller is plugin.controller
    plugin.catalogue_action.trigger()
    assert dock.isHidden() and not plugin.catalogue_action.isChecked()
    plugin.unload()
    flush_deletes()
