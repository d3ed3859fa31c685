"""The demo emulator in a child process: :class:`EmulatorProcess`.

``workos-tui --demo`` starts it before importing the console, so seeding and serving run on
another core while the console loads. Only the standard library is imported here; the child
imports the emulator itself.

The parent binds the listening socket and hands it to the child, so :attr:`base_url` is known
at once: a request made before the child serves waits in the socket's backlog. Once the child
has it, the parent closes its copy, so if the child dies connections are refused instead of
hanging. The child stops when its stdin closes: when the console stops it or exits, however it
exits.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

from .sockets import listening_socket

STOP_SECONDS = 5.0

CHILD_CODE = """\
import json, sys
sys.path[:] = json.loads(sys.argv[1])
from workos_tui.emulator.process import serve_child
serve_child(int(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4]), sys.argv[5] == "1")
"""


def can_run_in_process() -> bool:
    """Whether a child process can take over a socket here (POSIX, with an interpreter path)."""
    return os.name == "posix" and bool(sys.executable)


class EmulatorProcess:
    """The demo emulator (``demo_state(scale)``) served by a child Python process.

    ``staging``: the demo's second environment instead (:func:`.demo_drift.staging_state`).
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        scale: int | None = None,
        *,
        show_errors: bool = False,
        staging: bool = False,
    ) -> None:
        self.host = host
        self.scale = scale
        self.staging = staging
        self.show_errors = show_errors
        self._sock: socket.socket | None = listening_socket(host, port)
        self.port: int = self._sock.getsockname()[1]
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def start(self) -> EmulatorProcess:
        """Start the child (returns at once: it seeds and serves while the caller goes on)."""
        if self._process is not None or self._sock is None:
            return self  # started already, or stopped
        fd = self._sock.fileno()
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                CHILD_CODE,
                json.dumps(sys.path),
                str(fd),
                str(int(self._sock.family)),
                json.dumps(self.scale),
                "1" if self.staging else "0",
            ],
            pass_fds=(fd,),
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            # The console owns the terminal: the child writes to it only when asked to.
            stderr=None if self.show_errors else subprocess.DEVNULL,
            # Its own session: Ctrl-C at the terminal reaches the console only.
            start_new_session=True,
        )
        self._sock.close()
        self._sock = None
        return self

    @property
    def returncode(self) -> int | None:
        """The child's exit status once it has exited (``None`` while it runs)."""
        return None if self._process is None else self._process.poll()

    def stop(self) -> None:
        """Stop the child and wait for it (killed if it does not stop within a few seconds)."""
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        process = self._process
        if process is None:
            return
        if process.stdin is not None and not process.stdin.closed:
            process.stdin.close()
        try:
            process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def __enter__(self) -> EmulatorProcess:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def serve_child(fd: int, family: int, scale: int | None, staging: bool = False) -> None:
    """The child's side: serve the demo state on the inherited socket until stdin closes."""
    from .app import create_app
    from .demo import demo_state, live_present_ms
    from .demo_drift import staging_state
    from .server import EmulatorServer

    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP, fileno=fd)
    build = staging_state if staging else demo_state
    server = EmulatorServer(create_app(build(scale=scale, present_ms=live_present_ms())), sock=sock)
    server.start()
    try:
        sys.stdin.buffer.read()  # returns at end of file: the console closed the pipe or exited
    finally:
        server.stop()
