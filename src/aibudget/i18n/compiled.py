"""Compiled catalogues: ``<locale>/LC_MESSAGES/aibudget.mo`` beside each .po source.

The .po files are the source; the .mo files are what the program reads (``gettext``
reads one in a few milliseconds, a .po takes Babel's parser much longer). The install
compiles them (``setup.py``: wheels and editable installs alike). Each .mo carries the
SHA-256 of the .po it was compiled from (in its ``Project-Id-Version`` header), so a .mo
that is missing or older than its .po (a message added since the install) is compiled
again when first read, and written beside the .po when the folder is writable.

This module imports only the standard library and Babel: the build loads it by path.
"""

from __future__ import annotations

import gettext
import hashlib
import os
import tempfile
from io import BytesIO
from pathlib import Path

DOMAIN = "aibudget"
HERE = Path(__file__).resolve().parent
_STAMP = "po-sha256-"


def source_path(locale: str, root: Path = HERE) -> Path:
    return root / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def compiled_path(locale: str, root: Path = HERE) -> Path:
    return source_path(locale, root).with_suffix(".mo")


def stamp(po: bytes) -> str:
    """What a .mo compiled from these .po bytes says it was compiled from."""
    return _STAMP + hashlib.sha256(po).hexdigest()


def compile_po(po: bytes, locale: str) -> bytes:
    """The .mo bytes of a .po (translated, non-fuzzy messages), stamped with its digest."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(BytesIO(po), locale=locale, domain=DOMAIN)
    catalog.project, catalog.version = DOMAIN, stamp(po)
    out = BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


class Messages(gettext.GNUTranslations):
    """One locale's compiled catalogue."""

    _catalog: dict[str | tuple[str, int], str]
    plural_ids: frozenset[str] = frozenset()  # the ids of its plural messages

    def compiled_from(self) -> str:
        version = self.info().get("project-id-version", "")
        return version.rsplit(" ", 1)[-1]

    def texts(self) -> dict[str, str | tuple[str, ...]]:
        """msgid -> text, or its plural forms (this locale only, no fallback)."""
        out: dict[str, str | tuple[str, ...]] = {}
        plural: dict[str, dict[int, str]] = {}
        for key, text in self._catalog.items():
            if isinstance(key, tuple):
                plural.setdefault(key[0], {})[key[1]] = text
            elif key:
                out[key] = text
        for msgid, forms in plural.items():
            out[msgid] = tuple(forms[i] for i in sorted(forms))
        return out


def load(locale: str, root: Path = HERE) -> Messages:
    """The locale's catalogue from its .mo, compiled again first if its .po has changed."""
    messages = _read(locale, root)
    messages.plural_ids = frozenset(k[0] for k in messages._catalog if isinstance(k, tuple))
    return messages


def _read(locale: str, root: Path) -> Messages:
    po_path, mo_path = source_path(locale, root), compiled_path(locale, root)
    po = po_path.read_bytes() if po_path.exists() else None
    if mo_path.exists():
        messages = Messages(BytesIO(mo_path.read_bytes()))
        if po is None or messages.compiled_from() == stamp(po):
            return messages
    if po is None:
        raise FileNotFoundError(f"no message catalogue for {locale} in {root}")
    data = compile_po(po, locale)
    _write_quietly(mo_path, data)
    return Messages(BytesIO(data))


def _write_quietly(path: Path, data: bytes) -> None:
    """Replace the .mo at once (other processes may read it); skip a read-only install."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as fh:
            fh.write(data)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def build(root: Path, target: Path) -> list[Path]:
    """Compile every .po under ``root`` into the same place under ``target`` (the build)."""
    written = []
    for po_path in sorted(root.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        locale = po_path.parent.parent.name
        out = compiled_path(locale, target)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(compile_po(po_path.read_bytes(), locale))
        written.append(out)
    return written
