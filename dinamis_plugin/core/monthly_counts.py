"""Images per month for a search (the dock's timeline), by the cheapest honest route.

- "aggregation": the aggregation extension's `datetime_frequency` (one request, exact);
- "month_searches": one search per month, each reading `numberMatched` (exact, when the
  server counts and the months are few);
- "paging": the matching images' dates read page after page, newest first, with the
  fields extension asking for little more than the date (exact when every page was read
  within the request budget; otherwise the older months are incomplete, and the result
  says from which month on the counts are whole).
Every route is bounded (`max_requests`), and the result names its route and whether it is
complete, so the dock can say so.
"""
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Optional, Tuple

from .i18n import tr

AGGREGATION = "aggregation"
MONTH_SEARCHES = "month_searches"
PAGING = "paging"
NOTHING_TO_COUNT = "none"
DEFAULT_MAX_REQUESTS = 24
PAGE_SIZE = 1000


@dataclass(frozen=True)
class MonthlyCounts(Mapping):
    """{"YYYY-MM": images} (a read-only mapping, oldest month first) and how it was made.

    `route`: "aggregation", "month_searches", "paging" or "none" (nothing can match).
    `complete`: every matching image is counted. When paging newest first stopped early,
    `complete_from` is the first month whose count is whole (older months are partial).
    `requests`: how many requests it cost.
    """

    counts: Tuple[Tuple[str, int], ...] = ()
    route: str = NOTHING_TO_COUNT
    complete: bool = True
    complete_from: Optional[str] = None
    requests: int = 0
    images_read: int = 0

    def __getitem__(self, month: str) -> int:
        for key, value in self.counts:
            if key == month:
                return value
        raise KeyError(month)

    def __iter__(self):
        return (key for key, _ in self.counts)

    def __len__(self) -> int:
        return len(self.counts)

    def total(self) -> int:
        return sum(value for _, value in self.counts)

    def text(self) -> str:
        """How the counts were made, in words, for the dock."""
        if self.route == AGGREGATION:
            return tr("Counted by the catalogue.")
        if self.route == MONTH_SEARCHES:
            return tr("Counted with one search per month ({requests} requests).").format(
                requests=self.requests)
        if self.route == PAGING and self.complete and self.images_read == 1:
            return tr("Counted from the date of the only matching image.")
        if self.route == PAGING and self.complete:
            return tr("Counted from the dates of all {count} matching images.").format(
                count=self.images_read)
        if self.route == PAGING and self.complete_from:
            return tr("Counted from the {count} most recent images only: months before "
                      "{month} are incomplete.").format(count=self.images_read,
                                                        month=self.complete_from)
        if self.route == PAGING:
            return tr("Counted from {count} images only: the counts are incomplete.").format(
                count=self.images_read)
        return tr("Nothing to count.")


def from_buckets(counts: dict, route: str, requests: int, complete: bool = True,
                 complete_from: Optional[str] = None, images_read: int = 0) -> MonthlyCounts:
    return MonthlyCounts(counts=tuple(sorted((k, v) for k, v in counts.items() if v)),
                         route=route, complete=complete, complete_from=complete_from,
                         requests=requests, images_read=images_read)


def aggregation_buckets(answer: dict) -> dict:
    """{"YYYY-MM": n} from an aggregation answer's datetime_frequency buckets."""
    counts = {}
    for aggregation in answer.get("aggregations") or []:
        if aggregation.get("name") != "datetime_frequency":
            continue
        for bucket in aggregation.get("buckets") or []:
            key = str(bucket.get("key", ""))[:7]
            counts[key] = counts.get(key, 0) + int(bucket.get("frequency", 0))
    return counts


def month_of(item: dict) -> Optional[str]:
    properties = item.get("properties") or {}
    moment = properties.get("datetime") or properties.get("start_datetime")
    return str(moment)[:7] if moment else None


def months_between(start: datetime, end: datetime) -> list:
    """[(first instant, last instant, "YYYY-MM")] of each month from start to end."""
    months = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        nxt = (year + month // 12, month % 12 + 1)
        first = datetime(year, month, 1, tzinfo=timezone.utc)
        last = datetime(nxt[0], nxt[1], 1, tzinfo=timezone.utc) - timedelta(microseconds=1)
        months.append((max(first, start), min(last, end), f"{year:04d}-{month:02d}"))
        year, month = nxt
    return months


def next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}"


def pages_needed(total: int, page_size: int = PAGE_SIZE) -> int:
    return max(1, math.ceil(total / page_size))
