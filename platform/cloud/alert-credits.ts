/**
 * How many new-question messages WeChat will still deliver to an officer (the workbench's count).
 * `officer_alert_credits/<userId>` holds the count as armed (station.armAlerts) less what later
 * messages spent one by one (consult notifyOfficers). A question opening spends its message
 * without a write of its own: the officer's watch document written then records the delivery
 * (consult_watch `newQuestionAlert`, `alertedAt`), and the count is read net of those recorded
 * since the count was last armed. So opening a question stays within 8 database requests
 * (issue 18) whatever the desk's size.
 */
import { COLLECTIONS, type ConsultWatchRecord, type OfficerAlertCreditsRecord } from './collections';
import { findById, findMany } from './documents';
import { database } from './wx';

/** A server get() returns at most 1000 documents; more deliveries than that since arming means none are left anyway. */
const DELIVERIES_READ = 1000;

type StoredCredits = Pick<OfficerAlertCreditsRecord, 'remaining' | 'updatedAt' | 'countedFrom'>;

/**
 * The count left, given the stored record (undefined: never armed, none left), and the time of
 * the last delivery it nets (arming counts from just after it: a delivery is netted once).
 */
export async function creditsLeftOf(userId: string, credits: StoredCredits | undefined): Promise<{ left: number; lastDeliveryAt?: Date }> {
  if (!credits) return { left: 0 };
  const _ = database().command;
  const deliveries = await findMany<Pick<ConsultWatchRecord, '_id' | 'newQuestionAlert' | 'alertedAt'>>(
    database()
      .collection(COLLECTIONS.consultWatch)
      .where({ userId, alertedAt: _.gte(credits.countedFrom ?? credits.updatedAt) })
      .orderBy('alertedAt', 'asc')
      .orderBy('_id', 'asc')
      .field({ newQuestionAlert: true, alertedAt: true })
      .limit(DELIVERIES_READ),
  );
  const lastDeliveryAt = deliveries.at(-1)?.alertedAt;
  if (deliveries.some((delivery) => delivery.newQuestionAlert === 'noneLeft')) return { left: 0, lastDeliveryAt };
  const spent = deliveries.filter((delivery) => delivery.newQuestionAlert === 'sent').length;
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
