"""Ad channels whose return is uncertain (a curve's height given as low / likely / high).

The references here are computed without the optimiser's code: each curve by its own
formula at the height's PERT mean, each scenario's height multiple as drawn for the
problem (the sampled scenarios are the problem's data), CVaR as the mean of the worst
scenarios after sorting, and the optimum by scipy's SLSQP on the Rockafellar-Uryasev
form of the same objective (concave curves: a local optimum is the global one) or by
a fine grid (an S-curve).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from scipy import stats
from scipy.optimize import minimize

from aibudget.catalog import kpi_ids
from aibudget.domain.allocation import OptimiseStatus
from aibudget.domain.validate import parse_plan
from aibudget.engine.optimize_check import objective, violations
from aibudget.engine.optimize_problem import Problem, build_problem
from aibudget.engine.optimize_refine import solve_refined
from tests.engine.optimize_instances import random_channels, random_plan_data

MONTHS = 12
RATE = 0.05
SLSQP_SCENARIOS = 40  # SLSQP's work grows with the cube of its variables (one per scenario)


def ads_plan(
    channels: list[dict[str, Any]],
    objective: str = "cvar",
    budget: float = 600_000,
    fixed_monthly_cost: float = 0.0,
    risk_aversion: float = 0.8,
    distribution: str = "pert",
    scenarios: int = 200,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "company": {
            "name": "Ads Co",
            "employees": 3,
            "annual_revenue": 1_000_000,
            "annual_marketing_budget": 1_000_000,
        },
        "horizon": {"months": MONTHS, "start": "2027-01", "discount_rate": RATE, "seed": 7},
        "simulation": {"distribution": distribution},
        "budget": {"annual_amount": budget, "min_reserve_share": 0, "min_training_share": 0},
        "optimise": {
            "objective": objective,
            "risk_aversion": risk_aversion,
            "cvar_tail": 0.1,
            "scenarios": scenarios,
            "channels": channels,
        },
    }
    if fixed_monthly_cost:
        data["lines"] = [
            {"label": "agency", "kind": "cost", "line": "advice", "period": "month",
             "amounts": [fixed_monthly_cost] * MONTHS},
        ]  # fmt: skip
    return data


def channel(
    cid: str, height: Any, kind: str = "michaelis_menten", scale: float = 30_000, **more: Any
) -> dict[str, Any]:
    curve: dict[str, Any] = {"kind": kind, "max_return": height}
    curve["spend_scale" if kind == "exponential" else "half_saturation"] = scale
    curve.update(more)
    return {"id": cid, "curve": curve, "max_monthly": 60_000, "segments": 12}


def solved(data: dict[str, Any]) -> tuple[Problem, Any]:
    problem = build_problem(parse_plan(data, kpi_ids()))
    sol = solve_refined(problem)
    assert sol.choice is not None and violations(problem, sol.choice) == []
    return problem, sol


# ------------------------------------------------------- independent valuation


def pert_mean(height: Any) -> float:
    low, likely, high = (height, height, height) if np.isscalar(height) else height
    return (low + 4 * likely + high) / 6


def curve_value(spec: dict[str, Any], height: float, x: np.ndarray) -> np.ndarray:
    """The curve's monthly return by its textbook formula, at ``height``."""
    x = np.maximum(np.asarray(x, dtype=float), 0.0)
    if spec["kind"] == "exponential":
        return height * (1 - np.exp(-x / spec["spend_scale"]))
    slope = spec.get("slope", 1.0)
    ratio = (x / spec["half_saturation"]) ** slope
    return height * ratio / (1 + ratio)


def curve_slope(spec: dict[str, Any], height: float, x: np.ndarray) -> np.ndarray:
    x = np.maximum(np.asarray(x, dtype=float), 1e-12)
    if spec["kind"] == "exponential":
        return height / spec["spend_scale"] * np.exp(-x / spec["spend_scale"])
    slope, half = spec.get("slope", 1.0), spec["half_saturation"]
    ratio = (x / half) ** slope
    return height * slope * ratio / (x * (1 + ratio) ** 2)


def annuity() -> float:
    return float(sum((1 + RATE) ** (-m / 12) for m in range(1, MONTHS + 1)))


