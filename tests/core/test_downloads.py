"""The core downloader against the reference server's object store: verified batches,
skips through the manifest, resumes with ranges, and every fault the store can inject
(500, 429, drops mid-body, stalls, corrupt bodies, expired signatures, a token expiring
mid-batch), cancelling, a full disk (parts on /dev/full) and a file too large for the file
system (a real file size limit in a subprocess)."""
import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from dinamis.core import downloads
from dinamis.core.download_manifest import MANIFEST_NAME
from dinamis.core.catalogue import Catalogue
from dinamis.core.download_plan import plan
from dinamis.core.downloads import DownloadRequest, Downloader
from dinamis.core.http import new_http_session
from dinamis.core.signer import Signer
from tests.core.conftest import login_as


def real_item_ids(server):
    """Ids of the items whose data files the server really has."""
    root = server.data_dir / "objects" / "dinamis-catalogue"
    return sorted({p.relative_to(root).parts[1] for p in root.rglob("*.tif")})


def originals(server, requests_):
    """{request path: the server's own file} for comparing bytes."""
    root = server.data_dir / "objects"
    return {r.path: root / r.href.split("/s3/", 1)[1] for r in requests_}


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture
def alice(server):
    return login_as(server, "alice")


def batch_for(server, session, folder, ids=None):
    ids = ids or real_item_ids(server)
    items = Catalogue(session.profile.stac_url, new_http_session()).items_by_id(ids)
    assert len(items) == len(ids)
    return plan(items, folder)


def downloader(session, **kwargs):
    return Downloader(new_http_session(retries=0),
                      Signer(session.http, session.profile.signing_url,
                             session.profile.is_storage_url), **kwargs)


def object_requests(server):
    return {p: n for p, n in server.counters()["requests_by_path"].items()
            if p.startswith("/s3/dinamis-catalogue/")}


def assert_all_intact(server, report, requests_):
    assert not report.failed, [r.reason for r in report.failed]
    for path, original in originals(server, requests_).items():
        assert sha256(path) == sha256(original), path
    assert not list(Path(requests_[0].path).parents[1].rglob("*.part"))


def test_batch_downloads_verifies_then_skips_without_fetching(server, alice, tmp_path):
    requests_ = batch_for(server, alice, tmp_path)
    assert len(requests_) == 2 * len(real_item_ids(server))
    assert all(r.checksum and r.size for r in requests_)
    seen = []
    report = downloader(alice, on_file_done=seen.append).run(requests_, tmp_path)
    assert [r.status for r in report.results] == [downloads.DOWNLOADED] * len(requests_)
    assert {r.checksum_status for r in report.results} == {downloads.VERIFIED}
    assert len(seen) == len(requests_)
    assert_all_intact(server, report, requests_)
    manifest = json.loads((tmp_path / MANIFEST_NAME).read_text())
    assert len(manifest["files"]) == len(requests_)
    assert "X-Amz-Signature" not in json.dumps(manifest)  # no signed url, ever

    server.reset_counters()
    again = downloader(alice).run(requests_, tmp_path)
    assert [r.status for r in again.results] == [downloads.SKIPPED] * len(requests_)
    assert {r.checksum_status for r in again.results} == {downloads.VERIFIED}
    assert object_requests(server) == {}


def test_a_damaged_local_file_is_fetched_again(server, alice, tmp_path):
    requests_ = batch_for(server, alice, tmp_path, real_item_ids(server)[:1])
    downloader(alice).run(requests_, tmp_path)
    damaged = Path(requests_[0].path)
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    (tmp_path / MANIFEST_NAME).unlink()  # no record: the file itself is checked
    report = downloader(alice).run(requests_, tmp_path)
    assert report.results[0].status == downloads.DOWNLOADED
    assert report.results[1].status == downloads.SKIPPED
    assert_all_intact(server, report, requests_)


