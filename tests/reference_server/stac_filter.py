"""STAC filter extension: queryables (JSON Schema) and CQL2 text/JSON filters.

The `cql2` library parses and evaluates; this module only checks that a filter names
known queryables and lifts simple top-level comparisons on indexed columns into SQL,
so the common "cloud cover below N" filter never needs a Python pass over items.
"""
import json

import cql2

from .errors import ApiError, stac_error

_NUMBER = {"type": "number"}
_STRING = {"type": "string"}

QUERYABLE_PROPERTIES = {
    "id": {"title": "Item id", "type": "string"},
    "collection": {"title": "Collection id", "type": "string"},
    "geometry": {"title": "Footprint", "$ref": "https://geojson.org/schema/Geometry.json"},
    "datetime": {"title": "Acquisition time", "type": "string", "format": "date-time"},
    "platform": {"title": "Platform", **_STRING,
                 "enum": ["SPOT-1", "SPOT-2", "SPOT-3", "SPOT-4", "SPOT-5", "SPOT-6", "SPOT-7",
                          "PHR1A", "PHR1B", "PNEO3", "PNEO4"]},
    "constellation": {"title": "Constellation", **_STRING,
                      "enum": ["spot", "pleiades", "pleiades-neo"]},
    "instruments": {"title": "Instruments", "type": "array", "items": _STRING},
    "gsd": {"title": "Ground sample distance (m)", **_NUMBER, "minimum": 0},
    "eo:cloud_cover": {"title": "Cloud cover (%)", **_NUMBER, "minimum": 0, "maximum": 100},
    "view:incidence_angle": {"title": "Incidence angle (degrees)", **_NUMBER,
                             "minimum": 0, "maximum": 90},
    "view:azimuth": {"title": "Viewing azimuth (degrees)", **_NUMBER,
                     "minimum": 0, "maximum": 360},
    "view:sun_elevation": {"title": "Sun elevation (degrees)", **_NUMBER},
    "proj:epsg": {"title": "EPSG code of the data", "type": "integer"},
    "processing:level": {"title": "Processing level", **_STRING},
    "dinamis:availability": {"title": "Downloadable or orderable", **_STRING,
                             "enum": ["downloadable", "orderable"]},
    "dinamis:stereo_group": {"title": "Stereo pair/triplet group id", **_STRING},
    "dinamis:place": {"title": "Nearest place name", **_STRING},
    "dinamis:department": {"title": "Department or territory", **_STRING},
    "dinamis:country": {"title": "Country", **_STRING},
    "keywords": {"title": "Keywords", "type": "array", "items": _STRING},
}

# Comparisons on these properties become SQL on indexed item columns.
_SQL_COLUMNS = {"eo:cloud_cover": "i.cloud_cover", "view:incidence_angle": "i.incidence_angle",
                "datetime": "i.datetime", "collection": "i.collection", "id": "i.id",
                "platform": "i.platform", "dinamis:availability": "i.availability"}
_SQL_OPS = {"<": "<", "<=": "<=", ">": ">", ">=": ">=", "=": "=", "<>": "<>"}


def queryables_schema(url: str, title: str) -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2019-09/schema",
        "$id": url,
        "type": "object",
        "title": title,
        "properties": QUERYABLE_PROPERTIES,
        "additionalProperties": False,
    }


class Filter:
    """A parsed CQL2 filter: its SQL prefilter and whether Python must still check items."""

    def __init__(self, expr: cql2.Expr, sql: list[str], args: list, needs_python: bool):
        self.expr = expr
        self.sql = sql
        self.args = args
        self.needs_python = needs_python

    def matches(self, item: dict) -> bool:
        slim = {"id": item["id"], "collection": item["collection"],  # assets cost time
                "geometry": item["geometry"], "properties": item["properties"]}
        try:
            return bool(self.expr.matches(slim))
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:  # the property is absent on this item (or a pyo3 panic)
            return False


