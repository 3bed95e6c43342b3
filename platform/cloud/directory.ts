import { createLocator, type Locator } from '@domain/geo';
import { createRoutingSnapshot, type RoutingSnapshot } from '@domain/routing';
import type { ResponseTargets } from '@domain/consult';
import { COLLECTIONS, type ConsultSettingsRecord, type DutyLeaveRecord, type DutyShiftRecord, type RoutingRulesRecord, type UserRecord } from './collections';
import { findMany } from './documents';
import { database } from './wx';
import { activeOfficers, directoryVersion, indexRecords, isFresh, readAll, readDirectoryRecords, type DirectoryRecords } from './directory-records';

export { bumpDirectoryVersion, communityView, communityViews, directoryVersion, type DirectoryRecords } from './directory-records';

/**
 * Everything routing needs, read from the database once and indexed: the directory's records
 * (./directory-records), the locator (location → community) and the
 * routing snapshot (rules, officers, who is on duty). A warm function instance keeps it; any
 * directory write bumps `meta/directory.version`, and the roster window moves on, so a stale copy
 * is rebuilt.
 */
export interface Directory extends DirectoryRecords {
  locator: Locator;
  routing: RoutingSnapshot;
  /**
   * The accounts of active officers who have signed in (their id and openid, to notify them and
   * let them watch a thread), read with the rest: opening a thread then reads no account.
   */
  officerAccounts: Map<string, OfficerAccount>;
  /** Each station's own response targets (问片警), where it set them; saving them bumps the directory's version. */
  responseTargets: Map<string, ResponseTargets>;
}

export type OfficerAccount = Pick<UserRecord, '_id' | 'openid'>;

/** `in` takes a bounded list: accounts are read this many ids at a time. */
const ACCOUNTS_PER_READ = 100;

/** Accounts by id (those that exist), a few reads of up to ACCOUNTS_PER_READ ids each. */
export async function accountsByIds(userIds: readonly string[]): Promise<OfficerAccount[]> {
  const _ = database().command;
  const reads: Promise<OfficerAccount[]>[] = [];
  for (let at = 0; at < userIds.length; at += ACCOUNTS_PER_READ) {
    const ids = userIds.slice(at, at + ACCOUNTS_PER_READ);
    reads.push(findMany<UserRecord>(database().collection(COLLECTIONS.users).where({ _id: _.in(ids) }).field({ openid: true }).limit(ids.length)));
  }
  return (await Promise.all(reads)).flat().map((user) => ({ _id: user._id, openid: user.openid }));
}

/** Shifts are loaded for this window around now; the cache is rebuilt well before it runs out. */
const ROSTER_WINDOW_MS = { before: 24 * 3_600_000, after: 48 * 3_600_000 };

export async function buildDirectory(now: Date, version: number): Promise<Directory> {
  const _ = database().command;
  const [stored, shifts, leave, rules, consultSettings] = await Promise.all([
    readDirectoryRecords(),
    readAll<DutyShiftRecord>(
      COLLECTIONS.dutyShifts,
      {
        end: _.gt(new Date(now.getTime() - ROSTER_WINDOW_MS.before)),
        start: _.lt(new Date(now.getTime() + ROSTER_WINDOW_MS.after)),
      },
      'end',
    ),
    readAll<DutyLeaveRecord>(COLLECTIONS.dutyLeave, { to: _.gt(new Date(now.getTime() - ROSTER_WINDOW_MS.before)) }, 'to'),
    readAll<RoutingRulesRecord>(COLLECTIONS.routingRules),
    readAll<ConsultSettingsRecord>(COLLECTIONS.consultSettings),
  ]);

  const { districts, stations, posts, communities } = stored;
  const officers = activeOfficers(stored.officers);
  const accounts = await accountsByIds([...new Set(officers.flatMap((officer) => (officer.userId ? [officer.userId] : [])))]);
  const routing = createRoutingSnapshot({
    directory: {
      districts: districts.map((district) => ({ id: district._id, name: district.name, generalQueueName: district.generalQueueName })),
      stations: stations.map((station) => ({ id: station._id, name: station.name, districtId: station.districtId, hallDeskName: '综合服务大厅', dutyDeskName: '值班室' })),
      posts: posts.map((post) => ({ id: post._id, name: post.name, stationId: post.stationId, communityIds: post.communityIds, phone: post.phone })),
      communities: communities.map((community) => ({ id: community._id, name: community.name, postId: community.postId, stationId: community.stationId })),
      officers: officers.map((officer) => ({
        id: officer._id,
        name: officer.name,
        title: officer.title,
        stationId: officer.stationId,
        ...(officer.postId ? { postId: officer.postId } : {}),
        kinds: officer.kinds,
        communityIds: officer.communityIds,
        // Nobody signs in as a record without an account: routing skips it for urgent checks.
        reachable: Boolean(officer.userId),
      })),
    },
    roster: {
      shifts: shifts.map((shift) => ({ officerId: shift.officerId, start: shift.start, end: shift.end })),
      leave: leave.map((entry) => ({ officerId: entry.officerId, from: entry.from, to: entry.to })),
    },
    rules: rules.map((rule) => ({ stationId: rule._id, byCategory: rule.byCategory, updatedAt: rule.updatedAt, updatedBy: rule.updatedBy })),
  });

  return {
    ...indexRecords(stored, now, version),
    locator: createLocator(communities.map((community) => ({ id: community._id, polygon: community.boundary }))),
    routing,
    officerAccounts: new Map(accounts.map((account) => [account._id, account])),
    responseTargets: new Map(consultSettings.flatMap((settings) => (settings.targets ? [[settings._id, settings.targets] as const] : []))),
  };
}

let cached: Directory | undefined;

/** The current directory: the warm copy when nothing changed, else a fresh one. */
export async function currentDirectory(now: Date): Promise<Directory> {
  const version = await directoryVersion();
  if (!isFresh(cached, version, now)) cached = await buildDirectory(now, version);
  return cached!;
}
