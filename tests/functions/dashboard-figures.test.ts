/**
 * The dashboard's figures from a generated history that is lived through the real actions only:
 * residents register, ask, are answered late or never (the escalation timer runs), rate, see the
 * 110 prompt, claim a waitlist place, read, share, open cards from groups, tap 我已知晓, take the
 * quiz and subscribe — each at its own moment of three days. The test keeps its own ledger of what
 * it did and when, and computes every figure from that ledger (never from the function's code or
 * its stored days). The timer misses its runs on two nights; the day rolled up before a late reply
 * keeps its figures, and the run that catches up stores the missed day as the ledger says.
 */
import { bookingActions } from '@domain/actions/booking';
import { consultActions } from '@domain/actions/consult';
import { dashboardActions } from '@domain/actions/dashboard';
import { directoryActions } from '@domain/actions/directory';
import { feedActions } from '@domain/actions/feed';
import { slotsFor } from '@domain/booking/slots';
import { getShareInfo, shareTicketFor } from '@local-cloud/wechat';
import { officerIdOf, persona } from '../support/cloud-harness';
import { clockedHarness, ok } from '../support/clocked-harness';
import { DEMO_ARTICLE, demoArticleId } from '../support/demo-articles';
import { seededRandom } from '../support/dashboard-dataset';

