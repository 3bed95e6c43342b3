/**
 * The dashboard benchmark's in-process side: a station with a year of history (西罗园 with 32
 * officers, its 6 communities, ~20,000 questions, ~30,000 bookings, 200 articles and their
 * readers, acknowledgements, shares, group landings, quiz rounds and subscribers), written straight
 * into the embedded database as the functions would have left it; the real dashboard timer rolls
 * the year into station_daily_stats; then the station admin opens the dashboard through the real
 * function, as the page does, many times.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dashboardActions } from '../../domain/actions/dashboard';
import { LOCAL_FUNCTIONS, invokeLocalFunction } from '../../local-cloud/functions';
import { DEMO_PERSONAS } from '../../local-cloud/seed/demo-data';
import { loadDemoData } from '../../local-cloud/seed/load-demo-data';
import { closeLocalDatabase, localDatabase } from '../../local-cloud/wx-server-sdk/engine';
import { configureLocalCloud } from '../../local-cloud/wx-server-sdk/state';

type Envelope = { ok: boolean; data?: unknown; error?: { code: string; message: string } };
type Doc = Record<string, unknown>;

const STATION = 'xiluoyuan';
const YEAR = 365;
const OFFICERS = 32;
const THREADS = 20_000;
const BOOKINGS = 30_000;
const ARTICLES = 200;
const GROUPS = 134;
const RESIDENTS_PER_COMMUNITY = 800;
const BEIJING_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const call = (openid: string | undefined, fn: keyof typeof LOCAL_FUNCTIONS, event: unknown) => invokeLocalFunction(fn, event, { openid, envId: 'bench' }) as Promise<Envelope>;

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const beijingDay = (at: Date) => new Date(at.getTime() + BEIJING_MS).toISOString().slice(0, 10);
const startOfDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) - BEIJING_MS);

/** Writes a collection's documents in batches of 1000 (add() takes an array, as the feed bench does). */
async function insertAll(collection: string, docs: Doc[]): Promise<void> {
  const api = localDatabase().api;
  for (let start = 0; start < docs.length; start += 1000) await api.collection(collection).add({ data: docs.slice(start, start + 1000) });
}

