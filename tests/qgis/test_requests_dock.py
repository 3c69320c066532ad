"""The requests dock end to end against the reference server: projects, a programming
request drawn on the map with its live estimate confirmed by DINAMIS, filed once even
when the connection drops, followed through its lifecycle (moved by the operator) with
its messages, and what accounts or deployments that cannot file are told."""
import uuid

import pytest
from qgis.core import QgsGeometry, QgsProject
from qgis.PyQt.QtCore import Qt

from dinamis.core.demands import DemandClient
from tests.core.conftest import login_as
from tests.qgis.conftest import wait_until
from tests.qgis.requests_helpers import (HERAULT_L93, draw_polygon, grab, log_in,
                                         service_ready, show_lambert_93)

REQUESTS_PATH = "/demands/api/v1/requests"


@pytest.fixture(scope="module")
def oscar(reference_server):
    return DemandClient.for_session(login_as(reference_server, "oscar"))


@pytest.fixture
def service(controller, tmp_path):
    from dinamis.qgis_glue.demand_service import DemandService
    svc = DemandService(controller, state_base=tmp_path / "state", poll_interval_s=0.5,
                        quote_delay_ms=150)
    yield svc
    svc.shutdown()


@pytest.fixture
def dock(service, qgis_iface):
    from dinamis.gui.requests_dock import RequestsDock
    show_lambert_93(qgis_iface.mapCanvas())
    widget = RequestsDock(service, qgis_iface, qgis_iface.mainWindow())
    widget.resize(460, 900)
    widget.show()
    yield widget
    widget.dispose()
    widget.close()
    widget.deleteLater()
    for layer in list(QgsProject.instance().mapLayers().values()):
        QgsProject.instance().removeMapLayer(layer.id())


def logged_in(dock, server, username):
    log_in(dock.service.controller, server, username)
    assert wait_until(lambda: service_ready(dock.service), 30), dock.service.error


def new_project(dock, title):
    projects = dock.projects
    projects.new_project()
    projects.title_edit.setText(title)
    projects.themes_edit.setText("agriculture, viticulture")
    projects.description_edit.setPlainText("Vineyard monitoring in the Hérault.")
    projects.science_edits["objectives"].setPlainText("Map vine rows.")
    projects.science_edits["methodology"].setPlainText("Stereo DSM and NDVI.")
    projects.science_edits["expected_results"].setPlainText("A vine map.")
    projects.publications_edit.setPlainText("Doe 2024\nRoe 2025")
    projects.save_button.click()
    assert wait_until(lambda: projects.project is not None
                      and projects.project.title == title, 20), projects.error_label.text()
    return projects.project


def test_unsaved_project_text_is_never_dropped_without_asking(server, dock):
    logged_in(dock, server, "alice")
    saved = new_project(dock, "Saved " + uuid.uuid4().hex[:4])
    projects = dock.projects
    projects.new_project()
    projects.title_edit.setText("Half-typed wetlands project")
    projects.science_edits["methodology"].setPlainText("Three paragraphs of methodology…")
    asked = []
    projects.confirm = lambda question: asked.append(question) or False  # "No, keep them"
    def click_saved():
        projects.list.setCurrentItem(next(
            projects.list.item(i) for i in range(projects.list.count())
            if projects.list.item(i).data(Qt.ItemDataRole.UserRole) == saved.id))
    click_saved()  # a click on another project
    dock.form.new_project_button.click()  # "New project…" from the request form
    assert len(asked) == 2 and "not saved" in asked[0]
    assert projects.title_edit.text() == "Half-typed wetlands project"
    assert projects.science_edits["methodology"].toPlainText().startswith("Three paragraphs")
    projects.confirm = lambda question: True  # "Yes, discard"
    click_saved()
    assert projects.title_edit.text() == saved.title



def filed_by_alice(dock, server, title, *areas_km2):
    """alice's SPOT requests filed through the API (not the form), then in the list."""
    from tests.reference_server_tests._demands_client import programming, square_of_km2
    logged_in(dock, server, "alice")
    project = new_project(dock, f"{title} {uuid.uuid4().hex[:4]}")
    alice = DemandClient.for_session(dock.service.controller.session)
    filed = [alice.submit({**programming("spot-6-7", square_of_km2(km2)),
                           "project_id": project.id}, uuid.uuid4().hex).request
             for km2 in areas_km2]
    dock.service.refresh()
    assert wait_until(lambda: all(dock.requests.request(r.id) for r in filed), 20)
    return filed


def programming_draft(dock, project, sensor="pleiades"):
    form = dock.form
    dock.tabs.setCurrentWidget(form)
    form.new_draft()
    form.project_combo.setCurrentIndex(form.project_combo.findData(project.id))
    form.sensor_combo.setCurrentIndex(form.sensor_combo.findData(sensor))
    form._edited()
    return form