class Reference:
    """The objective of a plan of channels only, computed from its definition."""

    def __init__(self, data: dict[str, Any], problem: Problem) -> None:
        opt = data["optimise"]
        self.specs = [c["curve"] for c in opt["channels"]]
        self.heights = [pert_mean(s["max_return"]) for s in self.specs]
        self.g = np.array([c.factors for c in problem.channels])  # (C, S): the draws
        self.fixed = problem.fixed_scenarios  # (S,) the agency line's NPV
        self.a = float(opt["risk_aversion"])
        self.kind = opt["objective"]
        self.tail = float(opt["cvar_tail"])
        self.cap = data["budget"]["annual_amount"] - sum(
            sum(line["amounts"]) for line in data.get("lines", [])
        )
        self.high = np.array([c["max_monthly"] for c in opt["channels"]], dtype=float)
        self.annuity = annuity()

    def npvs(self, x: np.ndarray) -> np.ndarray:
        out = self.fixed.copy()
        for c, spec in enumerate(self.specs):
            ret = float(curve_value(spec, self.heights[c], x[c : c + 1])[0])
            out = out + self.annuity * (self.g[c] * ret - x[c])
        return out

    def value(self, x: np.ndarray) -> float:
        n = self.npvs(x)
        if self.kind == "cvar":
            worst = np.sort(n)[: round(self.tail * n.size)]
            return (1 - self.a) * n.mean() + self.a * worst.mean()
        return n.mean() - self.a * np.maximum(0.0, -n).mean()

    def slsqp(self, rng: np.random.Generator, starts: int = 3) -> float:
        """Best value of SLSQP on the Rockafellar-Uryasev form: variables x (C), eta, u (S)."""
        k, s = len(self.specs), self.g.shape[1]
        A, a = self.annuity, self.a
        scale = float(self.high.max())

        def parts(z: np.ndarray) -> tuple[np.ndarray, float, np.ndarray]:
            return z[:k] * scale, z[k], z[k + 1 :]

        def npv_jac(x: np.ndarray) -> np.ndarray:  # d npv_s / d z_c
            slopes = [float(curve_slope(sp, self.heights[c], x[c : c + 1])[0])
                      for c, sp in enumerate(self.specs)]  # fmt: skip
            return A * (self.g.T * np.array(slopes) - 1.0) * scale

        cvar = self.kind == "cvar"
        w_u = a / (self.tail * s) if cvar else a / s

        def neg(z: np.ndarray) -> float:
            x, eta, u = parts(z)
            mean = self.npvs(x).mean()
            if cvar:
                return -((1 - a) * mean + a * eta - w_u * u.sum()) / 1e6
            return -(mean - w_u * u.sum()) / 1e6

        def neg_jac(z: np.ndarray) -> np.ndarray:
            x = parts(z)[0]
            g = np.zeros_like(z)
            g[:k] = npv_jac(x).mean(axis=0) * ((1 - a) if cvar else 1.0)
            g[k] = a if cvar else 0.0
            g[k + 1 :] = -w_u
            return -g / 1e6

        def rows(z: np.ndarray) -> np.ndarray:  # u_s - (eta - npv_s) >= 0 (or u_s + npv_s)
            x, eta, u = parts(z)
            return (u - (eta if cvar else 0.0) + self.npvs(x)) / 1e6

        def rows_jac(z: np.ndarray) -> np.ndarray:
            x, _, _ = parts(z)
            j = np.zeros((s, z.size))
            j[:, :k] = npv_jac(x)
            j[:, k] = -1.0 if cvar else 0.0
            j[:, k + 1 :] = np.eye(s)
            return j / 1e6

        spend_row = np.r_[-MONTHS * scale * np.ones(k), np.zeros(1 + s)] / 1e6
        budget = {"type": "ineq", "fun": lambda z: self.cap / 1e6 + spend_row @ z,
                  "jac": lambda z: spend_row}  # fmt: skip
        best = -np.inf
        for _ in range(starts):
            x0 = rng.uniform(0, 1, k) * self.high / scale
            x0 *= min(1.0, self.cap / (MONTHS * scale * x0.sum()))
            n0 = self.npvs(x0 * scale)
            eta0 = float(np.quantile(n0, self.tail)) if cvar else 0.0
            u0 = np.maximum(0.0, eta0 - n0)
            result = minimize(
                neg, np.r_[x0, eta0, u0], jac=neg_jac, method="SLSQP",
                bounds=[(0, h / scale) for h in self.high] + [(None, None)] + [(0, None)] * s,
                constraints=[{"type": "ineq", "fun": rows, "jac": rows_jac}, budget],
                options={"maxiter": 1000, "ftol": 1e-14},
            )  # fmt: skip
            x = np.clip(result.x[:k], 0, self.high / scale) * scale
            if MONTHS * x.sum() <= self.cap * (1 + 1e-9):
                best = max(best, self.value(x))
        return best


