from __future__ import annotations

import codecs
import io

import pytest

from aibudget.imports.encoding import LineDecodeError, decoded_lines, detect

TEXT = "月份,工具,金額\n2026-01,chatgpt,1600\n2026-02,小編的工具,800\n"


@pytest.mark.parametrize(
    ("data", "encoding", "method"),
    [
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig", "bom"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16", "bom"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16", "bom"),
        (TEXT.encode("utf-8"), "utf-8", "utf8"),
        (TEXT.encode("cp950"), "cp950", "cp950"),
        (TEXT.encode("big5"), "cp950", "cp950"),
    ],
)
def test_detects_what_taiwanese_tools_write(data: bytes, encoding: str, method: str) -> None:
    found = detect(data, complete=True)
    assert (found.encoding, found.method) == (encoding, method)
    assert "".join(decoded_lines(io.BytesIO(data), found)) == TEXT


def test_hkscs_only_characters_fall_back_to_big5hkscs() -> None:
    data = "名稱\n㗎\n".encode("big5hkscs")
    assert detect(data, complete=True).encoding == "big5hkscs"


def test_mixed_lines_are_named() -> None:
    data = "月份\n".encode() + "工具\n".encode("cp950")
    found = detect(data, complete=True)
    assert found.method == "mixed" and found.mixed_lines == (1, 2)


def test_a_bad_line_after_the_sample_is_reported_with_its_number() -> None:
    head = ("2026-01,chatgpt,1600\n" * 4000).encode("utf-8")  # beyond the 64 KiB sample
    data = head + "2026-02,小編,800\n".encode("cp950")
    found = detect(data[: 64 * 1024])
    assert found.encoding == "utf-8"
    with pytest.raises(LineDecodeError) as info:
        list(decoded_lines(io.BytesIO(data), found))
    assert info.value.line == 4001


def test_other_encodings_are_guessed() -> None:
    data = ("Société,Café,Crème brûlée\n" * 20).encode("cp1252")
    found = detect(data, complete=True)
    assert found.method == "guess"
    assert "Société" in "".join(decoded_lines(io.BytesIO(data), found))


def test_override_is_checked() -> None:
    assert detect(b"x", override="cp950").method == "override"
    with pytest.raises(LookupError):
        detect(b"x", override="no-such-codec")
