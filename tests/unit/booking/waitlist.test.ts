import { claimHold, joinWaitlist, leaveWaitlist, nextHolder, placeFreed, type WaitlistEntry } from '@domain/booking';
import { MON, bj } from './fixture';

const SLOT = 'teststation:idRenewal:2026-03-17:0900';
const t = (time: string) => bj(MON, time);

function queueOf(...people: string[]): WaitlistEntry[] {
  let queue: WaitlistEntry[] = [];
  people.forEach((p, i) => {
    const r = joinWaitlist(queue, { id: `w${i}`, slotId: SLOT, accountId: `a-${p}`, personKey: p }, t('08:00'));
    if (!r.ok) throw new Error(r.message);
    queue = r.queue;
  });
  return queue;
}

describe('waitlist', () => {
  test('joining gives a position; joining twice is refused', () => {
    const queue = queueOf('p1', 'p2');
    const again = joinWaitlist(queue, { id: 'w9', slotId: SLOT, accountId: 'a', personKey: 'p1' }, t('08:05'));
    expect(again).toMatchObject({ ok: false, reason: 'ALREADY_WAITING' });
    const third = joinWaitlist(queue, { id: 'w3', slotId: SLOT, accountId: 'a', personKey: 'p3' }, t('08:05'));
    expect(third.ok && third.position).toBe(3);
  });

  test('a freed place is held for the first in line for 30 minutes', () => {
    const { queue, offered } = placeFreed(queueOf('p1', 'p2'), t('10:00'));
    expect(offered).toMatchObject({ personKey: 'p1', status: 'holding', holdUntil: t('10:30') });
    expect(queue.map((e) => e.status)).toEqual(['holding', 'waiting']);
    expect(nextHolder(queue, t('10:29')).holder?.personKey).toBe('p1');
  });

  test('an expired hold passes to the next; the last expiry returns the place to the pool', () => {
    const held = placeFreed(queueOf('p1', 'p2'), t('10:00')).queue;
    const step = nextHolder(held, t('10:30'));
    expect(step.expired.map((e) => e.personKey)).toEqual(['p1']);
    expect(step.offered).toEqual([expect.objectContaining({ personKey: 'p2', holdUntil: t('11:00') })]);
    expect(step.holder?.personKey).toBe('p2');
    expect(step.placesReturned).toBe(0);

    const last = nextHolder(step.queue, t('11:05'));
    expect(last.holder).toBeUndefined();
    expect(last.placesReturned).toBe(1);
    expect(last.queue.map((e) => e.status)).toEqual(['expired', 'expired']);
  });

  test('nothing changes before the hold ends, and the input is never mutated', () => {
    const held = placeFreed(queueOf('p1', 'p2'), t('10:00')).queue;
    const snapshot = JSON.stringify(held);
    const step = nextHolder(held, t('10:10'));
    expect(step).toMatchObject({ expired: [], offered: [], placesReturned: 0 });
    nextHolder(held, t('12:00'));
    expect(JSON.stringify(held)).toBe(snapshot);
  });

  test('holds never outlast the booking cut-off; none start after it', () => {
    const cutoff = bj('2026-03-17', '08:30');
    const late = placeFreed(queueOf('p1'), bj('2026-03-17', '08:15'), { latestHoldEnd: cutoff });
    expect(late.offered?.holdUntil).toEqual(cutoff);
    const tooLate = placeFreed(queueOf('p1'), bj('2026-03-17', '08:30'), { latestHoldEnd: cutoff });
    expect(tooLate.offered).toBeUndefined();
  });

  test('two places freed: two holds at once', () => {
    let { queue } = placeFreed(queueOf('p1', 'p2', 'p3'), t('10:00'));
    queue = placeFreed(queue, t('10:05')).queue;
    expect(nextHolder(queue, t('10:10')).holders.map((e) => e.personKey)).toEqual(['p1', 'p2']);
  });

  test('claiming a hold in time; too late or without one is refused', () => {
    const held = placeFreed(queueOf('p1', 'p2'), t('10:00')).queue;
    const claimed = claimHold(held, 'p1', t('10:20'));
    expect(claimed.ok && claimed.entry.status).toBe('claimed');
    expect(claimHold(held, 'p1', t('10:30'))).toMatchObject({ ok: false, reason: 'HOLD_EXPIRED' });
    expect(claimHold(held, 'p2', t('10:20'))).toMatchObject({ ok: false, reason: 'NO_HOLD' });
    const expired = nextHolder(held, t('10:31')).queue;
    expect(claimHold(expired, 'p1', t('10:31'))).toMatchObject({ ok: false, reason: 'HOLD_EXPIRED' });
  });

  test('leaving while holding passes the place on', () => {
    const held = placeFreed(queueOf('p1', 'p2'), t('10:00')).queue;
    const left = leaveWaitlist(held, 'p1', t('10:10'));
    expect(left.offered).toMatchObject({ personKey: 'p2', holdUntil: t('10:40') });
    const alone = leaveWaitlist(placeFreed(queueOf('p1'), t('10:00')).queue, 'p1', t('10:10'));
    expect(alone).toMatchObject({ placeReturned: true });
    expect(leaveWaitlist(queueOf('p1', 'p2'), 'p2', t('10:10'))).toMatchObject({ placeReturned: false });
  });
});