# ------------------------------------------------------------------ the tests


@pytest.mark.parametrize(
    ("wide", "mean"),
    [([70_000, 100_000, 130_000], 100_000), ([90_000, 100_000, 160_000], 650_000 / 6)],
)
def test_expected_value_spends_as_on_the_curve_at_the_mean_height(
    wide: list[int], mean: float
) -> None:
    """A symmetric range gives today's answer on the likely curve; any range, the answer
    on the curve at its PERT mean."""
    with_range = ads_plan([channel("a", wide), channel("b", 80_000)], "expected_npv", 300_000)
    at_mean = ads_plan([channel("a", mean), channel("b", 80_000)], "expected_npv", 300_000)
    one, sol_one = solved(with_range)
    two, sol_two = solved(at_mean)
    assert sol_one.status is sol_two.status is OptimiseStatus.OPTIMAL
    assert np.allclose(sol_one.choice.spend, sol_two.choice.spend, rtol=1e-9)
    assert objective(one, sol_one.choice) == pytest.approx(objective(two, sol_two.choice), 1e-9)


@pytest.mark.parametrize("kind", ["cvar", "mean_downside"])
def test_a_wide_range_gets_less_money_than_a_narrow_one_when_risk_counts(kind: str) -> None:
    narrow, wide = [90_000, 100_000, 110_000], [20_000, 100_000, 180_000]
    fixed = 25_000 if kind == "mean_downside" else 0  # some scenarios lose money
    data = ads_plan([channel("narrow", narrow), channel("wide", wide)], kind,
                    400_000 + MONTHS * fixed, fixed_monthly_cost=fixed)  # fmt: skip
    _, sol = solved(data)
    assert sol.status is OptimiseStatus.OPTIMAL
    spend_narrow, spend_wide = sol.choice.spend
    assert spend_wide < 0.97 * spend_narrow
    # On the expected value alone (same means) they get the same.
    data["optimise"]["objective"] = "expected_npv"
    _, even = solved(data)
    assert even.choice.spend[0] == pytest.approx(even.choice.spend[1], rel=1e-6)


@pytest.mark.parametrize("kind", ["cvar", "mean_downside"])
@pytest.mark.parametrize("seed", range(3))
def test_risk_aware_optimum_matches_slsqp_over_the_same_scenarios(kind: str, seed: int) -> None:
    rng = np.random.default_rng(seed)
    specs = []
    for i, k in enumerate(["michaelis_menten", "exponential", "hill"]):
        likely = float(rng.uniform(40_000, 120_000))
        low, high = likely * float(rng.uniform(0.2, 0.9)), likely * float(rng.uniform(1.1, 2.0))
        extra = {"slope": round(float(rng.uniform(0.5, 1.0)), 2)} if k == "hill" else {}
        specs.append(channel(f"c{i}", [round(low), round(likely), round(high)], k,
                             round(float(rng.uniform(10_000, 40_000))), **extra))  # fmt: skip
    fixed = 20_000 if kind == "mean_downside" else 0.0
    data = ads_plan(specs, kind, round(float(rng.uniform(200_000, 700_000)) + MONTHS * fixed),
                    fixed_monthly_cost=fixed, scenarios=SLSQP_SCENARIOS,
                    risk_aversion=round(float(rng.uniform(0.3, 0.9)), 2))  # fmt: skip
    problem, sol = solved(data)
    ref = Reference(data, problem)
    ours = ref.value(sol.choice.spend)
    assert ours == pytest.approx(objective(problem, sol.choice), rel=1e-9, abs=1e-6)
    best = ref.slsqp(rng)
    assert sol.status is OptimiseStatus.OPTIMAL
    assert ours >= best - 1e-4 * abs(best)  # "optimal": within 0.01% of every plan
    assert best <= sol.bound + 1e-7 * abs(sol.bound)  # the proven bound holds


