"""The ``N_`` marker for message ids built at run time (no import: the command line's
start-up uses it)."""

from __future__ import annotations


def N_(message_id: str) -> str:
    """Declare a message id that is translated later, elsewhere (returned unchanged).

    Message extraction (``make i18n``, tests/i18n) finds the ids written as ``t("...")``
    and ``N_("...")``; an id built at run time (``f"category.{c.value}"``) is declared
    with ``N_`` beside the values it is built from, so every id in use is visible.
    """
    return message_id