def test_part_is_resumed_with_a_range(server, alice, tmp_path):
    requests_ = batch_for(server, alice, tmp_path, real_item_ids(server)[:1])[:1]
    original = originals(server, requests_)[requests_[0].path]
    part = Path(str(requests_[0].path) + ".part")
    part.parent.mkdir(parents=True)
    half = original.stat().st_size // 2
    part.write_bytes(original.read_bytes()[:half])
    server.reset_counters()
    report = downloader(alice).run(requests_, tmp_path)
    result = report.results[0]
    assert result.status == downloads.RESUMED and result.checksum_status == downloads.VERIFIED
    assert result.fetched == original.stat().st_size - half
    assert sha256(requests_[0].path) == sha256(original)


def test_twenty_percent_faults_every_file_arrives_intact(server, tmp_path, server_config):
    server_config(access_token_lifetime=3)  # the token expires mid-batch
    session = login_as(server, "alice")
    items = Catalogue(session.profile.stac_url, new_http_session()).items_by_id(
        real_item_ids(server))
    requests_ = [r for copy in range(3)  # every file three times, to draw more faults
                 for r in plan(items, tmp_path, pattern=f"copy{copy}/{{item}}/{{file}}")]
    # One of each for sure, then 20 % drawn at random among 500, 429, cuts and stalls.
    server.set_faults(fail_next=1, rate_limit_next=1, drop_next=1, stall_next=1,
                      error_rate=0.05, error_status=500, rate_limit_rate=0.05, drop_rate=0.05,
                      stall_rate=0.05, stall_ms=5000, retry_after=1, latency_ms=300,
                      paths=["/s3/dinamis-catalogue/"], seed=7)
    # Signatures of 2 s: the signer hands out urls with about 1 s left; the latency and
    # the retries make some expire on the way: 403, signed again, resumed.
    signer = Signer(session.http, session.profile.signing_url, session.profile.is_storage_url,
                    duration_seconds=2)
    report = Downloader(new_http_session(retries=0), signer, workers=3, stall_timeout=1,
                        chunk_size=64 << 10).run(requests_, tmp_path)
    server.clear_faults()
    counters = server.counters()
    print({k: v for k, v in counters.items() if not k.endswith("by_path")})
    for fault in ("error", "rate_limit", "drop", "stall"):
        assert counters.get(f"faults_{fault}", 0) >= 1, fault
    assert counters["refresh_grants"] >= 1
    assert counters.get("object_refused_expired", 0) >= 1
    assert_all_intact(server, report, requests_)


def test_a_file_served_corrupted_is_reported_not_kept(server, alice, tmp_path):
    requests_ = batch_for(server, alice, tmp_path, real_item_ids(server)[:1])
    damaged = requests_[0].href.split(server.base_url, 1)[1]
    server.set_faults(corrupt_rate=1, paths=[damaged])
    report = downloader(alice).run(requests_, tmp_path)
    bad, good = report.results
    assert bad.status == downloads.FAILED and bad.checksum_status == downloads.CORRUPT
    assert "checksum" in bad.reason
    assert not Path(bad.request.path).exists()
    assert not Path(str(bad.request.path) + ".part").exists()
    assert server.counters()["requests_by_path"][damaged] == 2  # fetched again once
    assert good.status == downloads.DOWNLOADED
    manifest = json.loads((tmp_path / MANIFEST_NAME).read_text())["files"]
    assert {e["status"] for e in manifest.values()} == {"failed", "downloaded"}
    server.clear_faults()  # the next run fetches only what failed
    server.reset_counters()
    again = downloader(alice).run(requests_, tmp_path)
    assert [r.status for r in again.results] == [downloads.DOWNLOADED, downloads.SKIPPED]
    assert set(object_requests(server)) == {damaged}


