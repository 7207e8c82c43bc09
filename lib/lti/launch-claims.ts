import type { ExpectedPlatform } from "./id-token";
import { launchRefused } from "./launch-error";
import { classRoleFor, roleName, type LtiClassRole } from "./roles";
import { parseEndpointUrl } from "./urls";
import { CLAIM, LTI_VERSION, MESSAGE_TYPE, SCOPE } from "./vocabulary";

/** Deep Linking 2.0 §4.4.1: where and what the platform accepts back. */
export interface DeepLinkingSettings {
  returnUrl: string;
  acceptTypes: string[];
  acceptMultiple: boolean;
  acceptLineItem: boolean;
  /** Opaque; sent back unchanged in the response's data claim. */
  data: string | null;
  title: string | null;
}

/** The parts of a launch we act on, checked. */
export interface LaunchMessage {
  messageType: typeof MESSAGE_TYPE.resourceLink | typeof MESSAGE_TYPE.deepLinkingRequest;
  issuer: string;
  clientId: string;
  deploymentId: string;
  /** The platform's stable id of the person (Core §5.3.6); with `issuer`, who launched. */
  sub: string;
  name: string | null;
  email: string | null;
  roles: string[];
  role: LtiClassRole;
  context: { id: string; title: string | null; label: string | null };
  resourceLink: { id: string; title: string | null } | null;
  targetLinkUri: string;
  custom: Record<string, string>;
  deepLinking: DeepLinkingSettings | null;
  /** NRPS 2.0 §3.6.1.1: the roster endpoint, when the platform offers it. */
  membershipsUrl: string | null;
  /** AGS 2.0 §3.4: the scopes granted and the line item(s) endpoints. */
  ags: { scopes: string[]; lineItemsUrl: string | null; lineItemUrl: string | null } | null;
}

const MAX_ID = 255;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown, max = 1000) => (typeof v === "string" && v.trim() !== "" ? v.trim().slice(0, max) : null);
const id = (v: unknown) => (typeof v === "string" && v.length > 0 && v.length <= MAX_ID ? v : null);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : null);

/**
 * The LTI claims of a launch whose signature and OIDC claims already passed
 * (id-token.ts). Refuses, with a sentence, what Core 1.3 §5.3–5.4 require and
 * what we need to place the person: the deployment id among the registered
 * ones, a known message type, version 1.3.0, a `sub` (we do not open
 * anonymous launches: work must belong to someone), roles that map to a
 * class role (a launch with none is refused), a course context (the class),
 * and per message type the resource link or the deep-linking settings.
 */
