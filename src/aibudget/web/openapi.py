"""The OpenAPI document states the limits the app enforces, not looser ones.

FastAPI writes the document from the request models; what those cannot say is added
here, in one place: a plan document's shape (the plan file's JSON Schema, from the
domain model), the trials allowed by this installation's settings, the size limit of
request bodies, and the file an import needs (optional to the route only so that its
absence gets the import's own message).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from pydantic import TypeAdapter

from aibudget.domain.plan import Plan
from aibudget.service.evaluation import MIN_TRIALS

PLAN_PREFIX = "Plan."  # the plan file's models among the API's own
PLAN_REF = "#/components/schemas/" + PLAN_PREFIX + "{model}"
DOCUMENT_BODIES = ("PlanIn", "VersionIn")
UPLOADS = ("/actuals/imports",)  # routes whose multipart body needs its ``file``


def plan_schema() -> tuple[dict[str, Any], dict[str, Any]]:
    """The plan document's JSON Schema and the models it refers to (by component name)."""
    schema = TypeAdapter(Plan).json_schema(ref_template=PLAN_REF)
    parts = {PLAN_PREFIX + name: part for name, part in schema.pop("$defs", {}).items()}
    return schema, parts


def state_limits(schema: dict[str, Any], max_trials: int, body_bytes: int) -> None:
    """Write the enforced limits into an OpenAPI document (in place)."""
    components = schema["components"]["schemas"]
    document, parts = plan_schema()
    components.update(parts)
    components[PLAN_PREFIX + "Plan"] = document
    limit = f"At most {body_bytes:,} bytes of JSON for the whole request."
    for name in DOCUMENT_BODIES:
        components[name]["properties"]["document"] = {
            "$ref": PLAN_REF.format(model="Plan"),
            "description": f"A plan document (the plan file as JSON). {limit}",
        }
    trials = components["EvaluateIn"]["properties"]["trials"]
    for choice in trials.get("anyOf", [trials]):
        if choice.get("type") == "integer":
            choice.update(minimum=MIN_TRIALS, maximum=max_trials)
    for path, operations in schema["paths"].items():
        if path.endswith(UPLOADS):
            _file_required(components, operations["post"])
    info = schema["info"]
    info["description"] = f"{info.get('description', '')} Request bodies: {limit}".strip()


def _file_required(components: dict[str, Any], operation: dict[str, Any]) -> None:
    form = operation["requestBody"]["content"]["multipart/form-data"]["schema"]
    body = components[form["$ref"].rsplit("/", 1)[-1]]
    body["required"] = sorted({*body.get("required", []), "file"})
    operation["requestBody"]["required"] = True


def with_stated_limits(app: FastAPI, max_trials: int, body_bytes: int) -> Callable[[], Any]:
    """``app.openapi`` that states the limits (built once, on first use)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            state_limits(build(), max_trials, body_bytes)
        return app.openapi_schema  # type: ignore[return-value]

    return openapi
