/**
 * Generates the authorization matrix: every route × every actor × every
 * target (each seeded audience, and guessed ids) × a valid and an invalid
 * body (signed in, on real targets and one random id), with the expected
 * answer computed from the route's rule. Pure.
 */
import { ACTORS, ASSIGNMENTS, ENTRIES, INVITATIONS, READINGS, REPLIES, SOURCE_READINGS, TARGET_ITEMS, type Actor } from "./authz-model";
import { MERGE_FROM } from "./authz-annotation-routes";
import type { RouteTemplate, TargetKind } from "./authz-route-types";
import { ROUTES } from "./authz-routes";

/**
 * Ids nobody was given, as an attacker would try them: a fresh UUID (the
 * reference every refusal is compared with), a cuid-shaped one, a real id
 * with its last character changed, and a small number.
 */
export type Guess = "random-uuid" | "random-cuid" | "neighbour" | "sequential";
export const REFERENCE_GUESS: Guess = "random-uuid";

export type Outcome = "ok" | "refused" | "unseen" | "invalid" | "signed-out";

export interface MatrixTarget {
  /** A fact key (see authz-model), or for guesses the fact the guess is a neighbour of. */
  key: string;
  guess?: Guess;
}

export interface MatrixCase {
  id: number;
  route: RouteTemplate;
  actor: Actor;
  target: MatrixTarget;
  variant: "valid" | "invalid";
  expected: { status: number; outcome: Outcome };
  /** Must be answered byte for byte like the same request aimed at a fresh random id. */
  mustMatchGuess: boolean;
  /** 1: reads and refusals, run first, must change nothing; 2: successful writes, on fresh copies where needed. */
  phase: 1 | 2;
}

const MEMBER_USERS = ["spare.A.byUser", "user.outsider", "user.otherTeacher", "user.teacher"];

/** The seeded targets of each kind. */
function factsFor(kind: TargetKind): string[] {
  switch (kind) {
    case "item":
      return TARGET_ITEMS.map((i) => i.key);
    case "flagInto":
      return TARGET_ITEMS.map((i) => i.key).filter((k) => k !== MERGE_FROM);
    case "reply":
      return REPLIES.map((r) => r.key);
    case "assignment":
      return ASSIGNMENTS.map((a) => a.key);
    case "class":
    case "classMember":
      return ["class.A", "class.B"];
    case "memberUser":
      return MEMBER_USERS;
    case "entry":
      return ENTRIES.map((e) => e.key);
    case "reading":
    case "readingSlug":
      return READINGS.map((r) => r.key);
    case "sourceReading":
    case "sourceSlug":
    case "sourceFile":
      return SOURCE_READINGS.map((r) => r.key);
    case "essayRef":
      return ["essay.library", ...READINGS.map((r) => r.key)];
    case "invitation":
      return INVITATIONS.map((i) => i.key);
    case "none":
      return ["none"];
  }
}

/** The guesses tried on each kind of target; slugs are guessed as a random one and "<real slug>-2". */
function guessesFor(kind: TargetKind): Guess[] {
  if (kind === "none") return [];
  if (kind === "readingSlug" || kind === "sourceSlug") return ["random-uuid", "neighbour"];
  return ["random-uuid", "random-cuid", "neighbour", "sequential"];
}

export function targetsFor(kind: TargetKind): MatrixTarget[] {
  const facts = factsFor(kind);
  return [...facts.map((key) => ({ key })), ...guessesFor(kind).map((guess) => ({ key: facts[0], guess }))];
}

/** What `who` must get from `route` aimed at `target`: the rule, in one place. */
export function expectedOutcome(route: RouteTemplate, who: Actor, target: MatrixTarget, variant: "valid" | "invalid"): MatrixCase["expected"] {
  if (who.key === "anonymous") return { status: route.isPage ? 307 : 401, outcome: "signed-out" };
  if (variant === "invalid" && route.validatesFirst !== false) return { status: 422, outcome: "invalid" };
  const sees = !target.guess && route.sees(who, target.key);
  if (!sees) return { status: route.unseen?.(who) ?? 404, outcome: "unseen" };
  if (route.may && !route.may(who, target.key)) return { status: route.refusal ?? 404, outcome: "refused" };
  if (variant === "invalid") return { status: 422, outcome: "invalid" };
  return { status: route.ok, outcome: "ok" };
}

/** Whether a case's answer may carry no trace of its target: then it must equal the answer to a random id. */
function mustMatch(route: RouteTemplate, target: MatrixTarget, expected: MatrixCase["expected"]): boolean {
  if (guessesFor(route.target).length === 0 || target.guess === REFERENCE_GUESS) return false;
  const { outcome, status } = expected;
  return outcome === "unseen" || outcome === "signed-out" || status === 404 || (outcome === "invalid" && route.validatesFirst !== false);
}

/** The whole matrix, in a stable order. */
export function generateCases(routes: readonly RouteTemplate[] = ROUTES): MatrixCase[] {
  const cases: MatrixCase[] = [];
  for (const route of routes) {
    const variants = route.invalid ? (["valid", "invalid"] as const) : (["valid"] as const);
    for (const target of targetsFor(route.target)) {
      for (const actor of ACTORS) {
        for (const variant of variants) {
          // A body is read only after the session is checked, and one random id stands for all guesses.
          if (variant === "invalid" && (actor.key === "anonymous" || (target.guess && target.guess !== REFERENCE_GUESS))) continue;
          const expected = expectedOutcome(route, actor, target, variant);
          const isWrite = route.method !== "GET";
          cases.push({
            id: cases.length,
            route,
            actor,
            target,
            variant,
            expected,
            mustMatchGuess: mustMatch(route, target, expected),
            phase: isWrite && expected.status < 300 ? 2 : 1,
          });
        }
      }
    }
  }
  return cases;
}

/** The case a refusal is compared with: same route, actor and body, aimed at a random id. */
export function referenceKey(c: Pick<MatrixCase, "route" | "actor" | "variant">): string {
  return `${c.route.name}|${c.actor.key}|${c.variant}`;
}
