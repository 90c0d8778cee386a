"""A worker whose plan checks take long (``python -m tests.jobs.slow_worker``): the test
kills it in the middle of one."""

from __future__ import annotations

import sys
import time
from typing import Any

from aibudget import cli
from aibudget.jobs import work

SLOW_SECONDS = 60
_check = work.check_plan


def _slow_check(*args: Any) -> Any:
    time.sleep(SLOW_SECONDS)
    return _check(*args)


if __name__ == "__main__":
    work.check_plan = _slow_check  # type: ignore[assignment]
    sys.argv = ["aibudget", "worker", *sys.argv[1:]]
    cli.main()
