"""STAC filter extension: CQL2 text/JSON filters (queryables are the flavour's, see
stac_flavour).

The `cql2` library parses and evaluates; this module only checks that a filter names
known queryables (unless the flavour's queryables allow other properties) and lifts simple
top-level comparisons on indexed columns into SQL, so the common "cloud cover below N"
filter never needs a Python pass over items.
"""
import json

import cql2

from .errors import ApiError, stac_error

_SQL_OPS = {"<": "<", "<=": "<=", ">": ">", ">=": ">=", "=": "=", "<>": "<>"}


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


def parse_filter(value, lang: str | None, flavour) -> Filter | None:
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
    unknown = sorted(_property_names(tree) - set(flavour.queryables))
    if unknown and not flavour.additional_properties:
        raise stac_error(400, "filter", f"unknown queryable {unknown[0]!r}; "
                         "see /stac/queryables for the list")
    sql, args, needs_python = _sql_prefilter(tree, flavour.sql_columns)
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


def _sql_prefilter(tree, columns: dict) -> tuple[list[str], list, bool]:
    """SQL for the top-level AND terms that are `property op literal` on indexed columns."""
    terms = tree["args"] if isinstance(tree, dict) and tree.get("op") == "and" else [tree]
    sql, args, leftover = [], [], False
    for term in terms:
        clause = _sql_term(term, columns)
        if clause is None:
            leftover = True
        else:
            sql.append(clause[0])
            args.extend(clause[1])
    return sql, args, leftover


def _sql_term(term, columns: dict):
    if isinstance(term, dict) and term.get("op") == "in":
        return _sql_in(term, columns)
    if not isinstance(term, dict) or term.get("op") not in _SQL_OPS:
        return None
    args = term.get("args") or []
    if len(args) != 2 or not isinstance(args[0], dict) or "property" not in args[0]:
        return None
    column = columns.get(args[0]["property"].removeprefix("properties."))
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


def _sql_in(term, columns: dict):
    """`platform IN ('SPOT-6', 'SPOT-7')` and the like, on text columns."""
    args = term.get("args") or []
    if len(args) != 2 or not isinstance(args[0], dict) or "property" not in args[0]:
        return None
    column = columns.get(str(args[0]["property"]).removeprefix("properties."))
    values = args[1]
    if column in (None, "i.cloud_cover", "i.incidence_angle", "i.datetime") \
            or not isinstance(values, list) or not values \
            or not all(isinstance(v, str) for v in values):
        return None
    return f"{column} IN ({','.join('?' * len(values))})", values
