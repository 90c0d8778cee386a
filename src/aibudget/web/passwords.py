"""The password policy: long enough, not the e-mail, not a common password.

The common passwords ship with the package (``common-passwords.txt``); nothing is
fetched when the app runs.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from aibudget.domain.texts import N_

MIN_LENGTH = 10
MIN_DISTINCT = 4  # "aaaaaaaaaa", "1212121212", "abcabcabca" are refused
_EDGES = "0123456789!@#$%^&*()-_=+.,;:?~`'\"[]{}<>/\\| "


@cache
def common_passwords() -> frozenset[str]:
    text = (files("aibudget.web") / "common-passwords.txt").read_text(encoding="utf-8")
    words = (line.strip().lower() for line in text.splitlines())
    return frozenset(word for word in words if word and not word.startswith("#"))


def password_problem(password: str, email: str) -> tuple[str, dict[str, int]] | None:
    """The message id (and its parameters) of what is wrong with a new password, or
    None when it may be used."""
    if len(password) < MIN_LENGTH:
        return N_("web.password_short"), {"count": MIN_LENGTH}
    low = password.strip().lower()
    address = email.strip().lower()
    if address and (low == address or low == address.partition("@")[0]):
        return N_("web.password_email"), {}
    common = common_passwords()
    if low in common or low.strip(_EDGES) in common:
        return N_("web.password_common"), {}
    if len(set(low)) < MIN_DISTINCT:
        return N_("web.password_simple"), {}
    return None
