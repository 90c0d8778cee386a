"""A health-check remedy applied to a plan document: a changed copy, nothing else.

The document is the plain data a plan version stores (the shape of a plan file); the
caller validates the copy as a whole plan before it is saved.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from aibudget.domain.guidance import Remedy


class RemedyError(LookupError):
    """The remedy's place is not in the document (it changed since the check ran)."""


def apply_remedy(document: Mapping[str, Any], fix: Remedy) -> dict[str, Any]:
    """A copy of ``document`` with every value of ``fix`` set (missing mappings on the
    way are created; a list index must exist)."""
    changed: dict[str, Any] = copy.deepcopy(dict(document))
    for item in fix.sets:
        node: Any = changed
        for key, following in zip(item.path[:-1], item.path[1:], strict=True):
            node = _step(node, key, following)
        last = item.path[-1]
        in_list = isinstance(node, list) and isinstance(last, int) and 0 <= last < len(node)
        if not (in_list or (isinstance(node, dict) and isinstance(last, str))):
            raise RemedyError(last)
        node[last] = item.value
    return changed


def _step(node: Any, key: str | int, following: str | int) -> Any:
    if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
        return node[key]
    if isinstance(node, dict) and isinstance(key, str):
        found = node.get(key)
        if found is None:
            found = node[key] = [] if isinstance(following, int) else {}
        return found
    raise RemedyError(key)
