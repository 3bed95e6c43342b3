import { PERSONAL_DATA, type Doc, type Subject } from '@platform/cloud/personal-data';
import { cloud } from '@platform/cloud/wx';

/** Everything the registry finds for the subject, by collection, in registry order. */
export async function collectPersonalData(subject: Subject): Promise<Map<string, Doc[]>> {
  const found = new Map<string, Doc[]>();
  for (const spec of PERSONAL_DATA) found.set(spec.collection, await spec.find(subject, found));
  return found;
}

/** getTempFileURL and deleteFile take at most 50 files per call. */
export const FILES_PER_CALL = 50;

/** Deletes cloud files in batches of 50; a file already gone is not an error. */
export async function deleteFiles(fileIds: readonly string[]): Promise<void> {
  const unique = [...new Set(fileIds)];
  for (let start = 0; start < unique.length; start += FILES_PER_CALL) {
    await cloud.deleteFile({ fileList: unique.slice(start, start + FILES_PER_CALL) });
  }
}

export { combineErasures as combine } from '@platform/cloud/personal-data';
