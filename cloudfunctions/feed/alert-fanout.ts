/**
 * An urgent alert's subscribe messages, sent through an outbox so that ten thousand of them fit
 * CloudBase's limits: publishing writes one fan-out job (`alert_fanouts/<articleId>`) and sends
 * what fits in a second; the `sendAlertMessages` timer carries on in bounded runs. A run holds the
 * job's lease, reads subscribers a page at a time by `_id` after the job's cursor, and moves the
 * cursor only when the whole page is settled, so a run cut off anywhere resumes where it was.
 *
 * Exactly once: each (alert, resident) first gets a delivery document whose `_id` is derived from
 * both (`add()` rejects a duplicate), then the resident's credit is taken, then WeChat is asked,
 * then the delivery is marked sent. A page read again after a crash finds the settled deliveries
 * and skips them; a delivery claimed by a run that died is finished by the next holder of the
 * lease. The one window WeChat leaves open is a run dying after WeChat accepted a message and
 * before the mark was written (milliseconds): that message goes out again, as WeChat's API has no
 * idempotency key. No delivery is ever lost.
 */
import { FRAUD_ALERT_TEMPLATE } from '@domain/actions/feed';
import { messageData } from '@domain/notifications/message-fields';
import { COLLECTIONS, type AlertSubscriptionRecord, type ArticleRecord } from '@platform/cloud/collections';
import { findById, findMany, updated } from '@platform/cloud/documents';
import { templateIdFor } from '@platform/cloud/settings';
import { cloud, database } from '@platform/cloud/wx';

export interface AlertFanoutRecord {
  /** The article id: one job per alert. */
  _id: string;
  title: string;
  publisher: string;
  publishedAt: Date;
  page: string;
  communityIds: string[];
  /** Which group of (at most 100) communities the cursor is in, and the last subscriber id settled there. */
  chunk: number;
  after: string;
  status: 'sending' | 'done';
  /** A run holds the job until then; a run that died lets go when its lease runs out. */
  leaseUntil: Date;
  sent: number;
  skipped: number;
  runs: number;
  createdAt: Date;
  updatedAt: Date;
  doneAt?: Date;
}

export interface AlertDeliveryRecord {
  /** `${articleId}.${subscriberId}`: a second claim of the same delivery is rejected by add(). */
  _id: string;
  articleId: string;
  subscriberId: string;
  status: 'claimed' | 'sent' | 'noCredit' | 'refused';
  /** The article id while the delivery is claimed but not settled (indexed): what a dead run left behind. */
  openClaim?: string;
  claimedAt: Date;
  sentAt?: Date;
  errCode?: number;
}

/** `in` takes at most 100 values per query (the feed's own limit for area lists). */
const COMMUNITIES_PER_QUERY = 100;
/** Subscribers read and settled per step; the cursor moves after each page. */
export const FANOUT_PAGE = 100;
/** Messages in flight at once: WeChat's openapi answers in tens of milliseconds. */
const CONCURRENT_SENDS = 10;
/** config.json gives the feed function 20 s; a run stops starting pages well before. */
export const FANOUT_RUN_BUDGET_MS = 12_000;
export const FANOUT_LEASE_MS = 25_000;
/** What the publishing call itself spends on the first messages before answering the officer. */
export const PUBLISH_SEND_BUDGET_MS = 1_000;
/** WeChat refusals that will not change by trying again: the delivery is settled as refused. */
const PERMANENT_REFUSALS = new Set([40003, 43101, 47003, 40037]);

const collection = (name: string) => database().collection(name);

/** 'YYYY-MM-DD HH:mm' in Beijing time, whatever the server's zone (China has no daylight saving). */
export const beijingMinute = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const isDuplicate = (error: unknown) => /duplicate|already exists|E11000/i.test(String((error as { errMsg?: string; message?: string })?.errMsg ?? (error as Error)?.message ?? error));

/** Queues an alert for its readers' phones. The job's id is the article's, so queueing twice is one job. */
export async function queueAlertFanout(article: ArticleRecord & { _id: string }, communityIds: string[], now: Date): Promise<void> {
  if (communityIds.length === 0) return;
  const job: AlertFanoutRecord = {
    _id: article._id,
    title: article.title,
    publisher: article.publisher,
    publishedAt: article.publishedAt,
    page: `packages/content/pages/article/index?id=${article._id}`,
    communityIds,
    chunk: 0,
    after: '',
    status: 'sending',
    leaseUntil: new Date(0),
    sent: 0,
    skipped: 0,
    runs: 0,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await collection(COLLECTIONS.alertFanouts).add({ data: job });
  } catch (error) {
    if (!isDuplicate(error)) throw error;
  }
}

