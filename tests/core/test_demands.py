"""The demand manager client over real HTTP against the reference server: reference data
from the server, projects, quotes, idempotent submits through dropped connections, the
lifecycle moved by the operator, the thread, accounts that may not submit."""
import uuid

import pytest

from dinamis.core import errors
from dinamis.core.demand_estimate import estimate
from dinamis.core.demand_watch import StatusWatcher
from dinamis.core.local_files import background_writer
from dinamis.core.demands import DemandClient, DemandsUnavailable, SubmissionUncertain
from tests.core.conftest import login_as
from tests.reference_server_tests._demands_client import (future_period, programming,
                                                          square_of_km2)

REQUESTS_PATH = "/demands/api/v1/requests"


@pytest.fixture(scope="module")
def clients(reference_server):
    """One logged-in client per demo user for the module (a device login takes a second)."""
    cache = {}

    def get(username):
        if username not in cache:
            session = login_as(reference_server, username)
            cache[username] = DemandClient.for_session(session)
        return cache[username]
    return get


def science_project(client, title="Vineyards"):
    return client.create_project({
        "title": title, "themes": ["agriculture"], "start_date": "2026-01-01",
        "end_date": "2027-12-31", "description": "Vineyard monitoring.",
        "objectives": "Map vine rows.", "methodology": "Stereo DSM.",
        "expected_results": "A vine map.", "prior_publications": ["Doe 2024"]})


def body_for(project, km2=300, sensor="spot-6-7", **extra):
    return {**programming(sensor, square_of_km2(km2)), "project_id": project.id, **extra}


def test_a_profile_without_demand_manager_says_so_in_words():
    with pytest.raises(DemandsUnavailable) as raised:
        DemandClient(http=None, demands_url=None, profile_name="DINAMIS")
    assert "DINAMIS web form" in str(raised.value) and "\"DINAMIS\"" in str(raised.value)


def test_options_rules_and_quotas_come_from_the_server(server, clients):
    alice = clients("alice")
    options = alice.options()
    assert {s.id for s in options.sensors} == {"pleiades", "pleiades-neo", "spot-6-7"}
    assert options.min_order_km2 == 100 and options.max_aoi_vertices == 10_000
    assert set(options.default_production_options()) == set(options.production_options)
    rules = alice.quota_rules()
    assert any(r.category == "scientific" and r.sensor == "pleiades" and r.free_km2 == 4500
               for r in rules)
    quotas = {q.sensor: q for q in alice.my_quotas()}
    assert quotas["pleiades"].free_km2 == 4500
    assert quotas["pleiades"].programming_eur_per_km2 == 1.0
    assert quotas["pleiades"].min_order_km2 == 100


def test_projects_are_created_listed_and_edited_with_their_science_fields(server, clients):
    alice = clients("alice")
    project = science_project(alice)
    assert project.id.endswith("-SCI") and project.objectives == "Map vine rows."
    assert project.id in {p.id for p in alice.projects()}
    edited = alice.edit_project(project.id, {"title": "Vineyards, revised",
                                             "prior_publications": ["Doe 2024", "Roe 2025"]})
    assert edited.title == "Vineyards, revised" and edited.methodology == "Stereo DSM."
    assert alice.project(project.id).prior_publications == ("Doe 2024", "Roe 2025")
    with pytest.raises(errors.InvalidRequest) as raised:
        alice.create_project({**project.fields(), "objectives": ""})
    assert raised.value.field == "objectives"


def test_local_estimate_splits_like_the_server_quote(server, clients):
    alice = clients("alice")
    quotas = {q.sensor: q for q in alice.my_quotas()}
    project = science_project(alice)
    for km2, sensor, kind in ((300, "spot-6-7", "programming"), (5200, "pleiades", "programming"),
                              (40000, "spot-6-7", "programming")):
        quote = alice.quote(body_for(project, km2, sensor))
        local = estimate(quote.area_km2, kind, quotas[sensor])
        assert (local.area_km2, local.quota_km2, local.paid_km2, local.price_eur) == (
            quote.area_km2, quote.quota_km2, quote.paid_km2, quote.price_eur)
        assert local.over_quota == quote.over_quota
    over = estimate(5200, "programming", quotas["pleiades"])
    assert over.warnings() and "exceeds your free quota of" in over.warnings()[0]
    assert estimate(60, "programming", quotas["pleiades"]).below_minimum


def test_a_submit_whose_answer_is_cut_after_the_commit_files_one_request(server, clients):
    alice = clients("alice")
    project = science_project(alice)
    body = body_for(project, note="dropped once " + uuid.uuid4().hex)
    server.set_faults(drop_next=1, paths=[REQUESTS_PATH])
    retried = []
    result = alice.submit(body, "k-" + uuid.uuid4().hex, backoff_s=0.05,
                          on_retry=lambda attempt, error: retried.append(type(error).__name__))
    assert retried == ["ServiceUnreachable"]  # the first answer was cut mid-body
    assert result.replayed and result.attempts == 2 and result.request.status == "submitted"
    mine = [r for r in alice.requests() if r.note == body["note"]]
    assert [r.id for r in mine] == [result.request.id]


