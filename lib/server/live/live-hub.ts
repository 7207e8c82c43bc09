import "server-only";
import pg from "pg";
import type { ChangeEventDTO } from "@/lib/annotations/types";
import { db, sessionConnectionConfig } from "@/lib/db";
import { hearingOf, type RootNow } from "./hearing";
import type { ListenerStanding } from "./listener-access";
import { LIVE_CHANNEL } from "./record-change";

export interface LiveSubscriber {
  viewerId: string;
  /** Id of the last event this reader has; only newer ones are sent. */
  lastId: bigint;
  send: (event: ChangeEventDTO) => void;
  /** The reader's standing now (it may be a few seconds old), or null once their session or membership is gone. */
  standing: () => Promise<ListenerStanding | null>;
  /** Too much was missed to replay: the reader should reload everything. */
  reset: (lastId: string) => void;
  /** The reader lost access: end the stream. */
  close: () => void;
}

interface EventRow {
  id: bigint;
  type: string;
  entityId: string;
  actorId: string | null;
  scope: "private" | "class" | "teachers" | null;
  ownerId: string | null;
  kind: "highlight" | "comment" | "flag" | null;
}

/** A reader catching up from further back than this reloads instead of replaying. */
const MAX_REPLAY = 500;
/** Safety net for a NOTIFY lost while the listener reconnected. */
const POLL_MS = 5_000;

/**
 * The thread each event is about, as it stands now, by event id: the
 * annotation itself, or the one a reply belongs to. Events about the whole
 * assignment (entityId "*") have none. One query per kind per delivery.
 */
async function loadRoots(rows: EventRow[]): Promise<Map<bigint, RootNow | null>> {
  const about = rows.filter((r) => r.kind !== null && r.entityId !== "*");
  const replyIds = about.filter((r) => r.type.startsWith("reply.")).map((r) => r.entityId);
  const replies = replyIds.length
    ? await db.reply.findMany({ where: { id: { in: replyIds } }, select: { id: true, annotationId: true } })
    : [];
  const threadOf = new Map(replies.map((r) => [r.id, r.annotationId]));
  const rootId = (r: EventRow) => (r.type.startsWith("reply.") ? threadOf.get(r.entityId) : r.entityId);
  const ids = [...new Set(about.map(rootId).filter((id): id is string => id !== undefined))];
  if (ids.length === 0) return new Map(about.map((r) => [r.id, null]));
  const annotations = await db.annotation.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      authorId: true,
      scope: true,
      kind: true,
      hiddenAt: true,
      deletedAt: true,
      replies: { where: { deletedAt: null }, select: { id: true }, take: 1 },
    },
  });
  const now = new Map(
    annotations.map((a): [string, RootNow] => [
      a.id,
      {
        authorId: a.authorId,
        scope: a.scope,
        kind: a.kind,
        isHidden: a.hiddenAt !== null,
        isDeleted: a.deletedAt !== null,
        hasLiveReplies: a.replies.length > 0,
      },
    ]),
  );
  return new Map(about.map((r) => [r.id, now.get(rootId(r) ?? "") ?? null]));
}

/**
 * One per app instance: a single LISTEN connection fans PostgreSQL
 * notifications out to this instance's open streams. Each stream replays the
 * change log from its last event id, so a reconnect misses nothing, and
 * several instances sharing one database all hear every write.
 */
class LiveHub {
  private channels = new Map<string, Set<LiveSubscriber>>();
  private pumping = new Map<string, Promise<void>>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private poller: NodeJS.Timeout | null = null;

  async subscribe(assignmentId: string, sub: LiveSubscriber): Promise<() => void> {
    let subs = this.channels.get(assignmentId);
    if (!subs) this.channels.set(assignmentId, (subs = new Set()));
    subs.add(sub);
    void this.ensureListening();
    this.ensurePolling();
    await this.pump(assignmentId);
    return () => {
      subs.delete(sub);
      if (subs.size === 0) this.channels.delete(assignmentId);
    };
  }

