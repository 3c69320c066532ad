#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine: QGIS from Debian, then a venv that sees it.
set -euo pipefail
VENV=${VENV:-.venv}
need_apt=()
/usr/bin/python3 -c "import qgis.core" 2>/dev/null || need_apt+=(qgis python3-qgis)
command -v xvfb-run >/dev/null || need_apt+=(xvfb xauth)
command -v gdal_translate >/dev/null || need_apt+=(gdal-bin)
command -v lrelease >/dev/null || [ -x /usr/lib/qt5/bin/lrelease ] || need_apt+=(qttools5-dev-tools)
/usr/bin/python3 -c "import venv, ensurepip" 2>/dev/null || need_apt+=(python3-venv)
# A real Secret Service for the keyring tests (private D-Bus session, throw-away keyring).
command -v gnome-keyring-daemon >/dev/null || need_apt+=(gnome-keyring)
command -v dbus-run-session >/dev/null || need_apt+=(dbus-bin)
# Qt's own French (OK/Cancel/Close buttons) for `DEMO_LANG=fr make demo`
[ -f /usr/share/qt5/translations/qtbase_fr.qm ] || need_apt+=(qttranslations5-l10n)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "bootstrap: installing ${need_apt[*]} from Debian"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" python3-gdal >/dev/null
fi
if [ ! -x "$VENV/bin/python" ]; then
  /usr/bin/python3 -m venv --system-site-packages "$VENV"
fi
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r requirements-dev.txt
# pytest.ini loads this plugin by name, whether pytest runs as `pytest` or `python -m pytest`.
cp scripts/venv/dinamis_qt_offscreen.py \
  "$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/"
"$VENV/bin/python" -c "import qgis.core, osgeo.gdal_array, numpy; assert numpy.__version__ < '2'" \
  || { echo "bootstrap: the venv cannot import QGIS/GDAL with numpy<2" >&2; exit 1; }
