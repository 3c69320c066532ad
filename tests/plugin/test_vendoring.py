"""The vendored libraries work from inside the plugin and never leak top-level names.

Each check runs in a fresh Debian /usr/bin/python3 (QGIS's Python: no pystac, no
pystac_client, no keyring of its own) with only build/ on sys.path, as in a stock QGIS.
"""
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build"
VENDOR = ROOT / "dinamis_plugin" / "_vendor"
SYSTEM_PYTHON = "/usr/bin/python3"
VENDORED_TOP = {"pystac", "pystac_client", "dateutil", "six", "keyring", "jaraco",
                "more_itertools", "secretstorage", "jeepney", "win32ctypes"}

sys.path.insert(0, str(ROOT / "scripts"))
import vendor  # noqa: E402  (scripts/vendor.py)

PRELUDE = f"""
import json, os, sys
sys.path.insert(0, {str(BUILD)!r})
import requests  # QGIS's own, may bring Debian's top-level six: the baseline
before = {{m.split('.')[0] for m in sys.modules}}
"""
EPILOGUE = f"""
leaked = sorted(({{m.split('.')[0] for m in sys.modules}} - before) & set({sorted(VENDORED_TOP)!r}))
print(json.dumps(dict(result, leaked=leaked)))
"""


def run_system_python(body: str, env=None, prefix=()) -> dict:
    """Run `body` in /usr/bin/python3; it sets `result`, a dict we get back with the
    vendored top-level names that leaked into sys.modules added as "leaked"."""
    code = PRELUDE + textwrap.dedent(body) + EPILOGUE
    proc = subprocess.run([*prefix, SYSTEM_PYTHON, "-c", code], capture_output=True,
                          text=True, timeout=120, env=env or dict(os.environ))
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_system_python_has_no_copy_of_its_own():
    """Otherwise the leak checks below would prove nothing."""
    proc = subprocess.run([SYSTEM_PYTHON, "-c", "import pystac_client"], capture_output=True)
    assert proc.returncode != 0


def test_no_absolute_import_of_a_vendored_name_is_left():
    vendored = {p.stem if p.suffix == ".py" else p.name for p in VENDOR.iterdir()
                if p.name not in {"__init__.py", "__pycache__", ".ready"}}
    assert VENDORED_TOP <= vendored
    assert vendor.leftover_absolute_imports(VENDOR, vendored) == []


def test_search_a_static_catalog_and_leak_nothing(tmp_path):
    result = run_system_python(f"""
        import datetime
        from dinamis._vendor import pystac, pystac_client
        from dinamis._vendor.dateutil import parser
        catalog = pystac.Catalog("tiny", "A tiny catalog")
        for n in range(3):
            catalog.add_item(pystac.Item(
                f"item-{{n}}", {{"type": "Point", "coordinates": [3.8 + n, 43.6]}},
                [3.8 + n, 43.6, 3.8 + n, 43.6], parser.isoparse(f"2024-0{{n + 1}}-01T10:00:00Z"), {{}}))
        catalog.normalize_and_save({str(tmp_path / "catalog")!r},
                                   pystac.CatalogType.SELF_CONTAINED)
        client = pystac_client.Client.open({str(tmp_path / "catalog" / "catalog.json")!r})
        ids = sorted(item.id for item in client.get_items(recursive=True))
        result = {{"ids": ids, "file": pystac_client.__file__}}
    """)
    assert result["ids"] == ["item-0", "item-1", "item-2"]
    assert result["leaked"] == []
    assert result["file"].startswith(str(BUILD / "dinamis" / "_vendor"))


def test_keyring_loads_only_its_own_backends(tmp_path):
    """A foreign keyring entry point on sys.path (as a system keyring or keyrings.alt
    would register) is never loaded; keyring's own backends are."""
    dist = tmp_path / "intruder-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: intruder\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[keyring.backends]\nintruder = intruder_backend\n")
    (tmp_path / "intruder_backend.py").write_text("import sys\nsys.intruder_loaded = True\n")
    result = run_system_python(f"""
        sys.path.append({str(tmp_path)!r})
        from importlib import metadata
        assert [e.name for e in metadata.entry_points(group="keyring.backends")] == ["intruder"]
        from dinamis._vendor.keyring import backend
        names = sorted(type(k).__module__.split("backends.")[-1] for k in backend.get_all_keyring())
        loaded = sorted(m for m in sys.modules if ".keyring.backends." in m)
        result = {{"intruder": hasattr(sys, "intruder_loaded"), "viable": names,
                  "loaded": loaded}}
    """)
    assert result["intruder"] is False
    assert "dinamis._vendor.keyring.backends.SecretService" in result["loaded"]
    assert "dinamis._vendor.keyring.backends.chainer" in result["loaded"]
    assert result["leaked"] == []


