from __future__ import annotations

import pytest

from aibudget.store import users
from aibudget.store.db import Database
from aibudget.store.errors import Conflict
from aibudget.store.models import UserRow
from tests.store.factories import user


def test_password_is_stored_as_an_argon2_hash_and_checked(db: Database) -> None:
    alice = user(db, "Alice@Example.com")
    with db.write() as s:
        row = s.get(UserRow, alice.id)
        assert row is not None
        assert row.password_hash.startswith("$argon2")
        assert "correct horse" not in row.password_hash
        assert users.authenticate(s, "alice@example.com ", "correct horse battery") == alice
        assert users.authenticate(s, "alice@example.com", "wrong") is None
        assert users.authenticate(s, "nobody@example.com", "correct horse battery") is None


def test_email_is_unique_whatever_its_case(db: Database) -> None:
    user(db, "bob@example.com")
    with pytest.raises(Conflict) as caught, db.write() as s:
        users.create(s, "BOB@example.com", "Bob again", "another password")
    assert caught.value.message_id == "store.email_taken"
    with db.session() as s:
        assert users.count(s) == 1


def test_api_token_is_shown_once_and_stored_hashed(db: Database) -> None:
    alice = user(db, "alice@example.com")
    with db.write() as s:
        token = users.create_token(s, alice.id, "laptop")
    with db.session() as s:
        assert users.user_for_token(s, token) == alice
        assert users.user_for_token(s, token + "x") is None
        assert users.user_for_token(s, "not-a-token") is None


def test_reads_of_a_user_see_changes_of_the_same_session(db: Database) -> None:
    alice = user(db, "alice@example.com")
    with db.write() as s:
        token = users.create_token(s, alice.id, "laptop")
        users.set_locale(s, alice.id, "en")
        epoch = users.end_all_sessions(s, alice.id)
        found = users.get(s, alice.id)
        assert (found.locale, found.session_epoch) == ("en", epoch) and epoch == 1
        assert users.user_for_token(s, token) == found
    with db.session() as s:
        assert users.get(s, alice.id) == found
        assert users.user_for_token(s, token + "x") is None
