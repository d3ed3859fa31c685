"""The ``workos-tui`` command: parse the command line and dispatch; the logic lives in config/.

Everything beyond argparse is imported only once a command needs it: ``--version`` and
``--help`` load nothing else, and only launching the console imports textual.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from workos_tui import __version__

if TYPE_CHECKING:
    from workos_tui.api.environment import Environment
    from workos_tui.config.demo_profiles import DemoProfiles
    from workos_tui.emulator.process import EmulatorProcess
    from workos_tui.emulator.server import EmulatorServer
    from workos_tui.ui.profiles import ProfileSource

    DemoEmulator = EmulatorProcess | EmulatorServer

DEBUG_ENV = "WORKOS_TUI_DEBUG"

if "httpx" not in sys.modules:
    # httpx imports its own command-line client (click, pygments, rich.syntax: some 70 ms of
    # start-up) whenever click is installed, and uvicorn, the emulator's server, installs it.
    # This process never runs httpx's command line: marked missing, that module is skipped and
    # httpx defines its stub ``main`` instead. Done here, in our command, not in the api package,
    # which other programs may import beside httpx's CLI.
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

EPILOG = """\
where settings come from (first match wins, per setting):
  1. flags              --api-key, --base-url, --read-only / --no-read-only
  2. environment        WORKOS_API_KEY, WORKOS_BASE_URL (or the SDKs' WORKOS_API_HOSTNAME,
                        WORKOS_API_HTTPS, WORKOS_API_PORT), WORKOS_CLIENT_ID,
                        WORKOS_COOKIE_PASSWORD, WORKOS_TUI_READ_ONLY; with --env-file the
                        files' values, and the shell's connection variables are ignored
  3. the profile        --profile, else WORKOS_TUI_PROFILE, else the default profile
                        (the default profile is skipped when a key comes from 1 or 2,
                        or when --env-file is given)
  4. defaults           https://api.workos.com; read-only off (on for sk_live_ keys when the
                        config sets production_read_only = true)

credentials:
  API keys live in the OS keyring (service "workos-tui"), never in the config file.
  Without a working keyring use WORKOS_API_KEY, or `workos-tui login --store file` to keep
  keys in a passphrase-encrypted file (WORKOS_TUI_PASSPHRASE supplies the passphrase).
  Config dir: WORKOS_TUI_CONFIG_DIR overrides the platform default.
