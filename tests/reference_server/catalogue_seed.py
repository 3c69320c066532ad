"""The catalogue on first start: DINAMIS-like collections and items, deterministic from the seed.

Footprints are squares in the scene's metric CRS (Lambert-93 on the mainland and Corsica,
UTM elsewhere) around places mostly in metropolitan France, so a real COG made for an item
covers exactly its footprint. The first `config.real_cog_count` downloadable items get real
COGs (`src_pan` at cog_size px, `src_xs` 4 bands at half that); every other item is metadata
only: its data hrefs name files that do not exist (the store answers 404 NoSuchKey) and its
file:size/file:checksum are plausible inventions. Quicklooks are rendered on first request.
The ids of the items with real files are kept in meta `catalogue:real_cog_items` (JSON).
"""
import hashlib
import json
import random
import time
from functools import lru_cache
from datetime import datetime, timedelta, timezone

import numpy as np
from pyproj import Transformer

from . import cogs, db, object_store, stac_store
from .stac_search import fold

B = stac_store.BASE_PLACEHOLDER
P = stac_store.PUBLIC_PLACEHOLDER  # public quicklooks live on another host than the storage
EXTENSIONS = [
    "https://stac-extensions.github.io/eo/v1.1.0/schema.json",
    "https://stac-extensions.github.io/view/v1.0.0/schema.json",
    "https://stac-extensions.github.io/projection/v1.1.0/schema.json",
    "https://stac-extensions.github.io/processing/v1.1.0/schema.json",
    "https://stac-extensions.github.io/file/v2.1.0/schema.json",
]

