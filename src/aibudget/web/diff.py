"""What changed between two plan documents, in words.

Lists of items with an ``id`` (goals, team, tools, tool plans, benefit drivers with ids)
are compared by id, so a reordered list is not a change; other values are compared
field by field. Output is a list of changes; templates turn each into a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MAX_CHANGES = 300


@dataclass(frozen=True)
class Change:
    kind: str  # added, removed, changed
    path: str  # e.g. tools[chatgpt].plans[plus].price
    before: Any = None
    after: Any = None


def _by_id(items: list[Any]) -> dict[str, Any] | None:
    if items and all(isinstance(i, dict) and isinstance(i.get("id"), str) for i in items):
        ids = [i["id"] for i in items]
        if len(set(ids)) == len(ids):
            return {i["id"]: i for i in items}
    return None


def _label(item: Any) -> str:
    if isinstance(item, dict):
        return str(item.get("name") or item.get("id") or "")
    return _short(item)


def _short(value: Any) -> str:
    text = "—" if value is None else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _walk(path: str, old: Any, new: Any, out: list[Change]) -> None:
    if old == new or len(out) >= MAX_CHANGES:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old.keys(), *[k for k in new if k not in old]]:
            child = f"{path}.{key}" if path else str(key)
            if key not in new:
                out.append(Change("removed", child, _short(old[key])))
            elif key not in old:
                out.append(Change("added", child, after=_short(new[key])))
            else:
                _walk(child, old[key], new[key], out)
        return
    if isinstance(old, list) and isinstance(new, list):
        a, b = _by_id(old), _by_id(new)
        if a is not None and b is not None:
            for key, item in a.items():
                if key not in b:
                    out.append(Change("removed", f"{path}[{key}]", _label(item)))
                else:
                    _walk(f"{path}[{key}]", item, b[key], out)
            for key, item in b.items():
                if key not in a:
                    out.append(Change("added", f"{path}[{key}]", after=_label(item)))
            return
        if len(old) == len(new):
            for i, (x, y) in enumerate(zip(old, new, strict=True)):
                _walk(f"{path}[{i}]", x, y, out)
            return
    out.append(Change("changed", path, _short(old), _short(new)))


def diff_documents(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Changes that turn ``old`` into ``new`` (at most MAX_CHANGES)."""
    out: list[Change] = []
    _walk("", old, new, out)
    return out