def test_a_programming_request_from_drawing_to_delivery(server, dock, oscar, qgis_iface):
    logged_in(dock, server, "alice")
    project = new_project(dock, "Hérault vineyards " + uuid.uuid4().hex[:4])
    dock.tabs.setCurrentWidget(dock.projects)
    grab(dock, "requests-dock-project.png")
    assert project.id.endswith("-SCI") and project.prior_publications == ("Doe 2024", "Roe 2025")

    # Pléiades Neo: accepting consumes a free quota that no other test counts on
    form = programming_draft(dock, project, sensor="pleiades-neo")
    panel = form.area
    areas = []
    draw_polygon(panel, HERAULT_L93,
                 check_each=lambda n: areas.append(panel.area_value.text()))
    assert areas[:2] == ["—", "—"] and all("km²" in a for a in areas[2:])  # at every vertex
    assert len(set(areas[2:])) == 3  # the area grows with each vertex
    assert panel.check.sendable and 900 < panel.check.area_km2 < 980
    assert "EPSG:2154" in "".join(p.message for p in panel.check.problems)
    assert wait_until(lambda: "Confirmed by DINAMIS" in panel.server_label.text(), 20), \
        panel.server_label.text()
    grab(dock, "requests-dock-programming.png")

    form.submit_button.click()
    assert wait_until(lambda: "Filed as" in form.result_label.text(), 30), \
        form.result_label.text()
    requests = dock.requests
    assert dock.tabs.currentWidget() is requests
    request_id = requests.selected_id
    assert request_id and dock.service.requests[-1].status == "submitted"
    assert form.draft.aoi is None  # a fresh draft for the next request

    changes = []
    dock.service.status_changed.connect(lambda c: changes.append((c.old_status,
                                                                   c.new_status)))
    oscar.transition(request_id, "under_instruction")
    oscar.post_message(request_id, "Is a stereo acquisition acceptable?")
    oscar.transition(request_id, "accepted")
    assert wait_until(lambda: ("under_instruction", "accepted") in changes
                      or ("submitted", "accepted") in changes, 20), changes
    requests.select(request_id)
    assert wait_until(lambda: "stereo acquisition" in requests.thread_view.toPlainText(), 20)
    assert "Accepted" in requests.status_label.text()

    requests.reply_edit.setPlainText("Yes, stereo is fine.")
    requests.send_button.click()
    assert wait_until(lambda: "stereo is fine" in requests.thread_view.toPlainText(), 20)
    assert [m.text for m in oscar.messages(request_id)][-1] == "Yes, stereo is fine."
    grab(dock, "requests-dock-thread.png")

    searches = []
    dock.catalogue_search_requested.connect(searches.append)
    for to in ("in_production", "delivered"):
        oscar.transition(request_id, to)
    assert wait_until(lambda: ("in_production", "delivered") in changes
                      or ("accepted", "delivered") in changes, 20), changes
    assert wait_until(lambda: requests.catalogue_button.isVisibleTo(requests), 10)
    requests.catalogue_button.click()
    params = searches[-1]
    assert params.availability == "downloadable" and params.geometry["type"] == "Polygon"
    assert params.start == dock.service.requests[-1].period["start"]


def test_the_form_shows_what_the_draft_holds_and_picks_no_project_silently(server, dock):
    logged_in(dock, server, "alice")
    for title in ("First", "Second"):
        new_project(dock, f"{title} {uuid.uuid4().hex[:4]}")
    form = dock.form
    dock.tabs.setCurrentWidget(form)
    form.new_draft()
    assert form.project_combo.currentData() == "" == form.draft.project_id
    assert form.project_combo.currentText() == "Choose a project…"
    assert form.blocker_label.text() == "Choose a project (or create one)."
    assert form.draft.sensor and form.draft.sensor == form.sensor_combo.currentData()
    assert "left for" in form.area.free_value.text()  # the quota, before any area


def test_a_draft_whose_period_has_begun_is_told_before_filing(server, dock):
    from qgis.PyQt.QtCore import QDate
    logged_in(dock, server, "alice")
    form = programming_draft(dock, new_project(dock, "Late " + uuid.uuid4().hex[:4]))
    draw_polygon(form.area, HERAULT_L93)
    assert form.submit_button.isEnabled()
    form.start_edit.setDate(QDate.currentDate().addDays(-3))  # a draft reopened weeks later
    assert "starts in the past" in form.blocker_label.text()
    assert not form.submit_button.isEnabled()
    form.start_edit.setDate(QDate.currentDate())
    assert form.submit_button.isEnabled(), form.blocker_label.text()


