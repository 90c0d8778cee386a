"""The app for ``uvicorn --factory aibudget.web.factory:app`` (one per worker process)."""

from __future__ import annotations

from fastapi import FastAPI

from aibudget.settings import load_settings
from aibudget.web.app import create_app


def app() -> FastAPI:
    return create_app(load_settings())
