"""The console API (`import dinamis; dinamis.login(); dinamis.search(...); dinamis.sign(...)`)
against the reference server, logging in through the real device flow."""
import contextlib
import io
import re
import threading

import pytest
import requests

import dinamis
from dinamis import api
from dinamis.core import signed_url
from dinamis.core.errors import AccountNotActive, DinamisError, LoginRequired
from dinamis.core.search_params import InvalidSearch
from dinamis.core.secrets import MemorySecretStore
from tests.core.conftest import approve_device, login_as


@pytest.fixture
def console(server):
    """The console pointed at the test server, with a login kept in memory only."""
    dinamis.use_local_reference(server.base_url, secret_store=MemorySecretStore())
    yield dinamis
    dinamis.use_local_reference(server.base_url, secret_store=MemorySecretStore())


@pytest.fixture
def searching_console(stac_server):
    """The console on each STAC flavour in turn (the rich one, a stock pgstac)."""
    dinamis.use_local_reference(stac_server.base_url, secret_store=MemorySecretStore())
    yield dinamis
    dinamis.use_local_reference(stac_server.base_url, secret_store=MemorySecretStore())


def approving(server, username):
    """An `on_code` that approves the code in the "browser" (another thread)."""
    threads = []

    def on_code(device):
        thread = threading.Thread(target=approve_device, args=(server, device.user_code,
                                                               username), daemon=True)
        thread.start()
        threads.append(thread)
    return on_code


class ApprovingTerminal(io.StringIO):
    """A stdout that, like a user reading the console, approves the code it shows."""

    def __init__(self, server, username):
        super().__init__()
        self.server, self.username = server, username

    def write(self, text):
        found = re.search(r"enter the code (\S+)", text)
        if found:
            threading.Thread(target=approve_device, daemon=True,
                             args=(self.server, found.group(1), self.username)).start()
        return super().write(text)


def test_console_names_come_from_the_api_module():
    assert dinamis.search is api.search and dinamis.login is api.login
    assert set(api.__all__) >= {"use_profile", "use_local_reference", "login", "logout",
                                "whoami", "collections", "capabilities", "search", "sign",
                                "signer"}
    with pytest.raises(AttributeError):
        dinamis.no_such_function


def test_login_search_sign_round_trip(stac_server, searching_console):
    server, console = stac_server, searching_console
    terminal = ApprovingTerminal(server, "alice")
    with contextlib.redirect_stdout(terminal):
        account = console.login(open_browser=False)
    assert "To log in to DINAMIS, open http://127.0.0.1:" in terminal.getvalue()
    assert account.username == "alice" and account.is_active
    assert console.whoami().entity == "UMR TETIS"

    found = console.search(bbox=(3.0, 43.0, 4.5, 44.0), start="2015-01-01", max_cloud=30,
                           availability="downloadable", sortby="-datetime", limit=5)
    assert found.count().lower >= 3
    items = found.items(3)
    assert len(items) == 3
    assert all(i.properties["eo:cloud_cover"] <= 30 for i in items)
    assert all(not signed_url.is_signed(a.href) for i in items for a in i.assets.values())

    server.reset_counters()
    signed = console.sign(items)
    hrefs = [a.href for i in signed for k, a in i.assets.items() if k.startswith("src_")]
    assert hrefs and all(signed_url.is_signed(h) for h in hrefs)
    assert server.counters()["sign_requests"] == 1  # all three items in one batch
    assert not signed_url.is_signed(items[0].assets["src_xs"].href)  # copies were signed
    one = console.sign(items[0].assets["src_xs"].href)
    assert one == signed[0].assets["src_xs"].href  # from the console signer's cache
    assert server.counters()["sign_requests"] == 1


def test_search_result_is_lazy_and_iterable(stac_server, searching_console):
    console = searching_console
    console.capabilities()  # read once (on pgstac: a search per criterion to probe)
    stac_server.reset_counters()
    found = console.search(collections=console.collections()[0].id, limit=4, max_items=10)
    assert stac_server.counters()["requests_by_path"].get("/stac/search", 0) == 0
    ids = [item.id for item in found]
    assert len(ids) == 10 and len(set(ids)) == 10
    counts = found.monthly_counts()
    everything = console.search(collections=console.collections()[0].id, limit=1000)
    assert counts.complete and sum(counts.values()) == len(everything.items())
    assert "collections" in repr(found)