/** The year of history, by collection: every record dated before `now`. */
function history(now: Date, communityIds: string[], DAYS: number): Record<string, Doc[]> {
  const random = seededRandom(13);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const today = beijingDay(now);
  const firstDay = beijingDay(new Date(now.getTime() - DAYS * DAY_MS));
  const docs: Record<string, Doc[]> = {
    officers: [], users: [], consult_threads: [], station_events: [], bookings: [], articles: [], article_readers: [],
    article_acks: [], quiz_rounds: [], alert_subscriptions: [], wechat_groups: [], mediation_cases: [],
  };
  const officerIds = Array.from({ length: OFFICERS }, (_, n) => `o-bench-${n}`);
  officerIds.forEach((id, n) =>
    docs.officers!.push({ _id: id, name: `民警${n + 1}`, title: `民警${n + 1}`, stationId: STATION, kinds: ['beat'], communityIds: [communityIds[n % communityIds.length]], active: true, createdAt: now }),
  );
  const residents = communityIds.flatMap((communityId) => Array.from({ length: RESIDENTS_PER_COMMUNITY }, (_, n) => ({ id: `u-bench-${communityId}-${n}`, communityId })));
  for (const resident of residents) {
    docs.users!.push({ _id: resident.id, openid: `openid-${resident.id}`, nickname: '居民', role: 'resident', officerKinds: [], homeCommunityId: resident.communityId, createdAt: startOfDay(firstDay), updatedAt: startOfDay(firstDay) });
  }
  const groupIds = Array.from({ length: GROUPS }, (_, n) => `gbench${String(n).padStart(4, '0')}`);
  groupIds.forEach((id, n) => docs.wechat_groups!.push({ _id: id, openGId: `tG-bench-${n}`, firstSeenAt: startOfDay(firstDay), stationId: STATION, communityId: communityIds[n % communityIds.length], name: `便民群${n + 1}` }));
  const articleIds = Array.from({ length: ARTICLES }, (_, n) => `a-bench-${n}`);
  articleIds.forEach((id, n) =>
    docs.articles!.push({
      _id: id, kind: n % 3 === 0 ? 'alert' : 'story', title: `反诈第${n + 1}期`, summary: '', body: [], tips: [], images: [], fraudTypes: [], audiences: [], districtId: 'fengtai', stationId: STATION,
      target: { scope: 'station', stationId: STATION }, targetKeys: [`station:${STATION}`], filterKeys: [], pinKeys: [], urgent: false, status: 'published', publisher: '西罗园派出所',
      publishedAt: new Date(startOfDay(firstDay).getTime() + (n / ARTICLES) * DAYS * DAY_MS), searchText: '', searchKeys: [], views: 0, shares: 0, acknowledgements: 0, acksByArea: {}, sharesByArea: {}, landingsByArea: {},
    }),
  );
  const event = (type: string, at: Date, extra: Doc = {}) => docs.station_events!.push({ stationId: STATION, type, at, ...extra });
  const seenReader = new Set<string>();
  for (let dayIndex = 0; dayIndex <= DAYS; dayIndex += 1) {
    const day = beijingDay(new Date(startOfDay(firstDay).getTime() + dayIndex * DAY_MS + BEIJING_MS));
    const start = startOfDay(day).getTime();
    const when = (minutes: number) => new Date(start + minutes * MINUTE_MS);
    const past = (at: Date) => at.getTime() < now.getTime();
    const live = articleIds.slice(0, Math.max(1, Math.floor(((dayIndex + 1) / (DAYS + 1)) * ARTICLES)));
    // 问片警: questions, first replies, ratings, escalations, 110 prompts.
    for (let q = 0; q < THREADS / YEAR; q += 1) {
      const created = when(7 * 60 + Math.floor(random() * 14 * 60));
      if (!past(created)) continue;
      const resident = pick(residents);
      const officerId = officerIds[communityIds.indexOf(resident.communityId) + communityIds.length * Math.floor(random() * (OFFICERS / communityIds.length))] ?? officerIds[0];
      docs.consult_threads!.push({ kind: 'question', category: pick(['household', 'exitEntry', 'dispute', 'publicSecurity', 'other']), priority: 'normal', status: 'closed', open: false, stationId: STATION, communityId: resident.communityId, residentUserId: resident.id, assigneeKey: `officer:${officerId}`, inboxOrder: '9', escalated: false, createdAt: created, updatedAt: created });
      const minutes = Math.floor(random() * random() * 600);
      const replied = new Date(created.getTime() + minutes * MINUTE_MS);
      if (random() < 0.9 && past(replied)) {
        event('firstResponse', replied, { minutes, withinTarget: minutes <= 240, officerId, communityId: resident.communityId });
        if (random() < 0.4) event('rating', new Date(replied.getTime() + 3_600_000), { stars: 1 + Math.floor(random() * 5) });
      } else if (random() < 0.6) event('escalation', new Date(created.getTime() + 241 * MINUTE_MS));
      if (random() < 0.02) event('emergencyPrompt', created, { kind: 'violence' });
    }
    // 预约: bookings on the day's slots.
    const counters = Array.from({ length: 10 }, (_, n) => ({ _id: `${STATION}:idRenewal:${day}:${String(900 + n * 30).padStart(4, '0')}`, stationId: STATION, service: 'idRenewal', day, capacity: 10, remaining: 10, held: 0, createdAt: when(0) }));
    for (let b = 0; b < BOOKINGS / YEAR; b += 1) {
      const counter = counters[b % counters.length]!;
      if (counter.remaining === 0) continue;
      counter.remaining -= 1;
      const status = day < today ? pick(['checkedIn', 'checkedIn', 'checkedIn', 'noShow', 'cancelled']) : 'booked';
      if (status === 'cancelled') counter.remaining += 1;
      const id = `${counter._id}:${b}`;
      // Each booking that takes a place holds one (cloudfunctions/booking/places.ts).
      const place = status === 'cancelled' ? { place: `free:${id}`, placed: false } : { place: `${counter._id}#${counter.capacity - counter.remaining - 1}`, placed: true };
      docs.bookings!.push({ _id: id, stationId: STATION, service: 'idRenewal', day, slotId: counter._id, status, accountId: pick(residents).id, personKey: `p${dayIndex}-${b}`, needs: { kinds: random() < 0.1 ? ['wheelchair'] : [] }, start: when(9 * 60), end: when(9 * 60 + 30), createdAt: when(0), updatedAt: when(0), checkInCode: '000000', ...place, codeKey: `free:${id}` });
    }
    if (random() < 0.3 && past(when(10 * 60))) event('waitlistClaim', when(10 * 60), { service: 'idRenewal' });
    // 反诈: first openings (people once per item), 我已知晓, shares, landings, groups, quiz, subscriptions.
    for (let r = 0; r < 140; r += 1) {
      const at = when(Math.floor(random() * 24 * 60));
      if (!past(at)) continue;
      const resident = pick(residents);
      const articleId = pick(live);
      const key = `${articleId}__${resident.id}`;
      if (seenReader.has(key)) continue;
      seenReader.add(key);
      docs.article_readers!.push({ _id: key, articleId, userId: resident.id, stationId: STATION, at });
      if (random() < 0.35) docs.article_acks!.push({ _id: `${key}.ack`, articleId, userId: resident.id, stationId: STATION, areaKey: `community:${resident.communityId}`, at });
      if (random() < 0.25) {
        const groupId = random() < 0.8 ? pick(groupIds) : 'none';
        event('landing', at, { articleId });
        event('groupLanding', at, { articleId, groupId, newReader: groupId !== 'none' });
        if (groupId !== 'none' && random() < 0.3) event('groupAck', at, { articleId, groupId });
      }
      if (random() < 0.08) event('share', at, { articleId });
    }
    for (let z = 0; z < 12; z += 1) {
      const at = when(8 * 60 + Math.floor(random() * 13 * 60));
      if (!past(at)) continue;
      const resident = pick(residents);
      docs.quiz_rounds!.push({ userId: resident.id, userDay: `${resident.id}.${day}`, stationId: STATION, questionIds: ['q1', 'q2', 'q3', 'q4', 'q5'], createdAt: at, submittedAt: at, score: Math.floor(random() * 6), answers: [] });
    }
    for (let s = 0; s < 5; s += 1) {
      const at = when(Math.floor(random() * 24 * 60));
      if (!past(at)) continue;
      const resident = pick(residents);
      docs.alert_subscriptions!.push({ _id: `${resident.id}.${dayIndex}.${s}`, openid: `openid-${resident.id}`, communityId: resident.communityId, stationId: STATION, remaining: 1, acceptedAt: at, subscribedAt: at });
    }
    // 调解: about 90 cases a year.
    if (random() < 0.25) {
      const accepted = when(9 * 60);
      // Today's case, before 09:00 Beijing time, has not been accepted yet: it is not there.
      if (!past(accepted)) continue;
      const agreed = new Date(accepted.getTime() + (1 + Math.floor(random() * 10)) * DAY_MS);
      const by = { userId: 'u', label: '民警' };
      const history = [
        { type: 'open', from: 'requested', to: 'requested', at: new Date(accepted.getTime() - 3_600_000), by },
        { type: 'accept', from: 'requested', to: 'accepted', at: accepted, by },
        { type: 'agree', from: 'mediating', to: 'agreed', at: agreed, by },
      ].filter((entry) => past(entry.at));
      docs.mediation_cases!.push({ stationId: STATION, districtId: 'fengtai', communityId: pick(communityIds), ownerOfficerId: pick(officerIds), officerIds: [], partyUserIds: [], inviteeUserIds: [], status: 'accepted', history, open: true, updatedAt: history.at(-1)!.at, createdAt: accepted });
    }
  }
  return docs;
}

