/**
 * `cloud.openapi.security.mediaCheckAsync` (version 2), answered locally, with its asynchronous
 * result pushed back as WeChat does.
 *
 * WeChat's documented shape: the request names a downloadable `media_url`, `media_type` (2 =
 * image), `version` 2, `scene` 1–4 and the user's `openid`; the cloud call answers at once with
 * `traceId` (camelCase through the SDK) and, within about 30 minutes, pushes an event
 * `{ MsgType: 'event', Event: 'wxa_media_check', trace_id, version: 2, result: { suggest, label },
 * detail }` to the mini-program's message push target. Here the verdict comes from the stored file:
 * an image whose bytes contain LOCAL_RISKY_IMAGE_MARKER is risky (tests put it in a JPEG comment),
 * any other is a pass. The push goes to the listener the local cloud registers (the `media`
 * function) after a short delay, or at once when a test calls settleMediaChecks().
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { resolveStoredFile } from './storage';
import { openApiError } from './wx-errors';
import { currentInvocation } from '../wx-server-sdk/invocation';

export const LOCAL_RISKY_IMAGE_MARKER = 'local-cloud:risky';
const PUSH_DELAY_MS = 300;

export interface MediaCheckAsyncParams {
  media_url: string;
  media_type: 1 | 2;
  version: 2;
  scene: 1 | 2 | 3 | 4;
  openid: string;
}

export interface MediaCheckPushEvent {
  ToUserName: string;
  FromUserName: string;
  CreateTime: number;
  MsgType: 'event';
  Event: 'wxa_media_check';
  appid: string;
  trace_id: string;
  version: 2;
  result: { suggest: 'pass' | 'risky' | 'review'; label: number };
  detail: { strategy: string; errcode: number; suggest: string; label: number; prob: number }[];
}

type PushListener = (event: MediaCheckPushEvent) => Promise<unknown>;
let listener: PushListener | undefined;
const pending = new Map<string, { event: MediaCheckPushEvent; timer: NodeJS.Timeout }>();

/** The local cloud names where pushes go (WeChat: the message push setting of the mini-program). */
export function onMediaCheckPush(next: PushListener): void {
  listener = next;
}

async function deliver(traceId: string): Promise<void> {
  const entry = pending.get(traceId);
  if (!entry) return;
  pending.delete(traceId);
  clearTimeout(entry.timer);
  await listener?.(entry.event);
}

/** Delivers every push still waiting, now (tests; WeChat's own delay is not something to wait for). */
export async function settleMediaChecks(): Promise<void> {
  for (const traceId of [...pending.keys()]) await deliver(traceId);
}

/** The stored file behind one of our temporary URLs (…/__cloud/storage/<cloudPath>). */
function storedFileOf(mediaUrl: string): string | undefined {
  const marker = '/__cloud/storage/';
  const at = mediaUrl.indexOf(marker);
  if (at < 0) return undefined;
  return resolveStoredFile(decodeURIComponent(mediaUrl.slice(at + marker.length).split('?')[0] ?? ''));
}

export async function mediaCheckAsync(params: MediaCheckAsyncParams): Promise<{ errCode: 0; errMsg: string; traceId: string }> {
  const api = 'security.mediaCheckAsync';
  // WeChat needs a URL it can download; locally the temp URL may be relative before the server knows its address.
  if (typeof params?.media_url !== 'string' || params.media_url === '') throw openApiError(api, 40001, 'invalid media_url');
  if (params.media_type !== 1 && params.media_type !== 2) throw openApiError(api, 40097, 'invalid media_type');
  if (params.version !== 2) throw openApiError(api, 40097, 'invalid version');
  if (![1, 2, 3, 4].includes(params.scene)) throw openApiError(api, 40097, 'invalid scene');
  if (typeof params.openid !== 'string' || params.openid === '') throw openApiError(api, 40003, 'invalid openid');

  const file = storedFileOf(params.media_url);
  const risky = file !== undefined && fs.readFileSync(file).includes(LOCAL_RISKY_IMAGE_MARKER);
  const traceId = `${Date.now().toString(16)}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
  const suggest = risky ? 'risky' : 'pass';
  const label = risky ? 20002 : 100;
  const event: MediaCheckPushEvent = {
    ToUserName: 'gh_local_cloud',
    FromUserName: params.openid,
    CreateTime: Math.floor(Date.now() / 1000),
    MsgType: 'event',
    Event: 'wxa_media_check',
    appid: currentInvocation()?.APPID ?? 'wx-local-cloud',
    trace_id: traceId,
    version: 2,
    result: { suggest, label },
    detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
  };
  const timer = setTimeout(() => void deliver(traceId).catch((error: unknown) => console.error('[local-cloud] media check push failed', error)), PUSH_DELAY_MS);
  timer.unref();
  pending.set(traceId, { event, timer });
  return { errCode: 0, errMsg: 'openapi.security.mediaCheckAsync:ok', traceId };
}
