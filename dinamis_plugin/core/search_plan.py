"""How one `SearchParameters` is sent to one catalogue, given what its STAC API offers.

A stock stac-fastapi-pgstac answers an unknown collection with an empty result, ignores a
`q` it does not support and accepts a filter on a property its items lack: each would
look like a true answer ("nothing found", "everything matches"). So before a request:
- an unknown collection id is an error naming it and the collections that exist;
- free text is sent only where item search offers it (the free-text extension: POST `q`
  is a list of terms, or the advanced syntax as one string), else it is an error;
- cloud cover and incidence angle are filtered only where the queryables list them; else
  they are skipped with a reason (`strict`: an error, what the console and Processing
  want);
- availability is filtered by the server when it is queryable, else by collection (when
  the collections' metadata tell) and otherwise item by item as pages arrive;
- `sortby` only on a sortable field.
"""
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from .availability import DOWNLOADABLE, ORDERABLE
from .errors import SearchNotSupported, UnknownCollection
from .i18n import tr
from .search_params import AVAILABILITY, CRITERIA, SearchParameters, all_of

# How availability is applied.
AVAILABILITY_NOT_ASKED = "none"
AVAILABILITY_BY_SERVER = "server"            # a filter on dinamis:availability
AVAILABILITY_BY_COLLECTION = "collections"   # only the collections that have it
AVAILABILITY_BY_ITEM = "items"               # each item checked as pages arrive


@dataclass(frozen=True)
class SkippedCriterion:
    """A criterion the catalogue cannot apply: `name` is the SearchParameters field."""

    name: str
    reason: str


@dataclass(frozen=True)
class SearchPlan:
    """What is sent (`kwargs` for pystac-client's ItemSearch, `free_text` as `q`) and what
    the plugin does itself (`client_availability`: keep only items of this availability).
    `empty`: nothing can match (no collection has the availability asked for), so no
    request is needed."""

    kwargs: dict = field(default_factory=dict)
    free_text: object = None
    client_availability: Optional[str] = None
    availability_route: str = AVAILABILITY_NOT_ASKED
    empty: bool = False
    skipped: Tuple[SkippedCriterion, ...] = ()

    def notes(self) -> List[str]:
        """Translated sentences the dock shows beside the results."""
        notes = [s.reason for s in self.skipped]
        if self.availability_route == AVAILABILITY_BY_COLLECTION:
            notes.append(tr("Availability is applied by collection: the catalogue cannot "
                            "filter on it."))
        elif self.availability_route == AVAILABILITY_BY_ITEM:
            notes.append(tr("Availability is checked image by image as results arrive: the "
                            "catalogue cannot filter on it, so counts are bounds."))
        return notes


def plan_search(params: SearchParameters, capabilities, strict: bool = False) -> SearchPlan:
    """The plan for `params` (already checked) on a catalogue with these capabilities.

    Raises UnknownCollection, SearchNotSupported (free text; with `strict`, any criterion
    that would be skipped)."""
    caps = capabilities
    _check_collections(params, caps)
    kwargs = params.to_pystac_kwargs()
    for name in ("filter", "filter_lang", "q", "sortby", "max_items"):
        kwargs.pop(name, None)
    skipped = []
    clauses = params.filter_clauses()
    sent = []
    for field_name, prop in CRITERIA:
        if prop not in clauses:
            continue
        if caps.can_filter_on(prop):
            sent.append(clauses[prop])
        else:
            skipped.append(SkippedCriterion(field_name, _cannot_filter(field_name, prop, caps)))
    route, collections, client_availability, empty = _availability(params, caps)
    if route == AVAILABILITY_BY_SERVER:
        sent.append(clauses[AVAILABILITY])
    if collections is not None:
        kwargs["collections"] = collections
    if sent:
        kwargs["filter"] = all_of(sent)
        kwargs["filter_lang"] = "cql2-json"
    if params.sortby:
        sort_field = str(params.sortby).strip()
        reason = _cannot_sort(sort_field.lstrip("+-"), caps)
        if reason:
            skipped.append(SkippedCriterion("sortby", reason))
        else:
            kwargs["sortby"] = sort_field
    if strict and skipped:
        raise SearchNotSupported(" ".join(s.reason for s in skipped) + " " + tr(
            "Remove this criterion to search anyway."))
    return SearchPlan(kwargs=kwargs, free_text=_free_text(params.text, caps),
                      client_availability=client_availability, availability_route=route,
                      empty=empty, skipped=tuple(skipped))


def _check_collections(params, caps) -> None:
    if not params.collections or not caps.collections:
        return
    unknown = [c for c in params.collections if c not in caps.collection_ids]
    if unknown:
        raise UnknownCollection(unknown, caps.collection_ids)


def _free_text(text: str, caps):
    """`q` as the free-text extension specifies it for a POST search, or None."""
    if not text:
        return None
    if not caps.free_text:
        raise SearchNotSupported(tr(
            "Free text search is not available on this catalogue: its STAC API does not "
            "offer it for images. Remove the text and search by place, date or collection "
            "instead."))
    if caps.free_text_advanced:
        return text
    terms = [term.strip() for term in text.split(",") if term.strip()]
    return terms


def _label(field_name: str) -> str:
    return {"max_cloud_cover": tr("cloud cover"),
            "max_incidence_angle": tr("incidence angle")}[field_name]


def _cannot_filter(field_name: str, prop: str, caps) -> str:
    if not caps.filter:
        return tr("The {criterion} filter is not applied: this catalogue's STAC API cannot "
                  "filter on properties.").format(criterion=_label(field_name))
    return tr("The {criterion} filter is not applied: this catalogue does not offer "
              "\"{property}\" among the properties it can filter on.").format(
                  criterion=_label(field_name), property=prop)


def _cannot_sort(sort_field: str, caps) -> Optional[str]:
    if not caps.sort:
        return tr("The results are not sorted as asked: this catalogue's STAC API cannot "
                  "sort.")
    if not caps.can_sort_on(sort_field):
        return tr("The results are not sorted by \"{field}\": this catalogue sorts only "
                  "by {fields}.").format(field=sort_field, fields=", ".join(caps.sortables))
    return None


def _availability(params, caps):
    """(route, collections to send or None, availability to check per item, empty)."""
    wanted = params.availability
    if wanted not in (DOWNLOADABLE, ORDERABLE):
        return AVAILABILITY_NOT_ASKED, None, None, False
    if caps.can_filter_on(AVAILABILITY):
        return AVAILABILITY_BY_SERVER, None, None, False
    asked = list(params.collections) or list(caps.collection_ids)
    if not asked:  # the catalogue lists no collections: only the items can tell
        return AVAILABILITY_BY_ITEM, None, wanted, False
    said = {c: (caps.collection(c).availability if caps.collection(c) else None)
            for c in asked}
    kept = [c for c in asked if said[c] in (wanted, None)]
    if not kept:
        return AVAILABILITY_BY_COLLECTION, None, None, True
    undecided = any(said[c] is None for c in kept)
    collections = kept if (params.collections or len(kept) < len(asked)) else None
    if undecided:
        return AVAILABILITY_BY_ITEM, collections, wanted, False
    return AVAILABILITY_BY_COLLECTION, collections, None, False
