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


@pytest.fixture
def memory_keyring():
    from tests.memory_keyring import MemoryKeyring
    return MemoryKeyring()


@pytest.fixture
def secret_store(memory_keyring):
    """The core's keyring store on a real in-memory backend (never the user's keyring)."""
    from dinamis.core.secrets import KeyringSecretStore
    return KeyringSecretStore(backend=memory_keyring)
