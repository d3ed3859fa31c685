"""The official SDKs as judges of sign-in and authorization answers: Magic Auth of an
unverified user, Magic Link (passwordless) to an SSO profile, group members, role assignments,
and the Node SDK's ``listOrganizationRoles`` and passwordless calls.

The Node check runs when ``node`` and ``npm`` are on PATH (the SDK is installed once into a
cache directory outside the repository); otherwise it is skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from workos import WorkOSClient
from workos.authorization._resource import ResourceTargetById

from workos_tui.emulator.oauth import CLIENT_ID
from workos_tui.emulator.testing import EmulatorHandle

NODE_DIR = Path(__file__).parent / "node"


@pytest.fixture
def sdk(emulator: EmulatorHandle) -> Iterator[WorkOSClient]:
    client = WorkOSClient(
        api_key=emulator.api_key, client_id=CLIENT_ID, base_url=emulator.base_url, max_retries=0
    )
    yield client
    client.close()


def test_magic_auth_signs_in_an_unverified_user_and_verifies_the_email(
    sdk: WorkOSClient, emulator: EmulatorHandle
) -> None:
    um = sdk.user_management
    user = um.create_user(email="unverified.magic@judge.example", email_verified=False)
    magic = um.create_magic_auth(email=user.email)
    signed_in = um.authenticate_with_magic_auth(code=magic.code, email=user.email)
    assert signed_in.user.id == user.id and signed_in.user.email_verified is True
    assert signed_in.access_token and signed_in.refresh_token
    assert um.get_user(user.id).email_verified is True
    # A passwordless sign-up: the code creates the user, who is verified by signing in.
    fresh = um.create_magic_auth(email="brand.new.magic@judge.example")
    first = um.authenticate_with_magic_auth(code=fresh.code, email=fresh.email)
    assert first.user.email == "brand.new.magic@judge.example" and first.user.email_verified
    refreshed = um.authenticate_with_refresh_token(refresh_token=first.refresh_token)
    assert refreshed.user.id == first.user.id


def test_magic_link_session_leads_to_an_sso_profile(sdk: WorkOSClient) -> None:
    session = sdk.passwordless.create_session(
        email="magic.link@judge.example",
        type="MagicLink",
        redirect_uri="http://127.0.0.1:9/callback",
        state="opaque-state",
    )
    assert session.id.startswith("passwordless_session_") and session.link
    assert sdk.passwordless.send_session(session.id) is True
    # The user follows the link: a redirect to the app with a code for /sso/token.
    followed = httpx.get(session.link, follow_redirects=False)
    assert followed.status_code == 302
    query = parse_qs(urlsplit(followed.headers["location"]).query)
    assert query["state"] == ["opaque-state"]
    token = sdk.sso.get_profile_and_token(code=query["code"][0])
    assert token.profile.email == "magic.link@judge.example"
    assert token.profile.connection_type.value == "MagicLink"
    assert sdk.sso.get_profile(access_token=token.access_token).id == token.profile.id
    assert httpx.get(session.link, follow_redirects=False).status_code == 400  # used once


def test_group_members_carry_their_user(sdk: WorkOSClient, emulator: EmulatorHandle) -> None:
    groups = emulator.state["groups"]
    group = groups.items[groups.order[0]]
    org_id = group["organization_id"]
    listed = sdk.groups.list_organization_groups(org_id)
    assert group["id"] in {g.id for g in listed.data}
    members = list(sdk.groups.list_group_organization_memberships(org_id, group["id"]).data)
    assert members and all(m.user is not None and m.user.id == m.user_id for m in members)
    outsider = next(
        om
        for om in emulator.state["organization_memberships"]
        if om["organization_id"] == org_id and om["id"] not in group["_member_ids"]
    )
    sdk.groups.create_group_organization_membership(
        org_id, group["id"], organization_membership_id=outsider["id"]
    )
    after = sdk.groups.list_group_organization_memberships(org_id, group["id"], limit=100)
    added = next(m for m in after.data if m.id == outsider["id"])
    assert added.user is not None and added.user.id == outsider["user_id"]


def test_role_assignment_sources_name_their_group(
    sdk: WorkOSClient, emulator: EmulatorHandle
) -> None:
    groups = emulator.state["groups"]
    group = groups.items[groups.order[0]]
    member = group["_member_ids"][0]
    org_id = group["organization_id"]
    authz = sdk.authorization
    gra = authz.create_group_role_assignment(group["id"], role_slug="admin", resource_id=org_id)
    direct = authz.assign_role(
        member, role_slug="member", resource_target=ResourceTargetById(resource_id=org_id)
    )
    assert direct.source.group is None and direct.source.type.value == "direct"
    listed = list(authz.list_role_assignments(member, limit=100).auto_paging_iter())
    inherited = [a for a in listed if a.source.group_role_assignment_id == gra.id]
    assert len(inherited) == 1
    assert inherited[0].source.group is not None
    assert (inherited[0].source.group.id, inherited[0].source.group.name) == (
        group["id"],
        group["name"],
    )
    assert gra.id in {g.id for g in authz.list_group_role_assignments(group["id"]).data}


def _node_sdk_dir(tmp_root: Path) -> Path:
    """The Node SDK installed (once) beside a copy of the script, or skip."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("node/npm not on PATH")
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    target = cache / "workos-tui-tests" / "node-sdk"
    target.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "list_org_roles.mjs"):
        shutil.copyfile(NODE_DIR / name, target / name)
    installed = target / "node_modules" / "@workos-inc" / "node" / "package.json"
    wanted = json.loads((NODE_DIR / "package.json").read_text())["dependencies"]
    if (
        not installed.exists()
        or json.loads(installed.read_text())["version"] != wanted["@workos-inc/node"]
    ):
        done = subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--no-package-lock"],
            cwd=target,
            capture_output=True,
            text=True,
            timeout=240,
        )
        if done.returncode != 0:
            pytest.skip(f"npm install failed: {done.stderr[-300:]}")
    return target


def test_node_sdk_lists_organization_roles_and_makes_passwordless_sessions(
    emulator: EmulatorHandle, tmp_path: Path
) -> None:
    where = _node_sdk_dir(tmp_path)
    org_id = emulator.state["organizations"].order[0]
    run = subprocess.run(
        ["node", "list_org_roles.mjs", emulator.base_url, emulator.api_key, org_id],
        cwd=where,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    out = json.loads(run.stdout)
    with emulator.client() as c:
        expected = c.get(f"/authorization/organizations/{org_id}/roles").json()["data"]
    assert [r["slug"] for r in out["roles"]["data"]] == [r["slug"] for r in expected]
    assert all(r["object"] == "role" and r["createdAt"] for r in out["roles"]["data"])
    assert out["session"]["object"] == "passwordless_session"
    assert out["session"]["email"] == "node.sdk@judge.example"
    assert out["sent"] == {"success": True}
