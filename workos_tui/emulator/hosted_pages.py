"""HTML of the emulated hosted sign-in pages (hosted AuthKit, and the identity provider of SSO).

``GET /user_management/authorize`` (AuthKit provider: the AuthKit page; a connection, an
organization or an OAuth provider: the identity provider's page) and ``GET /sso/authorize`` (the
identity provider's page) answer 200 with one of these pages. The contract, kept plain so a test
or a tool can fill the page in like a browser:

* one ``<form method="post" action="/_emulate/authorize">`` (``id="sign-in"``);
* hidden inputs: ``flow`` (``user_management`` or ``sso``) and every parameter of the authorize
  request as it came (``client_id``, ``redirect_uri``, ``response_type``, ``state``,
  ``provider``, ``connection_id``, ``organization_id``, ``code_challenge``, ...);
* to sign in: a ``<select name="user_id">`` of accounts (the ``login_hint``'s account selected,
  else the first) and an ``<input name="email">`` (holding the ``login_hint`` when it names no
  account); a non-empty ``email`` wins over ``user_id``. On the identity provider's page of
  ``/sso/authorize`` any email signs in (the profile is made from it);
* to sign up (``screen_hint=sign-up``): inputs ``email``, ``first_name``, ``last_name``;
* to choose an organization (the second page when the account belongs to several and the request
  named none): a hidden ``user_id`` and a ``<select name="organization_id">``.

Posting the form answers ``302`` to ``redirect_uri?code=…&state=…`` (or ``?error=…&
error_description=…``), the same page with a message (400) when the choice is not valid, or the
organization page (200). Every value shown comes from data or the request and is HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from starlette.responses import Response

ACTION = "/_emulate/authorize"
HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
STYLE = (
    "body{font-family:system-ui,sans-serif;background:#f4f4f7;margin:0;padding:3rem 1rem}"
    "main{max-width:26rem;margin:auto;background:#fff;border-radius:8px;padding:2rem;"
    "box-shadow:0 1px 4px #0002}h1{font-size:1.3rem;margin-top:0}label{display:block;"
    "margin:1rem 0 .3rem;font-weight:600}select,input{width:100%;box-sizing:border-box;"
    "padding:.5rem;font-size:1rem}button{margin-top:1.5rem;width:100%;padding:.6rem;"
    "font-size:1rem;background:#6363f1;color:#fff;border:0;border-radius:6px}"
    ".error{background:#fde8e8;color:#8a1c1c;padding:.6rem;border-radius:6px}"
    ".note{color:#666;font-size:.85rem}"
)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    value: str = ""
    kind: str = "text"
    required: bool = False


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _hidden(params: Mapping[str, str]) -> str:
    return "".join(
        f'<input type="hidden" name="{_e(k)}" value="{_e(v)}">' for k, v in params.items()
    )


def _select(name: str, label: str, choices: Sequence[Choice], selected: str | None) -> str:
    options = "".join(
        f'<option value="{_e(c.value)}"{" selected" if c.value == selected else ""}>'
        f"{_e(c.label)}</option>"
        for c in choices
    )
    return (
        f'<label for="{_e(name)}">{_e(label)}</label>'
        f'<select id="{_e(name)}" name="{_e(name)}">{options}</select>'
    )


def _input(field: Field) -> str:
    required = " required" if field.required else ""
    return (
        f'<label for="{_e(field.name)}">{_e(field.label)}</label>'
        f'<input id="{_e(field.name)}" name="{_e(field.name)}" type="{_e(field.kind)}" '
        f'value="{_e(field.value)}"{required}>'
    )


@dataclass(frozen=True)
class Page:
    """One hosted page: a heading, a note, and the form (see the module docstring)."""

    title: str
    heading: str
    hidden: Mapping[str, str]
    select: tuple[str, str, Sequence[Choice], str | None] | None = None  # name, label, ...
    fields: Sequence[Field] = ()
    note: str = ""
    error: str | None = None
    submit: str = "Continue"
    link: tuple[str, str] | None = None  # (href, text) below the form

    def html(self) -> str:
        parts = [f"<h1>{_e(self.heading)}</h1>"]
        if self.note:
            parts.append(f'<p class="note">{_e(self.note)}</p>')
        if self.error:
            parts.append(f'<p class="error" role="alert">{_e(self.error)}</p>')
        form = [f'<form id="sign-in" method="post" action="{ACTION}">', _hidden(self.hidden)]
        if self.select is not None and self.select[2]:
            form.append(_select(*self.select))
        form.extend(_input(f) for f in self.fields)
        form.append(f'<button type="submit">{_e(self.submit)}</button></form>')
        parts.append("".join(form))
        if self.link is not None:
            parts.append(f'<p class="note"><a href="{_e(self.link[0])}">{_e(self.link[1])}</a></p>')
        return (
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(self.title)}</title><style>{STYLE}</style></head>"
            f"<body><main>{''.join(parts)}</main></body></html>"
        )

    def response(self, status: int = 200) -> Response:
        return Response(
            self.html().encode("utf-8"),
            status_code=status,
            media_type="text/html; charset=utf-8",
            headers=HEADERS,
        )
