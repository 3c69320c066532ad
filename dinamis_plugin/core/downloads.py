"""Batch downloads a night's work of hundreds of gigabytes can be trusted with.

`Downloader(http, signer).run(requests, folder)` fetches every `DownloadRequest`:

- in parallel (`workers`, 4 by default), streamed in 1 MiB chunks (small chunks make
  Python the bottleneck) into `<file>.part`, resumed with an HTTP Range, renamed
  atomically when complete and verified, after an fsync (a power cut never leaves a
  damaged file under its final name);
- verified against the item's `file:size` and `file:checksum` (multihash) when it has
  them: a corrupt file never stays under its final name (fetched once more from scratch,
  then reported); complete files are skipped (verified again unless the manifest says
  they were verified and are unchanged);
- retried with backoff on 5xx, 429 (honouring Retry-After), timeouts, dropped and
  stalled connections (no byte for `stall_timeout` seconds: the connection is dead);
  when the storage cannot be reached at all (network down, server stopped) the files
  wait for it rather than fail one after another, and after `outage_timeout` seconds
  without a byte the batch stops with an error saying so (parts kept, to resume); an
  untrusted HTTPS certificate (a TLS-inspecting proxy) stops it at once, saying what to do;
  a 403 on a presigned url (an expired signature) is signed again and resumed; the
  signer's login refreshes itself (DinamisSession); presigned urls carry no credentials;
- a full disk stops the batch with a clear error; cancelling stops within a second (open
  connections are shut) and leaves resumable parts;
- every body read checks its length: Debian's urllib3 1.26 does not enforce
  Content-Length, and a short body must never become a file.

Progress (bytes, rate, time left) and each file's outcome reach the caller through
callbacks, called on worker threads; outcomes also go to the folder's manifest
(`download_manifest`), so the same batch run again fetches only what is missing or failed.
The HTTP session should not retry statuses itself (`new_http_session(retries=0)`): the
downloader retries, and waits in a way cancel can interrupt. No qgis import here.
"""
import errno
import http.client
import logging
import random
import socket
import tempfile
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, List, Optional
from urllib.parse import urlsplit

import requests
import urllib3

from . import multihash
from .download_manifest import DownloadManifest
from .download_plan import DownloadRequest
from .errors import (AccountNotActive, AuthenticationFailed, CertificateNotTrusted,
                     DinamisError, LoginRequired, PermissionDenied, ServiceUnreachable,
                     error_from_response, redact_url)
from .i18n import tr
from .local_files import rename_durably

LOG = logging.getLogger("dinamis")

CHUNK_SIZE = 1 << 20
DEFAULT_WORKERS = 4
MAX_WORKERS = 16
CONNECT_TIMEOUT = 10.0
DEFAULT_STALL_TIMEOUT = 30.0
MAX_ATTEMPTS_WITHOUT_PROGRESS = 6
MAX_SIGNATURE_RENEWALS = 3
MAX_BACKOFF = 30.0
MAX_RETRY_AFTER = 120.0
DEFAULT_OUTAGE_TIMEOUT = 600.0  # seconds without a byte, the storage unreachable: stop
PART_SUFFIX = ".part"
STOP_GRACE = 0.8  # seconds workers get to wind up once the batch is stopped
PROGRESS_INTERVAL = 0.25  # seconds between progress callbacks
RATE_WINDOW = 5.0  # seconds of history behind the transfer rate

# What to do with files already in the folder.
RESUME, SKIP, OVERWRITE = "resume", "skip", "overwrite"
MODES = (RESUME, SKIP, OVERWRITE)

# Outcomes of one file (OUTSIDE: a clipped download's image does not cover the area).
DOWNLOADED, RESUMED, SKIPPED, FAILED, CANCELLED, OUTSIDE = (
    "downloaded", "resumed", "skipped", "failed", "cancelled", "outside")

