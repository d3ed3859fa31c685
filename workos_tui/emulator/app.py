"""The ASGI application: authentication, fault-injection hooks, exchange recording, routes."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import UNAUTHORIZED_BODY
from .hooks import Hook, HookError
from .http import json_response, starlette_routes
from .idempotency import MISMATCH_CODE, MISMATCH_MESSAGE, Entry, fingerprint
from .routes import all_tables, export_download_routes, hosted_sign_in_routes
from .state import EmulatorState
from .webhook_delivery import WebhookDelivery
from .webhook_routes import delivery_routes

DEFAULT_API_KEY = "sk_test_default"
DEFAULT_MAX_BODY_BYTES = 1024 * 1024  # larger request bodies get 413 (the connection stays up)
IDEMPOTENCY_HEADER = b"idempotency-key"
INTERNAL_ERROR_BODY = {"message": "Internal error in the emulator.", "code": "internal_error"}
logger = logging.getLogger(__name__)
OPEN_PREFIXES = ("/_emulate", "/health")
REQUEST_ID_HEADER = b"x-request-id"  # a fresh id on every response, like WorkOS


@dataclass(frozen=True)
class Exchange:
    """One request/response pair seen by the emulator (given to the ``recorder``)."""

    method: str
    path: str
    query_string: str
    request_headers: dict[str, str]
    request_body: bytes
    status: int
    response_headers: dict[str, str]
    response_body: bytes
    hooked: bool

    def json(self) -> Any:
        return json.loads(self.response_body) if self.response_body else None


Recorder = Callable[[Exchange], None]


# Operations the spec declares with ``security: []`` (browser redirects, OAuth token exchanges
# that carry their own client credentials, the JWKS) or with their own scheme (``/sso/profile``
# takes an SSO access token): the handler authenticates them, not the API key.
PUBLIC_PATHS = frozenset(
    {
        "/sso/authorize",
        "/sso/logout",
        "/sso/profile",
        "/sso/token",
        "/user_management/authorize",
        "/user_management/authorize/device",
        # The spec says bearer, but the official SDKs' public (PKCE) clients send no API key:
        # the grant carries its own proof (client_secret, code_verifier, refresh token ...).
        "/user_management/authenticate",
        "/user_management/sessions/logout",
    }
)
PUBLIC_PREFIXES = ("/sso/jwks/",)
# A Magic Link's ``/passwordless/{token}/confirm`` is opened by the user's browser.
PUBLIC_PATTERN = re.compile(r"/passwordless/[^/]+/confirm")


def _is_open(path: str) -> bool:
    return path == "/health" or path == "/_emulate" or path.startswith("/_emulate/")


def _is_public(path: str) -> bool:
    return (
        path in PUBLIC_PATHS
        or path.startswith(PUBLIC_PREFIXES)
        or PUBLIC_PATTERN.fullmatch(path) is not None
    )


class EmulatorMiddleware:
    """Records exchanges, applies hooks, and enforces Bearer authentication."""

    def __init__(
        self,
        app: ASGIApp,
        state: EmulatorState,
        api_keys: frozenset[str],
        recorder: Recorder | None,
    ) -> None:
        self.app = app
        self.state = state
        self.api_keys = api_keys
        self.recorder = recorder
        self.max_body_bytes = DEFAULT_MAX_BODY_BYTES  # tests may lower it
        self.dropper: Callable[[Scope], bool] | None = None
        self.in_flight = 0  # HTTP requests being answered (read by EmulatorServer.wait_idle)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.in_flight += 1
        try:
            await self._answer(scope, receive, send)
        finally:
            self.in_flight -= 1

    async def _answer(self, scope: Scope, receive: Receive, send: Send) -> None:
        # A body over the limit is read to its end (so the connection can carry the next
        # request) but not kept.
        body = bytearray()
        too_large = _content_length(scope) > self.max_body_bytes
        while True:
            message = await receive()
            if message["type"] == "http.request":
                chunk = message.get("body", b"")
                too_large = too_large or len(body) + len(chunk) > self.max_body_bytes
                if not too_large:
                    body.extend(chunk)
                if not message.get("more_body", False):
                    break
            elif message["type"] == "http.disconnect":
                return
        request_body = b"" if too_large else bytes(body)

        async def replay() -> Message:
            return {"type": "http.request", "body": request_body, "more_body": False}

        status = 0
        response_headers: dict[str, str] = {}
        response_body = bytearray()

        request_id = str(uuid.uuid4()).encode()

        held_start: Message | None = None
        forwarded = False  # something has gone to the client: too late for a clean 500
        head = scope["method"] == "HEAD"

        async def capture(message: Message) -> None:
            # The response start is held back until the body comes, and the exchange is
            # recorded before the last body message leaves: a client that has its answer (even
            # a Content-Length: 0 one, complete with its headers) finds it in the recorder.
            nonlocal status, held_start, forwarded
            if message["type"] == "http.response.start":
                status = message["status"]
                if not any(k.lower() == REQUEST_ID_HEADER for k, _ in message.get("headers", [])):
                    headers = [*message.get("headers", []), (REQUEST_ID_HEADER, request_id)]
                    message = {**message, "headers": headers}
                for k, v in message.get("headers", []):
                    response_headers[k.decode("latin-1").lower()] = v.decode("latin-1")
                held_start = message
                return
            if message["type"] == "http.response.body":
                if head:  # what a GET would answer, headers only
                    message = {**message, "body": b""}
                response_body.extend(message.get("body", b""))
                if not message.get("more_body", False):
                    record()
            forwarded = True
            if held_start is not None:
                start, held_start = held_start, None
                await send(start)
            await send(message)

        method: str = scope["method"]
        path: str = scope["path"]
        hook = None if _is_open(path) else self.state.hooks.match(method, path)
        recorded = False

        def record() -> None:
            nonlocal recorded
            if self.recorder is None or recorded:
                return
            recorded = True
            headers = {
                k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]
            }
            self.recorder(
                Exchange(
                    method=method,
                    path=path,
                    query_string=scope.get("query_string", b"").decode("latin-1"),
                    request_headers=headers,
                    request_body=request_body,
                    status=status,
                    response_headers=response_headers,
                    response_body=bytes(response_body),
                    hooked=hook is not None,
                )
            )

        try:
            if too_large:
                limit = self.max_body_bytes
                body_413 = {
                    "message": f"The request body is larger than {limit} bytes.",
                    "code": "request_entity_too_large",
                }
                await json_response(body_413, 413)(scope, replay, capture)
            elif hook is not None:
                await self._apply_hook(hook, scope, replay, capture, request_body)
            elif _is_open(path):
                await self.app(scope, replay, capture)
            else:
                await self._serve(scope, replay, capture, request_body)
        except ConnectionAbortedError:
            raise  # a drop hook closing the connection on purpose
        except Exception:
            # A bug must not cost the client its keep-alive connection (uvicorn closes it
            # after an exception): answer a clean 500 when nothing has been sent yet.
            logger.exception("emulator error answering %s %s", method, path)
            if forwarded:
                raise
            held_start = None
            response_headers.clear()
            response_body.clear()
            await json_response(INTERNAL_ERROR_BODY, 500)(scope, replay, capture)
        record()  # no complete response (a dropped connection): recorded with status 0

    async def _serve(self, scope: Scope, receive: Receive, send: Send, body: bytes) -> None:
        """Authenticate, then answer, replaying the first answer to a repeated idempotency key."""
        if not _is_public(scope["path"]) and not self._authorized(scope):
            await json_response(UNAUTHORIZED_BODY, 401)(scope, receive, send)
            return
        key = _idempotency_key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        store = self.state.idempotency
        mark = fingerprint(scope["method"], scope["path"], scope.get("query_string", b""), body)
        while (seen := store.get(key)) is not None:
            if seen.fingerprint != mark:
                mismatch = {"message": MISMATCH_MESSAGE, "code": MISMATCH_CODE}
                await json_response(mismatch, 400)(scope, receive, send)
                return
            if seen.done:
                await _replay(seen, send)
                return
            await seen.finished.wait()  # the first request with this key is being answered
        entry = store.begin(key, mark)
        status = 0
        headers: list[tuple[bytes, bytes]] = []
        kept = bytearray()

        async def keep(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers.extend(
                    (k, v) for k, v in message.get("headers", []) if k.lower() != REQUEST_ID_HEADER
                )
            elif message["type"] == "http.response.body":
                kept.extend(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, keep)
        finally:
            store.finish(key, entry, status, headers, bytes(kept))

    def _authorized(self, scope: Scope) -> bool:
        for name, value in scope["headers"]:
            if name.lower() == b"authorization":
                scheme, _, token = value.decode("latin-1").partition(" ")
                return scheme.lower() == "bearer" and token.strip() in self.api_keys
        return False

    async def _apply_hook(
        self, hook: Hook, scope: Scope, receive: Receive, send: Send, body: bytes
    ) -> None:
        if hook.latency_ms:
            await asyncio.sleep(hook.latency_ms / 1000)
        if hook.drop:
            if self.dropper is not None and self.dropper(scope):
                # Let the transport notice it is closed so the server sends nothing.
                for _ in range(3):
                    await asyncio.sleep(0)
                return
            raise ConnectionAbortedError("hook asked to drop the connection")
        if hook.status is None:
            # Latency only: then answered as usual (a slow first attempt whose retry was
            # answered meanwhile finds its idempotency key and creates nothing twice).
            await self._serve(scope, receive, send, body)
            return
        if hook.body is None:
            body = b""
        elif isinstance(hook.body, str):
            body = hook.body.encode()
        else:
            body = json.dumps(hook.body).encode()
        headers = {"content-type": "application/json"} if hook.body is not None else {}
        headers.update(hook.headers)
        await Response(body, status_code=hook.status, headers=headers)(scope, receive, send)


def _content_length(scope: Scope) -> int:
    for name, value in scope["headers"]:
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return 0
    return 0


def _idempotency_key(scope: Scope) -> tuple[str, str] | None:
    """``(API key, Idempotency-Key)`` of a POST that carries the header, else None."""
    if scope["method"] != "POST":
        return None
    token = ""
    key = ""
    for name, value in scope["headers"]:
        lowered = name.lower()
        if lowered == IDEMPOTENCY_HEADER:
            key = value.decode("latin-1").strip()
        elif lowered == b"authorization":
            token = value.decode("latin-1").partition(" ")[2].strip()
    return (token, key) if key else None


async def _replay(entry: Entry, send: Send) -> None:
    await send({"type": "http.response.start", "status": entry.status, "headers": entry.headers})
    await send({"type": "http.response.body", "body": entry.body, "more_body": False})


def _emulate_routes(state: EmulatorState) -> list[Route]:
    async def health(request: Request) -> Response:
        return json_response({"status": "ok"})

    async def hooks(request: Request) -> Response:
        if request.method == "GET":
            return json_response({"data": [h.as_json() for h in state.hooks.list()]})
        if request.method == "DELETE":
            state.hooks.clear()
            return json_response({"deleted": True})
        try:
            payload = json.loads(await request.body() or b"null")
            hook = state.hooks.add_from_json(payload)
        except (ValueError, HookError) as exc:
            return json_response({"message": str(exc), "code": "invalid_hook"}, 400)
        return json_response(hook.as_json(), 201)

    async def hook(request: Request) -> Response:
        hook_id = request.path_params["hook_id"]
        if state.hooks.remove(hook_id):
            return json_response({"id": hook_id, "deleted": True})
        return json_response({"message": f"Hook not found: '{hook_id}'."}, 404)

    return [
        Route("/health", health, methods=["GET"]),
        Route("/_emulate/hooks", hooks, methods=["GET", "POST", "DELETE"]),
        Route("/_emulate/hooks/{hook_id}", hook, methods=["DELETE"]),
    ]


def create_app(
    state: EmulatorState,
    api_keys: Iterable[str] = frozenset({DEFAULT_API_KEY}),
    recorder: Recorder | None = None,
    webhooks: WebhookDelivery | None = None,
) -> Starlette:
    """The emulator as a Starlette app serving ``state``.

    ``recorder`` receives an :class:`Exchange` for every HTTP request (from the server thread).
    ``app.state.emulator`` is the :class:`EmulatorMiddleware` (``EmulatorServer`` uses it to
    drop connections); ``app.state.data`` is ``state``; ``app.state.webhooks`` is the
    :class:`WebhookDelivery` that delivers its events (``webhooks``, else a loopback-only one).
    """

    async def not_found(request: Request, exc: Exception) -> Response:
        return json_response({"message": "Not Found", "code": "not_found"}, 404)

    async def not_allowed(request: Request, exc: Exception) -> Response:
        return json_response({"message": "Method Not Allowed", "code": "method_not_allowed"}, 405)

    deliveries = webhooks if webhooks is not None else WebhookDelivery()
    deliveries.attach(state)
    app = Starlette(
        routes=_emulate_routes(state)
        + delivery_routes(deliveries)
        + starlette_routes(
            state, [*all_tables(), hosted_sign_in_routes(), export_download_routes()]
        ),
        exception_handlers={404: not_found, 405: not_allowed},
    )
    middleware = EmulatorMiddleware(app.router, state, frozenset(api_keys), recorder)
    app.state.data = state
    app.state.emulator = middleware
    app.state.webhooks = deliveries
    app.add_middleware(_Wrap, middleware=middleware)
    return app


class _Wrap:
    """Adapter so :class:`EmulatorMiddleware` sits outermost inside Starlette's stack."""

    def __init__(self, app: ASGIApp, middleware: EmulatorMiddleware) -> None:
        middleware.app = app
        self.middleware = middleware

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.middleware(scope, receive, send)
