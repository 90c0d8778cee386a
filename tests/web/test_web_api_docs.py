"""/api/docs: Swagger UI from files served by the app itself, within the app's own CSP."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)
ASSET = re.compile(r'(?:src|href)="([^"]+)"')


def test_api_docs_use_only_the_apps_own_files_and_no_inline_script(client: TestClient) -> None:
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    scripts = SCRIPT.findall(page.text)
    assert len(scripts) >= 2
    assert all('src="' in attributes and not body.strip() for attributes, body in scripts)
    assets = ASSET.findall(page.text)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    for asset in assets:
        assert asset.startswith("/static/"), asset  # no CDN
        assert client.get(asset).status_code == 200, asset


def test_the_vendored_files_come_with_their_licence(client: TestClient) -> None:
    licence = client.get("/static/swagger-ui.LICENSE")
    assert licence.status_code == 200 and "Apache License" in licence.text