# What was checked of a kept file.
VERIFIED = "verified"          # size and checksum match the item
SIZE_CHECKED = "size checked"  # the item gives a size, but no checksum this code knows
NOT_CHECKED = "not checked"    # the item gives neither, or skip mode kept a file as it was
CORRUPT = "corrupt"            # what arrived did not match: not kept

_RETRY_STATUSES = (429, 500, 502, 503, 504)
_NO_ROOM = {errno.ENOSPC, errno.EDQUOT}
_BATCH_ERRORS = (AccountNotActive, AuthenticationFailed, LoginRequired)


class DiskFull(DinamisError):
    """No room left to write: the batch stops (parts stay, to resume after making room)."""

    def __init__(self, folder):
        self.folder = str(folder)
        super().__init__(tr("The disk is full: no room to write in {folder}. The downloads "
                            "stopped; free some space (or choose another folder) and run the "
                            "same download again to resume.").format(folder=self.folder))


class FileTooLarge(DinamisError):
    """The file system caps the size of one file (FAT32: 4 GB): this file can never be
    completed in that folder, so its part is removed; the other files go on."""

    def __init__(self, part: Path):
        self.part = part
        super().__init__(tr(
            "{file} is larger than the file system of {folder} allows (FAT32, common on USB "
            "drives, stops at 4 GB): choose a folder on a disk formatted exFAT, NTFS or ext4 "
            "and run the same download again.").format(file=part.name.removesuffix(
                PART_SUFFIX), folder=part.parent))


@dataclass
class FileResult:
    """What became of one request. `reason` is a translated sentence when it failed."""

    request: DownloadRequest
    status: str
    checksum_status: str = NOT_CHECKED
    size: int = 0           # bytes of the file now on disk (or of the part, if cancelled)
    fetched: int = 0        # bytes received over the network in this run
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.status in (DOWNLOADED, RESUMED, SKIPPED)


@dataclass(frozen=True)
class Progress:
    """The batch so far. `total_bytes` counts the sizes known yet (items without
    `file:size` add theirs when their download starts)."""

    files_total: int
    files_done: int
    total_bytes: int
    done_bytes: int
    fetched_bytes: int
    rate: float              # bytes per second over the last seconds
    eta_seconds: Optional[float]

    @property
    def fraction(self) -> float:
        if self.total_bytes > 0:
            return min(1.0, self.done_bytes / self.total_bytes)
        return self.files_done / self.files_total if self.files_total else 1.0


@dataclass
class DownloadReport:
    """Every file's outcome, in request order; `error` when the batch stopped early
    (full disk, login or account refused)."""

    results: List[FileResult] = field(default_factory=list)
    error: Optional[DinamisError] = None
    cancelled: bool = False
    manifest_path: Optional[Path] = None

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> List[FileResult]:
        return [r for r in self.results if r.status == FAILED]

    @property
    def fetched_bytes(self) -> int:
        return sum(r.fetched for r in self.results)


class StorageUnreachable(DinamisError):
    """The storage gave no answer for a long time: the batch stops (parts stay)."""

    def __init__(self, url, seconds: float):
        self.url = _origin(url)
        super().__init__(tr("The image storage at {url} could not be reached for {minutes} "
                            "min: check your network connection and proxy settings. The "
                            "downloads stopped; files not yet complete are kept as parts: run "
                            "the same download again to resume.").format(
                                url=self.url, minutes=max(1, round(seconds / 60))))


