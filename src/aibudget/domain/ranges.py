"""Uncertain inputs: a low / likely / high range, shared by the plan's benefit drivers
and the ad channels' response curves (one rule for both).

A plain number in a plan file means a zero-width range (low = likely = high), so a
value stated once keeps its old meaning. This module imports nothing else of the
plan, so that :mod:`aibudget.domain.allocation` and :mod:`aibudget.domain.plan` can
both use it.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from aibudget.domain.money import MAX_AMOUNT
from aibudget.domain.texts import N_

Bounded = Annotated[Decimal, Field(ge=-MAX_AMOUNT, le=MAX_AMOUNT)]


class Distribution(StrEnum):
    """Distribution drawn for every low/likely/high input in the simulation.

    pert: Beta-PERT with shape 4 (mean = (low + 4 likely + high) / 6).
    triangular: triangle on low, likely (mode), high (mean = (low + likely + high) / 3).
    """

    PERT = "pert"
    TRIANGULAR = "triangular"


# Message ids built at run time from the values above, declared for message extraction.
DISTRIBUTION_MESSAGES = (
    N_("field.choice.simulation.distribution.pert"),
    N_("field.choice.simulation.distribution.triangular"),
)


class Range(BaseModel):
    """An uncertain input: low <= likely <= high. A plain number means all three equal."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)

    low: Bounded
    likely: Bounded
    high: Bounded

    @model_validator(mode="before")
    @classmethod
    def _from_shorthand(cls, value: Any) -> Any:
        if isinstance(value, int | float | Decimal | str) and not isinstance(value, bool):
            return {"low": value, "likely": value, "high": value}
        if isinstance(value, list | tuple) and len(value) == 3:
            return {"low": value[0], "likely": value[1], "high": value[2]}
        return value

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if not self.low <= self.likely <= self.high:
            raise PydanticCustomError(
                "range_order",
                "low <= likely <= high",
                {"low": str(self.low), "likely": str(self.likely), "high": str(self.high)},
            )
        return self

    @property
    def width(self) -> Decimal:
        return self.high - self.low

    @property
    def uncertain(self) -> bool:
        return self.high > self.low

    def mean(self, distribution: Distribution) -> Decimal:
        """The expected value under the plan's distribution (exact Decimal)."""
        if distribution is Distribution.PERT:
            return (self.low + 4 * self.likely + self.high) / 6
        return (self.low + self.likely + self.high) / 3

    def require_non_negative(self) -> Range:
        if self.low < 0:
            raise PydanticCustomError("range_negative", "must not be negative", {})
        return self


def _non_negative(value: Range) -> Range:
    return value.require_non_negative()


NonNegativeRange = Annotated[Range, AfterValidator(_non_negative)]
