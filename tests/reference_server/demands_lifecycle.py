"""The life of a request for new imagery and who may move it along.

draft -> submitted -> under_instruction -> accepted | rejected | changes_requested;
changes_requested -> submitted (after edits); accepted -> in_production -> delivered ->
closed. The requester may withdraw until the decision. Anything else is refused with a
409 that says what is allowed from the current status.
"""
from .errors import ApiError

STATUSES = ("draft", "submitted", "under_instruction", "changes_requested", "accepted",
            "rejected", "in_production", "delivered", "closed", "withdrawn")
EDITABLE = ("draft", "changes_requested")

REQUESTER, OPERATOR = "requester", "operator"

# (from, to) -> who may make the move.
TRANSITIONS = {
    ("draft", "submitted"): REQUESTER,
    ("draft", "withdrawn"): REQUESTER,
    ("submitted", "under_instruction"): OPERATOR,
    ("submitted", "withdrawn"): REQUESTER,
    ("under_instruction", "accepted"): OPERATOR,
    ("under_instruction", "rejected"): OPERATOR,
    ("under_instruction", "changes_requested"): OPERATOR,
    ("under_instruction", "withdrawn"): REQUESTER,
    ("changes_requested", "submitted"): REQUESTER,
    ("changes_requested", "withdrawn"): REQUESTER,
    ("accepted", "in_production"): OPERATOR,
    ("in_production", "delivered"): OPERATOR,
    ("delivered", "closed"): OPERATOR,
}
# Moves where DINAMIS owes the requester an explanation.
COMMENT_REQUIRED = ("rejected", "changes_requested")


def allowed_from(status: str) -> list[str]:
    return [to for (frm, to) in TRANSITIONS if frm == status]


def conflict(field: str, reason: str, error="conflict") -> ApiError:
    return ApiError(409, {"error": error, "field": field, "reason": reason})


def forbidden(field: str, reason: str) -> ApiError:
    return ApiError(403, {"error": "forbidden", "field": field, "reason": reason})


def check_transition(user: dict, request: dict, to: str) -> None:
    """409 for a move the lifecycle does not have, 403 for one the caller may not make."""
    current = request["status"]
    who = TRANSITIONS.get((current, to))
    if who is None:
        allowed = ", ".join(allowed_from(current)) or "none (final status)"
        raise conflict("to", f"a request in status '{current}' cannot go to '{to}'; allowed"
                             f" from '{current}': {allowed}", error="illegal_transition")
    if who == OPERATOR and "operator" not in (user.get("roles") or []):
        raise forbidden("to", f"only a DINAMIS operator moves a request to '{to}'")
    if who == REQUESTER and request["owner"] != user["username"]:
        raise forbidden("to", f"only the requester ({request['owner']}) moves a request to"
                              f" '{to}'")
