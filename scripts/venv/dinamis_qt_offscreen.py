"""pytest plugin (`-p dinamis_qt_offscreen` in pytest.ini), installed into the venv by
scripts/bootstrap.sh: pytest-qgis starts QGIS before any conftest is read, so without a
display Qt must be told to render offscreen here, or the run aborts before any test."""
import os

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
