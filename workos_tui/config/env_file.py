"""An app's ``.env`` files as the console's environment (``--env-file``, ``login --from-env-file``).

The files are read by python-dotenv (comments, single and double quotes, ``export``, multi-line
quoted values) with interpolation off: ``$(...)``, backticks and ``${VAR}`` stay literal text, and
nothing in a file is ever expanded, run or put in the process environment.

Only the names the console knows are kept (``KNOWN_VARIABLES``); every other name is ignored,
counted but never looked at. Several files may be given: a later file's value replaces an earlier
one's, as ``node --env-file a --env-file b`` and ``dotenv -f`` chains do.

The files stand for one whole environment: the process environment's connection variables
(``CONNECTION_VARIABLES``: key, client id, base URL and host variables, cookie password) are not
consulted while env files are given, so a key left in the shell is never sent to the host the
file names, nor the file's key to the shell's host. ``WORKOS_TUI_READ_ONLY`` and
``WORKOS_TUI_PROFILE`` are preferences rather than connection settings: a file may set them, and
the shell's apply otherwise. Flags still beat both.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workos_tui.config.api_host import HOST_VARIABLES
from workos_tui.config.errors import EnvFileError
from workos_tui.config.resolve import (
    API_KEY_ENV,
    BASE_URL_ENV,
    CLIENT_ID_ENV,
    COOKIE_PASSWORD_ENV,
    PROFILE_ENV,
    READ_ONLY_ENV,
)

logger = logging.getLogger(__name__)

CONNECTION_VARIABLES = (
    API_KEY_ENV,
    CLIENT_ID_ENV,
    BASE_URL_ENV,
    *HOST_VARIABLES,
    COOKIE_PASSWORD_ENV,
)
KNOWN_VARIABLES = (*CONNECTION_VARIABLES, PROFILE_ENV, READ_ONLY_ENV)
SECRET_VARIABLES = (API_KEY_ENV, COOKIE_PASSWORD_ENV)
MAX_FILE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class EnvFiles:
    """The known ``WORKOS_*`` settings of one or more env files (later files win).

    ``values`` holds secrets (the API key, the cookie password) and is left out of the repr.
    """

    paths: tuple[Path, ...]
    values: Mapping[str, str] = field(repr=False)
    ignored: int = 0

    @property
    def label(self) -> str:
        """The files as the user named them, for the header and messages."""
        return ", ".join(str(path) for path in self.paths)

    def secrets(self) -> list[str]:
        """The secret values the files hold, for masking in error messages."""
        return [self.values[name] for name in SECRET_VARIABLES if self.values.get(name)]

    def environ(self, process: Mapping[str, str]) -> dict[str, str]:
        """The environment to resolve with: ``process`` without its connection variables, then
        the files' values on top."""
        merged = {
            name: value for name, value in process.items() if name not in CONNECTION_VARIABLES
        }
        merged.update(self.values)
        return merged

    def shadowed(self, process: Mapping[str, str]) -> list[str]:
        """Connection variables of ``process`` that the files make the console ignore."""
        return [
            name
            for name in CONNECTION_VARIABLES
            if process.get(name, "").strip() and process[name] != self.values.get(name)
        ]


def _read_text(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise EnvFileError(f"cannot read env file {path}: {error.strerror}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise EnvFileError(f"env file {path} is larger than 1 MiB; is it really a .env file?")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise EnvFileError(f"env file {path} is not UTF-8 text") from None


def read_env_files(paths: Sequence[Path]) -> EnvFiles:
    """The known ``WORKOS_*`` settings of ``paths``, read in order (later files win)."""
    from dotenv import dotenv_values  # only when an env file is given

    values: dict[str, str] = {}
    ignored: set[str] = set()
    for path in paths:
        parsed = dotenv_values(stream=io.StringIO(_read_text(path)), interpolate=False)
        for name, value in parsed.items():
            if name not in KNOWN_VARIABLES:
                ignored.add(name)
            elif value is not None:  # a bare NAME line sets nothing
                values[name] = value
    files = EnvFiles(paths=tuple(paths), values=values, ignored=len(ignored))
    logger.debug(
        "env files %s: %s (other names ignored: %d)",
        files.label,
        ", ".join(sorted(values)) or "no known settings",
        files.ignored,
    )
    return files
