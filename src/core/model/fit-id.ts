// Fits a derived id (a key, `<from>-<to>`, a name) into the schema's 64 characters without cutting it
// silently: a longer one keeps its head and ends in a hash of all of it, so ids that share a long prefix
// stay apart, and the same input always gives the same id whatever else is read or in which order.
import { sha256Hex } from '../export/sha256';

/** The schema's id length limit (`schema.ts`). */
export const MAX_ID_LENGTH = 64;
const HASH_LENGTH = 8;

/** `raw` (already in the id alphabet) as an id of at most 64 − `room` characters; `room` leaves space for a suffix. */
export function fitId(raw: string, room = 0): string {
  const limit = MAX_ID_LENGTH - room;
  if (raw.length <= limit) return raw;
  return `${raw.slice(0, limit - HASH_LENGTH - 1)}-${sha256Hex(raw).slice(0, HASH_LENGTH)}`;
}
