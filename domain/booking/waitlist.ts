/**
 * Waitlist (候补) for a full slot, as pure state transitions on the slot's queue. When a place
 * frees, the first person waiting gets it held for 30 minutes (and is notified); a hold not
 * claimed in time expires and passes to the next; with nobody left the place returns to the
 * public pool. Holds never outlast the slot's booking cut-off.
 *
 * Storage guidance: one document per slot (`waitlists/<slotId>`, entries in line order) so
 * every transition is a single-document transaction; the slot's counter keeps `held` places
 * apart from `remaining` (freed → held + 1 when `offered`, else remaining + 1; claimed →
 * held − 1 with the booking; expired with nobody next → held − 1, remaining + 1).
 * Run `nextHolder` from the reminder timer and whenever the queue is touched.
 */
import { refuse, type Refusal } from './refusals';
import { MINUTE_MS } from './time';

export const DEFAULT_HOLD_MINUTES = 30;

/** People waiting for one slot at most: a line longer than this will not reach the end before the slot. */
export const MAX_WAITING_PER_SLOT = 30;
/** Slots one account may wait for at once (its own and its family's entries). */
export const MAX_WAITLISTS_PER_ACCOUNT = 3;
/** Finished entries (claimed, expired, left) kept in a slot's document for the record; older ones are dropped so it stays small. */
export const FINISHED_ENTRIES_KEPT = 20;

export const WAITLIST_FULL_MESSAGE = `这个时段候补的人已经有${MAX_WAITING_PER_SLOT}位了，轮到的机会很小，请选择其他时间`;
export const TOO_MANY_WAITLISTS_MESSAGE = `一个账号最多同时候补${MAX_WAITLISTS_PER_ACCOUNT}个时段（包括为家人候补的），请先退出一个候补再来`;

/** Keeps every live entry and only the newest finished ones, in line order. */
export function trimFinished<E extends { status: WaitlistStatus }>(queue: readonly E[]): E[] {
  let finishedToDrop = queue.filter((e) => e.status !== 'waiting' && e.status !== 'holding').length - FINISHED_ENTRIES_KEPT;
  return queue.filter((e) => {
    if (finishedToDrop > 0 && e.status !== 'waiting' && e.status !== 'holding') {
      finishedToDrop--;
      return false;
    }
    return true;
  });
}

