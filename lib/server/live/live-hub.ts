import "server-only";
import pg from "pg";
import type { AnnotationDTO, ChangeEventDTO, ChangeType } from "@/lib/annotations/types";
import { db, sessionConnectionConfig } from "@/lib/db";
import { UNREAD_CHANNEL } from "@/lib/server/notifications/unread-signal";
import { hearingOf } from "./hearing";
import type { ListenerStanding } from "./listener-access";
import { LIVE_CHANNEL } from "./record-change";
import { loadDeliveryThreads, type DeliveryThreads, type EventRow } from "./thread-views";

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

/** A reader catching up from further back than this reloads instead of replaying. */
const MAX_REPLAY = 500;
/** Safety net for a NOTIFY lost while the listener reconnected. */
const POLL_MS = 5_000;

/** What one reader is sent of a delivery, in log order. */
type Outgoing =
  /** About the whole assignment, or about no thread (the answer key): the bare change. */
  | { row: EventRow; kind: "plain" }
  /** About a thread that can no longer be named (its reply is gone): reload everything. */
  | { row: EventRow; kind: "reload" }
  /** The thread as the reader may see it now, or its removal. */
  | { row: EventRow; kind: "thread"; threadId: string; isVisible: boolean };

/**
 * What a reader hears of the changes they have not seen, by hearingOf (the
 * one visibility rule): each thread once, at its newest change, since the
 * thread is sent as it stands now; everything else as it was logged.
 */
function planDelivery(unseen: EventRow[], threads: DeliveryThreads, viewerId: string, standing: ListenerStanding): Outgoing[] {
  const out: (Outgoing | null)[] = [];
  const at = new Map<string, number>();
  // Threads created after the reader's last event: their page never held them, so there is nothing to remove.
  // Sending their removal would name a thread the reader never saw (a note made private or hidden before they
  // caught up), which the authorization matrix counts as a leak.
  const bornUnseen = new Set<string>();
  for (const row of unseen) {
    if (row.type === "annotation.created") bornUnseen.add(row.entityId);
    const threadId = threads.threadOf(row);
    const root = threadId === undefined ? undefined : threadId === null ? null : threads.rootOf(threadId);
    const hearing = hearingOf(row, root, viewerId, standing);
    if (hearing === "skip") continue;
    if (threadId === undefined) out.push({ row, kind: "plain" });
    else if (threadId === null) out.push({ row, kind: "reload" });
    else {
      const earlier = at.get(threadId);
      if (earlier !== undefined) out[earlier] = null;
      at.set(threadId, out.length);
      out.push({ row, kind: "thread", threadId, isVisible: hearing === "send" });
    }
  }
  return out.filter((o): o is Outgoing => o !== null && !(o.kind === "thread" && !o.isVisible && bornUnseen.has(o.threadId)));
}

/** The event a reader receives for one planned item (`views`: the threads as they may see them). */
function toEvent(item: Outgoing, views: Map<string, AnnotationDTO>, viewerId: string, standing: ListenerStanding): ChangeEventDTO | null {
  const { row } = item;
  const id = row.id.toString();
  const actorId = row.actorId === viewerId || !standing.anonymousPeers || standing.isTeacher ? row.actorId : null;
  const type = row.type as ChangeType;
  if (item.kind === "plain") return { id, type, entityId: row.entityId, actorId };
  if (item.kind === "reload") return { id, type: "annotation.updated", entityId: "*", actorId: null };
  if (!item.isVisible) {
    // Heard when written, out of their sight now (hidden, made private, deleted): they drop it, told neither how nor by whom.
    return { id, type: "annotation.updated", entityId: item.threadId, actorId: null, thread: { id: item.threadId, annotation: null } };
  }
  const annotation = views.get(item.threadId);
  return annotation ? { id, type, entityId: row.entityId, actorId, thread: { id: item.threadId, annotation } } : null;
}

/**
 * One per app instance: a single LISTEN connection fans PostgreSQL
 * notifications out to this instance's open streams. Each stream replays the
 * change log from its last event id, so a reconnect misses nothing, and
 * several instances sharing one database all hear every write.
 */
class LiveHub {
  private channels = new Map<string, Set<LiveSubscriber>>();
  /** Open unread-count streams by user: told when that user's count may have changed (unread-stream.ts). */
  private unreadWatchers = new Map<string, Set<() => void>>();
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

  /** Calls `changed` whenever `userId`'s unread count may have changed, on any instance; returns the way to stop. */
  watchUnread(userId: string, changed: () => void): () => void {
    let watchers = this.unreadWatchers.get(userId);
    if (!watchers) this.unreadWatchers.set(userId, (watchers = new Set()));
    watchers.add(changed);
    void this.ensureListening();
    return () => {
      watchers.delete(changed);
      if (watchers.size === 0) this.unreadWatchers.delete(userId);
    };
  }

  private tellUnread(userId?: string) {
    const watchers = userId === undefined ? [...this.unreadWatchers.values()].flatMap((w) => [...w]) : [...(this.unreadWatchers.get(userId) ?? [])];
    for (const changed of watchers) changed();
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
        select: { id: true, type: true, entityId: true, actorId: true, scope: true, ownerId: true, kind: true, groupId: true },
      });
    } catch {
      return; // database away: the poller tries again
    }
    const newest = rows.at(-1)?.id;
    if (newest === undefined) return;
    // Only readers with something new are re-checked here; an idle stream is re-checked by its heartbeat.
    const listeners = [...subs].filter((sub) => newest > sub.lastId);
    if (listeners.length === 0) return;
    let threads: DeliveryThreads;
    try {
      threads = await loadDeliveryThreads(assignmentId, rows, newest.toString());
    } catch {
      return; // as above
    }
    const standings = await Promise.all(listeners.map((sub) => sub.standing().catch(() => undefined)));
    await Promise.all(
      listeners.map(async (sub, i) => {
        const standing = standings[i];
        if (standing === null) return sub.close();
        if (standing === undefined) return; // database away: the poller tries again
        const unseen = rows.filter((r) => r.id > sub.lastId);
        if (unseen.length > MAX_REPLAY) {
          sub.lastId = newest;
          return sub.reset(newest.toString());
        }
        const plan = planDelivery(unseen, threads, sub.viewerId, standing);
        const shown = plan.flatMap((item) => (item.kind === "thread" && item.isVisible ? [item.threadId] : []));
        let views: Map<string, AnnotationDTO>;
        try {
          views = await threads.viewFor({ viewerId: sub.viewerId, role: standing.isTeacher ? "teacher" : "student" }, shown);
        } catch {
          return; // database away: nothing was sent, so the poller replays these later
        }
        if (sub.lastId >= newest) return; // another delivery got there first
        sub.lastId = newest;
        for (const item of plan) {
          const event = toEvent(item, views, sub.viewerId, standing);
          if (event) sub.send(event);
        }
      }),
    );
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
        await client.query(`listen ${LIVE_CHANNEL}; listen ${UNREAD_CHANNEL}`);
      } catch {
        await client.end().catch(() => {});
        setTimeout(() => void this.ensureListening(), 1_000).unref();
        return;
      } finally {
        this.connecting = null;
      }
      client.on("notification", (msg) => {
        if (!msg.payload) return;
        if (msg.channel === UNREAD_CHANNEL) this.tellUnread(msg.payload);
        else void this.pump(msg.payload);
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
      this.tellUnread();
    })();
    return this.connecting;
  }
}

const globalForHub = globalThis as unknown as { __liveHub?: LiveHub };

/** This instance's hub. */
export const liveHub: LiveHub = globalForHub.__liveHub ?? (globalForHub.__liveHub = new LiveHub());
