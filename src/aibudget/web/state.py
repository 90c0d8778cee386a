"""Everything the app holds for its lifetime, built by ``create_app`` (never at import)."""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from jinja2 import Environment

from aibudget.settings import Settings
from aibudget.store.counters import Counters
from aibudget.store.db import Database
from aibudget.web.security import Sessions

EVAL_CACHE_SIZE = 64
PAGE_CACHE_SIZE = 256  # rendered pages (a plan page is about 60 KB)
PAGE_CACHE_CHARS = 32 * 2**20  # and at most this much text in all
REPORT_CACHE_SIZE = 16  # report files (a PDF is about 300 KB, a workbook 40-60 KB)
REPORT_CACHE_BYTES = 16 * 2**20
Content = TypeVar("Content", str, bytes)
Result = TypeVar("Result")


class Pages(Generic[Content]):
    """Rendered pages (or report files) by everything they were made from (least recently
    used first out, bounded in entries and in characters or bytes). Thread-safe."""

    def __init__(self, size: int = PAGE_CACHE_SIZE, chars: int = PAGE_CACHE_CHARS) -> None:
        self._items: OrderedDict[tuple[Any, ...], Content] = OrderedDict()
        self._lock = threading.Lock()
        self._size, self._chars, self._total = size, chars, 0

    def get(self, key: tuple[Any, ...]) -> Content | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: tuple[Any, ...], content: Content) -> None:
        if len(content) > self._chars:
            return
        with self._lock:
            old = self._items.pop(key, None)
            self._total += len(content) - (0 if old is None else len(old))
            self._items[key] = content
            while len(self._items) > self._size or self._total > self._chars:
                self._total -= len(self._items.popitem(last=False)[1])

    def __len__(self) -> int:
        return len(self._items)


@dataclass
class WebState:
    settings: Settings
    db: Database
    sessions: Sessions
    templates: Environment
    counters: Counters  # shared by every worker: sign-in back-off, quotas
    pages: Pages[str] = field(default_factory=Pages)
    # Report files apart from evaluation results, so that big files never push them out.
    reports: Pages[bytes] = field(
        default_factory=lambda: Pages(REPORT_CACHE_SIZE, REPORT_CACHE_BYTES)
    )
    # Stands for the CSRF token in a remembered page; each answer puts the viewer's in.
    csrf_slot: str = field(default_factory=lambda: "csrf-slot-" + secrets.token_hex(16))
    _cache: OrderedDict[tuple[Any, ...], Any] = field(default_factory=OrderedDict)
    _cache_lock: threading.Lock = field(default_factory=threading.Lock)
    # key -> (lock, requests holding or waiting for it); only keys being computed now
    _running: dict[tuple[Any, ...], list[Any]] = field(default_factory=dict)

    def cached(self, key: tuple[Any, ...]) -> Any:
        """Results keyed by immutable version ids (versions never change)."""
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        return None

    def once(
        self, key: tuple[Any, ...], make: Callable[[], Result], kept: Pages[Any] | None = None
    ) -> Result:
        """The result remembered under ``key`` (in ``kept``, else the shared cache), or
        ``make()`` remembered: requests for the same new result wait for the first one to
        make it instead of making it side by side."""
        get = self.cached if kept is None else kept.get
        put = self.remember if kept is None else kept.put
        found = get(key)
        if found is None:
            with self._one_at_a_time(key):
                found = get(key)
                if found is None:
                    found = make()
                    put(key, found)
        return found

    @contextmanager
    def _one_at_a_time(self, key: tuple[Any, ...]) -> Iterator[None]:
        with self._cache_lock:
            entry = self._running.setdefault(key, [threading.Lock(), 0])
            entry[1] += 1
        try:
            with entry[0]:
                yield
        finally:
            with self._cache_lock:
                entry[1] -= 1
                if entry[1] == 0:
                    del self._running[key]

    def remember(self, key: tuple[Any, ...], value: Any) -> None:
        with self._cache_lock:
            self._cache[key] = value
            while len(self._cache) > EVAL_CACHE_SIZE:
                self._cache.popitem(last=False)
