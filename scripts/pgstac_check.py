"""Check the plugin's core against a real stac-fastapi-pgstac (`make pgstac-check`).

The suite tests the plugin against the reference server's imitation of a stock
stac-fastapi-pgstac; this runs the same core (Catalogue, its capabilities, search plans,
counts, monthly counts, availability, items_by_id, the footprint layer) against the real
thing, as the dock and Processing call it, and compares each answer with the truth: the
items the server was loaded with (`--truth`, the ndjson scripts/pgstac_export.py wrote).
One line per check: OK, or DIFFERS with what was seen. Exit status 1 when any differs.

    .venv/bin/python scripts/pgstac_check.py STAC_URL --truth DIR --storage-host 127.0.0.1
"""
import argparse
import json
import os
import sys
import traceback
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dinamis.core.catalogue import Catalogue  # noqa: E402
from dinamis.core.errors import SearchNotSupported, UnknownCollection  # noqa: E402
from dinamis.core.http import new_http_session  # noqa: E402
from dinamis.core.profiles import EndpointProfile  # noqa: E402
from dinamis.core.search_params import SearchParameters  # noqa: E402

AREA = (2.5, 42.5, 5.0, 44.5)  # around Montpellier
TRIANGLE = {"type": "Polygon", "coordinates": [[[-2.0, 43.0], [8.0, 43.0], [3.0, 49.0],
                                                [-2.0, 43.0]]]}
START, END = "2015-01-01", "2025-12-31"


class Truth:
    """The loaded items, filtered in plain Python."""

    def __init__(self, folder: Path):
        read = lambda name: [json.loads(line) for line in  # noqa: E731
                             (folder / name).read_text(encoding="utf-8").splitlines()]
        self.items = read("items.ndjson")
        self.collections = read("collections.ndjson")

    def ids(self, bbox=None, start=None, end=None, collections=(), max_cloud=None, keep=None):
        found = []
        for item in self.items:
            props = item["properties"]
            moment = _instant(props["datetime"])
            if bbox and not _overlaps(item["bbox"], bbox):
                continue
            if start and moment < _instant(start + "T00:00:00Z"):
                continue
            if end and moment > _instant(end + "T23:59:59.999999Z"):
                continue
            if collections and item["collection"] not in collections:
                continue
            if max_cloud is not None and not (props.get("eo:cloud_cover") is not None
                                              and props["eo:cloud_cover"] <= max_cloud):
                continue
            if keep and not keep(item):
                continue
            found.append(item["id"])
        return found


def _instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)


def _overlaps(bbox, area):
    return bbox[0] <= area[2] and area[0] <= bbox[2] and bbox[1] <= area[3] and area[1] <= bbox[3]


