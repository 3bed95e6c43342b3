import { cloud } from './wx';

interface WxacodeResult {
  buffer?: Buffer;
  contentType?: string;
  errCode?: number;
}

/**
 * A mini-program code (wxacode.getUnlimited) for a page and scene. `checkPath: false` lets a
 * trial or develop build have codes for pages not yet released; the env version follows the
 * deployment (release unless configured otherwise).
 */
export async function miniProgramCode(page: string, scene: string, envVersion: 'release' | 'trial' | 'develop' = 'release'): Promise<Buffer> {
  const result = (await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: envVersion === 'release', envVersion, width: 430 })) as WxacodeResult;
  if (!result.buffer) throw new Error(`wxacode.getUnlimited answered no image (errCode ${result.errCode ?? '?'})`);
  return Buffer.from(result.buffer);
}

export async function uploadImage(cloudPath: string, content: Buffer): Promise<string> {
  const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent: content })) as { fileID: string };
  return fileID;
}

/**
 * The group a share card was opened from: the caller's phone got a cloudID from getShareInfo,
 * WeChat exchanges it for the decrypted data (only for the same user). Undefined when WeChat
 * gives no group data (an expired or foreign cloudID): nothing is guessed.
 */
export async function groupOfShare(cloudId: string): Promise<string | undefined> {
  const { list } = (await cloud.getOpenData({ list: [cloudId] })) as { list: { data?: { openGId?: unknown } }[] };
  const openGId = list[0]?.data?.openGId;
  return typeof openGId === 'string' && /^[A-Za-z0-9_-]{4,64}$/.test(openGId) ? openGId : undefined;
}