def test_choices_not_listed_yet_are_kept_while_the_user_edits(server, controller, tmp_path,
                                                               qgis_iface):
    from dinamis.core.demand_drafts import RequestDraft
    from dinamis.gui.requests_dock import RequestsDock
    from dinamis.qgis_glue.demand_service import DemandService
    server.set_faults(latency_ms=1500, paths=["/demands/api/v1/options"])  # a slow server
    service = DemandService(controller, state_base=tmp_path / "state")
    service.drafts.save(RequestDraft(mode="tristereo",
                                     production_options={"pixel_coding": "16bits"}))
    dock = RequestsDock(service, qgis_iface, qgis_iface.mainWindow())
    try:
        assert service.options is None  # not read yet
        form = dock.form
        assert form.mode_combo.currentData() == "tristereo"
        form.note_edit.setPlainText("typed before the options came")
        assert form.draft.mode == "tristereo"
        assert form.draft.production_options == {"pixel_coding": "16bits"}
        assert wait_until(lambda: service.options is not None, 20)
        assert form.production_combos["pixel_coding"].currentData() == "16bits"
        assert form.draft.mode == "tristereo" and form.draft.note.startswith("typed")
    finally:
        server.clear_faults()
        dock.dispose()
        dock.deleteLater()
        service.shutdown()


# About 6,000 km² of the Hérault and the Gard in Lambert-93: beyond any free Pléiades quota.
LARGE_L93 = [(700000, 6245000), (745000, 6232000), (790000, 6250000), (792000, 6300000),
             (748000, 6318000), (705000, 6298000)]


def test_filing_asks_about_the_price_dinamis_quotes_not_a_stale_local_one(server, dock):
    from dataclasses import replace
    logged_in(dock, server, "alice")
    form = programming_draft(dock, new_project(dock, "Price " + uuid.uuid4().hex[:4]))
    service = dock.service
    service.quotas["pleiades"] = replace(service.quotas["pleiades"], remaining_km2=1e6)
    form.refresh()  # a quota read before requests of alice's were accepted elsewhere
    draw_polygon(form.area, LARGE_L93)
    assert form.area.estimate.price_eur == 0  # what the stale figures say
    assert wait_until(lambda: "DINAMIS computes" in form.area.server_label.text(), 20)
    questions = []
    form.confirm = lambda question: questions.append(question) or False  # "No"
    form.submit_button.click()
    assert questions and "will be charged" in questions[0]
    assert not form.submitting and form.draft.pending_submit is None  # nothing sent


def test_the_quota_shown_follows_a_request_accepted_in_the_background(server, dock, oscar):
    filed, = filed_by_alice(dock, server, "Quota", 120)
    service = dock.service
    before = service.quotas["spot-6-7"].remaining_km2
    oscar.transition(filed.id, "under_instruction")
    oscar.transition(filed.id, "accepted")  # the free quota now holds it
    assert wait_until(lambda: service.quotas["spot-6-7"].remaining_km2
                      == pytest.approx(before - 120, abs=0.02), 20)


def test_a_dropped_answer_after_the_commit_still_files_one_request(server, dock):
    logged_in(dock, server, "alice")
    project = new_project(dock, "Drop " + uuid.uuid4().hex[:4])
    form = programming_draft(dock, project, sensor="spot-6-7")
    form.note_edit.setPlainText("drop " + uuid.uuid4().hex)
    draw_polygon(form.area, HERAULT_L93)
    assert form.submit_button.isEnabled(), form.blocker_label.text()
    server.set_faults(drop_next=1, paths=[REQUESTS_PATH])
    form.submit_button.click()
    assert wait_until(lambda: "Filed as" in form.result_label.text(), 30), \
        form.result_label.text()
    assert "it exists once" in form.result_label.text()
    note = dock.service.requests[-1].note
    client = DemandClient.for_session(dock.service.controller.session)
    assert len([r for r in client.requests() if r.note == note]) == 1


def test_an_unanswered_submit_locks_the_form_until_retried_with_the_same_key(server, dock):
    logged_in(dock, server, "alice")
    project = new_project(dock, "Retry " + uuid.uuid4().hex[:4])
    form = programming_draft(dock, project, sensor="spot-6-7")
    note = "retry " + uuid.uuid4().hex
    form.note_edit.setPlainText(note)
    draw_polygon(form.area, HERAULT_L93)
    server.set_faults(fail_next=50, error_status=503, retry_after=0, paths=[REQUESTS_PATH])
    form.submit_button.click()
    assert wait_until(lambda: not form.submitting, 60)
    assert "will not file it twice" in form.result_label.text()
    assert form.submit_button.text() == "Retry filing the request"
    assert not form.note_edit.isEnabled() and not form.area.isEnabled()  # the body is frozen
    key = form.draft.pending_submit["key"]
    assert dock.service.drafts.current().pending_submit["key"] == key  # kept on disk too
    server.clear_faults()
    form.submit_button.click()
    assert wait_until(lambda: "Filed as" in form.result_label.text(), 30)
    client = DemandClient.for_session(dock.service.controller.session)
    assert len([r for r in client.requests() if r.note == note]) == 1


