"""Build hook: the message catalogues are compiled (.po -> .mo) when the package is built.

Everything else is declared in pyproject.toml. ``build_py`` runs for a wheel (the .mo files
go into the build) and for an editable install (PEP 660: they go beside the .po sources,
where the program reads them). The compiler is src/aibudget/i18n/compiled.py, loaded by
path: the package itself and its dependencies are not installed yet.
"""

from __future__ import annotations

import importlib.util
from types import ModuleType
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
I18N = HERE / "src" / "aibudget" / "i18n"


def _compiler() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_aibudget_catalogues", I18N / "compiled.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildWithCatalogues(build_py):
    """Copy the package as usual, then compile each .po beside it into a .mo."""

    def run(self) -> None:
        super().run()
        target = I18N if self.editable_mode else Path(self.build_lib) / "aibudget" / "i18n"
        for written in _compiler().build(I18N, target):
            print(f"compiled {written}")


setup(cmdclass={"build_py": BuildWithCatalogues})
