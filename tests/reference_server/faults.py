"""Faults on demand and request counters: the instruments resilience tests and benchmarks use.

Settings (POST /_test/faults replaces them all; an empty body clears them):
  latency_ms       delay before answering
  error_rate       share of requests answered with error_status (500 or 503)
  error_status     status of injected errors (default 503)
  rate_limit_rate  share of requests answered 429 with Retry-After
  retry_after      seconds sent in Retry-After (429, and 503 errors) (default 1)
  drop_rate        share of responses cut mid-body: headers with the full Content-Length,
                   then part of the body, then the connection closes
  fail_next        the next N matching requests fail with error_status (exact, for retries)
  rate_limit_next  the next N matching requests get 429
  drop_next        the next N matching responses are cut mid-body
  stall_rate       share of responses that send half their body, then nothing for stall_ms
  stall_next       the next N matching responses stall so
  stall_ms         how long a stalled response stays silent before closing (default 60000)
  corrupt_rate     share of responses whose body is damaged (same length, bytes flipped)
  corrupt_next     the next N matching responses are damaged so
  throttle_kbps    bodies are paced at this many KiB per second (a slow network)
  reset_next       the next N matching requests are processed, then their connection is
                   closed without any answer (a reset connection, a proxy's hiccup)
  paths            url prefixes the faults apply to; empty = all but /_test/ and /health
  seed             seed of the random draws, so a run is reproducible
Counters also count, per object path, the body bytes the object store answered with
(`bytes_by_path`, from Content-Length: a cut or stalled body counts whole).
Settings given at start (config.faults, the CLI --faults JSON) apply from the first request.
The /_test/ endpoints exist only in test mode; counters live in memory.
"""
import random
import socket
import threading
import time
from collections import Counter

from flask import Blueprint, current_app, g, jsonify, request

from . import errors

bp = Blueprint("test_controls", __name__)

_INTS = ("latency_ms", "retry_after", "fail_next", "rate_limit_next", "drop_next", "seed",
         "stall_next", "stall_ms", "corrupt_next", "throttle_kbps", "reset_next")
_RATES = ("error_rate", "rate_limit_rate", "drop_rate", "stall_rate", "corrupt_rate")
_BODY_FAULTS = ("drop", "stall", "corrupt")
PACE_BLOCK = 8 << 10
_EXEMPT = ("/_test/", "/health")
RUNTIME_CONFIG = ("access_token_lifetime", "refresh_token_lifetime", "device_code_lifetime",
                  "device_poll_interval", "signature_default_duration",
                  "signature_max_duration", "stac_context")


class _State:
    """Fault settings and counters shared by the server's request threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.settings: dict = {}
        self.rng = random.Random()
        self.counters: Counter = Counter()
        self.by_path: Counter = Counter()
        self.bytes_by_path: Counter = Counter()


_state = _State()


def count(name: str, n: int = 1) -> None:
    """Add n to a named counter (sign_requests, signed_urls, token_requests...)."""
    with _state.lock:
        _state.counters[name] += n


def count_bytes(path: str, n: int) -> None:
    """Body bytes answered for `path` (the object store calls it)."""
    with _state.lock:
        _state.bytes_by_path[path] += n


def alters_body() -> bool:
    """True when this request's body will be cut, stalled, damaged or paced (then the
    object store must not hand the file to the server's sendfile)."""
    return bool(g.get("body_fault") or g.get("throttle_kbps"))


def validate(settings) -> dict:
    """Checked fault settings; an ApiError naming the field otherwise."""
    if settings is None:
        return {}
    if not isinstance(settings, dict):
        raise errors.validation_error("body", "must be a JSON object of fault settings")
    clean = {}
    for key, value in settings.items():
        if key in _INTS:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise errors.validation_error(key, "must be a non-negative integer")
        elif key in _RATES:
            if isinstance(value, bool) or not isinstance(value, (int, float)) \
                    or not 0 <= value <= 1:
                raise errors.validation_error(key, "must be a number from 0 to 1")
        elif key == "error_status":
            if value not in (500, 502, 503, 504):
                raise errors.validation_error(key, "must be 500, 502, 503 or 504")
        elif key == "paths":
            if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
                raise errors.validation_error(key, "must be a list of url path prefixes")
        else:
            raise errors.validation_error(key, "unknown fault setting")
        clean[key] = value
    return clean


def set_faults(settings: dict) -> None:
    clean = validate(settings)
    with _state.lock:
        _state.settings = clean
        _state.rng = random.Random(clean.get("seed"))


def _applies(path: str, settings: dict) -> bool:
    if not settings or path.startswith(_EXEMPT):
        return False
    prefixes = settings.get("paths") or []
    return not prefixes or any(path.startswith(p) for p in prefixes)


def _draw(settings: dict) -> str | None:
    """Which fault this request gets (under the lock): 'error', 'rate_limit', 'drop',
    'reset' or None."""
    for key, fault in (("fail_next", "error"), ("rate_limit_next", "rate_limit"),
                       ("drop_next", "drop"), ("stall_next", "stall"),
                       ("corrupt_next", "corrupt"), ("reset_next", "reset")):
        if settings.get(key, 0) > 0:
            settings[key] -= 1
            return fault
    for key, fault in (("rate_limit_rate", "rate_limit"), ("error_rate", "error"),
                       ("drop_rate", "drop"), ("stall_rate", "stall"),
                       ("corrupt_rate", "corrupt")):
        rate = settings.get(key, 0)
        if rate and _state.rng.random() < rate:
            return fault
    return None


