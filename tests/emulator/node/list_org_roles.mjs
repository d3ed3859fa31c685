// Calls the emulator through the official Node SDK and prints what the SDK returned as JSON.
// Usage: node list_org_roles.mjs <base url> <api key> <organization id>
import { WorkOS } from "@workos-inc/node";

const [baseUrl, apiKey, organizationId] = process.argv.slice(2);
const url = new URL(baseUrl);
const workos = new WorkOS(apiKey, {
  apiHostname: url.hostname,
  port: Number(url.port),
  https: url.protocol === "https:",
});
const roles = await workos.organizations.listOrganizationRoles({ organizationId });
const session = await workos.passwordless.createSession({
  type: "MagicLink",
  email: "node.sdk@judge.example",
  redirectURI: "http://127.0.0.1/callback",
});
const sent = await workos.passwordless.sendSession(session.id);
console.log(JSON.stringify({ roles, session, sent }));
