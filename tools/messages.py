"""The message catalogues: ``src/aibudget/i18n/<locale>/LC_MESSAGES/aibudget.po``.

The .po files are the source of truth: translators edit them with any gettext tool
(Poedit, Weblate, a text editor). This script adds a message to both catalogues at once
and tidies them (sorted by id, one layout), so a change reads well in a diff.

Run:
    .venv/bin/python tools/messages.py add ID "English" "中文"
    .venv/bin/python tools/messages.py add ID "one English" "中文" --plural "other English"
    .venv/bin/python tools/messages.py tidy      (also: make i18n)

A plural message (``msgid_plural``) picks its form by the ``count`` parameter. The tests
check that every id used in the code and the templates exists in both catalogues, with
the same placeholders, translated.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1] / "src" / "aibudget" / "i18n"
LOCALES = ("en", "zh_TW")


def path(locale: str) -> Path:
    return ROOT / locale / "LC_MESSAGES" / "aibudget.po"


def load(locale: str) -> Catalog:
    with path(locale).open("rb") as fh:
        return read_po(fh, locale=locale, domain="aibudget")


def save(locale: str, catalog: Catalog) -> None:
    tidy = Catalog(locale=locale, project="aibudget", domain="aibudget", charset="utf-8")
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    adding = commands.add_parser("add", help="add a message to both catalogues")
    adding.add_argument("id")
    adding.add_argument("english")
    adding.add_argument("chinese")
    adding.add_argument("--plural", help="the English form for other counts")
    commands.add_parser("tidy", help="sort and lay out both catalogues")
    args = parser.parse_args()
    if args.command == "add":
        add(args.id, args.english, args.chinese, args.plural)
    else:
        for locale in LOCALES:
            save(locale, load(locale))


if __name__ == "__main__":
    main()
