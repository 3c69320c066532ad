"""Start the reference server in its own process on a free loopback port, as tests,
benchmarks and the demo need it: real HTTP, a real socket, a restartable process."""
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerProcess:
    """One reference server. `restart()` keeps the data folder and the port."""

    def __init__(self, data_dir, port=None, test_mode=True, items=None, real_cogs=None,
                 cog_size=None, token_lifetime=None, device_interval=1, stac_flavour=None,
                 extra_args=()):
        self.data_dir = Path(data_dir)
        self.port = port or free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        # The public quicklooks' host (ServerConfig.quicklook_base_url): another name, same port.
        self.public_base_url = f"http://localhost:{self.port}"
        self.args = ["--host", "127.0.0.1", "--port", str(self.port), "--data", str(self.data_dir)]
        if test_mode:
            self.args.append("--test-mode")
        for flag, value in (("--items", items), ("--real-cogs", real_cogs),
                            ("--cog-size", cog_size), ("--token-lifetime", token_lifetime),
                            ("--device-interval", device_interval)):
            if value is not None:
                self.args += [flag, str(value)]
        if stac_flavour is not None:  # "pgstac": a stock stac-fastapi-pgstac catalogue
            self.args += ["--stac-flavour", stac_flavour]
        self.args += list(extra_args)
        self.proc = None
        self.log_path = self.data_dir.parent / f"{self.data_dir.name}-server.log"

    def url(self, path: str) -> str:
        return self.base_url + "/" + path.lstrip("/")

    def public_url(self, path: str) -> str:
        """A url on the public quicklooks' host (`/s3/dinamis-quicklooks/...`)."""
        return self.public_base_url + "/" + path.lstrip("/")

    def start(self, timeout=180):
        self.data_dir.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.reference_server", *self.args],
                                     cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"reference server exited: see {self.log_path}\n"
                                   + self.log_path.read_text(errors="replace")[-3000:])
            try:
                if requests.get(self.url("/health"), timeout=1).ok:
                    return self
            except requests.RequestException:
                time.sleep(0.2)
        raise RuntimeError(f"reference server did not start in {timeout}s: {self.log_path}")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def restart(self):
        self.stop()
        return self.start()

    # --- test-mode controls (see tests/reference_server/faults.py) ---
    def set_faults(self, **faults):
        r = requests.post(self.url("/_test/faults"), json=faults, timeout=5)
        r.raise_for_status()

    def clear_faults(self):
        self.set_faults()

    def set_config(self, **values):
        r = requests.post(self.url("/_test/config"), json=values, timeout=5)
        r.raise_for_status()

    def counters(self) -> dict:
        return requests.get(self.url("/_test/counters"), timeout=5).json()

    def reset_counters(self):
        requests.post(self.url("/_test/counters/reset"), timeout=5).raise_for_status()

    # --- the catalogue as seeded ---
    def real_cog_items(self) -> list:
        """STAC item dicts of the downloadable items whose data files really exist."""
        import sqlite3
        with sqlite3.connect(self.data_dir / "dinamis.sqlite") as conn:
            ids = json.loads(conn.execute("SELECT value FROM meta WHERE key = "
                                          "'catalogue:real_cog_items'").fetchone()[0])
        page = requests.post(self.url("/stac/search"), json={"ids": ids, "limit": len(ids)},
                             timeout=30).json()
        found = {item["id"]: item for item in page["features"]}
        return [found[i] for i in ids]

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def dump(obj) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False)
