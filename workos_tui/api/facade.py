"""``WorkOS``: one object giving every service of an environment, built on first use."""

from __future__ import annotations

from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from .client import WorkOSClient
    from .environment import Environment
    from .requestlog import RequestLog
    from .services.agents import AgentsService
    from .services.api_keys import ApiKeysService
    from .services.audit_logs import AuditLogsService
    from .services.authentication import AuthenticationService
    from .services.authkit import (
        AdminPortalService,
        CorsOriginsService,
        JwtTemplateService,
        RedirectUrisService,
    )
    from .services.authorization import (
        AuthorizationResourcesService,
        GroupRoleAssignmentsService,
        RoleAssignmentsService,
    )
    from .services.client_tokens import ClientApiService, ExternalAuthService, WidgetsService
    from .services.connect import AuthorizedApplicationsService, ConnectApplicationsService
    from .services.directories import (
        DirectoriesService,
        DirectoryGroupsService,
        DirectoryUsersService,
    )
    from .services.emulator_deliveries import EmulatorDeliveriesService
    from .services.events import EventsService
    from .services.feature_flags import FeatureFlagsService
    from .services.groups import GroupsService
    from .services.magic_auth import (
        EmailChangesService,
        MagicAuthService,
    )
    from .services.memberships import InvitationsService, OrganizationMembershipsService
    from .services.mfa import (
        MfaService,
    )
    from .services.organizations import OrganizationDomainsService, OrganizationsService
    from .services.pipes import ConnectedAccountsService, DataIntegrationsService
    from .services.radar import RadarService
    from .services.roles import OrganizationRolesService, PermissionsService, RolesService
    from .services.sso import ConnectionsService
    from .services.sso_auth import SsoService
    from .services.users import UsersService
    from .services.vault import VaultService
    from .services.webhooks import WebhookEndpointsService


