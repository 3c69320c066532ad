"""The catalogue survives a restart: same items, same files, no second seeding."""
import sqlite3

import requests

from tests.server_process import ServerProcess


def test_catalogue_survives_a_restart_without_reseeding(tmp_path):
    server = ServerProcess(tmp_path / "data", items=40, real_cogs=1, cog_size=256).start()
    try:
        page = requests.get(server.url("/stac/search"), params={"limit": 40}, timeout=10).json()
        assert page["numberMatched"] == 40
        item = page["features"][7]
        quicklook = requests.get(item["assets"]["thumbnail"]["href"], timeout=30)
        assert quicklook.status_code == 200
        db_path = tmp_path / "data" / "dinamis.sqlite"
        cogs = sorted((tmp_path / "data" / "objects" / "dinamis-catalogue").rglob("*.tif"))
        assert cogs
        mtimes = [p.stat().st_mtime_ns for p in cogs]
        with sqlite3.connect(db_path) as conn:
            rows_before = conn.execute("SELECT COUNT(*), MAX(pk) FROM stac_items").fetchone()

        server.restart()

        again = requests.get(server.url(f"/stac/collections/{item['collection']}/items/"
                                        f"{item['id']}"), timeout=10)
        assert again.status_code == 200 and again.json() == item
        assert requests.get(item["assets"]["thumbnail"]["href"],
                            timeout=10).content == quicklook.content
        page2 = requests.get(server.url("/stac/search"), params={"limit": 40}, timeout=10).json()
        assert [f["id"] for f in page2["features"]] == [f["id"] for f in page["features"]]
        with sqlite3.connect(db_path) as conn:
            assert conn.execute("SELECT COUNT(*), MAX(pk) FROM stac_items").fetchone() \
                == rows_before
            assert conn.execute("SELECT value FROM meta WHERE key = 'seeded:catalogue'"
                                ).fetchone()[0] == "1"
        assert [p.stat().st_mtime_ns for p in cogs] == mtimes  # files not rewritten
    finally:
        server.stop()
