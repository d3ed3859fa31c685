"""Fault injection compatible with the official WorkOS emulator's ``/_emulate/hooks`` API.

A hook is ``{"method": "GET" | "*", "path": "/organizations/*", "status": 503, "body": {...},
"count": 2}``; it fires on matching requests (``count`` times, then removes itself; forever when
``count`` is absent).  Extensions: ``latency_ms`` delays the answer (the normal one when no
``status`` is given) and ``drop: true`` closes the connection without any response.

Paths match exactly, or with ``*`` matching any run of characters (so ``/users/*`` matches every
path below ``/users/`` and ``/*`` matches everything).
"""

from __future__ import annotations

import itertools
import re
import threading
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Hook:
    id: str
    method: str
    path: str
    status: int | None = None
    body: Any = None
    count: int | None = None
    latency_ms: int = 0
    drop: bool = False
    headers: dict[str, str] = field(default_factory=dict)
    fired: int = 0
    pattern: re.Pattern[str] = field(default=re.compile(""), repr=False)

    def matches(self, method: str, path: str) -> bool:
        if self.method != "*" and self.method.upper() != method.upper():
            return False
        return self.pattern.fullmatch(path) is not None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "method": self.method,
            "path": self.path,
            "status": self.status,
            "body": self.body,
            "count": self.count,
            "remaining": None if self.count is None else self.count - self.fired,
            "latency_ms": self.latency_ms,
            "drop": self.drop,
            "headers": self.headers,
        }


def compile_path(path: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in path.split("*")))


class HookError(ValueError):
    pass


class HookRegistry:
    """Thread-safe list of hooks; the first matching hook fires."""

    def __init__(self) -> None:
        self._hooks: list[Hook] = []
        self._lock = threading.Lock()
        self._ids = itertools.count(1)

    def add(
        self,
        *,
        method: str = "*",
        path: str = "/*",
        status: int | None = None,
        body: Any = None,
        count: int | None = None,
        latency_ms: int = 0,
        drop: bool = False,
        headers: dict[str, str] | None = None,
    ) -> Hook:
        if not path.startswith("/"):
            raise HookError("path must start with '/'")
        if status is not None and not 100 <= status <= 599:
            raise HookError("status must be an HTTP status code")
        if count is not None and count < 1:
            raise HookError("count must be at least 1")
        if latency_ms < 0:
            raise HookError("latency_ms must not be negative")
        if status is None and not drop and latency_ms == 0:
            raise HookError("a hook needs a status, latency_ms or drop")
        hook = Hook(
            id=f"hook_{next(self._ids)}",
            method=method.upper() if method != "*" else "*",
            path=path,
            status=status,
            body=body,
            count=count,
            latency_ms=latency_ms,
            drop=drop,
            headers=dict(headers or {}),
            pattern=compile_path(path),
        )
        with self._lock:
            self._hooks.append(hook)
        return hook

    def add_from_json(self, data: Any) -> Hook:
        if not isinstance(data, dict):
            raise HookError("body must be a JSON object")
        try:
            status = data.get("status")
            count = data.get("count")
            headers = data.get("headers")
            return self.add(
                method=str(data.get("method", "*")),
                path=str(data.get("path", "/*")),
                status=int(status) if status is not None else None,
                body=data.get("body"),
                count=int(count) if count is not None else None,
                latency_ms=int(data.get("latency_ms") or 0),
                drop=bool(data.get("drop", False)),
                headers={str(k): str(v) for k, v in headers.items()}
                if isinstance(headers, dict)
                else None,
            )
        except (TypeError, ValueError) as exc:
            raise HookError(str(exc)) from exc

    def match(self, method: str, path: str) -> Hook | None:
        """Find the first matching hook and count one firing (removing it when used up)."""
        with self._lock:
            for hook in self._hooks:
                if hook.matches(method, path):
                    hook.fired += 1
                    if hook.count is not None and hook.fired >= hook.count:
                        self._hooks.remove(hook)
                    return hook
        return None

    def list(self) -> list[Hook]:
        with self._lock:
            return list(self._hooks)

    def remove(self, hook_id: str) -> bool:
        with self._lock:
            for hook in self._hooks:
                if hook.id == hook_id:
                    self._hooks.remove(hook)
                    return True
        return False

    def clear(self) -> None:
        with self._lock:
            self._hooks.clear()