class WorkOS:
    """The service layer of one environment.

    Services are imported and built lazily, so a console that only browses organizations never
    loads the Vault models.
    """

    def __init__(self, client: WorkOSClient) -> None:
        self.client = client

    @classmethod
    def connect(cls, environment: Environment, **client_options: Any) -> WorkOS:
        """Build the client for ``environment`` (options as for ``WorkOSClient``) and the facade."""
        from .client import WorkOSClient

        return cls(WorkOSClient(environment, **client_options))

    def __repr__(self) -> str:
        return f"WorkOS({self.client!r})"

    @property
    def request_log(self) -> RequestLog:
        """The log of every request made through this facade's client."""
        return self.client.request_log

    async def aclose(self) -> None:
        await self.client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    @cached_property
    def organizations(self) -> OrganizationsService:
        from .services.organizations import OrganizationsService

        return OrganizationsService(self.client)

    @cached_property
    def organization_domains(self) -> OrganizationDomainsService:
        from .services.organizations import OrganizationDomainsService

        return OrganizationDomainsService(self.client)

    @cached_property
    def users(self) -> UsersService:
        from .services.users import UsersService

        return UsersService(self.client)

    @cached_property
    def organization_memberships(self) -> OrganizationMembershipsService:
        from .services.memberships import OrganizationMembershipsService

        return OrganizationMembershipsService(self.client)

    @cached_property
    def invitations(self) -> InvitationsService:
        from .services.memberships import InvitationsService

        return InvitationsService(self.client)

    @cached_property
    def connections(self) -> ConnectionsService:
        from .services.sso import ConnectionsService

        return ConnectionsService(self.client)

    @cached_property
    def directories(self) -> DirectoriesService:
        from .services.directories import DirectoriesService

        return DirectoriesService(self.client)

    @cached_property
    def directory_users(self) -> DirectoryUsersService:
        from .services.directories import DirectoryUsersService

        return DirectoryUsersService(self.client)

    @cached_property
    def directory_groups(self) -> DirectoryGroupsService:
        from .services.directories import DirectoryGroupsService

        return DirectoryGroupsService(self.client)

    @cached_property
    def events(self) -> EventsService:
        from .services.events import EventsService

        return EventsService(self.client)

    @cached_property
    def vault(self) -> VaultService:
        from .services.vault import VaultService

        return VaultService(self.client)

    @cached_property
    def webhook_endpoints(self) -> WebhookEndpointsService:
        from .services.webhooks import WebhookEndpointsService

        return WebhookEndpointsService(self.client)

    @cached_property
    def emulator_deliveries(self) -> EmulatorDeliveriesService:
        """The workos-tui emulator's webhook delivery log (not a WorkOS API area)."""
        from .services.emulator_deliveries import EmulatorDeliveriesService

        return EmulatorDeliveriesService(self.client)

    @cached_property
    def api_keys(self) -> ApiKeysService:
        from .services.api_keys import ApiKeysService

        return ApiKeysService(self.client)

    @cached_property
    def audit_logs(self) -> AuditLogsService:
        from .services.audit_logs import AuditLogsService

        return AuditLogsService(self.client)

    @cached_property
    def feature_flags(self) -> FeatureFlagsService:
        from .services.feature_flags import FeatureFlagsService

        return FeatureFlagsService(self.client)

    @cached_property
    def roles(self) -> RolesService:
        from .services.roles import RolesService

        return RolesService(self.client)

    @cached_property
    def organization_roles(self) -> OrganizationRolesService:
        from .services.roles import OrganizationRolesService

        return OrganizationRolesService(self.client)

    @cached_property
    def permissions(self) -> PermissionsService:
        from .services.roles import PermissionsService

        return PermissionsService(self.client)

    @cached_property
    def authorization_resources(self) -> AuthorizationResourcesService:
        from .services.authorization import AuthorizationResourcesService

        return AuthorizationResourcesService(self.client)

    @cached_property
    def role_assignments(self) -> RoleAssignmentsService:
        from .services.authorization import RoleAssignmentsService

        return RoleAssignmentsService(self.client)

    @cached_property
    def group_role_assignments(self) -> GroupRoleAssignmentsService:
        from .services.authorization import GroupRoleAssignmentsService

        return GroupRoleAssignmentsService(self.client)

    @cached_property
    def groups(self) -> GroupsService:
        from .services.groups import GroupsService

        return GroupsService(self.client)

    @cached_property
    def redirect_uris(self) -> RedirectUrisService:
        from .services.authkit import RedirectUrisService

        return RedirectUrisService(self.client)

    @cached_property
    def cors_origins(self) -> CorsOriginsService:
        from .services.authkit import CorsOriginsService

        return CorsOriginsService(self.client)

    @cached_property
    def jwt_template(self) -> JwtTemplateService:
        from .services.authkit import JwtTemplateService

        return JwtTemplateService(self.client)

    @cached_property
    def admin_portal(self) -> AdminPortalService:
        from .services.authkit import AdminPortalService

        return AdminPortalService(self.client)

    @cached_property
    def mfa(self) -> MfaService:
        from .services.mfa import MfaService

        return MfaService(self.client)

    @cached_property
    def magic_auth(self) -> MagicAuthService:
        from .services.magic_auth import MagicAuthService

        return MagicAuthService(self.client)

    @cached_property
    def email_changes(self) -> EmailChangesService:
        from .services.magic_auth import EmailChangesService

        return EmailChangesService(self.client)

    @cached_property
    def sso(self) -> SsoService:
        from .services.sso_auth import SsoService

        return SsoService(self.client)

    @cached_property
    def authentication(self) -> AuthenticationService:
        from .services.authentication import AuthenticationService

        return AuthenticationService(self.client)

    @cached_property
    def radar(self) -> RadarService:
        from .services.radar import RadarService

        return RadarService(self.client)

    @cached_property
    def connect_applications(self) -> ConnectApplicationsService:
        from .services.connect import ConnectApplicationsService

        return ConnectApplicationsService(self.client)

    @cached_property
    def authorized_applications(self) -> AuthorizedApplicationsService:
        from .services.connect import AuthorizedApplicationsService

        return AuthorizedApplicationsService(self.client)

    @cached_property
    def data_integrations(self) -> DataIntegrationsService:
        from .services.pipes import DataIntegrationsService

        return DataIntegrationsService(self.client)

    @cached_property
    def connected_accounts(self) -> ConnectedAccountsService:
        from .services.pipes import ConnectedAccountsService

        return ConnectedAccountsService(self.client)

    @cached_property
    def agents(self) -> AgentsService:
        from .services.agents import AgentsService

        return AgentsService(self.client)

    @cached_property
    def widgets(self) -> WidgetsService:
        from .services.client_tokens import WidgetsService

        return WidgetsService(self.client)

    @cached_property
    def client_api(self) -> ClientApiService:
        from .services.client_tokens import ClientApiService

        return ClientApiService(self.client)

    @cached_property
    def external_auth(self) -> ExternalAuthService:
        from .services.client_tokens import ExternalAuthService

        return ExternalAuthService(self.client)
