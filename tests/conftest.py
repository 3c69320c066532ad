"""Fixtures every test directory shares: the plugin on sys.path and a live reference server."""
import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
if not (BUILD / "dinamis").exists():
    raise pytest.UsageError("build/dinamis is missing: run the tests with `make test`")
sys.path.insert(0, str(BUILD))

from tests.server_process import ServerProcess  # noqa: E402


@pytest.fixture(scope="session")
def reference_server(tmp_path_factory):
    """One server for the session, in test mode, small catalogue, 1 s device polling."""
    data = tmp_path_factory.mktemp("reference") / "data"
    server = ServerProcess(data, items=300, real_cogs=4, cog_size=512).start()
    yield server
    server.stop()


@pytest.fixture
def server(reference_server):
    """The session server with faults cleared and counters reset around each test."""
    reference_server.clear_faults()
    reference_server.reset_counters()
    yield reference_server
    reference_server.clear_faults()


@pytest.fixture(scope="session")
def pgstac_reference_server(tmp_path_factory):
    """A second session server whose STAC API plays a stock stac-fastapi-pgstac (the real
    DINAMIS catalogue): no aggregation, no item free text, no numberMatched, FastAPI errors,
    items without DINAMIS-specific properties (tests/reference_server/stac_flavour.py)."""
    data = tmp_path_factory.mktemp("reference-pgstac") / "data"
    server = ServerProcess(data, items=300, real_cogs=2, cog_size=256,
                           stac_flavour="pgstac").start()
    yield server
    server.stop()


@pytest.fixture
def pgstac_server(pgstac_reference_server):
    """The pgstac-flavoured session server, faults cleared and counters reset."""
    pgstac_reference_server.clear_faults()
    pgstac_reference_server.reset_counters()
    yield pgstac_reference_server
    pgstac_reference_server.clear_faults()


@pytest.fixture(params=["dinamis", "pgstac"])
def stac_server(request):
    """Each STAC flavour in turn: tests of the plugin's catalogue run against both."""
    return request.getfixturevalue("server" if request.param == "dinamis" else "pgstac_server")


@pytest.fixture
def memory_keyring():
    from tests.memory_keyring import MemoryKeyring
    return MemoryKeyring()


@pytest.fixture
def secret_store(memory_keyring):
    """The core's keyring store on a real in-memory backend (never the user's keyring)."""
    from dinamis.core.secrets import KeyringSecretStore
    return KeyringSecretStore(backend=memory_keyring)
