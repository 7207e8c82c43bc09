/**
 * The world the authorization matrix runs in, as facts, and the rule of who
 * may see what, written from the product's promise (README "Security",
 * lib/server/annotations/visibility.ts's doc comment) rather than from its
 * code, so the matrix can disagree with the product. Pure: no I/O.
 */

export type Role = "teacher" | "student";
export type ClassKey = "A" | "B";
export type ActorKey = "anonymous" | "author" | "classmate" | "outsider" | "teacher" | "otherTeacher";

export interface Actor {
  key: ActorKey;
  label: string;
  roles: Partial<Record<ClassKey, Role>>;
}

/** Class A is the class under test; class B is "another class" with its own teacher and student. */
export const ACTORS: readonly Actor[] = [
  { key: "anonymous", label: "anonymous", roles: {} },
  { key: "author", label: "the author (a student in the class)", roles: { A: "student" } },
  { key: "classmate", label: "a classmate (not the author)", roles: { A: "student" } },
  { key: "outsider", label: "a student in another class", roles: { B: "student" } },
  { key: "teacher", label: "a teacher of the class", roles: { A: "teacher" } },
  { key: "otherTeacher", label: "a teacher of another class", roles: { B: "teacher" } },
];

export type AssignmentKey = "A1" | "A2" | "A3" | "B1";

export interface AssignmentFact {
  key: AssignmentKey;
  classKey: ClassKey;
  peerFlagVisibility: "always" | "after_own_flag";
  hintVisibility: "never" | "always";
  /** A group assignment: each student's group by name (students not named are in no group). */
  groups?: Partial<Record<ActorKey, string>>;
}

/**
 * A1: classmates' flags always shown, hints never; A2: flags only after your own, hints always;
 * A3: small groups of its own, the author and the classmate in different ones.
 */
export const ASSIGNMENTS: readonly AssignmentFact[] = [
  { key: "A1", classKey: "A", peerFlagVisibility: "always", hintVisibility: "never" },
  { key: "A2", classKey: "A", peerFlagVisibility: "after_own_flag", hintVisibility: "always" },
  { key: "A3", classKey: "A", peerFlagVisibility: "always", hintVisibility: "never", groups: { author: "Reds", classmate: "Blues" } },
  { key: "B1", classKey: "B", peerFlagVisibility: "always", hintVisibility: "always" },
];

/** Who an annotation is for: its scope, or a class-scope one a teacher hid. */
export type Audience = "private" | "class" | "teachers" | "hidden";
export const AUDIENCES: readonly Audience[] = ["private", "class", "teachers", "hidden"];

export interface ItemFact {
  key: string;
  assignment: AssignmentKey;
  author: ActorKey;
  kind: "comment" | "flag";
  audience: Audience;
  /** A duplicate flag on the same passage with the same correction: what a merge merges into. */
  twinOf?: string;
  /** Seeded already merged by the class's teacher into this flag, whose passage and correction it shares. */
  mergedInto?: string;
  /** Posted for the class first, then narrowed to its audience by its author: classmates saw it once. */
  wasForClass?: boolean;
}

function item(assignment: AssignmentKey, author: ActorKey, kind: ItemFact["kind"], audience: Audience): ItemFact {
  return { key: `${assignment}.${audience}.${kind}`, assignment, author, kind, audience };
}

const mainItems: ItemFact[] = [
  ...(["comment", "flag"] as const).flatMap((kind) => AUDIENCES.map((audience) => item("A1", "author", kind, audience))),
  // A class flag where classmates see flags only after flagging themselves: nobody but its author has.
  item("A2", "author", "flag", "class"),
  // In a group assignment "class" means the author's group: the classmate, in another group, sees neither.
  item("A3", "author", "comment", "class"),
  item("A3", "author", "flag", "class"),
  item("B1", "outsider", "comment", "class"),
  item("B1", "outsider", "flag", "class"),
];

