import { PERSONAL_DATA, type Doc, type Subject } from '@platform/cloud/personal-data';
import { DELETES_PER_CALL, deleteCloudFiles } from '@platform/cloud/cloud-files';

/** Everything the registry finds for the subject, by collection, in registry order. */
export async function collectPersonalData(subject: Subject): Promise<Map<string, Doc[]>> {
  const found = new Map<string, Doc[]>();
  for (const spec of PERSONAL_DATA) found.set(spec.collection, await spec.find(subject, found));
  return found;
}

/** getTempFileURL and deleteFile take at most 50 files per call. */
export const FILES_PER_CALL = DELETES_PER_CALL;

/** Deletes cloud files in batches of 50 once their records are gone; a file already gone is not an error. */
export async function deleteFiles(fileIds: readonly string[]): Promise<void> {
  const failed = await deleteCloudFiles(fileIds);
  if (failed.length > 0) console.warn(`[privacy] ${failed.length} cloud files could not be deleted`, failed.slice(0, 5));
}

export { combineErasures as combine } from '@platform/cloud/personal-data';
