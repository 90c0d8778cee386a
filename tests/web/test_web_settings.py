from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr, ValidationError

from aibudget.settings import Environment, Settings, data_dir, local_secret

REAL_KEY = "k" * 48


def test_values_come_from_aibudget_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIBUDGET_DATABASE_URL", "sqlite:////tmp/x.db")
    monkeypatch.setenv("AIBUDGET_SECRET_KEY", REAL_KEY)
    monkeypatch.setenv("AIBUDGET_LOCALE", "en-US")
    monkeypatch.setenv("AIBUDGET_CURRENCY", "usd")
    settings = Settings()
    assert settings.database_url == "sqlite:////tmp/x.db"
    assert (settings.locale, settings.currency) == ("en", "USD")


def test_default_database_is_a_sqlite_file_in_the_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("AIBUDGET_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    settings = Settings(secret_key=SecretStr(REAL_KEY))
    assert settings.database_url == f"sqlite:///{data_dir() / 'aibudget.db'}"
    assert str(data_dir()).startswith(str(tmp_path))


@pytest.mark.parametrize("key", ["change-me", "secret", "", "short"])
def test_a_placeholder_secret_is_refused_outside_development(key: str) -> None:
    with pytest.raises(ValidationError, match="AIBUDGET_SECRET_KEY"):
        Settings(secret_key=SecretStr(key), environment=Environment.PRODUCTION)
    Settings(secret_key=SecretStr(key), environment=Environment.DEVELOPMENT)


def test_the_local_secret_is_created_once_and_private(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    first = local_secret(folder)
    assert len(first) >= 48 and local_secret(folder) == first
    assert (folder / "secret_key").stat().st_mode & 0o077 == 0


def test_the_time_zone_defaults_to_taipei_and_must_exist() -> None:
    assert Settings(secret_key=SecretStr(REAL_KEY)).timezone == "Asia/Taipei"
    with pytest.raises(ValidationError, match="AIBUDGET_TIMEZONE"):
        Settings(secret_key=SecretStr(REAL_KEY), timezone="Mars/Olympus")
