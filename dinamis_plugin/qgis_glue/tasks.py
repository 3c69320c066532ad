"""Run blocking work (network, disk) in a QgsTask so the QGIS UI never waits on it.

`TaskRunner.run(description, work, on_done, on_error)` calls `work(cancel_event)` on a
worker thread; `on_done(result)` or `on_error(message)` then run on the main thread (from
QgsTask.finished). Errors reach the UI as their DinamisError sentence, never a traceback;
only the exception type goes to the log, since messages of foreign exceptions may quote
urls or headers. The runner keeps every task referenced until it finishes (Python would
otherwise collect it) and cancels them all on plugin unload.
"""
import logging
import threading
from typing import Any, Callable, Optional, Set

from qgis.core import QgsApplication, QgsTask

from ..core.errors import DinamisError
from ..core.i18n import tr

LOG = logging.getLogger("dinamis")


def error_message(error: BaseException) -> str:
    """What the user reads for `error`: our own sentence, or a generic safe one."""
    if isinstance(error, DinamisError):
        return str(error)
    return tr("Unexpected problem ({kind}). Try again; if it persists, report it to the "
              "plugin authors.").format(kind=type(error).__name__)


class CallableTask(QgsTask):
    """A QgsTask running `work(cancel_event)`; results are delivered on the main thread."""

    def __init__(self, description: str, work: Callable[[threading.Event], Any],
                 on_done: Optional[Callable[[Any], None]] = None,
                 on_error: Optional[Callable[[str], None]] = None,
                 on_settled: Optional[Callable[["CallableTask"], None]] = None):
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.cancel_event = threading.Event()
        self._work = work
        self._on_done = on_done
        self._on_error = on_error
        self._on_settled = on_settled
        self.result = None
        self.error: Optional[BaseException] = None

    def run(self) -> bool:  # worker thread
        try:
            self.result = self._work(self.cancel_event)
            return True
        except Exception as error:  # noqa: BLE001 - every failure becomes a message
            self.error = error
            if not isinstance(error, DinamisError):
                LOG.warning("DINAMIS task %r failed: %s", self.description(),
                            type(error).__name__)
            return False

    def cancel(self) -> None:
        self.cancel_event.set()
        super().cancel()

    def detach(self) -> None:
        """Forget the callbacks (their widgets are going away); the task still ends."""
        self._on_done = self._on_error = None

    def finished(self, ok: bool) -> None:  # main thread
        try:
            if ok and self._on_done is not None:
                self._on_done(self.result)
            elif not ok and self._on_error is not None:
                # error is None when the task was cancelled before run() started
                self._on_error(error_message(self.error) if self.error is not None
                               else tr("Cancelled."))
        finally:
            if self._on_settled is not None:
                self._on_settled(self)


class TaskRunner:
    """Starts CallableTasks on QGIS's task manager and keeps them alive until done."""

    def __init__(self):
        self._tasks: Set[CallableTask] = set()

    def run(self, description: str, work: Callable[[threading.Event], Any],
            on_done: Optional[Callable[[Any], None]] = None,
            on_error: Optional[Callable[[str], None]] = None) -> CallableTask:
        task = CallableTask(description, work, on_done, on_error, self._tasks.discard)
        self._tasks.add(task)
        QgsApplication.taskManager().addTask(task)
        return task

    def running(self) -> int:
        return len(self._tasks)

    def cancel_all(self) -> None:
        """Cancel every task and drop its callbacks (used on unload)."""
        for task in list(self._tasks):
            task.detach()
            task.cancel()

    def wait_all(self, timeout_s: float = 10.0) -> bool:
        """Main-thread helper for unload and tests: process events until all tasks ended."""
        import time
        deadline = time.monotonic() + timeout_s
        while self._tasks and time.monotonic() < deadline:
            QgsApplication.processEvents()
            time.sleep(0.01)
        return not self._tasks
