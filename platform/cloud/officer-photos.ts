/**
 * An officer's photo leaves with its use: replaced, removed (by the officer or their station's
 * admin) or its officer deactivated. Inside the change that stops using it, its upload record is
 * marked detached; once that change has committed the file is deleted (platform file deletion,
 * 50 per call) and the record with it. A deletion that fails is not lost: the privacy retention
 * timer deletes detached uploads it finds (platform/cloud/personal-data.ts, media_files).
 */
import { COLLECTIONS, type MediaFileRecord } from './collections';
import { deleteCloudFiles } from './cloud-files';
import { mediaIdOf } from './media';
import { readInTransaction, type Transaction } from './transaction';
import { database } from './wx';

/** Marks the photo's upload record detached, in the caller's transaction. */
export async function detachOfficerPhoto(transaction: Transaction, fileId: string, now: Date): Promise<void> {
  const record = await readInTransaction<MediaFileRecord>(transaction, COLLECTIONS.mediaFiles, mediaIdOf(fileId));
  if (record) await transaction.collection(COLLECTIONS.mediaFiles).doc(record._id).update({ data: { detachedAt: now } });
}

/** Deletes detached photos' files, then their records; returns how many are gone (the rest wait for the retention timer). */
export async function deleteDetachedPhotos(fileIds: readonly string[]): Promise<number> {
  const unique = [...new Set(fileIds)];
  if (unique.length === 0) return 0;
  let failed: string[];
  try {
    failed = await deleteCloudFiles(unique);
  } catch (error) {
    console.warn('[officer photo] deletion left to the retention timer:', String((error as Error)?.message ?? error));
    return 0;
  }
  const gone = unique.filter((fileId) => !failed.includes(fileId));
  const _ = database().command;
  if (gone.length > 0) await database().collection(COLLECTIONS.mediaFiles).where({ _id: _.in(gone.map(mediaIdOf)) }).remove();
  return gone.length;
}
