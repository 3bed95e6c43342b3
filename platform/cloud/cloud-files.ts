import { cloud } from './wx';

/** Documented: getTempFileURL takes at most 50 files per call. */
export const TEMP_URLS_PER_CALL = 50;

/**
 * Temporary https URLs by cloud:// file id, asked for in batches of 50. Matched by the id each
 * answer names, never by position: a file that cannot be served is simply absent from the map,
 * and can never shift another file's URL onto the wrong message.
 */
export async function tempFileUrlsById(fileIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(fileIds)];
  const urls = new Map<string, string>();
  for (let start = 0; start < unique.length; start += TEMP_URLS_PER_CALL) {
    const { fileList } = (await cloud.getTempFileURL({ fileList: unique.slice(start, start + TEMP_URLS_PER_CALL) })) as {
      fileList: { fileID: string; tempFileURL?: string; status: number }[];
    };
    for (const file of fileList) if (file.status === 0 && file.tempFileURL) urls.set(file.fileID, file.tempFileURL);
  }
  return urls;
}

/** URLs for these ids, in their order; a file that cannot be served is left out. */
export async function tempFileUrls(fileIds: readonly string[]): Promise<string[]> {
  const urls = await tempFileUrlsById(fileIds);
  return fileIds.flatMap((fileId) => {
    const url = urls.get(fileId);
    return url ? [url] : [];
  });
}

export async function tempFileUrl(fileId: string | undefined): Promise<string | undefined> {
  return fileId ? (await tempFileUrlsById([fileId])).get(fileId) : undefined;
}

/** Documented: deleteFile takes at most 50 files per call. */
export const DELETES_PER_CALL = 50;
/** deleteFile's per-file answer for a file that is not there (storage file not exists): already deleted. */
const FILE_ALREADY_GONE = -503003;

/**
 * Deletes cloud files in batches of 50. Returns the ids that could not be deleted (per-file
 * failures of a call that itself succeeded); a file that is already gone counts as deleted.
 */
export async function deleteCloudFiles(fileIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(fileIds)];
  const failed: string[] = [];
  for (let start = 0; start < unique.length; start += DELETES_PER_CALL) {
    const { fileList } = (await cloud.deleteFile({ fileList: unique.slice(start, start + DELETES_PER_CALL) })) as { fileList: { fileID: string; status: number }[] };
    for (const file of fileList) if (file.status !== 0 && file.status !== FILE_ALREADY_GONE) failed.push(file.fileID);
  }
  return failed;
}