  /** Sends each subscriber of the assignment the events it has not seen and may hear. */
  pump(assignmentId: string): Promise<void> {
    const running = this.pumping.get(assignmentId);
    if (running) return running.then(() => this.pump(assignmentId));
    const job = this.deliver(assignmentId).finally(() => this.pumping.delete(assignmentId));
    this.pumping.set(assignmentId, job);
    return job;
  }

  private async deliver(assignmentId: string) {
    const subs = this.channels.get(assignmentId);
    if (!subs || subs.size === 0) return;
    const from = [...subs].reduce((min, s) => (s.lastId < min ? s.lastId : min), subs.values().next().value!.lastId);
    let rows: EventRow[];
    try {
      rows = await db.changeEvent.findMany({
        where: { assignmentId, id: { gt: from } },
        orderBy: { id: "asc" },
        take: MAX_REPLAY + 1,
        select: { id: true, type: true, entityId: true, actorId: true, scope: true, ownerId: true, kind: true },
      });
    } catch {
      return; // database away: the poller tries again
    }
    const newest = rows.at(-1)?.id;
    let roots: Map<bigint, RootNow | null>;
    try {
      roots = await loadRoots(rows);
    } catch {
      return; // as above
    }
    // Only readers with something new are re-checked here; an idle stream is re-checked by its heartbeat.
    const listeners = [...subs].filter((sub) => newest !== undefined && newest > sub.lastId);
    const standings = await Promise.all(listeners.map((sub) => sub.standing().catch(() => undefined)));
    listeners.forEach((sub, i) => {
      const standing = standings[i];
      if (standing === null) return sub.close();
      if (standing === undefined) return; // database away: the poller tries again
      const unseen = rows.filter((r) => r.id > sub.lastId);
      if (unseen.length > MAX_REPLAY && newest !== undefined) {
        sub.lastId = newest;
        return sub.reset(newest.toString());
      }
      let owesReload = false;
      for (const row of unseen) {
        sub.lastId = row.id;
        const hearing = hearingOf(row, roots.get(row.id), sub.viewerId, standing);
        if (hearing === "send") {
          const actorId = row.actorId === sub.viewerId || !standing.anonymousPeers || standing.isTeacher ? row.actorId : null;
          sub.send({ id: row.id.toString(), type: row.type as ChangeEventDTO["type"], entityId: row.entityId, actorId });
        }
        // Heard when written, but the thread is out of this reader's sight now (hidden, made private,
        // deleted): they may still show it, so they reload, told neither which thread nor by whom.
        if (hearing === "reload") owesReload = true;
      }
      if (owesReload) sub.send({ id: sub.lastId.toString(), type: "annotation.updated", entityId: "*", actorId: null });
    });
  }

  private ensurePolling() {
    if (this.poller) return;
    this.poller = setInterval(() => {
      for (const id of this.channels.keys()) void this.pump(id);
    }, POLL_MS);
    this.poller.unref();
  }

  private ensureListening(): Promise<void> {
    if (this.client || this.connecting) return this.connecting ?? Promise.resolve();
    this.connecting = (async () => {
      const client = new pg.Client(sessionConnectionConfig());
      try {
        await client.connect();
        await client.query(`listen ${LIVE_CHANNEL}`);
      } catch {
        await client.end().catch(() => {});
        setTimeout(() => void this.ensureListening(), 1_000).unref();
        return;
      } finally {
        this.connecting = null;
      }
      client.on("notification", (msg) => {
        if (msg.payload) void this.pump(msg.payload);
      });
      const drop = () => {
        if (this.client !== client) return;
        this.client = null;
        client.end().catch(() => {});
        setTimeout(() => void this.ensureListening(), 1_000).unref();
      };
      client.on("error", drop);
      client.on("end", drop);
      this.client = client;
      // Catch up on anything written while we were not listening.
      for (const id of this.channels.keys()) void this.pump(id);
    })();
    return this.connecting;
  }
}

const globalForHub = globalThis as unknown as { __liveHub?: LiveHub };

/** This instance's hub. */
export const liveHub: LiveHub = globalForHub.__liveHub ?? (globalForHub.__liveHub = new LiveHub());