# name, department/territory, region, country, lon, lat, landscape keywords
PLACES = [
    ("Montpellier", "Hérault", "Occitanie", "France", 3.877, 43.611, ["urban", "coast"]),
    ("Toulouse", "Haute-Garonne", "Occitanie", "France", 1.444, 43.605, ["urban"]),
    ("Nîmes", "Gard", "Occitanie", "France", 4.360, 43.837, ["urban", "garrigue"]),
    ("Perpignan", "Pyrénées-Orientales", "Occitanie", "France", 2.895, 42.699, ["vineyard"]),
    ("Paris", "Paris", "Île-de-France", "France", 2.352, 48.857, ["urban"]),
    ("Versailles", "Yvelines", "Île-de-France", "France", 2.130, 48.804, ["urban", "forest"]),
    ("Lyon", "Rhône", "Auvergne-Rhône-Alpes", "France", 4.835, 45.764, ["urban", "river"]),
    ("Grenoble", "Isère", "Auvergne-Rhône-Alpes", "France", 5.724, 45.188, ["mountain"]),
    ("Chamonix", "Haute-Savoie", "Auvergne-Rhône-Alpes", "France", 6.869, 45.924,
     ["mountain", "glacier"]),
    ("Clermont-Ferrand", "Puy-de-Dôme", "Auvergne-Rhône-Alpes", "France", 3.087, 45.778,
     ["volcano"]),
    ("Marseille", "Bouches-du-Rhône", "Provence-Alpes-Côte d'Azur", "France", 5.370, 43.296,
     ["urban", "coast"]),
    ("Arles", "Bouches-du-Rhône", "Provence-Alpes-Côte d'Azur", "France", 4.631, 43.677,
     ["wetland", "camargue"]),
    ("Avignon", "Vaucluse", "Provence-Alpes-Côte d'Azur", "France", 4.806, 43.949,
     ["agriculture"]),
    ("Nice", "Alpes-Maritimes", "Provence-Alpes-Côte d'Azur", "France", 7.262, 43.710,
     ["urban", "coast"]),
    ("Bordeaux", "Gironde", "Nouvelle-Aquitaine", "France", -0.579, 44.838, ["vineyard"]),
    ("Arcachon", "Gironde", "Nouvelle-Aquitaine", "France", -1.168, 44.658, ["coast"]),
    ("Mont-de-Marsan", "Landes", "Nouvelle-Aquitaine", "France", -0.500, 43.890, ["forest"]),
    ("La Rochelle", "Charente-Maritime", "Nouvelle-Aquitaine", "France", -1.152, 46.160,
     ["coast"]),
    ("Limoges", "Haute-Vienne", "Nouvelle-Aquitaine", "France", 1.261, 45.834, ["agriculture"]),
    ("Pau", "Pyrénées-Atlantiques", "Nouvelle-Aquitaine", "France", -0.370, 43.295,
     ["mountain"]),
    ("Nantes", "Loire-Atlantique", "Pays de la Loire", "France", -1.554, 47.218, ["urban"]),
    ("Le Mans", "Sarthe", "Pays de la Loire", "France", 0.199, 48.006, ["agriculture"]),
    ("Rennes", "Ille-et-Vilaine", "Bretagne", "France", -1.678, 48.117, ["bocage"]),
    ("Brest", "Finistère", "Bretagne", "France", -4.486, 48.390, ["coast"]),
    ("Lille", "Nord", "Hauts-de-France", "France", 3.057, 50.629, ["urban"]),
    ("Amiens", "Somme", "Hauts-de-France", "France", 2.296, 49.894, ["agriculture"]),
    ("Rouen", "Seine-Maritime", "Normandie", "France", 1.099, 49.443, ["river"]),
    ("Caen", "Calvados", "Normandie", "France", -0.371, 49.182, ["coast", "agriculture"]),
    ("Strasbourg", "Bas-Rhin", "Grand Est", "France", 7.752, 48.573, ["urban", "river"]),
    ("Metz", "Moselle", "Grand Est", "France", 6.176, 49.119, ["urban"]),
    ("Reims", "Marne", "Grand Est", "France", 4.032, 49.258, ["vineyard"]),
    ("Dijon", "Côte-d'Or", "Bourgogne-Franche-Comté", "France", 5.041, 47.322, ["vineyard"]),
    ("Besançon", "Doubs", "Bourgogne-Franche-Comté", "France", 6.024, 47.238, ["forest"]),
    ("Orléans", "Loiret", "Centre-Val de Loire", "France", 1.909, 47.903, ["river", "forest"]),
    ("Tours", "Indre-et-Loire", "Centre-Val de Loire", "France", 0.684, 47.394, ["river"]),
    ("Ajaccio", "Corse-du-Sud", "Corse", "France", 8.737, 41.919, ["coast", "maquis"]),
    ("Bastia", "Haute-Corse", "Corse", "France", 9.450, 42.697, ["coast", "mountain"]),
]
OVERSEAS = [
    ("Pointe-à-Pitre", "Guadeloupe", "Guadeloupe", "France", -61.534, 16.241,
     ["tropical", "coast"]),
    ("Fort-de-France", "Martinique", "Martinique", "France", -61.073, 14.616,
     ["tropical", "volcano"]),
    ("Cayenne", "Guyane", "Guyane", "France", -52.330, 4.922, ["tropical", "forest"]),
    ("Saint-Denis", "La Réunion", "La Réunion", "France", 55.448, -20.882,
     ["tropical", "volcano"]),
    ("Mamoudzou", "Mayotte", "Mayotte", "France", 45.227, -12.781, ["tropical", "lagoon"]),
    ("Nouméa", "Nouvelle-Calédonie", "Nouvelle-Calédonie", "France", 166.458, -22.276,
     ["lagoon"]),
]
ABROAD = [
    ("Dakar", "Dakar", "Dakar", "Sénégal", -17.447, 14.693, ["coast", "urban"]),
    ("Ouagadougou", "Kadiogo", "Centre", "Burkina Faso", -1.520, 12.371, ["sahel"]),
    ("Antananarivo", "Analamanga", "Analamanga", "Madagascar", 47.508, -18.879, ["rice"]),
    ("Rabat", "Rabat", "Rabat-Salé-Kénitra", "Maroc", -6.841, 34.021, ["coast", "urban"]),
    ("Tunis", "Tunis", "Tunis", "Tunisie", 10.182, 36.806, ["coast", "urban"]),
]
MAINLAND_BOX = (-4.6, 42.5, 7.9, 50.9)

# platform, first, last (years as floats), instruments
SPOT67 = [("SPOT-6", 2012.75, 2024.5, ["naomi"]), ("SPOT-7", 2014.5, 2023.2, ["naomi"])]
PHR = [("PHR1A", 2012.0, 2025.8, ["hiri"]), ("PHR1B", 2013.0, 2025.8, ["hiri"])]
PNEO = [("PNEO3", 2021.4, 2025.8, ["pneo-imager"]), ("PNEO4", 2021.7, 2025.8, ["pneo-imager"])]
SWH = [("SPOT-1", 1986.2, 1990.9, ["hrv"]), ("SPOT-2", 1990.2, 2009.5, ["hrv"]),
       ("SPOT-3", 1993.8, 1996.8, ["hrv"]), ("SPOT-4", 1998.3, 2013.0, ["hrvir"]),
       ("SPOT-5", 2002.4, 2015.2, ["hrg"])]

