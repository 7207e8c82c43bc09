"use client";

import { useState } from "react";
import { CopyableText } from "@/components/ui/copyable-text";
import { callApi } from "@/components/ui/api-client";

export interface PlatformSummary {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  deploymentIds: string[];
  authLoginUrl: string;
  authTokenUrl: string;
  jwksUrl: string;
  frameOrigins: string[];
  registeredVia: string;
}

interface Props {
  tool: { loginUrl: string; launchUrl: string; jwksUrl: string; deepLinkingUrl: string };
  platforms: PlatformSummary[];
}

const FIELDS = [
  { name: "name", label: "Name (for you)", placeholder: "Moodle (school)" },
  { name: "issuer", label: "Issuer (Platform ID)", placeholder: "https://moodle.school.edu" },
  { name: "clientId", label: "Client ID", placeholder: "" },
  { name: "deploymentIds", label: "Deployment IDs (one per line)", placeholder: "1", multiline: true },
  { name: "authLoginUrl", label: "Authentication request URL", placeholder: "https://moodle.school.edu/mod/lti/auth.php" },
  { name: "authTokenUrl", label: "Access token URL", placeholder: "https://moodle.school.edu/mod/lti/token.php" },
  { name: "jwksUrl", label: "Public keyset URL", placeholder: "https://moodle.school.edu/mod/lti/certs.php" },
  { name: "frameOrigins", label: "Web addresses of the platform's pages, if not the issuer's (one per line)", placeholder: "https://school.instructure.com", multiline: true },
] as const;

/**
 * An administrator connects learning platforms: our addresses to paste into
 * the LMS, a one-time dynamic registration link, registration by hand, the
 * registered platforms, and rotating our signing key.
 */
export function PlatformsAdmin({ tool, platforms: initial }: Props) {
  const [platforms, setPlatforms] = useState(initial);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [editing, setEditing] = useState<PlatformSummary | null>(null);
  const say = (ok: boolean, text: string) => setStatus({ ok, text });

  return (
    <div className="stack">
      <dl>
        <dt>Login initiation URL</dt>
        <dd>
          <CopyableText text={tool.loginUrl} label="Copy the login initiation URL" />
        </dd>
        <dt>Redirect URI, launch URL and deep-linking URL</dt>
        <dd>
          <CopyableText text={tool.launchUrl} label="Copy the redirect URI" />
        </dd>
        <dt>Public keyset URL (JWKS)</dt>
        <dd>
          <CopyableText text={tool.jwksUrl} label="Copy the public keyset URL" />
        </dd>
      </dl>
      <p>
        <button
          type="button"
          className="button button-quiet"
          onClick={async () => {
            const res = await callApi<{ url: string }>("POST", "/api/lti/registration-links");
            if (res.ok) setLink(res.data.url);
            else say(false, res.message);
          }}
        >
          Make a dynamic registration link
        </button>
      </p>
      {link ? (
        <p className="notice" role="status">
          Paste this into Moodle (Site administration › Plugins › External tool › Manage tools › Tool URL) or Canvas
          (Developer Keys › LTI Registration) within an hour. It works once: <CopyableText text={link} label="Copy the registration link" />
        </p>
      ) : null}
      <h3>Registered platforms</h3>
      {platforms.length === 0 ? <p className="muted">None yet.</p> : null}
      <ul className="card-list" aria-label="Registered platforms">
        {platforms.map((p) => (
          <li key={p.id} className="card">
            <span className="card-title">{p.name}</span> <span className="muted">{p.issuer}</span> · client {p.clientId} · deployments{" "}
            {p.deploymentIds.join(", ") || "none yet (launches are refused until you add one)"} {p.registeredVia === "dynamic" ? "· registered dynamically" : ""}{" "}
            <button type="button" className="button button-small button-quiet" onClick={() => setEditing(p)}>
              Edit {p.name}
            </button>{" "}
            <button
              type="button"
              className="button button-small button-danger"
              onClick={async () => {
                const res = await callApi("DELETE", `/api/lti/platforms/${p.id}`);
                if (res.ok) setPlatforms((list) => list.filter((x) => x.id !== p.id));
                else say(false, res.message);
              }}
            >
              Remove {p.name}
            </button>
          </li>
        ))}
      </ul>
      <h3>{editing ? `Edit ${editing.name}` : "Register a platform by hand"}</h3>
      <form
        key={editing?.id ?? "new"}
        className="stack"
        onSubmit={async (event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
          const res = editing
            ? await callApi<{ platform: PlatformSummary }>("PUT", `/api/lti/platforms/${editing.id}`, data)
            : await callApi<{ platform: PlatformSummary }>("POST", "/api/lti/platforms", data);
          if (!res.ok) return say(false, res.message);
          const saved = res.data.platform;
          setPlatforms((list) => (editing ? list.map((p) => (p.id === saved.id ? saved : p)) : [...list, saved]));
          say(true, editing ? `${saved.name} is saved.` : `${saved.name} is registered.`);
          setEditing(null);
          form.reset();
        }}
      >
        {FIELDS.map((f) => {
          const value = editing ? editing[f.name] : undefined;
          const initial = Array.isArray(value) ? value.join("\n") : value;
          return (
            <label key={f.name} className="field">
              <span>{f.label}</span>
              {"multiline" in f ? (
                <textarea name={f.name} rows={2} placeholder={f.placeholder} defaultValue={initial} />
              ) : (
                <input name={f.name} placeholder={f.placeholder} defaultValue={initial} />
              )}
            </label>
          );
        })}
        <button type="submit" className="button">
          {editing ? "Save platform" : "Register platform"}
        </button>
        {editing ? (
          <button type="button" className="button button-quiet" onClick={() => setEditing(null)}>
            Cancel
          </button>
        ) : null}
      </form>
      <h3>Our signing key</h3>
      <p className="muted">Platforms read it from the keyset URL above. A rotated key stays published for a week.</p>
      <button
        type="button"
        className="button button-quiet"
        onClick={async () => {
          const res = await callApi<{ kid: string }>("POST", "/api/lti/keys");
          say(res.ok, res.ok ? `A new key (${res.data.kid}) signs from now on.` : res.message);
        }}
      >
        Rotate signing key
      </button>
      {status ? (
        <p role={status.ok ? "status" : "alert"} className={status.ok ? "notice" : "form-error"}>
          {status.text}
        </p>
      ) : null}
    </div>
  );
}
