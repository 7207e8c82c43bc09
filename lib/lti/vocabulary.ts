/**
 * The names LTI 1.3 messages and services use, from the 1EdTech specifications:
 * LTI Core 1.3 (§5.3–5.4 claims, Appendix A roles), Deep Linking 2.0 (§4),
 * Names and Role Provisioning Services 2.0 (§2), Assignment and Grade
 * Services 2.0 (§3) and LTI Dynamic Registration 1.0. Written once so a typo in
 * a claim URI cannot pass silently in one place and fail in another.
 */

const LTI = "https://purl.imsglobal.org/spec/lti/claim";

export const CLAIM = {
  messageType: `${LTI}/message_type`,
  version: `${LTI}/version`,
  deploymentId: `${LTI}/deployment_id`,
  targetLinkUri: `${LTI}/target_link_uri`,
  resourceLink: `${LTI}/resource_link`,
  roles: `${LTI}/roles`,
  context: `${LTI}/context`,
  custom: `${LTI}/custom`,
  toolPlatform: `${LTI}/tool_platform`,
  launchPresentation: `${LTI}/launch_presentation`,
  deepLinkingSettings: "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
  deepLinkingContentItems: "https://purl.imsglobal.org/spec/lti-dl/claim/content_items",
  deepLinkingData: "https://purl.imsglobal.org/spec/lti-dl/claim/data",
  deepLinkingMessage: "https://purl.imsglobal.org/spec/lti-dl/claim/msg",
  nrps: "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
  ags: "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
} as const;

export const MESSAGE_TYPE = {
  resourceLink: "LtiResourceLinkRequest",
  deepLinkingRequest: "LtiDeepLinkingRequest",
  deepLinkingResponse: "LtiDeepLinkingResponse",
} as const;

export const LTI_VERSION = "1.3.0";

export const SCOPE = {
  nrps: "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
  agsLineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  agsLineItemReadOnly: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
  agsScore: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  agsResult: "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
} as const;

export const MEDIA_TYPE = {
  membershipContainer: "application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
  lineItem: "application/vnd.ims.lis.v2.lineitem+json",
  lineItemContainer: "application/vnd.ims.lis.v2.lineitemcontainer+json",
  score: "application/vnd.ims.lis.v1.score+json",
} as const;

/** RFC 7523 client authentication (LTI Security Framework §4.1.1). */
export const CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** The only signature algorithm we accept and use: the Security Framework's required RS256. */
export const SIGNING_ALG = "RS256";

/** LTI Dynamic Registration: the platform's configuration claim and the tool's. */
export const DYNAMIC_REGISTRATION = {
  platformConfiguration: "https://purl.imsglobal.org/spec/lti-platform-configuration",
  toolConfiguration: "https://purl.imsglobal.org/spec/lti-tool-configuration",
} as const;
