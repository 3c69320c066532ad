"""Local drafts: kept per profile, written atomically in the background, frozen on submit;
GeoJSON winding and vertex counts as the demand manager reads them."""
import json
import os

from dinamis.core.aoi_geojson import bounds, oriented, signed_ring_area, vertex_count
from dinamis.core.demand_drafts import DraftStore, RequestDraft
from dinamis.core.local_files import (BackgroundWriter, profile_folder, read_json,
                                      write_atomically)

SQUARE_CW = [[3, 43], [3, 44], [4, 44], [4, 43], [3, 43]]
HOLE_CCW = [[3.2, 43.2], [3.4, 43.2], [3.4, 43.4], [3.2, 43.4], [3.2, 43.2]]


def test_drafts_survive_a_new_store_on_the_same_folder(tmp_path):
    folder = profile_folder(tmp_path, "Local reference server")
    store = DraftStore(folder)
    draft = RequestDraft(sensor="pleiades", aoi={"type": "Polygon", "coordinates": [SQUARE_CW]},
                         note="Hérault vineyards")
    store.save(draft)
    other = RequestDraft(kind="archive", item_id="airbus-123")
    store.save(other, make_current=False)
    assert store.flush()
    reopened = DraftStore(folder)
    assert reopened.current().id == draft.id
    assert reopened.current().note == "Hérault vineyards"
    assert reopened.current().aoi == draft.aoi
    assert {d.id for d in reopened.drafts()} == {draft.id, other.id}
    reopened.delete(draft.id)
    assert reopened.flush() and DraftStore(folder).current() is None
    assert [p.name for p in folder.iterdir()] == ["drafts.json"]  # no temporary file left


def test_each_profile_has_its_own_folder(tmp_path):
    names = ["DINAMIS", "Local reference server", "local reference server", "Mine/../x"]
    folders = {profile_folder(tmp_path, n) for n in names}
    assert len(folders) == len(names)
    assert all(f.parent == tmp_path and ".." not in f.name for f in folders)


def test_an_unreadable_file_is_moved_aside_not_lost(tmp_path):
    path = tmp_path / "drafts.json"
    path.write_text("{not json", encoding="utf-8")
    assert read_json(path) is None
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("drafts.json.unreadable-")]
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == "{not json"
    assert DraftStore(tmp_path).drafts() == []


def test_atomic_write_replaces_whole_files_only(tmp_path):
    path = tmp_path / "a" / "state.json"
    write_atomically(path, json.dumps({"n": 1}))
    write_atomically(path, json.dumps({"n": 2}))
    assert read_json(path) == {"n": 2}
    assert os.listdir(path.parent) == ["state.json"]


def test_the_background_writer_keeps_only_the_latest_text(tmp_path):
    writer = BackgroundWriter()
    path = tmp_path / "x.json"
    for n in range(200):
        writer.write(path, json.dumps({"n": n}))
    assert writer.flush()
    assert read_json(path) == {"n": 199}


def test_a_frozen_submission_keeps_its_body_and_key_across_edits_and_restarts(tmp_path):
    store = DraftStore(tmp_path)
    draft = RequestDraft(sensor="spot-6-7", project_id="2026-001-SCI",
                         aoi={"type": "Polygon", "coordinates": [SQUARE_CW]})
    frozen = draft.freeze_submission(draft.body())
    store.save(draft)
    draft.note = "edited after pressing Submit"
    assert draft.freeze_submission(draft.body()) == frozen  # a second press sends the same
    store.save(draft)
    assert store.flush()
    reopened = DraftStore(tmp_path).current()
    assert reopened.pending_submit == frozen and "note" not in frozen["body"]


def test_bodies_of_programming_and_archive_drafts():
    programming = RequestDraft(sensor="pleiades", project_id="P", mode="stereo",
                               aoi={"type": "Polygon", "coordinates": [SQUARE_CW]},
                               production_options={"pixel_coding": "16bits"})
    body = programming.body(submit=False)
    assert body["kind"] == "programming" and body["sensor"] == "pleiades"
    assert body["period"] == {"start": programming.period_start, "end": programming.period_end}
    assert body["submit"] is False and body["production_options"] == {"pixel_coding": "16bits"}
    assert signed_ring_area(body["aoi"]["coordinates"][0]) > 0  # wound counter-clockwise
    archive = RequestDraft(kind="archive", item_id="airbus-1", project_id="P")
    body = archive.body()
    assert body == {"kind": "archive", "item_id": "airbus-1", "project_id": "P", "submit": True}


def test_rings_are_wound_as_rfc_7946_says():
    polygon = oriented({"type": "Polygon", "coordinates": [SQUARE_CW, HOLE_CCW]})
    shell, hole = polygon["coordinates"]
    assert signed_ring_area(shell) > 0 > signed_ring_area(hole)
    multi = oriented({"type": "Feature", "geometry": {
        "type": "MultiPolygon", "coordinates": [[SQUARE_CW], [HOLE_CCW]]}})
    assert [signed_ring_area(p[0]) > 0 for p in multi["coordinates"]] == [True, True]
    assert vertex_count(multi) == 10
    assert bounds(multi) == (3, 43, 4, 44)
