"""Serve the app with gunicorn: a production WSGI server whose sendfile puts object bytes
on the socket without Python copying them, so the store is never the ceiling of a
download benchmark on loopback.

One worker process (the test-mode faults and counters live in its memory) with many
threads (slow clients, stalled bodies and device polls must not queue behind each
other). The app is built before gunicorn starts (seeding may take minutes; a worker
would be killed for it), and the worker inherits it.
"""
from gunicorn.app.base import BaseApplication

from . import log_redaction

THREADS = 48


class _Server(BaseApplication):
    def __init__(self, app, options: dict):
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application


def _redact_logs(_worker) -> None:
    log_redaction.install()


def serve(app, host: str, port: int) -> None:
    _Server(app, {
        "bind": f"{host}:{port}",
        "workers": 1,
        "worker_class": "gthread",
        "threads": THREADS,
        "keepalive": 5,
        "timeout": 0,             # slow or stalled bodies are the point of some tests
        "graceful_timeout": 2,    # a stop is quick: tests restart servers
        "accesslog": "-",
        "errorlog": "-",
        "loglevel": "info",
        "limit_request_line": 0,  # long signed urls and query strings, as S3 takes them
        "post_worker_init": _redact_logs,
    }).run()
