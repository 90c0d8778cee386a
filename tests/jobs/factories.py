"""Small factories of the job tests: users with live plans, and the queue around them."""

from __future__ import annotations

from celery import Celery

from aibudget.domain.plan import Plan
from aibudget.jobs.queue import make_queue
from aibudget.jobs.settings import JobSettings
from aibudget.jobs.work import JobContext
from aibudget.store import plans, users
from aibudget.store.db import Database
from aibudget.store.records import PlanVersion, Status, User, Workspace
from tests.store import factories
from tests.store.factories import example_plan


def live_plan(
    db: Database, owner: User, space: Workspace, name: str = "2027", plan: Plan | None = None
) -> PlanVersion:
    with db.write() as s:
        saved = plans.create(s, owner.id, space.id, name, plan or example_plan())
        plans.set_status(s, owner.id, space.id, saved.plan_id, saved.number, Status.LIVE)
    return saved


def owner_with_plan(
    db: Database, email: str, locale: str | None = None
) -> tuple[User, Workspace, PlanVersion]:
    owner = factories.user(db, email)
    if locale:
        with db.write() as s:
            users.set_locale(s, owner.id, locale)
        owner = owner.model_copy(update={"locale": locale})
    space = factories.workspace(db, owner, f"Shop of {email}")
    return owner, space, live_plan(db, owner, space)


def in_process(db: Database, settings: JobSettings | None = None) -> Celery:
    return make_queue(JobContext(db=db, settings=settings or JobSettings(jobs_in_process=True)))
