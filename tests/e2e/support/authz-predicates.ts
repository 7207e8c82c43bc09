/** Who an actor is to a target of the authorization matrix: the predicates the route tables share. Pure. */
import { assignment, isMemberOf, isTeacherOf, READINGS, type Actor, type AssignmentKey, type ClassKey } from "./authz-model";

export const inAssignment = (who: Actor, key: string) => isMemberOf(who, assignment(key as AssignmentKey).classKey);
export const teachesAssignment = (who: Actor, key: string) => isTeacherOf(who, assignment(key as AssignmentKey).classKey);
export const classOfKey = (key: string) => key.slice("class.".length) as ClassKey;
export const inClass = (who: Actor, key: string) => isMemberOf(who, classOfKey(key));
export const teachesClass = (who: Actor, key: string) => isTeacherOf(who, classOfKey(key));
export const signedIn = (who: Actor) => who.key !== "anonymous";
export const ownsReading = (who: Actor, key: string) => READINGS.some((rd) => rd.key === key && rd.owner === who.key);
/** The class an actor would manage: their own, or A for those without one. */
export const homeClass = (who: Actor): ClassKey => (who.roles.B ? "B" : "A");
