"""Hostile requests get clean 4xx answers, and the keep-alive connection that carried them
serves the next request: HEAD on every route, deeply nested bodies, oversized bodies and
strings.

Each test sends everything over one httpx connection (``max_connections=1``) and checks, by
the client's own socket address, that the connection was not replaced.
"""

from __future__ import annotations

import re

import httpx

from workos_tui.emulator.http import MAX_JSON_DEPTH
from workos_tui.emulator.routes import all_tables
from workos_tui.emulator.routes.common import STRING_MAX
from workos_tui.emulator.testing import EmulatorHandle


def _one_connection(emulator: EmulatorHandle) -> httpx.Client:
    return emulator.client(limits=httpx.Limits(max_connections=1, max_keepalive_connections=1))


def _socket(response: httpx.Response) -> object:
    return response.extensions["network_stream"].get_extra_info("client_addr")


class _Connection:
    """Sends requests on one client and checks they all used the same socket."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client
        self.address: object = None

    def send(self, method: str, path: str, **kwargs: object) -> httpx.Response:
        response = self.client.request(method, path, **kwargs)  # type: ignore[arg-type]
        address = _socket(response)
        assert self.address in (None, address), f"{method} {path}: a new connection"
        self.address = address
        return response

    def still_works(self) -> None:
        r = self.send("GET", "/organizations", params={"limit": "1"})
        assert r.status_code == 200 and len(r.json()["data"]) == 1


def test_head_on_every_route_is_a_get_without_body_or_a_405(emulator: EmulatorHandle) -> None:
    get_paths = {d.path for t in all_tables() for d in t.defs if d.method == "GET"}
    other_only = {d.path for t in all_tables() for d in t.defs} - get_paths
    with _one_connection(emulator) as client:
        conn = _Connection(client)
        for template in sorted(get_paths):
            path = re.sub(r"\{[^}]+\}", "nope", template)
            head = conn.send("HEAD", path)
            assert head.status_code < 500, (path, head.status_code)
            assert head.content == b""
        for template in sorted(other_only):
            path = re.sub(r"\{[^}]+\}", "nope", template)
            head = conn.send("HEAD", path)
            assert head.status_code in (404, 405), (path, head.status_code)
        org_id = emulator.state["organizations"].order[0]
        for path in ("/organizations", f"/organizations/{org_id}", "/user_management/users"):
            got = conn.send("GET", path)
            head = conn.send("HEAD", path)
            assert head.status_code == got.status_code == 200
            assert head.content == b"" and got.content != b""
            assert head.headers["content-type"] == got.headers["content-type"]
            assert int(head.headers["content-length"]) == len(got.content)
        conn.still_works()


def test_deeply_nested_bodies_are_refused(emulator: EmulatorHandle) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    just_too_deep = b'{"name": "Deep", "metadata": ' + b"[" * MAX_JSON_DEPTH + b"]" * 64 + b"}"
    with _one_connection(emulator) as client:
        conn = _Connection(client)
        for body in (deep, b'{"a":' * 50_000 + b"1" + b"}" * 50_000, just_too_deep):
            r = conn.send(
                "POST", "/organizations", content=body, headers={"Content-Type": "application/json"}
            )
            assert r.status_code in (400, 422) and "nested deeper" in r.json()["message"]
            conn.still_works()
        r = conn.send("POST", "/user_management/authenticate", content=deep)
        assert r.status_code in (400, 422) and "nested deeper" in r.json()["message"]
        conn.still_works()


def test_oversized_bodies_get_413_and_nothing_is_stored(emulator: EmulatorHandle) -> None:
    before = len(emulator.state["organizations"])
    huge_name = "x" * 50_000_000
    with _one_connection(emulator) as client:
        conn = _Connection(client)
        r = conn.send("POST", "/organizations", json={"name": huge_name})
        assert r.status_code == 413 and r.json()["code"] == "request_entity_too_large"
        conn.still_works()
        just_over = {"name": "y" * (1024 * 1024)}
        assert conn.send("POST", "/organizations", json=just_over).status_code == 413
        conn.still_works()
        # Under the body limit, a name longer than any string field may be is a 422.
        long_name = {"name": "z" * (STRING_MAX + 1)}
        r = conn.send("POST", "/organizations", json=long_name)
        assert r.status_code == 422 and r.json()["errors"][0]["code"] == "too_long"
        org_id = emulator.state["organizations"].order[0]
        assert conn.send("PUT", f"/organizations/{org_id}", json=long_name).status_code == 422
        conn.still_works()
    assert len(emulator.state["organizations"]) == before


def test_garbage_and_wrong_shapes_keep_the_connection(emulator: EmulatorHandle) -> None:
    with _one_connection(emulator) as client:
        conn = _Connection(client)
        for body in (b"\xff\xfe\x00garbage", b"[1, 2, 3]", b'"just a string"', b"{" * 10):
            r = conn.send(
                "POST", "/organizations", content=body, headers={"Content-Type": "application/json"}
            )
            assert 400 <= r.status_code < 500, body
        assert conn.send("PATCH", "/organizations").status_code == 405
        assert conn.send("GET", "/no/such/route").status_code == 404
        conn.still_works()