def test_cancel_stops_within_a_second_and_leaves_a_resumable_part(server, alice, tmp_path):
    requests_ = batch_for(server, alice, tmp_path, real_item_ids(server)[:1])
    # A slow network (8 KiB/s): every transfer is in the middle of its body when cancelled.
    server.set_faults(throttle_kbps=8, paths=["/s3/dinamis-catalogue/"])
    started, cancel = time.monotonic(), threading.Event()
    threading.Timer(1.5, cancel.set).start()
    report = downloader(alice).run(requests_, tmp_path, cancelled=cancel.is_set)
    assert time.monotonic() - started < 2.5
    assert report.cancelled and report.error is None
    assert {r.status for r in report.results} == {downloads.CANCELLED}
    parts = [Path(str(r.path) + ".part") for r in requests_]
    assert all(p.exists() and p.stat().st_size > 0 for p in parts)
    assert not any(Path(r.path).exists() for r in requests_)
    kept = sum(p.stat().st_size for p in parts)
    server.clear_faults()
    server.reset_counters()
    again = downloader(alice).run(requests_, tmp_path)
    assert [r.status for r in again.results] == [downloads.RESUMED] * 2
    assert again.fetched_bytes == sum(r.size for r in requests_) - kept
    assert_all_intact(server, again, requests_)


TOO_LARGE_SCRIPT = """
import resource, signal, sys
sys.path.insert(0, {build!r}); sys.path.insert(0, {root!r})
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # writes past the limit fail with EFBIG
from tests.core.conftest import login_as
from tests.server_process import ServerProcess
from tests.core import test_downloads as t
server = ServerProcess.__new__(ServerProcess)
server.base_url, server.data_dir = {base!r}, __import__("pathlib").Path({data!r})
session = login_as(server, "alice")
requests_ = t.batch_for(server, session, {folder!r})
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
report = t.downloader(session, workers=1).run(requests_, {folder!r})
print("STOPPED:", type(report.error).__name__)
for r in report.results:
    print("RESULT:", r.request.size, r.status, r.reason)
"""