def test_filing_waits_for_the_disk_off_the_ui_thread(server, dock, monkeypatch):
    """The key is on disk before the request leaves, and the UI thread never waits for
    the disk to say so."""
    import json
    import threading
    from dinamis.core.local_files import BackgroundWriter
    logged_in(dock, server, "alice")
    form = programming_draft(dock, new_project(dock, "Disk " + uuid.uuid4().hex[:4]),
                             sensor="spot-6-7")
    draw_polygon(form.area, HERAULT_L93)
    store_file = dock.service.drafts.path
    flushes = []
    flush = BackgroundWriter.flush

    def watched(writer, timeout=10.0):
        done = flush(writer, timeout)
        pending = json.loads(store_file.read_text())["drafts"][form.draft.id]["pending_submit"]
        flushes.append((threading.current_thread() is threading.main_thread(), pending))
        return done
    monkeypatch.setattr(BackgroundWriter, "flush", watched)
    form.submit_button.click()
    assert wait_until(lambda: "Filed as" in form.result_label.text(), 30), \
        form.result_label.text()
    assert flushes and not any(on_ui for on_ui, _pending in flushes)
    assert flushes[0][1]["key"].startswith("dinamis-qgis-")  # on disk before it was sent


def test_an_answer_after_a_logout_still_unlocks_the_form(server, dock):
    logged_in(dock, server, "alice")
    form = programming_draft(dock, new_project(dock, "Logout " + uuid.uuid4().hex[:4]),
                             sensor="spot-6-7")
    draw_polygon(form.area, HERAULT_L93)
    server.set_faults(latency_ms=1500, paths=[REQUESTS_PATH])
    try:
        form.submit_button.click()
        assert form.submitting
        dock.service.controller.logout()  # while DINAMIS takes its time
        assert wait_until(lambda: not form.submitting, 30)
    finally:
        server.clear_faults()
    # the logout ended the login before DINAMIS read the request: refused, nothing filed,
    # and the draft is there as it was, to file after logging in again
    assert "credentials" in form.result_label.text()
    assert form.draft.aoi is not None and form.draft.pending_submit is None
    assert form.submit_button.text() == "Submit the request"


def test_another_profile_shows_its_own_drafts_and_requests(server, dock):
    from dinamis.core.profiles import DINAMIS
    logged_in(dock, server, "alice")
    form = programming_draft(dock, new_project(dock, "Switch " + uuid.uuid4().hex[:4]),
                             sensor="spot-6-7")
    form.note_edit.setPlainText("local draft")
    draw_polygon(form.area, HERAULT_L93)
    form.submit_button.click()
    assert wait_until(lambda: "Filed as" in form.result_label.text(), 30)
    requests = dock.requests
    assert requests.selected_id and requests.thread_view.toPlainText()
    requests.reply_edit.setPlainText("half-typed")
    form.note_edit.setPlainText("local draft")
    local_draft = form.draft.id
    controller = dock.service.controller
    local = controller.profile.name
    controller.set_profile(DINAMIS.name)
    assert wait_until(lambda: not dock.service.available, 5)
    assert form.draft.id != local_draft and form.note_edit.toPlainText() == ""
    assert local_draft not in [form.drafts_combo.itemData(i)
                               for i in range(form.drafts_combo.count())]
    assert requests.selected_id is None and requests.thread_view.toPlainText() == ""
    assert not requests.reply_edit.isEnabled()
    controller.set_profile(local)
    assert wait_until(lambda: dock.service.available, 5)
    assert form.draft.id == local_draft and form.note_edit.toPlainText() == "local draft"


