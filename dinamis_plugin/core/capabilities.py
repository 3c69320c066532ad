"""What one STAC API can do, in one frozen object: read from its conformance classes,
queryables, sortables and collections (`Catalogue.capabilities()`).

The dock, Processing and the console offer a criterion only where this says it works.
Conformance classes are matched whatever their STAC API 1.x version (a current
stac-fastapi-pgstac advertises sort v1.1.0 and filter v1.0.0-rc.2). A property is
filterable only when the queryables list it: `additionalProperties: true` (pgstac's) means
the server accepts any name, not that its items carry it, so a filter on an unlisted
property could silently match nothing.
"""
import re
from dataclasses import dataclass
from typing import Iterable, Optional, Tuple

from .availability import collection_availability

_STAC_CLASS = re.compile(r"https://api\.stacspec\.org/v1\.\d+\.[^/]*(/.+)")
AGGREGATION_CLASS = re.compile(r"https://api\.stacspec\.org/v\d+\.\d+\.[^/]*/aggregation")
_CQL2_LANGUAGES = {"http://www.opengis.net/spec/cql2/1.0/conf/cql2-json": "cql2-json",
                   "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text": "cql2-text"}
QUERYABLES_REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables"
SORTABLES_REL = "http://www.opengis.net/def/rel/ogc/1.0/sortables"
_SORTABLE_TYPES = ("string", "number", "integer", "datetime")
_ALWAYS_SORTABLE = ("datetime", "id")  # core fields every sort implementation takes


@dataclass(frozen=True)
class Queryable:
    """One property a filter may name. `type` is "string", "number", "integer", "boolean",
    "array", "object", "datetime" (a date-time string), "geometry", or None when the
    schema only refers elsewhere (`$ref`)."""

    name: str
    type: Optional[str] = None
    title: str = ""
    enum: Tuple = ()
    minimum: Optional[float] = None
    maximum: Optional[float] = None


@dataclass(frozen=True)
class CollectionInfo:
    """A collection as the search needs it: `availability` is "downloadable", "orderable"
    or None (its metadata does not say; its items then tell, one by one). `start`/`end`
    are its temporal extent (ISO texts, None when open or unknown)."""

    id: str
    title: str = ""
    availability: Optional[str] = None
    start: Optional[str] = None
    end: Optional[str] = None


@dataclass(frozen=True)
class CatalogueCapabilities:
    """What the catalogue offers. Flags:

    - `item_search`: POST/GET /search exists (else nothing can be searched);
    - `free_text`: `q` on item search (the free-text extension, basic form: POST `q` is a
      list of terms, any of which may match); `free_text_advanced`: `q` takes the
      extension's advanced syntax (AND, OR, quotes, +/-) as one string;
    - `filter` (CQL2, `filter_languages`), `sort`, `fields`, `aggregation` extensions.

    `queryables`: the properties filters may name; `any_property_accepted`: the queryables
    say `additionalProperties: true`. `sortables`: the fields `sortby` may name, read from
    the API's sortables when it publishes them (`sortables_listed`), else the core fields
    and the scalar queryables. `collections`: every collection the API lists.
    """

    conforms_to: Tuple[str, ...] = ()
    item_search: bool = False
    free_text: bool = False
    free_text_advanced: bool = False
    filter: bool = False
    filter_languages: Tuple[str, ...] = ()
    sort: bool = False
    fields: bool = False
    aggregation: bool = False
    queryables: Tuple[Queryable, ...] = ()
    any_property_accepted: bool = False
    sortables: Tuple[str, ...] = ()
    sortables_listed: bool = False
    collections: Tuple[CollectionInfo, ...] = ()

    @property
    def collection_ids(self) -> Tuple[str, ...]:
        return tuple(c.id for c in self.collections)

    def collection(self, collection_id: str) -> Optional[CollectionInfo]:
        return next((c for c in self.collections if c.id == collection_id), None)

    def queryable(self, name: str) -> Optional[Queryable]:
        name = _bare(name)
        return next((q for q in self.queryables if q.name == name), None)

    def can_filter_on(self, name: str) -> bool:
        """True when a filter on this property is offered and means something."""
        return self.filter and self.queryable(name) is not None

    def can_sort_on(self, name: str) -> bool:
        return self.sort and _bare(name.lstrip("+-")) in self.sortables


def _bare(name: str) -> str:
    return name[len("properties."):] if name.startswith("properties.") else name


