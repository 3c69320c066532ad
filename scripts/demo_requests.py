"""The requests part of `make demo` (loaded by scripts/demo_startup.py inside QGIS).

As a person would: open "DINAMIS requests", draw a programming area over the Hérault on
the map (vertex by vertex, with the polygon tool) big enough to go beyond the free
Pléiades quota, so the live warning shows; file it; then DINAMIS's operator (the `oscar`
demo account, through the real device login and API) takes it under instruction and asks
a question, the plugin announces the change, and the requester answers in the thread.
Screenshots: demo-requests-programming, demo-requests-window, demo-requests-thread,
demo-requests-projects (with DEMO_LANG's suffix). The request is never accepted, so the
demo data's free quota stays whole from one demo to the next.
"""
import threading
import time

import requests
from qgis.core import QgsPointXY, QgsRectangle
from qgis.PyQt.QtWidgets import QAction
from qgis.utils import iface

PASSWORD = "dinamis"  # the public demo accounts' documented password
OIDC = "/realms/dinamis/protocol/openid-connect"
# About 5,300 km² of the Hérault and the Gard in Lambert-93: beyond alice's 4,500 km².
AREA_L93 = [(700000, 6245000), (745000, 6232000), (790000, 6250000), (792000, 6300000),
            (748000, 6318000), (705000, 6298000)]


def operator_token(url: str) -> str:
    """oscar's access token through the device flow, approved on the device page."""
    device = requests.post(f"{url}{OIDC}/auth/device", timeout=10,
                           data={"client_id": "gdal", "scope": "openid"}).json()
    requests.post(f"{url}/realms/dinamis/device", timeout=10, data={
        "user_code": device["user_code"], "username": "oscar", "password": PASSWORD,
        "action": "approve"})
    for _ in range(30):
        answer = requests.post(f"{url}{OIDC}/token", timeout=10, data={
            "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
            "client_id": "gdal", "device_code": device["device_code"]})
        if answer.ok:
            return answer.json()["access_token"]
        time.sleep(1)
    raise RuntimeError("the operator's login did not complete")


