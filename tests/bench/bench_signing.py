"""Benchmark: signing 1,000 asset hrefs cold (empty cache) and warm (cached), counted
server-side, against a reference server of its own on loopback.

    .venv/bin/python -m tests.bench.bench_signing
"""
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "build") not in sys.path:
    sys.path.insert(0, str(ROOT / "build"))

from tests.server_process import ServerProcess  # noqa: E402

URL_COUNT = 1000


def _login(server, username="alice"):
    """A DinamisSession approved through the device page, as a user in a browser would."""
    from dinamis.core.profiles import local_reference
    from dinamis.core.secrets import MemorySecretStore
    from dinamis.core.session import DinamisSession

    session = DinamisSession(local_reference(server.base_url), MemorySecretStore())

    def approve(device):
        threading.Thread(target=requests.post, daemon=True, args=(
            server.url("/realms/dinamis/device"),), kwargs={"timeout": 10, "data": {
                "user_code": device.user_code, "username": username,
                "password": "dinamis", "action": "approve"}}).start()

    session.login_device(approve)
    return session


def _timed(server, signer, urls):
    server.reset_counters()
    start = time.perf_counter()
    signed = signer.sign_urls(urls)
    elapsed_ms = (time.perf_counter() - start) * 1000
    assert len(signed) == len(urls)
    return elapsed_ms, server.counters()["sign_requests"]


def run(url_count: int = URL_COUNT) -> dict:
    from dinamis.core.signer import Signer

    with tempfile.TemporaryDirectory() as tmp:
        server = ServerProcess(Path(tmp) / "data", items=50, real_cogs=0, cog_size=64)
        with server:
            session = _login(server)
            urls = [server.url(f"/s3/dinamis-catalogue/bench/{i:05d}.tif")
                    for i in range(url_count)]
            signer = Signer(session.http, session.profile.signing_url,
                            session.profile.is_storage_url)
            cold_ms, cold_requests = _timed(server, signer, urls)
            warm_ms, warm_requests = _timed(server, signer, urls)
    ratio = cold_ms / warm_ms if warm_ms else float("inf")
    print(f"sign {url_count} hrefs cold: {cold_ms:.0f} ms, {cold_requests} requests")
    print(f"sign {url_count} hrefs warm: {warm_ms:.1f} ms, {warm_requests} requests")
    print(f"warm is {ratio:.0f}x faster than cold")
    return {"cold_ms": cold_ms, "cold_requests": cold_requests, "warm_ms": warm_ms,
            "warm_requests": warm_requests, "ratio": ratio}


if __name__ == "__main__":
    run()
