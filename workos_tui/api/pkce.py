"""PKCE (RFC 7636, S256), a ``state`` value, and a loopback server that receives one redirect.

The test sign-in builds an authorization URL with a code challenge and a state, listens on
``127.0.0.1`` (any free port) for the browser's redirect, checks the state and hands back the
code. Nothing here knows about the UI.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import secrets
from dataclasses import dataclass
from typing import Final
from urllib.parse import parse_qs, urlsplit

__all__ = [
    "CALLBACK_PATH",
    "CallbackResult",
    "LoopbackCallback",
    "PkcePair",
    "code_challenge",
    "new_pkce",
    "new_state",
]

CALLBACK_PATH: Final = "/callback"
_MAX_REQUEST: Final = 16 * 1024
_PAGE: Final = (
    "<!doctype html><meta charset=utf-8><title>workos-tui</title>"
    "<p>{message}</p><p>You can close this tab and return to the terminal.</p>"
)


def code_challenge(verifier: str) -> str:
    """The S256 challenge: base64url (no padding) of SHA-256 of the verifier's ASCII."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class PkcePair:
    verifier: str
    challenge: str
    method: str = "S256"


def new_pkce() -> PkcePair:
    """A fresh verifier (43 characters of base64url, 256 bits) and its S256 challenge."""
    verifier = secrets.token_urlsafe(32)
    return PkcePair(verifier, code_challenge(verifier))


def new_state() -> str:
    return secrets.token_urlsafe(16)


@dataclass(frozen=True)
class CallbackResult:
    """What the redirect brought: a code, or an error; ``state_ok`` compares the state."""

    code: str | None
    error: str | None
    error_description: str | None
    state_ok: bool


class LoopbackCallback:
    """Listens on ``127.0.0.1:<free port>`` for one ``GET /callback?…`` and answers a small page.

    ``async with LoopbackCallback(state) as callback: … await callback.result()``.
    """

    def __init__(self, state: str, *, host: str = "127.0.0.1") -> None:
        self.state = state
        self.host = host
        self._server: asyncio.Server | None = None
        self._result: asyncio.Future[CallbackResult] | None = None

    @property
    def port(self) -> int:
        assert self._server is not None, "start() first"
        port: int = self._server.sockets[0].getsockname()[1]
        return port

    @property
    def redirect_uri(self) -> str:
        return f"http://{self.host}:{self.port}{CALLBACK_PATH}"

    async def start(self) -> LoopbackCallback:
        self._result = asyncio.get_running_loop().create_future()
        self._server = await asyncio.start_server(self._handle, self.host, 0)
        return self

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        if self._result is not None and not self._result.done():
            self._result.cancel()

    async def __aenter__(self) -> LoopbackCallback:
        return await self.start()

    async def __aexit__(self, *_exc: object) -> None:
        await self.close()

    async def result(self, timeout: float | None = None) -> CallbackResult:
        """The redirect's parameters, once the browser arrives (``TimeoutError`` after
        ``timeout`` seconds)."""
        assert self._result is not None, "start() first"
        return await asyncio.wait_for(asyncio.shield(self._result), timeout)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            writer.close()
            return
        request_line = head[:_MAX_REQUEST].split(b"\r\n", 1)[0].decode("latin-1")
        method, _, rest = request_line.partition(" ")
        target = rest.rpartition(" ")[0] or rest
        url = urlsplit(target)
        if method != "GET" or url.path != CALLBACK_PATH:
            self._respond(writer, 404, "Not the sign-in callback.")
            await writer.drain()
            writer.close()
            return
        query = {k: v[0] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        result = CallbackResult(
            code=query.get("code") or None,
            error=query.get("error") or None,
            error_description=query.get("error_description") or None,
            state_ok=secrets.compare_digest(query.get("state", ""), self.state),
        )
        if result.code and result.state_ok:
            message = "Signed in: workos-tui received the code."
        else:
            message = "The sign-in did not complete; see the terminal for why."
        self._respond(writer, 200, message)
        await writer.drain()
        writer.close()
        if self._result is not None and not self._result.done():
            self._result.set_result(result)

    @staticmethod
    def _respond(writer: asyncio.StreamWriter, status: int, message: str) -> None:
        body = _PAGE.format(message=message).encode("utf-8")
        reason = "OK" if status == 200 else "Not Found"
        writer.write(
            f"HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n"
            "Cache-Control: no-store\r\n\r\n".encode("ascii")
            + body
        )
