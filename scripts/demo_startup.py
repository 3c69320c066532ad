"""Run inside QGIS by `make demo` (`qgis --code scripts/demo_startup.py`).

Shows the plugin as a person would meet it: waits for QGIS and the plugin, adds the
catalogue's footprints (the plugin's Processing search) so the map is not empty, opens the
account panel,
optionally signs in as the public demo account through the device page (as a browser
would: the password goes only into the approval form, never into a log or a file), then
saves screenshots. Headless (DINAMIS_DEMO_QUIT=1) it then quits QGIS.

QGIS executes this file's text in its console namespace (no __file__), so everything it
needs comes from DINAMIS_DEMO_* environment variables set by scripts/demo.sh, and one
object, `_dinamis_demo`, keeps the state and timers alive.

demo.sh also names this file in PYQGIS_STARTUP, which QGIS runs before loading plugins
(no `iface` yet): that first pass only unlocks the throw-away auth database, before the
plugin's start-up login restore could prompt for a master password.
"""
import json
import os
import secrets
import tempfile
import threading
import time
import traceback

import requests
from qgis.core import (Qgis, QgsApplication, QgsCoordinateReferenceSystem,
                       QgsCoordinateTransform, QgsProject, QgsRectangle, QgsVectorLayer)
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QScrollArea
from qgis.utils import iface
import qgis.utils

DEMO_PASSWORD = "dinamis"  # the public demo accounts' documented password
ACCOUNT_DOCK = "DinamisAccountDock"
ACCOUNT_ACTION = "DinamisAccountAction"
CATALOGUE_DOCK = "DinamisCatalogueDock"
CATALOGUE_ACTION = "DinamisCatalogueAction"
SEARCH_AREA = (-0.5, 42.4, 7.6, 45.2)  # the south of France, degrees
CATALOGUE_WIDTH = 440  # px: room for the results' columns
WINDOW_SIZE = (1600, 1000)
MAX_PNG_BYTES = 300_000
FRANCE_WGS84 = (-5.5, 41.2, 10.0, 51.3)  # metropolitan France, where most imagery is
MAP_CRS = "EPSG:2154"  # Lambert-93, the French national projection


def unlock_throwaway_auth_db():
    """The plugin falls back to QGIS's auth database when no keyring is usable, and that
    asks for a master password (a modal prompt). The demo profile is thrown away, so its
    auth database gets a random master password that lives only in this process."""
    manager = QgsApplication.authManager()
    if not manager.isDisabled() and not manager.masterPasswordIsSet():
        manager.setMasterPassword(secrets.token_urlsafe(24), True)


