"""The release zip installs into a QGIS profile and QGIS's own plugin loader runs it.

The zip is built with scripts/assemble.py, extracted as "Install from ZIP" would into
<profile>/python/plugins/dinamis, then loaded by qgis.utils (loadPlugin, startPlugin,
unloadPlugin) in Debian's /usr/bin/python3, where pystac_client and keyring do not exist:
everything the plugin needs must come from inside the extracted folder.
"""
import configparser
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.bench.bench_plugin_load import child_prelude, run_child

ROOT = Path(__file__).resolve().parents[2]


def metadata() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    dest = tmp_path_factory.mktemp("dist") / f"dinamis-{metadata()['version']}.zip"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "assemble.py"), "--mode", "zip",
                    "--dest", str(dest)], check=True, capture_output=True)
    return dest


@pytest.fixture(scope="module")
def installed(package, tmp_path_factory):
    """The zip extracted into a fresh QGIS profile's plugin folder."""
    plugins = tmp_path_factory.mktemp("profile") / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(package) as archive:
        archive.extractall(plugins)
    return plugins


def test_zip_holds_one_clean_plugin_folder(package):
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
    assert all(n.startswith("dinamis/") for n in names)
    for required in ("dinamis/__init__.py", "dinamis/plugin.py", "dinamis/metadata.txt",
                     "dinamis/LICENSE", "dinamis/resources/icon.svg",
                     "dinamis/i18n/dinamis_fr.qm", "dinamis/processing_provider/provider.py",
                     "dinamis/_vendor/__init__.py", "dinamis/_vendor/pystac_client/__init__.py",
                     "dinamis/_vendor/keyring/backends/SecretService.py",
                     "dinamis/_vendor/VENDORED.txt", "dinamis/_vendor/licenses/pystac/LICENSE"):
        assert required in names, required
    assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".ts"))]
    assert not [n for n in names if n.endswith("/.ready") or "dist-info" in n]


def test_metadata_is_complete_for_the_plugin_repository():
    meta = metadata()
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author",
                "email", "repository", "tracker", "homepage", "icon", "category", "tags"):
        assert meta.get(key, "").strip(), f"metadata.txt lacks {key}"
    assert (ROOT / meta["icon"]).exists()
    assert meta["version"] in meta["changelog"]


def test_qgis_loads_starts_and_unloads_the_installed_plugin(installed):
    script = child_prelude(installed) + r'''
try:
    import pystac_client
    result["system_pystac_client"] = pystac_client.__file__
except ImportError:
    result["system_pystac_client"] = None
qgis.utils.plugin_paths[:] = [PLUGINS_DIR]
qgis.utils.updateAvailablePlugins()
result["available"] = "dinamis" in qgis.utils.available_plugins
result["meta"] = {k: qgis.utils.pluginMetadata("dinamis", k)
                  for k in ("name", "version", "qgisMinimumVersion", "hasProcessingProvider")}
result["loaded"] = qgis.utils.loadPlugin("dinamis")
result["started"] = qgis.utils.startPlugin("dinamis")
result["plugin_file"] = sys.modules["dinamis"].__file__
result["provider"] = QgsApplication.processingRegistry().providerById("dinamis") is not None
result["algorithm"] = QgsApplication.processingRegistry().algorithmById(
    "dinamis:searchcatalogue") is not None
result["menu"] = [a.text() for a in iface.mainWindow().menuBar().actions()]
result["leaked"] = sorted({m.split(".")[0] for m in sys.modules} & {
    "pystac", "pystac_client", "keyring", "dateutil", "jaraco", "more_itertools",
    "secretstorage", "jeepney"})
result["unloaded"] = qgis.utils.unloadPlugin("dinamis")
result["provider_after"] = QgsApplication.processingRegistry().providerById("dinamis") is not None
result["menu_after"] = [a.text() for a in iface.mainWindow().menuBar().actions()]
result["modules_after"] = sorted(m for m in sys.modules if m.startswith("dinamis"))
# Loaded again, as the Plugin Manager does when upgrading: then used, then unloaded.
result["reloaded"] = qgis.utils.loadPlugin("dinamis") and qgis.utils.startPlugin("dinamis")
from dinamis import api  # what the console and a search import on first use
from dinamis._vendor import pystac_client, keyring
result["vendored_file"] = pystac_client.__file__
api.SearchParameters(bbox=(3, 43, 4, 44)).to_pystac_kwargs()
keyring.backend.get_all_keyring()
result["unloaded_again"] = qgis.utils.unloadPlugin("dinamis")
result["modules_after_use"] = sorted(m for m in sys.modules if m.startswith("dinamis"))
result["leaked_after_use"] = sorted({m.split(".")[0] for m in sys.modules} & {
    "pystac", "pystac_client", "keyring", "dateutil", "jaraco", "more_itertools",
    "secretstorage", "jeepney"})
print(json.dumps(result))
'''
    result = run_child(script)
    assert result["system_pystac_client"] is None, "this Python has its own pystac_client"
    assert result["available"] and result["loaded"] and result["started"]
    meta = metadata()
    assert result["meta"] == {"name": "DINAMIS", "version": meta["version"],
                              "qgisMinimumVersion": "3.22", "hasProcessingProvider": "yes"}
    assert result["plugin_file"] == str(installed / "dinamis" / "__init__.py")
    assert result["vendored_file"].startswith(str(installed / "dinamis" / "_vendor"))
    assert result["provider"] and result["algorithm"]
    assert "DINAMIS" in result["menu"]
    assert result["leaked"] == []
    assert result["unloaded"] is True
    assert result["provider_after"] is False
    assert "DINAMIS" not in result["menu_after"]
    assert result["modules_after"] == []
    assert result["reloaded"] and result["unloaded_again"]
    assert result["modules_after_use"] == []
    assert result["leaked_after_use"] == []