type Outcome = 'sent' | 'skipped';

class TransientSendError extends Error {}

function settle(deliveryId: string, fields: Partial<AlertDeliveryRecord>) {
  return collection(COLLECTIONS.alertDeliveries)
    .doc(deliveryId)
    .update({ data: { ...fields, openClaim: database().command.remove() } });
}

async function settleDelivery(job: AlertFanoutRecord, subscriber: AlertSubscriptionRecord, now: Date): Promise<Outcome> {
  const _ = database().command;
  const deliveryId = `${job._id}.${subscriber._id}`;
  let resumed = false;
  try {
    const claim: AlertDeliveryRecord = { _id: deliveryId, articleId: job._id, subscriberId: subscriber._id, status: 'claimed', openClaim: job._id, claimedAt: now };
    await collection(COLLECTIONS.alertDeliveries).add({ data: claim });
  } catch (error) {
    if (!isDuplicate(error)) throw error;
    const existing = await findById<AlertDeliveryRecord>(COLLECTIONS.alertDeliveries, deliveryId);
    if (existing?.status === 'sent') return 'sent';
    if (existing && existing.status !== 'claimed') return 'skipped';
    // Claimed by a run that died: this run holds the lease now, so it finishes the delivery.
    resumed = true;
  }

  if (!resumed) {
    const credit = await updated(
      collection(COLLECTIONS.alertSubscriptions).where({ _id: subscriber._id, remaining: _.gt(0) }).update({ data: { remaining: _.inc(-1) } }),
    );
    if (credit !== 1) {
      await settle(deliveryId, { status: 'noCredit' });
      return 'skipped';
    }
  }

  try {
    await cloud.openapi.subscribeMessage.send({
      touser: subscriber.openid,
      templateId: templateIdFor(FRAUD_ALERT_TEMPLATE),
      page: job.page,
      // Each value fitted to WeChat's field rules (domain/notifications/message-fields.ts); the time in Beijing time.
      data: messageData({ thing1: job.title, thing2: job.publisher, time3: new Date(job.publishedAt) }),
    });
  } catch (error) {
    const errCode = (error as { errCode?: number }).errCode;
    if (errCode !== undefined && PERMANENT_REFUSALS.has(errCode)) {
      // 43101: WeChat has no acceptance on record after all. The alert is still pinned in the feed.
      await settle(deliveryId, { status: 'refused', errCode });
      return 'skipped';
    }
    throw new TransientSendError(`alert ${job._id} to ${subscriber._id}: ${String((error as Error)?.message ?? error)}`);
  }
  await settle(deliveryId, { status: 'sent', sentAt: new Date() });
  return 'sent';
}

