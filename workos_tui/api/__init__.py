"""The async WorkOS service layer (no Textual here, ever).

Everything is exported lazily: ``import workos_tui.api`` does not import httpx or pydantic until a
name is used. See docs/architecture.md for the contract.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_exports

if TYPE_CHECKING:
    from .client import WorkOSClient
    from .environment import Environment
    from .errors import (
        ApiError,
        AuthenticationError,
        BadRequestError,
        ConflictError,
        DecodeError,
        ForbiddenError,
        NetworkError,
        NotFoundError,
        RateLimitedError,
        ReadOnlyError,
        RequestTimeoutError,
        ServerError,
        UnprocessableError,
        ValidationError,
        WorkOSError,
    )
    from .facade import WorkOS
    from .pagination import Cursor, ListMetadata, ListParams, Page, PageOrder
    from .requestlog import RequestLog, RequestRecord
    from .retry import RetryPolicy
    from .vault_crypto import VaultCrypto

_EXPORTS = {
    "Environment": "environment",
    "WorkOSClient": "client",
    "WorkOS": "facade",
    "RequestLog": "requestlog",
    "RequestRecord": "requestlog",
    "RetryPolicy": "retry",
    "Page": "pagination",
    "ListMetadata": "pagination",
    "ListParams": "pagination",
    "PageOrder": "pagination",
    "Cursor": "pagination",
    "VaultCrypto": "vault_crypto",
    **{
        name: "errors"
        for name in (
            "WorkOSError",
            "ApiError",
            "BadRequestError",
            "AuthenticationError",
            "ForbiddenError",
            "NotFoundError",
            "ConflictError",
            "UnprocessableError",
            "RateLimitedError",
            "ServerError",
            "NetworkError",
            "RequestTimeoutError",
            "DecodeError",
            "ReadOnlyError",
            "ValidationError",
        )
    },
}

__all__ = [
    "ApiError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "Cursor",
    "DecodeError",
    "Environment",
    "ForbiddenError",
    "ListMetadata",
    "ListParams",
    "NetworkError",
    "NotFoundError",
    "Page",
    "PageOrder",
    "RateLimitedError",
    "ReadOnlyError",
    "RequestLog",
    "RequestRecord",
    "RequestTimeoutError",
    "RetryPolicy",
    "ServerError",
    "UnprocessableError",
    "ValidationError",
    "VaultCrypto",
    "WorkOS",
    "WorkOSClient",
    "WorkOSError",
]

__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)