"""


class _Parser(argparse.ArgumentParser):
    """argparse, with anything shaped like an API key masked out of its error messages."""

    def error(self, message: str) -> NoReturn:
        from workos_tui.config.errors import redact_keys

        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {redact_keys(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``workos-tui``."""
    parser = _Parser(
        prog="workos-tui",
        description="A keyboard-first terminal admin console for WorkOS.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"workos-tui {__version__}")
    parser.add_argument("--demo", action="store_true", help="explore the embedded demo emulator")
    parser.add_argument("--profile", metavar="NAME", help="use a saved profile")
    parser.add_argument(
        "--api-key", metavar="KEY", help="API key (prefer WORKOS_API_KEY: flags land in history)"
    )
    parser.add_argument("--base-url", metavar="URL", help="API base URL")
    parser.add_argument(
        "--env-file",
        action="append",
        type=Path,
        metavar="PATH",
        help="take the WORKOS_* settings of an app's .env file (repeatable; later files win)",
    )
    parser.add_argument(
        "--read-only",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="refuse every change (--no-read-only overrides a profile's default)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    login = commands.add_parser("login", help="add a profile; the key is checked before saving")
    login.add_argument("--name", help="profile name (asked when missing)")
    login.add_argument("--base-url", dest="login_base_url", metavar="URL", help="API base URL")
    login.add_argument("--client-id", metavar="ID", help="client id (client_...)")
    login.add_argument(
        "--from-env-file",
        action="append",
        type=Path,
        metavar="PATH",
        help="save the environment of an app's .env file (key, base URL, client id)",
    )
    _add_store_option(login)
    login.add_argument(
        "--read-only",
        dest="login_read_only",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="open this profile read-only by default (asked for live keys)",
    )
    login.add_argument("--replace", action="store_true", help="overwrite a profile of that name")

    profiles = commands.add_parser("profiles", help="list, set the default, remove")
    actions = profiles.add_subparsers(dest="profiles_command", metavar="ACTION")
    actions.add_parser("list", help="list profiles (the default)")
    default = actions.add_parser("default", help="set the default profile")
    default.add_argument("name", metavar="NAME")
    remove = actions.add_parser("remove", help="remove a profile and its stored key")
    remove.add_argument("name", metavar="NAME")

    importer = commands.add_parser(
        "import-workos-cli", help="import the environments of the official WorkOS CLI"
    )
    importer.add_argument("--path", type=Path, help="its config file (~/.workos/config.json)")
    importer.add_argument(
        "--no-keychain", action="store_true", help="read only the file, not the system keychain"
    )
    _add_store_option(importer)
    importer.add_argument("--replace", action="store_true", help="overwrite existing profiles")

    emulator = commands.add_parser("emulator", help="serve the WorkOS emulator alone")
    emulator.add_argument("--host", default="127.0.0.1", help="interface (default 127.0.0.1)")
    emulator.add_argument("--port", type=int, default=4100, help="port (default 4100)")
    emulator.add_argument("--seed", type=Path, metavar="FILE", help="seed data file")
    emulator.add_argument(
        "--scale", type=int, metavar="N", help="demo data with N users (default about 500)"
    )
    emulator.add_argument("--state", type=Path, metavar="FILE", help="persist state to FILE")
    emulator.add_argument(
        "--allow-remote-webhooks",
        action="store_true",
        help="deliver webhooks to any host (default: loopback endpoints only)",
    )
    return parser


def _add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        choices=("keyring", "file"),
        default="keyring",
        help="where the key goes: OS keyring (default) or passphrase-encrypted file",
    )


def _ask_secret(prompt: str) -> str:
    return getpass.getpass(prompt)


def _yes(prompt: str) -> bool:
    try:
        return input(prompt).strip().lower() not in ("n", "no")
    except EOFError:
        return True


def run_login(args: argparse.Namespace) -> int:
    from workos_tui.config import load_settings, open_store
    from workos_tui.config.login import LoginOptions, login

    settings = load_settings()
    options = LoginOptions(
        name=args.name,
        base_url=args.login_base_url,
        client_id=args.client_id,
        read_only=args.login_read_only,
        key_store=args.store,
        replace=args.replace,
    )
    if args.from_env_file:
        from workos_tui.config.env_file import read_env_files
        from workos_tui.config.login import options_from_env_files

        files = read_env_files(args.from_env_file)
        args.secrets.extend(files.secrets())
        options = options_from_env_files(files, options)
    store = open_store(args.store, ask_secret=_ask_secret)
    profile = login(settings, options, store=store, ask=input, ask_secret=_ask_secret)
    kind = "production profile" if profile.production else "profile"
    print(f"Saved {kind} {profile.name!r}; its key is in {store.description}.")
    if settings.default_profile == profile.name:
        print(f"{profile.name!r} is the default profile.")
    return 0


def run_profiles(args: argparse.Namespace) -> int:
    from workos_tui.config import load_settings, open_store, save_settings
    from workos_tui.config.profiles import describe_profiles, remove_profile

    settings = load_settings()
    if args.profiles_command == "default":
        settings.set_default(args.name)
        save_settings(settings)
        print(f"{args.name!r} is now the default profile.")
    elif args.profiles_command == "remove":
        profile = settings.get_profile(args.name)
        store = open_store(profile.key_store, ask_secret=_ask_secret)
        removal = remove_profile(settings, args.name, store)
        if removal.warning:
            print(f"workos-tui: warning: {removal.warning}", file=sys.stderr)
        print(f"Removed profile {args.name!r}" + (" and its key." if removal.key_deleted else "."))
    else:
        lines = describe_profiles(settings)
        print("\n".join(lines) if lines else "No profiles yet: add one with `workos-tui login`.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from workos_tui.config import load_settings, open_store
    from workos_tui.config.credentials import KeyringStore
    from workos_tui.config.profiles import import_cli_environments
    from workos_tui.config.workos_cli import read_cli_environments

    environments = read_cli_environments(args.path, use_keyring=not args.no_keychain)
    settings = load_settings()
    store = open_store(args.store, ask_secret=_ask_secret)
    if isinstance(store, KeyringStore):
        store.check()
    report = import_cli_environments(
        settings,
        environments,
        store,
        key_store=args.store,
        replace=args.replace,
        confirm_production=lambda name: _yes(
            f"{name!r} has a live (production) key. Open it read-only by default? [Y/n] "
        ),
    )
    for profile in report.imported:
        print(f"Imported {profile.name!r}" + (" (production)" if profile.production else ""))
    for name, reason in report.skipped:
        print(f"Skipped {name!r}: {reason}")
    return 0 if report.imported or not report.skipped else 1


def run_emulator(args: argparse.Namespace) -> int:
    from workos_tui.emulator import run

    run(
        host=args.host,
        port=args.port,
        seed_file=args.seed,
        scale=args.scale,
        state_file=args.state,
        allow_remote_webhooks=args.allow_remote_webhooks,
    )
    return 0


def launch_console(
    environment: Environment, profiles: ProfileSource | None = None, theme: str | None = None
) -> None:
    """Open the console on ``environment`` (imports textual only now)."""
    from workos_tui.ui.app import WorkOSConsole

    console = WorkOSConsole(environment, profiles=profiles)
    if theme and theme in console.available_themes:
        console.theme = theme
    console.run()


def start_demo_emulator(staging: bool = False) -> DemoEmulator:
    """The demo emulator (``staging``: the demo's second environment), started (seeded and
    serving, or about to be).

    A child process where one can take over a socket: it seeds on another core while the
    console imports (its base URL is known at once; early requests wait for it). Elsewhere a
    thread of this process, ready on return.
    """
    from workos_tui.emulator.process import EmulatorProcess, can_run_in_process

    if can_run_in_process():
        show_errors = bool(os.environ.get(DEBUG_ENV))
        return EmulatorProcess(show_errors=show_errors, staging=staging).start()
    from workos_tui.emulator import EmulatorServer, create_app, demo_state
    from workos_tui.emulator.demo import live_present_ms
    from workos_tui.emulator.demo_drift import staging_state

    build = staging_state if staging else demo_state
    return EmulatorServer(
        create_app(build(present_ms=live_present_ms())), host="127.0.0.1", port=0
    ).start()


def run_demo(args: argparse.Namespace) -> int:
    if args.env_file:
        from workos_tui.config.errors import ConfigError

        raise ConfigError("--env-file and --demo do not go together: the demo has its own")
    emulator = start_demo_emulator()  # first: everything below loads while it seeds
    profiles: DemoProfiles | None = None
    try:
        from workos_tui.config import load_settings
        from workos_tui.config.demo_profiles import DemoProfiles
        from workos_tui.config.resolve import demo_environment

        environment = demo_environment(emulator.base_url)
        if args.read_only is not None:
            environment = dataclasses.replace(environment, read_only=args.read_only)
        # demo-staging's emulator starts only when the profile is first used
        profiles = DemoProfiles(environment, lambda: start_demo_emulator(staging=True))
        launch_console(environment, profiles=profiles, theme=load_settings().theme)
    finally:
        crashed = getattr(emulator, "returncode", None)  # a child process that died early
        emulator.stop()
        if profiles is not None:
            profiles.stop()
    if crashed:
        print(
            f"workos-tui: the demo emulator stopped unexpectedly (exit status {crashed});"
            f" set {DEBUG_ENV}=1 to see its errors",
            file=sys.stderr,
        )
    return 0


def run_console(args: argparse.Namespace) -> int:
    from workos_tui.ui.collection_pause import pause_collection, resume_collection

    # Off until the first rows are on screen (the console resumes it): see collection_pause.
    pause_collection()
    try:
        return _open_console(args)
    finally:
        resume_collection(freeze=False)  # the console closed (or never opened)


def _open_console(args: argparse.Namespace) -> int:
    # The console uses no pydantic plugin; looking for them reads every installed package's
    # entry points when the first model is built (~30-80 ms of start-up). A set value wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if args.demo:
        return run_demo(args)
    from pydantic import SecretStr

    from workos_tui.config import load_settings, resolve_environment
    from workos_tui.config.credentials import StoreCache
    from workos_tui.config.profiles import ProfileCatalog

    environ, source = _environment_variables(args)
    settings = load_settings()
    stores = StoreCache(_ask_secret)
    environment = resolve_environment(
        profile=args.profile,
        api_key=SecretStr(args.api_key) if args.api_key is not None else None,
        base_url=args.base_url,
        read_only=args.read_only,
        settings=settings,
        environ=environ,
        store_for=stores,
        source=source,
    )
    stores.interactive = False
    catalog = ProfileCatalog(settings, stores, read_only=args.read_only)
    launch_console(environment, catalog, settings.theme)
    return 0


def _environment_variables(args: argparse.Namespace) -> tuple[dict[str, str] | None, str | None]:
    """The variables to resolve with and the env files they came from (``None``: the shell's)."""
    if not args.env_file:
        return None, None
    from workos_tui.config.env_file import read_env_files

    files = read_env_files(args.env_file)
    args.secrets.extend(files.secrets())
    shadowed = files.shadowed(os.environ)
    if shadowed:
        print(
            f"workos-tui: --env-file given, so {', '.join(shadowed)} from the shell "
            f"{'is' if len(shadowed) == 1 else 'are'} ignored",
            file=sys.stderr,
        )
    return files.environ(os.environ), files.label


COMMANDS = {
    "login": run_login,
    "profiles": run_profiles,
    "import-workos-cli": run_import,
    "emulator": run_emulator,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``workos-tui`` console script; returns the exit status."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors: argparse has printed
        return stop.code if isinstance(stop.code, int) else 2
    args.secrets = [args.api_key]  # masked in error messages; env files add theirs
    try:
        return COMMANDS.get(args.command, run_console)(args)
    except KeyboardInterrupt:
        print("workos-tui: interrupted", file=sys.stderr)
        return 130
    except Exception as error:
        # Imported only now: nothing but argparse runs before dispatching (--demo starts its
        # emulator first, and importing the config layer costs a noticeable part of start-up).
        from workos_tui.api.errors import WorkOSError
        from workos_tui.config.errors import ConfigError

        if isinstance(error, ConfigError | WorkOSError):
            return _fail(str(error), args.secrets)
        if os.environ.get(DEBUG_ENV):
            raise
        return _fail(
            f"unexpected {type(error).__name__}: {error} (set {DEBUG_ENV}=1 for a traceback)",
            args.secrets,
        )


def _fail(message: str, secrets: Sequence[str | None]) -> int:
    from workos_tui.config.errors import redact_keys
    from workos_tui.config.resolve import API_KEY_ENV, COOKIE_PASSWORD_ENV
    from workos_tui.resources.text_safety import printable

    environ_secrets = (os.environ.get(API_KEY_ENV), os.environ.get(COOKIE_PASSWORD_ENV))
    for secret in (*secrets, *environ_secrets):
        if secret and secret.strip():
            message = message.replace(secret.strip(), "**********")
    # The message may quote the server (an error body): its controls must not reach the terminal.
    line = printable(" ".join(redact_keys(message).split()))
    print(f"workos-tui: {line}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
