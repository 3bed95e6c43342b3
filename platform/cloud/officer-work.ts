import { COLLECTIONS, type ConsultThreadRecord, type DutyShiftRecord, type MediationCaseRecord } from './collections';
import { findMany } from './documents';
import { database } from './wx';

/** Open threads an officer holds (their own inbox key). */
export const openThreadsOf = (officerId: string) =>
  findMany<ConsultThreadRecord>(
    database().collection(COLLECTIONS.consultThreads).where({ assigneeKey: `officer:${officerId}`, open: true }).orderBy('inboxOrder', 'asc').orderBy('_id', 'asc').limit(1000),
  );

/** Open 圆桌调解 cases the officer owns or co-mediates. */
export const openCasesOf = (officerId: string) =>
  findMany<MediationCaseRecord>(
    database().collection(COLLECTIONS.mediationCases).where({ officerIds: officerId, open: true }).orderBy('updatedAt', 'desc').orderBy('_id', 'desc').limit(1000),
  );

/** Shifts that have not ended yet. */
export function upcomingShiftsOf(officerId: string, now: Date): Promise<DutyShiftRecord[]> {
  const _ = database().command;
  return findMany<DutyShiftRecord>(database().collection(COLLECTIONS.dutyShifts).where({ officerId, end: _.gt(now) }).orderBy('end', 'asc').orderBy('_id', 'asc').limit(1000));
}

/** Whether an officer still holds anything a colleague would have to take over. */
export async function holdsWork(officer: { _id: string; communityIds: readonly string[] }, now: Date): Promise<boolean> {
  if (officer.communityIds.length > 0) return true;
  const [threads, cases, shifts] = await Promise.all([openThreadsOf(officer._id), openCasesOf(officer._id), upcomingShiftsOf(officer._id, now)]);
  return threads.length + cases.length + shifts.length > 0;
}
