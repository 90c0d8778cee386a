"""Settings of background work and e-mail (``AIBUDGET_*`` variables, read by the shells)."""

from __future__ import annotations

from enum import StrEnum
from zoneinfo import ZoneInfo

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from aibudget.settings import known_time_zone


class SmtpSecurity(StrEnum):
    STARTTLS = "starttls"  # plain connection upgraded with STARTTLS (port 587)
    SSL = "ssl"  # TLS from the first byte (port 465)
    NONE = "none"  # no TLS: only for a relay on the same machine


class JobSettings(BaseSettings):
    """The queue, the schedule and the mail server."""

    model_config = SettingsConfigDict(env_prefix="AIBUDGET_", extra="ignore", frozen=True)

    jobs_in_process: bool = True  # the one switch: True runs jobs here, False on workers
    broker_url: str = "redis://127.0.0.1:6379/0"
    job_queue: str = Field(default="aibudget", min_length=1, max_length=100)
    job_retries: int = Field(default=5, ge=0, le=50)
    job_visibility_seconds: int = Field(default=3600, ge=1, le=7 * 86_400)
    timezone: str = "Asia/Taipei"
    check_hour: int = Field(default=2, ge=0, le=23)
    reminder_hour: int = Field(default=9, ge=0, le=23)
    schedule_file: str = ""  # where the scheduler keeps its state (default: data folder)
    public_url: str = "http://127.0.0.1:8000"  # the address in e-mailed links
    smtp_host: str = ""  # empty: no e-mail is sent (a laptop without a mail server)
    smtp_port: int = Field(default=587, ge=1, le=65_535)
    smtp_security: SmtpSecurity = SmtpSecurity.STARTTLS
    smtp_user: str = ""
    smtp_password: SecretStr = SecretStr("")
    smtp_timeout_seconds: float = Field(default=20.0, gt=0, le=300)
    mail_sender: str = "aibudget <no-reply@localhost>"
    reset_minutes: int = Field(default=60, ge=5, le=7 * 24 * 60)
    confirm_hours: int = Field(default=24, ge=1, le=14 * 24)  # a sign-up's e-mailed link

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        return known_time_zone(value)

    @field_validator("public_url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("AIBUDGET_PUBLIC_URL must start with http:// or https://")
        return value.rstrip("/")

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def mail_enabled(self) -> bool:
        return bool(self.smtp_host)
