"""Plain enumerations of plan files that the command line offers as option choices
(``--convention``, ``--objective``): here, apart from the models, so that printing
``aibudget --help`` loads no model."""

from __future__ import annotations

from enum import StrEnum

from aibudget.domain.message_ids import N_


class Convention(StrEnum):
    """How cash flows are discounted.

    monthly: month m is discounted by (1 + r) ** (m / 12); month 0 is undiscounted.
    annual:  the total-economic-impact convention: month 0 is "initial" (undiscounted),
             months 1-12 form year 1 discounted by (1 + r), months 13-24 year 2 by
             (1 + r) ** 2, and so on.
    """

    MONTHLY = "monthly"
    ANNUAL = "annual"


# Message ids built at run time from the values above, declared for message extraction.
CONVENTION_MESSAGES = (
    N_("convention.annual"),
    N_("convention.monthly"),
    N_("field.choice.horizon.convention.annual"),
    N_("field.choice.horizon.convention.monthly"),
)


class Objective(StrEnum):
    """expected_npv: NPV at the inputs' means; risk_adjusted_npv: benefits haircut and
    costs padded by their risk shares; cvar: (1 - a) x mean + a x CVaR of NPV over
    simulated scenarios (a = risk_aversion in [0, 1], CVaR = mean of the worst
    ``cvar_tail`` share); mean_downside: mean - a x mean shortfall below zero."""

    EXPECTED_NPV = "expected_npv"
    RISK_ADJUSTED_NPV = "risk_adjusted_npv"
    CVAR = "cvar"
    MEAN_DOWNSIDE = "mean_downside"


# Message ids built at run time from the values above, declared for message extraction.
OBJECTIVE_MESSAGES = (
    N_("field.choice.optimise.objective.cvar"),
    N_("field.choice.optimise.objective.expected_npv"),
    N_("field.choice.optimise.objective.mean_downside"),
    N_("field.choice.optimise.objective.risk_adjusted_npv"),
    N_("optimize.objective.cvar"),
    N_("optimize.objective.expected_npv"),
    N_("optimize.objective.mean_downside"),
    N_("optimize.objective.risk_adjusted_npv"),
)
