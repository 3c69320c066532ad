"""`/`: what this server is and where each service lives; `/health` for start-up waits."""
from flask import Blueprint, current_app, jsonify

bp = Blueprint("index", __name__)


@bp.get("/")
def index():
    base = current_app.config["DINAMIS"].base_url
    return jsonify({
        "title": "DINAMIS reference server",
        "services": {
            "stac": f"{base}/stac/",
            "oidc_discovery": f"{base}/realms/dinamis/.well-known/openid-configuration",
            "signing": f"{base}/signing/",
            "object_store": f"{base}/s3/",
            "demands": f"{base}/demands/api/v1/",
            "demands_openapi": f"{base}/demands/openapi.json",
        },
    })


@bp.get("/health")
def health():
    return jsonify({"status": "ok"})