class Checks:
    def __init__(self):
        self.results = []

    def report(self, name, ok, seen=""):
        self.results.append((name, ok))
        print(f"{'OK     ' if ok else 'DIFFERS'} {name}" + ("" if ok else f": {seen}"),
              flush=True)

    def run(self, name, check):
        """`check()` returns (ok, what was seen); an exception is a DIFFERS."""
        try:
            ok, seen = check()
        except Exception as exc:  # noqa: BLE001 - a check that raises differs
            ok, seen = False, f"{type(exc).__name__}: {exc} " + "".join(
                traceback.format_exception_only(type(exc), exc)).strip()[:300]
        self.report(name, ok, seen)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stac_url")
    parser.add_argument("--truth", type=Path, required=True)
    parser.add_argument("--storage-host", default="127.0.0.1")
    parser.add_argument("--no-qgis", action="store_true", help="skip the footprint layer")
    args = parser.parse_args(argv)
    truth = Truth(args.truth)
    profile = EndpointProfile(name="pgstac check", stac_url=args.stac_url.rstrip("/") + "/", signing_url="",
                              storage_hosts=(args.storage_host,))
    catalogue = Catalogue(profile, new_http_session())
    checks = Checks()
    caps = catalogue.capabilities()

    # --- capabilities ---------------------------------------------------------------
    checks.run("conformance: item search, filter (cql2-json), sort, fields", lambda: (
        caps.item_search and caps.filter and caps.sort and caps.fields
        and "cql2-json" in caps.filter_languages, _flags(caps)))
    checks.run("no aggregation, no free text on item search (collection search's is not "
               "taken for it)", lambda: (not caps.aggregation and not caps.free_text,
                                         _flags(caps)))
    checks.run("queryables read, additionalProperties: true understood", lambda: (
        caps.any_property_accepted and {"id", "datetime", "geometry"}
        <= {q.name for q in caps.queryables},
        f"any={caps.any_property_accepted} queryables={[q.name for q in caps.queryables]}"))
    checks.run("collections listed", lambda: (
        set(caps.collection_ids) == {c["id"] for c in truth.collections},
        f"{caps.collection_ids}"))
    checks.run("cloud cover is filterable (the items carry eo:cloud_cover)", lambda: (
        caps.can_filter_on("eo:cloud_cover"),
        f"queryables={[q.name for q in caps.queryables]}"))
    checks.run("incidence angle not offered (no item carries view:incidence_angle)", lambda: (
        not caps.can_filter_on("view:incidence_angle"), "offered"))
    checks.run("sortable by datetime", lambda: (
        caps.can_sort_on("-datetime"),
        f"sortables={caps.sortables} listed={caps.sortables_listed}"))

    # --- searches -------------------------------------------------------------------
    def combined():
        params = SearchParameters(bbox=AREA, start=START, end=END, max_cloud_cover=30,
                                  sortby="-datetime", limit=7)
        search = catalogue.search(params)
        found = search.items()
        expected = truth.ids(bbox=AREA, start=START, end=END, max_cloud=30)
        dates = [i.datetime for i in found]
        ok = (sorted(i.id for i in found) == sorted(expected) and dates == sorted(
            dates, reverse=True) and not search.plan.skipped and len(expected) > 7)
        return ok, (f"{len(found)} found, {len(expected)} expected, skipped="
                    f"{[s.name for s in search.plan.skipped]}")
    checks.run("bbox + datetime + cloud cover + sort -datetime, paged past page 1", combined)

    def intersects():
        search = catalogue.search(SearchParameters(geometry=TRIANGLE, collections=[
            "spot-6-7-drs", "pleiades"], limit=50))
        found = {i.id for i in search.items()}
        in_bbox = set(truth.ids(bbox=(-2.0, 43.0, 8.0, 49.0),
                                collections=("spot-6-7-drs", "pleiades")))
        return (found and found <= in_bbox and all(
            catalogue.capabilities().collection(c) for c in ("spot-6-7-drs", "pleiades")),
            f"{len(found)} found, {len(in_bbox)} in the triangle's bbox")
    checks.run("intersects (polygon) + collections", intersects)

    def sort_by_cloud():
        search = catalogue.search(SearchParameters(sortby="-eo:cloud_cover", limit=20,
                                                   max_items=20))
        values = [i.properties.get("eo:cloud_cover") for i in search.items()]
        skipped = [s.name for s in search.plan.skipped]
        return (values == sorted(values, reverse=True) if not skipped
                else skipped == ["sortby"],
                f"skipped={skipped} values={values[:8]}")
    checks.run("sort by -eo:cloud_cover: in numeric order, or skipped with a reason",
               sort_by_cloud)

    def incidence_skipped():
        search = catalogue.search(SearchParameters(max_incidence_angle=20, limit=5))
        strict_refused = _raises(lambda: catalogue.search(
            SearchParameters(max_incidence_angle=20), strict=True), SearchNotSupported)
        return ([s.name for s in search.plan.skipped] == ["max_incidence_angle"]
                and strict_refused, f"skipped={search.plan.skipped} strict={strict_refused}")
    checks.run("incidence filter skipped with a reason (strict: refused)", incidence_skipped)

    # --- counts ---------------------------------------------------------------------
    def count_at_least():
        count = catalogue.search(SearchParameters(limit=10)).count()
        return count.kind == "at_least" and count.lower == 10, f"{count.kind} {count}"
    checks.run("count without numberMatched: at least N", count_at_least)

    def count_exact_small():
        expected = truth.ids(bbox=AREA, start=START, end=END)
        count = catalogue.search(SearchParameters(bbox=AREA, start=START, end=END,
                                                  limit=1000)).count()
        return count.exact == len(expected), f"{count.kind} {count} (truth {len(expected)})"
    checks.run("count when everything fits one page: exact", count_exact_small)

    def count_availability():
        search = catalogue.search(SearchParameters(availability="orderable", limit=10))
        count = search.count()
        expected = truth.ids(keep=lambda i: i["collection"] == "airbus-archive")
        ids = [i.id for i in search.items()]
        return (sorted(ids) == sorted(expected) and count.exact is None
                and search.plan.availability_route == "items",
                f"{len(ids)} found, {len(expected)} expected, count {count.kind} "
                f"route {search.plan.availability_route}")
    checks.run("orderable (checked item by item): right items, count a bound",
               count_availability)

    def paging_all():
        ids = [i.id for i in catalogue.search(SearchParameters(limit=64)).items()]
        return (len(ids) == len(set(ids)) == len(truth.items),
                f"{len(ids)} ids ({len(set(ids))} distinct), truth {len(truth.items)}")
    checks.run("paging through every item (64 a page)", paging_all)

    def monthly():
        params = SearchParameters(bbox=AREA, start=START, end=END)
        counts = catalogue.monthly_counts(params, page_size=10)
        expected = {}
        for item in truth.items:
            if item["id"] in set(truth.ids(bbox=AREA, start=START, end=END)):
                month = item["properties"]["datetime"][:7]
                expected[month] = expected.get(month, 0) + 1
        return (dict(counts) == expected and counts.route == "paging" and counts.complete,
                f"route={counts.route} complete={counts.complete} "
                f"{len(counts)} months vs {len(expected)}")
    checks.run("monthly counts without aggregation (paging route), exact", monthly)

    # --- refusals -------------------------------------------------------------------
    checks.run("unknown collection: UnknownCollection, not an empty result", lambda: (
        _raises(lambda: catalogue.search(SearchParameters(collections=["no-such"])),
                UnknownCollection), "no error"))
    checks.run("free text refused (not advertised for item search)", lambda: (
        _raises(lambda: catalogue.search(SearchParameters(text="volcano")),
                SearchNotSupported), "no error"))

    def bad_request_named():
        try:
            catalogue._read_json(catalogue._search_href(), method="POST",
                                 parameters={"datetime": "2020-01-01", "limit": 1})
        except Exception as exc:  # noqa: BLE001
            return "datetime" in str(exc), f"{type(exc).__name__}: {exc}"
        return False, "accepted"
    checks.run("a 400 (bare date) names the field to the user", bad_request_named)

    # --- items by id, availability --------------------------------------------------
    def by_id():
        wanted = [truth.items[5]["id"], "no-such-item", truth.items[250]["id"],
                  truth.items[0]["id"]]
        found = [i["id"] for i in catalogue.items_by_id(wanted)]
        return found == [wanted[0], wanted[2], wanted[3]], f"{found}"
    checks.run("items_by_id (order kept, unknown left out)", by_id)

    def availability():
        derived = {}
        for item in truth.items:
            derived.setdefault(item["collection"], set()).add(
                catalogue.item_availability(item))
        ok = derived.pop("airbus-archive") == {"orderable"} and all(
            v == {"downloadable"} for v in derived.values())
        return ok, f"{derived}"
    checks.run("availability derived from assets (archive: orderable, rest downloadable)",
               availability)

    if not args.no_qgis:
        checks.run("footprint layer from a page of items", lambda: _footprints(catalogue))

    failed = [name for name, ok in checks.results if not ok]
    print(f"{len(checks.results) - len(failed)} OK, {len(failed)} DIFFERS")
    return 1 if failed else 0


