import { COLLECTIONS, type MediaFileRecord } from '@platform/cloud/collections';
import { findMany } from '@platform/cloud/documents';
import { database } from '@platform/cloud/wx';

export interface MediaCheckPush {
  MsgType: 'event';
  Event: 'wxa_media_check';
  trace_id: string;
  result?: { suggest?: string; label?: number | string };
}

export const isMediaCheckPush = (event: unknown): event is MediaCheckPush =>
  typeof event === 'object' && event !== null && (event as { MsgType?: unknown }).MsgType === 'event' && (event as { Event?: unknown }).Event === 'wxa_media_check' && typeof (event as { trace_id?: unknown }).trace_id === 'string';

const VERDICTS = new Set(['pass', 'risky', 'review']);

/**
 * WeChat's verdict on an uploaded image, matched by trace id (never shown to clients, so a
 * forged push cannot name someone else's image). Only a pending check is settled: a verdict,
 * once given, is not changed by a later event.
 */
export async function settleMediaCheck(event: MediaCheckPush): Promise<{ settled: number }> {
  const suggest = event.result?.suggest;
  if (!suggest || !VERDICTS.has(suggest)) return { settled: 0 };
  const [record] = await findMany<MediaFileRecord>(database().collection(COLLECTIONS.mediaFiles).where({ 'check.traceId': event.trace_id }).limit(1));
  if (!record || record.check.status !== 'pending') return { settled: 0 };
  const label = Number(event.result?.label ?? 0);
  await database()
    .collection(COLLECTIONS.mediaFiles)
    .doc(record._id)
    .update({ data: { check: { status: suggest as MediaFileRecord['check']['status'], traceId: event.trace_id, label, at: new Date() } } });
  return { settled: 1 };
}
