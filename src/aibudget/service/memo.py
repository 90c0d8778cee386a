"""One bounded, thread-safe memo with single-flight, for every cache of the app.

``Memo.get_or_make(key, make)`` answers the value kept under ``key``, or calls
``make()`` once and keeps what it returns:

- bounded: at most ``entries`` values, and (with ``weigh``) at most ``weight`` in all
  (characters of a page, bytes of a file); the least recently used go first; a value
  heavier than the whole bound is answered but not kept;
- single-flight: while one caller makes a key's value, the others asking for that key
  wait for it instead of making it side by side;
- an exception raised by ``make`` is not kept: it goes to its caller, and the callers
  that waited try again themselves (one of them makes it, the others wait again), since
  what failed may belong to the first caller alone (their rate limit, their time);
- no deadlock: ``make`` may ask this memo or another one for other keys; a caller that
  would wait for a value whose maker is (directly or through others) waiting for this
  caller makes the value itself instead.

Keys must be hashable and stand for everything the value is made from (see
``aibudget.service.context.VersionContext``). Only the standard library is imported here,
so that every layer (the store too) may use it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# Which flight each thread waits for, across every memo: the waits-for chain that tells a
# wait that would never end (A's maker waits for B's, whose maker waits for A).
_waits: dict[int, _Flight] = {}
_waits_lock = threading.Lock()


class _Flight:
    """One ``make`` under way: its maker's thread and the event its waiters wait on."""

    __slots__ = ("done", "failed", "maker", "value")

    def __init__(self) -> None:
        self.maker = threading.get_ident()
        self.done = threading.Event()
        self.failed = False
        self.value: object = None


def _would_deadlock(flight: _Flight) -> bool:
    """Whether waiting for ``flight`` closes a cycle of waits back to this thread."""
    me = threading.get_ident()
    maker, seen = flight.maker, set()
    while maker not in seen:
        if maker == me:
            return True
        seen.add(maker)
        ahead = _waits.get(maker)
        if ahead is None:
            return False
        maker = ahead.maker
    return False


class Memo(Generic[K, V]):
    """A bounded LRU memo with single-flight (see the module's docstring)."""

    def __init__(
        self,
        entries: int,
        weight: int | None = None,
        weigh: Callable[[V], int] | None = None,
    ) -> None:
        if entries < 1 or (weight is not None and weigh is None):
            raise ValueError("a memo keeps at least one entry; a weight bound needs weigh")
        self._entries, self._weight, self._weigh = entries, weight, weigh
        self._items: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._flights: dict[K, _Flight] = {}
        self._lock = threading.Lock()
        self._total = 0

    def __len__(self) -> int:
        return len(self._items)

    @property
    def total_weight(self) -> int:
        return self._total

    @property
    def in_flight(self) -> int:
        """Keys being made now (none once every caller has its answer)."""
        return len(self._flights)

    def get(self, key: K) -> V | None:
        """The value kept under ``key`` (None when none is), as most recently used."""
        with self._lock:
            found = self._hit(key)
        return found[0] if found is not None else None

    def _hit(self, key: K) -> tuple[V, int] | None:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
        return found

    def put(self, key: K, value: V) -> None:
        """Keep ``value`` under ``key`` (unless it alone is heavier than the bound)."""
        weight = self._weigh(value) if self._weigh is not None else 0
        if self._weight is not None and weight > self._weight:
            return
        with self._lock:
            old = self._items.pop(key, None)
            self._total -= old[1] if old is not None else 0
            self._items[key] = (value, weight)
            self._total += weight
            while len(self._items) > self._entries or (
                self._weight is not None and self._total > self._weight
            ):
                self._total -= self._items.popitem(last=False)[1][1]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._total = 0

    def get_or_make(self, key: K, make: Callable[[], V]) -> V:
        """The value kept under ``key``, else ``make()`` kept: made once for all the
        callers asking for it at the same time."""
        while True:
            with self._lock:
                found = self._hit(key)
                if found is not None:
                    return found[0]
                flight = self._flights.get(key)
                if flight is None:
                    flight = self._flights[key] = _Flight()
                    break  # this caller makes it
            with _waits_lock:
                if _would_deadlock(flight):
                    return make()  # the maker waits for this caller: make it here
                _waits[threading.get_ident()] = flight
            try:
                flight.done.wait()
            finally:
                with _waits_lock:
                    del _waits[threading.get_ident()]
            if not flight.failed:
                return flight.value  # type: ignore[return-value]
            # it failed for its maker: try again (make it, or wait for a new maker)
        try:
            value = make()
        except BaseException:
            flight.failed = True
            raise
        else:
            flight.value = value
            self.put(key, value)
            return value
        finally:
            with self._lock:
                del self._flights[key]
            flight.done.set()
