"""Which text encoding a file uses, and its lines decoded one at a time.

Order of evidence (see docs in the research notes on Taiwanese exports):
1. a byte-order mark: ``EF BB BF`` UTF-8, ``FF FE`` / ``FE FF`` UTF-16 (Google Ads);
2. the sample decodes as strict UTF-8 (Mac, Google Sheets, Meta, GA4);
3. the sample decodes as strict cp950 (Excel on Windows in Taiwan; a Big5 superset),
   else big5hkscs;
4. if every line decodes as either UTF-8 or cp950 but not all in one of them, the file
   mixes encodings: an error naming one line of each;
5. otherwise charset-normalizer's best guess (e.g. Shift-JIS, Latin-1), marked as a guess.

Decoding then runs line by line with ``errors="strict"``, so a line in another encoding
further down the file is reported with its line number instead of becoming mojibake.
A last line that cannot be decoded, or UTF-16 with an odd number of bytes, ends in the
middle of a character: the file was cut off (:class:`CutOff`).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from charset_normalizer import from_bytes

SAMPLE_BYTES = 64 * 1024
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CHINESE_CODECS = ("cp950", "big5hkscs")


@dataclass(frozen=True)
class Detected:
    encoding: str  # a Python codec name
    method: str  # bom | utf8 | cp950 | big5hkscs | guess | override
    mixed_lines: tuple[int, int] | None = None  # (a UTF-8 line, a cp950 line)
    newline: str = "\n"  # "\r" for files saved with classic Mac line ends


class LineDecodeError(Exception):
    def __init__(self, line: int, encoding: str) -> None:
        super().__init__(line, encoding)
        self.line = line
        self.encoding = encoding


class CutOff(Exception):
    """The file ends inside a line (``character``: inside a character) at ``line``."""

    def __init__(self, line: int, inside: str = "line") -> None:
        super().__init__(line, inside)
        self.line = line
        self.inside = inside


def _strict(sample: bytes, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        decoder.decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _whole_lines(sample: bytes, complete: bool) -> bytes:
    if complete:
        return sample
    cut = sample.rfind(b"\n")
    return sample[: cut + 1] if cut >= 0 else sample


def _mixed(sample: bytes) -> tuple[int, int] | None:
    utf8_line = cp950_line = 0
    for number, raw in enumerate(sample.splitlines(), start=1):
        if raw.isascii():
            continue
        if _strict(raw, "utf-8"):
            utf8_line = utf8_line or number
        elif _strict(raw, "cp950"):
            cp950_line = cp950_line or number
        else:
            return None
    return (utf8_line, cp950_line) if utf8_line and cp950_line else None


def detect(sample: bytes, complete: bool = False, override: str | None = None) -> Detected:
    """The encoding of a file from its first bytes (``complete``: the sample is all of it)."""
    found = _detect(sample, complete, override)
    text = sample.replace(b"\x00", b"")
    if b"\r" in text and b"\n" not in text:
        return Detected(found.encoding, found.method, found.mixed_lines, "\r")
    return found


def _detect(sample: bytes, complete: bool, override: str | None) -> Detected:
    if override:
        if not getattr(codecs.lookup(override), "_is_text_encoding", True):
            raise LookupError(override)  # e.g. "hex": bytes to bytes, not text
        return Detected(override, "override")
    for bom, name in BOMS:
        if sample.startswith(bom):
            return Detected(name, "bom")
    text = _whole_lines(sample, complete)
    if _strict(text, "utf-8"):
        return Detected("utf-8", "utf8")
    for name in CHINESE_CODECS:
        if _strict(text, name):
            return Detected(name, name)
    mixed = _mixed(text)
    if mixed:
        return Detected("utf-8", "mixed", mixed)
    best = from_bytes(text).best()
    return Detected(best.encoding if best else "utf-8", "guess")


def decoded_lines(stream: BinaryIO, detected: Detected) -> Iterator[str]:
    """Lines (with their line ends) decoded strictly; LineDecodeError names the line."""
    name = detected.encoding
    if codecs.lookup(name).name.startswith("utf-16") or detected.newline != "\n":
        yield from _chunked_lines(stream, name, detected.newline)
        return
    for number, raw in enumerate(stream, start=1):
        try:
            text = raw.decode(name, "strict")
        except UnicodeDecodeError:
            if not raw.endswith(b"\n"):
                raise CutOff(number, "character") from None
            raise LineDecodeError(number, name) from None
        if number == 1 and name == "utf-8":
            text = text.removeprefix("\ufeff")
        yield text


def _chunked_lines(stream: BinaryIO, name: str, newline: str) -> Iterator[str]:
    """Lines of UTF-16 text (or of text with CR line ends), decoded chunk by chunk."""
    decoder = codecs.getincrementaldecoder(name)("strict")
    pending = ""
    number = 0
    while chunk := stream.read(SAMPLE_BYTES):
        try:
            pending += decoder.decode(chunk)
        except UnicodeDecodeError:
            raise LineDecodeError(number + pending.count(newline) + 1, name) from None
        *lines, pending = pending.split(newline)
        for line in lines:
            number += 1
            yield line + "\n"
    try:
        pending += decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise CutOff(number + 1, "character") from None
    if pending:
        yield pending
