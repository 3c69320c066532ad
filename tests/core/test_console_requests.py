"""Requests for new imagery from the console API (`dinamis.projects()`, `draft`, `estimate`,
`submit`, `my_requests`, `follow`, `messages`, `reply`) against the reference server."""
import uuid

import pytest

import dinamis
from dinamis.core.demands import DemandClient, DemandsUnavailable
from dinamis.core.errors import DinamisError, LoginRequired
from dinamis.core.secrets import MemorySecretStore
from tests.core.conftest import login_as
from tests.core.test_console_api import approving, console  # noqa: F401 - a fixture
from tests.reference_server_tests._demands_client import band_cell_area_km2

AREA = (3.6, 43.5, 3.9, 43.7)  # west, south, east, north


@pytest.fixture
def alice(server, console):  # noqa: F811
    console.login(on_code=approving(server, "alice"))
    return console


def test_request_names_are_part_of_the_console_api():
    for name in ("projects", "new_project", "draft", "estimate", "submit", "my_requests",
                 "follow", "messages", "reply"):
        assert name in dinamis.api.__all__ and callable(getattr(dinamis, name))


def test_logged_out_calls_say_to_log_in(console):
    with pytest.raises(LoginRequired):
        console.projects()


def test_the_real_dinamis_has_no_demand_manager_and_says_so(console):
    console.use_profile("DINAMIS", secret_store=MemorySecretStore())
    with pytest.raises(DemandsUnavailable, match="web form"):
        console.my_requests()


def test_estimate_is_dinamis_own_quote(alice):
    quote = alice.estimate(AREA, sensor="spot-6-7")
    assert quote.area_km2 == pytest.approx(band_cell_area_km2(*AREA), rel=2e-4)
    assert quote.quota_km2 + quote.paid_km2 == pytest.approx(quote.area_km2, abs=0.02)


def test_draft_submit_follow_and_the_thread(server, alice):
    project = alice.new_project("Console " + uuid.uuid4().hex[:4], "2026-01-01", "2027-12-31",
                                "From a script.", themes=["coast"], objectives="o",
                                methodology="m", expected_results="e")
    assert project.id in {p.id for p in alice.projects()}
    note = "console " + uuid.uuid4().hex
    draft = alice.draft(project_id=project.id, sensor="spot-6-7", aoi=AREA, mode="stereo",
                        period=("2030-06-01", "2030-09-30"), note=note)
    server.set_faults(drop_next=1, paths=["/demands/api/v1/requests"])
    filed = alice.submit(draft)  # its answer was cut: retried with the same key
    assert filed.status == "submitted" and filed.mode == "stereo"
    assert [r.id for r in alice.my_requests() if r.note == note] == [filed.id]
    with pytest.raises(DinamisError, match="filed already as"):
        alice.submit(draft)
    watch = alice.follow(filed.id)
    oscar = DemandClient.for_session(login_as(server, "oscar"))
    oscar.transition(filed.id, "under_instruction")
    oscar.post_message(filed.id, "Stereo confirmed.")
    assert [(c.old_status, c.new_status) for c in watch.poll()] == [
        ("submitted", "under_instruction")]
    assert watch.poll() == []
    alice.reply(filed.id, "Thank you.")
    assert [m.text for m in alice.messages(filed.id)] == ["Stereo confirmed.", "Thank you."]
