"""The one memo: bounded (entries, weight), least recently used out, single-flight under
threads, failures not kept, and no deadlock when a value is made from another one."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aibudget.service.memo import Memo

THREADS = 16
PATIENCE = 10  # seconds any test waits for a thread at most (a deadlock fails, not hangs)


class Counted:
    """A ``make`` that counts its calls and takes ``seconds`` (so that others arrive)."""

    def __init__(self, value: object, seconds: float = 0.0) -> None:
        self.value, self.seconds, self.calls = value, seconds, 0
        self._lock = threading.Lock()

    def __call__(self) -> object:
        with self._lock:
            self.calls += 1
        time.sleep(self.seconds)
        return self.value


def _together(count: int, work: Callable[[int], object]) -> list[object]:
    """``work(i)`` from ``count`` threads released at once; each result or exception.
    A thread still running after ``PATIENCE`` seconds fails the test (daemon threads:
    a deadlock fails the test instead of hanging the run)."""
    start = threading.Barrier(count)
    results: list[object] = [None] * count

    def one(i: int) -> None:
        start.wait(PATIENCE)
        try:
            results[i] = work(i)
        except Exception as exc:  # the test looks at what each one got
            results[i] = exc

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(PATIENCE)
    assert not any(thread.is_alive() for thread in threads), "still waiting: a deadlock"
    return results


def test_callers_asking_at_once_share_one_make() -> None:
    memo: Memo[str, object] = Memo(8)
    value = object()
    make = Counted(value, seconds=0.2)
    answers = _together(THREADS, lambda _i: memo.get_or_make("plan", make))
    assert make.calls == 1
    assert all(answer is value for answer in answers)
    assert memo.in_flight == 0 and memo.get("plan") is value
    assert memo.get_or_make("plan", make) is value and make.calls == 1  # kept


def test_different_keys_are_made_side_by_side() -> None:
    memo: Memo[int, int] = Memo(THREADS)
    inside = threading.Barrier(4)  # all four makes run at the same time, or this times out

    def make(i: int) -> int:
        inside.wait(PATIENCE)
        return i * i

    assert _together(4, lambda i: memo.get_or_make(i, lambda: make(i))) == [0, 1, 4, 9]


def test_the_least_recently_used_entry_goes_first() -> None:
    memo: Memo[str, int] = Memo(3)
    for i, key in enumerate("abc"):
        memo.put(key, i)
    assert memo.get("a") == 0  # now the most recent
    memo.put("d", 3)
    assert memo.get("b") is None and [memo.get(k) for k in "acd"] == [0, 2, 3]
    assert len(memo) == 3


def test_the_weight_bound_pushes_out_the_oldest_and_refuses_what_is_too_heavy() -> None:
    memo: Memo[str, str] = Memo(100, weight=100, weigh=len)
    for i in range(5):
        memo.put(f"page{i}", "x" * 20)
    assert len(memo) == 5 and memo.total_weight == 100
    memo.put("big", "y" * 50)  # 150 > 100: the three oldest go
    assert [memo.get(f"page{i}") is None for i in range(5)] == [True] * 3 + [False] * 2
    assert memo.total_weight == 90
    made = memo.get_or_make("huge", lambda: "z" * 101)  # answered, never kept
    assert len(made) == 101 and memo.get("huge") is None and memo.total_weight == 90
    memo.put("page3", "w")  # replacing a value replaces its weight
    assert memo.total_weight == 71


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["get", "put"]), st.integers(0, 9), st.integers(0, 30)),
        max_size=60,
    ),
    st.integers(1, 5),
    st.integers(0, 60),
)
def test_the_memo_keeps_what_a_plain_lru_list_keeps(
    ops: list[tuple[str, int, int]], entries: int, weight: int
) -> None:
    """Against a model written the slow, obvious way."""
    memo: Memo[int, str] = Memo(entries, weight=weight, weigh=len)
    model: OrderedDict[int, str] = OrderedDict()
    for op, key, size in ops:
        if op == "get":
            assert memo.get(key) == model.get(key)
            if key in model:
                model.move_to_end(key)
            continue
        memo.put(key, "v" * size)
        if size > weight:
            continue
        model.pop(key, None)
        model[key] = "v" * size
        while len(model) > entries or sum(map(len, model.values())) > weight:
            model.popitem(last=False)
    assert list(model.items()) == [(k, memo.get(k)) for k in model]
    assert len(memo) == len(model) and memo.total_weight == sum(map(len, model.values()))


class Refused(Exception):
    pass


def test_a_failure_is_not_kept_and_the_waiters_make_it_themselves() -> None:
    memo: Memo[str, str] = Memo(8)
    calls: list[int] = []
    lock = threading.Lock()

    def make() -> str:
        with lock:
            calls.append(1)
            first = len(calls) == 1
        time.sleep(0.2)  # the others arrive meanwhile and wait
        if first:
            raise Refused("over this caller's limit")
        return "made"

    answers = _together(THREADS, lambda _i: memo.get_or_make("report", make))
    assert sum(isinstance(a, Refused) for a in answers) == 1  # only its own caller sees it
    assert answers.count("made") == THREADS - 1
    assert len(calls) == 2  # one waiter made it, the others waited for that one
    assert memo.in_flight == 0 and memo.get("report") == "made"


def test_a_failure_alone_is_raised_and_the_next_caller_makes_it_again() -> None:
    memo: Memo[str, str] = Memo(8)

    def refuse() -> str:
        raise Refused()

    with pytest.raises(Refused):
        memo.get_or_make("k", refuse)
    assert memo.get("k") is None and memo.in_flight == 0
    assert memo.get_or_make("k", lambda: "later") == "later"


def test_a_value_made_from_another_key_of_the_same_memo() -> None:
    memo: Memo[str, int] = Memo(8)

    def total() -> int:
        return memo.get_or_make("part", lambda: 20) + 1

    assert memo.get_or_make("total", total) == 21
    assert memo.get("part") == 20 and memo.in_flight == 0


def test_two_makers_waiting_for_each_others_key_do_not_deadlock() -> None:
    """A's maker asks for B while B's maker asks for A: one of them makes the other's
    value itself instead of waiting forever."""
    memo: Memo[str, str] = Memo(8)
    both_making = threading.Barrier(2)
    other = {"A": "B", "B": "A"}

    def make(key: str) -> str:
        both_making.wait(PATIENCE)  # A and B are both in flight now
        time.sleep(0.05 if key == "A" else 0.1)
        return key + memo.get_or_make(other[key], lambda: other[key].lower())

    answers = _together(2, lambda i: memo.get_or_make("AB"[i], lambda: make("AB"[i])))
    assert not any(isinstance(a, Exception) for a in answers), answers
    # The later one made the earlier one's key itself ("a" or "b"), the earlier one got
    # the later one's value.
    assert sorted(answers) in (["ABa", "Ba"], ["Ab", "BAb"])
    assert memo.in_flight == 0


def test_a_cycle_across_two_memos_does_not_deadlock_either() -> None:
    first: Memo[str, str] = Memo(4)
    second: Memo[str, str] = Memo(4)
    both_making = threading.Barrier(2)

    def in_first() -> str:
        both_making.wait(PATIENCE)
        return "1" + second.get_or_make("y", lambda: "y")

    def in_second() -> str:
        both_making.wait(PATIENCE)
        time.sleep(0.05)
        return "2" + first.get_or_make("x", lambda: "x")

    makers = [lambda: first.get_or_make("x", in_first), lambda: second.get_or_make("y", in_second)]
    answers = _together(2, lambda i: makers[i]())
    assert not any(isinstance(a, Exception) for a in answers), answers
    assert first.in_flight == second.in_flight == 0


def test_bounds_must_make_sense() -> None:
    with pytest.raises(ValueError):
        Memo(0)
    with pytest.raises(ValueError):
        Memo(4, weight=10)  # a weight bound without a way to weigh
