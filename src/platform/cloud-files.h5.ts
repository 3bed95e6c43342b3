/** H5 (local mode): the chosen file is a blob: URL; the local cloud stores it on disk. */
export async function uploadToCloud(localPath: string, cloudPath: string): Promise<string> {
  const blob = await (await fetch(localPath)).blob();
  const response = await fetch(`/__cloud/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    credentials: 'same-origin',
    body: blob,
  });
  const result = (await response.json()) as { fileID?: string; errMsg?: string };
  if (!response.ok || !result.fileID) throw new Error(result.errMsg ?? 'uploadFile:fail');
  return result.fileID;
}
