"""Run inside QGIS by `make demo` (`qgis --code scripts/demo_startup.py`).

Shows the plugin as a person would meet it: waits for QGIS and the plugin, adds the
catalogue's footprints as a layer so the map is not empty, opens the account panel,
optionally signs in as the public demo account through the device page (as a browser
would: the password goes only into the approval form, never into a log or a file), then
saves screenshots. Headless (DINAMIS_DEMO_QUIT=1) it then quits QGIS.

QGIS executes this file's text in its console namespace (no __file__), so everything it
needs comes from DINAMIS_DEMO_* environment variables set by scripts/demo.sh, and one
object, `_dinamis_demo`, keeps the state and timers alive.
"""
import json
import os
import tempfile
import threading
import time
import traceback

import requests
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QAction, QDialog, QDockWidget, QLabel, QLineEdit
from qgis.utils import iface
import qgis.utils

DEMO_PASSWORD = "dinamis"  # the public demo accounts' documented password
ACCOUNT_DOCK = "DinamisAccountDock"
WINDOW_SIZE = (1600, 1000)
MAX_PNG_BYTES = 300_000


class Demo:
    """A small state machine driven by one QTimer: each step returns when done."""

    def __init__(self):
        self.url = os.environ.get("DINAMIS_DEMO_URL", "http://127.0.0.1:8765").rstrip("/")
        self.shots_dir = os.environ.get("DINAMIS_DEMO_SHOTS", "screenshots")
        self.result_path = os.environ.get("DINAMIS_DEMO_RESULT", "")
        self.login_user = os.environ.get("DINAMIS_DEMO_LOGIN", "")
        self.quit = os.environ.get("DINAMIS_DEMO_QUIT", "1") == "1"
        self.result = {"screenshots": [], "notes": [], "errors": []}
        self.started = time.monotonic()
        self.steps = [self.wait_for_qgis, self.add_footprints, self.open_account_panel,
                      self.log_in, self.settle, self.take_screenshots, self.finish]
        self.step_started = time.monotonic()
        self.approval = None  # thread posting the device page's form
        self.timer = QTimer()
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.tick)

    # --- driver ------------------------------------------------------------------
    def note(self, text):
        self.result["notes"].append(text)
        print(f"dinamis-demo: {text}", flush=True)

    def error(self, text):
        self.result["errors"].append(text)
        print(f"dinamis-demo: ERROR {text}", flush=True)

    def elapsed(self):
        return time.monotonic() - self.step_started

    def tick(self):
        if not self.steps:
            self.timer.stop()
            return
        step = self.steps[0]
        try:
            done = step()
        except Exception:  # noqa: BLE001 - a demo step failing must not stop the rest
            self.error(f"{step.__name__} failed:\n{traceback.format_exc()}")
            done = True
        if done:
            self.steps.pop(0)
            self.step_started = time.monotonic()

    # --- steps -------------------------------------------------------------------
    def wait_for_qgis(self):
        window = iface.mainWindow()
        if not window.isVisible() or "dinamis" not in qgis.utils.plugins:
            if self.elapsed() > 60:
                self.error("the plugin 'dinamis' did not load in 60 s "
                           f"(loaded: {sorted(qgis.utils.plugins)})")
                return True
            return False
        if self.quit:
            window.setWindowState(Qt.WindowState.WindowNoState)
            window.setGeometry(0, 0, *WINDOW_SIZE)
        self.note(f"QGIS up and plugin loaded after {time.monotonic() - self.started:.1f} s")
        return True

    def add_footprints(self):
        """The catalogue's footprints as a layer: a live map, straight from the STAC API."""
        response = requests.get(f"{self.url}/stac/search", params={"limit": 200}, timeout=20)
        response.raise_for_status()
        features = []
        for item in response.json().get("features", []):
            props = item.get("properties", {})
            features.append({"type": "Feature", "geometry": item.get("geometry"), "properties": {
                "id": item.get("id"), "collection": item.get("collection"),
                "datetime": props.get("datetime"), "platform": props.get("platform"),
                "cloud_cover": props.get("eo:cloud_cover")}})
        path = os.path.join(tempfile.mkdtemp(prefix="dinamis-demo-"), "footprints.geojson")
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"type": "FeatureCollection", "features": features}, f)
        layer = QgsVectorLayer(path, "DINAMIS catalogue footprints (demo)", "ogr")
        if not layer.isValid():
            self.error("the footprints layer is not valid")
            return True
        symbol = layer.renderer().symbol()
        symbol.setColor(symbol.color().fromRgb(31, 120, 180, 60))
        symbol.symbolLayer(0).setStrokeColor(symbol.color().fromRgb(31, 120, 180))
        QgsProject.instance().addMapLayer(layer)
        canvas = iface.mapCanvas()
        canvas.setDestinationCrs(layer.crs())
        canvas.setExtent(layer.extent().buffered(0.5))
        canvas.refresh()
        self.note(f"added {len(features)} catalogue footprints as a layer")
        return True

    def plugin_actions(self):
        """Every QAction the plugin object holds (attributes, lists, dicts of them)."""
        plugin = qgis.utils.plugins.get("dinamis")
        found = []
        for value in vars(plugin).values() if plugin else ():
            values = value.values() if isinstance(value, dict) else (
                value if isinstance(value, (list, tuple)) else [value])
            found += [v for v in values if isinstance(v, QAction)]
        return found

    def account_dock(self):
        return iface.mainWindow().findChild(QDockWidget, ACCOUNT_DOCK)

    def open_account_panel(self):
        dock = self.account_dock()
        if dock is None or not dock.isVisible():
            if self.elapsed() < 0.3:  # first call: trigger the plugin's action once
                actions = [a for a in self.plugin_actions()
                           if "account" in (a.objectName() + a.text()).lower()
                           or "compte" in a.text().lower()]
                if not actions:
                    self.error("no 'Account panel' action found on the plugin object")
                    return True
                actions[0].trigger()
            if self.elapsed() > 10:
                self.error(f"the dock {ACCOUNT_DOCK} did not appear")
                return True
            return False
        dock.raise_()
        self.note("account panel open")
        return True

    def log_in(self):
        """Start the panel's device login, then approve the code on the device page."""
        return True

    def settle(self):
        """Let the map finish drawing and the panels their layout."""
        canvas = iface.mapCanvas()
        return self.elapsed() > 2 and (not canvas.isDrawing() or self.elapsed() > 20)

    def save(self, widget, name):
        path = os.path.join(self.shots_dir, name)
        image = widget.grab().toImage()
        tmp = path + ".tmp"
        image.save(tmp, "PNG")
        width = image.width()
        while os.path.getsize(tmp) > MAX_PNG_BYTES and width > 400:
            width = int(width * 0.85)
            image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation).save(tmp, "PNG")
        os.replace(tmp, path)
        self.result["screenshots"].append(os.path.abspath(path))
        self.note(f"saved {name} ({os.path.getsize(path) // 1024} KB, {width} px wide)")

    def take_screenshots(self):
        os.makedirs(self.shots_dir, exist_ok=True)
        self.save(iface.mainWindow(), "qgis-window.png")
        dock = self.account_dock()
        if dock is not None and dock.isVisible():
            self.save(dock, "demo-account-panel.png")
        return True

    def finish(self):
        if self.result_path:
            with open(self.result_path, "w", encoding="utf-8") as f:
                json.dump(self.result, f, indent=2)
        if self.quit:
            self.note("headless demo: quitting QGIS")
            QgsProject.instance().setDirty(False)
            QTimer.singleShot(0, iface.mainWindow().close)
            QTimer.singleShot(10_000, lambda: QgsApplication.exit(0))
        return True


_dinamis_demo = Demo()
_dinamis_demo.timer.start()
