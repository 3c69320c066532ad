"""The demand manager: projects and requests for new imagery, quotas, prices, lifecycle.

No public spec exists for the real one, so this is a plain JSON REST API under
/demands/api/v1/, published as OpenAPI 3 at /demands/openapi.json (openapi/demands.yaml).
Errors: {"error": ..., "field": ..., "reason": ...}; account problems come from auth.py
as {"detail": ..., "code": "account_pending"}.
"""
from datetime import datetime, timezone
from pathlib import Path

import yaml
from flask import Blueprint, jsonify, request

from . import demands_evaluation as evaluation
from . import demands_lifecycle as lifecycle
from . import demands_store as store
from . import demands_validation as v
from . import quotas
from .auth import current_user, require_active
from .db import get_db, write_lock
from .demands_options import (CATEGORIES, DEFAULT_PRODUCTION_OPTIONS, KINDS, MAX_INCIDENCE_DEG,
                              MIN_ORDER_KM2, MODES, PRODUCTION_OPTIONS, SCIENTIFIC_CATEGORIES,
                              SENSORS)
from .errors import ApiError, validation_error

bp = Blueprint("demands", __name__)
API = "/api/v1"
SPEC_PATH = Path(__file__).with_name("openapi") / "demands.yaml"
_spec_cache = {}

REQUEST_FIELDS = ("kind", "project_id", "item_id", "sensor", "aoi", "period", "mode",
                  "max_cloud_cover", "max_incidence", "production_options", "note", "submit")
PATCHABLE_FIELDS = ("item_id", "aoi", "period", "mode", "max_cloud_cover", "max_incidence",
                    "production_options", "note")
PROJECT_FIELDS = ("title", "themes", "start_date", "end_date", "description", "objectives",
                  "methodology", "expected_results", "prior_publications")


def _not_found(what: str, ident: str) -> ApiError:
    return ApiError(404, {"error": "not_found", "field": "id",
                          "reason": f"no {what} with id '{ident[:80]}' among those you can see"})


def _json_body() -> dict:
    try:
        body = request.get_json(force=True, silent=True)
    except RecursionError:  # absurdly nested JSON: the parser gives up before ValueError
        body = None
    return v.require_object(body)


def _reject_unknown(body: dict, known) -> None:
    for key in body:
        if key not in known:
            raise validation_error(key, "unknown field; known: " + ", ".join(known))


def _page(items, total, limit, offset):
    return jsonify({"items": items, "total": total, "limit": limit, "offset": offset})


def _year_arg() -> int:
    raw = request.args.get("year")
    if raw is None:
        return datetime.now(timezone.utc).year
    try:
        year = int(raw)
    except ValueError:
        raise validation_error("year", f"must be an integer, got '{raw[:40]}'") from None
    if not 2000 <= year <= 2100:
        raise validation_error("year", "must be between 2000 and 2100")
    return year


def _member(user: dict) -> dict:
    """Projects, quotes and requests need a member category (operators have none)."""
    if user.get("category") not in CATEGORIES:
        raise lifecycle.forbidden("category", "only DINAMIS member accounts (with a user"
                                              " category) file requests")
    return user


# --- the spec ---

@bp.get("/openapi.json")
def openapi():
    if "spec" not in _spec_cache:
        _spec_cache["spec"] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    spec = dict(_spec_cache["spec"])
    spec["servers"] = [{"url": request.host_url.rstrip("/") + "/demands" + API}]
    return jsonify(spec)


# --- who am I, quotas ---

@bp.get(f"{API}/me")
def me():
    user = current_user()
    return jsonify({k: user.get(k) for k in ("username", "name", "email", "entity", "category",
                                             "status", "roles", "expires_at")})


@bp.get(f"{API}/me/quotas")
def my_quotas():
    user = current_user()
    year = _year_arg()
    return jsonify({"username": user["username"], "category": user.get("category"),
                    "year": year, "quotas": quotas.my_quotas(get_db(), user, year)})


@bp.get(f"{API}/quota-rules")
def quota_rules():
    year = _year_arg() if "year" in request.args else None
    return jsonify({"rules": quotas.all_rules(get_db(), year)})


@bp.get(f"{API}/options")
def options():
    """The enumerated choices, so a client form offers exactly what the server accepts."""
    return jsonify({
        "kinds": list(KINDS), "modes": list(MODES), "statuses": list(lifecycle.STATUSES),
        "sensors": [{"id": k, "code": s["code"], "label": s["label"]}
                    for k, s in SENSORS.items()],
        "production_options": {k: {"values": list(vals), "default": DEFAULT_PRODUCTION_OPTIONS[k]}
                               for k, vals in PRODUCTION_OPTIONS.items()},
        "max_incidence_deg": MAX_INCIDENCE_DEG, "min_order_km2": MIN_ORDER_KM2,
        "max_aoi_vertices": v.MAX_VERTICES})