def test_an_uncertain_s_curve_beats_every_point_of_a_fine_grid() -> None:
    specs = [
        channel("s", [20_000, 90_000, 150_000], "hill", 25_000, slope=2.5),
        channel("m", [50_000, 70_000, 80_000], "michaelis_menten", 20_000),
    ]
    data = ads_plan(specs, "cvar", 500_000, risk_aversion=0.6)
    problem, sol = solved(data)
    ref = Reference(data, problem)
    ours = ref.value(sol.choice.spend)
    grid = np.linspace(0.0, 60_000.0, 241)
    best = -np.inf
    for x0 in grid:
        x1 = grid[MONTHS * (x0 + grid) <= ref.cap]
        if x1.size:
            best = max(best, max(ref.value(np.array([x0, v])) for v in x1))
    assert sol.status is OptimiseStatus.OPTIMAL
    assert ours >= best - 1e-9 * abs(best)
    assert best <= sol.bound + 1e-7 * abs(sol.bound)


@pytest.mark.parametrize("distribution", ["pert", "triangular"])
def test_heights_are_drawn_like_every_uncertain_input(distribution: str) -> None:
    """One draw in each of S equal-probability strata of the plan's distribution."""
    low, likely, high = 20_000.0, 50_000.0, 140_000.0
    data = ads_plan([channel("a", [low, likely, high])], distribution=distribution)
    problem = build_problem(parse_plan(data, kpi_ids()))
    c = problem.channels[0]
    mode = (likely - low) / (high - low)
    if distribution == "pert":
        law = stats.beta(1 + 4 * mode, 1 + 4 * (1 - mode), loc=low, scale=high - low)
        mean = (low + 4 * likely + high) / 6
    else:
        law = stats.triang(mode, loc=low, scale=high - low)
        mean = (low + likely + high) / 3
    heights = np.sort(c.factors * mean)
    s = heights.size
    edges = law.ppf(np.clip(np.arange(s + 1) / s + np.array([-2, 2])[:, None] / 4096, 0, 1))
    assert np.all(heights >= edges[0, :-1] - 1e-6) and np.all(heights <= edges[1, 1:] + 1e-6)
    assert float(c.curve.value(np.array([1e12]))[0]) == pytest.approx(mean, rel=1e-6)


def test_the_tools_scenarios_do_not_move_when_a_channel_becomes_uncertain() -> None:
    data = random_plan_data(np.random.default_rng(3), 6, 2)
    data["optimise"]["objective"] = "cvar"
    data["optimise"]["channels"] = random_channels(np.random.default_rng(4), 2)
    before = build_problem(parse_plan(data, kpi_ids()))
    height = data["optimise"]["channels"][0]["curve"]["max_return"]
    data["optimise"]["channels"][0]["curve"]["max_return"] = [height // 2, height, height * 2]
    after = build_problem(parse_plan(data, kpi_ids()))
    assert np.array_equal(before.scenarios, after.scenarios)
    assert np.array_equal(before.fixed_scenarios, after.fixed_scenarios)
    assert np.all(before.channels[0].factors == 1.0) and after.channels[0].uncertain
    assert not after.channels[1].uncertain


@pytest.mark.parametrize("seed", range(4))
def test_the_bound_holds_with_tools_and_uncertain_s_curves(seed: int) -> None:
    """Random plans of tools and uncertain channels (S-shaped too): "optimal" answers,
    and no plan found by random search beats the proven bound."""
    rng = np.random.default_rng(50 + seed)
    data = random_plan_data(rng, 5, 2)
    data["goals"] = []  # no must-fund goal or tool: a feasible plan exists
    data["optimise"].pop("force_in", None)
    data["optimise"]["objective"] = ["cvar", "mean_downside"][seed % 2]
    data["optimise"]["channels"] = random_channels(rng, 2)
    for c in data["optimise"]["channels"]:
        h = c["curve"]["max_return"]
        c["curve"]["max_return"] = [round(h * 0.3), h, round(h * 1.6)]
    problem, sol = solved(data)
    value = objective(problem, sol.choice)
    assert sol.bound is not None and value <= sol.bound + 1e-9 * abs(sol.bound)
    lows = np.array([c.low for c in problem.channels])
    highs = np.array([c.high for c in problem.channels])
    for _ in range(300):
        spend = rng.uniform(lows, highs)
        trial = type(sol.choice)(sol.choice.options, spend)
        if not violations(problem, trial):
            assert objective(problem, trial) <= sol.bound + 1e-9 * abs(sol.bound)
            if sol.status is OptimiseStatus.OPTIMAL:
                assert objective(problem, trial) <= value + 1e-4 * abs(sol.bound)
