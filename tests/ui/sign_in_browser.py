"""A test's stand-in for the browser in a sign-in: follow the authorization URL to the redirect.

The emulator's authorize either redirects at once (302 with the code) or shows a small sign-in
page whose ``<form method="post">`` must be submitted (hidden inputs as they are, each select
at its selected or first option, text inputs as filled); the page may be followed by another
(choose an organization). Whatever it is, this ends at the redirect to ``redirect_uri``, which
it returns without following.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin

import httpx


class _Form(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.method = "get"
        self.fields: dict[str, str] = {}
        self._select: str | None = None
        self._select_has_value = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if tag == "form" and self.action is None:
            self.action = attr.get("action", "")
            self.method = attr.get("method", "get").lower()
        elif tag == "input" and attr.get("name"):
            if attr.get("type") not in ("submit", "button"):
                self.fields.setdefault(attr["name"], attr.get("value", ""))
        elif tag == "select" and attr.get("name"):
            self._select, self._select_has_value = attr["name"], False
        elif (  # a select's first option, unless a later one is marked selected
            tag == "option"
            and self._select is not None
            and (not self._select_has_value or "selected" in attr)
        ):
            self.fields[self._select] = attr.get("value", "")
            self._select_has_value = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


async def follow_to_redirect(url: str, redirect_prefix: str) -> str:
    """Play the browser from ``url`` until a redirect to ``redirect_prefix``; return its URL."""
    async with httpx.AsyncClient(follow_redirects=False, timeout=30) as browser:
        response = await browser.get(url)
        for _ in range(5):
            if response.status_code in (301, 302, 303, 307, 308):
                location = urljoin(str(response.url), response.headers["location"])
                if location.startswith(redirect_prefix):
                    return location
                response = await browser.get(location)
                continue
            assert response.status_code == 200, (response.status_code, response.text[:300])
            form = _Form()
            form.feed(response.text)
            assert form.action is not None and form.method == "post", response.text[:300]
            response = await browser.post(urljoin(str(response.url), form.action), data=form.fields)
    raise AssertionError("the sign-in did not end in a redirect")