/** Works through items `width` at a time; after a failure no new item starts, and it waits for those in flight before throwing. */
async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (next < items.length && !failure) {
      const index = next++;
      try {
        results[index] = await work(items[index]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  if (failure) throw failure.error;
  return results;
}

/** Deliveries a run that died had claimed but not settled: only the lease holder calls this. */
async function finishOpenClaims(job: AlertFanoutRecord, now: () => Date): Promise<{ sent: number; skipped: number }> {
  let sent = 0;
  let skipped = 0;
  for (;;) {
    const open = await findMany<AlertDeliveryRecord>(collection(COLLECTIONS.alertDeliveries).where({ openClaim: job._id }).orderBy('_id', 'asc').limit(FANOUT_PAGE));
    if (open.length === 0) return { sent, skipped };
    const outcomes = await inBatches(open, CONCURRENT_SENDS, async (delivery) => {
      const subscriber = await findById<AlertSubscriptionRecord>(COLLECTIONS.alertSubscriptions, delivery.subscriberId);
      if (!subscriber) {
        await settle(delivery._id, { status: 'noCredit' });
        return 'skipped' as const;
      }
      return settleDelivery(job, subscriber, now());
    });
    sent += outcomes.filter((outcome) => outcome === 'sent').length;
    skipped += outcomes.filter((outcome) => outcome !== 'sent').length;
  }
}

async function nextPage(job: AlertFanoutRecord): Promise<AlertSubscriptionRecord[]> {
  const _ = database().command;
  const communities = job.communityIds.slice(job.chunk * COMMUNITIES_PER_QUERY, (job.chunk + 1) * COMMUNITIES_PER_QUERY);
  const where: Record<string, unknown> = { communityId: _.in(communities), remaining: _.gt(0) };
  if (job.after) where._id = _.gt(job.after);
  return findMany<AlertSubscriptionRecord>(collection(COLLECTIONS.alertSubscriptions).where(where).orderBy('_id', 'asc').limit(FANOUT_PAGE));
}

export interface FanoutRunReport {
  jobs: number;
  sent: number;
  skipped: number;
  /** Jobs still sending when the run ended (the next run carries on). */
  pending: number;
}

/** Works on one job while this run holds its lease and has time left. */
async function workOnJob(job: AlertFanoutRecord, deadline: number, now: () => Date): Promise<{ sent: number; skipped: number; done: boolean }> {
  const _ = database().command;
  const cursor = { chunk: job.chunk, after: job.after };
  let { sent, skipped } = await finishOpenClaims(job, now);
  if (sent + skipped > 0) {
    await collection(COLLECTIONS.alertFanouts)
      .doc(job._id)
      .update({ data: { sent: _.inc(sent), skipped: _.inc(skipped), updatedAt: now() } });
  }
  while (Date.now() < deadline) {
    if (cursor.chunk * COMMUNITIES_PER_QUERY >= job.communityIds.length) {
      await collection(COLLECTIONS.alertFanouts)
        .doc(job._id)
        .update({ data: { status: 'done', doneAt: now(), updatedAt: now(), leaseUntil: new Date(0) } });
      return { sent, skipped, done: true };
    }
    const page = await nextPage({ ...job, ...cursor });
    let pageSent = 0;
    if (page.length === 0) {
      cursor.chunk += 1;
      cursor.after = '';
    } else {
      const outcomes = await inBatches(page, CONCURRENT_SENDS, (subscriber) => settleDelivery(job, subscriber, now()));
      pageSent = outcomes.filter((outcome) => outcome === 'sent').length;
      sent += pageSent;
      skipped += outcomes.length - pageSent;
      cursor.after = page[page.length - 1]!._id;
    }
    // The cursor moves only now that every delivery of the page is settled.
    await collection(COLLECTIONS.alertFanouts)
      .doc(job._id)
      .update({ data: { ...cursor, sent: _.inc(pageSent), skipped: _.inc(page.length - pageSent), updatedAt: now() } });
  }
  return { sent, skipped, done: false };
}

/**
 * One bounded run over the queued alerts: takes each job's lease in turn (a job another run holds
 * is left alone), works until the budget is spent, and lets the lease go.
 */
export async function sendQueuedAlerts(options: { budgetMs: number; now?: () => Date; onlyJob?: string }): Promise<FanoutRunReport> {
  const now = options.now ?? (() => new Date());
  const deadline = Date.now() + options.budgetMs;
  const _ = database().command;
  const report: FanoutRunReport = { jobs: 0, sent: 0, skipped: 0, pending: 0 };
  const queued = options.onlyJob
    ? [await findById<AlertFanoutRecord>(COLLECTIONS.alertFanouts, options.onlyJob)].filter((job): job is AlertFanoutRecord => job?.status === 'sending')
    : await findMany<AlertFanoutRecord>(collection(COLLECTIONS.alertFanouts).where({ status: 'sending' }).orderBy('createdAt', 'asc').orderBy('_id', 'asc').limit(20));
  for (const job of queued) {
    if (Date.now() >= deadline) {
      report.pending += 1;
      continue;
    }
    const at = now();
    const leased = await updated(
      collection(COLLECTIONS.alertFanouts)
        .where({ _id: job._id, status: 'sending', leaseUntil: _.lt(at) })
        .update({ data: { leaseUntil: new Date(at.getTime() + FANOUT_LEASE_MS), runs: _.inc(1), updatedAt: at } }),
    );
    if (leased !== 1) {
      report.pending += 1;
      continue;
    }
    report.jobs += 1;
    let outcome: { sent: number; skipped: number; done: boolean };
    try {
      outcome = await workOnJob(job, deadline, now);
    } catch (error) {
      if (!(error instanceof TransientSendError)) throw error;
      // WeChat did not answer: the page stays where it was and the next run tries again.
      console.warn('[feed] alert messages paused', error.message);
      outcome = { sent: 0, skipped: 0, done: false };
    }
    report.sent += outcome.sent;
    report.skipped += outcome.skipped;
    if (!outcome.done) {
      report.pending += 1;
      await collection(COLLECTIONS.alertFanouts)
        .doc(job._id)
        .update({ data: { leaseUntil: new Date(0) } });
    }
  }
  return report;
}