# --- projects ---

def _project_fields(body: dict, category: str) -> dict:
    """Checked project fields (a whole project: an edit merges its patch in first)."""
    _reject_unknown(body, PROJECT_FIELDS)
    start = v.iso_date(body.get("start_date"), "start_date")
    end = v.iso_date(body.get("end_date"), "end_date")
    if end < start:
        raise validation_error("end_date", "must not be before start_date")
    science = category in SCIENTIFIC_CATEGORIES
    fields = {"title": v.text(body, "title", max_len=200),
              "themes": v.string_list(body, "themes"),
              "start_date": start.isoformat(), "end_date": end.isoformat(),
              "description": v.text(body, "description")}
    for name in ("objectives", "methodology", "expected_results"):
        fields[name] = v.text(body, name, required=science)
    fields["prior_publications"] = v.string_list(body, "prior_publications", max_items=50,
                                                 max_len=1000)
    return fields


@bp.post(f"{API}/projects")
def create_project():
    user = _member(require_active(current_user()))
    category = user["category"]
    fields = _project_fields(_json_body(), category)
    conn = get_db()
    project_id = store.create_project(conn, user, category, CATEGORIES[category], fields)
    return jsonify(store.get_project(conn, project_id)), 201


@bp.get(f"{API}/projects")
def list_projects():
    user = current_user()
    limit, offset = v.paging(request.args)
    return _page(*store.list_projects(get_db(), user, limit, offset), limit, offset)


def _visible_project(conn, user, project_id):
    project = store.get_project(conn, project_id)
    if project is None or not store.can_see(user, project["owner"], project["entity"]):
        return None
    return project


@bp.get(f"{API}/projects/<project_id>")
def get_project(project_id):
    user = current_user()
    project = _visible_project(get_db(), user, project_id)
    if project is None:
        raise _not_found("project", project_id)
    return jsonify(project)


@bp.patch(f"{API}/projects/<project_id>")
def edit_project(project_id):
    """The owner edits a project; the merged whole is validated as a new one would be."""
    user = _member(require_active(current_user()))
    patch = _json_body()
    _reject_unknown(patch, PROJECT_FIELDS)
    conn = get_db()
    with write_lock(), conn:
        project = _visible_project(conn, user, project_id)
        if project is None:
            raise _not_found("project", project_id)
        if project["owner"] != user["username"]:
            raise lifecycle.forbidden("id", f"only its owner ({project['owner']}) edits a"
                                            " project")
        merged = {k: project.get(k) for k in PROJECT_FIELDS}
        merged.update(patch)
        store.update_project(conn, project_id, _project_fields(merged, project["category"]))
    return jsonify(store.get_project(conn, project_id))


@bp.post(f"{API}/requests/quote")
def quote():
    user = _member(current_user())
    body = _json_body()
    _reject_unknown(body, REQUEST_FIELDS)
    fields, split = evaluation.evaluate(get_db(), user, body)
    return jsonify({"kind": fields["kind"], "sensor": fields["sensor"], **split})


# --- requests ---

def _idempotency_key():
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return None
    if not 1 <= len(key) <= 200 or not key.isprintable():
        raise validation_error("Idempotency-Key", "must be 1 to 200 printable characters")
    return key


def _first_difference(a: dict, b: dict) -> str:
    for key in sorted(set(a) | set(b)):
        if a.get(key) != b.get(key):
            return key
    return "body"


@bp.post(f"{API}/requests")
def create_request():
    user = _member(require_active(current_user()))
    body = _json_body()
    key = _idempotency_key()
    conn = get_db()
    with write_lock(), conn:
        if key is not None:
            previous = store.idempotent_match(conn, user["username"], key)
            if previous is not None:
                sent, request_id = previous
                if sent != body:
                    field = _first_difference(sent, body)
                    raise lifecycle.conflict(field, f"Idempotency-Key '{key}' was already used"
                                                    f" for request {request_id} with a different"
                                                    f" '{field}'", error="idempotency_conflict")
                return jsonify(store.get_request(conn, request_id)), 200
        _reject_unknown(body, REQUEST_FIELDS)
        project_id = v.text(body, "project_id", max_len=80)
        project = _visible_project(conn, user, project_id)
        if project is None or project["entity"] != user.get("entity"):
            raise validation_error("project_id", f"no project '{project_id[:80]}' of your entity")
        submit = body.get("submit", True)
        if not isinstance(submit, bool):
            raise validation_error("submit", "must be true (submit now) or false (keep a draft)")
        fields, split = evaluation.evaluate(conn, user, body)
        request_id = store.insert_request(
            conn, user, project, KINDS[fields["kind"]], SENSORS[fields["sensor"]]["code"],
            fields, split, "submitted" if submit else "draft",
            idempotency=(key, body) if key is not None else None)
    return jsonify(store.get_request(conn, request_id)), 201


