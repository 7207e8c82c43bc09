import { CLAIM, LTI_VERSION, MESSAGE_TYPE } from "./vocabulary";

/** Deep Linking 2.0 §3.2: an LTI resource link, with the gradebook column the platform should make for it. */
export interface ResourceLinkItem {
  title: string;
  text?: string;
  url: string;
  custom: Record<string, string>;
  lineItem?: { label: string; scoreMaximum: number; resourceId: string; tag?: string };
}

/**
 * The claims of an LtiDeepLinkingResponse (Deep Linking 2.0 §4.5): issued by
 * our client id to the platform (aud = its issuer), naming the deployment the
 * request came from, echoing the request's opaque `data`, and carrying the
 * chosen items. Short-lived: the browser posts it straight back.
 */
export function deepLinkingResponseClaims({
  clientId,
  platformIssuer,
  deploymentId,
  data,
  items,
  nonce,
  message,
  now = Date.now(),
}: {
  clientId: string;
  platformIssuer: string;
  deploymentId: string;
  data: string | null;
  items: readonly ResourceLinkItem[];
  nonce: string;
  message?: string;
  now?: number;
}): Record<string, unknown> {
  const iat = Math.floor(now / 1000);
  return {
    iss: clientId,
    aud: platformIssuer,
    iat,
    exp: iat + 600,
    nonce,
    [CLAIM.deploymentId]: deploymentId,
    [CLAIM.messageType]: MESSAGE_TYPE.deepLinkingResponse,
    [CLAIM.version]: LTI_VERSION,
    [CLAIM.deepLinkingContentItems]: items.map((item) => ({
      type: "ltiResourceLink",
      title: item.title,
      ...(item.text ? { text: item.text } : {}),
      url: item.url,
      custom: item.custom,
      ...(item.lineItem ? { lineItem: item.lineItem } : {}),
    })),
    ...(data !== null ? { [CLAIM.deepLinkingData]: data } : {}),
    ...(message ? { [CLAIM.deepLinkingMessage]: message } : {}),
  };
}
