/**
 * `_id`s for add() without one: 32 lowercase hex characters like CloudBase's, starting with the
 * creation time in seconds so ids from one process sort roughly by age.
 */
import { randomBytes } from 'node:crypto';

let counter = randomBytes(4).readUInt32BE(0);

export function generateId(): string {
  counter = (counter + 1) >>> 0;
  const seconds = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0');
  return `${seconds}${counter.toString(16).padStart(8, '0')}${randomBytes(8).toString('hex')}`;
}

/** Request ids returned by commit()/rollback(), like the server's requestId. */
export function generateRequestId(): string {
  return randomBytes(8).toString('hex');
}