/**
 * Duplicates a teacher merged across audiences, both ways: a teacher-only
 * flag into a classmate's class flag, and a classmate's class flag into a
 * teacher-only one. Each side must say nothing of the other to whoever may
 * not see it (no id in "merged into", the audit trail or the credits).
 */
const mergedPairs: ItemFact[] = [
  { key: "A1.merge1.into", assignment: "A1", author: "classmate", kind: "flag", audience: "class" },
  { key: "A1.merge1.from", assignment: "A1", author: "author", kind: "flag", audience: "teachers", mergedInto: "A1.merge1.into" },
  { key: "A1.merge2.into", assignment: "A1", author: "author", kind: "flag", audience: "teachers" },
  { key: "A1.merge2.from", assignment: "A1", author: "classmate", kind: "flag", audience: "class", mergedInto: "A1.merge2.into" },
];

/** Comments their author made private or teacher-only after the class had seen them. */
const narrowed: ItemFact[] = (["private", "teachers"] as const).map((audience) => ({
  ...item("A1", "author", "comment", audience),
  key: `A1.${audience}.comment.narrowed`,
  wasForClass: true,
}));

/** Every annotation seeded, twins, merged pairs and narrowed comments included. */
export const ITEMS: readonly ItemFact[] = [
  ...mainItems,
  ...mainItems.filter((i) => i.kind === "flag").map((i) => ({ ...i, key: `${i.key}.twin`, twinOf: i.key })),
  ...mergedPairs,
  ...narrowed,
];

/** The annotations routes are aimed at (the others only stand by). */
export const TARGET_ITEMS: readonly ItemFact[] = mainItems;

/** Whether an item shares its passage and correction with a flag of another audience, so those are not its secrets. */
export const sharesPassageAcrossAudiences = (fact: ItemFact) => mergedPairs.includes(fact);

export interface ReplyFact {
  key: string;
  item: string;
  author: ActorKey;
}

/** One reply by each thread's author, plus a classmate's and a teacher's where they can reply. */
export const REPLIES: readonly ReplyFact[] = [
  ...TARGET_ITEMS.map((i) => ({ key: `${i.key}.reply`, item: i.key, author: i.author })),
  { key: "A1.class.comment.classmate-reply", item: "A1.class.comment", author: "classmate" },
  { key: "A1.teachers.comment.teacher-reply", item: "A1.teachers.comment", author: "teacher" },
];

/** Answer-key entries, one per class, made by its teacher. */
export const ENTRIES = [
  { key: "A1.entry", assignment: "A1" },
  { key: "B1.entry", assignment: "B1" },
] as const satisfies readonly { key: string; assignment: AssignmentKey }[];

/** Readings teachers added (not shared, not assigned). */
export const READINGS = [
  { key: "reading.teacher", owner: "teacher" },
  { key: "reading.otherTeacher", owner: "otherTeacher" },
] as const satisfies readonly { key: string; owner: ActorKey }[];

/**
 * Readings teachers made from a file (neither assigned): the teacher's scan
 * (a PNG, transcribed by OCR), the other teacher's PDF, and a PDF the other
 * teacher shared with the school, whose page and file anyone signed in reads.
 */
export interface SourceReadingFact {
  key: string;
  owner: ActorKey;
  file: "gettysburg-scan.png" | "gettysburg.pdf";
  isShared: boolean;
}
export const SOURCE_READINGS: readonly SourceReadingFact[] = [
  { key: "source.teacher", owner: "teacher", file: "gettysburg-scan.png", isShared: false },
  { key: "source.otherTeacher", owner: "otherTeacher", file: "gettysburg.pdf", isShared: false },
  { key: "source.shared", owner: "otherTeacher", file: "gettysburg.pdf", isShared: true },
];
export const sourceReading = (key: string): SourceReadingFact | undefined => SOURCE_READINGS.find((r) => r.key === key);

/** Accounts that are nobody's actor: removed from a class, or made co-teacher, by the success cases. */
export const SPARES = [
  { key: "spare.A.remove", classKey: "A" },
  { key: "spare.A.byUser", classKey: "A" },
  { key: "spare.B.remove", classKey: "B" },
  { key: "spare.free", classKey: null },
] as const satisfies readonly { key: string; classKey: ClassKey | null }[];

