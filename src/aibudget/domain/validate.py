"""Plan validation that collects every problem at once, each with its path.

Two passes over the same raw data, always both:
1. pydantic: types, ranges, shares, currencies, low <= likely <= high;
2. cross-references on the raw mapping (tolerant of the errors of pass 1): unique ids,
   owners and members that exist, known KPI ids, deadlines inside the horizon, fx rates
   for foreign-currency prices, chosen plans that exist, one budget amount.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError

from aibudget.domain.errors import Path, PlanError, Problem
from aibudget.domain.months import months_between, parse_month
from aibudget.domain.plan import Plan
from aibudget.domain.texts import N_


def parse_plan(data: Any, kpi_ids: Collection[str]) -> Plan:
    """Validate raw plan data; raise :class:`PlanError` listing every problem."""
    problems: list[Problem] = []
    plan: Plan | None = None
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        problems.extend(_from_pydantic(exc, data))
    if isinstance(data, Mapping):
        problems.extend(cross_reference_problems(data, kpi_ids))
    else:
        problems.append(Problem((), N_("plan.not_mapping")))
    if problems or plan is None:
        raise PlanError(_dedupe(problems))
    return plan


def _from_pydantic(exc: ValidationError, data: Any) -> Iterator[Problem]:
    for err in exc.errors(include_url=False):
        loc = _data_path(data, err["loc"])
        params = {k: _plain(v) for k, v in (err.get("ctx") or {}).items()}
        if err["type"] in {"union_tag_invalid", "literal_error", "enum"}:
            params.setdefault("expected", params.get("expected_tags", params.get("expected")))
        params["input"] = _plain(err.get("input"))
        yield Problem(loc, "value." + err["type"], params)


def _data_path(data: Any, loc: tuple[int | str, ...]) -> Path:
    """pydantic's location without the tags it inserts for discriminated unions
    (``tools[0].benefits[1].hours_saved.label`` -> ``tools[0].benefits[1].label``)."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, Mapping) and part not in node and node.get("kind") == part:
            continue  # a union tag, not a key of the document
        path.append(part)
        if isinstance(node, Mapping):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            node = None
    return tuple(path)


def _plain(value: Any) -> Any:
    """A value for a message: as given, or its text cut to 80 characters."""
    if (isinstance(value, int | float | bool) and abs(value) < 10**15) or value is None:
        return value
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[Path, str]] = set()
    out = []
    for p in problems:
        key = (p.path, p.message_id)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _items(data: Mapping[str, Any], key: str) -> list[tuple[int, Mapping[str, Any]]]:
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, Mapping)]