export function parseLaunchClaims(claims: Record<string, unknown>, platform: ExpectedPlatform): LaunchMessage {
  const deploymentId = id(claims[CLAIM.deploymentId]);
  if (!deploymentId || !platform.deploymentIds.includes(deploymentId)) {
    throw launchRefused("deployment_id", "The launch comes from a deployment of this tool that is not registered here. Ask your administrator to add its deployment id.");
  }
  const messageType = claims[CLAIM.messageType];
  if (messageType !== MESSAGE_TYPE.resourceLink && messageType !== MESSAGE_TYPE.deepLinkingRequest) {
    throw launchRefused("message_type", `The launch's message type ${JSON.stringify(String(messageType))} is not one this tool accepts (a resource link or a deep-linking request).`);
  }
  if (claims[CLAIM.version] !== LTI_VERSION) {
    throw launchRefused("version", `The launch is not LTI ${LTI_VERSION}.`);
  }
  const sub = id(claims.sub);
  if (!sub) {
    throw launchRefused("sub", "The launch does not say who you are (no sub): this tool does not open anonymous launches.");
  }
  const roles = strings(claims[CLAIM.roles]);
  if (!roles) throw launchRefused("roles", "The launch carries no roles claim.");
  if (roles.length === 0) throw launchRefused("roles", "The launch gives you no role in this course, so the tool cannot tell whether you teach or learn.");
  const role = classRoleFor(roles);
  if (!role) {
    const names = [...new Set(roles.map(roleName))].join(", ");
    throw launchRefused("roles", `This tool opens for a course's instructors, teaching assistants and learners; your role here (${names}) is none of these.`);
  }
  const contextClaim = claims[CLAIM.context];
  const contextId = isRecord(contextClaim) ? id(contextClaim.id) : null;
  if (!isRecord(contextClaim) || !contextId) {
    throw launchRefused("context", "The launch is not from a course (no context): add the tool to a course and open it there.");
  }
  const targetLinkUri = text(claims[CLAIM.targetLinkUri], 2048);
  if (!targetLinkUri) throw launchRefused("target_link_uri", "The launch does not say where it leads (no target_link_uri).");

  let resourceLink: LaunchMessage["resourceLink"] = null;
  let deepLinking: DeepLinkingSettings | null = null;
  if (messageType === MESSAGE_TYPE.resourceLink) {
    const link = claims[CLAIM.resourceLink];
    const linkId = isRecord(link) ? id(link.id) : null;
    if (!isRecord(link) || !linkId) throw launchRefused("resource_link", "The launch names no resource link (the link in the course it came from).");
    resourceLink = { id: linkId, title: text(link.title, 255) };
  } else {
    deepLinking = parseDeepLinkingSettings(claims[CLAIM.deepLinkingSettings]);
  }

  return {
    messageType,
    issuer: platform.issuer,
    clientId: platform.clientId,
    deploymentId,
    sub,
    name: text(claims.name, 200) ?? ([text(claims.given_name, 100), text(claims.family_name, 100)].filter(Boolean).join(" ") || null),
    email: typeof claims.email === "string" && /^[^\s@]+@[^\s@]+$/.test(claims.email) && claims.email.length <= 320 ? claims.email.toLowerCase() : null,
    roles,
    role,
    context: { id: contextId, title: text(contextClaim.title, 200), label: text(contextClaim.label, 200) },
    resourceLink,
    targetLinkUri,
    custom: parseCustom(claims[CLAIM.custom]),
    deepLinking,
    membershipsUrl: parseNrpsClaim(claims[CLAIM.nrps]),
    ags: parseAgsClaim(claims[CLAIM.ags]),
  };
}

function parseDeepLinkingSettings(value: unknown): DeepLinkingSettings {
  const refuse = (why: string) => launchRefused("deep_linking_settings", why);
  if (!isRecord(value)) throw refuse("The deep-linking request carries no deep_linking_settings.");
  const returnUrl = parseEndpointUrl(value.deep_link_return_url);
  if (!returnUrl) throw refuse("The deep-linking request's return address (deep_link_return_url) is not a valid https address.");
  const acceptTypes = strings(value.accept_types) ?? [];
  if (!acceptTypes.includes("ltiResourceLink")) {
    throw refuse("The platform does not accept LTI resource links here, which is the only kind of item this tool makes.");
  }
  return {
    returnUrl: returnUrl.toString(),
    acceptTypes,
    acceptMultiple: value.accept_multiple !== false,
    acceptLineItem: value.accept_lineitem === true,
    data: typeof value.data === "string" ? value.data.slice(0, 4096) : null,
    title: text(value.title, 255),
  };
}

/** Custom parameters are strings by definition (Core §5.4.6); anything else is dropped. */
function parseCustom(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value).slice(0, 50)) {
    if (typeof v === "string" && key.length <= 100) out[key] = v.slice(0, 1000);
  }
  return out;
}

function parseNrpsClaim(value: unknown): string | null {
  if (!isRecord(value)) return null;
  const versions = strings(value.service_versions) ?? [];
  if (versions.length > 0 && !versions.includes("2.0")) return null;
  return parseEndpointUrl(value.context_memberships_url)?.toString() ?? null;
}

function parseAgsClaim(value: unknown): LaunchMessage["ags"] {
  if (!isRecord(value)) return null;
  const scopes = (strings(value.scope) ?? []).filter((s) => Object.values(SCOPE).includes(s as (typeof SCOPE)[keyof typeof SCOPE]));
  const lineItemsUrl = parseEndpointUrl(value.lineitems)?.toString() ?? null;
  const lineItemUrl = parseEndpointUrl(value.lineitem)?.toString() ?? null;
  if (!lineItemsUrl && !lineItemUrl) return null;
  return { scopes, lineItemsUrl, lineItemUrl };
}