class _Retry(Exception):
    """This attempt failed in a way worth trying again (after `delay`, if the server said);
    `unreachable`: no answer at all (the storage or the network is down)."""

    def __init__(self, reason: str, delay: Optional[float] = None, unreachable: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.delay = delay
        self.unreachable = unreachable


class _SignatureRefused(Exception):
    """403 from the object store: the presigned url expired (or was refused)."""

    def __init__(self, response):
        super().__init__("signature refused")
        self.error = error_from_response(response)


class _Stopped(Exception):
    """The batch was cancelled or stopped by another file's fatal error."""


class _Batch:
    """State shared by the workers of one run: stop flag, open responses, progress."""

    def __init__(self, downloader: "Downloader", requests_: List[DownloadRequest],
                 folder: Path):
        self.downloader = downloader
        self.requests = requests_
        self.folder = folder
        self.manifest = DownloadManifest(folder)
        self.stop_event = threading.Event()
        self.error: Optional[DinamisError] = None
        self.lock = threading.Lock()
        self.open_responses = set()
        self.presigned = False
        self.sign_lock = threading.Lock()
        self.files_done = 0
        self.sizes = {id(r): r.size for r in requests_}
        self.present = {id(r): 0 for r in requests_}
        self.fetched = 0
        self.last_byte_at = downloader.clock()  # when any file last received a byte
        self.samples = deque()
        self.last_progress = 0.0
        self.finished = False  # run() has returned: late workers stay silent

    # --- stopping -----------------------------------------------------------------------
    def stopped(self) -> bool:
        return self.stop_event.is_set()

    def stop(self, error: Optional[DinamisError] = None) -> bool:
        """Stop every worker now: shut their connections so no read blocks. True when
        this call stopped the batch with `error` (nobody had stopped it before)."""
        with self.lock:
            first = error is not None and not self.stop_event.is_set()
            if first:
                self.error = error
            self.stop_event.set()
            responses = list(self.open_responses)
        for response in responses:
            _shut(response)
        return first

    def wait(self, seconds: float) -> bool:
        """Sleep, unless stopped meanwhile (True then)."""
        return self.stop_event.wait(max(0.0, seconds))

    def opened(self, response) -> None:
        with self.lock:
            self.open_responses.add(response)
            stopped = self.stop_event.is_set()
        if stopped:
            _shut(response)

    def closed(self, response) -> None:
        with self.lock:
            self.open_responses.discard(response)
        response.close()

    # --- progress -----------------------------------------------------------------------
    def set_size(self, request, size: Optional[int]) -> None:
        if size is not None:
            with self.lock:
                self.sizes[id(request)] = size

    def set_present(self, request, size: int) -> None:
        with self.lock:
            self.present[id(request)] = size
        self.report()

    def add_fetched(self, request, n: int) -> None:
        now = self.downloader.clock()
        with self.lock:
            self.present[id(request)] += n
            self.fetched += n
            self.last_byte_at = now
        self.report()

    def silent_since(self) -> float:
        """When the last byte of any file arrived (the batch's start if none has)."""
        with self.lock:
            return self.last_byte_at

    def file_done(self) -> None:
        with self.lock:
            self.files_done += 1
        self.report(force=True)

    def snapshot(self) -> Progress:
        now = self.downloader.clock()
        with self.lock:
            self.samples.append((now, self.fetched))
            while len(self.samples) > 2 and now - self.samples[0][0] > RATE_WINDOW:
                self.samples.popleft()
            first_time, first_bytes = self.samples[0]
            rate = (self.fetched - first_bytes) / (now - first_time) if now > first_time else 0
            total = sum(s for s in self.sizes.values() if s)
            done = sum(self.present.values())
            return Progress(len(self.requests), self.files_done, total, done, self.fetched,
                            rate, (total - done) / rate if rate > 0 and total >= done else None)

    def report(self, force: bool = False) -> None:
        callback = self.downloader.on_progress
        if callback is None or self.finished:
            return
        now = self.downloader.clock()
        with self.lock:
            if not force and now - self.last_progress < PROGRESS_INTERVAL:
                return
            self.last_progress = now
        callback(self.snapshot())


def _reader(raw, chunk_size: int) -> Callable[[], bytes]:
    """A function returning the next piece of the body: whatever has arrived, up to
    `chunk_size` (http.client's read1), so that a slow link still writes, reports and
    notices a cancel as bytes come; urllib3's read(n) waits for n bytes. b"" at the end.
    No decoding: the bytes of the file as stored."""
    body = getattr(raw, "_fp", None)
    if hasattr(body, "read1"):
        return lambda: body.read1(chunk_size)
    return lambda: raw.read(chunk_size, decode_content=False)


def _shut(response) -> None:
    """Shut a streaming response's socket so that a read blocked on it returns at once."""
    raw = getattr(response, "raw", None)
    connection = getattr(raw, "connection", None) or getattr(raw, "_connection", None)
    sock = getattr(connection, "sock", None)
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


class Downloader:
    """Fetches batches of files; one instance may run several batches, one at a time.

    `http`: a requests.Session (no status retries of its own, see the module doc);
    `signer`: a `Signer` for the asset hrefs (None: the hrefs are used as they are).
    `mode`: RESUME (default: skip verified files, resume parts), SKIP (keep any file
    already there without checking it), OVERWRITE (fetch everything again).
    `on_progress(Progress)` and `on_file_done(FileResult)` run on worker threads.
    """

    def __init__(self, http, signer=None, workers: int = DEFAULT_WORKERS,
                 mode: str = RESUME, chunk_size: int = CHUNK_SIZE,
                 stall_timeout: float = DEFAULT_STALL_TIMEOUT,
                 max_attempts: int = MAX_ATTEMPTS_WITHOUT_PROGRESS,
                 outage_timeout: float = DEFAULT_OUTAGE_TIMEOUT,
                 on_progress: Optional[Callable[[Progress], None]] = None,
                 on_file_done: Optional[Callable[[FileResult], None]] = None,
                 clock: Callable[[], float] = time.monotonic):
        if mode not in MODES:
            raise DinamisError(tr("Unknown mode \"{mode}\": use one of {modes}.").format(
                mode=mode, modes=", ".join(MODES)))
        self.http = http
        self.signer = signer
        self.workers = max(1, min(int(workers), MAX_WORKERS))
        self.mode = mode
        self.chunk_size = int(chunk_size)
        self.stall_timeout = float(stall_timeout)
        self.max_attempts = max(1, int(max_attempts))
        self.outage_timeout = float(outage_timeout)
        self.on_progress = on_progress
        self.on_file_done = on_file_done
        self.clock = clock

    # --- the batch ------------------------------------------------------------------------
    def run(self, requests_: Iterable[DownloadRequest], folder,
            cancelled: Optional[Callable[[], bool]] = None) -> DownloadReport:
        """Fetch every request (paths inside `folder`, where the manifest goes); blocks
        until done. `cancelled()` is polled ten times a second: when it returns True the
        batch stops within a second, leaving resumable parts. A folder that cannot be
        written raises DinamisError before anything is fetched."""
        requests_ = list(requests_)
        folder = writable_folder(folder)
        batch = _Batch(self, requests_, folder)
        for request in requests_:
            if request.size is not None:
                batch.set_size(request, request.size)
        pool = ThreadPoolExecutor(max_workers=self.workers,
                                  thread_name_prefix="dinamis-download")
        try:
            futures = [pool.submit(self._one, batch, r) for r in requests_]
            stopped_at = None
            while not all(f.done() for f in futures):
                if cancelled is not None and not batch.stopped() and cancelled():
                    batch.stop()
                if batch.stopped():
                    stopped_at = stopped_at or self.clock()
                    if self.clock() - stopped_at > STOP_GRACE:
                        break  # a worker still waits for an answer: it writes nothing more
                time.sleep(0.05 if batch.stopped() else 0.1)
        finally:
            batch.finished = True
            pool.shutdown(wait=False, cancel_futures=True)
        results = [f.result() if f.done() and not f.cancelled() else self._cancelled(batch, r)
                   for f, r in zip(futures, requests_)]
        batch.report(force=True)
        report = DownloadReport(results=results, error=batch.error,
                                cancelled=batch.stopped() and batch.error is None)
        if batch.manifest.path.exists():
            report.manifest_path = batch.manifest.path
        return report

    def _one(self, batch: _Batch, request: DownloadRequest) -> FileResult:
        try:
            result = self._process(batch, request)
        except _Stopped:
            result = self._cancelled(batch, request)
        except DiskFull as error:
            # the file that found the disk full says so; the others stop with the batch
            result = (self._failed(request, str(error), _part_size(request))
                      if batch.stop(error) else self._cancelled(batch, request))
        except FileTooLarge as error:  # the part is closed by now: remove its gigabytes
            _remove(error.part)
            result = self._failed(request, str(error), 0)
        except Exception as error:  # noqa: BLE001 - one file's bug must not sink the batch
            LOG.warning("download of %s failed: %s", redact_url(request.href),
                        type(error).__name__)
            message = str(error) if isinstance(error, DinamisError) else tr(
                "Unexpected problem ({kind}).").format(kind=type(error).__name__)
            result = self._failed(request, message, _part_size(request))
        if batch.finished:
            return result
        if result.status != CANCELLED:
            batch.manifest.record(result)
        batch.file_done()
        if self.on_file_done is not None:
            self.on_file_done(result)
        return result

    def _cancelled(self, batch: _Batch, request: DownloadRequest) -> FileResult:
        reason = str(batch.error) if batch.error is not None else tr("Cancelled.")
        return FileResult(request, CANCELLED, NOT_CHECKED, _part_size(request), 0, reason)

    @staticmethod
    def _failed(request, reason: str, size: int = 0, fetched: int = 0,
                checksum_status: str = NOT_CHECKED) -> FileResult:
        return FileResult(request, FAILED, checksum_status, size, fetched, reason)

    def _process(self, batch: _Batch, request: DownloadRequest) -> FileResult:
        if batch.stopped():
            raise _Stopped()
        path = Path(request.path)
        part = _part_of(path)
        if self.mode == OVERWRITE:
            _remove(path)
            _remove(part)
        elif path.exists():
            kept = self._keep_existing(batch, request, path)
            if kept is not None:
                return kept
        return self._download(batch, request, path, part)

    # --- files already there --------------------------------------------------------------
    def _keep_existing(self, batch: _Batch, request, path: Path) -> Optional[FileResult]:
        """SKIPPED when the file already there is good; None (and it is removed) if not."""
        size = path.stat().st_size
        expected = multihash.parse(request.checksum)
        status = None
        if self.mode == SKIP:
            status = NOT_CHECKED
        elif batch.manifest.verified_unchanged(path, request.checksum):
            status = VERIFIED
        elif request.size is not None and size != request.size:
            status = None
        elif expected is not None and expected.algorithm is not None:
            status = VERIFIED if expected.matches(_hash_file(path, expected, batch)) else None
        else:
            status = SIZE_CHECKED if request.size is not None else NOT_CHECKED
        if status is None:
            LOG.info("%s does not match its item: fetching it again", path.name)
            _remove(path)
            return None
        batch.set_size(request, size)
        batch.set_present(request, size)
        return FileResult(request, SKIPPED, status, size, 0)

    # --- fetching ---------------------------------------------------------------------------
    def _download(self, batch: _Batch, request, path: Path, part: Path) -> FileResult:
        expected = multihash.parse(request.checksum)
        resumed_from = _part_size(request)
        if request.size is not None and resumed_from > request.size:
            _truncate(part)  # longer than the file: not a prefix of it
            resumed_from = 0
        batch.set_present(request, resumed_from)
        state = _Transfer(expected)
        attempts = renewals = 0
        restarted = False
        url = None
        unreachable_since = None  # when this file's attempts began to get no answer at all
        while True:
            if batch.stopped():
                raise _Stopped()
            before = state.fetched
            try:
                if url is None:
                    url = self._signed(batch, request.href)
                total = self._attempt(batch, request, url, part, state)
            except _Retry as retry:
                progressed = state.fetched > before
                attempts = 1 if progressed else attempts + 1
                if progressed or not retry.unreachable:
                    unreachable_since = None
                elif unreachable_since is None:
                    unreachable_since = self.clock()
                if attempts >= self.max_attempts and not self._outage(
                        batch, request, unreachable_since):
                    return self._failed(request, retry.reason, _part_size(request),
                                        state.fetched)
                delay = retry.delay if retry.delay is not None else _backoff(attempts)
                LOG.info("download of %s: %s; retrying in %.1f s", path.name, retry.reason,
                         delay)
                if batch.wait(delay):
                    raise _Stopped() from None
                continue
            except _SignatureRefused as refused:
                renewals = 1 if state.fetched > before else renewals + 1
                if renewals > MAX_SIGNATURE_RENEWALS or self.signer is None:
                    return self._failed(request, str(refused.error), _part_size(request),
                                        state.fetched)
                url = self._signed(batch, request.href, refused_url=url)
                continue
            except (DiskFull, FileTooLarge):
                raise
            except DinamisError as error:
                if isinstance(error, _BATCH_ERRORS):
                    batch.stop(error)
                    raise _Stopped() from None
                return self._failed(request, str(error), _part_size(request), state.fetched)
            # Complete: check it before it may take the final name.
            size = part.stat().st_size
            if request.size is not None and size != request.size:
                reason = tr("{file}: the server sent {got} bytes, the catalogue says {size}; "
                            "the file was not kept.").format(file=path.name, got=size,
                                                             size=request.size)
                _remove(part)
                return self._failed(request, reason, 0, state.fetched, CORRUPT)
            if expected is not None and expected.algorithm is not None:
                if not expected.matches(state.hasher_for(part, batch)):
                    _remove(part)
                    state.reset()
                    if not restarted:
                        LOG.info("%s does not match its checksum: fetching it again",
                                 path.name)
                        restarted = True
                        resumed_from = 0
                        batch.set_present(request, 0)
                        continue
                    reason = tr("{file}: the data received does not match its checksum, "
                                "twice; the file on the server may be damaged. It was not "
                                "kept.").format(file=path.name)
                    return self._failed(request, reason, 0, state.fetched, CORRUPT)
                checked = VERIFIED
            else:
                checked = SIZE_CHECKED if request.size is not None or total else NOT_CHECKED
            try:
                rename_durably(part, path)
            except OSError as error:
                if error.errno in _NO_ROOM:
                    raise DiskFull(path.parent) from None
                return self._failed(request, _write_problem(path, error), size, state.fetched)
            return FileResult(request, RESUMED if resumed_from else DOWNLOADED, checked, size,
                              state.fetched)

    def _outage(self, batch: _Batch, request, unreachable_since: Optional[float]) -> bool:
        """True while this file should wait for the storage rather than fail: nothing
        answers and no other file has received a byte since (the network or the storage is
        down, not this file); past `outage_timeout` without a byte the batch stops."""
        if unreachable_since is None or batch.silent_since() > unreachable_since:
            return False
        if self.clock() - batch.silent_since() < self.outage_timeout:
            return True
        LOG.warning("download batch stopped: the storage has not answered for %.0f s",
                    self.outage_timeout)
        batch.stop(StorageUnreachable(request.href, self.outage_timeout))
        raise _Stopped()

    def _signed(self, batch: _Batch, href: str, refused_url: Optional[str] = None) -> str:
        """A usable url for `href`; with `refused_url`, a new signature in place of it."""
        if self.signer is None:
            return href
        try:
            with batch.sign_lock:
                if not batch.presigned:  # one signing request per 64 files, not per file
                    self.signer.sign_urls([r.href for r in batch.requests])
                    batch.presigned = True
            url = self.signer.sign_url(href)
            if refused_url is not None and url == refused_url:
                self.signer.clear_cache()  # it still looked fresh: make a new one
                url = self.signer.sign_url(href)
            return url
        except DinamisError as error:
            if isinstance(error, (_BATCH_ERRORS, PermissionDenied, CertificateNotTrusted)):
                batch.stop(error)
                raise _Stopped() from None
            raise _Retry(str(error), unreachable=isinstance(error, ServiceUnreachable)) \
                from None

    def _attempt(self, batch: _Batch, request, url: str, part: Path, state) -> Optional[int]:
        """One GET from the part's current size to the end; the total size if known."""
        offset = part.stat().st_size if part.exists() else 0
        headers = {"Accept-Encoding": "identity"}
        if offset:
            headers["Range"] = f"bytes={offset}-"
        try:
            response = self.http.get(url, stream=True, headers=headers,
                                     timeout=(CONNECT_TIMEOUT, self.stall_timeout))
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError,
                http.client.HTTPException) as error:
            if isinstance(error, requests.exceptions.SSLError) and not batch.stopped():
                batch.stop(CertificateNotTrusted(_origin(url)))  # every file would fail alike
                raise _Stopped() from None
            raise self._network_problem(batch, error, unreachable=True) from None
        batch.opened(response)
        try:
            return self._receive(batch, request, response, part, offset, state)
        except (requests.RequestException, urllib3.exceptions.HTTPError,
                http.client.HTTPException, OSError) as error:
            raise self._network_problem(batch, error) from None
        finally:
            batch.closed(response)

    def _network_problem(self, batch: _Batch, error, unreachable: bool = False) -> Exception:
        """`unreachable`: the request got no answer at all (not even headers)."""
        if batch.stopped():
            return _Stopped()
        LOG.info("network problem while downloading: %s", type(error).__name__)
        return _Retry(tr("the connection failed or stalled ({kind})").format(
            kind=type(error).__name__), unreachable=unreachable)

    def _receive(self, batch: _Batch, request, response, part: Path, offset: int,
                 state) -> Optional[int]:
        status = response.status_code
        if status == 403:
            raise _SignatureRefused(response)
        if status in _RETRY_STATUSES:
            raise _Retry(tr("the server answered {status}").format(status=status),
                         _retry_after(response))
        if status == 416:
            total = _content_range(response.headers.get("Content-Range"))[2]
            if total is not None and total == offset:
                return total  # the part already holds the whole file
            _truncate(part)
            state.reset()
            raise _Retry(tr("the server refused to resume; starting again"), 0)
        if status >= 400:
            raise error_from_response(response)
        length = _int(response.headers.get("Content-Length"))
        if status == 206:
            start, _end, total = _content_range(response.headers.get("Content-Range"))
            if start != offset:
                _truncate(part)
                state.reset()
                raise _Retry(tr("the server resumed at the wrong place; starting again"), 0)
        elif status == 200:
            total = length
            if offset:  # the server sent the whole file: start the part again
                _truncate(part)
                state.reset()
                offset = 0
                batch.set_present(request, 0)
        else:
            raise _Retry(tr("the server answered {status}").format(status=status))
        if request.size is not None and total is not None and total != request.size:
            raise DinamisError(tr("The server's file has {got} bytes, the catalogue says "
                                  "{size}: it was not downloaded.").format(
                                      got=total, size=request.size))
        if request.size is None:
            batch.set_size(request, total)
        expected_length = length if length is not None else (
            total - offset if total is not None else None)
        hasher = state.hasher_for(part, batch)
        received = 0
        read = _reader(response.raw, self.chunk_size)
        try:  # a local problem, not the network's: never retried as a cut connection
            part.parent.mkdir(parents=True, exist_ok=True)
            out = open(part, "ab")
        except OSError as error:
            raise _local_error(part, error) from None
        with out:
            while True:
                if batch.stopped():
                    raise _Stopped()
                chunk = read()
                if batch.stopped():  # never write after run() may have returned
                    raise _Stopped()
                if not chunk:
                    break
                try:
                    out.write(chunk)
                except OSError as error:
                    raise _local_error(part, error) from None
                if hasher is not None:
                    hasher.update(chunk)
                received += len(chunk)
                state.advanced(len(chunk))
                batch.add_fetched(request, len(chunk))
            try:
                out.flush()
            except OSError as error:
                raise _local_error(part, error) from None
        if batch.stopped():
            raise _Stopped()
        if expected_length is not None and received < expected_length:
            # urllib3 1.26 lets a cut connection pass as a short body: never a file.
            raise _Retry(tr("the connection was cut after {got} of {size} bytes").format(
                got=received, size=expected_length))
        return total


