"""What the requests dock tests share: a logged-in controller, a service on a temporary
state folder, the dock, the operator's client, screenshots to look at."""
import threading
from pathlib import Path

from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsRectangle

from tests.qgis.conftest import approve_device_code, wait_until

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "test-screenshots"

# A polygon over the Hérault vineyards in Lambert-93 (metres): about 937 km².
HERAULT_L93 = [(740000, 6260000), (772000, 6258000), (775000, 6284000), (752000, 6290000),
               (738000, 6278000)]


def log_in(controller, server, username):
    """The device login a person does: the plugin shows a code, the browser approves it."""
    def approve(device):
        threading.Thread(target=approve_device_code, args=(server, device.user_code, username),
                         daemon=True).start()
    controller.device_code.connect(approve)
    try:
        controller.login_device()
        assert wait_until(lambda: controller.state == "logged_in" or controller.error, 40), \
            controller.state
        assert not controller.error, controller.error
    finally:
        controller.device_code.disconnect(approve)


def service_ready(service):
    return (service.options is not None and not service.loading
            and (not service.logged_in or bool(service.quotas)))


def show_lambert_93(canvas):
    crs = QgsCoordinateReferenceSystem("EPSG:2154")
    canvas.setDestinationCrs(crs)
    canvas.setExtent(QgsRectangle(700000, 6230000, 820000, 6320000))


def draw_polygon(panel, points, check_each=None):
    """Click the vertices with the panel's polygon tool, then finish (right-click)."""
    from dinamis.gui.aoi_tools import PolygonTool
    panel.start_drawing(PolygonTool)
    tool = panel.tool
    for i, (x, y) in enumerate(points):
        tool.add_vertex(QgsPointXY(x, y))
        if check_each is not None:
            check_each(i + 1)
    tool.finish()


def grab(widget, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    widget.grab().save(str(path))
    return path
