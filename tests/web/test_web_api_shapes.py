"""Every answer of the API states its shape in the OpenAPI document (no bare "object"),
and the documents the command line prints are the ones the API answers."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from aibudget.cli import app as cli_app
from tests.conftest import ROOT
from tests.web.test_web_api import V1, _document, _token

# Free-form on purpose: a message's parameters (they differ per message), a stored plan
# document (its requests refer to the plan file's schema) and catalog entries (in the
# plan file's catalog: format, overrides of any field).
FREE_FORM = ("params", "VersionOut.document", "CatalogOut.entries[]")


def _loose(
    spec: dict[str, Any], schema: dict[str, Any], where: str, seen: frozenset[str]
) -> list[str]:
    """The places in a schema that say nothing of their shape."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            return []
        return _loose(spec, spec["components"]["schemas"][name], name, seen | {name})
    out = [
        place
        for key in ("anyOf", "oneOf", "allOf")
        for part in schema.get(key, [])
        for place in _loose(spec, part, where, seen)
    ]
    kind = schema.get("type")
    if kind is None and not any(k in schema for k in ("anyOf", "oneOf", "allOf", "enum", "const")):
        return [where]
    if kind == "array":
        out += _loose(spec, schema.get("items", {}), where + "[]", seen)
    if kind == "object":
        props, extra = schema.get("properties"), schema.get("additionalProperties")
        if props is None and extra in (None, True, {}):
            out.append(where)
        for key, value in (props or {}).items():
            if key not in FREE_FORM and f"{where}.{key}" not in FREE_FORM:
                out += _loose(spec, value, f"{where}.{key}", seen)
        if isinstance(extra, dict) and extra:
            out += _loose(spec, extra, where + "{}", seen)
    return [p for p in out if p not in FREE_FORM]


def test_every_json_answer_states_its_shape(client: TestClient) -> None:
    spec = client.get(f"{V1}/openapi.json").json()
    loose = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for code, answer in operation.get("responses", {}).items():
                schema = answer.get("content", {}).get("application/json", {}).get("schema")
                if code.startswith("2") and schema is not None:
                    found = _loose(spec, schema, "", frozenset())
                    loose += [
                        f"{method.upper()} {path} {code}: {p or '(the answer)'}" for p in found
                    ]
    assert loose == []


def test_the_checker_sees_a_bare_object() -> None:
    spec: dict[str, Any] = {"components": {"schemas": {"A": {"type": "object", "properties": {
        "ok": {"type": "integer"}, "loose": {"type": "object"}, "params": {"type": "object"},
        "any": {"title": "Any"}}}}}}  # fmt: skip
    assert sorted(_loose(spec, {"$ref": "#/components/schemas/A"}, "", frozenset())) == [
        "A.any",
        "A.loose",
    ]


def _plain(value: Any) -> Any:
    """A document with every number as an exact Decimal (the API sends Decimals as text,
    the CLI as JSON numbers)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    try:
        return Decimal(str(value)).normalize()
    except InvalidOperation:
        return value


def test_the_api_answers_the_allocation_the_cli_prints(client: TestClient) -> None:
    auth = _token(client, "alice@example.com") | {"Accept-Language": "zh-TW"}
    ws = client.post(f"{V1}/workspaces", json={"name": "Shop"}, headers=auth).json()["id"]
    made = client.post(
        f"{V1}/workspaces/{ws}/plans", json={"name": "p", "document": _document()}, headers=auth
    ).json()
    answer = client.post(
        f"{V1}/workspaces/{ws}/plans/{made['plan_id']}/versions/1/optimise", headers=auth
    )
    assert answer.status_code == 200
    printed = CliRunner().invoke(
        cli_app, ["optimize", str(ROOT / "examples" / "taipei-cafe.yaml"), "--json"]
    )
    assert printed.exit_code == 0, printed.output
    assert _plain(answer.json()) == _plain(json.loads(printed.output))


def test_a_tornado_row_names_its_driver_as_data_beside_its_label() -> None:
    printed = CliRunner().invoke(
        cli_app,
        ["evaluate", str(ROOT / "examples" / "taipei-cafe.yaml"), "--json", "--trials", "200"],
    )
    rows = json.loads(printed.output)["simulation"]["tornado"]
    assert rows
    for row in rows:
        driver = row["driver"]
        assert driver["kind"] in (
            "hours_saved",
            "revenue_lift",
            "cost_avoided",
            "kpi_effect",
            "schedule",
        )
        assert row["label"] == driver["label"] or driver["label"] is None