def test_when_no_attempt_gets_an_answer_the_same_key_later_files_once(server, clients):
    alice = clients("alice")
    project = science_project(alice)
    body = body_for(project, note="uncertain " + uuid.uuid4().hex)
    key = "k-" + uuid.uuid4().hex
    server.set_faults(fail_next=20, error_status=503, retry_after=0, paths=[REQUESTS_PATH])
    with pytest.raises(SubmissionUncertain) as raised:
        alice.submit(body, key, attempts=2, backoff_s=0.01)
    assert "will not file it twice" in str(raised.value)
    server.clear_faults()
    first = alice.submit(body, key)
    again = alice.submit(body, key)
    assert not first.replayed and again.replayed and again.request.id == first.request.id
    assert [r.id for r in alice.requests() if r.note == body["note"]] == [first.request.id]


def test_an_invalid_body_is_refused_at_once_naming_the_field(server, clients):
    alice = clients("alice")
    project = science_project(alice)
    server.reset_counters()
    with pytest.raises(errors.InvalidRequest) as raised:
        alice.submit(body_for(project, km2=50), "k-" + uuid.uuid4().hex)
    assert raised.value.field == "aoi" and "100 km²" in str(raised.value)
    assert server.counters()["requests_by_path"][REQUESTS_PATH] == 1  # no retry of a 400


@pytest.mark.parametrize("username, words", [
    ("paul", "awaiting validation by your entity's DINAMIS referent"),
    ("eve", "has expired"),
])
def test_an_account_that_is_not_active_is_told_why_it_cannot_submit(server, clients,
                                                                   username, words):
    client = clients(username)
    body = {**programming("spot-6-7", square_of_km2(300)), "project_id": "2026-001-SCI"}
    with pytest.raises(errors.AccountNotActive) as raised:
        client.submit(body, "k-" + uuid.uuid4().hex)
    assert words in str(raised.value)


def test_the_operator_moves_a_request_and_the_watcher_notices_each_step(server, clients,
                                                                       tmp_path):
    alice, oscar = clients("alice"), clients("oscar")
    project = science_project(alice)
    filed = alice.submit(body_for(project, note="lifecycle"), "k-" + uuid.uuid4().hex).request
    watcher = StatusWatcher(tmp_path)
    assert watcher.update(alice.requests()) == []  # first sight: remembered silently
    seen = []
    for to, comment in (("under_instruction", ""), ("changes_requested", "Smaller area?"),):
        oscar.transition(filed.id, to, comment)
        seen += [(c.request.id, c.old_status, c.new_status)
                 for c in watcher.update(alice.requests())]
    assert seen == [(filed.id, "submitted", "under_instruction"),
                    (filed.id, "under_instruction", "changes_requested")]
    edited = alice.edit_request(filed.id, {"aoi": square_of_km2(250), "period": future_period()})
    assert edited.area_km2 == pytest.approx(250, abs=0.05)
    alice.transition(filed.id, "submitted")
    for to in ("under_instruction", "accepted", "in_production", "delivered"):
        oscar.transition(filed.id, to)
    assert background_writer().flush()
    restarted = StatusWatcher(tmp_path)  # QGIS restarted: the statuses seen were kept
    assert [(c.old_status, c.new_status) for c in restarted.update(alice.requests())
            if c.request.id == filed.id] == [("changes_requested", "delivered")]
    assert [e.to_status for e in alice.history(filed.id)] == [
        "draft", "submitted", "under_instruction", "changes_requested", "submitted",
        "under_instruction", "accepted", "in_production", "delivered"]
    alice.post_message(filed.id, "Thanks!")
    oscar.post_message(filed.id, "You are welcome.")
    thread = alice.messages(filed.id)
    assert [(m.author_role, m.text) for m in thread] == [
        ("requester", "Thanks!"), ("dinamis", "You are welcome.")]


def test_a_referent_sees_the_requests_of_the_entity(server, clients):
    alice, remi = clients("alice"), clients("remi")
    project = science_project(alice)
    filed = alice.submit(body_for(project), "k-" + uuid.uuid4().hex).request
    seen = {r.id: r for r in remi.requests()}
    assert filed.id in seen and seen[filed.id].owner == "alice"


def test_a_quote_cut_mid_answer_is_asked_again_but_a_message_is_never_sent_twice(server,
                                                                                  clients):
    alice = clients("alice")
    project = science_project(alice)
    server.set_faults(drop_next=1, paths=["/demands/api/v1/requests/quote"])
    assert alice.quote(body_for(project)).area_km2 == pytest.approx(300, abs=0.05)
    filed = alice.submit(body_for(project), "k-" + uuid.uuid4().hex).request
    server.set_faults(drop_next=1, paths=[f"/demands/api/v1/requests/{filed.id}/messages"])
    with pytest.raises(errors.ServiceUnreachable):
        alice.post_message(filed.id, "Only once, please.")
    server.clear_faults()
    assert [m.text for m in alice.messages(filed.id)] == ["Only once, please."]
