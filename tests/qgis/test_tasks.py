"""TaskRunner: work off the UI thread, results and errors on the main thread, cancellable."""
import threading
import time

from qgis.PyQt.QtCore import QThread

from dinamis.core.errors import ServiceUnreachable
from dinamis.qgis_glue.tasks import TaskRunner
from tests.qgis.conftest import wait_until


def test_result_arrives_on_the_main_thread(qgis_app):
    runner = TaskRunner()
    seen = {}
    main = QThread.currentThread()

    def work(_cancel):
        seen["worker_is_main"] = QThread.currentThread() == main
        return 42

    runner.run("answer", work, lambda r: seen.update(result=r,
                                                     done_on_main=QThread.currentThread() == main))
    assert runner.running() == 1
    assert wait_until(lambda: "result" in seen)
    assert seen == {"worker_is_main": False, "result": 42, "done_on_main": True}
    assert runner.running() == 0


def test_errors_become_sentences_without_traceback(qgis_app, caplog):
    runner = TaskRunner()
    errors = []
    runner.run("ours", lambda _c: (_ for _ in ()).throw(ServiceUnreachable(
        "http://example.org/x?token=SECRET123")), None, errors.append)
    runner.run("foreign", lambda _c: {}["SECRET456"], None, errors.append)
    assert wait_until(lambda: len(errors) == 2)
    ours = next(e for e in errors if "Cannot reach" in e)
    foreign = next(e for e in errors if "Unexpected problem" in e)
    assert "SECRET123" not in ours and "http://example.org/x" in ours
    assert "KeyError" in foreign and "SECRET456" not in foreign
    assert "SECRET" not in caplog.text and "Traceback" not in caplog.text


def test_cancel_sets_the_event_and_reports_cancelled(qgis_app):
    runner = TaskRunner()
    started = threading.Event()
    outcome = []

    def work(cancel):
        started.set()
        while not cancel.wait(0.05):
            pass
        from dinamis.core.errors import LoginCancelled
        raise LoginCancelled()

    task = runner.run("waits", work, outcome.append, outcome.append)
    assert started.wait(10)
    task.cancel()
    assert wait_until(lambda: outcome, timeout=10)
    assert outcome == ["Login cancelled."]


def test_cancel_all_drops_callbacks(qgis_app):
    runner = TaskRunner()
    outcome = []
    runner.run("slow", lambda cancel: cancel.wait(10) or time.sleep(0.1), outcome.append,
               outcome.append)
    runner.cancel_all()
    assert runner.wait_all(10)
    assert outcome == []