const START = new Date('2026-11-22T22:00:00+08:00');
const harness = clockedHarness(START);
const STATION = 'xiluoyuan';
const DAYS = ['2026-11-23', '2026-11-24', '2026-11-25'] as const;
/** The beat officer of each community the residents live in (demo directory). */
const BEAT: Record<string, { officerId: string; openid: string }> = {
  'xly-1': { officerId: officerIdOf('officer-duty-xly'), openid: 'local-openid-officer-cheng' },
  'xly-2': { officerId: officerIdOf('officer-beat-xly'), openid: 'local-openid-officer-zhao' },
  'xly-3': { officerId: officerIdOf('officer-beat-xly-south'), openid: 'local-openid-officer-liu' },
};
const NAMES: Record<string, string> = { [officerIdOf('officer-beat-xly')]: '赵文龙', [officerIdOf('officer-duty-xly')]: '程亮', [officerIdOf('officer-beat-xly-south')]: '刘建国' };
const admin = () => persona('admin-xly').openid;
const at = (day: string, hh: number, mm = 0) => new Date(`${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`);
const dayOf = (when: Date) => new Date(when.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

type Step = { at: Date; run: () => Promise<void> };

/** What the test did, by Beijing day: the expected figures are computed from this alone. */
interface Ledger {
  questions: { day: string; category: string }[];
  responses: { day: string; minutes: number; withinTarget: boolean; officerId: string; communityId: string }[];
  escalations: { day: string; count: number }[];
  ratings: { day: string; stars: number }[];
  prompts: string[];
  waitlistClaims: string[];
  reads: { day: string; userId: string }[];
  shares: string[];
  landings: string[];
  groupOpens: { day: string; group: string; newReader: boolean }[];
  groupAcks: { day: string; group: string }[];
  acks: { day: string; userId: string; communityId: string }[];
  quiz: { day: string; userId: string; score: number; total: number }[];
  subscribers: { day: string; userId: string }[];
  residents: { userId: string; communityId: string }[];
}

const nearestRank = (values: number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
};
const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function expected(ledger: Ledger, from: string, to: string, baseline: { residents: Record<string, number>; subscribers: number }) {
  const inRange = (day: string) => day >= from && day <= to;
  const responses = ledger.responses.filter((r) => inRange(r.day));
  const groupBy = (key: 'officerId' | 'communityId') =>
    [...new Set(responses.map((r) => r[key]))]
      .map((id) => {
        const mine = responses.filter((r) => r[key] === id);
        const minutes = mine.map((r) => r.minutes);
        return { id, answered: mine.length, p50Minutes: nearestRank(minutes, 50), p90Minutes: nearestRank(minutes, 90), withinTargetRate: rate(mine.filter((r) => r.withinTarget).length, mine.length) };
      })
      .sort((a, b) => b.answered - a.answered || a.id.localeCompare(b.id));
  const ratings = ledger.ratings.filter((r) => inRange(r.day));
  const byCategory: Record<string, number> = {};
  for (const question of ledger.questions.filter((q) => inRange(q.day))) byCategory[question.category] = (byCategory[question.category] ?? 0) + 1;
  const quiz = ledger.quiz.filter((q) => inRange(q.day));
  const groups = new Map<string, { opens: number; newReaders: number; acknowledgements: number }>();
  for (const open of ledger.groupOpens.filter((g) => inRange(g.day))) {
    const total = groups.get(open.group) ?? { opens: 0, newReaders: 0, acknowledgements: 0 };
    groups.set(open.group, { ...total, opens: total.opens + 1, newReaders: total.newReaders + (open.newReader ? 1 : 0) });
  }
  for (const ack of ledger.groupAcks.filter((g) => inRange(g.day))) {
    const total = groups.get(ack.group)!;
    groups.set(ack.group, { ...total, acknowledgements: total.acknowledgements + 1 });
  }
  const residentsAt = (communityId: string) => (baseline.residents[communityId] ?? 0) + ledger.residents.filter((r) => r.communityId === communityId).length;
  const acked = (communityId: string) => new Set(ledger.acks.filter((a) => inRange(a.day) && a.communityId === communityId).map((a) => a.userId)).size;
  return {
    consult: {
      questions: ledger.questions.filter((q) => inRange(q.day)).length,
      byCategory,
      answered: responses.length,
      firstResponseP50Minutes: nearestRank(responses.map((r) => r.minutes), 50),
      firstResponseP90Minutes: nearestRank(responses.map((r) => r.minutes), 90),
      withinTargetRate: rate(responses.filter((r) => r.withinTarget).length, responses.length),
      escalations: ledger.escalations.filter((e) => inRange(e.day)).reduce((sum, e) => sum + e.count, 0),
      ratings: ratings.length,
      averageRating: rate(ratings.reduce((sum, r) => sum + r.stars, 0), ratings.length),
      emergencyPrompts: ledger.prompts.filter(inRange).length,
      byOfficer: groupBy('officerId'),
      byCommunity: groupBy('communityId'),
    },
    waitlistClaims: ledger.waitlistClaims.filter(inRange).length,
    antiFraud: {
      newReaders: ledger.reads.filter((r) => inRange(r.day)).length,
      uniqueReaders: new Set(ledger.reads.filter((r) => inRange(r.day)).map((r) => r.userId)).size,
      acknowledgements: ledger.acks.filter((a) => inRange(a.day)).length,
      alertSubscribers: baseline.subscribers + new Set(ledger.subscribers.filter((s) => s.day <= to).map((s) => s.userId)).size,
      shares: ledger.shares.filter(inRange).length,
      landings: ledger.landings.filter(inRange).length,
      quizRounds: quiz.length,
      quizParticipants: new Set(quiz.map((q) => q.userId)).size,
      quizAverageScore: rate(quiz.reduce((sum, q) => sum + q.score, 0), quiz.length),
      quizCorrectRate: rate(quiz.reduce((sum, q) => sum + q.score, 0), quiz.reduce((sum, q) => sum + q.total, 0)),
      acknowledged: Object.fromEntries(Object.keys(BEAT).map((communityId) => [communityId, { residents: residentsAt(communityId), acknowledged: acked(communityId), share: rate(acked(communityId), residentsAt(communityId)) }])),
      groups: Object.fromEntries([...groups.entries()].filter(([group]) => group !== 'none')),
      landingsWithoutGroup: groups.get('none')?.opens ?? 0,
    },
  };
}

/** The history: 18 residents of three communities over three days, in a seeded random order. */
function plan(ledger: Ledger, targets: Record<string, number>): Step[] {
  const random = seededRandom(2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const steps: Step[] = [];
  const step = (when: Date, run: () => Promise<void>) => steps.push({ at: when, run });
  // The two alerts the residents of 西罗园 read, by title (ids are made when the demo publishes them).
  const ALERTS = [demoArticleId(harness, DEMO_ARTICLE.xlyFakePolice), demoArticleId(harness, DEMO_ARTICLE.xly2FakeRefund)];
  const communities = Object.keys(BEAT);
  const residents = Array.from({ length: 18 }, (_, n) => ({ openid: `openid-dash-${n}`, communityId: communities[n % communities.length]!, userId: '' }));
  // Registration happens before the first day: the residents per community are in place from the start.
  for (const resident of residents) {
    step(at('2026-11-22', 23), async () => {
      const me = ok(await harness.call(resident.openid, directoryActions.bindHomeCommunity, { communityId: resident.communityId, via: 'list' }));
      resident.userId = me.userId;
      ledger.residents.push({ userId: me.userId, communityId: resident.communityId });
    });
  }
  const readers = new Set<string>();
  const firstGroup = new Map<string, string>();
  const acked = new Set<string>();
  const quizzed = new Set<string>();
  for (const day of DAYS) {
    // Questions, answered soon, late or never; some rated once answered.
    for (let n = 0; n < 7; n += 1) {
      const resident = pick(residents);
      const asked = at(day, 8 + Math.floor(random() * 10), Math.floor(random() * 60));
      const delay = pick([3, 12, 40, 95, 200, 700, null] as const);
      const category = pick(['dispute', 'other', 'publicSecurity'] as const);
      const stars = random() < 0.6 ? 1 + Math.floor(random() * 5) : undefined;
      let threadId = '';
      let priority = 'normal';
      step(asked, async () => {
        const started = ok(await harness.call(resident.openid, consultActions.startThread, { category, text: `第${n}个问题：小区里的事想问问民警` }));
        if (started.kind !== 'sent') throw new Error('expected the question to be sent');
        threadId = started.threadId;
        priority = started.routing.priority;
        ledger.questions.push({ day, category });
      });
      if (delay === null) continue;
      const replied = new Date(asked.getTime() + delay * 60_000);
      const beat = BEAT[resident.communityId]!;
      step(replied, async () => {
        ok(await harness.call(beat.openid, consultActions.sendMessage, { threadId, clientId: `reply-${day}-${n}`, text: '您好，我来看看' }));
        ledger.responses.push({ day: dayOf(replied), minutes: delay, withinTarget: delay <= targets[priority]!, officerId: beat.officerId, communityId: resident.communityId });
      });
      if (stars) {
        const rated = new Date(replied.getTime() + 30 * 60_000);
        step(rated, async () => {
          ok(await harness.call(resident.openid, consultActions.closeAndRate, { threadId, stars }));
          ledger.ratings.push({ day: dayOf(rated), stars });
        });
      }
    }
    // Questions that read as emergencies: the 110 prompt is shown; one resident sends anyway.
    for (let n = 0; n < 2; n += 1) {
      const resident = pick(residents);
      step(at(day, 19, 10 * n), async () => {
        const text = '楼下有人拿刀砍人，快来！';
        expect(ok(await harness.call(resident.openid, consultActions.startThread, { category: 'other', text }))).toMatchObject({ kind: 'emergency' });
        ledger.prompts.push(day);
        if (n === 0) {
          ok(await harness.call(resident.openid, consultActions.startThread, { category: 'other', text, afterEmergencyPrompt: true }));
          ledger.questions.push({ day, category: 'other' });
        }
      });
    }
    // The escalation timer, hourly.
    for (let hour = 8; hour <= 23; hour += 1) {
      step(at(day, hour, 5), async () => {
        const result = (await harness.timer('consult', 'escalateOverdue')) as { ok: true; data: { escalated: number } };
        ledger.escalations.push({ day, count: ok(result).escalated });
      });
    }
    // A freed place of a full slot, claimed from the waitlist.
    step(at(day, 9, 30), async () => {
      const [first, second] = [residents[DAYS.indexOf(day)]!, residents[DAYS.indexOf(day) + 5]!];
      const slotId = await fullSlot(day, first.openid);
      const entry = ok(await harness.call(second.openid, bookingActions.joinWaitlist, { slotId, person: { self: true }, needs: { kinds: [] } }));
      const mine = ok(await harness.call(first.openid, bookingActions.myBookings, {}));
      ok(await harness.call(first.openid, bookingActions.cancel, { bookingId: mine.upcoming.find((booking) => booking.slotId === slotId)!.id }));
      ok(await harness.call(second.openid, bookingActions.claimWaitlistHold, { slotId, entryId: entry.id }));
      ledger.waitlistClaims.push(day);
    });
    // Reading (some from shared cards and groups), sharing, 我已知晓.
    for (let n = 0; n < 14; n += 1) {
      const resident = pick(residents);
      const article = pick(ALERTS);
      const when = at(day, 7 + Math.floor(random() * 15), Math.floor(random() * 60));
      const card = pick(['群甲', '群乙', 'unnamed', 'none', null] as const);
      const share = random() < 0.3;
      const ack = random() < 0.5;
      step(when, async () => {
        const key = `${article}/${resident.userId}`;
        const from = card ? `community:${resident.communityId}` : undefined;
        ok(await harness.call(resident.openid, feedActions.getArticle, { id: article, ...(from ? { from } : {}) }));
        if (!readers.has(key)) ledger.reads.push({ day, userId: resident.userId });
        readers.add(key);
        if (card) {
          ledger.landings.push(day);
          const shareCloudId = card === 'none' ? undefined : getShareInfo(resident.openid, shareTicketFor(GROUP_TICKETS[card]!)).cloudID;
          ok(await harness.call(resident.openid, feedActions.recordGroupLanding, { articleId: article, ...(shareCloudId ? { shareCloudId } : {}) }));
          const newReader = card !== 'none' && !firstGroup.has(key);
          if (newReader) firstGroup.set(key, card);
          ledger.groupOpens.push({ day, group: card, newReader });
        }
        if (share) {
          ok(await harness.call(resident.openid, feedActions.shareArticle, { id: article, channel: 'chat' }));
          ledger.shares.push(day);
        }
        if (ack) {
          ok(await harness.call(resident.openid, feedActions.acknowledgeArticle, { id: article }));
          if (!acked.has(key)) {
            ledger.acks.push({ day, userId: resident.userId, communityId: resident.communityId });
            // 我已知晓 counts for the group the reader first opened the item from.
            if (firstGroup.has(key)) ledger.groupAcks.push({ day, group: firstGroup.get(key)! });
          }
          acked.add(key);
        }
      });
    }
    for (let n = 0; n < 4; n += 1) {
      const resident = pick(residents);
      step(at(day, 20, 5 * n), async () => {
        if (quizzed.has(`${day}/${resident.openid}`)) return;
        quizzed.add(`${day}/${resident.openid}`);
        const round = ok(await harness.call(resident.openid, feedActions.startQuiz, {}));
        const graded = ok(await harness.call(resident.openid, feedActions.submitQuiz, { roundId: round.roundId, answers: round.questions.map((question) => pick(question.options).id) }));
        ledger.quiz.push({ day, userId: resident.userId, score: graded.score, total: graded.total });
      });
    }
    // Two new subscribers a day; on the last day the first one accepts again (still one subscriber, since the first day).
    for (let n = 0; n < (day === DAYS[2] ? 3 : 2); n += 1) {
      const resident = residents[n === 2 ? 0 : (DAYS.indexOf(day) * 2 + n) % residents.length]!;
      step(at(day, 21, n), async () => {
        ok(await harness.call(resident.openid, feedActions.subscribeAlerts, { accepted: 1 }));
        ledger.subscribers.push({ day, userId: resident.userId });
      });
    }
  }
  return steps.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** WeChat's group ids (openGId) behind the cards: two groups an officer named, one nobody named. */
const GROUP_TICKETS: Record<string, string> = { 群甲: 'tGxly1GroupA', 群乙: 'tGxly2GroupB', unnamed: 'tGxly3Nameless' };
const NAMED_GROUPS = [
  { ticket: 'tGxly1GroupA', name: '群甲', communityId: 'xly-1' },
  { ticket: 'tGxly2GroupB', name: '群乙', communityId: 'xly-2' },
  { ticket: 'tGxly3Quiet', name: '群丙（没人打开）', communityId: 'xly-3' },
];

/** Books the only place of the day's 户口迁移 slot at 14:00 (capacity 1 in the demo hall) for `openid`. */
async function fullSlot(day: string, openid: string): Promise<string> {
  const slotId = `${STATION}:hukouTransfer:${day}:1400`;
  ok(await harness.call(openid, bookingActions.reserve, { slotId, person: { self: true }, needs: { kinds: [] } }));
  return slotId;
}

/** Lives the planned steps before `until`, each at its own moment. */
async function live(steps: Step[], until: Date): Promise<void> {
  while (steps.length > 0 && steps[0]!.at < until) {
    const next = steps.shift()!;
    jest.setSystemTime(next.at);
    await next.run();
  }
}

async function rollUp(now: Date): Promise<string[]> {
  jest.setSystemTime(now);
  const done: string[] = [];
  for (let runs = 0; runs < 20; runs += 1) {
    const result = ok((await harness.timer('dashboard', 'rollUpDailyStats')) as { ok: true; data: { done: boolean; caughtUpTo: string } });
    done.push(result.caughtUpTo);
    if (result.done) break;
  }
  return done;
}

type Doc = Record<string, any>;

/** Every place 西罗园's hall offers on the days of [from, to]: its services' slots by the booking calendar, times their capacity. */
function offeredPlaces(from: string, to: string): number {
  const config: Doc = { ...((harness.engine.find('hall_configs') as Doc[]).find((doc) => doc._id === STATION) as Doc), stationId: STATION };
  return DAYS.filter((day) => day >= from && day <= to).reduce((sum, day) => sum + config.services.reduce((places: number, offer: Doc) => places + slotsFor(config as never, offer.kind, day).reduce((total, slot) => total + slot.capacity, 0), 0), 0);
}
const storedDay = (day: string) => (harness.engine.find('station_daily_stats') as Doc[]).find((doc) => doc._id === `${STATION}:${day}`);

test('every figure of the dashboard equals what the residents and officers did, and a missed timer run is caught up', async () => {
  const ledger: Ledger = { questions: [], responses: [], escalations: [], ratings: [], prompts: [], waitlistClaims: [], reads: [], shares: [], landings: [], groupOpens: [], groupAcks: [], acks: [], quiz: [], subscribers: [], residents: [] };
  // Before the history: overdue demo questions are escalated now (not in the three days), the groups are named.
  ok((await harness.timer('consult', 'escalateOverdue')) as { ok: true; data: unknown });
  for (const group of NAMED_GROUPS) {
    ok(await harness.call(BEAT['xly-2']!.openid, feedActions.nameGroup, { stationId: STATION, shareCloudId: getShareInfo(BEAT['xly-2']!.openid, shareTicketFor(group.ticket)).cloudID, name: group.name, communityId: group.communityId }));
  }
  const targets = ok(await harness.call(admin(), consultActions.getResponseTargets, { stationId: STATION })).minutes;
  const users = harness.engine.find('users') as Doc[];
  const baseline = {
    residents: Object.fromEntries(Object.keys(BEAT).map((communityId) => [communityId, users.filter((user) => user.homeCommunityId === communityId && user.role === 'resident').length])),
    subscribers: (harness.engine.find('alert_subscriptions') as Doc[]).filter((subscription) => subscription.stationId === STATION).length,
  };
  await harness.engine.api.collection('timer_cursors').doc('dashboard-daily-stats').set({ data: { day: '2026-11-22', afterId: '' } });

  const steps = plan(ledger, targets);
  // The first night the timer runs: 11-22 and 11-23 are stored.
  await live(steps, at('2026-11-24', 0, 10));
  await rollUp(at('2026-11-24', 0, 10));
  const firstNight = JSON.parse(JSON.stringify(storedDay('2026-11-23')));
  // Then the trigger is off for two nights while 11-24 and 11-25 happen (late replies and ratings to 11-23's questions among them).
  await live(steps, at('2026-11-25', 23, 59));
  expect(steps).toHaveLength(0);
  await rollUp(at('2026-11-25', 23, 59));
  // 11-23 was not changed by what happened later; 11-24 was caught up.
  expect(JSON.parse(JSON.stringify(storedDay('2026-11-23')))).toEqual(firstNight);
  expect(storedDay('2026-11-24')).toBeDefined();
  expect(ledger.responses.some((response) => response.day !== ledger.questions[0]?.day)).toBe(true);

  for (const [from, to] of [['2026-11-23', '2026-11-23'], ['2026-11-24', '2026-11-24'], ['2026-11-23', '2026-11-25']] as const) {
    const view = ok(await harness.call(admin(), dashboardActions.stationDashboard, { stationId: STATION, period: 'custom', from, to }));
    const want = expected(ledger, from, to, baseline);
    const got = view.figures;
    expect({ range: [from, to], ...got.consult, byOfficer: got.consult.byOfficer.map(({ name: _name, ...rest }) => rest), byCommunity: got.consult.byCommunity.map(({ name: _name, ...rest }) => rest) }).toEqual({ range: [from, to], ...want.consult });
    expect(got.consult.byOfficer.map((officer) => officer.name)).toEqual(want.consult.byOfficer.map((officer) => NAMES[officer.id]));
    expect(got.booking.waitlistClaims).toBe(want.waitlistClaims);
    // One place a day taken (the 户口迁移 slot, by whoever claimed it from the waitlist), of every place the hall offered.
    const claimedDays = want.waitlistClaims;
    expect(got.booking.bookings).toBe(claimedDays);
    expect(got.booking.utilisation).toBeCloseTo(claimedDays / offeredPlaces(from, to), 12);
    const anti = got.antiFraud;
    expect({
      newReaders: anti.newReaders,
      uniqueReaders: anti.uniqueReaders,
      acknowledgements: anti.acknowledgements,
      alertSubscribers: anti.alertSubscribers,
      shares: anti.shares,
      landings: anti.landings,
      quizRounds: anti.quizRounds,
      quizParticipants: anti.quizParticipants,
      quizAverageScore: anti.quizAverageScore,
      quizCorrectRate: anti.quizCorrectRate,
      acknowledged: Object.fromEntries(anti.acknowledgedByCommunity.filter((row) => row.communityId in BEAT).map((row) => [row.communityId, { residents: row.residents, acknowledged: row.acknowledged, share: row.share }])),
      groups: Object.fromEntries(anti.groups.map((group) => [group.name === '未命名的群' ? 'unnamed' : group.name, { opens: group.opens, newReaders: group.newReaders, acknowledgements: group.acknowledgements }])),
      landingsWithoutGroup: anti.landingsWithoutGroup,
    }).toEqual(want.antiFraud);
    const reached = new Set(Object.keys(want.antiFraud.groups));
    expect(anti.unreachedGroups.map((group) => group.name).sort()).toEqual(NAMED_GROUPS.map((group) => group.name).filter((name) => !reached.has(name)).sort());
  }
  // The history is not trivial: every kind of figure has something to count.
  const whole = expected(ledger, '2026-11-23', '2026-11-25', baseline);
  expect(whole.consult.escalations).toBeGreaterThan(0);
  expect(whole.consult.ratings).toBeGreaterThan(3);
  expect(whole.consult.byOfficer.length).toBe(3);
  expect(whole.antiFraud.uniqueReaders).toBeLessThan(whole.antiFraud.newReaders);
  expect(Object.keys(whole.antiFraud.groups).length).toBeGreaterThanOrEqual(2);
  expect(whole.antiFraud.quizRounds).toBeGreaterThan(3);
}, 120_000);
