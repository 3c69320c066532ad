"""How many images a search matches, as far as is known: never a wrong number.

A stock stac-fastapi-pgstac may omit `numberMatched`; a filter applied by the plugin
(availability, where the server cannot filter on it) makes the server's number an upper
bound. So a count is a range: exact, "at least N", "at most N", "between N and M" or
unknown, with a translated sentence for the dock.
"""
from dataclasses import dataclass
from typing import Optional

from .i18n import tr

EXACT = "exact"
AT_LEAST = "at_least"
AT_MOST = "at_most"
BETWEEN = "between"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class SearchCount:
    """`lower` images at least (0 when nothing is known), `upper` at most (None: no bound)."""

    lower: int = 0
    upper: Optional[int] = None

    @classmethod
    def exactly(cls, value: int) -> "SearchCount":
        return cls(value, value)

    @property
    def kind(self) -> str:
        """"exact", "at_least", "at_most", "between" or "unknown"."""
        if self.upper is not None and self.lower == self.upper:
            return EXACT
        if self.upper is None:
            return AT_LEAST if self.lower > 0 else UNKNOWN
        return BETWEEN if self.lower > 0 else AT_MOST

    @property
    def exact(self) -> Optional[int]:
        """The number when it is known exactly, else None."""
        return self.lower if self.kind == EXACT else None

    def text(self) -> str:
        """The count in words, e.g. "at least 250 images"."""
        kind = self.kind
        if kind == EXACT:
            if self.lower == 0:
                return tr("no image")
            if self.lower == 1:
                return tr("1 image")
            return tr("{count} images").format(count=self.lower)
        if kind == AT_LEAST:
            return tr("at least {count} images").format(count=self.lower)
        if kind == AT_MOST:
            return tr("at most {count} images").format(count=self.upper)
        if kind == BETWEEN:
            return tr("between {low} and {high} images").format(low=self.lower,
                                                                high=self.upper)
        return tr("an unknown number of images")

    def __str__(self) -> str:
        return self.text()
