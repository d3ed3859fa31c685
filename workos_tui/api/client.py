"""The HTTP client: one ``httpx.AsyncClient`` per environment.

It authenticates, retries what is safe to retry, refuses mutations in read-only environments,
maps failures to typed errors and writes every request to the request log. Services build on
:meth:`WorkOSClient.request`; nothing above this module sees httpx.
"""

from __future__ import annotations

import asyncio
import json as jsonlib
import ssl
import time
import uuid
from collections.abc import Awaitable, Callable, Collection, Generator, Mapping
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

import httpx
import orjson
from pydantic import SecretStr

from workos_tui import __version__

from .environment import Environment
from .error_mapping import error_from_response, redact
from .errors import DecodeError, NetworkError, ReadOnlyError, RequestTimeoutError, WorkOSError
from .query import QueryValue, encode_query, redact_query
from .requestlog import RequestLog, RequestRecord
from .retry import RetryPolicy

USER_AGENT = f"workos-tui/{__version__}"
IDEMPOTENCY_HEADER = "Idempotency-Key"
REQUEST_ID_HEADER = "x-request-id"
SAFE_METHODS = frozenset({"GET", "HEAD"})
REDACTED_KEY = "[api key redacted]"
MAX_CONNECTIONS = 10
KEEPALIVE_SECONDS = 30.0

Sleep = Callable[[float], Awaitable[None]]


def decode_json(content: bytes) -> Any:
    """A response body's JSON, decoded once (orjson; the standard library for what it refuses).

    orjson is about twice as fast on list pages; it refuses integers beyond 64 bits and
    ``NaN``/``Infinity``, which Python's decoder accepts, so those bodies take the slow path.
    """
    try:
        return orjson.loads(content)
    except orjson.JSONDecodeError:
        return jsonlib.loads(content)


def tls_verification(base_url: str) -> ssl.SSLContext | bool:
    """The ``verify`` setting for an environment's base URL.

    ``True`` (httpx's verified default, CA bundle loaded) for ``https://``. A plain ``http://``
    base URL (the emulator, a local proxy) never speaks TLS: requests are paths under it and
    redirects are not followed. Loading the CA bundle for it would cost a noticeable part of
    the console's start, so it gets a context that trusts no certificate at all: were TLS ever
    attempted through it, verification would fail rather than pass.
    """
    if base_url.lower().startswith("http://"):
        return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # verifies; no CA loaded
    return True


class _BearerAuth(httpx.Auth):
    """Adds the API key per request so it is never stored in the client's default headers."""

    def __init__(self, environment: Environment) -> None:
        self._environment = environment

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        key = self._environment.api_key.get_secret_value()
        request.headers["Authorization"] = f"Bearer {key}"
        yield request

    def __repr__(self) -> str:
        return f"_BearerAuth(environment={self._environment.name!r})"


class _TokenAuth(httpx.Auth):
    """A per-request Bearer token other than the API key (never kept beyond the request)."""

    def __init__(self, token: SecretStr) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token.get_secret_value()}"
        yield request

    def __repr__(self) -> str:
        return "_TokenAuth(token=SecretStr('**********'))"


