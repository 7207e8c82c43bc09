import { uuidV5 } from "@/lib/w3c/import-id";

/**
 * Namespace of the stored ids of annotations and replies created by a client.
 * Fixed forever: changing it would make a retry sent across the change
 * create a second copy instead of finding the first.
 */
export const OWNED_ID_NAMESPACE = "fd52e512-3b02-42a0-a03a-e130ff609721";

/**
 * The id an item is stored under when `authorId` creates it with the client's
 * `clientId`. The client picks its id so that a retried post finds the first
 * copy; deriving the stored id from the author as well means ids are per
 * author: another person's id sent as your own is simply a fresh id of yours,
 * so a create can no longer answer "already taken" and confirm that someone
 * else's item exists. The answer carries the stored id, which clients use
 * from then on.
 */
export function ownedId(authorId: string, clientId: string): string {
  // Author ids contain no spaces, so the pair cannot be read two ways; the
  // client id is a UUID, compared case-insensitively as UUIDs are.
  return uuidV5(OWNED_ID_NAMESPACE, `${authorId} ${clientId.toLowerCase()}`);
}
