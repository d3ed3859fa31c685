"""The SDKs' host variables: ``WORKOS_API_HOSTNAME``, ``WORKOS_API_HTTPS``, ``WORKOS_API_PORT``.

The official Node SDK (and AuthKit for Next.js and Remix, which read these variables) builds its
base URL from three settings: the host name (default ``api.workos.com``), https (on unless
``WORKOS_API_HTTPS`` is set to something other than ``true``) and a port, appended only when one
is given. An app configured with ``WORKOS_API_HOSTNAME=localhost WORKOS_API_PORT=4100
WORKOS_API_HTTPS=false`` talks to ``http://localhost:4100``, and so does the console.

Where the SDKs would quietly read a typo as "http" (``WORKOS_API_HTTPS=True`` or ``=1`` means
http to them) or build a URL that cannot work (a port that is not a number), this module says so
instead: the console must not open a different environment than the app's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from workos_tui.config.errors import ConfigError

HOSTNAME_ENV = "WORKOS_API_HOSTNAME"
HTTPS_ENV = "WORKOS_API_HTTPS"
PORT_ENV = "WORKOS_API_PORT"
HOST_VARIABLES = (HOSTNAME_ENV, HTTPS_ENV, PORT_ENV)
DEFAULT_HOSTNAME = "api.workos.com"

# A host name (letters, digits, '.', '-', and '_' as container names have it) or a bracketed
# IPv6 address, optionally with a port: what the SDKs paste between "://" and the path.
_HOST = re.compile(r"(?P<host>[A-Za-z0-9_.-]+|\[[0-9A-Fa-f:.]+\])(?::(?P<port>[0-9]{1,5}))?")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _port(value: str, source: str) -> int:
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= 65535:
        raise ConfigError(f"{source} must be a port number from 1 to 65535 (got {value!r})")
    return int(value)


def url_from_host_variables(environ: Mapping[str, str]) -> str | None:
    """The base URL the Node SDK builds from the host variables; ``None`` when none is set.

    An empty variable counts as unset, as it does for the SDKs.
    """
    hostname = environ.get(HOSTNAME_ENV, "").strip()
    https = environ.get(HTTPS_ENV, "").strip()
    port = environ.get(PORT_ENV, "").strip()
    if not (hostname or https or port):
        return None
    match = _HOST.fullmatch(hostname or DEFAULT_HOSTNAME)
    if match is None:
        raise ConfigError(
            f"{HOSTNAME_ENV} must be a host name such as localhost or api.workos.com, without "
            f"scheme or path (got {hostname!r}; a whole URL goes in WORKOS_BASE_URL)"
        )
    if https not in ("", "true", "false"):
        raise ConfigError(
            f"{HTTPS_ENV} must be true or false (got {https!r}); the WorkOS SDKs read every "
            "value but 'true' as http, so workos-tui will not guess"
        )
    url = f"{'http' if https == 'false' else 'https'}://{match['host']}"
    if match["port"] is not None and port:
        raise ConfigError(f"{HOSTNAME_ENV} already has a port; {PORT_ENV} gives another")
    if match["port"] is not None:
        url += f":{_port(match['port'], HOSTNAME_ENV)}"
    elif port:
        url += f":{_port(port, PORT_ENV)}"
    return url


def same_server(first: str, second: str) -> bool:
    """Whether two base URLs address the same API: scheme, host, port (default or not), path."""
    a, b = urlsplit(first), urlsplit(second)
    try:
        ports = (
            a.port or _DEFAULT_PORTS.get(a.scheme.lower()),
            b.port or _DEFAULT_PORTS.get(b.scheme.lower()),
        )
    except ValueError:  # a malformed port: not comparable, so not the same
        return False
    return (
        a.scheme.lower() == b.scheme.lower()
        and (a.hostname or "") == (b.hostname or "")
        and ports[0] == ports[1]
        and a.path.rstrip("/") == b.path.rstrip("/")
    )
