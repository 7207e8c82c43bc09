import type { AnnotationDTO, AnnotationListDTO, ChangeEventDTO, ReplyDTO } from "@/lib/annotations/types";

/**
 * An assignment's annotations as one reader sees them, kept current from
 * three sources that can arrive in any order:
 * - live deltas: a thread as it stood after a change-log position
 *   (ChangeEventDTO.thread, stamped `asOf`);
 * - answers to the reader's own requests: one annotation stamped `asOf`, or
 *   a 404 taken at the position the reader had when it asked;
 * - full reloads: the list, current to its `lastEventId`.
 *
 * Each state says how far the change log had come when it was read, and an
 * item is replaced only by a state at least that new. So an answer that
 * took long never overwrites a delta that overtook it, a reload started
 * before a change never brings back what the change removed, and a stale
 * delta never beats a newer reload. Nothing is lost by refusing an older
 * state: every change after it has a higher log id and is still on its way
 * through the stream.
 */
export interface LiveList {
  list: AnnotationListDTO;
  /**
   * Per annotation id, where newer than the list: the position of the state
   * shown, or of its removal (a tombstone, so an older answer cannot bring
   * it back).
   */
  marks: ReadonlyMap<string, bigint>;
  /** The newest log position seen from any source: what a request sent now is at least as new as. */
  position: bigint;
}

const big = (id: string | bigint) => (typeof id === "bigint" ? id : BigInt(id));
const max = (a: bigint, b: bigint) => (a > b ? a : b);

/** The starting state: the page's list, current to its lastEventId. */
export function startLiveList(list: AnnotationListDTO): LiveList {
  return { list, marks: new Map(), position: big(list.lastEventId) };
}

/** The position the item's shown state (or absence) is current to. */
export function markOf(state: LiveList, id: string): bigint {
  return state.marks.get(id) ?? big(state.list.lastEventId);
}

/** Text order, as the list query sorts: start of the passage, then creation time. */
function isBefore(a: AnnotationDTO, b: AnnotationDTO): boolean {
  return a.position.start < b.position.start || (a.position.start === b.position.start && a.createdAt < b.createdAt);
}

function placeIn(list: AnnotationDTO[], annotation: AnnotationDTO | null, id: string): AnnotationDTO[] {
  const at = list.findIndex((a) => a.id === id);
  if (!annotation) return at < 0 ? list : list.filter((a) => a.id !== id);
  if (at >= 0) return list.map((a, i) => (i === at ? annotation : a));
  const before = list.findIndex((a) => isBefore(annotation, a));
  return before < 0 ? [...list, annotation] : [...list.slice(0, before), annotation, ...list.slice(before)];
}

/**
 * One thread's state (null: out of the reader's sight) as of `at`. Refused,
 * returning the same state, when the reader already shows something newer.
 */
export function applyThread(state: LiveList, id: string, annotation: AnnotationDTO | null, at: string | bigint): LiveList {
  const when = big(at);
  const position = max(state.position, when);
  if (when < markOf(state, id)) return { ...state, position };
  const marks = new Map(state.marks);
  marks.set(id, when);
  return { list: { ...state.list, annotations: placeIn(state.list.annotations, annotation, id) }, marks, position };
}

/**
 * An annotation from an answer (a write's result, a single read), at its
 * `asOf`. Without one (nothing the server sends today) it is taken as of
 * the reader's own position, as an answer always was before positions.
 */
export function applyAnswer(state: LiveList, annotation: AnnotationDTO): LiveList {
  return applyThread(state, annotation.id, annotation, annotation.asOf ?? state.position);
}

/** True when the event asks for the whole list again (a new revision, an import, a setting, a thread that cannot be named). */
export function needsReload(event: ChangeEventDTO): boolean {
  return event.thread === undefined && event.entityId === "*";
}

/** A live event: its thread's state, if it carries one; in any case the reader's position moves on. */
export function applyEvent(state: LiveList, event: ChangeEventDTO): LiveList {
  if (event.thread) {
    const at = max(big(event.id), big(event.thread.annotation?.asOf ?? event.id));
    return applyThread(state, event.thread.id, event.thread.annotation, at);
  }
  return { ...state, position: max(state.position, big(event.id)) };
}

/**
 * A full list. An older one than the last list applied is ignored whole
 * (everything shown is at least as new); otherwise items the reader holds
 * in a newer state (or removed since) keep it, and the rest are the list's.
 */
export function applyList(state: LiveList, next: AnnotationListDTO): LiveList {
  const at = big(next.lastEventId);
  const position = max(state.position, at);
  if (at < big(state.list.lastEventId)) return { ...state, position };
  const newer = new Map([...state.marks].filter(([, mark]) => mark > at));
  let annotations = next.annotations;
  for (const id of newer.keys()) {
    annotations = placeIn(annotations, state.list.annotations.find((a) => a.id === id) ?? null, id);
  }
  return { list: { ...next, annotations }, marks: newer, position };
}

/**
 * A reply from the reader's own write, into its thread, unless the thread
 * already shows a later version of it (the stream overtook the answer). The
 * thread's mark stays: the rest of the thread is no newer than before, and
 * the stream brings the thread with this reply soon anyway.
 */
export function applyReply(state: LiveList, reply: ReplyDTO): LiveList {
  const thread = state.list.annotations.find((a) => a.id === reply.annotationId);
  const shown = thread?.replies.find((r) => r.id === reply.id);
  if (!thread || (shown && shown.version > reply.version)) return state;
  const replies = shown ? thread.replies.map((r) => (r.id === reply.id ? reply : r)) : [...thread.replies, reply];
  return { ...state, list: { ...state.list, annotations: placeIn(state.list.annotations, { ...thread, replies }, thread.id) } };
}
