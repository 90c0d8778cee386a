"""Recalculate a workbook with LibreOffice headless (Debian's libreoffice-calc).

LibreOffice does not recalculate XLSX files on opening by default (it shows the values
stored in the file); a throwaway profile with "always recalculate" makes the
conversion compute every formula itself, so the values read back are LibreOffice's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
TIMEOUT_SECONDS = 180


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        reason = "LibreOffice is absent (apt-get install libreoffice-calc-nogui)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true needs LibreOffice: {reason}")
        pytest.skip(reason)
    return found


def recalculate(source: Path, work: Path) -> Path:
    """``source`` opened, recalculated and saved again as XLSX by LibreOffice."""
    profile = work / "lo-profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(PROFILE_SETTINGS)
    out = work / "recalculated"
    out.mkdir(exist_ok=True)
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=TIMEOUT_SECONDS,
    )
    result = out / source.name
    assert result.exists(), f"LibreOffice wrote no {result.name}"
    return result