def _mapping(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    return value if isinstance(value, Mapping) else {}


def is_priced(tier: Mapping[str, Any]) -> bool:
    """A tier (a stored ``plans`` item) with a price that is not zero, so one in another
    currency needs an exchange rate; a missing or unreadable price counts as priced (its
    own check names it)."""
    try:
        return Decimal(str(tier.get("price"))) != 0
    except (InvalidOperation, ValueError):
        return True


def _string_ids(data: Mapping[str, Any], key: str) -> set[Any]:
    """The ids of a list's items that are text (any other id is the model's problem)."""
    return {ident for _, item in _items(data, key) if isinstance(ident := item.get("id"), str)}


def _month_or_none(value: Any) -> str | None:
    try:
        return parse_month(value) if value is not None else None
    except ValueError:
        return None


def cross_reference_problems(data: Mapping[str, Any], kpi_ids: Collection[str]) -> list[Problem]:
    """Problems that need more than one field to see. Never raises on malformed data."""
    problems: list[Problem] = []

    def add(path: Path, message_id: str, **params: Any) -> None:
        problems.append(Problem(path, message_id, params))

    budget = _mapping(data, "budget")
    if (budget.get("annual_amount") is None) == (budget.get("share_of_marketing") is None):
        add(("budget",), N_("ref.budget_amount_xor_share"))

    for key in ("goals", "team", "tools"):
        seen: dict[str, int] = {}
        for i, item in _items(data, key):
            ident = item.get("id")
            if isinstance(ident, str):
                if ident in seen:
                    add((key, i, "id"), N_("ref.duplicate_id"), id=ident, first=seen[ident])
                seen.setdefault(ident, i)

    members = _string_ids(data, "team")
    company = _mapping(data, "company")
    currency = str(company.get("currency", "TWD")).upper()
    fx = _mapping(data, "fx")
    horizon = _mapping(data, "horizon")
    start = _month_or_none(horizon.get("start"))
    months = horizon.get("months", 24)

    def check_kpi(path: Path, kpi: Any) -> None:
        if isinstance(kpi, str) and kpi not in kpi_ids:
            add(path, N_("ref.kpi_unknown"), kpi=kpi)

    for i, goal in _items(data, "goals"):
        check_kpi(("goals", i, "kpi"), goal.get("kpi"))
        deadline = _month_or_none(goal.get("deadline"))
        if deadline and start:
            if months_between(start, deadline) <= 0:
                add(
                    ("goals", i, "deadline"),
                    N_("ref.deadline_before_start"),
                    deadline=deadline,
                    start=start,
                )
            elif isinstance(months, int) and months_between(start, deadline) >= months:
                add(
                    ("goals", i, "deadline"),
                    N_("ref.deadline_after_horizon"),
                    deadline=deadline,
                    months=months,
                )

    for i, tool in _items(data, "tools"):
        owner = tool.get("owner")
        if isinstance(owner, str) and owner not in members:
            add(("tools", i, "owner"), N_("ref.owner_unknown"), member=owner)
        for j, kpi in enumerate(tool.get("kpis") or []):
            check_kpi(("tools", i, "kpis", j), kpi)
        plan_ids = [p.get("id") for _, p in _items(tool, "plans")]
        chosen = tool.get("plan")
        if isinstance(chosen, str) and chosen not in plan_ids:
            add(
                ("tools", i, "plan"),
                N_("ref.plan_unknown"),
                plan=chosen,
                plans=", ".join(map(str, plan_ids)),
            )
        for j, tplan in _items(tool, "plans"):
            cur = tplan.get("currency")
            if (
                isinstance(cur, str)
                and cur.upper() not in (currency, *fx)
                and is_priced(tplan)  # a free tier needs no rate
            ):
                add(
                    ("tools", i, "plans", j, "currency"), N_("ref.fx_missing"), currency=cur.upper()
                )
        training = _mapping(tool, "training")
        for j, trainee in enumerate(training.get("trainees") or []):
            if isinstance(trainee, str) and trainee not in members:
                add(
                    ("tools", i, "training", "trainees", j),
                    N_("ref.member_unknown"),
                    member=trainee,
                )
        for j, driver in _items(tool, "benefits"):
            member = driver.get("member")
            if isinstance(member, str) and member not in members:
                add(("tools", i, "benefits", j, "member"), N_("ref.member_unknown"), member=member)
            if driver.get("kind") == "kpi_effect":
                check_kpi(("tools", i, "benefits", j, "kpi"), driver.get("kpi"))
        start_month = tool.get("start_month", 1)
        if isinstance(start_month, int) and isinstance(months, int) and start_month > months:
            add(
                ("tools", i, "start_month"),
                N_("ref.start_after_horizon"),
                month=start_month,
                months=months,
            )
    problems.extend(_optimise_references(data, _string_ids(data, "tools")))
    return problems


def _optimise_references(data: Mapping[str, Any], tool_ids: set[Any]) -> list[Problem]:
    """Tools and ad channels named under ``optimise:`` must exist."""
    policy = _mapping(data, "optimise")
    channel_ids = _string_ids(policy, "channels")
    problems: list[Problem] = []

    def check(path: Path, value: Any, known: set[Any], message_id: str) -> None:
        for j, ident in enumerate(value if isinstance(value, list) else []):
            if isinstance(ident, str) and ident not in known:
                problems.append(Problem((*path, j), message_id, {"id": ident}))

    for key in ("force_in", "force_out"):
        check(("optimise", key), policy.get(key), tool_ids, N_("ref.tool_unknown"))
    for g, group in enumerate(policy.get("exclusive") or []):
        check(("optimise", "exclusive", g), group, tool_ids, N_("ref.tool_unknown"))
    for c, constraint in _items(policy, "constraints"):
        check(
            ("optimise", "constraints", c, "tools"),
            constraint.get("tools"),
            tool_ids,
            N_("ref.tool_unknown"),
        )
        check(
            ("optimise", "constraints", c, "channels"),
            constraint.get("channels"),
            channel_ids,
            N_("ref.channel_unknown"),
        )
    return problems


# Message ids built at run time in this module, declared for message extraction.
VALUE_MESSAGES = (
    N_("value.bool_parsing"),
    N_("value.bool_type"),
    N_("value.category_unknown"),
    N_("value.channel_bounds"),
    N_("value.constraint_bound"),
    N_("value.currency_unknown"),
    N_("value.decimal_parsing"),
    N_("value.decimal_type"),
    N_("value.dict_type"),
    N_("value.enum"),
    N_("value.extra_forbidden"),
    N_("value.finite_number"),
    N_("value.float_parsing"),
    N_("value.greater_than"),
    N_("value.greater_than_equal"),
    N_("value.int_from_float"),
    N_("value.int_parsing"),
    N_("value.int_type"),
    N_("value.less_than"),
    N_("value.less_than_equal"),
    N_("value.list_type"),
    N_("value.literal_error"),
    N_("value.model_attributes_type"),
    N_("value.model_type"),
    N_("value.month_format"),
    N_("value.range_negative"),
    N_("value.range_order"),
    N_("value.range_share"),
    N_("value.risk_aversion_cvar"),
    N_("value.string_pattern_mismatch"),
    N_("value.string_too_long"),
    N_("value.string_too_short"),
    N_("value.string_type"),
    N_("value.union_tag_invalid"),
    N_("value.union_tag_not_found"),
)
