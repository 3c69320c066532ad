"""Account details from the real userinfo endpoint, explained in plain words."""
import pytest

from dinamis.core.account import Account
from dinamis.core.i18n import install_translator
from tests.core.conftest import login_as


@pytest.mark.parametrize("username, expected", [
    ("alice", dict(name="Alice Martin", entity="UMR TETIS", category="scientific",
                   status="active", roles=("user",), expires_at=None)),
    ("remi", dict(category="scientific", status="active", roles=("user", "referent"))),
    ("oscar", dict(entity="DINAMIS", category=None, roles=("user", "operator"))),
    ("paul", dict(status="pending")),
])
def test_account_from_userinfo(server, username, expected):
    account = login_as(server, username).account()
    assert account.username == username and account.known
    assert account.email == f"{username}@example.org"
    for field, value in expected.items():
        assert getattr(account, field) == value, field


def test_expiry_date_is_stated(server):
    account = login_as(server, "chloe").account()
    assert account.expires_at and account.is_active
    assert account.status_message() == f"Your account is active until {account.expires_at[:10]}."
    assert account.category_label() == "Private R&D"


def test_roles():
    referent = Account.from_claims({"preferred_username": "remi",
                                    "dinamis_roles": ["user", "referent"]})
    assert referent.is_referent and not referent.is_operator
    assert Account.from_claims({"dinamis_roles": "operator"}).is_operator


@pytest.mark.parametrize("status, words", [
    ("active", "Your account is active."),
    ("pending", "awaiting validation by your entity's DINAMIS referent"),
    ("expired", "Ask your entity's DINAMIS referent to renew it"),
    ("disabled", "is disabled"),
    ("weird", "unknown"),
])
def test_status_messages(status, words):
    assert words in Account(username="u", status=status).status_message()


@pytest.mark.parametrize("category, label", [
    ("scientific", "Scientific"), ("public_actor", "Public actor (non-scientific institution)"),
    ("private_rd", "Private R&D"), ("foreign_scientific", "Foreign scientific"),
    (None, "No category"),
])
def test_category_labels(category, label):
    assert Account(category=category).category_label() == label


def test_api_key_account_says_details_are_unknown():
    account = Account.unknown()
    assert not account.known and account.username is None
    assert "API key" in account.status_message() and "API key" in account.display_name()


def test_messages_go_through_the_translator():
    install_translator(lambda context, text: "FR:" + text)
    try:
        assert Account(status="pending").status_message().startswith("FR:")
        assert Account(category="scientific").category_label() == "FR:Scientific"
    finally:
        install_translator(lambda context, text: text)


def test_core_oidc_claims_only_leave_the_rest_unknown(server):
    """The real identity provider may publish no dinamis_* claim: nothing is guessed."""
    account = login_as(server, "nina").account()
    assert (account.username, account.name, account.email) == (
        "nina", "Nina Rossi", "nina@example.org")
    assert (account.entity, account.category, account.status, account.roles) == (
        None, None, None, ())
    assert "Not stated at login" in account.status_message()
    assert "active." not in account.status_message().replace("whether your account is active",
                                                             "")


def test_services_tell_the_status(server):
    """403 codes of the signing service and the demand manager, and urls really signed."""
    from dinamis.core.account import status_told_by
    for username, status in (("hugo", "pending"), ("eve", "expired")):
        session = login_as(server, username)
        signing = session.http.post(session.profile.signing_url + "sign_urls",
                                    json={"urls": [server.url("/s3/dinamis-catalogue/a.tif")]})
        assert signing.status_code == 403
        assert status_told_by(signing, session.profile.signing_url) == status
        project = session.http.post(session.profile.demands_url + "projects", json={})
        assert project.status_code == 403
        assert status_told_by(project, session.profile.signing_url) == status
    session = login_as(server, "nina")
    url = server.url("/s3/dinamis-catalogue/a.tif")
    signed = session.http.post(session.profile.signing_url + "sign_urls", json={"urls": [url]})
    assert status_told_by(signed, session.profile.signing_url) == "active"
    nothing = session.http.post(session.profile.signing_url + "sign_urls", json={"urls": []})
    assert status_told_by(nothing, session.profile.signing_url) is None  # proves nothing
    listed = session.http.get(session.profile.signing_url + "list_api_keys_with_metadata")
    assert listed.ok and status_told_by(listed, session.profile.signing_url) is None


def test_a_told_status_replaces_an_unknown_one():
    account = Account.from_claims({"preferred_username": "nina", "name": "Nina Rossi"})
    assert account.with_status("pending").status == "pending"
    assert account.with_status(None) is account
    assert "awaiting validation" in account.with_status("pending").status_message()
    key_account = Account.unknown().with_status("expired")
    assert "has expired" in key_account.status_message() and not key_account.known