class WorkOSClient:
    """Async client for one WorkOS environment.

    ``transport`` is the test/demo seam (any ``httpx.AsyncBaseTransport``). ``backoff_base`` and
    ``sleep`` make retries fast and observable in tests.
    """

    def __init__(
        self,
        environment: Environment,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        request_log: RequestLog | None = None,
        max_retries: int = 3,
        connect_timeout: float = 5.0,
        read_timeout: float = 30.0,
        backoff_base: float = 0.5,
        max_backoff: float = 8.0,
        max_retry_after: float = 60.0,
        sleep: Sleep | None = None,
    ) -> None:
        self.environment = environment
        self.request_log = request_log if request_log is not None else RequestLog()
        self.retry_policy = RetryPolicy(
            max_retries=max_retries,
            backoff_base=backoff_base,
            max_backoff=max_backoff,
            max_retry_after=max_retry_after,
        )
        self.read_only = environment.read_only
        self._sleep: Sleep = sleep if sleep is not None else asyncio.sleep
        self._http = httpx.AsyncClient(
            base_url=environment.base_url,
            auth=_BearerAuth(environment),
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            limits=httpx.Limits(
                max_connections=MAX_CONNECTIONS,
                max_keepalive_connections=MAX_CONNECTIONS,
                keepalive_expiry=KEEPALIVE_SECONDS,
            ),
            transport=transport,
            verify=tls_verification(environment.base_url),
            follow_redirects=False,
        )

    def __repr__(self) -> str:
        return (
            f"WorkOSClient(environment={self.environment.name!r}, "
            f"base_url={self.environment.base_url!r}, read_only={self.read_only!r})"
        )

    @property
    def base_url(self) -> str:
        return str(self._http.base_url)

    @property
    def is_closed(self) -> bool:
        return self._http.is_closed

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, QueryValue] | None = None,
        json: Any = None,
        comma_joined: Collection[str] = (),
        idempotency_key: str | None = None,
        log_path: str | None = None,
        bearer: SecretStr | None = None,
    ) -> Any:
        """Send a request and return the parsed JSON body (``None`` for an empty body).

        ``comma_joined`` names array parameters the spec sends comma-joined; ``log_path`` is the
        path as logs and errors show it (for paths that embed a secret, e.g. an invitation token);
        ``bearer`` replaces the API key for operations authenticated otherwise (an SSO access
        token for ``GET /sso/profile``).
        Raises a :class:`~workos_tui.api.errors.WorkOSError` subclass on any failure.
        """
        method = method.upper()
        shown_path = log_path or path
        query = encode_query(params, comma_joined=comma_joined)
        started = time.monotonic()
        timestamp = datetime.now(UTC)

        def record(
            status: int | None, request_id: str | None, attempts: int, error: str | None
        ) -> None:
            self.request_log.append(
                RequestRecord(
                    method=method,
                    path=shown_path,
                    query=redact_query(query),
                    status=status,
                    duration_ms=(time.monotonic() - started) * 1000,
                    request_id=request_id,
                    attempts=attempts,
                    error=error,
                    timestamp=timestamp,
                    environment=self.environment.name,
                )
            )

        if self.read_only and method not in SAFE_METHODS:
            refusal = ReadOnlyError(
                f"Refused {method} {shown_path}: environment {self.environment.name!r} "
                "is read-only",
                method=method,
                path=shown_path,
            )
            record(None, None, 0, str(refusal))
            raise refusal

        headers: dict[str, str] = {}
        if method == "POST":
            headers[IDEMPOTENCY_HEADER] = idempotency_key or str(uuid.uuid4())
        repeatable = method in SAFE_METHODS or IDEMPOTENCY_HEADER in headers
        content = None if json is None else jsonlib.dumps(json).encode()
        if content is not None:
            headers["Content-Type"] = "application/json"

        attempts = 0
        while True:
            attempts += 1
            status: int | None = None
            request_id: str | None = None
            try:
                response = await self._http.request(
                    method,
                    path,
                    params=tuple(query),
                    content=content,
                    headers=headers,
                    auth=_TokenAuth(bearer) if bearer is not None else httpx.USE_CLIENT_DEFAULT,
                )
            except httpx.HTTPError as exc:
                error = self._transport_error(exc, method, shown_path)
            else:
                status = response.status_code
                request_id = response.headers.get(REQUEST_ID_HEADER)
                if response.is_success:
                    try:
                        data = self._decode(response, method, shown_path)
                    except DecodeError as decode_error:
                        record(status, request_id, attempts, str(decode_error))
                        raise
                    record(status, request_id, attempts, None)
                    return data
                error = error_from_response(
                    status, response.headers, response.content, method=method, path=shown_path
                )
            self._scrub(error)
            delay = self.retry_policy.delay_before_retry(attempts, error) if repeatable else None
            if delay is None:
                record(status, request_id, attempts, str(error))
                raise error
            await self._sleep(delay)

    def _transport_error(self, exc: httpx.HTTPError, method: str, path: str) -> WorkOSError:
        detail = str(exc) or type(exc).__name__
        if isinstance(exc, httpx.TimeoutException):
            return RequestTimeoutError(f"Request timed out ({detail})", method=method, path=path)
        if isinstance(exc, httpx.DecodingError):
            return DecodeError(
                f"Could not decode the response ({detail})", method=method, path=path
            )
        if isinstance(exc, httpx.TransportError):
            return NetworkError(f"Network error: {detail}", method=method, path=path)
        return NetworkError(f"HTTP error: {detail}", method=method, path=path)

    def _decode(self, response: httpx.Response, method: str, path: str) -> Any:
        if response.status_code == 204 or not response.content:
            return None
        try:
            return decode_json(response.content)
        except ValueError:
            raise DecodeError(
                "The response body is not JSON",
                status=response.status_code,
                request_id=response.headers.get(REQUEST_ID_HEADER),
                method=method,
                path=path,
            ) from None

    def _scrub(self, error: WorkOSError) -> None:
        """Belt and braces: an error message echoing the key (e.g. from a proxy) loses it."""
        key = self.environment.api_key.get_secret_value()
        if key and key in error.message:
            error.message = error.message.replace(key, REDACTED_KEY)
            error.args = (error.message,)
        if key and error._body is not None:
            error._body = redact(error._body, key, REDACTED_KEY)
