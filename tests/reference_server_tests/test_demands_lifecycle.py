"""Requests from creation to closure: idempotent submits, the operator's instruction,
history, messages, refusals of illegal moves, account status, and persistence across a
server restart (real HTTP, session server)."""
import re
import uuid
from concurrent.futures import ThreadPoolExecutor

from ._demands_client import (call, catalogue_items, new_project, new_request, programming,
                              square_of_km2)
from .login import forget

REQUEST_ID = re.compile(r"^\d{4}-\d{3}-SCI-\d{4}-P-\d{3}-SPOT$")


def all_requests(server, user):
    items, offset = [], 0
    while True:
        page = call(server, "GET", "requests", user, params={"limit": 100, "offset": offset})
        items += page.json()["items"]
        offset += 100
        if offset >= page.json()["total"]:
            return items


def move(server, user, request_id, to, comment=""):
    return call(server, "POST", f"requests/{request_id}/transitions", user,
                json={"to": to, "comment": comment})


def test_retried_submit_with_the_same_idempotency_key_creates_one_request(server):
    project = new_project(server, "alice")
    body = {**programming("spot-6-7", square_of_km2(300)), "project_id": project}
    key = {"Idempotency-Key": uuid.uuid4().hex}
    first = call(server, "POST", "requests", "alice", json=body, headers=key)
    assert first.status_code == 201, first.text
    assert REQUEST_ID.match(first.json()["id"]), first.json()["id"]
    retries = [call(server, "POST", "requests", "alice", json=body, headers=key)
               for _ in range(2)]
    assert [r.status_code for r in retries] == [200, 200]
    assert {r.json()["id"] for r in retries} == {first.json()["id"]}
    in_project = [r["id"] for r in all_requests(server, "alice") if r["project_id"] == project]
    assert in_project == [first.json()["id"]]


def test_concurrent_submits_with_one_idempotency_key_create_one_request(server):
    project = new_project(server, "alice")
    body = {**programming("spot-6-7", square_of_km2(300)), "project_id": project}
    key = {"Idempotency-Key": uuid.uuid4().hex}
    call(server, "GET", "me", "alice")  # log in once, outside the threads
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(
            lambda _: call(server, "POST", "requests", "alice", json=body, headers=key),
            range(4)))
    assert sorted(r.status_code for r in answers) == [200, 200, 200, 201]
    assert len({r.json()["id"] for r in answers}) == 1


def test_same_idempotency_key_with_another_body_is_a_409_naming_the_field(server):
    project = new_project(server, "alice")
    body = {**programming("spot-6-7", square_of_km2(300)), "project_id": project}
    key = {"Idempotency-Key": uuid.uuid4().hex}
    assert call(server, "POST", "requests", "alice", json=body, headers=key).status_code == 201
    changed = {**body, "max_cloud_cover": 50}
    r = call(server, "POST", "requests", "alice", json=changed, headers=key)
    assert r.status_code == 409 and r.json()["field"] == "max_cloud_cover", r.text


def test_happy_path_through_instruction_with_history_and_messages(server):
    project = new_project(server, "alice")
    req = new_request(server, "alice", project, submit=False, sensor="spot-6-7")
    rid = req["id"]
    assert req["status"] == "draft"
    edited = call(server, "PATCH", f"requests/{rid}", "alice",
                  json={"aoi": square_of_km2(700), "mode": "stereo"})
    assert edited.status_code == 200, edited.text
    assert edited.json()["mode"] == "stereo"
    assert edited.json()["product_type"] == "SPOT 6/7 - Stereo - programming"
    assert abs(edited.json()["area_km2"] - 700) < 0.05
    assert move(server, "alice", rid, "submitted").status_code == 200
    posted = call(server, "POST", f"requests/{rid}/messages", "alice",
                  json={"text": "Could the acquisition happen before harvest?"})
    assert posted.status_code == 201 and posted.json()["author_role"] == "requester"
    for to, comment in (("under_instruction", ""), ("accepted", "Fits the programme."),
                        ("in_production", ""), ("delivered", "In the catalogue."),
                        ("closed", "")):
        r = move(server, "oscar", rid, to, comment)
        assert r.status_code == 200, r.text
        assert r.json()["status"] == to
    reply = call(server, "POST", f"requests/{rid}/messages", "oscar",
                 json={"text": "Acquired on the 12th."})
    assert reply.json()["author_role"] == "dinamis"
    final = call(server, "GET", f"requests/{rid}", "alice").json()
    steps = [(h["from"], h["to"], h["actor"]) for h in final["history"]]
    assert steps == [(None, "draft", "alice"), ("draft", "submitted", "alice"),
                     ("submitted", "under_instruction", "oscar"),
                     ("under_instruction", "accepted", "oscar"),
                     ("accepted", "in_production", "oscar"),
                     ("in_production", "delivered", "oscar"),
                     ("delivered", "closed", "oscar")]
    assert final["history"][3]["comment"] == "Fits the programme."
    assert all(h["at"].endswith("Z") for h in final["history"])
    thread = call(server, "GET", f"requests/{rid}/messages", "alice").json()
    assert [(m["author"], m["text"]) for m in thread["items"]] == [
        ("alice", "Could the acquisition happen before harvest?"),
        ("oscar", "Acquired on the 12th.")]