export interface DashboardBench {
  rollUpS: number;
  rollUpRuns: number;
  storedDays: number;
  documents: number;
  open: { p50: number; p95: number; max: number; passes: number; cpuP50: number };
  quarter: { p50: number; p95: number; cpuP50: number };
  year: { p50: number; p95: number; cpuP50: number };
}

/** Builds the world, rolls the year up with the real timer, and times openings of the dashboard. */
export async function measureDashboard({ passes = 60, warmUp = 5, days = YEAR, log = (line: string) => console.log(line) } = {}): Promise<DashboardBench> {
  const DAYS = days;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-dashboard-'));
  process.env.LOCAL_CLOUD_FSYNC = '0';
  configureLocalCloud({ dataDir, envId: 'bench', publicUrl: 'http://127.0.0.1:0' });
  try {
    const local = localDatabase();
    await loadDemoData(local);
    const now = new Date();
    const communityIds = (local.find('communities', { stationId: STATION }) as { _id: string }[]).map((community) => community._id).sort();
    const docs = history(now, communityIds, DAYS);
    let documents = 0;
    const writeStarted = performance.now();
    for (const [collection, items] of Object.entries(docs)) {
      await insertAll(collection, items);
      documents += items.length;
    }
    log(`dashboard: ${documents} documents of history written in ${((performance.now() - writeStarted) / 1000).toFixed(1)} s; the timer rolls the year up…`);
    // The timer's first run catches up the whole year (it was never run before).
    const yearAgo = beijingDay(new Date(now.getTime() - DAYS * DAY_MS));
    await local.api.collection('timer_cursors').doc('dashboard-daily-stats').set({ data: { day: yearAgo, afterId: '' } });
    const rollStarted = performance.now();
    let rollUpRuns = 0;
    for (;;) {
      rollUpRuns += 1;
      const run = await call(undefined, 'dashboard', { Type: 'Timer', TriggerName: 'rollUpDailyStats', Time: new Date().toISOString() });
      if (!run.ok) throw new Error(`rollUpDailyStats: ${run.error?.message}`);
      if ((run.data as { done: boolean }).done) break;
      if (rollUpRuns > 500) throw new Error('the roll-up did not finish in 500 runs');
    }
    const rollUpS = (performance.now() - rollStarted) / 1000;
    const storedDays = (local.find('station_daily_stats', { stationId: STATION }) as unknown[]).length;

    const admin = DEMO_PERSONAS.find((persona) => persona.key === 'admin-xly')?.openid;
    if (!admin) throw new Error('no admin-xly persona');
    const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] as number;
    // Wall time, and this process's CPU time beside it (the machine is shared: waiting for a core shows in the first only).
    const cpu: Record<string, number[]> = {};
    const open = async (input: Record<string, unknown>) => {
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const result = await call(admin, 'dashboard', { action: dashboardActions.stationDashboard.name, input: { stationId: STATION, ...input } });
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpuBefore);
      (cpu[String(input.period)] ??= []).push((used.user + used.system) / 1000);
      if (!result.ok) throw new Error(`stationDashboard: ${result.error?.message}`);
      return ms;
    };
    const timesOf = async (input: Record<string, unknown>, count: number) => {
      for (let i = 0; i < warmUp; i += 1) await open(input);
      cpu[String(input.period)] = [];
      const times: number[] = [];
      for (let i = 0; i < count; i += 1) times.push(await open(input));
      return times.sort((a, b) => a - b);
    };
    const cpuP50 = (period: string) => at([...(cpu[period] ?? [])].sort((a, b) => a - b), 0.5);
    // The page opens on this week (src/packages/figures/pages/dashboard); a quarter and a whole year are the heaviest reads.
    const week = await timesOf({ period: 'thisWeek' }, passes);
    const quarter = await timesOf({ period: 'quarter' }, Math.ceil(passes / 3));
    const today = beijingDay(now);
    const year = await timesOf({ period: 'custom', from: beijingDay(new Date(now.getTime() - 365 * DAY_MS)), to: today }, Math.ceil(passes / 6));
    return {
      rollUpS,
      rollUpRuns,
      storedDays,
      documents,
      open: { p50: at(week, 0.5), p95: at(week, 0.95), max: week[week.length - 1] as number, passes: week.length, cpuP50: cpuP50('thisWeek') },
      quarter: { p50: at(quarter, 0.5), p95: at(quarter, 0.95), cpuP50: cpuP50('quarter') },
      year: { p50: at(year, 0.5), p95: at(year, 0.95), cpuP50: cpuP50('custom') },
    };
  } finally {
    await closeLocalDatabase();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