/**
 * Invitations to a class, addressed to an actor's email: only the addressee
 * may answer one, only the class's teachers revoke it (404 for everyone else).
 * Their ids are secret from everyone else.
 */
export interface InvitationFact {
  key: string;
  classKey: ClassKey;
  to: ActorKey;
}
export const INVITATIONS: readonly InvitationFact[] = [
  { key: "invite.A.author", classKey: "A", to: "author" },
  { key: "invite.B.outsider", classKey: "B", to: "outsider" },
];
export const invitationFact = (key: string): InvitationFact => INVITATIONS.find((i) => i.key === key)!;

export const actor = (key: ActorKey): Actor => ACTORS.find((a) => a.key === key)!;
export const assignment = (key: AssignmentKey): AssignmentFact => ASSIGNMENTS.find((a) => a.key === key)!;
export const itemFact = (key: string): ItemFact => ITEMS.find((i) => i.key === key)!;
export const replyFact = (key: string): ReplyFact => REPLIES.find((r) => r.key === key)!;

export const roleIn = (who: Actor, classKey: ClassKey | null): Role | undefined => (classKey ? who.roles[classKey] : undefined);
export const isTeacherOf = (who: Actor, classKey: ClassKey | null) => roleIn(who, classKey) === "teacher";
export const isMemberOf = (who: Actor, classKey: ClassKey | null) => roleIn(who, classKey) !== undefined;
export const isTeacherAnywhere = (who: Actor) => Object.values(who.roles).includes("teacher");

/** Whether classmates' flags on the assignment are shown to `who` (teachers of the class always see them). */
function peerFlagsOpen(who: Actor, a: AssignmentFact): boolean {
  if (isTeacherOf(who, a.classKey) || a.peerFlagVisibility === "always") return true;
  return ITEMS.some((i) => i.assignment === a.key && i.kind === "flag" && i.author === who.key);
}

/**
 * The rule: members only; your own items always; class items unless a
 * teacher hid them; teacher-only and hidden items for the class's teachers;
 * nobody else's private items, not even a teacher; classmates' flags only
 * once the assignment's setting shows them; in a group assignment, a
 * student's class items reach only the students of their group.
 */
export function canSeeItem(who: Actor, fact: ItemFact): boolean {
  const a = assignment(fact.assignment);
  const role = roleIn(who, a.classKey);
  if (!role) return false;
  const isOwn = fact.author === who.key;
  const sameGroup = !a.groups || role === "teacher" || a.groups[who.key] === a.groups[fact.author];
  const byAudience = isOwn || (fact.audience === "class" && sameGroup) || (role === "teacher" && fact.audience !== "private");
  return byAudience && (fact.kind !== "flag" || isOwn || peerFlagsOpen(who, a));
}

/** Everything seeded that `who` must never learn of, by fact key. */
export function secretsOf(who: Actor): string[] {
  return [
    ...ITEMS.filter((i) => !canSeeItem(who, i)).map((i) => i.key),
    ...REPLIES.filter((r) => !canSeeItem(who, itemFact(r.item))).map((r) => r.key),
    ...ENTRIES.filter((e) => !isTeacherOf(who, assignment(e.assignment).classKey)).map((e) => e.key),
    ...READINGS.filter((r) => r.owner !== who.key).map((r) => r.key),
    ...SOURCE_READINGS.filter((r) => r.owner !== who.key && !r.isShared).map((r) => r.key),
    ...(["A", "B"] as const).filter((c) => !isMemberOf(who, c)).map((c) => `class.${c}`),
    ...(["A", "B"] as const).filter((c) => !isTeacherOf(who, c)).map((c) => `joinCode.${c}`),
    ...INVITATIONS.filter((i) => i.to !== who.key && !isTeacherOf(who, i.classKey)).map((i) => i.key),
  ];
}
