"""A request being prepared survives QGIS being killed: another QGIS process draws and
types into the dock, is killed with SIGKILL (no clean exit, nothing flushed), and the dock
of the next QGIS reopens the draft where it was."""
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.qgis.conftest import wait_until
from tests.qgis.draft_child import NOTE
from tests.qgis.requests_helpers import grab, show_lambert_93

ROOT = Path(__file__).resolve().parents[2]


def run_child_until_ready(state_base, settings_folder, server):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.qgis.draft_child", str(state_base), str(settings_folder),
         server.base_url], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        text=True)
    try:
        for line in child.stdout:
            if line.startswith("READY"):
                return child, line.split()[1]
        raise AssertionError("the QGIS child never got ready:\n" + child.stderr.read()[-3000:])
    except BaseException:
        child.kill()
        raise


def test_a_draft_reopens_where_it_was_after_qgis_is_killed(server, controller, local_profile,
                                                           tmp_path, qgis_iface):
    from dinamis.gui.requests_dock import RequestsDock
    from dinamis.qgis_glue.demand_service import DemandService
    state_base = tmp_path / "qgis-profile" / "dinamis"
    child_settings = tmp_path / "child-settings"
    child_settings.mkdir()
    child, draft_id = run_child_until_ready(state_base, child_settings, server)
    child.send_signal(signal.SIGKILL)
    assert child.wait(10) == -signal.SIGKILL

    show_lambert_93(qgis_iface.mapCanvas())
    service = DemandService(controller, state_base=state_base)
    dock = RequestsDock(service, qgis_iface, qgis_iface.mainWindow())
    try:
        assert wait_until(lambda: service.options is not None, 20)
        form = dock.form
        assert form.draft.id == draft_id
        assert form.note_edit.toPlainText() == NOTE
        assert form.mode_combo.currentData() == "stereo" and form.cloud_spin.value() == 7
        assert form.area.check.area_km2 == pytest.approx(937.3, abs=0.1)  # the drawing is back
        assert not form.area.geometry().isEmpty()  # on the map too
        dock.tabs.setCurrentWidget(form)
        dock.resize(460, 900)
        grab(dock, "requests-dock-after-kill.png")
    finally:
        dock.dispose()
        dock.deleteLater()
        service.shutdown()