class _Transfer:
    """Per-file bookkeeping across attempts: bytes fetched, and the running checksum of
    the part (hashed from disk once when resuming a part left by an earlier run)."""

    def __init__(self, expected: Optional[multihash.Multihash]):
        self.expected = expected
        self.fetched = 0
        self.hasher = None
        self.hashed = 0

    def reset(self) -> None:
        self.hasher, self.hashed = None, 0

    def hasher_for(self, part: Path, batch: _Batch):
        """The hash of the part's bytes so far, kept in step with what is appended."""
        if self.expected is None or self.expected.algorithm is None:
            return None
        size = part.stat().st_size if part.exists() else 0
        if self.hasher is None or self.hashed != size:
            self.hasher = _hash_file(part, self.expected, batch) if size else \
                self.expected.new_hasher()
            self.hashed = size
        return self.hasher

    def advanced(self, n: int) -> None:
        self.fetched += n
        self.hashed += n


def _hash_file(path: Path, expected: multihash.Multihash, batch: _Batch):
    hasher = expected.new_hasher()
    with open(path, "rb") as f:
        while True:
            if batch.stopped():
                raise _Stopped()
            block = f.read(CHUNK_SIZE)
            if not block:
                return hasher
            hasher.update(block)


def _origin(url: str) -> str:
    """scheme://host[:port] of a url: where the files come from, no path, no signature."""
    parts = urlsplit(redact_url(url))
    return f"{parts.scheme}://{parts.netloc}"


