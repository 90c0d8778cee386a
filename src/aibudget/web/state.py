"""Everything the app holds for its lifetime, built by ``create_app`` (never at import)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment

from aibudget.service.context import Key
from aibudget.service.evaluation import CostlyRuns
from aibudget.service.memo import Memo
from aibudget.settings import Settings
from aibudget.store.counters import Counters
from aibudget.store.db import Database
from aibudget.web.security import Sessions

RESULTS_KEPT = 64  # simulations, allocations, health checks, small wins, API answers
PAGES_KEPT = 256  # rendered pages (a plan page is about 60 KB)
PAGE_CHARS = 32 * 2**20  # and at most this much text in all
REPORTS_KEPT = 16  # report files (a PDF is about 300 KB, a workbook 40-60 KB)
REPORT_BYTES = 16 * 2**20


def page_memo() -> Memo[Key, str]:
    return Memo(PAGES_KEPT, PAGE_CHARS, len)


def report_memo() -> Memo[Key, bytes]:
    return Memo(REPORTS_KEPT, REPORT_BYTES, len)


@dataclass
class WebState:
    settings: Settings
    db: Database
    sessions: Sessions
    templates: Environment
    counters: Counters  # shared by every worker: sign-in back-off, quotas
    # Results by their VersionContext keys (see aibudget.service.context); pages by what
    # they show (context.render_remembered); report files apart from the results, so that
    # big files never push them out.
    results: Memo[Key, Any] = field(default_factory=lambda: Memo(RESULTS_KEPT))
    pages: Memo[Key, str] = field(default_factory=page_memo)
    reports: Memo[Key, bytes] = field(default_factory=report_memo)
    # Stands for the CSRF token in a remembered page; each answer puts the viewer's in.
    csrf_slot: str = field(default_factory=lambda: "csrf-slot-" + secrets.token_hex(16))

    @property
    def runs(self) -> CostlyRuns:
        """What the evaluate, allocate and report use cases are bounded and kept by."""
        return CostlyRuns(self.settings, self.counters, self.results, self.reports)