def test_each_request_keeps_its_unsent_reply_and_the_thread_shows_its_end(server, dock,
                                                                          oscar):
    first, second = filed_by_alice(dock, server, "Replies", 200, 201)
    for i in range(25):
        oscar.post_message(first.id, f"Question {i} about the cloud cover of the scene.")
    requests = dock.requests
    dock.setFloating(True)  # shown for real (the test's main window is not)
    dock.resize(460, 900)
    dock.show_request(first.id)
    assert wait_until(lambda: "Question 24" in requests.thread_view.toPlainText(), 20)
    bar = requests.thread_view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == bar.maximum()  # the latest message shows
    requests.reply_edit.setPlainText("Answer for the first")
    requests.select(second.id)
    assert requests.reply_edit.toPlainText() == ""
    requests.reply_edit.setPlainText("Answer for the second")
    requests.select(first.id)
    assert requests.reply_edit.toPlainText() == "Answer for the first"
    from qgis.PyQt.QtTest import QTest
    dock.activateWindow()
    requests.reply_edit.setFocus()
    QTest.keyClick(requests.reply_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not requests.send_button.isEnabled()  # sent from the keyboard, on its way
    requests.select(second.id)  # while the first reply is on its way
    assert requests.reply_edit.toPlainText() == "Answer for the second"
    assert wait_until(lambda: oscar.messages(first.id)[-1].text == "Answer for the first", 20)
    assert requests.reply_edit.toPlainText() == "Answer for the second"


@pytest.mark.parametrize("username, words", [
    ("paul", "awaiting validation by your entity's DINAMIS referent"),
    ("eve", "has expired"),
])
def test_an_account_that_may_not_file_is_told_why(server, dock, username, words):
    log_in(dock.service.controller, server, username)
    form = dock.form
    dock.tabs.setCurrentWidget(form)
    assert wait_until(lambda: dock.service.options is not None, 20)
    draw_polygon(form.area, HERAULT_L93)
    assert words in form.blocker_label.text()
    assert not form.submit_button.isEnabled()
    grab(dock, f"requests-dock-{username}.png")


def test_the_status_shown_is_the_newest_heard_of(server, dock, oscar):
    filed, = filed_by_alice(dock, server, "Newest", 140)
    requests = dock.requests
    dock.show_request(filed.id)
    assert wait_until(lambda: requests.thread_request is not None, 20)  # read: submitted
    oscar.transition(filed.id, "under_instruction")
    server.set_faults(latency_ms=3000, paths=[f"/demands/api/v1/requests/{filed.id}"])
    try:
        dock.service.poll()  # the list says it moved; the thread is read again, slowly
        assert wait_until(lambda: "Under instruction" in requests.status_label.text(), 2.5)
    finally:
        server.clear_faults()
        assert wait_until(lambda: dock.service.runner.running() == 0, 20)


def test_withdrawing_a_request_is_asked_first(server, dock, oscar):
    filed, = filed_by_alice(dock, server, "Withdraw", 150)
    requests = dock.requests
    requests.select(filed.id)
    questions = []
    requests.confirm = lambda question: questions.append(question) or False  # "No"
    requests.withdraw_button.click()
    assert filed.id in questions[0] and "cannot be undone" in questions[0]
    dock.service.poll()
    assert wait_until(lambda: dock.service.runner.running() == 0, 20)
    assert oscar.request(filed.id).status == "submitted"
    requests.confirm = lambda question: True  # "Yes"
    requests.withdraw_button.click()
    assert wait_until(lambda: oscar.request(filed.id).status == "withdrawn", 20)


def test_a_referent_sees_the_entitys_requests_with_their_owner(server, dock, oscar):
    alice = DemandClient.for_session(login_as(server, "alice"))
    project = alice.create_project({
        "title": "Alice's", "start_date": "2026-01-01", "end_date": "2026-12-31",
        "description": "d", "objectives": "o", "methodology": "m", "expected_results": "e"})
    from tests.reference_server_tests._demands_client import programming, square_of_km2
    filed = alice.submit({**programming("spot-6-7", square_of_km2(300)),
                          "project_id": project.id}, uuid.uuid4().hex).request
    logged_in(dock, server, "remi")
    requests = dock.requests
    requests.update_list()
    owners = {requests.tree.topLevelItem(i).text(0): requests.tree.topLevelItem(i).text(5)
              for i in range(requests.tree.topLevelItemCount())}
    assert owners.get(filed.id) == "alice"
    assert not requests.tree.isColumnHidden(5)
    assert "referent" in dock.header.text()
    requests.select(filed.id)
    assert not requests.withdraw_button.isVisibleTo(requests)  # reads, does not act for alice


def test_stale_quotes_are_dropped_and_the_ui_keeps_running(server, dock):
    logged_in(dock, server, "alice")
    project = new_project(dock, "Stale " + uuid.uuid4().hex[:4])
    form = programming_draft(dock, project)
    draw_polygon(form.area, HERAULT_L93)
    assert wait_until(lambda: "Confirmed" in form.area.server_label.text(), 20)
    server.set_faults(latency_ms=800, paths=["/demands/api/v1/requests/quote"])
    service = dock.service
    dropped, sent = service.stale_quotes_dropped, service.quotes_sent
    seen = []
    service.quote_ready.connect(seen.append)
    form.cloud_spin.setValue(11)  # a quote leaves after 150 ms and takes 800 ms...
    assert wait_until(lambda: service.quotes_sent > sent, 5)
    form.cloud_spin.setValue(12)  # ...while the user changes something else
    assert wait_until(lambda: service.stale_quotes_dropped > dropped and seen, 20)
    assert len(seen) == 1  # only the answer to the latest body reached the form
    assert service.quotes_sent == sent + 2


def test_the_quote_line_never_shows_stale_words(server, dock, tmp_path):
    logged_in(dock, server, "alice")
    form = programming_draft(dock, new_project(dock, "Words " + uuid.uuid4().hex[:4]))
    panel = form.area
    draw_polygon(panel, HERAULT_L93)
    assert wait_until(lambda: "Confirmed by DINAMIS" in panel.server_label.text(), 20)
    confirmed = panel.server_label.text()
    dock.service.refresh()  # what the background poll does: nothing changed
    assert wait_until(lambda: not dock.service.loading, 20)
    assert panel.server_label.text() == confirmed
    panel.import_file(str(tmp_path / "missing.gpkg"))
    assert wait_until(lambda: "Cannot read" in panel.server_label.text(), 10)
    panel.set_area(QgsGeometry.fromWkt("POLYGON((3 43, 3.3 43.3, 3.3 43, 3 43.3, 3 43))"))
    assert panel.server_label.text() == ""  # neither the old error nor a quote
    panel.undo()
    assert wait_until(lambda: panel.server_label.text() == confirmed, 20)


def test_editing_vertices_updates_the_estimate_at_each_vertex(server, dock):
    logged_in(dock, server, "alice")
    panel = dock.form.area
    draw_polygon(panel, HERAULT_L93)
    before = panel.check.area_km2
    layer = panel.layer.layer()
    panel.toggle_vertex_editing()
    assert layer.isEditable()
    feature = next(layer.getFeatures())
    vertex = feature.geometry().vertexAt(1)
    seen = []
    for step in range(1, 4):  # what QGIS's vertex tool does when a vertex is dragged
        layer.beginEditCommand("Move vertex")
        layer.moveVertex(vertex.x() + 0.05 * step, vertex.y(), feature.id(), 1)
        layer.endEditCommand()
        seen.append(panel.check.area_km2)
    assert len(set(seen)) == 3 and all(a != before for a in seen)
    assert dock.form.draft.aoi["coordinates"][0][1][0] == pytest.approx(vertex.x() + 0.15)
    layer.undoStack().undo()
    assert panel.check.area_km2 == pytest.approx(seen[1])
    panel.toggle_vertex_editing()
    assert not layer.isEditable()


def test_after_drawing_the_map_tool_is_given_back_and_qgis_can_return_to_it(dock,
                                                                            qgis_iface):
    """QGIS goes back to the last non-editing map tool when vertex editing stops, through a
    plain pointer: a drawing tool the panel had deleted there crashed QGIS 3.22."""
    from qgis.gui import QgsMapTool, QgsMapToolPan
    from qgis.PyQt import sip
    from qgis.PyQt.QtCore import QCoreApplication, QEvent
    canvas = qgis_iface.mapCanvas()
    pan = QgsMapToolPan(canvas)
    canvas.setMapTool(pan)
    non_editing = []  # what QgisApp remembers

    def remember(tool, _old):
        if tool is not None and not tool.flags() & QgsMapTool.Flag.EditTool:
            non_editing.append(tool)
    canvas.mapToolSet.connect(remember)
    panel = dock.form.area
    draw_polygon(panel, HERAULT_L93)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert canvas.mapTool() is pan  # the user's tool is back
    assert not panel.polygon_button.isChecked() and panel.tool is None
    assert not sip.isdeleted(non_editing[-1])
    canvas.setMapTool(non_editing[-1])  # what QGIS does when editing stops: no crash
    draw_polygon(panel, HERAULT_L93[:4])  # and drawing again works
    assert panel.check.vertices == 5 and canvas.mapTool() is pan
    canvas.mapToolSet.disconnect(remember)
    canvas.unsetMapTool(pan)


def test_new_drafts_do_not_pile_up_but_a_draft_with_words_stays(dock):
    form = dock.form
    form.new_draft()
    form.note_edit.setPlainText("keep me")
    kept = form.draft.id
    for _ in range(3):
        form.new_draft()
    ids = [form.drafts_combo.itemData(i) for i in range(form.drafts_combo.count())]
    assert len(ids) == 2 and kept in ids and form.draft.id in ids
    assert {d.id for d in dock.service.drafts.drafts()} == set(ids)
    form.load_draft(dock.service.drafts.get(kept))
    questions = []
    form.confirm = lambda question: questions.append(question) or False  # "No"
    form.delete_draft_button.click()
    assert questions and dock.service.drafts.get(kept) is not None
    assert form.note_edit.toPlainText() == "keep me"
    form.confirm = lambda question: True
    form.delete_draft_button.click()
    assert dock.service.drafts.get(kept) is None


def test_the_area_layer_joins_the_project_with_the_first_area(dock):
    from dinamis.qgis_glue.aoi_layer import LAYER_PROPERTY

    def area_layers():
        return [layer for layer in QgsProject.instance().mapLayers().values()
                if layer.customProperty(LAYER_PROPERTY)]
    dock.form.new_draft()
    dock.form.area.clear()
    assert area_layers() == []  # opening the panel adds nothing to the project
    draw_polygon(dock.form.area, HERAULT_L93)
    assert len(area_layers()) == 1 and area_layers()[0].featureCount() == 1


def test_a_bad_area_keeps_the_drawing_and_offers_the_fix(server, dock):
    logged_in(dock, server, "alice")
    programming_draft(dock, new_project(dock, "Bow tie " + uuid.uuid4().hex[:4]))
    panel = dock.form.area
    bow_tie = QgsGeometry.fromWkt("POLYGON((3 43, 3.3 43.3, 3.3 43, 3 43.3, 3 43))")
    panel.set_area(bow_tie, None, "test")
    assert not panel.check.sendable and "crosses itself" in dock.form.blocker_label.text()
    drawn = dock.form.draft.aoi
    assert drawn["coordinates"][0][1] == [3.3, 43.3]  # the draft keeps it as drawn
    buttons = panel.fix_buttons()
    buttons["repair"].click()
    assert panel.check.sendable and panel.check.parts == 2
    panel.undo()
    assert panel.geometry().asWkt(1) == bow_tie.asWkt(1)


def test_an_archive_request_from_an_orderable_catalogue_item(server, dock):
    from tests.reference_server_tests._demands_client import catalogue_items
    logged_in(dock, server, "alice")
    project = new_project(dock, "Archive " + uuid.uuid4().hex[:4])
    item = catalogue_items(server, "orderable", limit=5)[0]
    dock.request_archive(item["id"])  # what the catalogue dock's button calls
    form = dock.form
    assert wait_until(lambda: form.draft.item_id == item["id"] and form.draft.aoi, 20)
    assert form.archive_radio.isChecked() and form.draft.sensor
    assert "Footprint of" in form.area.source_label.text()
    form.project_combo.setCurrentIndex(form.project_combo.findData(project.id))
    form._edited()
    assert wait_until(lambda: "DINAMIS" in form.area.server_label.text()
                      and "…" not in form.area.server_label.text(), 20)
    form.confirm = lambda _question: True
    form.submit_button.click()
    assert wait_until(lambda: "Filed as" in form.result_label.text(), 30), \
        form.result_label.text()
    filed = dock.service.requests[-1]
    assert filed.kind == "archive" and filed.item_id == item["id"]


def test_an_archive_image_is_read_before_it_can_be_ordered(server, dock):
    from qgis.PyQt.QtCore import Qt as QtKeys
    from qgis.PyQt.QtTest import QTest
    from tests.reference_server_tests._demands_client import catalogue_items
    logged_in(dock, server, "alice")
    project = new_project(dock, "Typed " + uuid.uuid4().hex[:4])
    first, second = catalogue_items(server, "orderable", limit=5)[:2]
    dock.request_archive(first["id"])
    form = dock.form
    assert wait_until(lambda: form.draft.item_id == first["id"] and form.draft.aoi, 20)
    form.project_combo.setCurrentIndex(form.project_combo.findData(project.id))
    form._edited()
    assert form.submit_button.isEnabled(), form.blocker_label.text()
    form.item_edit.clear()
    QTest.keyClicks(form.item_edit, second["id"])  # another image, typed
    assert dock.service.drafts.get(form.draft.id).item_id == second["id"]  # kept at once
    assert form.area.geometry().isEmpty()  # not the first image's footprint any more
    assert "Press Find" in form.blocker_label.text() and not form.submit_button.isEnabled()
    QTest.keyClick(form.item_edit, QtKeys.Key.Key_Return)  # Find, from the keyboard
    assert wait_until(lambda: form.draft.aoi and "Footprint of " + second["id"]
                      == form.area.source_label.text(), 20)
    assert form.submit_button.isEnabled(), form.blocker_label.text()


def test_an_image_read_for_a_draft_left_meanwhile_stays_out_of_the_next(server, dock,
                                                                         monkeypatch):
    from dinamis.core.errors import DinamisError
    from tests.reference_server_tests._demands_client import catalogue_items
    logged_in(dock, server, "alice")
    item = catalogue_items(server, "orderable", limit=1)[0]
    form = dock.form
    server.set_faults(latency_ms=1000, paths=["/stac/search"])
    try:
        dock.request_archive(item["id"])
        form.new_draft("archive")  # the user moves on before the catalogue answers
        other = form.draft
        assert wait_until(lambda: dock.service.runner.running() == 0, 20)
    finally:
        server.clear_faults()
    assert form.draft is other and not other.aoi and not other.item_label

    def broken():
        raise DinamisError("No session: check the proxy settings.")
    monkeypatch.setattr(dock.service.controller, "ensure_session", broken)
    dock.request_archive(item["id"])  # told in words, no traceback
    assert form.item_label.text() == "No session: check the proxy settings."


def test_without_a_demand_api_the_dock_helps_and_pretends_nothing(dock, isolated_settings,
                                                                  tmp_path, qgis_iface):
    from dinamis.core.profiles import DINAMIS
    controller = dock.service.controller
    controller.set_profile(DINAMIS.name)
    assert wait_until(lambda: not dock.service.available, 5)
    form = dock.form
    dock.tabs.setCurrentWidget(form)
    assert form.web_box.isVisibleTo(form) and not form.submit_button.isVisibleTo(form)
    assert "nothing is sent from here" in form.web_label.text()
    assert form.project_combo.currentText() == "Projects are kept on the DINAMIS website"
    assert form.sensor_combo.currentText() == "Chosen in the DINAMIS web form"
    draw_polygon(form.area, HERAULT_L93)
    assert 900 < form.area.check.area_km2 < 980  # the area is still computed here
    grab(dock, "requests-dock-no-api.png")
    opened = []
    form.open_url = opened.append
    form.web_open_button.click()
    assert opened == [DINAMIS.demands_web_url]
    from dinamis.qgis_glue import aoi_files
    for suffix in (".geojson", ".kml", ".zip"):
        written = form.area.export_file(str(tmp_path / f"area{suffix}"))
        geometry, crs = aoi_files.from_file(written)
        check = form.area.checker.check(form.area.checker.to_wgs84(geometry, crs))
        assert check.area_km2 == pytest.approx(form.area.check.area_km2, rel=1e-6), suffix


def test_a_request_sent_back_for_changes_is_edited_and_submitted_again(server, dock, oscar):
    logged_in(dock, server, "alice")
    project = new_project(dock, "Changes " + uuid.uuid4().hex[:4])
    form = programming_draft(dock, project, sensor="spot-6-7")
    draw_polygon(form.area, HERAULT_L93)
    form.submit_button.click()
    assert wait_until(lambda: "Filed as" in form.result_label.text(), 30)
    request_id = dock.requests.selected_id
    oscar.transition(request_id, "under_instruction")
    oscar.transition(request_id, "changes_requested", "Please make it smaller.")
    requests = dock.requests
    assert wait_until(lambda: requests.request() is not None
                      and requests.request().status == "changes_requested", 20)
    requests.select(request_id)
    assert wait_until(lambda: "make it smaller" in requests.thread_view.toPlainText(), 20)
    assert requests.edit_button.isVisibleTo(requests)
    requests.edit_button.click()
    assert dock.tabs.currentWidget() is form and form.draft.edits_request == request_id
    assert form.area.check.area_km2 == pytest.approx(937.3, abs=0.1)  # the filed area, back
    assert not form.project_combo.isEnabled()
    assert form.submit_button.text() == "Send the changes and submit again"
    draw_polygon(form.area, HERAULT_L93[:4])  # a smaller area
    smaller = form.area.check.area_km2
    form.submit_button.click()
    assert wait_until(lambda: "submitted again" in form.result_label.text(), 30), \
        form.result_label.text()
    resubmitted = oscar.request(request_id)
    assert resubmitted.status == "submitted"
    assert resubmitted.area_km2 == pytest.approx(smaller, abs=0.01)


def test_the_area_from_selected_features_in_any_crs_or_from_a_file(dock, qgis_iface,
                                                                    tmp_path, monkeypatch):
    """Read off the UI thread: a layer's selection (maybe a database) and a file."""
    import threading
    from qgis.core import QgsFeature, QgsVectorLayer
    from dinamis.qgis_glue import aoi_files
    readers = []
    for name in ("read_selection", "from_file"):
        def watched(*args, _read=getattr(aoi_files, name), **kwargs):
            readers.append(threading.current_thread() is threading.main_thread())
            return _read(*args, **kwargs)
        monkeypatch.setattr(aoi_files, name, watched)
    panel = dock.form.area
    layer = QgsVectorLayer("Polygon?crs=EPSG:3857", "parcels", "memory")  # web mercator
    features = []
    for wkt in ("POLYGON((380000 5390000, 400000 5390000, 400000 5410000, 380000 5410000,"
                " 380000 5390000))",
                "POLYGON((420000 5390000, 440000 5390000, 440000 5410000, 420000 5410000,"
                " 420000 5390000))",
                "POLYGON((0 0, 1 0, 1 1, 0 0))"):
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    qgis_iface.setActiveLayer(layer)
    qgis_iface.activeLayer = lambda: layer  # the mock iface only records the id
    panel.take_selection()
    assert "No feature is selected" in panel.server_label.text()
    layer.selectByIds([f.id() for f in layer.getFeatures()][:2])
    panel.take_selection()
    assert 'Reading the selected features of "parcels"' in panel.server_label.text()
    assert wait_until(lambda: panel.source_label.text() == 'Selected features of "parcels"',
                      10)
    check = panel.check
    assert check.parts == 2 and "EPSG:3857" in "".join(p.message for p in check.problems)
    assert 'Selected features of "parcels"' == panel.source_label.text()
    # 2 × (20 km of web mercator at 43.5°N ≈ 14.5 km)²
    assert check.area_km2 == pytest.approx(2 * (20 * 0.7254) ** 2, rel=0.01)
    written = panel.export_file(str(tmp_path / "parcels.kml"))
    panel.clear()
    assert panel.geometry().isEmpty()
    panel.import_file(written)
    assert wait_until(lambda: panel.source_label.text() == "Imported from parcels.kml", 10)
    assert panel.check.area_km2 == pytest.approx(check.area_km2, rel=1e-6)
    assert readers == [False, False]  # both read by a task, never on the UI thread
    panel.undo()  # back to before the import: nothing
    assert panel.geometry().isEmpty()
    panel.undo()  # and before the Clear: the selection's area
    assert panel.check.area_km2 == pytest.approx(check.area_km2, rel=1e-9)
