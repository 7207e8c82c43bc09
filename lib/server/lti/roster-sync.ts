import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { nextPageUrl, parseMembershipPage, type RosterMember } from "@/lib/lti/nrps";
import { MEDIA_TYPE, SCOPE } from "@/lib/lti/vocabulary";
import { taughtClass } from "@/lib/server/classes/class-writes";
import { isUniqueViolation } from "@/lib/server/db-errors";
import { ensureLtiUser, setCourseMembership } from "./course-people";
import { callPlatform, platformUnavailable } from "./service-token";

/** A launch syncs the roster when the last sync is older than this; teachers can sync at any time. */
export const ROSTER_SYNC_INTERVAL_MS = 10 * 60 * 1000;

/** A bound on paging: 100 pages of a platform's default page size is far beyond any class. */
const MAX_PAGES = 100;

export interface RosterSyncResult {
  /** Active members with a teaching or learning role, now in the class. */
  members: number;
  added: number;
  removed: number;
}

async function fetchRoster(context: { membershipsUrl: string; platform: { id: string; clientId: string; authTokenUrl: string; authServer: string | null } }): Promise<RosterMember[]> {
  const members: RosterMember[] = [];
  let url: string | null = context.membershipsUrl;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const res = await callPlatform(context.platform, [SCOPE.nrps], url, { accept: MEDIA_TYPE.membershipContainer }, "roster service");
    const parsed = res.ok ? parseMembershipPage(await res.json().catch(() => null)) : null;
    if (!parsed) throw platformUnavailable("roster service", `status ${res.status}`);
    members.push(...parsed);
    url = nextPageUrl(res.headers.get("link"));
  }
  return members;
}

/**
 * Names and Role Provisioning (NRPS 2.0): makes the class's roster what the
 * platform says, page by page (Link rel="next"). Every active instructor,
 * teaching assistant and learner gets an account and their role
 * (course-people.ts); a person the platform no longer lists, or lists as
 * Inactive or Deleted, loses their place, and so their access at once (every
 * read asks for a membership); their annotations stay, as when a teacher
 * removes a student. Only people who came from this platform are removed:
 * someone who joined the class here with its code is not the platform's to
 * remove. The whole roster is fetched before anything changes, so a failed
 * page removes nobody.
 */
export async function syncRoster({ ltiContextId, now = new Date() }: { ltiContextId: string; now?: Date }): Promise<RosterSyncResult> {
  const context = await db.ltiContext.findUnique({ where: { id: ltiContextId }, include: { platform: true } });
  if (!context) throw notFound("That course");
  if (!context.membershipsUrl) {
    throw new AppError("conflict", "The learning platform does not share this course's roster with the tool (its Names and Role service is off).");
  }
  const roster = await fetchRoster({ membershipsUrl: context.membershipsUrl, platform: context.platform });
  const before = new Set((await db.membership.findMany({ where: { classroomId: context.classroomId }, select: { userId: true } })).map((m) => m.userId));

  const present = new Set<string>();
  for (const member of roster) {
    if (!member.isActive || !member.role) continue;
    const role = member.role;
    for (let attempt = 0; ; attempt++) {
      try {
        const userId = await db.$transaction(async (tx) => {
          const id = await ensureLtiUser(tx, { issuer: context.issuer, sub: member.sub, name: member.name, email: member.email, role });
          await setCourseMembership(tx, { userId: id, classroomId: context.classroomId, role });
          return id;
        });
        present.add(userId);
        break;
      } catch (error) {
        // The same person launching at this moment made their account first: take theirs.
        if (attempt < 2 && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }

  const removed = await db.membership.deleteMany({
    where: {
      classroomId: context.classroomId,
      userId: { notIn: [...present] },
      user: { ltiIdentities: { some: { issuer: context.issuer } } },
    },
  });
  await db.ltiContext.update({ where: { id: context.id }, data: { rosterSyncedAt: now } });
  return { members: present.size, added: [...present].filter((id) => !before.has(id)).length, removed: removed.count };
}

/**
 * The sync a launch starts: only when the course offers its roster and the
 * last sync is older than ROSTER_SYNC_INTERVAL_MS. The claim is one
 * conditional update, so a class's worth of launches at the start of a lesson
 * starts one sync, not thirty.
 */
export async function syncRosterIfDue({ ltiContextId, now = new Date() }: { ltiContextId: string; now?: Date }): Promise<RosterSyncResult | null> {
  const claimed = await db.ltiContext.updateMany({
    where: {
      id: ltiContextId,
      membershipsUrl: { not: null },
      OR: [{ rosterSyncedAt: null }, { rosterSyncedAt: { lt: new Date(now.getTime() - ROSTER_SYNC_INTERVAL_MS) } }],
    },
    data: { rosterSyncedAt: now },
  });
  if (claimed.count === 0) return null;
  return syncRoster({ ltiContextId, now });
}

/** A teacher of the class asks for a sync now (404 for anyone else, 409 for a class not from a platform). */
export async function requestRosterSync({ viewerId, classroomId }: { viewerId: string; classroomId: string }): Promise<RosterSyncResult> {
  const classroom = await db.classroom.findFirst({ where: taughtClass(viewerId, classroomId), select: { ltiContext: { select: { id: true } } } });
  if (!classroom) throw notFound("That class");
  if (!classroom.ltiContext) throw new AppError("conflict", "This class is not connected to a course on a learning platform.");
  return syncRoster({ ltiContextId: classroom.ltiContext.id });
}
