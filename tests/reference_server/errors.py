"""JSON error answers in each service's own dialect; nothing ever answers an HTML 500."""
from flask import jsonify
from werkzeug.exceptions import HTTPException


class ApiError(Exception):
    """Raised anywhere in a view; rendered by the handler below."""

    def __init__(self, status: int, body: dict, headers: dict | None = None):
        super().__init__(body)
        self.status = status
        self.body = body
        self.headers = headers or {}


def stac_error(status, parameter, reason, code="InvalidParameterValue"):
    return ApiError(status, {"code": code, "description": f"{parameter}: {reason}",
                             "parameter": parameter, "reason": reason})


def detail_error(status, detail, code=None, **extra):
    """FastAPI-shaped error, as the real signing service answers."""
    body = {"detail": detail}
    if code:
        body["code"] = code
    body.update(extra)
    return ApiError(status, body)


def validation_error(field, reason, status=400, error="validation_error"):
    return ApiError(status, {"error": error, "field": field, "reason": reason})


def init_app(app):
    @app.errorhandler(ApiError)
    def _api_error(err: ApiError):
        response = jsonify(err.body)
        response.status_code = err.status
        response.headers.update(err.headers)
        return response

    @app.errorhandler(HTTPException)
    def _http_error(err: HTTPException):
        response = jsonify({"code": err.name.replace(" ", ""), "description": err.description})
        response.status_code = err.code or 500
        # Keep werkzeug's own headers (Allow on a 405, ...), not its HTML content type.
        response.headers.update({k: v for k, v in err.get_headers()
                                 if k.lower() != "content-type"})
        return response

    @app.errorhandler(Exception)
    def _unexpected(err: Exception):  # a bug: still JSON, logged with its traceback
        app.logger.exception("unexpected error")
        response = jsonify({"code": "InternalServerError", "description": type(err).__name__})
        response.status_code = 500
        return response
