import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { RETENTION_DAYS } from '@domain/privacy/retention';
import { ActionError } from '@domain/errors';
import { COLLECTIONS, type MediaFileRecord } from './collections';
import { tempFileUrlsById } from './cloud-files';
import { findMany } from './documents';
import { requireSecretOr } from './settings';
import { database } from './wx';

/** A media record's id, from the file id (an id stays short and safe whatever the path). */
export const mediaIdOf = (fileId: string): string => `m_${createHash('sha256').update(fileId).digest('hex').slice(0, 32)}`;

export async function mediaRecords(fileIds: readonly string[]): Promise<Map<string, MediaFileRecord>> {
  const ids = [...new Set(fileIds)].map(mediaIdOf);
  const records = new Map<string, MediaFileRecord>();
  const _ = database().command;
  for (let start = 0; start < ids.length; start += 100) {
    const page = await findMany<MediaFileRecord>(database().collection(COLLECTIONS.mediaFiles).where({ _id: _.in(ids.slice(start, start + 100)) }).limit(100));
    for (const record of page) records.set(record.fileId, record);
  }
  return records;
}

/**
 * The files a message or article references must be images its author uploaded for that
 * context: a file id copied from someone else's message (or invented) is refused. Answers the
 * records as read (a caller showing the photos at once needs not read them again).
 */
export async function assertOwnUploads(userId: string, context: MediaFileRecord['context'], fileIds: readonly string[], now: Date): Promise<Map<string, MediaFileRecord>> {
  if (fileIds.length === 0) return new Map();
  const records = await mediaRecords(fileIds);
  for (const fileId of fileIds) {
    const record = records.get(fileId);
    if (!record || record.ownerUserId !== userId || record.context !== context) throw new ActionError('FORBIDDEN', '只能发送您自己在这里上传的照片，请重新选择照片');
  }
  const _ = database().command;
  await database()
    .collection(COLLECTIONS.mediaFiles)
    .where({ _id: _.in(fileIds.map(mediaIdOf)), attachedAt: _.exists(false) })
    .update({ data: { attachedAt: now } });
  return records;
}

const receiptMac = (userId: string, context: MediaFileRecord['context'], fileId: string, issuedAt: string): Buffer =>
  createHmac('sha256', requireSecretOr('UPLOAD_RECEIPT_SECRET', 'local-dev-only-upload-receipt-secret-do-not-deploy')).update(`upload-receipt\u0000${context}\u0000${userId}\u0000${fileId}\u0000${issuedAt}`).digest();

/** Given by the media function with each upload: `<issued, base36 ms>.<HMAC>`, this uploader, this context, this file. */
export const uploadReceiptOf = (userId: string, context: MediaFileRecord['context'], fileId: string, now: Date): string => {
  const issuedAt = now.getTime().toString(36);
  return `${issuedAt}.${receiptMac(userId, context, fileId, issuedAt).toString('base64url')}`;
};

/**
 * An unsent upload is deleted RETENTION_DAYS.unattachedUpload after it was made; a receipt stops
 * being taken an hour before, so a photo accepted into a message was never due for deletion
 * (the retention timer then finds the message and keeps it: personal-data.ts).
 */
const RECEIPT_VALID_MS = RETENTION_DAYS.unattachedUpload * 86_400_000 - 3_600_000;

/**
 * Like assertOwnUploads without a request: each photo's receipt proves the media function
 * stored and sent it to WeChat's check for this sender and this context. A consult message's
 * photos are not marked attached: the retention timer looks for the message instead.
 */
export function assertUploadReceipts(userId: string, context: MediaFileRecord['context'], fileIds: readonly string[], receipts: readonly string[], now: Date): void {
  if (fileIds.length === 0) return;
  const refused = new ActionError('FORBIDDEN', '只能发送您自己在这里上传的照片，请重新选择照片');
  if (receipts.length !== fileIds.length) throw refused;
  fileIds.forEach((fileId, index) => {
    const [issuedAt = '', mac = ''] = receipts[index]!.split('.');
    const issuedMs = parseInt(issuedAt, 36);
    if (!Number.isFinite(issuedMs) || issuedMs > now.getTime() + 60_000 || now.getTime() - issuedMs > RECEIPT_VALID_MS) throw refused;
    const given = Buffer.from(mac, 'base64url');
    const expected = receiptMac(userId, context, fileId, issuedAt);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refused;
  });
}

/** Flagged by WeChat's media check: shown only to the sender and the officer handling it. */
export const isFlagged = (record: MediaFileRecord | undefined): boolean => record?.check.status === 'risky' || record?.check.status === 'review';

/**
 * Temporary URLs of officers' photos by file id, leaving out any WeChat's check flagged: an
 * officer's photo is shown to every resident of their communities, so a flagged one to nobody.
 */
export async function officerPhotoUrls(fileIds: readonly (string | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(fileIds.filter((fileId): fileId is string => Boolean(fileId)))];
  if (wanted.length === 0) return new Map();
  const records = await mediaRecords(wanted);
  const urls = await tempFileUrlsById(wanted.filter((fileId) => !isFlagged(records.get(fileId))));
  return urls;
}
