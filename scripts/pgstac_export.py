"""Export the reference server's catalogue as ndjson for `pypgstac load` (make pgstac-check).

Starts the reference server in its pgstac flavour (items as a stock ingest of Airbus
products carries them: nothing DINAMIS-specific) on a free loopback port, pages through
/stac/collections and /stac/search over HTTP, and writes collections.ndjson and
items.ndjson. Links that name the reference server's own STAC tree (self, root, parent,
collection, items) are left out: stac-fastapi-pgstac writes its own.

    .venv/bin/python scripts/pgstac_export.py OUT_DIR [--items N]
"""
import argparse
import json
import sys
import tempfile
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.server_process import ServerProcess  # noqa: E402

_TREE_RELS = {"self", "root", "parent", "collection", "items", "queryables", "next", "prev"}


def without_tree_links(stac_object: dict) -> dict:
    stac_object = dict(stac_object)
    stac_object["links"] = [link for link in stac_object.get("links") or []
                            if link.get("rel") not in _TREE_RELS]
    return stac_object


def pages(http: requests.Session, url: str, key: str):
    """Every object under `key` of a paged answer, following GET `next` links."""
    while url:
        answer = http.get(url, timeout=60)
        answer.raise_for_status()
        page = answer.json()
        yield from page.get(key) or []
        url = next((link["href"] for link in page.get("links") or []
                    if link.get("rel") == "next"
                    and (link.get("method") or "GET").upper() == "GET"), None)


def export(stac_url: str, out: Path) -> tuple:
    http = requests.Session()
    collections = list(pages(http, stac_url + "/collections?limit=100", "collections"))
    items = list(pages(http, stac_url + "/search?limit=1000", "features"))
    out.mkdir(parents=True, exist_ok=True)
    for name, objects in (("collections", collections), ("items", items)):
        with open(out / f"{name}.ndjson", "w", encoding="utf-8") as f:
            for stac_object in objects:
                f.write(json.dumps(without_tree_links(stac_object), ensure_ascii=False) + "\n")
    return len(collections), len(items)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--items", type=int, default=None, help="catalogue size")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dinamis-export-") as tmp:
        server = ServerProcess(Path(tmp) / "data", test_mode=False, items=args.items,
                               real_cogs=0, stac_flavour="pgstac").start()
        try:
            counts = export(server.url("/stac"), args.out)
        finally:
            server.stop()
    print(f"exported {counts[0]} collections and {counts[1]} items to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
