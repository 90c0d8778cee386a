"""Everything the app holds for its lifetime, built by ``create_app`` (never at import)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment

from aibudget.settings import Settings
from aibudget.store.db import Database
from aibudget.web.security import RateLimiter, Sessions

EVAL_CACHE_SIZE = 64


@dataclass
class WebState:
    settings: Settings
    db: Database
    sessions: Sessions
    templates: Environment
    login_limiter: RateLimiter
    evaluate_limiter: RateLimiter
    _cache: OrderedDict[tuple[Any, ...], Any] = field(default_factory=OrderedDict)
    _cache_lock: threading.Lock = field(default_factory=threading.Lock)

    def cached(self, key: tuple[Any, ...]) -> Any:
        """Results keyed by immutable version ids (versions never change)."""
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        return None

    def remember(self, key: tuple[Any, ...], value: Any) -> None:
        with self._cache_lock:
            self._cache[key] = value
            while len(self._cache) > EVAL_CACHE_SIZE:
                self._cache.popitem(last=False)