def stac_fragments(conforms_to: Iterable[str]) -> set:
    """The version-free part of each STAC API class: "/item-search#sort", "/core"..."""
    fragments = set()
    for uri in conforms_to:
        found = _STAC_CLASS.fullmatch(str(uri).strip())
        if found:
            fragments.add(found.group(1))
    return fragments


def from_conformance(conforms_to: Iterable[str], links: Iterable[dict] = ()) -> dict:
    """The extension flags (CatalogueCapabilities fields) the classes and landing links say."""
    uris = [str(u) for u in conforms_to]
    fragments = stac_fragments(uris)
    rels = {link.get("rel") for link in links}
    languages = tuple(lang for uri, lang in _CQL2_LANGUAGES.items() if uri in uris)
    has_filter = "/item-search#filter" in fragments
    return {
        "conforms_to": tuple(uris),
        "item_search": "/item-search" in fragments or "search" in rels,
        "free_text": bool({"/item-search#free-text", "/item-search#advanced-free-text"}
                          & fragments),
        "free_text_advanced": "/item-search#advanced-free-text" in fragments,
        "filter": has_filter,
        "filter_languages": (languages or ("cql2-json",)) if has_filter else (),
        "sort": "/item-search#sort" in fragments,
        "fields": "/item-search#fields" in fragments,
        "aggregation": any(AGGREGATION_CLASS.fullmatch(u) for u in uris) or "aggregate" in rels,
    }


def sortables_published(conforms_to: Iterable[str], links: Iterable[dict]) -> bool:
    return ("/item-search#sortables" in stac_fragments(conforms_to)
            or any(link.get("rel") == SORTABLES_REL for link in links))


def queryables_from_schema(schema: dict) -> Tuple[Tuple[Queryable, ...], bool]:
    """(queryables, additional properties accepted) from a queryables JSON Schema."""
    if not isinstance(schema, dict):
        return (), False
    properties = schema.get("properties") if isinstance(schema.get("properties"), dict) else {}
    found = tuple(_queryable(_bare(name), definition if isinstance(definition, dict) else {})
                  for name, definition in properties.items())
    return found, schema.get("additionalProperties", True) is not False


def _queryable(name: str, definition: dict) -> Queryable:
    kind = definition.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    if kind == "string" and definition.get("format") == "date-time":
        kind = "datetime"
    ref = str(definition.get("$ref") or "")
    if kind is None and (name == "geometry" or "geojson" in ref.lower()):
        kind = "geometry"
    enum = definition.get("enum")
    return Queryable(name=name, type=kind if isinstance(kind, str) else None,
                     title=str(definition.get("title") or ""),
                     enum=tuple(enum) if isinstance(enum, list) else (),
                     minimum=_number(definition.get("minimum")),
                     maximum=_number(definition.get("maximum")))


def _number(value) -> Optional[float]:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) \
        else None


def sortables_from_schema(schema: dict) -> Tuple[str, ...]:
    properties = schema.get("properties") if isinstance(schema, dict) else None
    return tuple(_bare(name) for name in properties) if isinstance(properties, dict) else ()


def inferred_sortables(queryables: Iterable[Queryable]) -> Tuple[str, ...]:
    """Without published sortables: the core fields, then the scalar queryables (what a
    pgstac sorts on; its sort takes any property). A queryable known only by a `$ref`
    (pgstac up to 0.9 seeds eo:cloud_cover so; 0.10 seeds only id, datetime and geometry) counts as scalar: only geometries, arrays and objects
    cannot be sorted."""
    names = list(_ALWAYS_SORTABLE)
    names += [q.name for q in queryables
              if (q.type in _SORTABLE_TYPES or q.type is None) and q.name not in names]
    return tuple(names)


def collection_info(collection: dict) -> CollectionInfo:
    """A CollectionInfo from a STAC Collection dict."""
    interval = (((collection.get("extent") or {}).get("temporal") or {}).get("interval")
                or [[None, None]])
    first = interval[0] if interval and isinstance(interval[0], list) else [None, None]
    first = (list(first) + [None, None])[:2]
    return CollectionInfo(id=str(collection.get("id") or ""),
                          title=str(collection.get("title") or ""),
                          availability=collection_availability(collection),
                          start=first[0] if isinstance(first[0], str) else None,
                          end=first[1] if isinstance(first[1], str) else None)
