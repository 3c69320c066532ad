"""A login waiting for the browser approval holds none of QGIS's task threads.

QGIS runs every QgsTask (and renders layers) on one thread pool as large as the number
of cores: two here and on many laptops. A login that slept in a task between polls for
the minutes a user takes in the browser would leave one thread to everything else.
"""
import threading

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QThreadPool

from tests.qgis.conftest import approve_device_code, idle, wait_until


def test_a_pending_device_login_leaves_every_task_thread_free(controller, server):
    codes = []
    controller.device_code.connect(codes.append)
    controller.login_device()
    assert wait_until(lambda: codes, timeout=20), controller.error
    assert wait_until(lambda: idle(controller), timeout=10)  # the code's own task ended

    # As many tasks as the pool has threads, each waiting until all of them have started:
    # they all finish only if no thread is held by the pending login.
    threads = QThreadPool.globalInstance().maxThreadCount()
    started = threading.Barrier(threads, timeout=10)
    outcomes = []

    def meet(_cancel):
        started.wait()
        return True

    from dinamis.qgis_glue.tasks import TaskRunner
    runner = TaskRunner()
    for index in range(threads):
        runner.run(f"task {index}", meet, outcomes.append, outcomes.append)
    assert wait_until(lambda: len(outcomes) == threads, timeout=30)
    assert outcomes == [True] * threads, outcomes  # a broken barrier is an error message

    # The login still completes once the user approves in the browser.
    assert controller.state == "logging_in"
    approve_device_code(server, codes[0].user_code, "alice")
    assert wait_until(lambda: controller.state == "logged_in", timeout=30), controller.error
    assert QgsApplication.taskManager().countActiveTasks() == 0 or wait_until(
        lambda: QgsApplication.taskManager().countActiveTasks() == 0, timeout=10)


def test_cancelling_a_pending_device_login_stops_its_polls(controller, server):
    codes = []
    controller.device_code.connect(codes.append)
    controller.login_device()
    assert wait_until(lambda: codes, timeout=20), controller.error
    controller.cancel_login()
    server.reset_counters()
    # Three of the server's 1-second intervals without a poll: the timer is stopped.
    wait_until(lambda: False, timeout=3)
    polls = server.counters().get("token_requests", 0)
    assert polls == 0, server.counters()
    assert controller.state == "logged_out" and not controller.error
