/**
 * Open data (开放数据) as WeChat's servers handle it, for group share tickets.
 *
 * On a phone: a card opened from a group carries a `shareTicket`; `wx.getShareInfo` answers the
 * group's data encrypted with the user's session key (AES-128-CBC, PKCS#7, base64 key/iv/data,
 * a `watermark` with the app id) and a `cloudID` for it; a cloud function exchanges the cloudID
 * for the decrypted data with `cloud.getOpenData` — only for the same user, and only while fresh
 * (https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/signature.html,
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/open/Cloud.getOpenData.html).
 *
 * The local cloud keeps a session key per user and the tickets it has issued, and does the real
 * encryption and decryption, so the function's path is the production one.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { WxCloudError } from './wx-errors';

export const LOCAL_APP_ID = 'wx-local-cloud';
/** How long a cloudID can be exchanged (WeChat does not publish it; cloudIDs are short-lived). */
const CLOUD_ID_TTL_MS = 5 * 60_000;

export interface OpenGroupData {
  openGId: string;
  watermark: { appid: string; timestamp: number };
}

export function encryptOpenData(sessionKey: string, data: unknown): { encryptedData: string; iv: string } {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-128-cbc', Buffer.from(sessionKey, 'base64'), iv);
  const encrypted = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return { encryptedData: encrypted.toString('base64'), iv: iv.toString('base64') };
}

/** WeChat's documented decryption; a wrong key or damaged data fails (bad padding or JSON). */
export function decryptOpenData(sessionKey: string, encryptedData: string, iv: string, appId: string): unknown {
  const key = Buffer.from(sessionKey, 'base64');
  const ivBytes = Buffer.from(iv, 'base64');
  if (key.length !== 16 || ivBytes.length !== 16) throw new Error('open data: key and iv must be 16 bytes');
  const decipher = createDecipheriv('aes-128-cbc', key, ivBytes);
  const plain = Buffer.concat([decipher.update(Buffer.from(encryptedData, 'base64')), decipher.final()]).toString('utf8');
  const data = JSON.parse(plain) as { watermark?: { appid?: string } };
  if (data.watermark?.appid !== appId) throw new Error('open data: watermark is not this app');
  return data;
}

/** Per-user session keys, as code2Session would have handed them out (kept in memory). */
const sessionKeys = new Map<string, string>();
export function sessionKeyOf(openid: string): string {
  let key = sessionKeys.get(openid);
  if (!key) {
    key = randomBytes(16).toString('base64');
    sessionKeys.set(openid, key);
  }
  return key;
}

const tickets = new Map<string, string>();
/** A share ticket for a card opened from this group (what WeChat puts in the launch options). */
export function shareTicketFor(openGId: string): string {
  const ticket = `ticket-${createHash('sha256').update(openGId).digest('hex').slice(0, 24)}`;
  tickets.set(ticket, openGId);
  return ticket;
}

interface IssuedCloudId {
  openid: string;
  encryptedData: string;
  iv: string;
  issuedAt: number;
}
const cloudIds = new Map<string, IssuedCloudId>();

/** `wx.getShareInfo({ shareTicket })` for this user. */
export function getShareInfo(openid: string, shareTicket: string, now = Date.now()): { encryptedData: string; iv: string; cloudID: string } {
  const openGId = tickets.get(shareTicket);
  if (!openGId) throw new WxCloudError(-1, 'getShareInfo:fail invalid shareTicket');
  const data: OpenGroupData = { openGId, watermark: { appid: LOCAL_APP_ID, timestamp: Math.floor(now / 1000) } };
  const sealed = encryptOpenData(sessionKeyOf(openid), data);
  const cloudID = `local_${randomBytes(18).toString('base64url')}`;
  cloudIds.set(cloudID, { openid, ...sealed, issuedAt: now });
  return { ...sealed, cloudID };
}

/** `cloud.getOpenData({ list })` inside a function called by `openid`. */
export async function getOpenData(openid: string | undefined, params: { list: string[] }, now = Date.now()): Promise<{ list: { cloudID: string; data?: unknown; errCode?: number; errMsg?: string }[] }> {
  if (!Array.isArray(params?.list)) throw new WxCloudError(-501007, 'invalid parameters: list');
  return {
    list: params.list.map((cloudID) => {
      const issued = cloudIds.get(cloudID);
      if (!issued || !openid || issued.openid !== openid || now - issued.issuedAt > CLOUD_ID_TTL_MS) {
        return { cloudID, errCode: -604100, errMsg: 'cloudID is invalid or expired' };
      }
      return { cloudID, data: decryptOpenData(sessionKeyOf(openid), issued.encryptedData, issued.iv, LOCAL_APP_ID) };
    }),
  };
}