def _before_request():
    path = request.path
    with _state.lock:
        if not path.startswith("/_test/"):  # count the system under test, not the probes
            _state.by_path[path] += 1
        settings = _state.settings
        if not _applies(path, settings):
            return None
        fault = _draw(settings)
        latency = settings.get("latency_ms", 0)
        retry_after = str(settings.get("retry_after", 1))
        status = settings.get("error_status", 503)
        g.stall_ms = settings.get("stall_ms", 60000)
        g.throttle_kbps = settings.get("throttle_kbps", 0)
        if fault:
            _state.counters[f"faults_{fault}"] += 1
    if latency:
        time.sleep(latency / 1000)
    if fault == "rate_limit":
        response = jsonify({"detail": "Too many requests: slow down.", "code": "rate_limited"})
        response.status_code = 429
        response.headers["Retry-After"] = retry_after
        return response
    if fault == "error":
        response = jsonify({"detail": "Injected server fault.", "code": "injected_fault"})
        response.status_code = status
        if status == 503:
            response.headers["Retry-After"] = retry_after
        return response
    if fault in _BODY_FAULTS:
        g.body_fault = fault
    if fault == "reset":
        g.reset_connection = True
    return None


def _close(sock) -> None:
    """End the connection under the server's feet (gunicorn hands us its socket; the
    development server closes by itself when a body ends short)."""
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _cut(body_iter, limit: int, sock, silence: float = 0.0):
    """The first `limit` bytes, then (after `silence` seconds of nothing) a closed
    connection: the client sees a short body."""
    sent = 0
    for chunk in body_iter:
        if sent + len(chunk) >= limit:
            yield chunk[:max(limit - sent, 0)]
            break
        sent += len(chunk)
        yield chunk
    deadline = time.monotonic() + silence
    while time.monotonic() < deadline:
        time.sleep(min(0.1, deadline - time.monotonic()))
    _close(sock)


def _damaged(body_iter):
    for chunk in body_iter:
        if chunk:
            chunk = bytes([chunk[0] ^ 0xFF]) + chunk[1:]
        yield chunk


def _paced(body_iter, kib_per_second: int):
    rate, sent, start = kib_per_second * 1024, 0, time.monotonic()
    for chunk in body_iter:
        for offset in range(0, len(chunk), PACE_BLOCK):
            piece = chunk[offset:offset + PACE_BLOCK]
            ahead = sent / rate - (time.monotonic() - start)
            if ahead > 0:
                time.sleep(ahead)
            sent += len(piece)
            yield piece


def _reset(response):
    """Close the connection before the answer's first byte (the request was processed)."""
    _close(request.environ.get("gunicorn.socket") or request.environ.get("werkzeug.socket"))
    return response  # the server's write fails quietly: the connection is gone


def _after_request(response):
    if g.pop("reset_connection", False):
        return _reset(response)
    fault = g.pop("body_fault", None)
    throttle = g.pop("throttle_kbps", 0)
    if not fault and not throttle:
        return response
    length = response.content_length
    if length is None:  # a generated body: buffer it to know (and announce) its length
        response.direct_passthrough = False
        length = len(response.get_data())
        response.headers["Content-Length"] = str(length)
    body = response.iter_encoded()
    if throttle:
        body = _paced(body, throttle)
    sock = request.environ.get("gunicorn.socket")
    if fault == "drop":
        body = _cut(body, max(length // 2, 0), sock)
    elif fault == "stall":
        body = _cut(body, max(length // 2, 0), sock, g.get("stall_ms", 60000) / 1000)
    elif fault == "corrupt":
        body = _damaged(body)
    response.response = body
    response.direct_passthrough = True
    return response


@bp.post("/_test/faults")
def post_faults():
    set_faults(request.get_json(silent=True) if request.get_data() else {})
    return jsonify({"faults": _state.settings})


@bp.get("/_test/faults")
def get_faults():
    with _state.lock:
        return jsonify({"faults": dict(_state.settings)})


@bp.post("/_test/config")
def post_config():
    values = request.get_json(silent=True)
    if not isinstance(values, dict):
        raise errors.validation_error("body", "must be a JSON object of settings")
    config = current_app.config["DINAMIS"]
    for key, value in values.items():
        if key not in RUNTIME_CONFIG:
            raise errors.validation_error(key, f"not settable; one of {', '.join(RUNTIME_CONFIG)}")
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise errors.validation_error(key, "must be a non-negative integer (seconds; stac_context 0 or 1)")
    for key, value in values.items():
        setattr(config, key, value)
    return jsonify({key: getattr(config, key) for key in RUNTIME_CONFIG})


@bp.get("/_test/counters")
def get_counters():
    with _state.lock:
        body = {name: _state.counters.get(name, 0) for name in
                ("sign_requests", "signed_urls", "token_requests", "refresh_grants")}
        body.update({k: v for k, v in _state.counters.items() if k not in body})
        body["requests_by_path"] = dict(_state.by_path)
        body["bytes_by_path"] = dict(_state.bytes_by_path)
    return jsonify(body)


@bp.post("/_test/counters/reset")
def reset_counters():
    with _state.lock:
        _state.counters.clear()
        _state.by_path.clear()
        _state.bytes_by_path.clear()
    return jsonify({"reset": True})


def init_app(app) -> None:
    config = app.config["DINAMIS"]
    if not (config.test_mode or config.faults):
        return
    set_faults(config.faults)
    app.before_request(_before_request)
    app.after_request(_after_request)
    if config.test_mode:
        app.register_blueprint(bp)