def test_keyring_backend_named_by_environment(tmp_path):
    """PYTHON_KEYRING_BACKEND naming a built-in backend resolves inside the vendored
    copy; a foreign name is ignored instead of importing a top-level module."""
    body = """
        from dinamis._vendor import keyring
        ring = keyring.get_keyring()
        result = {"ring": type(ring).__module__ + "." + type(ring).__name__}
    """
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path), DBUS_SESSION_BUS_ADDRESS="")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    assert run_system_python(body, env)["ring"] == "dinamis._vendor.keyring.backends.null.Keyring"
    env["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
    result = run_system_python(body, env)
    assert result["ring"].startswith("dinamis._vendor.keyring.backends.")
    assert result["leaked"] == []


def test_windows_backend_redirects_stay_inside_the_plugin():
    """pywin32-ctypes picks its ctypes/cffi backend through a sys.meta_path finder keyed
    by module names: those names must be the vendored ones (checked on any OS)."""
    result = run_system_python("""
        from dinamis._vendor.win32ctypes import core
        finder = next(f for f in sys.meta_path if type(f).__module__ == core.__name__)
        result = {"names": sorted(finder.redirected_modules)}
    """)
    assert result["names"] and all(n.startswith("dinamis._vendor.win32ctypes.core._")
                                   for n in result["names"])
    assert result["leaked"] == []


def test_secret_service_round_trip_with_a_real_gnome_keyring(tmp_path):
    """On Linux the vendored keyring + secretstorage + jeepney reach a real Secret
    Service (a private D-Bus session with an unlocked gnome-keyring)."""
    script = PRELUDE + textwrap.dedent("""
        from dinamis._vendor import keyring
        ring = keyring.get_keyring()
        ring.set_password("dinamis-vendoring-test", "alice", "s3cret")
        got = ring.get_password("dinamis-vendoring-test", "alice")
        ring.delete_password("dinamis-vendoring-test", "alice")
        result = {"ring": type(ring).__module__, "got": got}
    """) + EPILOGUE
    shell = ("echo -n unlock | gnome-keyring-daemon --unlock --components=secrets "
             f">/dev/null 2>&1; exec {SYSTEM_PYTHON} -c \"$0\"")
    home = dict(os.environ, HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"),
                XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_RUNTIME_DIR=str(tmp_path))
    proc = subprocess.run(["dbus-run-session", "--", "sh", "-c", shell, script],
                          capture_output=True, text=True, timeout=120, env=home)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result == {"ring": "dinamis._vendor.keyring.backends.SecretService",
                      "got": "s3cret", "leaked": []}


@pytest.mark.parametrize("source, depth, expected", [
    ("import six", 1, "from . import six"),
    ("import six as s", 2, "from .. import six as s"),
    ("import os, six", 1, "import os; from . import six"),
    ("from pystac.utils import a, b as c", 3, "from ...pystac.utils import a, b as c"),
    ("from . import x", 2, None),
    ("import json", 1, None),
    ("import pystac.validation", 2,
     "pystac = __import__('pystac.validation', globals(), None, (), 2)"),
    ("import secretstorage.exceptions as exceptions", 3,
     "exceptions = __import__(\"sys\").modules[__import__('secretstorage.exceptions', "
     "globals(), None, (), 3).__name__ + '.exceptions']"),
])
def test_import_rewriting(source, depth, expected):
    import ast
    node = ast.parse(source).body[0]
    assert vendor.rewrite_import(node, "." * depth, {"six", "pystac", "secretstorage"}) == expected


MINIMUM_PYTHON = "3.10"  # pystac 1.14, pystac-client 0.9 and SecretStorage 3.5 need it


def test_every_vendored_distribution_ships_its_license_and_runs_on_the_minimum_python():
    from packaging.specifiers import SpecifierSet
    lines = [line for line in (VENDOR / "VENDORED.txt").read_text().splitlines()
             if line and not line.startswith("#")]
    assert len(lines) >= len(VENDORED_TOP) - 1  # jaraco: three distributions, one folder
    for line in lines:
        name = line.split("==")[0]
        requires = line.split("(Python ", 1)[1].rstrip(")")
        assert list((VENDOR / "licenses" / name).iterdir()), f"{name}: no license file"
        if requires != "any":
            assert MINIMUM_PYTHON in SpecifierSet(requires), f"{name} needs Python {requires}"


PGSTAC_CLASSES = {  # what a current stac-fastapi-pgstac advertises, and older servers
    "SORT": "https://api.stacspec.org/v1.1.0/item-search#sort",
    "FILTER": "https://api.stacspec.org/v1.0.0-rc.2/item-search#filter",
    "FIELDS": "https://api.stacspec.org/v1.0.0/item-search#fields",
    "CORE": "https://api.stacspec.org/v1.0.0/core",
    "ITEM_SEARCH": "https://api.stacspec.org/v1.0.0-rc.1/item-search",
}


def test_vendored_pystac_client_knows_stac_api_1_x_classes():
    """Patched by scripts/vendor.py: stock 0.9.1 knows only v1.0.x, so a current pgstac's
    sort v1.1.0 made every sorted search warn DoesNotConformTo("SORT")."""
    import pystac_client as stock
    from dinamis._vendor.pystac_client import Client, ConformanceClasses
    client = Client.from_dict({"type": "Catalog", "id": "x", "stac_version": "1.0.0",
                               "description": "x", "links": [],
                               "conformsTo": list(PGSTAC_CLASSES.values())})
    for name in PGSTAC_CLASSES:
        assert client.conforms_to(name), name
    assert not client.conforms_to("QUERY")
    assert not stock.Client.from_dict(client.to_dict()).conforms_to("SORT")
    pattern = ConformanceClasses.SORT.pattern
    for foreign in ("https://api.stacspec.org/v2.0.0/item-search#sort",
                    "https://example.org/v1.1.0/item-search#sort",
                    "https://api.stacspec.org/v1.1.0/ogcapi-features#sort"):
        assert not pattern.match(foreign), foreign
