import { classRoleFor, type LtiClassRole } from "./roles";
import { parseEndpointUrl } from "./urls";

/** One person of a course roster (NRPS 2.0 §2.2), with our class role for them. */
export interface RosterMember {
  sub: string;
  name: string | null;
  email: string | null;
  /** Null when none of their roles teaches or learns (a mentor): they get no place in the class. */
  role: LtiClassRole | null;
  /** Only Active members belong; Inactive and Deleted ones lose their place (§2.2, "status"). */
  isActive: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The members of one page of a membership container. Malformed members (no
 * user_id) are skipped rather than failing the page: one odd row on the
 * platform must not stop everyone else's sync. Null when the answer is not a
 * membership container at all.
 */
export function parseMembershipPage(json: unknown): RosterMember[] | null {
  if (!isRecord(json) || !Array.isArray(json.members)) return null;
  return json.members.flatMap((m): RosterMember[] => {
    if (!isRecord(m) || typeof m.user_id !== "string" || m.user_id === "" || m.user_id.length > 255) return [];
    const roles = Array.isArray(m.roles) ? m.roles.filter((r): r is string => typeof r === "string") : [];
    const name = typeof m.name === "string" && m.name.trim() ? m.name.trim().slice(0, 200) : [m.given_name, m.family_name].filter((s) => typeof s === "string" && s).join(" ") || null;
    const email = typeof m.email === "string" && /^[^\s@]+@[^\s@]+$/.test(m.email) ? m.email.toLowerCase() : null;
    // A member without status is active (the field is optional, Active being the default).
    const isActive = m.status === undefined || m.status === "Active";
    return [{ sub: m.user_id, name, email, role: classRoleFor(roles), isActive }];
  });
}

/**
 * The rel="next" address of an RFC 8288 Link header (NRPS §2.4.2 pages
 * large rosters this way), or null on the last page. Only addresses
 * parseEndpointUrl accepts are followed.
 */
export function nextPageUrl(linkHeader: string | null): string | null {
  if (!linkHeader) return null;
  for (const part of linkHeader.split(",")) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match) continue;
    const params = match[2].split(";").map((p) => p.trim().toLowerCase().replace(/\s+/g, ""));
    if (params.some((p) => p === 'rel="next"' || p === "rel=next")) return parseEndpointUrl(match[1])?.toString() ?? null;
  }
  return null;
}
