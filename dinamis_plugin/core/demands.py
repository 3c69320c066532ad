"""The demand manager's client: projects, requests for new imagery, quotes, the thread.

`DemandClient(http, demands_url)` speaks the API the reference server publishes at
`/demands/openapi.json` (the real DINAMIS has none public yet: a profile without
`demands_url` raises `DemandsUnavailable`, whose sentence sends the user to the web
form). `http` is an authenticated `DinamisSession.http`. Every call blocks: run it off
the UI thread (the QGIS glue does).

Filing a request is the one call that must never happen twice. The HTTP layer does not
resend a POST whose answer was lost; `submit` does, explicitly, with the same body and
the same `Idempotency-Key`, so the server answers with the request it already filed.
Quotes (they create nothing) and edits (the same values twice) are marked `retry_safe`;
transitions and messages are not, so neither can happen twice behind the user's back.
"""
import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable, List, Optional

from .demand_models import (DemandRequest, HistoryEntry, Message, Options, Project, Quote,
                            QuotaRule, page_items)
from .errors import (DinamisError, EndpointInvalid, RateLimited, ServerError,
                     ServiceUnreachable)
from .http import call
from .i18n import tr
from .quotas import Quota

LOG = logging.getLogger("dinamis")

PAGE_SIZE = 100
SUBMIT_ATTEMPTS = 4
SUBMIT_BACKOFF_S = 1.0
# Failures after which a request with an idempotency key may have been filed or not: the
# same key and body are sent again (never another key).
UNCERTAIN = (ServiceUnreachable, ServerError, RateLimited)


class DemandsUnavailable(DinamisError):
    """The deployment has no demand manager API (the real DINAMIS today)."""

    def __init__(self, profile_name: str = ""):
        self.profile_name = profile_name
        super().__init__(tr("The DINAMIS services of \"{profile}\" have no interface for "
                            "requests from QGIS. Prepare the area here, export it, and file the "
                            "request in the DINAMIS web form.").format(profile=profile_name))


class SubmissionUncertain(DinamisError):
    """Every attempt to file a request lost its answer: it may or may not exist."""

    def __init__(self, cause: Optional[DinamisError] = None):
        self.cause = cause
        message = tr("The connection to DINAMIS failed while your request was being filed, and "
                     "the retries got no answer either. It may or may not have been filed. "
                     "Press \"Retry\" when the connection is back: the very same request is sent "
                     "again, and DINAMIS will not file it twice.")
        if cause is not None:
            message += " (" + str(cause) + ")"
        super().__init__(message)


@dataclass(frozen=True)
class SubmitResult:
    request: DemandRequest
    replayed: bool  # True: DINAMIS had filed it already (an earlier attempt got through)
    attempts: int