export const WAITLIST_STATUSES = ['waiting', 'holding', 'claimed', 'expired', 'left'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

export interface WaitlistEntry {
  id: string;
  slotId: string;
  accountId: string;
  personKey: string;
  joinedAt: Date;
  status: WaitlistStatus;
  /** Set while (and after) holding a place: the place is theirs until then. */
  holdUntil?: Date;
}

/** Line order is array order; transitions never reorder. */
export type WaitlistQueue = readonly WaitlistEntry[];

export interface HoldOptions {
  holdMinutes?: number;
  /** No hold beyond this (the slot's start − booking cut-off). */
  latestHoldEnd?: Date;
}

const isLive = (e: WaitlistEntry) => e.status === 'waiting' || e.status === 'holding';

export function joinWaitlist(
  queue: WaitlistQueue,
  entry: Pick<WaitlistEntry, 'id' | 'slotId' | 'accountId' | 'personKey'>,
  now: Date,
): { ok: true; queue: WaitlistEntry[]; position: number } | Refusal<'ALREADY_WAITING'> {
  if (queue.some((e) => isLive(e) && e.personKey === entry.personKey)) return refuse('ALREADY_WAITING');
  const added: WaitlistEntry = { ...entry, joinedAt: now, status: 'waiting' };
  return { ok: true, queue: [...queue, added], position: queue.filter((e) => e.status === 'waiting').length + 1 };
}

/** Hold end for an offer made now, or undefined when no hold can start any more. */
function holdEnd(now: Date, options: HoldOptions): Date | undefined {
  let end = now.getTime() + (options.holdMinutes ?? DEFAULT_HOLD_MINUTES) * MINUTE_MS;
  if (options.latestHoldEnd) end = Math.min(end, options.latestHoldEnd.getTime());
  return end > now.getTime() ? new Date(end) : undefined;
}

/** Offers one freed place to the first person waiting. Mutates the copy it is given. */
function offerNext(entries: WaitlistEntry[], now: Date, options: HoldOptions): WaitlistEntry | undefined {
  const until = holdEnd(now, options);
  if (!until) return undefined;
  const index = entries.findIndex((e) => e.status === 'waiting');
  const waiting = entries[index];
  if (!waiting) return undefined;
  const holding: WaitlistEntry = { ...waiting, status: 'holding', holdUntil: until };
  entries[index] = holding;
  return holding;
}

/**
 * A place was freed (cancellation, reschedule away). `offered` is whom to notify; when undefined
 * the place goes back to the public pool.
 */
export function placeFreed(queue: WaitlistQueue, now: Date, options: HoldOptions = {}): { queue: WaitlistEntry[]; offered?: WaitlistEntry } {
  const entries = [...queue];
  const offered = offerNext(entries, now, options);
  return offered ? { queue: entries, offered } : { queue: entries };
}

export interface NextHolderResult {
  queue: WaitlistEntry[];
  /** The first person holding a place now (what the brief calls the next holder), if any. */
  holder?: WaitlistEntry;
  /** Everyone holding a place now, in line order (several places may be held at once). */
  holders: WaitlistEntry[];
  /** Holds that ran out in this step. */
  expired: WaitlistEntry[];
  /** New holds made in this step (notify these people). */
  offered: WaitlistEntry[];
  /** Places that found nobody to pass to: return them to the public pool. */
  placesReturned: number;
}

/** Expires holds whose time has passed (holdUntil ≤ now) and passes each place to the next in line. */
export function nextHolder(queue: WaitlistQueue, now: Date, options: HoldOptions = {}): NextHolderResult {
  const entries = [...queue];
  const expired: WaitlistEntry[] = [];
  const t = now.getTime();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as WaitlistEntry;
    if (e.status === 'holding' && (e.holdUntil === undefined || e.holdUntil.getTime() <= t)) {
      const gone: WaitlistEntry = { ...e, status: 'expired' };
      entries[i] = gone;
      expired.push(gone);
    }
  }
  const offered: WaitlistEntry[] = [];
  let placesReturned = 0;
  for (let k = 0; k < expired.length; k++) {
    const next = offerNext(entries, now, options);
    if (next) offered.push(next);
    else placesReturned++;
  }
  const holders = entries.filter((e) => e.status === 'holding');
  return { queue: entries, holder: holders[0], holders, expired, offered, placesReturned };
}

/** The person books the place held for them. */
export function claimHold(
  queue: WaitlistQueue,
  personKey: string,
  now: Date,
): { ok: true; queue: WaitlistEntry[]; entry: WaitlistEntry } | Refusal<'NO_HOLD' | 'HOLD_EXPIRED'> {
  // The person's latest entry decides (they may have joined again after an expired hold).
  let index = -1;
  for (let i = queue.length - 1; i >= 0 && index < 0; i--) if (queue[i]?.personKey === personKey && queue[i]?.status !== 'left') index = i;
  const entry = queue[index];
  if (!entry || (entry.status !== 'holding' && entry.status !== 'expired')) return refuse('NO_HOLD');
  if (entry.status === 'expired' || (entry.holdUntil?.getTime() ?? 0) <= now.getTime()) return refuse('HOLD_EXPIRED');
  const claimed: WaitlistEntry = { ...entry, status: 'claimed' };
  const entries = [...queue];
  entries[index] = claimed;
  return { ok: true, queue: entries, entry: claimed };
}

/**
 * Leaves the line. When the person was holding a place it passes to the next (`offered`), or
 * back to the pool (`placeReturned`).
 */
export function leaveWaitlist(
  queue: WaitlistQueue,
  personKey: string,
  now: Date,
  options: HoldOptions = {},
): { queue: WaitlistEntry[]; offered?: WaitlistEntry; placeReturned: boolean } {
  const entries = [...queue];
  const index = entries.findIndex((e) => e.personKey === personKey && isLive(e));
  const entry = entries[index];
  if (!entry) return { queue: entries, placeReturned: false };
  entries[index] = { ...entry, status: 'left' };
  if (entry.status !== 'holding') return { queue: entries, placeReturned: false };
  const offered = offerNext(entries, now, options);
  return offered ? { queue: entries, offered, placeReturned: false } : { queue: entries, placeReturned: true };
}
