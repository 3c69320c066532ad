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