class RequestsDemo:
    def __init__(self, demo):
        self.demo = demo
        self.french = demo.french
        self.request_id = None
        self.operator_done = None

    def steps(self):
        return [self.open_dock, self.prepare, self.wait_for_estimate, self.shoot_programming,
                self.file, self.wait_filed, self.operator_asks, self.wait_operator,
                self.reply, self.wait_reply, self.shoot_thread, self.shoot_projects,
                self.close]

    # --- helpers ---------------------------------------------------------------------
    def dock(self):
        entry = getattr(self.demo.plugin(), "requests", None)
        return getattr(entry, "dock", None)

    def skip_rest(self, why):
        self.demo.error(f"requests demo: {why}")
        mine = set(self.steps()[1:])
        self.demo.steps[1:] = [s for s in self.demo.steps[1:] if s not in mine]
        return True

    # --- steps -----------------------------------------------------------------------
    def open_dock(self):
        account = self.demo.account_dock()
        if account is not None and account.isVisible():
            account.hide()  # the whole right column for the requests, as a person would
        if self.dock() is None or not self.dock().isVisible():
            if not getattr(self, "_asked", False):  # once (a busy first tick may come late)
                self._asked = True
                action = iface.mainWindow().findChild(QAction, "DinamisRequestsAction")
                if action is None:
                    return self.skip_rest("no DinamisRequestsAction")
                if not action.isChecked():
                    action.trigger()
            if self.demo.elapsed() > 10:
                return self.skip_rest("the requests dock did not open")
            return False
        service = self.dock().service
        if service.options is None or service.loading:
            return self.demo.elapsed() > 30 and self.skip_rest("no options from the server")
        return True

    def prepare(self):
        dock = self.dock()
        service, form = dock.service, dock.form
        if not service.projects:
            projects = dock.projects
            projects.new_project()
            projects.title_edit.setText("Vignobles de l'Hérault" if self.french
                                        else "Hérault vineyards")
            projects.themes_edit.setText("agriculture, viticulture")
            projects.description_edit.setPlainText(
                "Suivi des vignes par stéréo Pléiades." if self.french
                else "Vineyard monitoring with Pléiades stereo.")
            for name, text in (("objectives", "Map vine rows."),
                               ("methodology", "Stereo DSM and NDVI."),
                               ("expected_results", "A vine map.")):
                projects.science_edits[name].setPlainText(text)
            projects.save_button.click()
            if self.demo.elapsed() > 15:
                return self.skip_rest("could not create a project")
            return False
        dock.tabs.setCurrentWidget(form)
        form.new_draft()
        form.project_combo.setCurrentIndex(max(form.project_combo.findData(
            service.projects[0].id), 0))
        form.sensor_combo.setCurrentIndex(max(form.sensor_combo.findData("pleiades"), 0))
        form.mode_combo.setCurrentIndex(max(form.mode_combo.findData("stereo"), 0))
        form._edited()
        canvas = iface.mapCanvas()
        canvas.setExtent(QgsRectangle(660000, 6200000, 830000, 6350000))
        canvas.refresh()
        from dinamis.gui.aoi_tools import PolygonTool
        form.area.start_drawing(PolygonTool)
        for x, y in AREA_L93:  # a person clicking the vertices
            form.area.tool.add_vertex(QgsPointXY(x, y))
        form.area.tool.finish()
        self.demo.note(f"drew {form.area.check.area_km2:,.0f} km² on the map")
        return True

    def wait_for_estimate(self):
        label = self.dock().form.area.server_label.text()
        if ("DINAMIS" in label and "…" not in label) or self.demo.elapsed() > 20:
            return self.demo.elapsed() > 2  # and let the map draw the area
        return False

    def shoot_programming(self):
        dock = self.dock()
        self.demo.save(dock.widget(), "demo-requests-programming.png")  # all of it
        self.demo.save(iface.mainWindow(), "demo-requests-window.png")
        return True

    def file(self):
        form = self.dock().form
        form.confirm = lambda _question: True  # the person answers "Yes" to the price
        form.submit_button.click()
        return True

    def wait_filed(self):
        form = self.dock().form
        if form.submitting:
            return self.demo.elapsed() > 30 and self.skip_rest("filing did not finish")
        requests_tab = self.dock().requests
        self.request_id = requests_tab.selected_id
        if not self.request_id:
            return self.skip_rest(f"not filed: {form.result_label.text()}")
        self.demo.note(f"filed {self.request_id}")
        return True

    def operator_asks(self):
        """DINAMIS's side, from a thread: instruct the request and ask a question."""
        url, request_id, french = self.demo.url, self.request_id, self.french

        def work():
            try:
                headers = {"Authorization": "Bearer " + operator_token(url)}
                api = f"{url}/demands/api/v1/requests/{request_id}"
                requests.post(api + "/transitions", json={"to": "under_instruction"},
                              headers=headers, timeout=10).raise_for_status()
                question = ("Bonjour, une acquisition tri-stéréo vous serait-elle utile pour le "
                            "MNS ?" if french else "Hello, would a tri-stereo acquisition help "
                            "your DSM?")
                requests.post(api + "/messages", json={"text": question}, headers=headers,
                              timeout=10).raise_for_status()
                self.operator_done = True
            except Exception as exc:  # noqa: BLE001 - reported, the demo goes on
                self.operator_done = f"{type(exc).__name__}: {exc}"

        threading.Thread(target=work, daemon=True).start()
        return True

    def wait_operator(self):
        if self.operator_done is None:
            return self.demo.elapsed() > 40 and self.skip_rest("the operator did not answer")
        if self.operator_done is not True:
            return self.skip_rest(f"operator: {self.operator_done}")
        service = self.dock().service
        service.poll()  # what the background timer does every two minutes
        self.dock().show_request(self.request_id)
        return True

    def reply(self):
        requests_tab = self.dock().requests
        if "DINAMIS (oscar)" not in requests_tab.thread_view.toPlainText():
            return self.demo.elapsed() > 20 and self.skip_rest("the thread did not load")
        requests_tab.reply_edit.setPlainText(
            "Oui, volontiers : la tri-stéréo aidera sous les ombres des haies." if self.french
            else "Yes please: tri-stereo will help under the hedgerows' shadows.")
        requests_tab.send_button.click()
        return True

    def wait_reply(self):
        text = self.dock().requests.thread_view.toPlainText()
        done = "tri-stéréo aidera" in text or "tri-stereo will help" in text
        return done or self.demo.elapsed() > 20

    def shoot_thread(self):
        self.demo.save(self.dock().widget(), "demo-requests-thread.png")
        return True

    def shoot_projects(self):
        dock = self.dock()
        dock.tabs.setCurrentWidget(dock.projects)
        projects = dock.projects
        if dock.service.projects:
            projects.show_project(dock.service.projects[0])
        self.demo.save(dock.widget(), "demo-requests-projects.png")
        return True

    def close(self):
        dock = self.dock()
        if dock is not None:
            dock.form.area.clear()
            dock.hide()
        account = self.demo.account_dock()
        if account is not None:
            account.show()
        return True
