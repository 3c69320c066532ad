"""Create the throw-away QGIS profile `make demo` starts QGIS with.

A fresh profile, not the person's own: the demo must neither depend on nor change their
QGIS. The plugin is installed as a symlink to build/dinamis (edits show at once), enabled
in QGIS3.ini, and pointed at the local reference server through the plugin's settings.
QGIS's own first-run network chatter (version check, news feed, plugin repository) is
switched off: the demo runs offline.

    python scripts/demo_profile.py --profiles-path /tmp/x --url http://127.0.0.1:8765
prints the profile folder (<profiles-path>/profiles/<name>, as `qgis --profiles-path` uses).
"""
import argparse
import os
from pathlib import Path

from qgis.PyQt.QtCore import QSettings

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_BUILD = ROOT / "build" / "dinamis"
PROFILE_NAME = "dinamis-demo"
# Contract with dinamis_plugin/qgis_glue/settings.py (QgsSettings keys, no section).
ACTIVE_PROFILE_KEY = "dinamis/active_profile"
LOCAL_URL_KEY = "dinamis/local_reference_url"
LOCAL_PROFILE_NAME = "Local reference server"

# QGIS settings that keep a fresh profile quiet and offline.
QUIET_QGIS = {
    "qgis/checkVersion": False,
    "core/NewsFeed/httpsfeedqgisorg/disabled": True,
    "app/plugin_installer/checkOnStart": False,
    "qgis/showTips": False,
    "qgis/askToSaveProjectChanges": False,
    "qgis/warnOldProjectVersion": False,
}


def profile_dir(profiles_path: Path, name: str = PROFILE_NAME) -> Path:
    """Where QGIS looks for profile `name` given `--profiles-path profiles_path`."""
    return Path(profiles_path) / "profiles" / name


def ini_path(profile: Path) -> Path:
    return Path(profile) / "QGIS" / "QGIS3.ini"


def install_plugin(profile: Path, plugin_build: Path = PLUGIN_BUILD) -> Path:
    """Symlink the assembled plugin folder into the profile's plugin folder."""
    if not (plugin_build / "__init__.py").exists():
        raise SystemExit(f"{plugin_build} is not an assembled plugin: run `make plugin` first")
    plugins = Path(profile) / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    link = plugins / "dinamis"
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink(plugin_build.resolve(), link)
    return link


def write_settings(profile: Path, url: str, lang: str = "") -> Path:
    """Enable the plugin and point it at `url`; QSettings writes the ini QGIS will read."""
    path = ini_path(profile)
    path.parent.mkdir(parents=True, exist_ok=True)
    ini = QSettings(str(path), QSettings.Format.IniFormat)
    ini.setValue("PythonPlugins/dinamis", True)
    for key, value in QUIET_QGIS.items():
        ini.setValue(key, value)
    ini.setValue(ACTIVE_PROFILE_KEY, LOCAL_PROFILE_NAME)
    ini.setValue(LOCAL_URL_KEY, url.rstrip("/"))
    if lang:
        ini.setValue("locale/overrideFlag", True)
        ini.setValue("locale/userLocale", lang)
    ini.sync()
    if ini.status() != QSettings.Status.NoError:
        raise SystemExit(f"could not write {path}")
    return path


def build_profile(profiles_path: Path, url: str, lang: str = "", name: str = PROFILE_NAME,
                  plugin_build: Path = PLUGIN_BUILD) -> Path:
    profile = profile_dir(profiles_path, name)
    install_plugin(profile, plugin_build)
    write_settings(profile, url, lang)
    return profile


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profiles-path", required=True, type=Path)
    parser.add_argument("--url", required=True, help="reference server base url")
    parser.add_argument("--name", default=PROFILE_NAME)
    parser.add_argument("--lang", default="", help="override QGIS's UI language (e.g. fr)")
    parser.add_argument("--plugin", default=PLUGIN_BUILD, type=Path,
                        help="assembled plugin folder to install (default: build/dinamis)")
    args = parser.parse_args(argv)
    print(build_profile(args.profiles_path, args.url, args.lang, args.name, args.plugin))


if __name__ == "__main__":
    main()
