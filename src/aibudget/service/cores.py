"""How many cores this process may run on: the threads the optimiser's explanations use
(``aibudget.engine.optimize``, which reads nothing of the machine itself)."""

from __future__ import annotations

import os


def usable_cores() -> int:
    """The cores this process may run on (its affinity where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
