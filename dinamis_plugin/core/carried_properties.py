"""Search criteria a catalogue can apply though its queryables do not list them.

A stock stac-fastapi-pgstac lists only `id`, `datetime` and `geometry` as queryables, yet
filters and sorts on any item property (`additionalProperties: true`): listing more is a
deployment's choice (`pypgstac load_queryables`), not something to count on. Trusting the
list alone would leave cloud cover unfilterable on the real catalogue; trusting
`additionalProperties` alone would filter on properties no item has (every image silently
dropped). So, only where other properties are accepted, one search per criterion the
plugin offers asks for an item that has the property (`limit` 1, CQL2 `not isNull`);
those found become queryables.
"""
from typing import Callable, Iterable, Tuple

from .capabilities import Queryable
from .errors import InvalidRequest, NotFound
from .search_params import CRITERIA


def carried_filter(name: str) -> dict:
    """CQL2 JSON: items that have property `name`."""
    return {"op": "not", "args": [{"op": "isNull", "args": [{"property": name}]}]}


def carried_queryables(search: Callable[[dict], dict],
                       listed: Iterable[Queryable]) -> Tuple[Queryable, ...]:
    """The criteria properties missing from `listed` that some item carries; `search(body)`
    sends one POST item search and returns the page. A search the server refuses (4xx)
    means the property cannot be filtered on there; any other failure (unreachable, 5xx)
    propagates, so that capabilities read during an outage are read again later rather
    than lose cloud cover for the whole session."""
    names = {q.name for q in listed}
    found = []
    for _field, name in CRITERIA:
        if name in names:
            continue
        try:
            page = search({"filter": carried_filter(name), "filter-lang": "cql2-json",
                           "limit": 1})
        except (InvalidRequest, NotFound):  # refused: the catalogue cannot filter on it
            continue
        if page.get("features"):
            found.append(Queryable(name=name, type="number"))
    return tuple(found)