COLLECTIONS = [
    {"id": "spot-6-7-drs", "weight": 0.34, "platforms": SPOT67, "constellation": "spot",
     "title": "SPOT 6/7 ortho (DINAMIS)", "gsd": 1.5, "xs_gsd": 6.0, "scene_km": 40,
     "level": "ortho", "availability": "downloadable", "pan": True, "stereo": 0.08,
     "description": "SPOT 6 and SPOT 7 orthorectified scenes over France, 1.5 m "
                    "panchromatic and 6 m multispectral, as Cloud-Optimised GeoTIFFs.",
     "keywords": ["SPOT", "SPOT 6", "SPOT 7", "ortho", "France"]},
    {"id": "pleiades", "weight": 0.24, "platforms": PHR, "constellation": "pleiades",
     "title": "Pléiades (DINAMIS)", "gsd": 0.5, "xs_gsd": 2.0, "scene_km": 20,
     "level": "ortho", "availability": "downloadable", "pan": True, "stereo": 0.15,
     "description": "Pléiades 1A/1B scenes, 50 cm panchromatic and 2 m multispectral, "
                    "including the Pléiades World Heritage archive.",
     "keywords": ["Pléiades", "PHR", "very high resolution"]},
    {"id": "pleiades-neo", "weight": 0.09, "platforms": PNEO, "constellation": "pleiades-neo",
     "title": "Pléiades Neo (DINAMIS)", "gsd": 0.3, "xs_gsd": 1.2, "scene_km": 14,
     "level": "ortho", "availability": "downloadable", "pan": True, "stereo": 0.12,
     "description": "Pléiades Neo 3/4 scenes, 30 cm panchromatic and 1.2 m multispectral.",
     "keywords": ["Pléiades Neo", "PNEO", "very high resolution"]},
    {"id": "spot-world-heritage", "weight": 0.15, "platforms": SWH, "constellation": "spot",
     "title": "SPOT World Heritage 1-5 (DINAMIS)", "gsd": 10.0, "xs_gsd": 20.0, "scene_km": 60,
     "level": "L1C", "availability": "downloadable", "pan": False, "stereo": 0.0,
     "description": "The SPOT 1 to 5 archive (1986-2015) reprocessed by CNES: "
                    "multispectral scenes, free for everyone.",
     "keywords": ["SPOT", "SWH", "archive", "history"]},
    {"id": "airbus-archive", "weight": 0.18, "platforms": SPOT67 + PHR + PNEO,
     "constellation": None, "title": "Airbus archive (orderable)", "gsd": 1.5, "xs_gsd": 6.0,
     "scene_km": 30, "level": "primary", "availability": "orderable", "pan": False,
     "stereo": 0.1,
     "description": "Airbus archive scenes not yet in DINAMIS: footprint and quicklook only. "
                    "Order one to start an archive request; once produced it becomes "
                    "downloadable for every member.",
     "keywords": ["Airbus", "archive", "orderable"]},
]
_PLATFORM_FACTS = {  # platform -> (constellation, pan gsd, ms gsd, scene km) in the Airbus mix
    "SPOT-6": ("spot", 1.5, 6.0, 40), "SPOT-7": ("spot", 1.5, 6.0, 40),
    "PHR1A": ("pleiades", 0.5, 2.0, 20), "PHR1B": ("pleiades", 0.5, 2.0, 20),
    "PNEO3": ("pleiades-neo", 0.3, 1.2, 14), "PNEO4": ("pleiades-neo", 0.3, 1.2, 14),
}
_ID_PREFIX = {"spot-6-7-drs": "DRS", "pleiades": "PHR", "pleiades-neo": "PNEO",
              "spot-world-heritage": "SWH", "airbus-archive": "ARCH"}


