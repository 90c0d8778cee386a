"""Terminal and JSON rendering of the reallocation proposal (``aibudget review``)."""

from __future__ import annotations

from rich.console import Console

from aibudget.domain.reallocation import Reallocation
from aibudget.i18n import Translator
from aibudget.present.reallocate import change_text, proposes_change, summary_text


def print_proposal(console: Console, t: Translator, r: Reallocation) -> None:
    """The proposal with its heading and figures; when nothing changes, the advice alone."""
    if not proposes_change(r):
        for c in r.changes:
            console.print(f"{change_text(t, c, r.currency)}")
        return
    console.print(t("reallocate.heading"), style="bold")
    for c in r.changes:
        console.print(f"  • {change_text(t, c, r.currency)}")
    console.print(summary_text(t, r))
