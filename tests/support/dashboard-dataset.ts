/**
 * A generated station history for the dashboard tests and bench: questions with officer replies,
 * bookings (each holding its place), routing decisions, readers, acknowledgements, alert subscribers,
 * bank checks and mediation cases, spread over days with a seeded random source, written straight
 * into the embedded database (as the functions would have left them).
 */
import type { LocalDatabase } from '@local-cloud/database';

const BEIJING = 8 * 3_600_000;
const MINUTE = 60_000;
const dayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) - BEIJING);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10);

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DatasetOptions {
  stationId: string;
  from: string;
  to: string;
  questionsPerDay: number;
  bookingsPerDay: number;
  seed?: number;
  /** Only records before this instant are written (a day's later hours have not happened yet). */
  until?: Date;
}

const CATEGORIES = ['household', 'exitEntry', 'residencePermit', 'dispute', 'publicSecurity', 'other'] as const;
const PRIORITIES = ['normal', 'normal', 'normal', 'high', 'urgent'] as const;

type Doc = Record<string, unknown> & { _id: string };

/** The documents, by collection. */
export function generateDashboardDataset(options: DatasetOptions): Record<string, Doc[]> {
  const random = seededRandom(options.seed ?? 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const until = options.until?.getTime() ?? Infinity;
  const docs: Record<string, Doc[]> = {
    consult_threads: [], consult_messages: [], bookings: [], routing_decisions: [],
    articles: [], article_readers: [], article_acks: [], alert_subscriptions: [], mediation_cases: [],
  };
  const s = options.stationId;
  const articleIds = [0, 1, 2].map((n) => `dash-${s}-article-${n}`);
  articleIds.forEach((id, n) => docs.articles!.push({ _id: id, stationId: s, districtId: 'd', kind: 'alert', title: `文章${n}`, status: 'published', publishedAt: dayStart(options.from), targetKeys: [], filterKeys: [], pinKeys: [] }));
  let serial = 0;
  const next = (prefix: string) => `dash-${s}-${prefix}-${(serial += 1)}`;
  for (let day = options.from; day <= options.to; day = addDays(day, 1)) {
    const start = dayStart(day).getTime();
    const at = (minutes: number) => new Date(start + minutes * MINUTE);
    for (let q = 0; q < options.questionsPerDay; q += 1) {
      const created = at(8 * 60 + Math.floor(random() * 12 * 60));
      if (created.getTime() >= until) continue;
      const kind = random() < 0.1 ? 'bankCheck' : 'question';
      const id = next('thread');
      const replyAfter = Math.floor(random() * 400);
      const replied = random() < 0.85 && created.getTime() + replyAfter * MINUTE < until;
      const rated = replied && random() < 0.4;
      const amount = 1000 * (1 + Math.floor(random() * 90));
      const outcome = pick(['stopped', 'dissuaded', 'notFraud', 'defrauded', undefined] as const);
      docs.consult_threads!.push({
        _id: id, kind, category: kind === 'bankCheck' ? 'fraudCheck' : pick(CATEGORIES), priority: pick(PRIORITIES), stationId: s, createdAt: created, updatedAt: created,
        escalated: random() < 0.1, open: !replied, status: replied ? 'answered' : 'waiting', residentUserId: `u-${q}`, assigneeKey: `desk:${s}`, inboxOrder: `${id}`,
        ...(rated ? { rating: { stars: 1 + Math.floor(random() * 5) } } : {}),
        ...(kind === 'bankCheck' ? { bankCheck: { amount, branchId: 'b', branchName: '网点', payeeKind: 'person', channel: 'phone', ...(outcome ? { outcome } : {}) } } : {}),
      });
      docs.consult_messages!.push({ _id: next('msg'), threadId: id, from: 'resident', text: '问', textMasked: '问', createdAt: created, photoFileIds: [] });
      if (replied) docs.consult_messages!.push({ _id: next('msg'), threadId: id, from: 'officer', text: '答', textMasked: '答', createdAt: new Date(created.getTime() + replyAfter * MINUTE), photoFileIds: [] });
      if (random() < 0.05) docs.routing_decisions!.push({ _id: next('decision'), stationId: s, at: created, userId: `u-${q}`, priority: 'urgent', emergency: { kind: 'violence' } });
      else docs.routing_decisions!.push({ _id: next('decision'), stationId: s, at: created, userId: `u-${q}`, priority: 'normal' });
    }
    const slots = Math.max(1, Math.ceil(options.bookingsPerDay / 8));
    // Each booking that takes a place holds one (`place`, unique), as cloudfunctions/booking/places.ts writes them.
    const takenIn = Array.from({ length: slots }, () => 0);
    for (let b = 0; b < options.bookingsPerDay; b += 1) {
      const slotId = `dash-${s}-${day}-slot-${b % slots}`;
      const status = pick(['booked', 'checkedIn', 'checkedIn', 'noShow', 'cancelled'] as const);
      const id = next('booking');
      const place = status === 'cancelled' ? { place: `free:${id}`, placed: false } : { place: `${slotId}#${(takenIn[b % slots]! += 1) - 1}`, placed: true };
      docs.bookings!.push({ _id: id, stationId: s, day, service: 'idCard', slotId, status, accountId: `u-${b}`, personKey: `p-${b}`, needs: { kinds: random() < 0.2 ? ['wheelchair'] : [] }, start: at(9 * 60), end: at(9 * 60 + 30), createdAt: at(0), checkInCode: '000000', ...place, codeKey: `free:${id}` });
    }
    for (let r = 0; r < 5; r += 1) {
      const when = at(Math.floor(random() * 24 * 60));
      if (when.getTime() >= until) continue;
      docs.article_readers!.push({ _id: next('reader'), articleId: pick(articleIds), userId: `reader-${r}`, stationId: s, at: when });
      if (random() < 0.5) docs.article_acks!.push({ _id: next('ack'), articleId: pick(articleIds), userId: `reader-${r}`, stationId: s, at: when });
      if (random() < 0.3) docs.alert_subscriptions!.push({ _id: next('sub'), stationId: s, communityId: 'c', openid: 'o', remaining: 1, acceptedAt: when, subscribedAt: when });
    }
    if (random() < 0.5) {
      const accepted = at(9 * 60);
      const agreed = new Date(accepted.getTime() + Math.floor(random() * 5) * 86_400_000 + 3_600_000);
      const closed = new Date(agreed.getTime() + 86_400_000);
      const followUp = new Date(closed.getTime() + 86_400_000);
      const by = { userId: 'u', label: '民警' };
      const history = [
        { type: 'open', from: 'requested', to: 'requested', at: new Date(accepted.getTime() - 3_600_000), by },
        { type: 'accept', from: 'requested', to: 'accepted', at: accepted, by },
        { type: 'agree', from: 'mediating', to: 'agreed', at: agreed, by },
        { type: 'followUp', from: 'agreed', to: 'agreed', at: followUp, by, detail: { result: random() < 0.8 ? 'held' : 'broken' } },
        { type: 'close', from: 'agreed', to: 'closed', at: closed, by },
      ].filter((entry) => entry.at.getTime() < until).sort((a, b) => a.at.getTime() - b.at.getTime());
      const isClosed = closed.getTime() < until;
      const referral = random() < 0.2 ? 'committee' : undefined;
      docs.mediation_cases!.push({
        _id: next('case'), stationId: s, districtId: 'd', communityId: 'c', ownerOfficerId: 'o', officerIds: ['o'], partyUserIds: [], inviteeUserIds: [],
        status: isClosed ? 'closed' : 'accepted', history, open: !isClosed, updatedAt: (history.at(-1) as { at: Date }).at, createdAt: accepted,
        ...(isClosed ? { closedAt: closed, outcome: random() < 0.7 ? 'resolved' : 'unresolved', ...(referral ? { referral } : {}) } : {}),
      });
    }
  }
  return docs;
}

export async function insertDataset(engine: LocalDatabase, docs: Record<string, Doc[]>): Promise<void> {
  for (const [collection, items] of Object.entries(docs)) {
    for (const item of items) {
      const { _id, ...data } = item;
      await (engine.api.collection(collection).doc(_id).set({ data }) as Promise<unknown>);
    }
  }
}