def _part_of(path: Path) -> Path:
    return path.with_name(path.name + PART_SUFFIX)


def _part_size(request: DownloadRequest) -> int:
    try:
        return _part_of(Path(request.path)).stat().st_size
    except OSError:
        return 0


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _truncate(part: Path) -> None:
    try:
        with open(part, "wb"):
            pass
    except OSError as error:
        raise _local_error(part, error) from None


def writable_folder(folder) -> Path:
    """`folder`, created if needed, once a file could be written in it; else DinamisError
    saying so (before a batch starts, not once per file)."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        raise DinamisError(tr("Cannot write in the folder {folder}: {problem}. Choose another "
                              "folder.").format(folder=folder, problem=error.strerror
                                                or type(error).__name__)) from None
    return folder


def _write_problem(path: Path, error: OSError) -> str:
    return tr("Cannot write {path}: {problem}").format(path=path, problem=error.strerror
                                                       or type(error).__name__)


def _local_error(path: Path, error: OSError) -> DinamisError:
    if error.errno in _NO_ROOM:
        return DiskFull(path.parent)
    if error.errno == errno.EFBIG:  # this file only: the others may still fit
        return FileTooLarge(path)
    return DinamisError(_write_problem(path, error))


def _backoff(attempt: int) -> float:
    return min(MAX_BACKOFF, 0.5 * 2 ** (attempt - 1)) * random.uniform(0.8, 1.2)


def _retry_after(response) -> Optional[float]:
    value = response.headers.get("Retry-After")
    try:
        return min(MAX_RETRY_AFTER, max(0.0, float(value)))
    except (TypeError, ValueError):
        return None


def _int(value) -> Optional[int]:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _content_range(value):
    """(start, end, total) of a Content-Range header ("bytes 0-9/10", "bytes */10")."""
    try:
        unit, spec = str(value).split(" ", 1)
        span, total = spec.split("/", 1)
        total = None if total.strip() == "*" else int(total)
        if span.strip() == "*":
            return None, None, total
        start, end = span.split("-", 1)
        return int(start), int(end), total
    except (ValueError, AttributeError):
        return None, None, None
