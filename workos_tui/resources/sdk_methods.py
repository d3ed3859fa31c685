"""The ``workos`` Python SDK 10.8.0's method for each operation id of the spec (data only).

Read from the SDK's generated resources (each method requests one method and path); used by
:mod:`workos_tui.resources.sdk_calls`. Service attribute of ``WorkOSClient`` → operation id →
method name.
"""

from __future__ import annotations

SDK_METHODS: dict[str, dict[str, str]] = {
    "admin_portal": {
        "PortalSessionsController_create": "generate_link",
    },
    "agents": {
        "AgentAdminController_getRegistration": "get_registration",
        "AgentAdminController_linkClaimAttemptToExternalUser": "update_attempts",
        "AgentAdminController_validateCredential": "create_validate",
    },
    "api_keys": {
        "ApiKeysController_delete": "delete_api_key",
        "ApiKeysController_expire": "create_api_key_expire",
        "ApiKeysController_validateApiKey": "create_validation",
        "OrganizationApiKeysController_create": "create_organization_api_key",
        "OrganizationApiKeysController_list": "list_organization_api_keys",
    },
    "audit_logs": {
        "AuditLogEventsController_create": "create_event",
        "AuditLogExportsController_export": "get_export",
        "AuditLogExportsController_exports": "create_export",
        "AuditLogValidatorVersionsController_create": "create_schema",
        "AuditLogValidatorVersionsController_schemas": "list_action_schemas",
        "AuditLogValidatorsController_list": "list_actions",
        "AuditLogsRetentionController_auditLogsRetention": "get_organization_audit_logs_retention",
        "AuditLogsRetentionController_updateAuditLogsRetention": (
            "update_organization_audit_logs_retention"
        ),
    },
    "authorization": {
        "AuthorizationController_check": "check",
        "AuthorizationController_listEffectivePermissions": "list_effective_permissions",
        "AuthorizationController_listEffectivePermissionsByExternalId": (
            "list_effective_permissions_by_external_id"
        ),
        "AuthorizationController_listResourcesForMembership": "list_resources_for_membership",
        "AuthorizationGroupRoleAssignmentsController_create": "create_group_role_assignment",
        "AuthorizationGroupRoleAssignmentsController_get": "get_group_role_assignment",
        "AuthorizationGroupRoleAssignmentsController_list": "list_group_role_assignments",
        "AuthorizationGroupRoleAssignmentsController_removeGroupRoleAssignment": (
            "delete_group_role_assignment"
        ),
        "AuthorizationGroupRoleAssignmentsController_removeGroupRoleAssignments": (
            "delete_group_role_assignments"
        ),
        "AuthorizationGroupRoleAssignmentsController_replaceGroupRoleAssignments": (
            "update_group_role_assignments"
        ),
        "AuthorizationOrganizationRolePermissionsController_addPermission": (
            "add_organization_role_permission"
        ),
        "AuthorizationOrganizationRolePermissionsController_removePermission": (
            "remove_organization_role_permission"
        ),
        "AuthorizationOrganizationRolePermissionsController_setPermissions": (
            "set_organization_role_permissions"
        ),
        "AuthorizationOrganizationRolesController_create": "create_organization_role",
        "AuthorizationOrganizationRolesController_delete": "delete_organization_role",
        "AuthorizationOrganizationRolesController_get": "get_organization_role",
        "AuthorizationOrganizationRolesController_list": "list_organization_roles",
        "AuthorizationOrganizationRolesController_update": "update_organization_role",
        "AuthorizationPermissionsController_create": "create_permission",
        "AuthorizationPermissionsController_delete": "delete_permission",
        "AuthorizationPermissionsController_find": "get_permission",
        "AuthorizationPermissionsController_list": "list_permissions",
        "AuthorizationPermissionsController_update": "update_permission",
        "AuthorizationResourcesByExternalIdController_deleteByExternalId": (
            "delete_resource_by_external_id"
        ),
        "AuthorizationResourcesByExternalIdController_getByExternalId": (
            "get_resource_by_external_id"
        ),
        (
            "AuthorizationResourcesByExternalIdController_"
            "listOrganizationMembershipsForResourceByExternalId"
        ): "list_memberships_for_resource_by_external_id",
        "AuthorizationResourcesByExternalIdController_updateByExternalId": (
            "update_resource_by_external_id"
        ),
        "AuthorizationResourcesController_create": "create_resource",
        "AuthorizationResourcesController_delete": "delete_resource",
        "AuthorizationResourcesController_findById": "get_resource",
        "AuthorizationResourcesController_list": "list_resources",
        "AuthorizationResourcesController_listOrganizationMembershipsForResource": (
            "list_memberships_for_resource"
        ),
        "AuthorizationResourcesController_update": "update_resource",
        "AuthorizationRoleAssignmentsController_assignRole": "assign_role",
        "AuthorizationRoleAssignmentsController_listRoleAssignments": "list_role_assignments",
        "AuthorizationRoleAssignmentsController_listRoleAssignmentsForResource": (
            "list_role_assignments_for_resource"
        ),
        "AuthorizationRoleAssignmentsController_listRoleAssignmentsForResourceByExternalId": (
            "list_role_assignments_for_resource_by_external_id"
        ),
        "AuthorizationRoleAssignmentsController_removeRoleByCriteria": "remove_role",
        "AuthorizationRoleAssignmentsController_removeRoleById": "remove_role_assignment",
        "AuthorizationRolePermissionsController_addPermission": "add_environment_role_permission",
        "AuthorizationRolePermissionsController_setPermissions": "set_environment_role_permissions",
        "AuthorizationRolesController_create": "create_environment_role",
        "AuthorizationRolesController_get": "get_environment_role",
        "AuthorizationRolesController_list": "list_environment_roles",
        "AuthorizationRolesController_update": "update_environment_role",
    },
    "client_api": {
        "ClientApiTokenController_issueClientApiToken": "create_token",
    },
    "connect": {
        "ApplicationCredentialsController_create": "create_application_client_secret",
        "ApplicationCredentialsController_delete": "delete_client_secret",
        "ApplicationCredentialsController_list": "list_application_client_secrets",
        "ApplicationsController_create": "create_application",
        "ApplicationsController_delete": "delete_application",
        "ApplicationsController_find": "get_application",
        "ApplicationsController_list": "list_applications",
        "ApplicationsController_update": "update_application",
        "ExternalAuthController_completeLogin": "complete_oauth2",
    },
    "directory_sync": {
        "DirectoriesController_deleteDirectory": "delete_directory",
        "DirectoriesController_find": "get_directory",
        "DirectoriesController_list": "list_directories",
        "DirectoryGroupsController_find": "get_group",
        "DirectoryGroupsController_list": "list_groups",
        "DirectoryUsersController_find": "get_user",
        "DirectoryUsersController_list": "list_users",
    },
    "events": {
        "EventsController_list": "list_events",
    },
    "feature_flags": {
        "FeatureFlagsController_disableFlag": "disable_feature_flag",
        "FeatureFlagsController_enableFlag": "enable_feature_flag",
        "FeatureFlagsController_findBySlug": "get_feature_flag",
        "FeatureFlagsController_list": "list_feature_flags",
        "FlagTargetsController_createTarget": "add_flag_target",
        "FlagTargetsController_deleteTarget": "remove_flag_target",
        "OrganizationFeatureFlagsController_list": "list_organization_feature_flags",
        "UserlandUserFeatureFlagsController_list": "list_user_feature_flags",
    },
    "groups": {
        "GroupMembershipsController_addMember": "create_group_organization_membership",
        "GroupMembershipsController_listMembers": "list_group_organization_memberships",
        "GroupMembershipsController_removeMember": "delete_group_organization_membership",
        "GroupsController_create": "create_organization_group",
        "GroupsController_delete": "delete_organization_group",
        "GroupsController_get": "get_organization_group",
        "GroupsController_list": "list_organization_groups",
        "GroupsController_update": "update_organization_group",
    },
    "multi_factor_auth": {
        "AuthenticationChallengesController_verify": "verify_challenge",
        "AuthenticationFactorsController_challenge": "challenge_factor",
        "AuthenticationFactorsController_create": "enroll_factor",
        "AuthenticationFactorsController_delete": "delete_factor",
        "AuthenticationFactorsController_get": "get_factor",
        "UserlandUserAuthenticationFactorsController_create[0]": "create_user_auth_factor",
        "UserlandUserAuthenticationFactorsController_list[0]": "list_user_auth_factors",
    },
    "organization_domains": {
        "OrganizationDomainsController_create": "create_organization_domain",
        "OrganizationDomainsController_delete": "delete_organization_domain",
        "OrganizationDomainsController_get": "get_organization_domain",
        "OrganizationDomainsController_verify": "verify_organization_domain",
    },
    "organization_membership": {
        "OrganizationMembershipGroupsController_listGroups": "list_organization_membership_groups",
        "UserlandUserOrganizationMembershipsController_create": "create_organization_membership",
        "UserlandUserOrganizationMembershipsController_deactivate": (
            "deactivate_organization_membership"
        ),
        "UserlandUserOrganizationMembershipsController_delete": "delete_organization_membership",
        "UserlandUserOrganizationMembershipsController_get": "get_organization_membership",
        "UserlandUserOrganizationMembershipsController_list": "list_organization_memberships",
        "UserlandUserOrganizationMembershipsController_reactivate": (
            "reactivate_organization_membership"
        ),
        "UserlandUserOrganizationMembershipsController_update": "update_organization_membership",
    },
    "organizations": {
        "OrganizationAuthorizedApplicationsController_list": "list_authorized_applications",
        "OrganizationsController_create": "create_organization",
        "OrganizationsController_deleteOrganization": "delete_organization",
        "OrganizationsController_find": "get_organization",
        "OrganizationsController_getAuditLogConfiguration": "get_audit_log_configuration",
        "OrganizationsController_getByExternalId": "get_organization_by_external_id",
        "OrganizationsController_list": "list_organizations",
        "OrganizationsController_updateOrganization": "update_organization",
    },
    "pipes": {
        "DataIntegrationsController_getDataIntegrationAuthorizeUrl": "authorize_data_integration",
        "DataIntegrationsController_getUserlandUserToken": "get_access_token",
        "DataIntegrationsController_upsertApiKey": "update_data_integration_api_key",
        "DataIntegrationsController_upsertClientCredentials": (
            "update_data_integration_client_credentials"
        ),
        "DataIntegrationsController_vendCredentials": "create_data_integration_credential",
        "DataIntegrationsManagementController_createDataIntegration": "create_data_integration",
        "DataIntegrationsManagementController_deleteDataIntegration": "delete_data_integration",
        "DataIntegrationsManagementController_getDataIntegration": "get_data_integration",
        "DataIntegrationsManagementController_listDataIntegrations": "list_data_integrations",
        "DataIntegrationsManagementController_updateDataIntegration": "update_data_integration",
        "DataIntegrationsUserManagementController_createUserDataInstallation": (
            "create_user_connected_account"
        ),
        "DataIntegrationsUserManagementController_deleteUserDataInstallation": (
            "delete_user_connected_account"
        ),
        "DataIntegrationsUserManagementController_getUserDataInstallation": (
            "get_user_connected_account"
        ),
        "DataIntegrationsUserManagementController_getUserDataIntegrations": (
            "list_user_data_providers"
        ),
        "DataIntegrationsUserManagementController_updateUserDataInstallation": (
            "update_user_connected_account"
        ),
    },
    "pipes_provider": {
        "ProviderController_configure": "update_organization_data_integration_configuration",
        "ProviderController_listForOrganization": (
            "list_organization_data_integration_configurations"
        ),
    },
    "radar": {
        "RadarStandaloneController_assess": "create_attempt",
        "RadarStandaloneController_deleteRadarListEntry": "remove_list_entry",
        "RadarStandaloneController_updateRadarAttempt": "update_attempt",
        "RadarStandaloneController_updateRadarList": "add_list_entry",
    },
    "sso": {
        "ConnectionsController_delete": "delete_connection",
        "ConnectionsController_find": "get_connection",
        "ConnectionsController_list": "list_connections",
        "SsoController_authorize": "get_authorization_url",
        "SsoController_getProfile": "get_profile",
        "SsoController_logout": "get_logout_url",
        "SsoController_logoutAuthorize": "authorize_logout",
        "SsoController_token": "get_profile_and_token",
    },
    "user_management": {
        "AuthorizedApplicationsController_delete": "delete_user_authorized_application",
        "AuthorizedApplicationsController_list": "list_user_authorized_applications",
        "CorsOriginsController_createCorsOrigin": "create_cors_origin",
        "CorsOriginsController_list": "list_cors_origins",
        "JwtTemplatesController_getJwtTemplate": "list_jwt_template",
        "JwtTemplatesController_updateJwtTemplate": "update_jwt_template",
        "PublicRadarChallengesController_get": "get_radar_challenge",
        "PublicRadarChallengesController_sendRadarSmsChallenge": "create_radar_challenge",
        "RedirectUrisController_create": "create_redirect_uri",
        "RedirectUrisController_delete": "delete_redirect_uris",
        "RedirectUrisController_list": "list_redirect_uris",
        "SsoController_jsonWebKeySet": "get_jwks",
        "UserApiKeysController_create": "create_user_api_key",
        "UserApiKeysController_list": "list_user_api_keys",
        "UserlandMagicAuthController_get": "get_magic_auth",
        "UserlandMagicAuthController_sendMagicAuthCodeAndReturn": "create_magic_auth",
        "UserlandSessionsController_authenticate[0]": "create_authenticate",
        "UserlandSessionsController_logout": "get_logout_url",
        "UserlandSessionsController_revokeSession": "revoke_session",
        "UserlandSsoController_authorize": "get_authorization_url",
        "UserlandSsoController_deviceAuthorization": "create_device",
        "UserlandUserIdentitiesController_get": "get_user_identities",
        "UserlandUserInvitesController_accept": "accept_invitation",
        "UserlandUserInvitesController_create": "send_invitation",
        "UserlandUserInvitesController_get": "get_invitation",
        "UserlandUserInvitesController_getByToken": "find_invitation_by_token",
        "UserlandUserInvitesController_list": "list_invitations",
        "UserlandUserInvitesController_resend": "resend_invitation",
        "UserlandUserInvitesController_revoke": "revoke_invitation",
        "UserlandUserSessionsController_list": "list_sessions",
        "UserlandUsersController_confirmEmailChange": "confirm_email_change",
        "UserlandUsersController_createPasswordResetToken": "reset_password",
        "UserlandUsersController_create[0]": "create_user",
        "UserlandUsersController_delete[0]": "delete_user",
        "UserlandUsersController_emailVerification[0]": "verify_email",
        "UserlandUsersController_getByExternalId": "get_user_by_external_id",
        "UserlandUsersController_getEmailVerification": "get_email_verification",
        "UserlandUsersController_getPasswordReset": "get_password_reset",
        "UserlandUsersController_get[0]": "get_user",
        "UserlandUsersController_list[0]": "list_users",
        "UserlandUsersController_resetPassword[0]": "confirm_password_reset",
        "UserlandUsersController_sendEmailChange": "send_email_change",
        "UserlandUsersController_sendVerificationEmail[0]": "send_verification_email",
        "UserlandUsersController_update[0]": "update_user",
    },
    "vault": {
        "JumpWireWeb.DataVaultController.create": "create_kv",
        "JumpWireWeb.DataVaultController.delete": "delete_kv",
        "JumpWireWeb.DataVaultController.describe": "list_kv_metadata",
        "JumpWireWeb.DataVaultController.index": "list_kv",
        "JumpWireWeb.DataVaultController.show_by_id": "get_kv",
        "JumpWireWeb.DataVaultController.show_by_name": "get_name",
        "JumpWireWeb.DataVaultController.update": "update_kv",
        "JumpWireWeb.DataVaultController.versions": "list_kv_versions",
        "JumpWireWeb.KeyController.create_data_key": "create_data_key",
        "JumpWireWeb.KeyController.decrypt": "create_decrypt",
        "JumpWireWeb.KeyController.rekey": "create_rekey",
    },
    "webhooks": {
        "WebhookEndpointsController_create": "create_webhook_endpoint",
        "WebhookEndpointsController_delete": "delete_webhook_endpoint",
        "WebhookEndpointsController_list": "list_webhook_endpoints",
        "WebhookEndpointsController_update": "update_webhook_endpoint",
    },
    "widgets": {
        "WidgetsPublicController_issueWidgetSessionToken": "create_token",
    },
}
"""SDK service attribute → operation id → method name."""
