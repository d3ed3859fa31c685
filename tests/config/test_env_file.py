"""The SDKs' host variables and ``.env`` files, resolved: flag → environment → profile → default.

``WORKOS_API_HOSTNAME`` / ``WORKOS_API_HTTPS`` / ``WORKOS_API_PORT`` mean what they mean to the
official Node SDK and AuthKit (host default api.workos.com, https unless the variable is
``false``, port appended only when given); env files are read by python-dotenv without
interpolation, and only the ``WORKOS_*`` names the console knows are kept.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring_backends import MemoryKeyring
from pydantic import SecretStr

from workos_tui.api.environment import DEFAULT_BASE_URL
from workos_tui.config.credentials import KeyringStore
from workos_tui.config.env_file import MAX_FILE_BYTES, read_env_files
from workos_tui.config.errors import (
    ConfigError,
    ConflictingBaseUrlError,
    EnvFileError,
    MissingApiKeyError,
)
from workos_tui.config.resolve import resolve_environment
from workos_tui.config.settings import Profile, Settings

KEY = "sk_test_envfile_0001"
PROFILE_KEY = "sk_test_profile_0002"
COOKIE = "cookie-password-32-chars-long!!"


@pytest.fixture
def settings(memory_keyring: MemoryKeyring) -> Settings:
    settings = Settings()
    settings.add_profile(Profile(name="staging", base_url="http://staging.test"))
    KeyringStore().set("staging", SecretStr(PROFILE_KEY))
    return settings


def base_url(
    environ: dict[str, str],
    settings: Settings | None = None,
    *,
    profile: str | None = None,
    flag: str | None = None,
) -> str:
    """The base URL resolved from ``environ`` (with a key), the profile and the --base-url flag."""
    environment = resolve_environment(
        profile=profile,
        base_url=flag,
        settings=settings or Settings(),
        environ={"WORKOS_API_KEY": KEY, **environ},
    )
    return environment.base_url


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"WORKOS_API_HOSTNAME": "localhost"}, "https://localhost"),
        ({"WORKOS_API_HTTPS": "false"}, "http://api.workos.com"),
        ({"WORKOS_API_HTTPS": "true"}, "https://api.workos.com"),
        ({"WORKOS_API_PORT": "4100"}, "https://api.workos.com:4100"),
        (
            {"WORKOS_API_HOSTNAME": "localhost", "WORKOS_API_PORT": "4100"},
            "https://localhost:4100",
        ),
        (
            {
                "WORKOS_API_HOSTNAME": "localhost",
                "WORKOS_API_PORT": "4100",
                "WORKOS_API_HTTPS": "false",
            },
            "http://localhost:4100",
        ),
        (
            {"WORKOS_API_HOSTNAME": "emulator:4100", "WORKOS_API_HTTPS": "false"},
            "http://emulator:4100",
        ),
        ({"WORKOS_API_HOSTNAME": "[::1]", "WORKOS_API_PORT": "8080"}, "https://[::1]:8080"),
        ({"WORKOS_API_HOSTNAME": " api.eu.test ", "WORKOS_API_PORT": ""}, "https://api.eu.test"),
        (
            {"WORKOS_API_HOSTNAME": "", "WORKOS_API_HTTPS": "", "WORKOS_API_PORT": ""},
            DEFAULT_BASE_URL,
        ),
    ],
    ids=[
        "hostname",
        "https-false",
        "https-true",
        "port",
        "hostname+port",
        "all-three",
        "hostname-with-port",
        "ipv6",
        "spaces-and-empty-port",
        "all-empty-is-unset",
    ],
)
def test_host_variables_alone_and_combined(environ: dict[str, str], expected: str) -> None:
    assert base_url(environ) == expected


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"WORKOS_API_HTTPS": "True"}, "WORKOS_API_HTTPS must be true or false (got 'True')"),
        ({"WORKOS_API_HTTPS": "1"}, "every value but 'true' as http"),
        ({"WORKOS_API_HTTPS": "no"}, "must be true or false"),
        ({"WORKOS_API_PORT": "http"}, "WORKOS_API_PORT must be a port number"),
        ({"WORKOS_API_PORT": "0"}, "from 1 to 65535"),
        ({"WORKOS_API_PORT": "70000"}, "from 1 to 65535"),
        ({"WORKOS_API_PORT": "٤١٠٠"}, "must be a port number"),  # Arabic-Indic digits
        ({"WORKOS_API_HOSTNAME": "http://localhost"}, "without scheme or path"),
        ({"WORKOS_API_HOSTNAME": "localhost/v1"}, "a whole URL goes in WORKOS_BASE_URL"),
        ({"WORKOS_API_HOSTNAME": "ev\x1b]0;title\x07il"}, r"'ev\x1b]0;title\x07il'"),
        ({"WORKOS_API_HOSTNAME": "a b"}, "must be a host name"),
        ({"WORKOS_API_HOSTNAME": "h:1", "WORKOS_API_PORT": "2"}, "already has a port"),
        ({"WORKOS_API_HOSTNAME": "h:99999"}, "WORKOS_API_HOSTNAME must be a port number"),
    ],
)
def test_host_variables_that_would_mislead_are_refused(
    environ: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError) as info:
        base_url(environ)
    assert message in str(info.value)
    assert "\x1b" not in str(info.value)  # shown escaped, never raw


def test_precedence_flag_then_environment_then_profile_then_default(settings: Settings) -> None:
    host = {"WORKOS_API_HOSTNAME": "localhost", "WORKOS_API_PORT": "4100"}
    assert base_url(host, settings, flag="http://flag.test") == "http://flag.test"
    # the flag wins without reading the variables, even ones that would be refused
    bad = {"WORKOS_API_HTTPS": "yes", "WORKOS_BASE_URL": "http://other.test"}
    assert base_url(bad, settings, flag="http://flag.test") == "http://flag.test"
    assert base_url(host, settings, profile="staging") == "https://localhost:4100"
    assert base_url({}, settings, profile="staging") == "http://staging.test"
    assert base_url({}) == DEFAULT_BASE_URL


@pytest.mark.parametrize(
    "environ",
    [
        {"WORKOS_BASE_URL": "http://localhost:4100", "WORKOS_API_HOSTNAME": "api.workos.com"},
        {"WORKOS_BASE_URL": "http://localhost:4100", "WORKOS_API_HOSTNAME": "localhost"},
        {"WORKOS_BASE_URL": "https://api.workos.com", "WORKOS_API_PORT": "4100"},
        {"WORKOS_BASE_URL": "https://api.workos.com", "WORKOS_API_HTTPS": "false"},
        {"WORKOS_BASE_URL": "https://api.workos.com/v2", "WORKOS_API_HOSTNAME": "api.workos.com"},
    ],
)
def test_base_url_and_host_variables_that_disagree_stop(environ: dict[str, str]) -> None:
    with pytest.raises(ConflictingBaseUrlError) as info:
        base_url(environ)
    message = str(info.value)
    assert environ["WORKOS_BASE_URL"] in message
    assert "name different servers" in message and "pass --base-url to choose" in message
    assert KEY not in message


@pytest.mark.parametrize(
    "environ",
    [
        {"WORKOS_BASE_URL": "https://api.workos.com/", "WORKOS_API_HOSTNAME": "API.workos.com"},
        {"WORKOS_BASE_URL": "https://api.workos.com", "WORKOS_API_PORT": "443"},
        {
            "WORKOS_BASE_URL": "http://localhost:4100",
            "WORKOS_API_HOSTNAME": "localhost",
            "WORKOS_API_PORT": "4100",
            "WORKOS_API_HTTPS": "false",
        },
        {
            "WORKOS_BASE_URL": "http://localhost",
            "WORKOS_API_HOSTNAME": "localhost:80",
            "WORKOS_API_HTTPS": "false",
        },
    ],
)
def test_base_url_and_host_variables_that_agree_are_fine(environ: dict[str, str]) -> None:
    assert base_url(environ) == environ["WORKOS_BASE_URL"].rstrip("/")


def test_cookie_password_is_carried_as_a_secret() -> None:
    environment = resolve_environment(
        settings=Settings(),
        environ={"WORKOS_API_KEY": KEY, "WORKOS_COOKIE_PASSWORD": COOKIE},
    )
    assert isinstance(environment.cookie_password, SecretStr)
    assert environment.cookie_password.get_secret_value() == COOKIE
    assert "cookie-password" not in repr(environment) + str(environment)
    plain = resolve_environment(settings=Settings(), environ={"WORKOS_API_KEY": KEY})
    assert plain.cookie_password is None and plain.source is None


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_dotenv_syntax_comments_quotes_export(tmp_path: Path) -> None:
    path = write(
        tmp_path / ".env",
        "# the app's settings\n"
        f'export WORKOS_API_KEY="{KEY}"  # trailing comment\n'
        "WORKOS_CLIENT_ID='client_01ABC'\n"
        "  WORKOS_API_HOSTNAME = localhost # spaces around '='\n"
        'WORKOS_API_PORT="4100"\n'
        "WORKOS_API_HTTPS=false\n"
        'WORKOS_COOKIE_PASSWORD="a # is not a comment inside quotes"\n'
        "NEXT_PUBLIC_WORKOS_REDIRECT_URI=http://localhost:3000/callback\n"
        "WORKOS_WEBHOOK_SECRET=whsec_not_for_us\n"
        "DATABASE_URL='postgres://user:pw@db/app'\n"
        "WORKOS_API_PORT_UNUSED\n",
    )
    files = read_env_files([path])
    assert dict(files.values) == {
        "WORKOS_API_KEY": KEY,
        "WORKOS_CLIENT_ID": "client_01ABC",
        "WORKOS_API_HOSTNAME": "localhost",
        "WORKOS_API_PORT": "4100",
        "WORKOS_API_HTTPS": "false",
        "WORKOS_COOKIE_PASSWORD": "a # is not a comment inside quotes",
    }
    assert files.ignored == 4
    assert KEY not in repr(files) and "postgres" not in repr(files)
    environment = resolve_environment(
        settings=Settings(), environ=files.environ({}), source=files.label
    )
    assert environment.base_url == "http://localhost:4100"
    assert environment.client_id == "client_01ABC"
    assert environment.source == str(path)


def test_hostile_content_is_read_as_text(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = write(
        tmp_path / ".env",
        "WORKOS_API_KEY=$(rm -rf ~)\n"
        f"WORKOS_CLIENT_ID=`touch {marker}`\n"
        'WORKOS_COOKIE_PASSWORD="${HOME} $(id) `id`"\n'
        f"WORKOS_API_HOSTNAME=$(touch {marker})\n",
    )
    values = read_env_files([path]).values
    assert values["WORKOS_API_KEY"] == "$(rm -rf ~)"
    assert values["WORKOS_CLIENT_ID"] == f"`touch {marker}`"
    assert values["WORKOS_COOKIE_PASSWORD"] == "${HOME} $(id) `id`"
    assert not marker.exists()
    with pytest.raises(ConfigError, match=r"WORKOS_API_KEY in .* contains spaces"):
        resolve_environment(settings=Settings(), environ=dict(values), source=str(path))


def test_later_files_win_and_only_known_names_are_kept(tmp_path: Path) -> None:
    first = write(tmp_path / ".env", f"WORKOS_API_KEY={KEY}\nWORKOS_API_HOSTNAME=one.test\n")
    second = write(
        tmp_path / ".env.local", "WORKOS_API_HOSTNAME=two.test\nWORKOS_TUI_READ_ONLY=1\nA=b\n"
    )
    files = read_env_files([first, second])
    assert files.values == {
        "WORKOS_API_KEY": KEY,
        "WORKOS_API_HOSTNAME": "two.test",
        "WORKOS_TUI_READ_ONLY": "1",
    }
    assert files.label == f"{first}, {second}"
    assert read_env_files([second, first]).values["WORKOS_API_HOSTNAME"] == "one.test"


def test_the_files_replace_the_shells_connection_variables(tmp_path: Path) -> None:
    files = read_env_files([write(tmp_path / ".env", "WORKOS_API_HOSTNAME=localhost\n")])
    shell = {
        "WORKOS_API_KEY": "sk_live_shell_key_9",
        "WORKOS_BASE_URL": "https://api.workos.com",
        "WORKOS_TUI_READ_ONLY": "true",
        "HOME": "/home/someone",
    }
    environ = files.environ(shell)
    assert "WORKOS_API_KEY" not in environ and "WORKOS_BASE_URL" not in environ
    assert environ["WORKOS_TUI_READ_ONLY"] == "true" and environ["HOME"] == "/home/someone"
    assert files.shadowed(shell) == ["WORKOS_API_KEY", "WORKOS_BASE_URL"]
    # ... so the shell's key is not sent to the file's host: no key, no default profile
    with pytest.raises(MissingApiKeyError, match=r"\.env sets no WORKOS_API_KEY"):
        resolve_environment(settings=Settings(), environ=environ, source=files.label)


def test_an_env_file_never_picks_up_the_default_profile(settings: Settings, tmp_path: Path) -> None:
    files = read_env_files([write(tmp_path / ".env", "WORKOS_API_HOSTNAME=localhost\n")])
    with pytest.raises(MissingApiKeyError):
        resolve_environment(settings=settings, environ=files.environ({}), source=files.label)
    named = resolve_environment(
        profile="staging", settings=settings, environ=files.environ({}), source=files.label
    )
    assert named.api_key.get_secret_value() == PROFILE_KEY  # asked for by name
    assert named.base_url == "https://localhost"  # the file's, over the profile's


def test_production_guard_applies_to_env_files(tmp_path: Path) -> None:
    files = read_env_files([write(tmp_path / ".env", "WORKOS_API_KEY=sk_live_prod_from_file\n")])
    settings = Settings()
    environment = resolve_environment(settings=settings, environ=files.environ({}), source="x")
    assert environment.is_production and environment.read_only is False
    settings.production_read_only = True
    environment = resolve_environment(settings=settings, environ=files.environ({}), source="x")
    assert environment.is_production and environment.read_only is True
    flagged = resolve_environment(
        read_only=False, settings=settings, environ=files.environ({}), source="x"
    )
    assert flagged.read_only is False


def test_unreadable_files_say_so(tmp_path: Path) -> None:
    with pytest.raises(EnvFileError, match=r"cannot read env file .*missing\.env"):
        read_env_files([tmp_path / "missing.env"])
    with pytest.raises(EnvFileError, match="cannot read env file"):
        read_env_files([tmp_path])
    (tmp_path / "latin1.env").write_bytes(b"WORKOS_CLIENT_ID=caf\xe9\n")
    with pytest.raises(EnvFileError, match="is not UTF-8 text"):
        read_env_files([tmp_path / "latin1.env"])
    (tmp_path / "big.env").write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    with pytest.raises(EnvFileError, match="larger than 1 MiB"):
        read_env_files([tmp_path / "big.env"])
