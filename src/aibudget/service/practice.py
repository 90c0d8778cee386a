"""Confidence by practice beside a stored plan: the outside help its weak readiness
scales call for (and the advice line that answers them, added in one click), and the
small wins its actuals show so far, in words. The same for the plan page and the API."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from sqlalchemy.orm import Session

from aibudget.catalog import kpi_entries, readiness_questionnaire
from aibudget.domain.actuals import Actuals
from aibudget.domain.errors import AibudgetError
from aibudget.domain.plan import Plan
from aibudget.engine.practice import (
    has_advice_line,
    outside_help_line,
    review_wins,
    weak_for_outside_help,
)
from aibudget.engine.review import review
from aibudget.i18n import Translator
from aibudget.present.practice import review_win_texts
from aibudget.service.context import VersionContext
from aibudget.service.memo import Memo
from aibudget.service.worries import assessed
from aibudget.store import assessments, plans, workspaces
from aibudget.store.db import Database
from aibudget.store.records import PlanVersion, Role


def outside_help(s: Session, user_id: str, ws: str, plan: Plan) -> tuple[str, ...]:
    """The weak readiness scales (skills, culture) worth outside help, while the plan
    has no advice line yet; empty without a readiness check."""
    result = assessed(getattr(assessments.latest(s, user_id, ws), "answers", None))
    if result is None or has_advice_line(plan):
        return ()
    weak_below = readiness_questionnaire().thresholds.weak_dimension_below
    return tuple(weak_for_outside_help(result.dimensions, weak_below))


def add_advice_line(db: Database, user_id: str, ws: str, plan_id: str, t: Translator) -> None:
    """The advice line suggested beside the plan, saved as a new version (editors only);
    nothing changes when the newest version has one already."""
    with db.session() as s:
        workspaces.require(s, user_id, ws, Role.EDITOR)
        version = plans.version(s, user_id, ws, plan_id)
    plan = version.plan
    if has_advice_line(plan):  # a second click changes nothing
        return
    line = outside_help_line(plan, t("practice.help.line_label"))
    changed = plan.model_copy(update={"lines": [*plan.lines, line]})
    note = t("practice.help.note", amount=t.money(line.amounts[0], plan.currency))
    with db.write() as s:
        plans.save(s, user_id, ws, plan_id, changed, note, base=version.number)


def review_wins_text(
    results: Memo[tuple[Hashable, ...], Any], version: PlanVersion, stored: Actuals, t: Translator
) -> tuple[str, ...]:
    """The small wins the actuals show so far, in words (the review of ``version``, made
    once per version, actuals and language and kept in ``results``)."""
    if not stored.records:
        return ()

    def make() -> tuple[str, ...]:
        try:
            wins = review_wins(review(version.plan, stored, kpi_library=kpi_entries()))
        except AibudgetError:  # actuals that no longer fit this version: no wins shown
            return ()
        return tuple(review_win_texts(t, version.plan, wins))

    made_of = VersionContext.of(version, actuals=stored, locale=t.locale)
    found: tuple[str, ...] = results.get_or_make(made_of.key("wins"), make)
    return found
