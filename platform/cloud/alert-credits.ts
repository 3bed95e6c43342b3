/**
 * How many new-question messages WeChat will still deliver to an officer (the workbench's count).
 * `officer_alert_credits/<userId>` holds the count as armed (station.armAlerts) less what a
 * transfer or an escalation spent (consult notifyOfficers). The messages of a consult thread spend
 * theirs without a write of their own: a question opening records each officer's delivery on the
 * watch document written then (consult_watch `newQuestionAlert`, `alertedAt`), and a resident's
 * later message announced to the officers records it in the signal update of the thread's watch
 * documents (`alerts`, `lastAlertAt`). The count is read net of those recorded since it was last
 * armed, so startThread and sendMessage stay within 8 database requests (issue 18) whatever the
 * desk's size.
 */
import { createHash } from 'node:crypto';
import { COLLECTIONS, type ConsultWatchRecord, type OfficerAlertCreditsRecord } from './collections';
import { findById, findMany } from './documents';
import { database } from './wx';

/** A server get() returns at most 1000 documents; more deliveries than that since arming means none are left anyway. */
const DELIVERIES_READ = 1000;

type StoredCredits = Pick<OfficerAlertCreditsRecord, 'remaining' | 'updatedAt' | 'countedFrom'>;
type Delivery = { delivery: 'sent' | 'noneLeft'; at: Date };

/**
 * How a watch document's officer is named in the alert entries every watch document of the
 * thread holds (ConsultWatchRecord.alerts): a digest of the watch document's id, so a resident's
 * phone, which may read its own watch document, learns no officer's account id.
 */
export const alertTokenOf = (watchId: string): string => createHash('sha256').update(`alert:${watchId}`).digest('hex').slice(0, 16);

/** The deliveries a watch document records for its own officer since `from`. */
function deliveriesOn(watch: Pick<ConsultWatchRecord, '_id' | 'newQuestionAlert' | 'alertedAt' | 'alerts'>, from: Date): Delivery[] {
  const opened = watch.newQuestionAlert && watch.alertedAt && watch.alertedAt.getTime() >= from.getTime() ? [{ delivery: watch.newQuestionAlert, at: watch.alertedAt }] : [];
  const token = alertTokenOf(watch._id);
  const later = (watch.alerts ?? []).flatMap((alert): Delivery[] => {
    if (alert.at.getTime() < from.getTime()) return [];
    if (alert.sent.includes(token)) return [{ delivery: 'sent', at: alert.at }];
    return alert.noneLeft.includes(token) ? [{ delivery: 'noneLeft', at: alert.at }] : [];
  });
  return [...opened, ...later];
}

/**
 * The count left, given the stored record (undefined: never armed, none left), and the time of
 * the last delivery it nets (arming counts from just after it: a delivery is netted once).
 * Deliveries are recorded on the officer's watch documents: when a question opened
 * (`alertedAt`) and when later messages of it were announced (`lastAlertAt`), one query each.
 */
export async function creditsLeftOf(userId: string, credits: StoredCredits | undefined): Promise<{ left: number; lastDeliveryAt?: Date }> {
  if (!credits) return { left: 0 };
  const _ = database().command;
  const from = credits.countedFrom ?? credits.updatedAt;
  const watches = database().collection(COLLECTIONS.consultWatch);
  type Recorded = Pick<ConsultWatchRecord, '_id' | 'newQuestionAlert' | 'alertedAt' | 'alerts'>;
  const [opened, announced] = await Promise.all([
    findMany<Recorded>(watches.where({ userId, alertedAt: _.gte(from) }).orderBy('alertedAt', 'asc').orderBy('_id', 'asc').field({ newQuestionAlert: true, alertedAt: true }).limit(DELIVERIES_READ)),
    findMany<Recorded>(watches.where({ userId, lastAlertAt: _.gte(from) }).orderBy('lastAlertAt', 'asc').orderBy('_id', 'asc').field({ alerts: true }).limit(DELIVERIES_READ)),
  ]);
  // A watch document found by both queries is counted once, with all it records.
  const byId = new Map<string, Recorded>();
  for (const watch of [...opened, ...announced]) byId.set(watch._id, { ...byId.get(watch._id), ...watch });
  const deliveries = [...byId.values()].flatMap((watch) => deliveriesOn(watch, from)).sort((a, b) => a.at.getTime() - b.at.getTime());
  const lastDeliveryAt = deliveries.at(-1)?.at;
  if (deliveries.some((delivery) => delivery.delivery === 'noneLeft')) return { left: 0, lastDeliveryAt };
  const spent = deliveries.filter((delivery) => delivery.delivery === 'sent').length;
  return { left: Math.max(0, credits.remaining - spent), lastDeliveryAt };
}

export async function alertCreditsLeft(userId: string): Promise<number> {
  return (await creditsLeftOf(userId, await findById<OfficerAlertCreditsRecord>(COLLECTIONS.officerAlertCredits, userId))).left;
}

/** The record arming writes: the count left plus what was accepted, counting deliveries from after the last one netted. */
export async function armedCredits(userId: string, current: StoredCredits | undefined, accepted: number, now: Date): Promise<Omit<OfficerAlertCreditsRecord, '_id'>> {
  const { left, lastDeliveryAt } = await creditsLeftOf(userId, current);
  const countedFrom = lastDeliveryAt && lastDeliveryAt.getTime() >= now.getTime() ? new Date(lastDeliveryAt.getTime() + 1) : now;
  return { remaining: left + accepted, updatedAt: now, countedFrom };
}
