/** Writes the dashboard's event records (domain/dashboard/events.ts): inside the caller's transaction when it has one. */
import { randomUUID } from 'node:crypto';
import type { StationEvent } from '@domain/dashboard/events';
import { COLLECTIONS } from './collections';
import type { Transaction } from './transaction';
import { database } from './wx';

const eventId = () => `ev${randomUUID().replace(/-/g, '')}`;

export async function recordStationEvent(stationId: string | undefined, event: StationEvent, at: Date, transaction?: Transaction): Promise<void> {
  // Questions still in the district queue belong to no station yet: no station's figure counts them.
  if (!stationId) return;
  const data = { ...event, stationId, at } as Record<string, unknown>;
  if (transaction) await transaction.collection(COLLECTIONS.stationEvents).doc(eventId()).set({ data });
  else await database().collection(COLLECTIONS.stationEvents).add({ data });
}
