"""OpenAPI 3.1 description of the signing service, shaped as FastAPI publishes the real one.

Clients read the token url from `components.securitySchemes.OAuth2PasswordBearer`; the
demand engineer's fuzz tests read the rest, so every limit here is the one signing.py
enforces (the url pattern is shared).
"""
import re

from .tokens import issuer

MAX_URLS = 64
MAX_URL_LENGTH = 4096
# Printable ASCII only, spelled out, so Python's re and JSON Schema's ECMA regex agree;
# the host part has no userinfo ('@') and no IPv6 brackets.
URL_REGEX = r"^https?://[A-Za-z0-9._~%!$&'()*+,;=:-]+([/?#][!-~]*)?$"
URL_PATTERN = re.compile(URL_REGEX)

_ERROR = {"$ref": "#/components/schemas/Error"}
_SECURITY = [{"OAuth2PasswordBearer": []}, {"AccessKey": [], "SecretKey": []}]


def _errors(*statuses) -> dict:
    reasons = {400: "Invalid parameter (the detail names it)", 401: "Not authenticated",
               403: "Account not active, or an API key used where a sign-in is needed",
               404: "Not found"}
    return {str(s): {"description": reasons[s],
                     "content": {"application/json": {"schema": _ERROR}}} for s in statuses}


def _ok(schema: dict, description: str = "Successful Response") -> dict:
    return {"200": {"description": description,
                    "content": {"application/json": {"schema": schema}}}}


def openapi_document(config) -> dict:
    url_item = {"type": "string", "pattern": URL_REGEX, "maxLength": MAX_URL_LENGTH}
    duration = {"type": "integer", "minimum": 1, "maximum": config.signature_max_duration,
                "description": "Validity of the signatures in seconds "
                               f"(default {config.signature_default_duration})."}
    token_url = f"{issuer(config)}/protocol/openid-connect/token"
    return {
        "openapi": "3.1.0",
        "info": {"title": "DINAMIS signing service (reference)", "version": "1.0.0"},
        "servers": [{"url": f"{config.base_url}/signing"}],
        "paths": {
            "/sign_urls": {"post": {
                "summary": "Sign Urls",
                "operationId": "sign_urls",
                "description": f"Sign at most {MAX_URLS} urls, given in the JSON body "
                               "with an optional `duration_seconds`.",
                "security": _SECURITY,
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/SignRequest"}}}},
                "responses": {**_ok({"$ref": "#/components/schemas/SignedUrls"}),
                              **_errors(400, 401, 403)},
            }},
            "/create_api_key": {"get": {
                "summary": "Create Api Key",
                "operationId": "create_api_key",
                "description": "Needs a sign-in (bearer token); the secret is shown only once.",
                "security": [{"OAuth2PasswordBearer": []}],
                "parameters": [{"name": "description", "in": "query", "required": False,
                                "schema": {"type": "string", "maxLength": 200}}],
                "responses": {**_ok({"$ref": "#/components/schemas/ApiKey"}),
                              **_errors(400, 401, 403)},
            }},
            "/list_api_keys_with_metadata": {"get": {
                "summary": "List Api Keys With Metadata",
                "operationId": "list_api_keys_with_metadata",
                "security": _SECURITY,
                "responses": {**_ok({"type": "array",
                                     "items": {"$ref": "#/components/schemas/ApiKeyMetadata"}}),
                              **_errors(401)},
            }},
            "/revoke_api_key": {"get": {
                "summary": "Revoke Api Key",
                "operationId": "revoke_api_key",
                "security": _SECURITY,
                "parameters": [{"name": "access_key", "in": "query", "required": True,
                                "schema": {"type": "string", "minLength": 1,
                                           "pattern": r"\S"}}],
                "responses": {**_ok({"type": "object", "required": ["revoked"],
                                     "properties": {"revoked": {"type": "string"}}}),
                              **_errors(400, 401, 404)},
            }},
        },
        "components": {
            "schemas": {
                "SignRequest": {"type": "object", "required": ["urls"], "properties": {
                    "urls": {"type": "array", "items": url_item, "maxItems": MAX_URLS},
                    "duration_seconds": {"anyOf": [duration, {"type": "null"}]}}},
                "SignedUrls": {"type": "object", "required": ["hrefs", "expiry"], "properties": {
                    "hrefs": {"type": "object", "additionalProperties": {"type": "string"}},
                    "expiry": {"type": "string", "format": "date-time"}}},
                "ApiKey": {"type": "object", "required": ["access-key", "secret-key"],
                           "properties": {"access-key": {"type": "string"},
                                          "secret-key": {"type": "string"}}},
                "ApiKeyMetadata": {"type": "object",
                                   "required": ["access_key", "description", "created_at"],
                                   "properties": {"access_key": {"type": "string"},
                                                  "description": {"type": "string"},
                                                  "created_at": {"type": "string",
                                                                 "format": "date-time"}}},
                "Error": {"type": "object", "required": ["detail"], "properties": {
                    "detail": {"type": "string"}, "code": {"type": "string"},
                    "field": {"type": "string"}}},
            },
            "securitySchemes": {
                "OAuth2PasswordBearer": {"type": "oauth2", "flows": {
                    "password": {"tokenUrl": token_url, "scopes": {}}}},
                "AccessKey": {"type": "apiKey", "in": "header", "name": "access-key"},
                "SecretKey": {"type": "apiKey", "in": "header", "name": "secret-key"},
            },
        },
    }
