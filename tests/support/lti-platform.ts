/**
 * A small LTI 1.3 platform (an LMS stand-in) for the test suites, written
 * from the 1EdTech specifications and not from the tool's code (it imports
 * nothing from lib/):
 *
 * - Security Framework 1.0 §5.1.1: it starts a launch with a third-party
 *   login initiation, answers the tool's authentication request at its OIDC
 *   endpoint (checking scope, response_type, response_mode, prompt, client_id,
 *   redirect_uri, login_hint and lti_message_hint) with a page that posts a
 *   signed id_token and the state back; its keys are an RS256 JWKS with key ids.
 * - Security Framework §4.1: a token endpoint for the client-credentials grant
 *   with a JWT bearer client assertion, checked against the tool's JWKS.
 * - LTI Core 1.3 §5: the message claims of resource link launches.
 * - Deep Linking 2.0: deep-linking requests, and a return endpoint that checks
 *   the tool's signed LtiDeepLinkingResponse and adds the links it carries.
 * - NRPS 2.0: a membership container endpoint, paged with Link rel="next".
 * - AGS 2.0: line items and a scores endpoint that record what they receive
 *   and can be told to fail.
 * - LTI Dynamic Registration 1.0: an OpenID configuration and a registration endpoint.
 *
 * Tests can tamper with the next id_token (claims, key) to see each refusal.
 */
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWK } from "jose";

const LTI = "https://purl.imsglobal.org/spec/lti/claim";
const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";
export const ROLE = { instructor: `${MEMBERSHIP}#Instructor`, learner: `${MEMBERSHIP}#Learner`, mentor: `${MEMBERSHIP}#Mentor`, ta: `${MEMBERSHIP}/Instructor#TeachingAssistant` };
const SCOPES = {
  nrps: "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  result: "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
};

export interface PlatformUser {
  sub: string;
  name: string;
  email?: string;
}
interface Member {
  user: PlatformUser;
  roles: string[];
  status: "Active" | "Inactive" | "Deleted";
}
export interface ResourceLink {
  id: string;
  title: string;
  custom: Record<string, string>;
  lineItemId?: string;
}
interface Course {
  id: string;
  title: string;
  members: Member[];
  links: ResourceLink[];
}
export interface LineItem {
  id: string;
  courseId: string;
  label: string;
  scoreMaximum: number;
  resourceId?: string;
  resourceLinkId?: string;
  tag?: string;
}
export interface ReceivedScore {
  lineItemId: string;
  body: Record<string, unknown>;
  contentType: string | null;
}
interface Key {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}
/** The launch a login initiation stands for, kept under its lti_message_hint as a platform would. */
interface PendingLaunch {
  user: PlatformUser;
  courseId: string;
  kind: "resource" | "deep-linking";
  linkId?: string;
}

export interface Tamper {
  /** Changes the id_token's claims before signing. */
  claims?: (claims: Record<string, unknown>) => void;
  /** Sign with: the published key (default), a stranger's key under the published kid, a key the JWKS does not list, or HS256. */
  key?: "published" | "stranger-same-kid" | "unpublished" | "hs256";
}

/** What the tool registered with us: where logins start, where id_tokens go, where its keys are. */
export interface ToolRegistration {
  loginUrl: string;
  redirectUris: string[];
  jwksUrl: string;
}