def parse_filter(value, lang: str | None) -> Filter | None:
    if value is None or value == "":
        return None
    if lang not in (None, "cql2-text", "cql2-json"):
        raise stac_error(400, "filter-lang", f"unsupported language {lang!r}; "
                         "use cql2-text or cql2-json")
    try:
        if isinstance(value, dict):
            if lang == "cql2-text":
                raise stac_error(400, "filter", "filter-lang is cql2-text but the filter is JSON")
            expr = cql2.parse_json(json.dumps(value))
        elif isinstance(value, str):
            if lang == "cql2-json" or (lang is None and value.lstrip().startswith("{")):
                expr = cql2.parse_json(value)
            else:
                expr = cql2.parse_text(value)
        else:
            raise stac_error(400, "filter", "must be a CQL2 text string or a CQL2 JSON object")
        tree = expr.to_json()
    except (KeyboardInterrupt, SystemExit, ApiError):
        raise
    except BaseException as err:  # ParseError, ValidationError, and pyo3 panics alike
        lines = [line.strip(" =|") for line in str(err).splitlines() if line.strip(" =|^")]
        raise stac_error(400, "filter", "not valid CQL2: " + (lines[-1] if lines else "?"))
    unknown = sorted(_property_names(tree) - set(QUERYABLE_PROPERTIES))
    if unknown:
        raise stac_error(400, "filter", f"unknown queryable {unknown[0]!r}; "
                         "see /stac/queryables for the list")
    sql, args, needs_python = _sql_prefilter(tree)
    return Filter(expr, sql, args, needs_python)


def _property_names(node) -> set[str]:
    names = set()
    if isinstance(node, dict):
        if "property" in node and isinstance(node["property"], str):
            names.add(node["property"].removeprefix("properties."))
        for value in node.values():
            names |= _property_names(value)
    elif isinstance(node, list):
        for value in node:
            names |= _property_names(value)
    return names


def _sql_prefilter(tree) -> tuple[list[str], list, bool]:
    """SQL for the top-level AND terms that are `property op literal` on indexed columns."""
    terms = tree["args"] if isinstance(tree, dict) and tree.get("op") == "and" else [tree]
    sql, args, leftover = [], [], False
    for term in terms:
        clause = _sql_term(term)
        if clause is None:
            leftover = True
        else:
            sql.append(clause[0])
            args.extend(clause[1])
    return sql, args, leftover


def _sql_term(term):
    if isinstance(term, dict) and term.get("op") == "in":
        return _sql_in(term)
    if not isinstance(term, dict) or term.get("op") not in _SQL_OPS:
        return None
    args = term.get("args") or []
    if len(args) != 2 or not isinstance(args[0], dict) or "property" not in args[0]:
        return None
    column = _SQL_COLUMNS.get(args[0]["property"].removeprefix("properties."))
    literal = args[1]
    if column is None:
        return None
    if column in ("i.cloud_cover", "i.incidence_angle"):
        if isinstance(literal, bool) or not isinstance(literal, (int, float)):
            return None
    elif column == "i.datetime":
        if not (isinstance(literal, dict) and isinstance(literal.get("timestamp"), str)):
            return None
        from .stac_search import normalise_instant  # circular at import time only
        try:
            literal = normalise_instant(literal["timestamp"], "filter")
        except Exception:
            return None
    elif not isinstance(literal, str):
        return None
    return f"{column} {_SQL_OPS[term['op']]} ?", [literal]


def _sql_in(term):
    """`platform IN ('SPOT-6', 'SPOT-7')` and the like, on text columns."""
    args = term.get("args") or []
    if len(args) != 2 or not isinstance(args[0], dict) or "property" not in args[0]:
        return None
    column = _SQL_COLUMNS.get(str(args[0]["property"]).removeprefix("properties."))
    values = args[1]
    if column in (None, "i.cloud_cover", "i.incidence_angle", "i.datetime") \
            or not isinstance(values, list) or not values \
            or not all(isinstance(v, str) for v in values):
        return None
    return f"{column} IN ({','.join('?' * len(values))})", values