def test_accepted_requests_consume_the_free_quota(server):
    before = {q["sensor"]: q for q in call(server, "GET", "me/quotas", "chloe").json()["quotas"]}
    project = new_project(server, "chloe", science=False)
    rid = new_request(server, "chloe", project, sensor="pleiades-neo",
                      aoi=square_of_km2(400))["id"]
    for to in ("under_instruction", "accepted"):
        assert move(server, "oscar", rid, to).status_code == 200
    after = {q["sensor"]: q for q in call(server, "GET", "me/quotas", "chloe").json()["quotas"]}
    used = before["pleiades-neo"]["remaining_km2"] - after["pleiades-neo"]["remaining_km2"]
    assert abs(used - 400) < 0.05
    assert after["spot-6-7"]["remaining_km2"] == before["spot-6-7"]["remaining_km2"]


def test_illegal_transitions_are_409_with_the_reason(server):
    project = new_project(server, "alice")
    rid = new_request(server, "alice", project, sensor="spot-6-7")["id"]
    r = move(server, "oscar", rid, "delivered")
    assert r.status_code == 409
    assert r.json()["field"] == "to" and "submitted" in r.json()["reason"]
    assert "under_instruction" in r.json()["reason"]  # says what is allowed
    edit = call(server, "PATCH", f"requests/{rid}", "alice", json={"mode": "stereo"})
    assert edit.status_code == 409 and edit.json()["field"] == "status"
    assert move(server, "alice", rid, "withdrawn").status_code == 200
    assert move(server, "alice", rid, "submitted").status_code == 409  # final status


def test_only_the_operator_decides_and_only_the_requester_withdraws(server):
    project = new_project(server, "alice")
    rid = new_request(server, "alice", project, sensor="spot-6-7")["id"]
    r = move(server, "alice", rid, "under_instruction")
    assert r.status_code == 403 and "operator" in r.json()["reason"]
    assert move(server, "oscar", rid, "withdrawn").status_code == 403
    assert move(server, "oscar", rid, "under_instruction").status_code == 200
    r = move(server, "oscar", rid, "rejected")  # a rejection needs its explanation
    assert r.status_code == 400 and r.json()["field"] == "comment"
    r = move(server, "oscar", rid, "changes_requested", "Reduce the area please.")
    assert r.status_code == 200
    assert call(server, "PATCH", f"requests/{rid}", "alice",
                json={"aoi": square_of_km2(200)}).status_code == 200
    assert move(server, "alice", rid, "submitted").status_code == 200


def test_pending_account_cannot_create_and_is_told_why(server):
    r = call(server, "POST", "projects", "paul", json={
        "title": "T", "start_date": "2026-01-01", "end_date": "2026-12-31",
        "description": "D", "objectives": "O", "methodology": "M", "expected_results": "E"})
    assert r.status_code == 403
    assert r.json()["code"] == "account_pending"
    assert "awaiting validation" in r.json()["detail"]
    project = new_project(server, "alice")  # even in a project of his entity
    r = call(server, "POST", "requests", "paul", json={**programming(), "project_id": project})
    assert r.status_code == 403 and r.json()["code"] == "account_pending"


def test_requests_survive_a_server_restart(server):
    project = new_project(server, "alice")
    rid = new_request(server, "alice", project, sensor="spot-6-7")["id"]
    call(server, "POST", f"requests/{rid}/messages", "alice", json={"text": "Still there?"})
    server.restart()
    forget(server)
    again = call(server, "GET", f"requests/{rid}", "alice")
    assert again.status_code == 200 and again.json()["status"] == "submitted"
    assert call(server, "GET", f"projects/{project}", "alice").status_code == 200
    thread = call(server, "GET", f"requests/{rid}/messages", "alice").json()
    assert [m["text"] for m in thread["items"]] == ["Still there?"]
    next_project = new_project(server, "alice")  # sequences continue, never reused
    assert int(next_project.split("-")[1]) > int(project.split("-")[1])


def test_archive_request_from_an_orderable_item(server):
    item = catalogue_items(server, "orderable", limit=1)[0]
    project = new_project(server, "bruno", science=False)
    r = call(server, "POST", "requests", "bruno", json={
        "kind": "archive", "project_id": project, "item_id": item["id"],
        "production_options": {"processing_level": "primary", "pixel_coding": "16bits"}})
    assert r.status_code == 201, r.text
    req = r.json()
    assert re.match(r"^\d{4}-\d{3}-PUB-\d{4}-A-001-(PHR|PNEO|SPOT)$", req["id"]), req["id"]
    assert req["item_id"] == item["id"] and req["product_type"].endswith("- Mono - archive")
    assert req["production_options"] == {"processing_level": "primary",
                                         "image_format": "DIMAP_GeoTIFF",
                                         "radiometric_processing": "reflectance",
                                         "pixel_coding": "16bits"}
    assert req["area_km2"] >= 100
    assert req["eur_per_km2"] == (0.5 if req["sensor"] == "spot-6-7" else 1.4)  # public actor