def _flags(caps):
    return {k: getattr(caps, k) for k in ("item_search", "free_text", "filter", "sort",
                                          "fields", "aggregation", "filter_languages")}


def _raises(call, error) -> bool:
    try:
        call()
    except error:
        return True
    return False


def _footprints(catalogue):
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    from dinamis.qgis_glue.footprints import (footprint_feature, footprint_fields,
                                              new_footprint_layer)
    page = next(catalogue.search(SearchParameters(limit=50)).pages_as_dicts())
    layer = new_footprint_layer("pgstac check")
    fields = footprint_fields()
    features = [footprint_feature(item, fields, availability_of=catalogue.item_availability)
                for item in page["features"]]
    layer.dataProvider().addFeatures(features)
    valid = all(f.geometry().isGeosValid() and not f.geometry().isEmpty()
                for f in layer.getFeatures())
    availabilities = {f["availability"] for f in layer.getFeatures()}
    clouds = [f["cloud_cover"] for f in layer.getFeatures()]
    ok = (layer.featureCount() == len(page["features"]) == 50 and valid
          and availabilities <= {"downloadable", "orderable"}
          and all(isinstance(c, float) for c in clouds))
    return ok, (f"{layer.featureCount()} features, valid={valid}, "
                f"availability={availabilities}")


if __name__ == "__main__":
    sys.exit(main())