class DemandClient:
    """Blocking calls to one demand manager (`demands_url` ends with "/")."""

    def __init__(self, http, demands_url: Optional[str], profile_name: str = ""):
        if not demands_url:
            raise DemandsUnavailable(profile_name)
        self.http = http
        self.base = demands_url if demands_url.endswith("/") else demands_url + "/"

    @classmethod
    def for_session(cls, session) -> "DemandClient":
        """The client of a `DinamisSession`'s profile (DemandsUnavailable when it has none)."""
        profile = session.profile
        return cls(session.http, profile.demands_url, profile.name)

    # --- plumbing -----------------------------------------------------------------------
    def _json(self, method: str, path: str, **kwargs):
        url = self.base + path
        response = call(self.http, method, url, **kwargs)
        try:
            return response.json()
        except ValueError:
            raise EndpointInvalid(url, tr("a JSON answer")) from None

    def _all_pages(self, path: str, params: Optional[dict] = None) -> List[dict]:
        items, offset = [], 0
        while True:
            body = self._json("GET", path, params={**(params or {}), "limit": PAGE_SIZE,
                                                    "offset": offset})
            page = page_items(body)
            items += page
            total = body.get("total") if isinstance(body, dict) else None
            offset += len(page)
            if not page or not isinstance(total, int) or offset >= total:
                return items

    # --- reference data -----------------------------------------------------------------
    def options(self) -> Options:
        return Options.from_dict(self._json("GET", "options"))

    def quota_rules(self, year: Optional[int] = None) -> List[QuotaRule]:
        body = self._json("GET", "quota-rules", params={"year": year} if year else None)
        return [QuotaRule.from_dict(r) for r in page_items(body.get("rules")
                                                            if isinstance(body, dict) else [])]

    def my_quotas(self, year: Optional[int] = None) -> List[Quota]:
        body = self._json("GET", "me/quotas", params={"year": year} if year else None)
        return [Quota.from_dict(q) for q in page_items(body.get("quotas")
                                                        if isinstance(body, dict) else [])]

    def me(self) -> dict:
        return self._json("GET", "me")

    # --- projects -----------------------------------------------------------------------
    def projects(self) -> List[Project]:
        return [Project.from_dict(p) for p in self._all_pages("projects")]

    def project(self, project_id: str) -> Project:
        return Project.from_dict(self._json("GET", f"projects/{project_id}"))

    def create_project(self, fields: dict) -> Project:
        return Project.from_dict(self._json("POST", "projects", json=fields))

    def edit_project(self, project_id: str, changes: dict) -> Project:
        return Project.from_dict(self._json("PATCH", f"projects/{project_id}", json=changes,
                                            retry_safe=True))  # the same values twice

    # --- requests -----------------------------------------------------------------------
    def quote(self, body: dict) -> Quote:
        """What DINAMIS would charge for this request body; files nothing."""
        sent = {k: v for k, v in body.items() if k != "submit"}
        return Quote.from_dict(self._json("POST", "requests/quote", json=sent,
                                          retry_safe=True))  # creates nothing

    def submit(self, body: dict, idempotency_key: str, attempts: int = SUBMIT_ATTEMPTS,
               backoff_s: float = SUBMIT_BACKOFF_S, cancel_event: Optional[threading.Event] = None,
               on_retry: Optional[Callable[[int, DinamisError], None]] = None) -> SubmitResult:
        """File a request (or a server-side draft with `submit: false`), once.

        Network failures and 5xx answers are retried with the same body and key; a 4xx
        (invalid body, account not active) is raised at once. `SubmissionUncertain` when
        no attempt got an answer: call again later with the same body and key.
        """
        if not idempotency_key:
            raise ValueError("an idempotency key is required")
        url = self.base + "requests"
        last: Optional[DinamisError] = None
        for attempt in range(1, attempts + 1):
            try:
                response = call(self.http, "POST", url, json=body,
                                headers={"Idempotency-Key": idempotency_key})
                data = response.json()
                return SubmitResult(DemandRequest.from_dict(data),
                                    replayed=response.status_code == 200, attempts=attempt)
            except ValueError:  # an answer cut short that still parsed as far as it went
                last = ServiceUnreachable(url)
            except UNCERTAIN as error:
                last = error
            LOG.info("filing the request got no clear answer (attempt %d of %d): %s",
                     attempt, attempts, type(last).__name__)
            if attempt == attempts:
                break
            if on_retry is not None:
                on_retry(attempt, last)
            delay = backoff_s * (2 ** (attempt - 1))
            if isinstance(last, RateLimited) and last.retry_after:
                delay = max(delay, min(last.retry_after, 30.0))
            if cancel_event is not None:
                if cancel_event.wait(delay):
                    break
            else:
                time.sleep(delay)
        raise SubmissionUncertain(last)

    def requests(self, status: Optional[str] = None) -> List[DemandRequest]:
        """Every request the caller can see: own ones; a referent's entity's; all for DINAMIS."""
        params = {"status": status} if status else None
        return [DemandRequest.from_dict(r) for r in self._all_pages("requests", params)]

    def request(self, request_id: str) -> DemandRequest:
        return DemandRequest.from_dict(self._json("GET", f"requests/{request_id}"))

    def edit_request(self, request_id: str, changes: dict) -> DemandRequest:
        return DemandRequest.from_dict(self._json("PATCH", f"requests/{request_id}",
                                                  json=changes, retry_safe=True))

    def transition(self, request_id: str, to: str, comment: str = "") -> DemandRequest:
        body = {"to": to}
        if comment:
            body["comment"] = comment
        return DemandRequest.from_dict(self._json("POST", f"requests/{request_id}/transitions",
                                                  json=body))

    def history(self, request_id: str) -> List[HistoryEntry]:
        body = self._json("GET", f"requests/{request_id}/history")
        return [HistoryEntry.from_dict(h) for h in page_items(body)]

    def messages(self, request_id: str) -> List[Message]:
        return [Message.from_dict(m) for m in self._all_pages(f"requests/{request_id}/messages")]

    def post_message(self, request_id: str, text: str) -> Message:
        return Message.from_dict(self._json("POST", f"requests/{request_id}/messages",
                                            json={"text": text}))
