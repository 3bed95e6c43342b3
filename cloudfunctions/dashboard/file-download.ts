import { randomBytes } from 'node:crypto';
import type { FileDownloadView } from '@domain/actions/dashboard';
import { RETENTION_DAYS, keptUntil } from '@domain/privacy/retention';
import { COLLECTIONS, type DataExportRecord } from '@platform/cloud/collections';
import { insert, isoDate } from '@platform/cloud/documents';
import { cloud } from '@platform/cloud/wx';

/**
 * Puts a file the caller asked for into cloud storage and hands back a temporary link. The folder
 * is unguessable (the link is the only way to the file, and only the caller gets it); the file is
 * recorded in data_exports, so the retention timer deletes it with the residents' own exports
 * (RETENTION_DAYS.dataExport), and the link lives exactly as long.
 */
export async function handOverFile(userId: string, fileName: string, content: Buffer, now: Date): Promise<FileDownloadView> {
  const cloudPath = `exports/${randomBytes(16).toString('hex')}/${fileName}`;
  const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent: content })) as { fileID: string };
  const expiresAt = keptUntil('dataExport', now);
  const record: Omit<DataExportRecord, '_id'> = { kind: 'export', userId, fileIds: [fileID], title: fileName, createdAt: now, expiresAt };
  await insert(COLLECTIONS.dataExports, { ...record });
  const { fileList } = (await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: RETENTION_DAYS.dataExport * 86_400 }] })) as { fileList: { fileID: string; tempFileURL?: string; status: number }[] };
  const url = fileList.find((file) => file.fileID === fileID && file.status === 0)?.tempFileURL;
  if (!url) throw new Error(`getTempFileURL gave no link for ${fileID}`);
  return { url, fileName, bytes: content.length, expiresAt: isoDate(expiresAt) };
}

/** A file name without the characters Windows and phones refuse. */
export const safeFileName = (name: string): string => name.replace(/[\\/:*?"<>|\s]+/g, '');
