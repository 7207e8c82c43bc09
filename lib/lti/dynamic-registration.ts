import { AppError } from "@/lib/errors";
import { parseEndpointUrl } from "./urls";
import { DYNAMIC_REGISTRATION, MESSAGE_TYPE, SCOPE, SIGNING_ALG } from "./vocabulary";

/** What a platform's OpenID configuration tells us (LTI Dynamic Registration 1.0 §3.4). */
export interface PlatformConfiguration {
  issuer: string;
  authLoginUrl: string;
  authTokenUrl: string;
  jwksUrl: string;
  registrationEndpoint: string;
  authServer: string | null;
  /** e.g. "moodle", "canvas": shown in the list of platforms. */
  productFamily: string | null;
}

/** Our own addresses, as the registration request states them. */
export interface ToolAddresses {
  loginUrl: string;
  launchUrl: string;
  jwksUrl: string;
  deepLinkingUrl: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const refuse = (message: string) => new AppError("invalid", message);

/**
 * Checks a platform's OpenID configuration before we register with it:
 * the endpoints we need are there and usable, the platform signs with RS256
 * and takes private_key_jwt client authentication, and its issuer is on the
 * host the configuration was fetched from (Dynamic Registration §3.5.1), so a
 * configuration cannot claim another platform's issuer.
 */
export function parsePlatformConfiguration(json: unknown, configurationUrl: string): PlatformConfiguration {
  if (!isRecord(json)) throw refuse("The platform's OpenID configuration is not a JSON object.");
  const issuer = parseEndpointUrl(json.issuer);
  if (!issuer) throw refuse("The platform's OpenID configuration names no https issuer.");
  if (issuer.host !== new URL(configurationUrl).host) {
    throw refuse("The platform's issuer is not on the host its configuration came from, so it cannot be trusted.");
  }
  const endpoint = (name: string) => {
    const url = parseEndpointUrl(json[name]);
    if (!url) throw refuse(`The platform's OpenID configuration has no usable ${name}.`);
    return url.toString();
  };
  const authMethods = Array.isArray(json.token_endpoint_auth_methods_supported) ? json.token_endpoint_auth_methods_supported : ["private_key_jwt"];
  if (!authMethods.includes("private_key_jwt")) throw refuse("The platform does not accept signed client assertions (private_key_jwt).");
  const algs = Array.isArray(json.id_token_signing_alg_values_supported) ? json.id_token_signing_alg_values_supported : [SIGNING_ALG];
  if (!algs.includes(SIGNING_ALG)) throw refuse(`The platform does not sign with ${SIGNING_ALG}.`);
  const platform = json[DYNAMIC_REGISTRATION.platformConfiguration];
  const family = isRecord(platform) && typeof platform.product_family_code === "string" ? platform.product_family_code.slice(0, 100) : null;
  return {
    // The issuer exactly as the platform spells it: id_tokens are compared with it character for character.
    issuer: String(json.issuer),
    authLoginUrl: endpoint("authorization_endpoint"),
    authTokenUrl: endpoint("token_endpoint"),
    jwksUrl: endpoint("jwks_uri"),
    registrationEndpoint: endpoint("registration_endpoint"),
    authServer: typeof json.authorization_server === "string" && json.authorization_server !== "" ? json.authorization_server.slice(0, 2048) : null,
    productFamily: family,
  };
}

/**
 * Our client registration (Dynamic Registration §3.6, OpenID Connect Dynamic
 * Client Registration with the LTI tool configuration claim): an implicit-flow
 * id_token client authenticating with our published keys, asking for the
 * roster and gradebook scopes, offering a resource-link launch and a
 * deep-linking placement.
 */
export function toolRegistrationRequest({ tool, clientName, domain }: { tool: ToolAddresses; clientName: string; domain: string }) {
  return {
    application_type: "web",
    response_types: ["id_token"],
    grant_types: ["implicit", "client_credentials"],
    initiate_login_uri: tool.loginUrl,
    redirect_uris: [tool.launchUrl],
    client_name: clientName,
    jwks_uri: tool.jwksUrl,
    token_endpoint_auth_method: "private_key_jwt",
    scope: [SCOPE.nrps, SCOPE.agsLineItem, SCOPE.agsScore, SCOPE.agsResult].join(" "),
    [DYNAMIC_REGISTRATION.toolConfiguration]: {
      domain,
      description: "An annotated reader for history classes: students highlight, discuss and flag a source's errors.",
      target_link_uri: tool.launchUrl,
      claims: ["iss", "sub", "name", "given_name", "family_name", "email"],
      messages: [
        { type: MESSAGE_TYPE.deepLinkingRequest, target_link_uri: tool.deepLinkingUrl, label: "Marginalia reading" },
        { type: MESSAGE_TYPE.resourceLink, target_link_uri: tool.launchUrl },
      ],
    },
  };
}

/** The client id and deployment id the platform gave us (§3.6.2). */
export function parseRegistrationResponse(json: unknown): { clientId: string; deploymentId: string | null } {
  if (!isRecord(json) || typeof json.client_id !== "string" || json.client_id === "") {
    throw refuse("The platform's registration answer carries no client_id.");
  }
  const tool = json[DYNAMIC_REGISTRATION.toolConfiguration];
  const deploymentId = isRecord(tool) && typeof tool.deployment_id === "string" && tool.deployment_id !== "" ? tool.deployment_id : null;
  return { clientId: json.client_id.slice(0, 255), deploymentId: deploymentId?.slice(0, 255) ?? null };
}
