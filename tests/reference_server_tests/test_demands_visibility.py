"""Who sees which request: the requester their own, the entity's referent the entity's,
the operator all; another entity's request id is a 404, never a 403 (real HTTP)."""
from ._demands_client import call, new_project, new_request


def ids(server, user):
    seen, offset = set(), 0
    while True:
        page = call(server, "GET", "requests", user, params={"limit": 100, "offset": offset})
        assert page.status_code == 200, page.text
        seen |= {r["id"] for r in page.json()["items"]}
        offset += 100
        if offset >= page.json()["total"]:
            return seen


def test_visibility_of_requests_projects_and_threads(server):
    alice_project = new_project(server, "alice")
    alices = new_request(server, "alice", alice_project, sensor="spot-6-7")["id"]
    bruno_project = new_project(server, "bruno", science=False)
    brunos = new_request(server, "bruno", bruno_project, sensor="spot-6-7")["id"]

    assert alices in ids(server, "alice") and brunos not in ids(server, "alice")
    assert {alices} <= ids(server, "remi") and brunos not in ids(server, "remi")
    assert brunos in ids(server, "bruno") and alices not in ids(server, "bruno")
    assert {alices, brunos} <= ids(server, "oscar")

    for user in ("remi", "oscar"):
        assert call(server, "GET", f"requests/{alices}", user).status_code == 200
        assert call(server, "GET", f"projects/{alice_project}", user).status_code == 200
    for path in (f"requests/{alices}", f"requests/{alices}/messages",
                 f"requests/{alices}/history", f"projects/{alice_project}"):
        r = call(server, "GET", path, "bruno")
        assert r.status_code == 404, (path, r.status_code)
        assert r.json()["error"] == "not_found"
    r = call(server, "POST", f"requests/{alices}/messages", "bruno", json={"text": "hi"})
    assert r.status_code == 404
    r = call(server, "POST", f"requests/{alices}/transitions", "bruno", json={"to": "withdrawn"})
    assert r.status_code == 404
    # Another entity's project cannot carry one's requests either.
    r = call(server, "POST", "requests/quote", "bruno", json={"kind": "programming"})
    assert r.status_code == 400
    body = {"kind": "programming", "project_id": alice_project}
    r = call(server, "POST", "requests", "bruno", json=body)
    assert r.status_code == 400 and r.json()["field"] == "project_id"


def test_referent_reads_but_does_not_act_for_the_requester(server):
    project = new_project(server, "alice")
    rid = new_request(server, "alice", project, sensor="spot-6-7")["id"]
    r = call(server, "POST", f"requests/{rid}/transitions", "remi", json={"to": "withdrawn"})
    assert r.status_code == 403
    r = call(server, "POST", f"requests/{rid}/messages", "remi", json={"text": "Seen."})
    assert r.status_code == 201
