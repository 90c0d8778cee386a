"""Every page an owner reaches in the demo workspace (with actuals) speaks zh-TW words:
no ids, YAML paths, message keys, field names or English code words.

The pages are found by following the links of the pages themselves (bounded), from the
workspace list, so a new page is checked as soon as something links to it.
"""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from aibudget.cli import app
from aibudget.cli.web import DEMO_EMAIL, DEMO_PASSWORD
from aibudget.settings import Settings
from tests.web.helpers import EXAMPLE, csrf

ACTUALS = EXAMPLE.with_name("taipei-cafe-actuals.csv")
MAX_PAGES = 150
SKIP = re.compile(r"/(logout|static/)|report\.(pdf|xlsx)$|/api/|\.(csv|xlsx|yaml)$|/download")

# Product and format names an owner sees as they are; everything else must be words.
ALLOWED = {
    "aibudget",
    "api",
    "csv",
    "xlsx",
    "pdf",
    "yaml",
    "kpi",
    "roi",
    "npv",
    "email",
    "demo",
    "jooii",  # 91APP's retail assistant, a product name
}
YAML_PATH = re.compile(r"\b[a-z_]+\[\d+\](?:\.[a-z_]+)*")
MESSAGE_KEY = re.compile(
    r"\b(?:cli|web|audit|lint|builder|monitor|optimize|report|pdf|xlsx|store|driver|smart|"
    r"fix|review|imports?|realloc|guidance|readiness|security)\.[a-z_]+(?:\.[a-z_]+)*\b"
)
SNAKE = re.compile(r"\b[a-z]+_[a-z0-9_]+\b")
LOWER_WORD = re.compile(r"(?<![\w@./-])[a-z]{3,}(?![\w@])")
EMAIL_OR_URL = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")


class VisibleText(HTMLParser):
    """The text a reader sees (not scripts, styles or attributes but labels they read)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0
        self._folded: list[str] = []  # open tags of a section for consultants

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if (self._folded and tag == self._folded[0]) or (
            not self._folded and "for-consultants" in str(values.get("class") or "")
        ):
            self._folded.append(tag)
        if tag in ("script", "style", "template", "textarea"):
            self._hidden += 1
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        if self._folded:
            return
        for name in ("title", "placeholder", "aria-label", "alt"):
            if values.get(name):
                self.parts.append(str(values[name]))
        if tag == "input" and values.get("type") in ("submit", "button") and values.get("value"):
            self.parts.append(str(values["value"]))

    def handle_endtag(self, tag: str) -> None:
        if self._folded and tag == self._folded[0]:
            self._folded.pop()
        if tag in ("script", "style", "template", "textarea") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and not self._folded and data.strip():
            self.parts.append(data.strip())


def _ids(plan: dict[str, Any]) -> set[str]:
    """Every id the plan stores that a reader should never see."""
    found: set[str] = set()
    for key in ("goals", "team", "tools"):
        for item in plan.get(key) or []:
            found.add(str(item["id"]))
            for tier in item.get("plans") or []:
                found.add(str(tier["id"]))
            for goal in item.get("goals") or []:
                found.add(str(goal))
            if item.get("kpi"):
                found.add(str(item["kpi"]))
    return {i for i in found if re.fullmatch(r"[a-z0-9-_]+", i) and len(i) > 2}


def problems_in(text: str, ids: set[str]) -> list[str]:
    plain = EMAIL_OR_URL.sub(" ", text)
    found = [*YAML_PATH.findall(plain), *MESSAGE_KEY.findall(plain), *SNAKE.findall(plain)]
    found += [w for w in LOWER_WORD.findall(plain) if w not in ALLOWED]
    found += [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", plain)]
    return sorted(set(found))


@pytest.fixture
def demo(client: TestClient, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setenv("AIBUDGET_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("AIBUDGET_SECRET_KEY", settings.secret_key.get_secret_value())
    monkeypatch.setenv("AIBUDGET_LOCALE", "zh-TW")
    loaded = CliRunner().invoke(app, ["demo-load", str(EXAMPLE), "--actuals", str(ACTUALS)])
    assert loaded.exit_code == 0, loaded.output
    token = csrf(client, "/login")
    signed = client.post(
        "/login",
        data={"csrf_token": token, "email": DEMO_EMAIL, "password": DEMO_PASSWORD},
        follow_redirects=False,
    )
    assert signed.status_code == 303, signed.text
    return client


def crawl(client: TestClient, start: str) -> dict[str, str]:
    """Visible text of every page reachable from ``start`` (GET, same site, bounded)."""
    seen: dict[str, str] = {}
    queue = deque([start])
    while queue and len(seen) < MAX_PAGES:
        path = queue.popleft().split("#", 1)[0]
        if path in seen or SKIP.search(path):
            continue
        response = client.get(path)
        assert response.status_code < 500, f"{path}: {response.status_code}"
        if "text/html" not in response.headers.get("content-type", ""):
            seen[path] = ""
            continue
        parser = VisibleText()
        parser.feed(response.text)
        seen[path] = "\n".join(parser.parts)
        queue.extend(link for link in parser.links if link.startswith("/"))
    return seen


def test_every_page_of_the_demo_speaks_the_owners_words(demo: TestClient) -> None:
    pages = crawl(demo, "/workspaces")
    assert len(pages) >= 20, sorted(pages)  # the crawl reached the plan's pages
    assert any("/review" in p for p in pages) and any("/evaluate" in p for p in pages)
    ids = _ids(yaml.safe_load(Path(EXAMPLE).read_text(encoding="utf-8")))
    found = {path: problems_in(text, ids) for path, text in pages.items()}
    wrong = {path: words for path, words in found.items() if words}
    assert not wrong, "\n".join(f"{p}: {w}" for p, w in sorted(wrong.items()))


def test_the_checker_catches_what_it_should() -> None:
    ids = {"online-sales", "chatgpt"}
    for text in (
        "方案：annual",
        "欄位 tools[2].free_trial_days",
        "audit.actuals.entered",
        "移除「online-sales」",
        "annual_revenue",
        "來源 google_ads",
    ):
        assert problems_in(text, ids), text
    assert not problems_in(
        "ChatGPT Business 每月 NT$800，KPI 達成率 46%（demo@aibudget.local）", ids
    )