def test_a_file_too_large_for_the_file_system_fails_alone_saying_why(server, tmp_path):
    """EFBIG (FAT32 stops at 4 GB) is a limit on one file, not a full disk: that file fails
    with a sentence saying what to do, and the batch goes on with the others. A real
    write error: a file size limit of a subprocess, set between two sizes of the batch."""
    root = Path(__file__).resolve().parents[2]
    sizes = sorted({r.size for r in batch_for(server, login_as(server, "alice"), tmp_path)})
    limit = sizes[len(sizes) // 2 - 1] + 1
    script = TOO_LARGE_SCRIPT.format(build=str(root / "build"), root=str(root), limit=limit,
                                     base=server.base_url, data=str(server.data_dir),
                                     folder=str(tmp_path / "images"))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert "STOPPED: NoneType" in lines
    results = [l.split(" ", 3)[1:] for l in lines if l.startswith("RESULT:")]
    too_large = [(status, reason) for size, status, reason in results if int(size) >= limit]
    fitting = [status for size, status, _ in results if int(size) < limit]
    assert too_large and fitting
    assert {status for status, _ in too_large} == {"failed"}
    assert all("4 GB" in reason and "exFAT" in reason for _, reason in too_large)
    assert set(fitting) == {"downloaded"}
    assert not list((tmp_path / "images").rglob("*.part"))  # no useless gigabytes left
    in_order = [status for _, status, _ in results]
    assert "downloaded" in in_order[in_order.index("failed"):]  # went on after it


def full_disk_batch(server, session, folder):
    """A batch whose parts are on a full disk: each part is a link to /dev/full, where
    every write fails with ENOSPC (the kernel's own, through the real calls)."""
    requests_ = batch_for(server, session, folder)
    for request in requests_:
        Path(request.path).parent.mkdir(parents=True, exist_ok=True)
        os.symlink("/dev/full", str(request.path) + downloads.PART_SUFFIX)
    return requests_


def test_a_full_disk_stops_the_batch_with_a_clear_error(server, alice, tmp_path):
    requests_ = full_disk_batch(server, alice, tmp_path)
    report = downloader(alice, workers=1).run(requests_, tmp_path)
    assert isinstance(report.error, downloads.DiskFull) and not report.cancelled
    assert "disk is full" in str(report.error)
    first, *others = report.results
    assert first.status == downloads.FAILED and "disk is full" in first.reason
    assert {r.status for r in others} == {downloads.CANCELLED}
    assert all(r.reason == str(report.error) for r in others)
    assert not list(tmp_path.rglob("*.tif"))  # nothing half-written under a final name


def test_only_the_file_that_found_the_disk_full_fails(server, alice, tmp_path):
    """Workers writing at once all meet the full disk; one file says so (failed), the
    others stopped with the batch (cancelled, the same reason). Two workers failing in
    the same instant is a race: several batches make it likely to show."""
    for attempt in range(6):
        folder = tmp_path / str(attempt)
        requests_ = full_disk_batch(server, alice, folder)
        report = downloader(alice, workers=len(requests_)).run(requests_, folder)
        assert isinstance(report.error, downloads.DiskFull)
        statuses = sorted(r.status for r in report.results)
        assert statuses == [downloads.CANCELLED] * (len(requests_) - 1) + [downloads.FAILED]
        assert {r.reason for r in report.results} == {str(report.error)}


def test_the_first_error_to_stop_a_batch_is_the_one_reported(tmp_path):
    """`_Batch.stop` tells its caller whether it stopped the batch: only that caller reports
    its file failed (the race above, without the timing)."""
    batch = downloads._Batch(Downloader(new_http_session()), [], tmp_path)
    full, again = downloads.DiskFull(tmp_path), downloads.DiskFull(tmp_path)
    assert batch.stop(full) is True
    assert batch.stop(again) is False and batch.error is full
    cancelled = downloads._Batch(Downloader(new_http_session()), [], tmp_path)
    cancelled.stop()
    assert cancelled.stop(full) is False and cancelled.error is None


def watch_renames(monkeypatch):
    """Events ("fsync", path) and ("rename", final path, source synced before) of the real
    os.fsync and os.replace calls from now on."""
    synced, events = set(), []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        real_fsync(fd)
        target = Path(os.readlink(f"/proc/self/fd/{fd}"))
        synced.add(target)
        events.append(("fsync", target))

    def replace(source, target):
        events.append(("rename", Path(target), Path(source) in synced))
        return real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    return events


def assert_synced_then_renamed(events, path):
    """`path` got its name from a file already on the disk, and the rename was synced."""
    renames = [e for e in events if e[0] == "rename" and e[1] == Path(path)]
    assert len(renames) == 1 and renames[0][2], renames
    assert ("fsync", Path(path).parent) in events[events.index(renames[0]):]


def test_a_file_reaches_the_disk_before_it_takes_its_final_name(server, alice, tmp_path,
                                                                monkeypatch):
    """A crash (power cut) right after the rename must not leave, under the final name the
    manifest trusts, a file whose bytes were still only in the page cache: the part is
    fsynced before the rename, and the folder after it. The real calls, watched."""
    requests_ = batch_for(server, alice, tmp_path, real_item_ids(server)[:1])
    events = watch_renames(monkeypatch)
    report = downloader(alice).run(requests_, tmp_path)
    assert_all_intact(server, report, requests_)
    for request in requests_:
        assert_synced_then_renamed(events, request.path)


# --- the storage going away: a server of this module's own, stopped and started again ---
@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    from tests.server_process import ServerProcess
    own = ServerProcess(tmp_path_factory.mktemp("outage") / "data", items=40, real_cogs=2,
                        cog_size=512).start()
    yield own
    own.stop()


def stop_when_bytes_arrive(server, folder, run):
    """Run `run()` in a thread; stop the server once a part holds bytes. The thread."""
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(
            p.stat().st_size for p in Path(folder).rglob("*.part")):
        time.sleep(0.02)
    assert worker.is_alive(), "the batch ended before the storage could be stopped"
    server.stop()
    return worker


def batch_then_outage(server, folder, **kwargs):
    """A slow batch on `server` (started again if a test left it stopped), in a thread;
    the server stopped once bytes arrive. (session, requests, [the report], the thread)."""
    if server.proc is None:
        server.start()
    session = login_as(server, "alice")
    requests_ = batch_for(server, session, folder)
    server.set_faults(throttle_kbps=32, paths=["/s3/dinamis-catalogue/"])
    reports = []
    batch = downloader(session, max_attempts=2, stall_timeout=2, **kwargs)
    worker = stop_when_bytes_arrive(server, folder,
                                    lambda: reports.append(batch.run(requests_, folder)))
    return session, requests_, reports, worker


def test_a_short_outage_of_the_storage_is_waited_out(own_server, tmp_path):
    """The server stopped mid-batch, longer than the retries of one file last, then back:
    the files wait for it (nobody receives a byte: not a problem of one file) and all
    arrive, instead of each failing in turn."""
    _session, requests_, reports, worker = batch_then_outage(own_server, tmp_path,
                                                             workers=2, outage_timeout=60)
    time.sleep(4)  # down for longer than two attempts take
    own_server.start()  # (its faults are gone: full speed)
    worker.join(60)
    assert reports, "the batch did not end"
    assert reports[0].error is None
    assert_all_intact(own_server, reports[0], requests_)


def test_a_long_outage_stops_the_batch_saying_what_to_do(own_server, tmp_path):
    """The storage gone for good: the batch stops after `outage_timeout` with a sentence
    saying what happened and what to do; no file is marked failed for it, parts are
    kept, and the same batch run once the storage is back completes them."""
    session, requests_, reports, worker = batch_then_outage(own_server, tmp_path,
                                                            workers=1, outage_timeout=3)
    stopped = time.monotonic()
    worker.join(60)
    assert reports and time.monotonic() - stopped < 20
    report = reports[0]
    assert isinstance(report.error, downloads.StorageUnreachable)
    assert "could not be reached" in str(report.error) and "run the same download again" \
        in str(report.error) and own_server.base_url in str(report.error)
    assert not report.failed and {r.status for r in report.results} == {downloads.CANCELLED}
    assert any(p.stat().st_size for p in tmp_path.rglob("*.part"))
    own_server.start()
    again = downloader(session).run(requests_, tmp_path)
    assert again.count(downloads.RESUMED) >= 1
    assert_all_intact(own_server, again, requests_)


def test_an_untrusted_certificate_stops_the_batch_at_once(server, tmp_path):
    """A TLS-inspecting proxy whose CA is not trusted: every file would fail alike, so the
    batch stops at the first one with the sentence saying what to do, not after every
    file's retries."""
    from tests.qgis.tls_servers import HttpsFront, self_signed_files
    front = HttpsFront(server.port, *self_signed_files(tmp_path, "front")).start()
    try:
        requests_ = [DownloadRequest(
            href=f"https://127.0.0.1:{front.port}/s3/dinamis-catalogue/x/{n}.tif",
            path=tmp_path / "out" / f"{n}.tif") for n in range(6)]
        started = time.monotonic()
        report = Downloader(new_http_session(retries=0), None, workers=2).run(
            requests_, tmp_path / "out")
    finally:
        front.stop()
    assert time.monotonic() - started < 3
    assert "certificate" in str(report.error) and "X-Amz" not in str(report.error)
    assert not report.failed


def test_a_local_write_problem_is_not_retried_as_a_network_one(server, alice, tmp_path):
    """A file where the item's folder should be: that file fails at once saying it cannot
    be written (not six "connection failed" retries); the others arrive."""
    requests_ = batch_for(server, alice, tmp_path, real_item_ids(server)[:2])
    blocked = Path(requests_[0].path).parent
    blocked.parent.mkdir(parents=True, exist_ok=True)
    blocked.write_text("a file, not a folder")
    server.reset_counters()
    report = downloader(alice).run(requests_, tmp_path)
    failed = [r for r in report.results if r.status == downloads.FAILED]
    assert failed and all(Path(r.request.path).parent == blocked for r in failed)
    assert all(r.reason.startswith("Cannot write") for r in failed)
    assert all(object_requests(server).get(r.request.href.split(server.base_url, 1)[1], 0)
               <= 1 for r in failed)
    assert report.count(downloads.DOWNLOADED) == len(requests_) - len(failed)
