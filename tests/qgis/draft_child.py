"""A QGIS process that edits a request draft in the requests dock, then waits to be killed.

Run by test_drafts_survive_a_kill.py: `python -m tests.qgis.draft_child STATE SETTINGS URL`.
It draws an area, types a note and picks options as a user would, pauses a moment (as a
user does), prints READY and sleeps until the test kills it with SIGKILL.
"""
import sys
import time

from qgis.core import QgsApplication
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import QSettings
from qgis.PyQt.QtWidgets import QMainWindow

NOTE = "Vine rows, please: typed just before QGIS died"


class Iface:
    """The few QgisInterface calls the requests dock makes."""

    def __init__(self):
        self.window = QMainWindow()
        self.canvas = QgsMapCanvas(self.window)
        self.active = None

    def mainWindow(self):  # noqa: N802 - QGIS's name
        return self.window

    def mapCanvas(self):  # noqa: N802 - QGIS's name
        return self.canvas

    def activeLayer(self):  # noqa: N802 - QGIS's name
        return self.active

    def setActiveLayer(self, layer):  # noqa: N802 - QGIS's name
        self.active = layer

    def actionVertexTool(self):  # noqa: N802 - QGIS's name
        return None

    def actionPan(self):  # noqa: N802 - QGIS's name
        return None


def main(state_base, settings_folder, server_url):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_folder)
    app = QgsApplication([], True)
    app.initQgis()
    sys.path.insert(0, "build")
    from dinamis.core.secrets import MemorySecretStore
    from dinamis.gui.requests_dock import RequestsDock
    from dinamis.qgis_glue import settings
    from dinamis.qgis_glue.demand_service import DemandService
    from dinamis.qgis_glue.plugin_session import SessionController
    from tests.qgis.requests_helpers import HERAULT_L93, draw_polygon, show_lambert_93

    settings.set_local_reference_url(server_url)
    settings.set_active_profile_name(settings.LOCAL_REFERENCE_NAME)
    iface = Iface()
    show_lambert_93(iface.mapCanvas())
    controller = SessionController(MemorySecretStore)
    service = DemandService(controller, state_base=state_base)
    dock = RequestsDock(service, iface, iface.mainWindow())
    deadline = time.monotonic() + 30
    while service.options is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    form = dock.form
    draw_polygon(form.area, HERAULT_L93)
    form.mode_combo.setCurrentIndex(form.mode_combo.findData("stereo"))
    form._edited()
    form.cloud_spin.setValue(7)
    form.note_edit.setPlainText(NOTE)
    time.sleep(0.2)  # a user's pause; no flush, no clean exit follows
    print("READY", form.draft.id, flush=True)
    while True:
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main(*sys.argv[1:4])