def test_what_the_catalogue_cannot_do_is_an_error(stac_server, searching_console):
    console = searching_console
    offered = console.capabilities()
    for criteria, possible, words in (
            ({"text": "Montpellier"}, offered.free_text, "Free text search is not available"),
            ({"max_incidence": 10}, offered.can_filter_on("view:incidence_angle"),
             "incidence angle filter is not applied")):
        if possible:
            assert console.search(**criteria, max_items=3).items()
        else:
            with pytest.raises(DinamisError, match=words):
                console.search(**criteria)
    assert offered.free_text is ("aggregation" in str(offered.conforms_to))


def test_sign_a_whole_search_result(stac_server, searching_console):
    server, console = stac_server, searching_console
    console.login(on_code=approving(server, "chloe"))
    signed = console.sign(console.search(availability="downloadable", max_items=4))
    assert len(signed.items) == 4
    assert all(signed_url.is_signed(i.assets["src_xs"].href) for i in signed.items)


def test_api_key_login(server, console):
    bearer = login_as(server, "bruno")
    created = bearer.http.get(bearer.profile.signing_url + "create_api_key",
                              params={"description": "console test"}, timeout=10).json()
    account = console.login(api_key=created["access-key"], secret_key=created["secret-key"])
    assert not account.known
    assert signed_url.is_signed(console.sign(server.url("/s3/dinamis-catalogue/k/x.tif")))


def test_console_shares_the_plugins_session(server, console):
    plugin_session = login_as(server, "remi")
    api._set_session(plugin_session)
    assert console.whoami().username == "remi"
    assert console.signer().http is plugin_session.http
    api._set_session(None)  # plugin unloaded: the console keeps the profile, not the login
    assert console.session() is not plugin_session
    assert console.session().profile == plugin_session.profile


def test_logout_forgets_the_login(server, console):
    console.login(on_code=approving(server, "alice"))
    console.logout()
    with pytest.raises(LoginRequired) as caught:
        console.whoami()
    assert "not logged in" in str(caught.value)
    with pytest.raises(LoginRequired):
        console.sign(server.url("/s3/dinamis-catalogue/k/x.tif"))


def test_pending_account_can_search_but_not_sign(stac_server, searching_console):
    server, console = stac_server, searching_console
    console.login(on_code=approving(server, "paul"))
    items = console.search(max_items=1).items()
    with pytest.raises(AccountNotActive) as caught:
        console.sign(items)
    assert "awaiting validation" in str(caught.value)


def test_mistakes_get_plain_messages(stac_server, searching_console):
    server, console = stac_server, searching_console
    with pytest.raises(DinamisError, match="Unknown search criterion \"cloudiness\""):
        console.search(cloudiness=10)
    with pytest.raises(InvalidSearch, match="south .* is above its north"):
        console.search(bbox=(3.7, 43.7, 4.0, 43.5))
    with pytest.raises(DinamisError, match="Unknown DINAMIS profile \"nowhere\""):
        console.use_profile("nowhere")
    with pytest.raises(DinamisError, match="both the API key's access key and its secret"):
        console.login(api_key="only-half")
    with pytest.raises(DinamisError) as caught:
        console.search(collections="no-such-collection").matched()
    assert "no collection \"no-such-collection\"" in str(caught.value)
    assert "spot-6-7-drs" in str(caught.value)  # and which ones exist
    assert requests.get(server.url("/health"), timeout=5).ok


def test_add_to_map_outside_qgis_says_what_to_do_instead(tmp_path):
    """A plain Python (no QGIS application): a sentence, not a traceback from deep inside."""
    import subprocess
    import sys
    from pathlib import Path
    build = Path(__file__).resolve().parents[2] / "build"
    script = ("import dinamis\n"
              "try:\n    dinamis.add_to_map([])\n"
              "except dinamis.DinamisError as error:\n    print('said:', error)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path, env={"PYTHONPATH": str(build),
                                                          "QT_QPA_PLATFORM": "offscreen",
                                                          "HOME": str(tmp_path)})
    assert "said: add_to_map works inside QGIS" in done.stdout, done.stderr[-2000:]
    assert "dinamis.sign(items)" in done.stdout
