"""The Monte Carlo's inner loop: draws in, per-tool NPVs, total NPV and monthly fan out.

Each uncertain input is ``low + width x s``, with ``s`` read from its shape's standard
inverse-CDF table (inputs of the same shape share one, see ``simulate.ppf_table``), so
that the tables read are few and small enough to stay in the processor's cache. A tool's
NPV is then its constant part plus ``sum (pv_unit x width) x s`` over its inputs.

The inputs are laid out tool by tool in *slots*: every tool has as many slots as the
tool with the most uncertain inputs, a slot without an input reads any table with a
coefficient of 0. The draws of a chunk (trials x inputs, in the generator's order) are
turned into slot-major table positions, gathered, and each tool's sum is a few
element-wise multiply-adds over whole rows: every trial's arithmetic is the same
whatever the chunk size, and no work is spent on the zeros of a tools x inputs matrix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Floats = NDArray[np.float64]
Index = NDArray[np.intp]


@dataclass(frozen=True)
class Layout:
    """Where each tool's uncertain inputs sit, and what each slot contributes."""

    column: Index | None  # (slots,) draw column of each slot; None: the draws' own order
    position: Index  # (slots,) start of each slot's standard table in ``tables``
    coef: Floats  # (tools, width): pv_unit x width of the slot's input (0: no input)
    month_coef: Floats  # (months + 1, slots): cumulative cash per unit of ``s``
    tables: Floats  # the standard tables, one after the other
    points: int  # entries per table

    @property
    def width(self) -> int:
        return int(self.coef.shape[1])


def layout(
    tool_of: Index,
    shape_of: Index,
    standard: Floats,
    pv_scale: Floats,
    month_scale: Floats,
    tools: int,
) -> Layout:
    """The slot layout of inputs belonging to ``tool_of`` (one per draw column) with
    standard table ``standard[shape_of[j]]``; ``pv_scale`` (inputs,) and ``month_scale``
    (inputs, months + 1) are what one unit of ``s`` adds to the NPV and to each month's
    cumulative cash. Within a tool, inputs keep their order."""
    points = standard.shape[1]
    count = np.bincount(tool_of, minlength=tools)
    width = int(count.max(initial=0))
    order = np.argsort(tool_of, kind="stable")
    first = np.concatenate([[0], np.cumsum(count)[:-1]])
    rank = np.arange(len(order)) - first[tool_of[order]]
    slot = np.empty(len(order), dtype=np.intp)
    slot[order] = tool_of[order] * width + rank
    column = np.zeros(tools * width, dtype=np.intp)
    column[slot] = np.arange(len(order))
    coef = np.zeros(tools * width)
    coef[slot] = pv_scale
    month_coef = np.zeros((month_scale.shape[1], tools * width))
    month_coef[:, slot] = month_scale.T
    identity = len(order) == tools * width and bool(np.array_equal(column, np.arange(len(order))))
    return Layout(
        column=None if identity else column,
        position=shape_of[column] * points,
        coef=coef.reshape(tools, width),
        month_coef=month_coef,
        tables=np.ascontiguousarray(standard).ravel(),
        points=points,
    )


@dataclass
class Outputs:
    """Where the loop writes: total NPV per trial, per-tool NPV (rows: tools) and the
    monthly fan (rows: months) of the first trials."""

    npv: Floats
    tool_npv: NDArray[np.float32]
    fan: NDArray[np.float32]


def run(
    lay: Layout,
    draw: Callable[[int], NDArray[np.int64]],
    tool_const: Floats,
    cum_const: Floats,
    out: Outputs,
    chunk_trials: int,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Fill ``out`` chunk by chunk; ``draw(size)`` returns the chunk's table indices
    (trials x inputs) in the generator's order."""
    total = out.npv.shape[0]
    tools, width = lay.coef.shape
    slots = tools * width
    fan_trials = out.fan.shape[1]
    cells = max(slots, 1) * chunk_trials
    where_buf = np.empty(cells, dtype=np.intp)
    s_buf = np.empty(cells)
    sums = np.empty((tools, chunk_trials))
    term = np.empty((tools, chunk_trials))
    done = 0
    while done < total:
        size = min(chunk_trials, total - done)
        ct = sums[:, :size]
        if slots:  # the first slot's terms start each sum (as 0 + them would, exactly)
            s = _gather(lay, draw(size), where_buf, s_buf)
            rows = s.reshape(tools, width, size)
            np.multiply(rows[:, 0], lay.coef[:, 0, None], out=ct)
            for r in range(1, width):
                np.multiply(rows[:, r], lay.coef[:, r, None], out=term[:, :size])
                ct += term[:, :size]
        else:
            ct[:] = 0.0
        ct += tool_const[:, None]
        out.tool_npv[:, done : done + size] = ct
        np.sum(ct, axis=0, out=out.npv[done : done + size])
        if done < fan_trials:
            upto = min(size, fan_trials - done)
            fan = out.fan[:, done : done + upto]
            if slots:
                fan[:] = lay.month_coef @ s[:, :upto] + cum_const[:, None]
            else:
                fan[:] = cum_const[:, None]
        done += size
        if progress is not None:
            progress(done, total)


def _gather(lay: Layout, index: NDArray[np.int64], where_buf: Index, s_buf: Floats) -> Floats:
    """The standard values of a chunk's draws, slot-major (slots x trials)."""
    size = index.shape[0]
    slots = lay.position.shape[0]
    where = where_buf[: slots * size].reshape(slots, size)
    drawn = index if lay.column is None else np.take(index, lay.column, axis=1)
    np.add(drawn.T, lay.position[:, None], out=where)
    s = s_buf[: slots * size].reshape(slots, size)
    np.take(lay.tables, where, out=s, mode="clip")
    return s
