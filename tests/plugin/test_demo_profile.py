"""`make demo`'s throw-away profile: the plugin is installed and enabled, and the plugin's own
settings code, reading that profile's QGIS3.ini, lands on the local reference server.

Real files and real QgsSettings: the profile is built by scripts/demo_profile.py exactly as
the demo builds it, then read back the way QGIS reads it.
"""
import importlib.util
from pathlib import Path

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QSettings

ROOT = Path(__file__).resolve().parents[2]
URL = "http://127.0.0.1:45678"


def _load_demo_profile():
    spec = importlib.util.spec_from_file_location("demo_profile",
                                                  ROOT / "scripts" / "demo_profile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


demo_profile = _load_demo_profile()


@pytest.fixture
def profile(tmp_path):
    return demo_profile.build_profile(tmp_path, URL + "/", lang="fr")


@pytest.fixture
def as_qgis_profile(profile, qgis_app):
    """QgsSettings() reads <profile>/QGIS/QGIS3.ini, as QGIS started with that profile does."""
    fmt, scope = QSettings.Format.IniFormat, QSettings.Scope.UserScope
    previous = Path(QgsSettings().fileName()).parent.parent
    QSettings.setPath(fmt, scope, str(profile))
    assert Path(QgsSettings().fileName()) == demo_profile.ini_path(profile)
    yield profile
    QSettings.setPath(fmt, scope, str(previous))


def test_profile_is_where_qgis_looks_with_profiles_path(tmp_path, profile):
    assert profile == tmp_path / "profiles" / "dinamis-demo"
    assert demo_profile.ini_path(profile).is_file()


def test_plugin_is_installed_as_a_link_to_the_assembled_plugin(profile):
    link = profile / "python" / "plugins" / "dinamis"
    assert link.is_symlink()
    assert link.resolve() == (ROOT / "build" / "dinamis").resolve()
    assert (link / "metadata.txt").is_file() and (link / "__init__.py").is_file()


def test_ini_enables_the_plugin_and_points_it_at_the_server(profile):
    ini = QgsSettings(str(demo_profile.ini_path(profile)), QSettings.Format.IniFormat)
    assert ini.value("PythonPlugins/dinamis", False, bool) is True
    assert ini.value("dinamis/active_profile") == "Local reference server"
    assert ini.value("dinamis/local_reference_url") == URL
    assert ini.value("locale/overrideFlag", False, bool) is True
    assert ini.value("locale/userLocale") == "fr"
    assert ini.value("qgis/checkVersion", True, bool) is False


def test_plugin_settings_code_reads_the_demo_profile(as_qgis_profile):
    """The contract with dinamis/qgis_glue/settings.py: same keys, same built-in name."""
    from dinamis.qgis_glue import settings
    assert settings.ACTIVE_PROFILE_KEY == demo_profile.ACTIVE_PROFILE_KEY
    assert settings.LOCAL_REFERENCE_URL_KEY == demo_profile.LOCAL_URL_KEY
    active = settings.active_profile()
    assert active.name == demo_profile.LOCAL_PROFILE_NAME == settings.LOCAL_REFERENCE_NAME
    assert active.stac_url.startswith(URL + "/")
    assert active.signing_url.startswith(URL + "/")


def test_rebuilding_replaces_the_link_and_keeps_no_language_when_none_given(tmp_path):
    demo_profile.build_profile(tmp_path, URL, lang="fr")
    profile = demo_profile.build_profile(tmp_path, URL)
    assert (profile / "python" / "plugins" / "dinamis").is_symlink()
    ini = QgsSettings(str(demo_profile.ini_path(profile)), QSettings.Format.IniFormat)
    assert ini.value("dinamis/local_reference_url") == URL


def test_nothing_secret_is_written(profile):
    text = demo_profile.ini_path(profile).read_text()
    for word in ("password", "token", "secret", "access-key"):
        assert word not in text.lower()
