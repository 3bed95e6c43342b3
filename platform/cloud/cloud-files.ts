import { cloud } from './wx';

/** Temporary https URLs for cloud:// file ids, in order; a file that cannot be served is left out. */
export async function tempFileUrls(fileIds: readonly string[]): Promise<string[]> {
  if (fileIds.length === 0) return [];
  const { fileList } = (await cloud.getTempFileURL({ fileList: [...fileIds] })) as { fileList: { tempFileURL?: string; status: number }[] };
  return fileList.flatMap((file) => (file.status === 0 && file.tempFileURL ? [file.tempFileURL] : []));
}

export async function tempFileUrl(fileId: string | undefined): Promise<string | undefined> {
  return fileId ? (await tempFileUrls([fileId]))[0] : undefined;
}