async function newKey(): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = `platform-${randomBytes(6).toString("hex")}`;
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" } };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function formPage(action: string, fields: Record<string, string>, title = "Launching"): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join("");
  return `<!doctype html><html><head><title>${escapeHtml(title)}</title></head><body><form id="f" method="post" action="${escapeHtml(action)}">${inputs}<noscript><button>Continue</button></noscript></form><script>document.getElementById("f").submit()</script></body></html>`;
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export class PlatformEmulator {
  readonly clientId = `tool-${randomBytes(4).toString("hex")}`;
  readonly deploymentId = `deployment-${randomBytes(3).toString("hex")}`;
  origin = "";
  tool: ToolRegistration | null = null;
  /** Tampering applied to the next id_token only. */
  nextTamper: Tamper | null = null;
  /** Every score POSTed, in order. */
  readonly scores: ReceivedScore[] = [];
  readonly lineItems: LineItem[] = [];
  /** Token requests that passed, with their scopes. */
  readonly grants: { scopes: string[]; assertionKid: string | undefined }[] = [];
  /** Token requests refused, with why. */
  readonly refusedTokenRequests: string[] = [];
  /** Deep-linking responses received, verified. */
  readonly deepLinkResponses: Record<string, unknown>[] = [];
  /** Client registrations received (Dynamic Registration). */
  readonly registrations: Record<string, unknown>[] = [];
  /** How many times the JWKS was fetched. */
  jwksFetches = 0;
  /** Score posts to refuse with 503 before accepting again. */
  failScores = 0;
  /** Members per NRPS page. */
  pageSize = 2;

  private readonly courses = new Map<string, Course>();
  private readonly pending = new Map<string, PendingLaunch>();
  private readonly tokens = new Map<string, string[]>();
  private readonly seenJti = new Set<string>();
  private readonly registrationToken = randomBytes(8).toString("hex");
  private keys: Key[] = [];
  private unpublished: Key | null = null;
  private server: http.Server | null = null;
  private toolKeys: ReturnType<typeof createRemoteJWKSet> | null = null;

  get issuer() {
    return this.origin;
  }
  get authLoginUrl() {
    return `${this.origin}/oidc/auth`;
  }
  get tokenUrl() {
    return `${this.origin}/oauth/token`;
  }
  get jwksUrl() {
    return `${this.origin}/.well-known/jwks.json`;
  }
  get openidConfigurationUrl() {
    return `${this.origin}/.well-known/openid-configuration`;
  }
  /** The values an administrator pastes into the tool's registration form. */
  get registration() {
    return {
      name: "Emulated LMS",
      issuer: this.issuer,
      clientId: this.clientId,
      deploymentIds: [this.deploymentId],
      authLoginUrl: this.authLoginUrl,
      authTokenUrl: this.tokenUrl,
      jwksUrl: this.jwksUrl,
      frameOrigins: [] as string[],
    };
  }

  /** Starts on a free port of 127.0.0.1 (another site than the tool's localhost, as an LMS is). */
  static async start(host = "127.0.0.1"): Promise<PlatformEmulator> {
    const platform = new PlatformEmulator();
    platform.keys = [await newKey()];
    platform.server = http.createServer((req, res) => {
      platform.handle(req, res).catch((error) => {
        res.writeHead(500, { "Content-Type": "text/plain" });
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => platform.server!.listen(0, host, resolve));
    platform.origin = `http://${host}:${(platform.server.address() as AddressInfo).port}`;
    return platform;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  registerTool(tool: ToolRegistration): void {
    this.tool = tool;
    this.toolKeys = createRemoteJWKSet(new URL(tool.jwksUrl), { cooldownDuration: 0 });
  }

  // ------------------------------------------------------------ courses and people

  addCourse(id: string, title: string): void {
    this.courses.set(id, { id, title, members: [], links: [] });
  }
  enroll(courseId: string, user: PlatformUser, roles: string[], status: Member["status"] = "Active"): void {
    const course = this.course(courseId);
    course.members = course.members.filter((m) => m.user.sub !== user.sub);
    course.members.push({ user, roles, status });
  }
  unenroll(courseId: string, sub: string): void {
    const course = this.course(courseId);
    course.members = course.members.filter((m) => m.user.sub !== sub);
  }
  setStatus(courseId: string, sub: string, status: Member["status"]): void {
    const member = this.course(courseId).members.find((m) => m.user.sub === sub);
    if (member) member.status = status;
  }
  addLink(courseId: string, link: ResourceLink): void {
    this.course(courseId).links.push(link);
  }
  links(courseId: string): ResourceLink[] {
    return this.course(courseId).links;
  }
  private course(id: string): Course {
    const course = this.courses.get(id);
    if (!course) throw new Error(`no course ${id}`);
    return course;
  }

  /** A new signing key, published next to the old one; id_tokens are signed with it from now on. */
  async rotateKey(): Promise<string> {
    const key = await newKey();
    this.keys.push(key);
    return key.kid;
  }

  // ------------------------------------------------------------ launches

  /**
   * A third-party login initiation (Security Framework §5.1.1.1) for `user`
   * in `courseId`: the parameters a platform sends the tool's login URL.
   */
  loginInitiation({ user, courseId, kind = "resource", linkId }: { user: PlatformUser; courseId: string; kind?: "resource" | "deep-linking"; linkId?: string }): URLSearchParams {
    if (!this.tool) throw new Error("registerTool first");
    const hint = randomUUID();
    this.pending.set(hint, { user, courseId, kind, linkId });
    return new URLSearchParams({
      iss: this.issuer,
      login_hint: user.sub,
      target_link_uri: this.tool.redirectUris[0],
      lti_message_hint: hint,
      client_id: this.clientId,
      lti_deployment_id: this.deploymentId,
    });
  }

  /**
   * The OIDC authentication endpoint (§5.1.1.2–5.1.1.3). A real platform
   * authenticates its own session here; ours trusts login_hint, which it issued.
   * Returns the form the browser posts to the tool, or an error sentence.
   */
  async authorize(params: URLSearchParams): Promise<{ action: string; fields: Record<string, string> } | { error: string }> {
    const must = (name: string, value?: string) => (value === undefined ? params.has(name) : params.get(name) === value);
    if (!must("scope", "openid")) return { error: "scope must be openid" };
    if (!must("response_type", "id_token")) return { error: "response_type must be id_token" };
    if (!must("response_mode", "form_post")) return { error: "response_mode must be form_post" };
    if (!must("prompt", "none")) return { error: "prompt must be none" };
    if (!must("client_id", this.clientId)) return { error: "unknown client_id" };
    const redirectUri = params.get("redirect_uri") ?? "";
    if (!this.tool?.redirectUris.includes(redirectUri)) return { error: "redirect_uri is not registered" };
    const state = params.get("state");
    const nonce = params.get("nonce");
    if (!state || !nonce) return { error: "state and nonce are required" };
    const pending = this.pending.get(params.get("lti_message_hint") ?? "");
    if (!pending || pending.user.sub !== params.get("login_hint")) return { error: "login_hint or lti_message_hint does not match" };
    this.pending.delete(params.get("lti_message_hint")!);
    const idToken = await this.idToken(pending, nonce);
    return { action: redirectUri, fields: { id_token: idToken, state } };
  }

  private async idToken(launch: PendingLaunch, nonce: string): Promise<string> {
    const course = this.course(launch.courseId);
    const member = course.members.find((m) => m.user.sub === launch.user.sub);
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: this.issuer,
      aud: this.clientId,
      azp: this.clientId,
      sub: launch.user.sub,
      exp: now + 300,
      iat: now,
      nonce,
      name: launch.user.name,
      ...(launch.user.email ? { email: launch.user.email } : {}),
      [`${LTI}/deployment_id`]: this.deploymentId,
      [`${LTI}/version`]: "1.3.0",
      [`${LTI}/target_link_uri`]: this.tool!.redirectUris[0],
      [`${LTI}/roles`]: member?.roles ?? [],
      [`${LTI}/context`]: { id: course.id, title: course.title, label: course.id.toUpperCase(), type: ["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"] },
      [`${LTI}/tool_platform`]: { guid: "emulator", name: "Emulated LMS", product_family_code: "emulator" },
      [`${LTI}/launch_presentation`]: { document_target: "iframe", return_url: `${this.origin}/courses/${course.id}` },
      "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice": {
        context_memberships_url: `${this.origin}/courses/${course.id}/memberships`,
        service_versions: ["2.0"],
      },
    };
    const ags = { scope: [SCOPES.lineItem, SCOPES.score, SCOPES.result], lineitems: `${this.origin}/courses/${course.id}/lineitems` };
    if (launch.kind === "deep-linking") {
      claims[`${LTI}/message_type`] = "LtiDeepLinkingRequest";
      claims["https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"] = {
        deep_link_return_url: `${this.origin}/courses/${course.id}/deep-link-return`,
        accept_types: ["ltiResourceLink"],
        accept_presentation_document_targets: ["iframe", "window"],
        accept_multiple: false,
        accept_lineitem: true,
        auto_create: true,
        data: `opaque-${course.id}`,
      };
      claims["https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"] = ags;
    } else {
      const link = course.links.find((l) => l.id === launch.linkId);
      if (!link) throw new Error(`no link ${launch.linkId}`);
      claims[`${LTI}/message_type`] = "LtiResourceLinkRequest";
      claims[`${LTI}/resource_link`] = { id: link.id, title: link.title };
      claims[`${LTI}/custom`] = link.custom;
      claims["https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"] = { ...ags, ...(link.lineItemId ? { lineitem: link.lineItemId } : {}) };
    }
    const tamper = this.nextTamper;
    this.nextTamper = null;
    tamper?.claims?.(claims);
    return this.sign(claims, tamper?.key ?? "published");
  }

  private async sign(claims: Record<string, unknown>, how: NonNullable<Tamper["key"]>): Promise<string> {
    const current = this.keys.at(-1)!;
    if (how === "hs256") return new SignJWT(claims).setProtectedHeader({ alg: "HS256", kid: current.kid }).sign(randomBytes(32));
    if (how === "stranger-same-kid") return new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: current.kid }).sign((await newKey()).privateKey);
    if (how === "unpublished") {
      this.unpublished ??= await newKey();
      return new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: this.unpublished.kid }).sign(this.unpublished.privateKey);
    }
    return new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: current.kid }).sign(current.privateKey);
  }

  // ------------------------------------------------------------ HTTP

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.origin);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const isText = typeof body === "string";
      res.writeHead(status, { "Content-Type": isText ? "text/html; charset=utf-8" : "application/json", ...headers });
      res.end(isText ? body : JSON.stringify(body));
    };
    const path = url.pathname;
    if (path === "/.well-known/jwks.json") {
      this.jwksFetches += 1;
      return send(200, { keys: this.keys.map((k) => k.publicJwk) });
    }
    if (path === "/.well-known/openid-configuration") return send(200, this.openidConfiguration());
    if (path === "/register" && req.method === "POST") return this.handleRegistration(req, send);
    if (path === "/oidc/auth") {
      const answer = await this.authorize(url.searchParams);
      if ("error" in answer) return send(400, `<p>${escapeHtml(answer.error)}</p>`);
      return send(200, formPage(answer.action, answer.fields));
    }
    if (path === "/oauth/token" && req.method === "POST") return this.handleToken(req, send);
    // Pages a person sees (the e2e story): a course, and the frames tool links open in.
    if (path === "/launch-frame") {
      const params = this.loginInitiation({
        user: this.userOf(url.searchParams.get("course")!, url.searchParams.get("user")!),
        courseId: url.searchParams.get("course")!,
        kind: url.searchParams.get("kind") === "deep-linking" ? "deep-linking" : "resource",
        linkId: url.searchParams.get("link") ?? undefined,
      });
      return send(200, formPage(this.tool!.loginUrl, Object.fromEntries(params), "Opening the tool"));
    }
    const course = /^\/courses\/([^/]+)(\/.*)?$/.exec(path);
    if (!course || !this.courses.has(course[1])) return send(404, { error: "not found" });
    const [, courseId, rest = ""] = course;
    if (rest === "" || rest === "/") return send(200, this.coursePage(courseId, url.searchParams.get("user") ?? "", url.searchParams.get("open")));
    if (rest === "/memberships") return this.handleMemberships(req, url, courseId, send);
    if (rest === "/deep-link-return" && req.method === "POST") return this.handleDeepLinkReturn(req, courseId, send);
    if (rest === "/lineitems") return this.handleLineItems(req, url, courseId, send);
    const scores = /^\/lineitems\/([^/]+)\/scores$/.exec(rest);
    if (scores && req.method === "POST") return this.handleScore(req, courseId, scores[1], send);
    return send(404, { error: "not found" });
  }

  private userOf(courseId: string, sub: string): PlatformUser {
    const member = this.course(courseId).members.find((m) => m.user.sub === sub);
    if (!member) throw new Error(`${sub} is not in ${courseId}`);
    return member.user;
  }

  /** A course page as its LMS would show it: its tool links, one of them open in an iframe, and "add external tool". */
  private coursePage(courseId: string, sub: string, open: string | null): string {
    const course = this.course(courseId);
    const base = `/courses/${courseId}?user=${encodeURIComponent(sub)}`;
    const links = course.links.map((l) => `<li><a href="${base}&open=${encodeURIComponent(l.id)}">${escapeHtml(l.title)}</a></li>`).join("");
    const frameSrc =
      open === "add"
        ? `/launch-frame?course=${courseId}&user=${encodeURIComponent(sub)}&kind=deep-linking`
        : open
          ? `/launch-frame?course=${courseId}&user=${encodeURIComponent(sub)}&link=${encodeURIComponent(open)}`
          : null;
    return `<!doctype html><html><head><title>${escapeHtml(course.title)}</title></head><body>
<h1>${escapeHtml(course.title)}</h1><ul id="links">${links}</ul><a id="add" href="${base}&open=add">Add external tool</a>
${frameSrc ? `<iframe id="tool" title="Tool" src="${frameSrc}" style="width:100%;height:900px;border:1px solid #999"></iframe>` : ""}
</body></html>`;
  }

  private openidConfiguration() {
    return {
      issuer: this.issuer,
      authorization_endpoint: this.authLoginUrl,
      registration_endpoint: `${this.origin}/register`,
      jwks_uri: this.jwksUrl,
      token_endpoint: this.tokenUrl,
      token_endpoint_auth_methods_supported: ["private_key_jwt"],
      token_endpoint_auth_signing_alg_values_supported: ["RS256"],
      scopes_supported: ["openid", ...Object.values(SCOPES)],
      response_types_supported: ["id_token"],
      id_token_signing_alg_values_supported: ["RS256"],
      claims_supported: ["iss", "sub", "name", "email"],
      subject_types_supported: ["public", "pairwise"],
      "https://purl.imsglobal.org/spec/lti-platform-configuration": {
        product_family_code: "emulator",
        version: "1.0",
        messages_supported: [{ type: "LtiResourceLinkRequest" }, { type: "LtiDeepLinkingRequest" }],
      },
    };
  }

  /** Dynamic Registration §3.6: the tool's client registration, answered with a client id and a deployment id. */
  private async handleRegistration(req: http.IncomingMessage, send: (s: number, b: unknown) => void) {
    if (req.headers.authorization !== `Bearer ${this.registrationToken}`) return send(401, { error: "invalid registration token" });
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    this.registrations.push(body);
    const config = body["https://purl.imsglobal.org/spec/lti-tool-configuration"] as Record<string, unknown>;
    return send(200, { ...body, client_id: this.clientId, "https://purl.imsglobal.org/spec/lti-tool-configuration": { ...config, deployment_id: this.deploymentId } });
  }

  /** The URL an LMS opens for dynamic registration, given the tool's registration link. */
  dynamicRegistrationUrl(toolUrl: string): string {
    const url = new URL(toolUrl);
    url.searchParams.set("openid_configuration", this.openidConfigurationUrl);
    url.searchParams.set("registration_token", this.registrationToken);
    return url.toString();
  }

  /** Security Framework §4.1: client credentials with a JWT assertion signed by the tool's published key. */
  private async handleToken(req: http.IncomingMessage, send: (s: number, b: unknown) => void) {
    const form = new URLSearchParams(await readBody(req));
    const refuse = (why: string) => {
      this.refusedTokenRequests.push(why);
      return send(400, { error: "invalid_client", error_description: why });
    };
    if (form.get("grant_type") !== "client_credentials") return refuse("grant_type");
    if (form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer") return refuse("client_assertion_type");
    if (!this.toolKeys) return refuse("no tool registered");
    let kid: string | undefined;
    try {
      const { payload, protectedHeader } = await jwtVerify(form.get("client_assertion") ?? "", this.toolKeys, {
        issuer: this.clientId,
        subject: this.clientId,
        audience: this.tokenUrl,
        algorithms: ["RS256"],
      });
      kid = protectedHeader.kid;
      if (!payload.jti || this.seenJti.has(payload.jti)) return refuse("jti missing or replayed");
      this.seenJti.add(payload.jti);
    } catch (error) {
      return refuse(`assertion: ${(error as Error).message}`);
    }
    const asked = (form.get("scope") ?? "").split(" ").filter(Boolean);
    if (asked.length === 0 || asked.some((s) => !Object.values(SCOPES).includes(s))) return refuse("scope");
    const token = randomBytes(16).toString("hex");
    this.tokens.set(token, asked);
    this.grants.push({ scopes: asked, assertionKid: kid });
    return send(200, { access_token: token, token_type: "Bearer", expires_in: 3600, scope: asked.join(" ") });
  }

  private scopesOf(req: http.IncomingMessage): string[] {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    return (token && this.tokens.get(token)) || [];
  }

  /** NRPS 2.0 §2: the course's members, pageSize a page, with rel="next" links. */
  private handleMemberships(req: http.IncomingMessage, url: URL, courseId: string, send: (s: number, b: unknown, h?: Record<string, string>) => void) {
    if (!this.scopesOf(req).includes(SCOPES.nrps)) return send(401, { error: "unauthorized" });
    if (!(req.headers.accept ?? "").includes("application/vnd.ims.lti-nrps.v2.membershipcontainer+json")) return send(406, { error: "media type" });
    const course = this.course(courseId);
    const page = Number(url.searchParams.get("page") ?? 1);
    const members = course.members.slice((page - 1) * this.pageSize, page * this.pageSize);
    const hasNext = page * this.pageSize < course.members.length;
    const headers: Record<string, string> = { "Content-Type": "application/vnd.ims.lti-nrps.v2.membershipcontainer+json" };
    if (hasNext) headers.Link = `<${this.origin}/courses/${courseId}/memberships?page=${page + 1}>; rel="next"`;
    return send(
      200,
      {
        id: url.toString(),
        context: { id: course.id, title: course.title },
        members: members.map((m) => ({ status: m.status, name: m.user.name, email: m.user.email, user_id: m.user.sub, roles: m.roles })),
      },
      headers,
    );
  }

  /** AGS §3.2: the line items container: list (by resource_link_id) and create. */
  private async handleLineItems(req: http.IncomingMessage, url: URL, courseId: string, send: (s: number, b: unknown, h?: Record<string, string>) => void) {
    const scopes = this.scopesOf(req);
    if (req.method === "POST") {
      if (!scopes.includes(SCOPES.lineItem)) return send(401, { error: "unauthorized" });
      const body = JSON.parse(await readBody(req)) as Omit<LineItem, "id" | "courseId">;
      if (typeof body.scoreMaximum !== "number" || body.scoreMaximum <= 0 || !body.label) return send(400, { error: "scoreMaximum and label are required" });
      const item = { ...body, courseId, id: `${this.origin}/courses/${courseId}/lineitems/${randomBytes(4).toString("hex")}` };
      this.lineItems.push(item);
      return send(201, item, { "Content-Type": "application/vnd.ims.lis.v2.lineitem+json" });
    }
    if (!scopes.includes(SCOPES.lineItem) && !scopes.includes("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly")) return send(401, { error: "unauthorized" });
    const linkId = url.searchParams.get("resource_link_id");
    const items = this.lineItems.filter((i) => i.courseId === courseId && (!linkId || i.resourceLinkId === linkId));
    return send(200, items, { "Content-Type": "application/vnd.ims.lis.v2.lineitemcontainer+json" });
  }

  /** AGS §3.4: a score for one user; recorded, or refused with 503 while failScores lasts. */
  private async handleScore(req: http.IncomingMessage, courseId: string, itemKey: string, send: (s: number, b: unknown) => void) {
    if (!this.scopesOf(req).includes(SCOPES.score)) return send(401, { error: "unauthorized" });
    const lineItemId = `${this.origin}/courses/${courseId}/lineitems/${itemKey}`;
    if (!this.lineItems.some((i) => i.id === lineItemId)) return send(404, { error: "no such line item" });
    if (this.failScores > 0) {
      this.failScores -= 1;
      return send(503, { error: "gradebook is down" });
    }
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    const missing = ["userId", "timestamp", "activityProgress", "gradingProgress"].filter((k) => body[k] === undefined);
    if (missing.length > 0) return send(400, { error: `missing ${missing.join(", ")}` });
    this.scores.push({ lineItemId, body, contentType: req.headers["content-type"] ?? null });
    return send(200, {});
  }

  /**
   * Deep Linking 2.0 §4.5: the tool's response, verified against its JWKS
   * (iss = our client id, aud = our issuer, message type, version, deployment,
   * nonce, the data we sent); each ltiResourceLink becomes a course link, with
   * a line item when it asks for one.
   */
  private async handleDeepLinkReturn(req: http.IncomingMessage, courseId: string, send: (s: number, b: unknown) => void) {
    const form = new URLSearchParams(await readBody(req));
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(form.get("JWT") ?? "", this.toolKeys!, { issuer: this.clientId, audience: this.issuer, algorithms: ["RS256"] }));
    } catch (error) {
      return send(400, `<p>Refused: ${escapeHtml((error as Error).message)}</p>`);
    }
    const problems = [
      payload[`${LTI}/message_type`] !== "LtiDeepLinkingResponse" && "message_type",
      payload[`${LTI}/version`] !== "1.3.0" && "version",
      payload[`${LTI}/deployment_id`] !== this.deploymentId && "deployment_id",
      typeof payload.nonce !== "string" && "nonce",
      payload["https://purl.imsglobal.org/spec/lti-dl/claim/data"] !== `opaque-${courseId}` && "data",
    ].filter(Boolean);
    if (problems.length > 0) return send(400, `<p>Refused: ${problems.join(", ")}</p>`);
    this.deepLinkResponses.push(payload);
    const items = (payload["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] as Record<string, unknown>[]) ?? [];
    const added: string[] = [];
    for (const item of items.filter((i) => i.type === "ltiResourceLink")) {
      const link: ResourceLink = { id: `link-${randomBytes(4).toString("hex")}`, title: String(item.title ?? "Tool link"), custom: (item.custom as Record<string, string>) ?? {} };
      const lineItem = item.lineItem as { label?: string; scoreMaximum?: number; resourceId?: string; tag?: string } | undefined;
      if (lineItem?.scoreMaximum) {
        const created: LineItem = {
          id: `${this.origin}/courses/${courseId}/lineitems/${randomBytes(4).toString("hex")}`,
          courseId,
          label: lineItem.label ?? link.title,
          scoreMaximum: lineItem.scoreMaximum,
          resourceId: lineItem.resourceId,
          resourceLinkId: link.id,
          tag: lineItem.tag,
        };
        this.lineItems.push(created);
        link.lineItemId = created.id;
      }
      this.addLink(courseId, link);
      added.push(link.title);
    }
    return send(200, `<!doctype html><html><body><p id="added">Added to the course: ${escapeHtml(added.join(", "))}</p></body></html>`);
  }
}

/** The form a page posts (the emulator's auto-post pages, the tool's deep-linking answer): its action and fields. */
export function readAutoPostForm(html: string): { action: string; fields: Record<string, string> } {
  const unescape = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, "&").replace(/&quot;/g, '"');
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form in: ${html.slice(0, 300)}`);
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) fields[unescape(m[1])] = unescape(m[2]);
  return { action: unescape(action), fields };
}