class Demo:
    """A small state machine driven by one QTimer: each step returns when done."""

    def __init__(self):
        self.url = os.environ.get("DINAMIS_DEMO_URL", "http://127.0.0.1:8765").rstrip("/")
        self.shots_dir = os.environ.get("DINAMIS_DEMO_SHOTS", "")
        self.result_path = os.environ.get("DINAMIS_DEMO_RESULT", "")
        self.login_user = os.environ.get("DINAMIS_DEMO_LOGIN", "")
        self.quit = os.environ.get("DINAMIS_DEMO_QUIT", "1") == "1"
        lang = os.environ.get("DINAMIS_DEMO_LANG", "")
        self.french = lang == "fr"
        self.suffix = f"-{lang}" if lang else ""  # French shots beside the English ones
        self.result = {"screenshots": [], "notes": [], "errors": []}
        self.started = time.monotonic()
        self.steps = [self.wait_for_qgis, self.add_footprints, self.open_account_panel,
                      self.wait_for_restore, self.settle, self.shoot_logged_out,
                      self.start_login, self.wait_for_code, self.approve_on_device_page,
                      self.wait_for_login, self.reframe, self.settle, self.take_screenshots,
                      self.shoot_settings, self.shoot_processing,
                      self.open_catalogue, self.search_catalogue, self.wait_for_catalogue,
                      self.settle, self.shoot_catalogue, self.shoot_quicklook_viewer,
                      self.place_quicklooks, self.wait_for_quicklooks, self.settle,
                      self.shoot_quicklooks_on_map, self.shoot_other_docks,
                      self.find_streamable_items, self.wait_for_streamable_items,
                      self.add_single_image, self.wait_for_layers, self.settle,
                      self.shoot_streamed_image, self.shoot_layer_metadata, self.add_mosaic,
                      self.wait_for_layers, self.settle, self.shoot_streamed_mosaic,
                      self.finish]
        requests_demo = load_requests_demo(self)  # scripts/demo_requests.py
        if requests_demo is not None and self.shots_dir and self.login_user:
            after = self.steps.index(self.shoot_other_docks) + 1
            self.steps[after:after] = requests_demo.steps()
        if not self.shots_dir:  # with a display: no dialogs flashing by for screenshots
            for step in (self.shoot_logged_out, self.take_screenshots, self.shoot_settings,
                         self.shoot_processing, self.shoot_other_docks,
                         self.shoot_catalogue, self.shoot_quicklook_viewer,
                         self.place_quicklooks, self.wait_for_quicklooks,
                         self.shoot_quicklooks_on_map,
                         self.shoot_streamed_image, self.shoot_streamed_mosaic,
                         self.shoot_layer_metadata):
                self.steps.remove(step)
        self.device = None  # the DeviceCode the plugin received
        self.code_at = 0.0
        self.streamable = None  # (item, stereo triplet) once found, or an error
        self.added = None  # the layers of the last "add to map", once added
        self.quicklook_layers = []  # placed by "Quicklook on map"
        self.approval_outcome = None
        self.step_started = time.monotonic()
        self.resized = False
        self.window_shown_at = None
        self.timer = QTimer()
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.tick)
        QgsApplication.messageLog().messageReceived.connect(self.log_message)

    def log_message(self, message, tag, level):
        """Python errors and plugin warnings land in QGIS's message log, not on stderr:
        copy them to the demo's log, where the person running the demo looks."""
        serious = level in (Qgis.MessageLevel.Warning, Qgis.MessageLevel.Critical)
        if serious and tag in ("Python error", "DINAMIS", "Plugins"):
            print(f"dinamis-demo: QGIS {tag}: {message}", flush=True)

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
        if not window.isVisible():
            if self.elapsed() > 90:
                self.error("QGIS's main window did not show in 90 s")
                self.steps[1:-1] = []
                return True
            return False
        if "dinamis" not in qgis.utils.plugins:
            if self.window_shown_at is None:
                self.window_shown_at = time.monotonic()
            if time.monotonic() - self.window_shown_at < 15:
                return False
            self.error("the plugin 'dinamis' is not loaded (its Python error is in the QGIS log; "
                       f"loaded plugins: {sorted(qgis.utils.plugins)})")
            self.steps[1:-1] = [self.settle, self.shoot_failure]
            return True
        if self.quit:
            window.setWindowState(Qt.WindowState.WindowNoState)
            if not self.resized:
                self.resized = True
                window.setGeometry(0, 0, *WINDOW_SIZE)
                self.step_started = time.monotonic()  # let the layout follow the new size
                return False
            if self.elapsed() < 1:
                return False
        self.note(f"QGIS up and plugin loaded after {time.monotonic() - self.started:.1f} s")
        return True

    def add_footprints(self):
        """The world map QGIS ships, then the catalogue's footprints over France found by the
        plugin's Processing search: a live map with no network beyond the reference server."""
        world = os.path.join(QgsApplication.pkgDataPath(), "resources", "data", "world_map.gpkg")
        countries = QgsVectorLayer(f"{world}|layername=countries",
                                   "Pays" if self.french else "Countries", "ogr")
        if countries.isValid():
            symbol = countries.renderer().symbol()
            symbol.setColor(QColor(238, 235, 225))
            symbol.symbolLayer(0).setStrokeColor(QColor(170, 170, 160))
            QgsProject.instance().addMapLayer(countries)
        # beside the throw-away profile (demo.sh deletes it), else a temp folder
        folder = os.path.dirname(self.result_path) or tempfile.mkdtemp(prefix="dinamis-demo-")
        path = os.path.join(folder, "footprints.geojson")
        try:
            count = self.search_with_processing(path)
            how = "the plugin's Processing search"
        except Exception as exc:  # noqa: BLE001 - the map still deserves its footprints
            self.error(f"dinamis:searchcatalogue failed ({exc}); fetching the STAC API directly")
            count, how = self.search_stac_directly(path), "a direct STAC request"
        if not count:
            self.error("the search over France found no item: is the catalogue empty?")
            return True
        layer = QgsVectorLayer(path, self.footprints_name(), "ogr")
        if not layer.isValid():
            self.error("the footprints layer is not valid")
            return True
        symbol = layer.renderer().symbol()
        symbol.setColor(QColor(31, 120, 180, 50))
        symbol.symbolLayer(0).setStrokeColor(QColor(31, 120, 180))
        QgsProject.instance().addMapLayer(layer)
        self.frame_map()
        self.note(f"added {count} catalogue footprints over France, found by {how}")
        return True

    def footprints_name(self):
        return "Emprises DINAMIS" if self.french else "DINAMIS footprints"

    def search_params(self, path):
        xmin, ymin, xmax, ymax = FRANCE_WGS84
        return {"EXTENT": f"{xmin},{xmax},{ymin},{ymax} [EPSG:4326]", "MAX_ITEMS": 250,
                "OUTPUT": path}

    def search_with_processing(self, path):
        """The plugin's own algorithm, as `processing.run` in the console would call it."""
        import processing
        result = processing.run("dinamis:searchcatalogue", self.search_params(path))
        return int(result.get("COUNT") or 0)

    def search_stac_directly(self, path):
        bbox = ",".join(str(v) for v in FRANCE_WGS84)
        response = requests.get(f"{self.url}/stac/search", timeout=20,
                                params={"limit": 250, "bbox": bbox})
        response.raise_for_status()
        features = [{"type": "Feature", "geometry": item.get("geometry"),
                     "properties": {"id": item.get("id"), "collection": item.get("collection")}}
                    for item in response.json().get("features", [])]
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"type": "FeatureCollection", "features": features}, f)
        return len(features)

    @staticmethod
    def frame_map():
        """France in Lambert-93; again just before the screenshot, once the layout is final."""
        crs = QgsCoordinateReferenceSystem(MAP_CRS)
        QgsProject.instance().setCrs(crs)
        to_map = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs,
                                        QgsProject.instance())
        canvas = iface.mapCanvas()
        canvas.setDestinationCrs(crs)
        canvas.setExtent(to_map.transformBoundingBox(QgsRectangle(*FRANCE_WGS84)))
        canvas.refresh()

    def plugin(self):
        return qgis.utils.plugins.get("dinamis")

    def account_dock(self):
        return iface.mainWindow().findChild(QDockWidget, ACCOUNT_DOCK)

    def open_account_panel(self):
        """As a person would: the plugin's "DINAMIS account" action (menu and toolbar)."""
        dock = self.account_dock()
        if dock is None or not dock.isVisible():
            if self.elapsed() < 0.3:  # first call: trigger the action once
                action = iface.mainWindow().findChild(QAction, ACCOUNT_ACTION)
                if action is None:
                    self.error(f"no QAction {ACCOUNT_ACTION} in the main window")
                    return True
                action.trigger()
            if self.elapsed() > 10:
                self.error(f"the dock {ACCOUNT_DOCK} did not appear")
                return True
            return False
        dock.raise_()
        self.note("account panel open")
        return True

    def controller(self):
        plugin = self.plugin()
        return getattr(plugin, "controller", None)

    def wait_for_restore(self):
        """The plugin resumes a stored login 2 s after start; let that finish first."""
        controller, plugin = self.controller(), self.plugin()
        timer = getattr(plugin, "restore_timer", None)
        pending = timer is not None and timer.isActive()
        if controller is None:
            return True
        if (pending or controller.state == "restoring") and self.elapsed() < 30:
            return False
        self.note(f"plugin session state: {controller.state}")
        return True

    def shoot_logged_out(self):
        dock = self.account_dock()
        if dock is not None and dock.isVisible():
            self.save(dock, "demo-account-logged-out.png")
        return True

    # --- the device login, as a person with a browser would do it ---------------------
    def start_login(self):
        controller, dock = self.controller(), self.account_dock()
        if not self.login_user:
            self.note("no login asked (DINAMIS_DEMO_LOGIN empty)")
            self.skip_login()
            return True
        if controller is None or dock is None or not hasattr(dock, "login_button"):
            self.error("cannot log in: no controller or no login button on the account panel")
            self.skip_login()
            return True
        if controller.state == "logged_in":
            self.note("already logged in (restored)")
            self.skip_login()
            return True
        controller.device_code.connect(self.got_device_code)
        dock.login_button.click()
        self.note(f"clicked 'Log in…' on the account panel as {self.login_user}")
        return True

    def skip_login(self):
        for step in (self.wait_for_code, self.approve_on_device_page, self.wait_for_login):
            self.steps.remove(step)

    def got_device_code(self, device):
        self.device = device
        self.code_at = time.monotonic()

    def wait_for_code(self):
        if self.device is None:
            if self.elapsed() > 30:
                self.error("no device code arrived in 30 s: "
                           f"{getattr(self.controller(), 'error', '')}")
                self.steps.remove(self.approve_on_device_page)
                self.steps.remove(self.wait_for_login)
                return True
            return False
        if time.monotonic() - self.code_at < 1:  # let the dialog draw the code
            return False
        dialog = getattr(self.account_dock(), "device_dialog", None)
        if dialog is not None and dialog.isVisible():
            layout, width = dialog.layout(), max(dialog.width(), 460)
            height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
            dialog.resize(width, max(height, dialog.sizeHint().height()))
            QgsApplication.processEvents()
            self.save(dialog, "demo-device-login.png")
        self.note("device code received: approving it (as the person's browser would) on "
                  f"{self.device.verification_uri}")
        return True

    def approve_on_device_page(self):
        """Post the device page's form from a thread: the UI keeps running, as it would
        while a person types in their browser. The password goes only into this form."""
        device, user = self.device, self.login_user

        def post():
            try:
                page = requests.post(device.verification_uri, timeout=20, data={
                    "user_code": device.user_code, "username": user,
                    "password": DEMO_PASSWORD, "action": "approve"})
                self.approval_outcome = page.status_code
            except requests.RequestException as exc:
                self.approval_outcome = type(exc).__name__

        threading.Thread(target=post, daemon=True).start()
        return True

    def wait_for_login(self):
        controller = self.controller()
        if controller.state == "logged_in":
            self.note(f"logged in as {self.login_user} after {self.elapsed():.1f} s "
                      f"(device page answered {self.approval_outcome})")
            return True
        if self.approval_outcome not in (None, 200) or self.elapsed() > 45:
            self.error(f"login did not complete: device page answered {self.approval_outcome},"
                       f" plugin state {controller.state}, error {controller.error!r}")
            return True
        return False

    def reframe(self):
        self.frame_map()
        return True

    def settle(self):
        """Let the map finish drawing and the panels their layout."""
        canvas = iface.mapCanvas()
        return self.elapsed() > 2 and (not canvas.isDrawing() or self.elapsed() > 20)

    def save(self, widget, name):
        if not self.shots_dir:  # with a display: no screenshots unless asked
            return
        os.makedirs(self.shots_dir, exist_ok=True)
        name = name.replace(".png", f"{self.suffix}.png")
        path = os.path.join(self.shots_dir, name)
        image = widget.grab(self.content_rect(widget)).toImage()
        tmp = path + ".tmp"
        image.save(tmp, "PNG")
        width = image.width()
        while os.path.getsize(tmp) > MAX_PNG_BYTES and width > 400:
            width = int(width * 0.85)
            image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation).save(tmp, "PNG")
        os.replace(tmp, path)
        self.result["screenshots"].append(os.path.abspath(path))
        self.note(f"saved {name} ({os.path.getsize(path) // 1024} KB, {width} px wide)")

    @staticmethod
    def content_rect(widget):
        """A dock down to the end of its content, not the empty column below it."""
        rect = widget.rect()
        if isinstance(widget, QDockWidget) and widget.widget() is not None:
            body = widget.widget()
            content = body.widget() if isinstance(body, QScrollArea) else body
            bottom = body.geometry().top() + content.sizeHint().height() + 8
            rect.setHeight(min(rect.height(), bottom))
        return rect

    def take_screenshots(self):
        self.save(iface.mainWindow(), "qgis-window.png")
        dock = self.account_dock()
        if dock is not None and dock.isVisible():
            self.save(dock, "demo-account-panel.png")
        return True

    def shoot_processing(self):
        """The plugin's Processing side: its toolbox group and the search algorithm's dialog."""
        import processing
        toolbox = iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox")
        if toolbox is not None:
            toolbox.show()
            toolbox.raise_()
            search_box = getattr(toolbox, "searchBox", None)
            if search_box is not None:
                search_box.setText("DINAMIS")
            QgsApplication.processEvents()
            self.save(toolbox, "demo-processing-toolbox.png")
            if search_box is not None:
                search_box.clear()
            toolbox.hide()
        dialog = processing.createAlgorithmDialog("dinamis:searchcatalogue",
                                                  self.search_params("TEMPORARY_OUTPUT"))
        if dialog is not None:
            dialog.resize(900, 640)
            dialog.show()
            QgsApplication.processEvents()
            self.save(dialog, "demo-processing-search.png")
            dialog.close()
        return True

    def shoot_other_docks(self):
        """Any other panel the plugin has (a checkable "Dinamis...Action" toggles a dock):
        open it, grab it as demo-<dock name>.png, put it back as it was."""
        known = {ACCOUNT_ACTION, "DinamisSettingsAction", CATALOGUE_ACTION}
        window = iface.mainWindow()
        before = {d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible()}
        toggled = []
        for action in window.findChildren(QAction):
            name = action.objectName()
            if name.startswith("Dinamis") and name not in known and action.isCheckable():
                if not action.isChecked():
                    action.trigger()
                    toggled.append(action)
        QgsApplication.processEvents()
        for dock in window.findChildren(QDockWidget):
            name = dock.objectName()
            if name.startswith("Dinamis") and name not in (ACCOUNT_DOCK, CATALOGUE_DOCK) \
                    and dock.isVisible():
                short = name[len("Dinamis"):].replace("Dock", "").lower() or "dock"
                self.save(dock, f"demo-{short}-panel.png")
        for action in toggled:
            action.trigger()
        for dock in window.findChildren(QDockWidget):
            if dock.objectName().startswith("Dinamis") and dock.objectName() not in before:
                dock.hide()
        return True

    # --- the catalogue dock: a search done, footprints, quicklooks, timeline ----------
    def catalogue_dock(self):
        return iface.mainWindow().findChild(QDockWidget, CATALOGUE_DOCK)

    def open_catalogue(self):
        """As a person would: the "DINAMIS catalogue" action, then wait for the
        collections to be listed. The account panel goes below it (tabbed)."""
        dock = self.catalogue_dock()
        if dock is None or not dock.isVisible():
            if not getattr(self, "catalogue_asked", False):  # once, however late the tick
                self.catalogue_asked = True
                action = iface.mainWindow().findChild(QAction, CATALOGUE_ACTION)
                if action is None:
                    self.error(f"no QAction {CATALOGUE_ACTION} in the main window")
                    self.skip_catalogue()
                    return True
                action.trigger()
            if self.elapsed() > 10:
                self.error(f"the dock {CATALOGUE_DOCK} did not appear")
                self.skip_catalogue()
                return True
            return False
        if not dock.collections_loaded and self.elapsed() < 30:
            return False
        account = self.account_dock()
        if account is not None:
            iface.mainWindow().tabifyDockWidget(account, dock)
        dock.raise_()
        iface.mainWindow().resizeDocks([dock], [CATALOGUE_WIDTH], Qt.Orientation.Horizontal)
        self.note("catalogue dock open, collections listed")
        return True

    def skip_catalogue(self):
        for step in (self.search_catalogue, self.wait_for_catalogue, self.shoot_catalogue,
                     self.shoot_quicklook_viewer, self.place_quicklooks,
                     self.wait_for_quicklooks, self.shoot_quicklooks_on_map):
            if step in self.steps:
                self.steps.remove(step)

    def search_catalogue(self):
        """A search as a person would set it: an area drawn over the south of France, at
        most 50 % of clouds, newest first; the dock's layer replaces the Processing
        footprints."""
        from dinamis.qgis_glue.search_area import rectangle_area, wgs84
        dock = self.catalogue_dock()
        for other in QgsProject.instance().mapLayersByName(self.footprints_name()):
            if other.customProperty("dinamis/footprints") is None:  # the dock makes its own
                QgsProject.instance().removeMapLayer(other.id())
        dock.set_aoi(rectangle_area(QgsRectangle(*SEARCH_AREA), wgs84()))
        dock.form.cloud.setValue(50)
        dock.search_button.click()
        self.note("catalogue search started from the dock")
        return True

    def wait_for_catalogue(self):
        dock = self.catalogue_dock()
        search = dock.search
        timeline_done = bool(dock.timeline.bars()) or dock.timeline._note
        if search is not None and not search.running and timeline_done and self.elapsed() > 1:
            crs = QgsCoordinateReferenceSystem(MAP_CRS)
            to_map = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs,
                                            QgsProject.instance())
            area = to_map.transformBoundingBox(QgsRectangle(*SEARCH_AREA))
            iface.mapCanvas().setExtent(area.buffered(area.width() * 0.15))
            iface.mapCanvas().refresh()
            dock.results.scrollToTop()
            rows = [r for r in range(len(search.items)) if search.groups.get(search.item_id(r))]
            if rows:  # a stereo group selected: list and map show it together
                group = search.groups[search.item_id(rows[0])]
                dock.map_link.select_rows(search.group_members(group))
            self.note(f"catalogue search done: {search.matched} matched, {len(search.items)} "
                      f"footprints on the map, {len(rows)} images in stereo groups")
            return True
        if self.elapsed() > 60:
            self.error(f"the catalogue search did not finish in 60 s: {dock.error_label.text()}")
            self.skip_catalogue()
            return True
        return False

    def shoot_catalogue(self):
        dock = self.catalogue_dock()
        if dock.loader.pending() and self.elapsed() < 15:
            return False  # thumbnails still arriving
        self.save(iface.mainWindow(), "demo-catalogue-window.png")
        self.save(dock, "demo-catalogue-dock.png")
        return True

    def shoot_quicklook_viewer(self):
        dock = self.catalogue_dock()
        if dock._viewer is None:
            dock.show_quicklook(dock.results.row_at_position(0))
            return False
        viewer = dock._viewer
        if viewer.picture.pixmap() is None or viewer.picture.pixmap().isNull():
            if self.elapsed() < 15:
                return False
        self.save(viewer, "demo-quicklook.png")
        viewer.close()
        return True

    def place_quicklooks(self):
        """"Quicklook on map" for a few neighbouring results (around the first one in the
        list), as the context menu does for a selection."""
        dock = self.catalogue_dock()
        search = dock.search
        first = dock.results.row_at_position(0)

        def centre(row):
            box = dock.layer.getFeature(search.fids[row]).geometry().boundingBox()
            return box.center()
        origin = centre(first)
        near = sorted(range(len(search.items)), key=lambda r: centre(r).sqrDist(origin))
        rows = near[:4]
        self.quicklook_layers = []
        dock.result_actions.quicklook_layers_added.connect(self.quicklook_layers.extend)
        dock.result_actions.quicklooks_on_map([dock.search.items[r] for r in rows if r >= 0])
        return True

    def wait_for_quicklooks(self):
        if not self.quicklook_layers and self.elapsed() < 30:
            return False
        if not self.quicklook_layers:
            self.error("no quicklook was placed on the map in 30 s")
            return True
        extent = None
        canvas = iface.mapCanvas()
        for layer in self.quicklook_layers:
            box = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(),
                                         QgsProject.instance()).transformBoundingBox(
                                             layer.extent())
            if extent is None:
                extent = box
            else:
                extent.combineExtentWith(box)
        canvas.setExtent(extent.buffered(max(extent.width(), extent.height()) * 0.25))
        canvas.refresh()
        self.note(f"{len(self.quicklook_layers)} quicklooks placed on their footprints")
        return True

    def shoot_quicklooks_on_map(self):
        self.save(iface.mainWindow(), "demo-quicklooks-on-map.png")
        return True

    # --- signed COGs streamed into the map, through the plugin's own glue ----------------
    def find_streamable_items(self):
        """In a thread, as network work should be: search, sign (the plugin's login, shared
        with the console API) and keep the items whose file the object store really serves:
        one for a natural-colour layer, and a stereo triplet (same footprint) for a mosaic."""
        controller = self.controller()
        if controller is None or controller.state != "logged_in":
            self.note("not logged in: no image streamed")
            for step in self.streaming_steps():
                self.steps.remove(step)
            return True

        def work():
            try:
                import dinamis
                items = [i for i in dinamis.search(availability="downloadable",
                                                   max_items=300).items()
                         if "src_xs" in i.assets]
                signed = dinamis.sign(items)
                served = []
                for item, signed_item in zip(items, signed):
                    probe = requests.get(signed_item.assets["src_xs"].href, timeout=10,
                                         headers={"Range": "bytes=0-15"})
                    if probe.status_code in (200, 206):
                        served.append(item.to_dict(transform_hrefs=False))
                if not served:
                    self.streamable = "no downloadable item has a file in the object store"
                    return
                by_place = {}
                for item in served:
                    by_place.setdefault(tuple(item.get("bbox") or ()), []).append(item)
                triplet = max(by_place.values(), key=len)
                single = next((i for i in served if i not in triplet), served[0])
                self.streamable = (single, triplet)
            except Exception as exc:  # noqa: BLE001 - DinamisError messages hold no secret
                self.streamable = f"{type(exc).__name__}: {exc}"

        threading.Thread(target=work, daemon=True).start()
        return True

    def streaming_steps(self):
        return [step for step in self.steps if step.__name__ in (
            "wait_for_streamable_items", "add_single_image", "add_mosaic", "wait_for_layers",
            "shoot_streamed_image", "shoot_streamed_mosaic", "shoot_layer_metadata")]

    def wait_for_streamable_items(self):
        if self.streamable is None and self.elapsed() < 60:
            return False
        if not isinstance(self.streamable, tuple):
            self.error(f"no image to stream: {self.streamable or 'timed out'}")
            for step in self.streaming_steps():
                self.steps.remove(step)
        return True

    def add_streamed(self, items, mosaic):
        """The plugin's "add to map": signed, natural colour, named, re-signed."""
        from dinamis.qgis_glue.stream_layers import add_items_to_map
        self.added = None

        def done(result):
            self.added = result.layers
            for problem in result.problems:
                self.error(problem)

        add_items_to_map(items, self.controller().signer(), assets=["src_xs"], mosaic=mosaic,
                         on_done=done, on_error=lambda message: self.error(message))

    def add_single_image(self):
        single, _triplet = self.streamable
        self.add_streamed([single], mosaic=False)
        return True

    def add_mosaic(self):
        _single, triplet = self.streamable
        self.add_streamed(triplet, mosaic=True)
        return True

    def wait_for_layers(self):
        if self.added is None and self.elapsed() < 60:
            return False
        if not self.added:
            self.error("the streamed layers did not come")
            return True
        layer = self.added[0]
        canvas = iface.mapCanvas()
        QgsProject.instance().setCrs(layer.crs())  # the image in its own projection
        canvas.setDestinationCrs(layer.crs())
        canvas.setExtent(layer.extent().buffered(layer.extent().width() * 0.15))
        root = QgsProject.instance().layerTreeRoot()
        for other in QgsProject.instance().mapLayers().values():
            node = root.findLayer(other.id())
            if node is not None:  # the image alone, unveiled (footprints and earlier images)
                node.setItemVisibilityChecked(other.id() == layer.id())
        iface.setActiveLayer(layer)
        canvas.refresh()
        self.note(f"streaming {layer.name()} from the object store through signed urls")
        return True

    def shoot_streamed_image(self):
        self.save(iface.mainWindow(), "demo-streamed-cog.png")
        return True

    def shoot_streamed_mosaic(self):
        self.save(iface.mainWindow(), "demo-streamed-mosaic.png")
        return True

    def shoot_layer_metadata(self):
        """The streamed layer's QGIS metadata (access with the licence, links: unsigned
        hrefs, contacts, extent, then identification with the STAC properties), formatted
        as QGIS's Information page formats it."""
        from qgis.core import QgsLayerMetadataFormatter
        from qgis.PyQt.QtWidgets import QTextBrowser
        layer = iface.activeLayer()
        if layer is None:
            return True
        formatter = QgsLayerMetadataFormatter(layer.metadata())
        view = QTextBrowser()
        view.setHtml("".join([
            "<h1>", layer.name(), "</h1>",
            "<h2>Access</h2>", formatter.accessSectionHtml(),
            "<h2>Links</h2>", formatter.linksSectionHtml(),
            "<h2>Contacts</h2>", formatter.contactsSectionHtml(),
            "<h2>Extent</h2>", formatter.extentSectionHtml(),
            "<h2>Identification</h2>", formatter.identificationSectionHtml(),
            "<h2>History</h2>", formatter.historySectionHtml()]))
        view.resize(900, 1100)
        view.show()
        QgsApplication.processEvents()
        self.save(view, "demo-streamed-metadata.png")
        view.close()
        return True

    def shoot_failure(self):
        """What QGIS showed, for the person debugging: beside the logs, not in screenshots/."""
        folder = os.environ.get("DINAMIS_DEMO_LOGS", "")
        if folder:
            path = os.path.join(folder, "failed-window.png")
            iface.mainWindow().grab().save(path, "PNG")
            self.note(f"the window at the failure: {path}")
        return True

    def shoot_settings(self):
        """The settings dialog, shown without its modal loop so the demo goes on."""
        from dinamis.gui.settings_dialog import SettingsDialog
        dialog = SettingsDialog(iface.mainWindow())
        dialog.show()
        QgsApplication.processEvents()
        self.save(dialog, "demo-settings.png")
        dialog.reject()
        return True

    def finish(self):
        if self.result_path:
            with open(self.result_path, "w", encoding="utf-8") as f:
                json.dump(self.result, f, indent=2)
        if self.quit:
            self.note("headless demo: quitting QGIS")
            # QGIS 3.22 can crash tearing down a project with layers (layer tree signals
            # into destroyed docks): leave it empty, and clean, before closing.
            QgsProject.instance().clear()
            QgsProject.instance().setDirty(False)
            QTimer.singleShot(0, iface.mainWindow().close)
            QTimer.singleShot(10_000, lambda: QgsApplication.exit(0))
        return True


def load_requests_demo(demo):
    """The requests steps, from scripts/demo_requests.py (demo.sh names the folder)."""
    folder = os.environ.get("DINAMIS_DEMO_SCRIPTS", "")
    path = os.path.join(folder, "demo_requests.py")
    if not folder or not os.path.exists(path):
        return None
    import importlib.util
    spec = importlib.util.spec_from_file_location("dinamis_demo_requests", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.RequestsDemo(demo)


def print_errors_instead_of_dialogs():
    """Headless, nobody can close QGIS's modal "Python error" dialog (a plugin failing to
    load shows one before this script's second pass runs): print the trace instead."""
    def print_stack(type_, value, tb, msg, pop_error=True):
        print(f"dinamis-demo: Python error (dialog not shown, headless): {msg}", flush=True)
        traceback.print_exception(type_, value, tb)
    qgis.utils.open_stack_dialog = print_stack


unlock_throwaway_auth_db()
if os.environ.get("DINAMIS_DEMO_QUIT", "1") == "1":
    print_errors_instead_of_dialogs()
if qgis.utils.iface is not None:  # the --code pass, QGIS is up
    _dinamis_demo = Demo()
    _dinamis_demo.timer.start()
