"""The catalogue files parse to the same data with libyaml's loader as with PyYAML's."""

from __future__ import annotations

from importlib.resources import files

import pytest
import yaml

from aibudget import catalog


@pytest.mark.parametrize("name", ["kpis.yaml", "tools.yaml", "fx.yaml", "readiness.yaml"])
def test_fast_loader_reads_what_the_python_loader_reads(name: str) -> None:
    text = files("aibudget.catalog").joinpath(name).read_text(encoding="utf-8")
    assert catalog._load(name) == yaml.load(text, Loader=yaml.SafeLoader)


def test_the_loader_is_a_safe_one() -> None:
    assert issubclass(catalog.SAFE_LOADER, (yaml.SafeLoader, getattr(yaml, "CSafeLoader", ())))
    with pytest.raises(yaml.YAMLError):
        yaml.load("!!python/object/apply:os.system ['true']", Loader=catalog.SAFE_LOADER)
