import { ALLOWED_EVENTS, CASE_STATUSES, newCaseState, transition, type CaseEvent, type CaseEventType, type CaseState } from '@domain/mediation';

const officer = { userId: 'u-zhao', label: '赵警官' };
const t0 = new Date('2026-08-06T10:00:00+08:00');
const at = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);

/** One example of each event, valid wherever the status allows it. */
const SAMPLE: Record<CaseEventType, CaseEvent> = {
  accept: { type: 'accept' },
  decline: { type: 'decline', reason: '不属于调解范围' },
  convene: { type: 'convene', sessionId: 's-new' },
  recordSession: { type: 'recordSession', sessionId: 's1' },
  proposeAgreement: { type: 'proposeAgreement', terms: 2 },
  agree: { type: 'agree', followUpDays: 7 },
  followUp: { type: 'followUp', result: 'held' },
  close: { type: 'close', outcome: 'unresolved', referral: 'peoplesMediation' },
};

function step(state: CaseState, event: CaseEvent, hours: number): CaseState {
  const result = transition(state, event, at(hours), officer);
  if (!result.ok) throw new Error(`refused ${event.type}: ${result.reason}`);
  return result.state;
}

/** A case brought to each status by legal steps (with a session s1 and two terms on the table where it makes sense). */
function caseIn(status: CaseState['status']): CaseState {
  const requested = newCaseState('requested', at(0), officer);
  if (status === 'requested') return requested;
  if (status === 'declined') return step(requested, SAMPLE.decline, 1);
  const accepted = step(requested, SAMPLE.accept, 1);
  if (status === 'accepted') return accepted;
  const mediating = step(step(accepted, { type: 'convene', sessionId: 's1' }, 2), { type: 'proposeAgreement', terms: 2 }, 3);
  if (status === 'mediating') return mediating;
  const agreed = step(mediating, SAMPLE.agree, 4);
  if (status === 'agreed') return agreed;
  return step(agreed, SAMPLE.followUp, 5);
}

describe('the mediation lifecycle', () => {
  const eventTypes = Object.keys(SAMPLE) as CaseEventType[];

  test.each(CASE_STATUSES.flatMap((status) => eventTypes.filter((type) => !ALLOWED_EVENTS[status].includes(type)).map((type) => [status, type] as const)))(
    'refuses %s → %s',
    (status, type) => {
      const state = caseIn(status);
      const result = transition(state, SAMPLE[type], at(10), officer);
      expect(result.ok).toBe(false);
    },
  );

  test.each(CASE_STATUSES.flatMap((status) => ALLOWED_EVENTS[status].map((type) => [status, type] as const)))('allows %s → %s', (status, type) => {
    const result = transition(caseIn(status), SAMPLE[type], at(10), officer);
    expect(result.ok).toBe(true);
  });

  test('closed and declined cases accept nothing', () => {
    expect(ALLOWED_EVENTS.closed).toEqual([]);
    expect(ALLOWED_EVENTS.declined).toEqual([]);
  });

  test('the whole round: every step timestamped and attributed', () => {
    const closed = caseIn('closed');
    expect(closed.status).toBe('closed');
    expect(closed.outcome).toBe('resolved');
    expect(closed.history.map((entry) => [entry.type, entry.from, entry.to])).toEqual([
      ['open', 'requested', 'requested'],
      ['accept', 'requested', 'accepted'],
      ['convene', 'accepted', 'mediating'],
      ['proposeAgreement', 'mediating', 'mediating'],
      ['agree', 'mediating', 'agreed'],
      ['followUp', 'agreed', 'closed'],
    ]);
    expect(closed.history.map((entry) => entry.at.getTime())).toEqual([0, 1, 2, 3, 4, 5].map((hours) => at(hours).getTime()));
    expect(closed.history.every((entry) => entry.by.label === '赵警官')).toBe(true);
    expect(closed.closedAt).toEqual(at(5));
  });

  test('the agreement schedules the 回访 after the case’s own number of days', () => {
    const agreed = step(caseIn('mediating'), { type: 'agree', followUpDays: 3 }, 4);
    expect(agreed.followUpDueAt).toEqual(new Date(at(4).getTime() + 3 * 86_400_000));
    expect(transition(caseIn('mediating'), { type: 'agree', followUpDays: 0 }, at(4), officer).ok).toBe(false);
    expect(transition(caseIn('mediating'), { type: 'agree', followUpDays: 91 }, at(4), officer).ok).toBe(false);
  });

  test('a broken agreement reopens the case without its agreement', () => {
    const reopened = step(caseIn('agreed'), { type: 'followUp', result: 'broken' }, 5);
    expect(reopened.status).toBe('mediating');
    expect(reopened.agreementTerms).toBe(0);
    expect(reopened.followUpDueAt).toBeUndefined();
    expect(reopened.agreedAt).toBeUndefined();
    // It cannot be agreed again before new terms are on the table.
    expect(transition(reopened, SAMPLE.agree, at(6), officer).ok).toBe(false);
    const again = step(step(reopened, { type: 'proposeAgreement', terms: 3 }, 6), SAMPLE.agree, 7);
    expect(again.status).toBe('agreed');
  });

  test('a partly kept agreement closes as 部分化解', () => {
    expect(step(caseIn('agreed'), { type: 'followUp', result: 'partlyHeld' }, 5).outcome).toBe('partlyResolved');
  });

  test('guards on the facts of an event', () => {
    const mediating = caseIn('mediating');
    expect(transition(caseIn('accepted'), { type: 'recordSession', sessionId: 's1' }, at(9), officer).ok).toBe(false);
    expect(transition(mediating, { type: 'recordSession', sessionId: 'unknown' }, at(9), officer).ok).toBe(false);
    expect(transition(mediating, { type: 'convene', sessionId: 's1' }, at(9), officer).ok).toBe(false);
    expect(transition(mediating, { type: 'proposeAgreement', terms: 0 }, at(9), officer).ok).toBe(false);
    expect(transition(step(caseIn('accepted'), { type: 'convene', sessionId: 's1' }, 2), SAMPLE.agree, at(9), officer).ok).toBe(false);
    expect(transition(mediating, { type: 'close', outcome: 'resolved', referral: 'hotline12345' }, at(9), officer).ok).toBe(false);
    expect(transition(caseIn('requested'), { type: 'decline', reason: '  ' }, at(9), officer).ok).toBe(false);
    // Time never runs backwards in a case's history.
    expect(transition(mediating, { type: 'convene', sessionId: 's2' }, at(1), officer).ok).toBe(false);
  });

  test('closing with a referral records it; without one the dispute stayed in the community', () => {
    const referred = step(caseIn('mediating'), { type: 'close', outcome: 'unresolved', referral: 'courtMediation' }, 9);
    expect(referred.referral).toBe('courtMediation');
    expect(referred.history.at(-1)?.detail).toEqual({ outcome: 'unresolved', referral: 'courtMediation' });
    expect(step(caseIn('accepted'), { type: 'close', outcome: 'resolved' }, 9).referral).toBeUndefined();
  });

  test('a refused transition changes nothing', () => {
    const state = caseIn('agreed');
    const before = JSON.stringify(state);
    transition(state, SAMPLE.close, at(10), officer);
    expect(JSON.stringify(state)).toBe(before);
  });
});
