"""Typed settings read from ``AIBUDGET_*`` environment variables (pydantic-settings).

Nothing is read at import time: shells call :func:`load_settings` once and pass the
object down (``create_app(settings)``), so tests build their own.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import sys
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from aibudget.i18n import normalise_locale

APP_NAME = "aibudget"
# Values people paste from examples; refused as a secret outside development.
PLACEHOLDER_SECRETS = frozenset({"", "change-me", "changeme", "secret", "dev", "placeholder"})
MIN_SECRET_LENGTH = 32


class Environment(StrEnum):
    DEVELOPMENT = "development"
    PRODUCTION = "production"


def data_dir() -> Path:
    """The user's data folder for aibudget (XDG on Linux, the usual places elsewhere)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'aibudget.db'}"


def known_time_zone(value: str) -> str:
    """AIBUDGET_TIMEZONE (shared by the web and the background jobs): an IANA name."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        message = "AIBUDGET_TIMEZONE must be an IANA time zone such as Asia/Taipei"
        raise ValueError(message) from None
    return value


class Settings(BaseSettings):
    """Configuration of the web app and the store."""

    model_config = SettingsConfigDict(env_prefix="AIBUDGET_", extra="ignore", frozen=True)

    database_url: str = Field(default_factory=default_database_url)
    secret_key: SecretStr = SecretStr("change-me")
    environment: Environment = Environment.PRODUCTION
    locale: str = "zh_TW"
    currency: str = "TWD"
    timezone: str = "Asia/Taipei"  # times on pages (and, for jobs, the schedule) in this zone
    secure_cookies: bool = False  # set true behind HTTPS
    max_trials: int = Field(default=50_000, ge=100, le=5_000_000)
    evaluate_seconds: float = Field(default=10.0, gt=0, le=300)
    evaluate_per_minute: int = Field(default=20, ge=1, le=10_000)
    # Sign-in back-off: free wrong passwords per account from one address, then waits
    # doubling from the first (up to the longest); per address over every account, more.
    login_attempts: int = Field(default=5, ge=1, le=1_000)
    address_login_attempts: int = Field(default=30, ge=1, le=100_000)
    login_wait_seconds: int = Field(default=30, ge=1, le=3_600)
    login_longest_wait_seconds: int = Field(default=900, ge=1, le=86_400)
    signups_per_hour: int = Field(default=10, ge=1, le=100_000)  # per address
    imports_per_minute: int = Field(default=10, ge=1, le=10_000)  # per user
    # Shared counters (limits, quotas): Redis when set (the hosted set-up), else the database.
    redis_url: str | None = None
    redis_prefix: str = Field(default="aibudget:", max_length=100)
    # Proxies whose X-Forwarded-For/-Proto are believed (addresses or networks, comma
    # separated); none by default, so a client cannot choose the address it is limited by.
    trusted_proxies: str = ""

    @field_validator("locale")
    @classmethod
    def _locale(cls, value: str) -> str:
        return normalise_locale(value)

    @field_validator("timezone")
    @classmethod
    def _time_zone(cls, value: str) -> str:
        return known_time_zone(value)

    @field_validator("currency")
    @classmethod
    def _currency(cls, value: str) -> str:
        code = value.strip().upper()
        if len(code) != 3 or not code.isalpha():
            raise ValueError("AIBUDGET_CURRENCY must be an ISO 4217 code such as TWD")
        return code

    @field_validator("trusted_proxies")
    @classmethod
    def _proxies(cls, value: str) -> str:
        for entry in proxy_list(value):
            try:
                ipaddress.ip_network(entry, strict=False)
            except ValueError:
                raise ValueError(
                    f"AIBUDGET_TRUSTED_PROXIES: {entry!r} is not an address or network "
                    "(e.g. 10.0.0.5 or 10.0.0.0/8)"
                ) from None
        return value

    @model_validator(mode="after")
    def _real_secret(self) -> Settings:
        if self.environment is Environment.DEVELOPMENT:
            return self
        key = self.secret_key.get_secret_value()
        if key.strip().lower() in PLACEHOLDER_SECRETS or len(key) < MIN_SECRET_LENGTH:
            raise ValueError(
                "AIBUDGET_SECRET_KEY must be a random value of at least "
                f"{MIN_SECRET_LENGTH} characters outside development "
                "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(48))')"
            )
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def proxy_list(value: str) -> list[str]:
    return [entry.strip() for entry in value.split(",") if entry.strip()]


def local_secret(folder: Path) -> str:
    """A per-installation secret kept in ``folder`` (created once, readable by the owner)."""
    path = folder / "secret_key"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    folder.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(key)
    return key


def load_settings() -> Settings:
    """Settings from the environment; a laptop install without a secret gets a local one."""
    if "AIBUDGET_SECRET_KEY" in os.environ:
        return Settings()
    return Settings(secret_key=SecretStr(local_secret(data_dir())))