def _epsg_for(lon, lat, country, department) -> int:
    if country == "France" and MAINLAND_BOX[0] - 1 <= lon <= 10 and 41 <= lat <= 51.5:
        return 2154
    zone = int((lon + 180) // 6) + 1
    return (32600 if lat >= 0 else 32700) + zone


def _acquisitions(rng: random.Random, count: int):
    """Draw scenes (collection, platform, date, place, centre) grouped into stereo sets."""
    weights = [c["weight"] for c in COLLECTIONS]
    n = 0
    while n < count:
        coll = rng.choices(COLLECTIONS, weights)[0]
        platform, first, last, instruments = rng.choice(coll["platforms"])
        year = rng.uniform(first, last)
        start = datetime(int(year), 1, 1, tzinfo=timezone.utc)
        when = start + timedelta(days=(year - int(year)) * 365,
                                 seconds=rng.uniform(9.8, 11.2) * 3600)
        when = when.replace(hour=int(rng.uniform(9.6, 11.4)), microsecond=0)
        draw = rng.random()
        if draw < 0.50:
            place = rng.choice(PLACES)
            lon, lat = place[4] + rng.gauss(0, 0.25), place[5] + rng.gauss(0, 0.18)
        elif draw < 0.85:
            lon, lat = rng.uniform(*MAINLAND_BOX[0::2]), rng.uniform(*MAINLAND_BOX[1::2])
            place = min(PLACES, key=lambda p: (p[4] - lon) ** 2 + (p[5] - lat) ** 2)
        else:
            place = rng.choice(OVERSEAS if draw < 0.96 else ABROAD)
            lon, lat = place[4] + rng.gauss(0, 0.08), place[5] + rng.gauss(0, 0.08)
        size = rng.choice((2, 3)) if rng.random() < coll["stereo"] else 1
        size = min(size, count - n)
        yield coll, platform, instruments, when, place, lon, lat, size
        n += size


def seed(conn, config) -> None:
    started = time.perf_counter()
    cog_seconds = 0.0
    rng = random.Random(config.seed)
    db.meta_set(conn, "storage:seed", config.seed)
    object_store.storage_credentials(conn)
    scenes = list(_acquisitions(rng, config.item_count))

    # Scene squares in metric CRSs, corners back to lon/lat, vectorised per CRS.
    epsgs = [_epsg_for(s[5], s[6], s[4][3], s[4][1]) for s in scenes]
    centres = np.array([(s[5], s[6]) for s in scenes], dtype=float).reshape(-1, 2)
    metric = np.zeros_like(centres)
    corners = np.zeros((len(scenes), 5, 2))
    halves = np.zeros(len(scenes))
    for i, s in enumerate(scenes):
        km = _PLATFORM_FACTS.get(s[1], (0, 0, 0, s[0]["scene_km"]))[3] \
            if s[0]["id"] == "airbus-archive" else s[0]["scene_km"]
        halves[i] = km * 500 * rng.uniform(0.85, 1.1)
    for epsg in set(epsgs):
        idx = np.array([i for i, e in enumerate(epsgs) if e == epsg])
        fwd = Transformer.from_crs(4326, epsg, always_xy=True)
        inv = Transformer.from_crs(epsg, 4326, always_xy=True)
        x, y = fwd.transform(centres[idx, 0], centres[idx, 1])
        x, y = np.round(np.asarray(x), -1), np.round(np.asarray(y), -1)
        metric[idx, 0], metric[idx, 1] = x, y
        h = np.round(halves[idx], -1)
        halves[idx] = h
        for k, (sx, sy) in enumerate(((-1, 1), (-1, -1), (1, -1), (1, 1), (-1, 1))):
            lon, lat = inv.transform(x + sx * h, y + sy * h)
            corners[idx, k, 0], corners[idx, k, 1] = lon, lat

    real_left = config.real_cog_count
    real_ids, rows, extents = [], [], {}
    pk = 0
    for i, (coll, platform, instruments, when, place, lon, lat, size) in enumerate(scenes):
        group = f"STEREO-{when:%Y%m%d}-{i:06d}" if size > 1 else None
        for k in range(size):
            pk += 1
            moment = when + timedelta(seconds=14 * k)
            ring = [[round(float(a), 6), round(float(b), 6)] for a, b in corners[i]]
            item = _item(rng, pk, coll, platform, instruments, moment, place, ring,
                         epsgs[i], metric[i], halves[i], group, k, size)
            if real_left > 0 and coll["availability"] == "downloadable":
                cog_start = time.perf_counter()
                _attach_real_cogs(item, config, epsgs[i], metric[i], halves[i])
                cog_seconds += time.perf_counter() - cog_start
                real_ids.append(item["id"])
                real_left -= 1
            xs, ys = [p[0] for p in ring], [p[1] for p in ring]
            bbox = (min(xs), min(ys), max(xs), max(ys))
            item["bbox"] = [round(v, 6) for v in bbox]
            _extend(extents, coll["id"], bbox, item["properties"]["datetime"])
            rows.append((pk, item["id"], coll["id"], item["properties"]["datetime"],
                         item["properties"]["eo:cloud_cover"],
                         item["properties"]["view:incidence_angle"],
                         _search_text(item, coll), json.dumps(item, ensure_ascii=False,
                                                              separators=(",", ":")), bbox,
                         platform, coll["availability"]))
            if len(rows) >= 5000:
                stac_store.insert_items(conn, rows)
                rows = []
    stac_store.insert_items(conn, rows)
    for position, coll in enumerate(COLLECTIONS):
        text = json.dumps(_collection(coll, extents.get(coll["id"])), ensure_ascii=False)
        stac_store.insert_collection(conn, position, coll["id"], text)
    db.meta_set(conn, "catalogue:real_cog_items", json.dumps(real_ids))
    total = time.perf_counter() - started
    print(f"catalogue seeded: {pk} items in {total - cog_seconds:.1f} s, "
          f"{len(real_ids)} items with real COGs in {cog_seconds:.1f} s", flush=True)


def _extend(extents, cid, bbox, dt):
    e = extents.setdefault(cid, [list(bbox), [dt, dt]])
    e[0] = [min(e[0][0], bbox[0]), min(e[0][1], bbox[1]), max(e[0][2], bbox[2]),
            max(e[0][3], bbox[3])]
    e[1] = [min(e[1][0], dt), max(e[1][1], dt)]


def _search_text(item, coll) -> str:
    p = item["properties"]
    words = [p["dinamis:place"], p["dinamis:department"], p["dinamis:region"],
             p["dinamis:country"], p["platform"], coll["title"], *p["keywords"],
             *p["instruments"]]
    return " | ".join(_fold(w) for w in words)


@lru_cache(maxsize=None)
def _fold(word: str) -> str:
    return fold(word)  # a few hundred distinct words over 100,000 items


def _item(rng, pk, coll, platform, instruments, when, place, ring, epsg, centre, half, group,
          k, size):
    cid = coll["id"]
    constellation, gsd, xs_gsd = coll["constellation"], coll["gsd"], coll["xs_gsd"]
    if cid == "airbus-archive":
        constellation, gsd, xs_gsd, _ = _PLATFORM_FACTS[platform]
    if platform in ("SPOT-5",):
        gsd, xs_gsd = 5.0, 10.0
    item_id = f"{_ID_PREFIX[cid]}_{platform.replace('-', '')}_{when:%Y%m%dT%H%M%S}_{pk:06d}"
    incidence = rng.uniform(0, 30) if size == 1 else [-1, 1, 0][k] * rng.uniform(8, 25)
    cloud = round(min(100.0, rng.betavariate(0.6, 2.6) * 100), 1)
    name, department, region, country = place[:4]
    keywords = [name, department, region, country, *place[6], *coll["keywords"]]
    if group:
        keywords.append("stereo" if size == 2 else "tristereo")
    props = {
        "datetime": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "title": f"{platform} {when:%Y-%m-%d} {name}",
        "platform": platform,
        "instruments": instruments,
        "gsd": gsd,
        "eo:cloud_cover": cloud,
        "view:incidence_angle": round(abs(incidence), 2),
        "view:azimuth": round(rng.uniform(0, 360), 2),
        "view:sun_elevation": round(rng.uniform(18, 66), 2),
        "proj:epsg": epsg,
        "processing:level": coll["level"],
        "dinamis:availability": coll["availability"],
        "dinamis:place": name,
        "dinamis:department": department,
        "dinamis:region": region,
        "dinamis:country": country,
        "keywords": keywords,
    }
    if constellation:
        props["constellation"] = constellation
    if group:
        props["dinamis:stereo_group"] = group
    minx, miny = float(centre[0] - half), float(centre[1] - half)
    maxx, maxy = float(centre[0] + half), float(centre[1] + half)
    assets = {"thumbnail": {
        "href": f"{P}/s3/dinamis-quicklooks/{cid}/{item_id}.png", "type": "image/png",
        "roles": ["thumbnail", "overview"], "title": "Quicklook"}}
    if coll["availability"] == "downloadable":
        specs = [("src_xs", "MS", xs_gsd, 4, "Multispectral")]
        if coll["pan"]:
            specs.append(("src_pan", "PAN", gsd, 1, "Panchromatic"))
        for key, suffix, pixel, bands, title in specs:
            side = int(round((maxx - minx) / pixel))
            size_bytes = int(side * side * bands * 2 * rng.uniform(0.45, 0.7))
            fake = hashlib.sha256(f"{item_id}/{key}".encode()).hexdigest()
            assets[key] = {
                "href": f"{B}/s3/dinamis-catalogue/{cid}/{item_id}/{item_id}_{suffix}.tif",
                "type": cogs.COG_MEDIA_TYPE, "roles": ["data"], "title": title,
                "gsd": pixel, "eo:bands": _bands(bands),
                "proj:epsg": epsg, "proj:bbox": [minx, miny, maxx, maxy],
                "proj:shape": [side, side],
                "file:size": size_bytes, "file:checksum": "1220" + fake,
            }
    return {
        "type": "Feature", "stac_version": "1.0.0", "stac_extensions": EXTENSIONS,
        "id": item_id, "collection": cid,
        "geometry": {"type": "Polygon", "coordinates": [ring]},
        "bbox": None, "properties": props, "assets": assets,
        "links": [
            {"rel": "self", "href": f"{B}/stac/collections/{cid}/items/{item_id}",
             "type": "application/geo+json"},
            {"rel": "parent", "href": f"{B}/stac/collections/{cid}", "type": "application/json"},
            {"rel": "collection", "href": f"{B}/stac/collections/{cid}",
             "type": "application/json"},
            {"rel": "root", "href": f"{B}/stac/", "type": "application/json"},
        ],
    }


def _bands(count):
    if count == 1:
        return [{"name": "PAN", "common_name": "pan"}]
    return [{"name": n, "common_name": c} for n, c in
            (("B0", "blue"), ("B1", "green"), ("B2", "red"), ("B3", "nir"))][:count]


def _attach_real_cogs(item, config, epsg, centre, half):
    bounds = (float(centre[0] - half), float(centre[1] - half),
              float(centre[0] + half), float(centre[1] + half))
    sizes = {"src_pan": (config.cog_size, 1), "src_xs": (max(64, config.cog_size // 2), 4)}
    for key, asset in item["assets"].items():
        if key not in sizes:
            continue
        rel = asset["href"].split("/s3/", 1)[1]
        path = config.objects_dir / rel
        size, bands = sizes[key]
        seed = int.from_bytes(hashlib.sha256(f"{config.seed}/{rel}".encode()).digest()[:4], "big")
        asset.update(cogs.write_cog(path, epsg, bounds, size, bands, seed))


def _collection(coll, extent) -> dict:
    cid = coll["id"]
    bbox, interval = (extent or [[-5.5, 41.0, 10.0, 51.5], [None, None]])
    platforms = sorted({p[0] for p in coll["platforms"]})
    item_assets = {"thumbnail": {"type": "image/png", "roles": ["thumbnail", "overview"],
                                 "title": "Quicklook"}}
    if coll["availability"] == "downloadable":
        item_assets["src_xs"] = {"type": cogs.COG_MEDIA_TYPE, "roles": ["data"],
                                 "title": "Multispectral"}
        if coll["pan"]:
            item_assets["src_pan"] = {"type": cogs.COG_MEDIA_TYPE, "roles": ["data"],
                                      "title": "Panchromatic"}
    return {
        "type": "Collection", "stac_version": "1.0.0",
        "stac_extensions": ["https://stac-extensions.github.io/item-assets/v1.0.0/schema.json"],
        "id": cid, "title": coll["title"], "description": coll["description"],
        "keywords": coll["keywords"], "license": "proprietary",
        "providers": [
            {"name": "CNES", "roles": ["licensor", "producer"], "url": "https://cnes.fr"},
            {"name": "Airbus Defence and Space", "roles": ["producer"]},
            {"name": "DINAMIS", "roles": ["host", "processor"],
             "url": "https://dinamis.data-terra.org"},
        ],
        "extent": {"spatial": {"bbox": [[round(v, 6) for v in bbox]]},
                   "temporal": {"interval": [interval]}},
        "summaries": {"platform": platforms, "gsd": [coll["gsd"]],
                      "dinamis:availability": [coll["availability"]]},
        "item_assets": item_assets,
        "dinamis:availability": coll["availability"],
        "links": [
            {"rel": "self", "href": f"{B}/stac/collections/{cid}", "type": "application/json"},
            {"rel": "root", "href": f"{B}/stac/", "type": "application/json"},
            {"rel": "parent", "href": f"{B}/stac/", "type": "application/json"},
            {"rel": "items", "href": f"{B}/stac/collections/{cid}/items",
             "type": "application/geo+json"},
            {"rel": "http://www.opengis.net/def/rel/ogc/1.0/queryables",
             "href": f"{B}/stac/collections/{cid}/queryables",
             "type": "application/schema+json"},
        ],
    }
