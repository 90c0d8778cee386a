"""Small factories shared by the store tests."""

from __future__ import annotations

from pathlib import Path

from aibudget.domain.plan import Plan
from aibudget.planfile import load_plan
from aibudget.store import users, workspaces
from aibudget.store.db import Database
from aibudget.store.records import User, Workspace

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "taipei-cafe.yaml"


def example_plan() -> Plan:
    return load_plan(EXAMPLE)


def user(db: Database, email: str, name: str = "") -> User:
    with db.write() as s:
        return users.create(s, email, name or email.split("@")[0], "correct horse battery")


def workspace(db: Database, owner: User, name: str = "Shop") -> Workspace:
    with db.write() as s:
        return workspaces.create(s, owner.id, name)