@bp.get(f"{API}/requests")
def list_requests():
    user = current_user()
    limit, offset = v.paging(request.args)
    status = v.choice(request.args, "status", lifecycle.STATUSES, required=False)
    return _page(*store.list_requests(get_db(), user, limit, offset, status), limit, offset)


def _visible_request(conn, user, request_id) -> dict:
    found = store.get_request(conn, request_id)
    if found is None or not store.can_see(user, found["owner"], found["entity"]):
        raise _not_found("request", request_id)
    return found


@bp.get(f"{API}/requests/<request_id>")
def get_request(request_id):
    return jsonify(_visible_request(get_db(), current_user(), request_id))


@bp.patch(f"{API}/requests/<request_id>")
def edit_request(request_id):
    user = require_active(current_user())
    conn = get_db()
    patch = _json_body()
    with write_lock(), conn:
        found = _visible_request(conn, user, request_id)
        if found["owner"] != user["username"]:
            raise lifecycle.forbidden("id", f"only the requester ({found['owner']}) edits it")
        if found["status"] not in lifecycle.EDITABLE:
            raise lifecycle.conflict("status", f"a request in status '{found['status']}' cannot"
                                               " be edited; only a draft or one sent back for"
                                               " changes")
        _reject_unknown(patch, PATCHABLE_FIELDS)
        merged = {k: found[k] for k in ("kind", "sensor", *PATCHABLE_FIELDS) if k in found}
        merged.update(patch)
        if found["kind"] == "programming":
            merged.pop("item_id", None)
        fields, split = evaluation.evaluate(conn, user, merged, exclude_id=request_id)
        if fields["sensor"] != found["sensor"]:
            raise validation_error("item_id", "the new item is from another sensor; create a"
                                              " new request instead")
        store.update_request(conn, request_id, fields=fields, quote=split)
    return jsonify(store.get_request(conn, request_id))


@bp.post(f"{API}/requests/<request_id>/transitions")
def transition(request_id):
    user = current_user()
    body = _json_body()
    _reject_unknown(body, ("to", "comment"))
    to = v.choice(body, "to", lifecycle.STATUSES)
    comment = v.text(body, "comment", required=to in lifecycle.COMMENT_REQUIRED, default="")
    conn = get_db()
    with write_lock(), conn:
        found = _visible_request(conn, user, request_id)
        lifecycle.check_transition(user, found, to)
        if to == "submitted":
            require_active(user)
        split = None
        if to in ("submitted", "accepted"):  # the quota share is decided now, not at draft
            owner = {"username": found["owner"], "category": found["category"]}
            split = evaluation.quote(conn, owner, found["kind"], found["sensor"],
                                     found["area_km2"], exclude_id=request_id)
        store.update_request(conn, request_id, status=to, quote=split)
        store.add_history(conn, request_id, user["username"], found["status"], to, comment)
    return jsonify(store.get_request(conn, request_id))


@bp.get(f"{API}/requests/<request_id>/history")
def history(request_id):
    return jsonify({"items": _visible_request(get_db(), current_user(), request_id)["history"]})


@bp.post(f"{API}/requests/<request_id>/messages")
def post_message(request_id):
    user = current_user()
    body = _json_body()
    _reject_unknown(body, ("text",))
    text = v.text(body, "text")
    conn = get_db()
    with conn:
        _visible_request(conn, user, request_id)
        role = "dinamis" if "operator" in (user.get("roles") or []) else "requester"
        message = store.add_message(conn, request_id, user["username"], role, text)
    return jsonify(message), 201


@bp.get(f"{API}/requests/<request_id>/messages")
def list_messages(request_id):
    user = current_user()
    limit, offset = v.paging(request.args)
    conn = get_db()
    _visible_request(conn, user, request_id)
    return _page(*store.list_messages(conn, request_id, limit, offset), limit, offset)
