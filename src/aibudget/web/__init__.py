"""The web app: FastAPI, server-rendered pages (Jinja2 + htmx), the JSON API."""

from aibudget.web.app import create_app

__all__ = ["create_app"]
