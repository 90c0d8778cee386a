"""The CJK font embedded in PDFs and charts (Noto Sans CJK).

Traditional Chinese needs a font with its glyphs: Noto Sans CJK comes as font
collections (``.ttc``) holding one face per region; we use the Traditional Chinese (TC)
face. The system's fonts are preferred (Debian's ``fonts-noto-cjk`` has a bold face too);
otherwise the regular collection installed with the package (``noto-cjk-sans-otc`` from
PyPI), so that a fresh install makes PDFs. ``AIBUDGET_CJK_FONT`` may name another font
file (``.ttf``, ``.otf`` or ``.ttc``; for a collection the face named "... TC" is used,
else the first). Messages never show a server path.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from aibudget.domain.texts import N_
from aibudget.reports.content import ReportError

FONT_DIRS = (
    Path("/usr/share/fonts/opentype/noto"),
    Path("/usr/share/fonts/noto-cjk"),
    Path("/usr/share/fonts/google-noto-cjk"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
)
REGULAR = ("NotoSansCJK-Regular.ttc", "NotoSansCJKtc-Regular.otf", "NotoSansTC-Regular.otf")
BOLD = ("NotoSansCJK-Bold.ttc", "NotoSansCJKtc-Bold.otf", "NotoSansTC-Bold.otf")
FACE = "Noto Sans CJK TC"


@dataclass(frozen=True)
class FontFile:
    path: Path
    index: int  # face number inside a collection (0 for a single font)
    family: str


@dataclass(frozen=True)
class FontPair:
    regular: FontFile
    bold: FontFile


def _face(path: Path) -> FontFile:
    if path.suffix.lower() != ".ttc":
        return FontFile(path, 0, path.stem)
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(path), lazy=True)
    names = [str(face["name"].getDebugName(1)) for face in collection.fonts]
    for i, name in enumerate(names):
        if name.endswith(" TC"):
            return FontFile(path, i, name)
    return FontFile(path, 0, names[0] if names else path.stem)


def _find(names: tuple[str, ...]) -> Path | None:
    for folder in FONT_DIRS:
        for name in names:
            if (folder / name).is_file():
                return folder / name
    return None


def _bundled() -> Path | None:
    """The collection installed from PyPI, when it is there."""
    try:
        from noto_cjk_sans_otc import FONT_PATH
    except ImportError:
        return None
    path = Path(str(FONT_PATH))
    return path if path.is_file() else None


@cache
def cjk_fonts() -> FontPair:
    """The regular and bold faces (bold falls back to regular), or a ReportError."""
    named = os.environ.get("AIBUDGET_CJK_FONT")
    if named:
        path = Path(named)
        if not path.is_file():
            raise ReportError(N_("report.font_named_missing"))
        face = _face(path)
        return FontPair(face, face)
    regular = _find(REGULAR) or _bundled()
    if regular is None:
        raise ReportError(N_("report.font_missing"))
    bold = _find(BOLD)
    face = _face(regular)
    return FontPair(face, _face(bold) if bold else face)
