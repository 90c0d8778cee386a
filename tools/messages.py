"""The message catalogues: ``src/aibudget/i18n/<locale>/LC_MESSAGES/aibudget.po``.

The .po files are the source of truth: translators edit them with any gettext tool
(Poedit, Weblate, a text editor). The ids in use are extracted by Babel from the package's
Python and Jinja templates (the first argument of ``t(...)`` and ``N_(...)``, as declared
in pyproject.toml's ``[tool.babel]``). This script adds a message to both catalogues at
once, brings them up to date with the source and tidies them (sorted by id, one layout),
so a change reads well in a diff and two branches adding messages merge cleanly.

Run:
    .venv/bin/python tools/messages.py add ID "English" "中文"
    .venv/bin/python tools/messages.py add ID "one English" "中文" --plural "other English"
    .venv/bin/python tools/messages.py update [--prune]   (also: make i18n)
    .venv/bin/python tools/messages.py tidy

``update`` writes build/i18n/aibudget.pot (the template, with where each id is used), adds
each id in use that a catalogue lacks (empty: the tests then ask for its words), names
the catalogue messages no longer used (``--prune`` deletes them), tidies both catalogues
and compiles them (.mo, git-ignored). A plural message (``msgid_plural``) picks its form by
the ``count`` parameter. tests/i18n runs the same extraction.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "aibudget"
ROOT = PACKAGE / "i18n"
COMPILER = PACKAGE / "i18n" / "compiled.py"
TEMPLATE = REPO / "build" / "i18n" / "aibudget.pot"
LOCALES = ("en", "zh_TW")


def path(locale: str) -> Path:
    return ROOT / locale / "LC_MESSAGES" / "aibudget.po"


def load(locale: str) -> Catalog:
    with path(locale).open("rb") as fh:
        return read_po(fh, locale=locale, domain="aibudget")


def save(locale: str, catalog: Catalog) -> None:
    """Write sorted by id; the header keeps its dates (no conflict between branches)."""
    tidy = Catalog(
        locale=locale,
        project="aibudget",
        domain="aibudget",
        charset="utf-8",
        creation_date=catalog.creation_date,
        revision_date=catalog.revision_date,
    )
    for message in sorted((m for m in catalog if m.id), key=lambda m: _key(m.id)):
        tidy.add(message.id, message.string)
    with path(locale).open("wb") as fh:
        write_po(fh, tidy, width=100, omit_header=False, no_location=True)


def _key(msgid: str | tuple[str, ...]) -> str:
    return msgid[0] if isinstance(msgid, tuple) else msgid


def add(msgid: str, english: str, chinese: str, plural: str | None) -> None:
    for locale in LOCALES:
        catalog = load(locale)
        if catalog.get(msgid) is not None:
            raise SystemExit(f"{msgid} is already in the {locale} catalogue: edit it there")
        if plural is None:
            catalog.add(msgid, english if locale == "en" else chinese)
        else:
            forms = (english, plural) if locale == "en" else (chinese,)
            catalog.add((msgid, msgid), forms)
        save(locale, catalog)


def mappings() -> tuple[list[tuple[str, str]], dict[str, dict[str, Any]]]:
    """Babel's method map and options from pyproject.toml's [[tool.babel.mappings]]."""
    table = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    method_map, options = [], {}
    for entry in table["tool"]["babel"]["mappings"]:
        method_map.append((entry["pattern"], entry["method"]))
        options[entry["pattern"]] = {"keywords": dict.fromkeys(entry["keywords"])}
    return method_map, options


def extract() -> dict[str, list[str]]:
    """Every message id used in the package -> where (``web/pages.py:12``), by Babel.

    The extractor's notes on f-strings are left out: an id built at run time is declared
    with ``N_`` beside the values it is built from, and that declaration is what counts.
    """
    method_map, options = mappings()
    used: dict[str, list[str]] = {}
    with contextlib.redirect_stderr(io.StringIO()):
        for filename, lineno, message, _comments, _context in extract_from_dir(
            PACKAGE, method_map, options, keywords={}
        ):
            msgid = message[0] if isinstance(message, tuple) else message
            if msgid:
                used.setdefault(msgid, []).append(f"{filename}:{lineno}")
    return used


def write_template(used: dict[str, list[str]]) -> Path:
    template = Catalog(project="aibudget", domain="aibudget", charset="utf-8")
    for msgid in sorted(used):
        places = [(p.rsplit(":", 1)[0], int(p.rsplit(":", 1)[1])) for p in used[msgid]]
        template.add(msgid, locations=places)
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    with TEMPLATE.open("wb") as fh:
        write_po(fh, template, width=100, sort_output=True)
    return TEMPLATE


def update(prune: bool) -> None:
    used = extract()
    print(f"{len(used)} message ids in use; template: {write_template(used)}")
    for locale in LOCALES:
        catalog = load(locale)
        held = {_key(m.id) for m in catalog if m.id}
        for msgid in sorted(set(used) - held):
            catalog.add(msgid, "")
            print(f"{locale}: added {msgid} (empty: write its words)")
        for msgid in sorted(held - set(used)):
            if prune:
                catalog.delete(msgid)
                print(f"{locale}: deleted {msgid} (no longer used)")
            else:
                print(f"{locale}: {msgid} is no longer used (--prune deletes it)")
        save(locale, catalog)
    compile_all()


def compile_all() -> None:
    """Compile both catalogues (.mo beside each .po), as the install does."""
    for written in _compiler().build(ROOT, ROOT):
        print(f"compiled {written}")


def _compiler() -> ModuleType:
    """src/aibudget/i18n/compiled.py, loaded by path (as setup.py does)."""
    spec = importlib.util.spec_from_file_location("_aibudget_catalogues", COMPILER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    adding = commands.add_parser("add", help="add a message to both catalogues")
    adding.add_argument("id")
    adding.add_argument("english")
    adding.add_argument("chinese")
    adding.add_argument("--plural", help="the English form for other counts")
    updating = commands.add_parser("update", help="bring both catalogues up to the source")
    updating.add_argument("--prune", action="store_true", help="delete messages not used")
    commands.add_parser("tidy", help="sort and lay out both catalogues")
    args = parser.parse_args()
    if args.command == "add":
        add(args.id, args.english, args.chinese, args.plural)
    elif args.command == "update":
        update(args.prune)
    else:
        for locale in LOCALES:
            save(locale, load(locale))


if __name__ == "__main__":
    main()
