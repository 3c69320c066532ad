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
# The plugin runs on QGIS's HTTP stack (Debian's requests 2.28 and urllib3 1.26): the venv
# must see Debian's copies, so pip is held to their versions, and copies an older venv
# installed over them are removed first (pip leaves the system's own ones alone).
PIP=("$VENV/bin/python" -m pip --disable-pip-version-check)
CONSTRAINTS="$VENV/system-http-stack.txt"
/usr/bin/python3 scripts/system_http_stack.py >"$CONSTRAINTS"
in_venv='import importlib.metadata as m, sys
try: d = m.distribution(sys.argv[1])
except m.PackageNotFoundError: sys.exit(1)
sys.exit(0 if str(d.locate_file("")).startswith(sys.prefix) else 1)'
for name in $(cut -d= -f1 "$CONSTRAINTS"); do
  if "$VENV/bin/python" -c "$in_venv" "$name"; then "${PIP[@]}" uninstall -q -y "$name"; fi
done
"${PIP[@]}" install -q -c "$CONSTRAINTS" -r requirements-dev.txt
"${PIP[@]}" install -q --no-deps -c "$CONSTRAINTS" -r requirements-nodeps.txt
# pytest.ini loads this plugin by name, whether pytest runs as `pytest` or `python -m pytest`.
cp scripts/venv/dinamis_qt_offscreen.py \
  "$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/"
"$VENV/bin/python" -c "import qgis.core, osgeo.gdal_array, numpy; assert numpy.__version__ < '2'" \
  || { echo "bootstrap: the venv cannot import QGIS/GDAL with numpy<2" >&2; exit 1; }
"$VENV/bin/python" -c "import requests, urllib3; assert requests.__file__.startswith('/usr/lib/python3/'), requests.__file__; assert urllib3.__file__.startswith('/usr/lib/python3/'), urllib3.__file__" \
  || { echo "bootstrap: the venv does not use Debian's requests/urllib3 (QGIS's HTTP stack)" >&2; exit 1; }
