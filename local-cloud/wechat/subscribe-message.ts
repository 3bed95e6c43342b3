/**
 * `cloud.openapi.subscribeMessage.send` and the user's side of it (`wx.requestSubscribeMessage`).
 *
 * WeChat's one-time subscription rule: each time a user taps "allow" for a template, the app may
 * send that user one message with it; without an unused acceptance the send fails with 43101.
 * Acceptances are kept per data directory in subscriptions.json (spends journalled beside it); every message WeChat would have
 * delivered goes to outbox.jsonl (append-only, synced before `send` returns).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { appendJsonLine, readJsonFile, readJsonLines, truncateFile, writeJsonFileAtomic } from './json-files';
import { keywordProblem } from './subscribe-keywords';
import { WxCloudError, openApiError } from './wx-errors';
import { currentInvocation } from '../wx-server-sdk/invocation';
import { localCloudState } from '../wx-server-sdk/state';

export type MiniprogramState = 'developer' | 'trial' | 'formal';
export type MessageLang = 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW';

export interface SubscribeMessageParams {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string | number }>;
  miniprogramState?: MiniprogramState;
  lang?: MessageLang;
}

export interface SubscribeMessageSendResult {
  errCode: 0;
  errMsg: 'openapi.subscribeMessage.send:ok';
}

export interface OutboxMessage {
  id: string;
  sentAt: string;
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string | number }>;
  miniprogramState: MiniprogramState;
  lang: MessageLang;
  /** The invocation that sent it (a timer run has no caller openid). */
  requestId?: string;
  source?: string;
}

/** What the user chose for one template in the subscription dialog. Only `accept` allows a send. */
export type SubscriptionDecision = 'accept' | 'reject' | 'ban' | 'filter';

/** Documented: one `wx.requestSubscribeMessage` call asks for at most 3 templates. */
export const MAX_TEMPLATES_PER_REQUEST = 3;

type Quotas = Record<string, Record<string, number>>;

const stateDir = () => localCloudState().dataDir;
const outboxFile = () => path.join(stateDir(), 'outbox.jsonl');
const subscriptionsFile = () => path.join(stateDir(), 'subscriptions.json');
/** One line per acceptance spent since subscriptions.json was last written: a send appends, never rewrites. */
const spentFile = () => path.join(stateDir(), 'subscriptions-spent.jsonl');

interface QuotaCache {
  dir: string;
  snapshotStamp: string;
  spentSize: number;
  quotas: Quotas;
}
let cache: QuotaCache | undefined;

const stampOf = (file: string): string => {
  try {
    const stat = fs.statSync(file);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return 'none';
  }
};
const sizeOf = (file: string): number => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

/**
 * Acceptances left: subscriptions.json less the spends journalled after it. Kept in memory while
 * neither file changed underneath (a send to ten thousand residents must not re-read and rewrite
 * the whole file each time).
 */
function readQuotas(): Quotas {
  const dir = stateDir();
  const snapshotStamp = stampOf(subscriptionsFile());
  const spentSize = sizeOf(spentFile());
  if (cache && cache.dir === dir && cache.snapshotStamp === snapshotStamp && cache.spentSize === spentSize) return cache.quotas;
  const quotas = readJsonFile<Quotas>(subscriptionsFile(), {});
  for (const spend of readJsonLines<{ openid: string; templateId: string }>(spentFile())) {
    const mine = quotas[spend.openid];
    if (mine?.[spend.templateId]) mine[spend.templateId] = mine[spend.templateId]! - 1;
  }
  cache = { dir, snapshotStamp, spentSize, quotas };
  return quotas;
}

/** Writes the whole table and starts a fresh spend journal (a crash between the two can only under-count). */
function writeQuotas(quotas: Quotas): void {
  writeJsonFileAtomic(subscriptionsFile(), quotas);
  truncateFile(spentFile());
  cache = undefined;
}

function spendOne(quotas: Quotas, openid: string, templateId: string): void {
  const mine = (quotas[openid] ??= {});
  mine[templateId] = (mine[templateId] ?? 0) - 1;
  appendJsonLine(spentFile(), { openid, templateId });
  if (cache && cache.quotas === quotas) {
    cache.spentSize = sizeOf(spentFile());
    cache.snapshotStamp = stampOf(subscriptionsFile());
  }
}

/** An error as `wx.requestSubscribeMessage` fails (errCode + errMsg). */
function requestSubscribeError(errCode: number, detail: string): WxCloudError {
  const errMsg = `requestSubscribeMessage:fail ${detail}`;
  return new WxCloudError(errCode, errMsg, errMsg);
}

/**
 * Records the user's answers to the subscription dialog (the local cloud calls this when the H5
 * client emulates `wx.requestSubscribeMessage`). Each `accept` allows one more send.
 */
export function recordSubscription(openid: string, templateIds: string[], decisions: Record<string, SubscriptionDecision>): void {
  if (typeof openid !== 'string' || !openid) throw requestSubscribeError(-1, 'not signed in');
  if (!Array.isArray(templateIds) || templateIds.length === 0) throw requestSubscribeError(10001, 'tmplIds is empty');
  if (templateIds.length > MAX_TEMPLATES_PER_REQUEST) throw requestSubscribeError(20003, `at most ${MAX_TEMPLATES_PER_REQUEST} templates per request`);
  for (const templateId of templateIds) {
    if (typeof templateId !== 'string' || !templateId) throw requestSubscribeError(10004, 'tmplIds must be non-empty strings');
    if (!['accept', 'reject', 'ban', 'filter'].includes(decisions?.[templateId] as string)) {
      throw requestSubscribeError(10004, `no decision for template ${templateId}`);
    }
  }
  const quotas = readQuotas();
  const mine = (quotas[openid] ??= {});
  for (const templateId of new Set(templateIds)) {
    if (decisions[templateId] === 'accept') mine[templateId] = (mine[templateId] ?? 0) + 1;
  }
  writeQuotas(quotas);
}

/** Many people's acceptances written at once: tests and benchmarks that set up thousands of residents. */
export function recordAcceptances(entries: { openid: string; templateId: string }[]): void {
  const quotas = readQuotas();
  for (const { openid, templateId } of entries) {
    const mine = (quotas[openid] ??= {});
    mine[templateId] = (mine[templateId] ?? 0) + 1;
  }
  writeQuotas(quotas);
}

/** Sends left for this user and template (for the local viewer and tests). */
export function subscriptionQuota(openid: string, templateId: string): number {
  return readQuotas()[openid]?.[templateId] ?? 0;
}

const API = 'subscribeMessage.send';
const STATES: readonly string[] = ['developer', 'trial', 'formal'];
const LANGS: readonly string[] = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'];

/** The SDK turns camelCase into WeChat's snake_case, so either spelling reaches WeChat. */
const field = (params: Record<string, unknown>, camel: string, snake: string): unknown => params[camel] ?? params[snake];

export async function sendSubscribeMessage(params: SubscribeMessageParams): Promise<SubscribeMessageSendResult> {
  const input = (typeof params === 'object' && params !== null ? params : {}) as unknown as Record<string, unknown>;
  const touser = input.touser;
  const templateId = field(input, 'templateId', 'template_id');
  const page = input.page;
  const miniprogramState = field(input, 'miniprogramState', 'miniprogram_state') ?? 'formal';
  const lang = input.lang ?? 'zh_CN';
  const data = input.data;

  if (typeof touser !== 'string' || !touser.trim()) throw openApiError(API, 40003, 'invalid openid');
  if (typeof templateId !== 'string' || !templateId.trim()) throw openApiError(API, 40037, 'invalid template id');
  if (page !== undefined && typeof page !== 'string') throw openApiError(API, 47001, 'data format error hint: [page must be a string]');
  if (!STATES.includes(miniprogramState as string)) throw openApiError(API, 47001, 'data format error hint: [miniprogram_state]');
  if (!LANGS.includes(lang as string)) throw openApiError(API, 47001, 'data format error hint: [lang]');
  if (typeof data !== 'object' || data === null || Array.isArray(data) || Object.keys(data).length === 0) {
    throw openApiError(API, 47003, 'argument invalid! data is empty');
  }
  for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
    const value = typeof entry === 'object' && entry !== null ? (entry as { value?: unknown }).value : undefined;
    const problem = keywordProblem(key, value);
    if (problem) throw openApiError(API, 47003, `argument invalid! data.${key}.value ${problem}`);
  }

  // One-time subscription: spend one acceptance, persisted before the message counts as sent.
  const quotas = readQuotas();
  const left = quotas[touser]?.[templateId] ?? 0;
  if (left < 1) throw openApiError(API, 43101, 'user refuse to accept the msg');
  spendOne(quotas, touser, templateId);

  const invocation = currentInvocation();
  const message: OutboxMessage = {
    id: randomUUID(),
    sentAt: new Date().toISOString(),
    touser,
    templateId,
    ...(page === undefined ? {} : { page }),
    data: data as OutboxMessage['data'],
    miniprogramState: miniprogramState as MiniprogramState,
    lang: lang as MessageLang,
    requestId: invocation?.REQUEST_ID,
    source: invocation?.SOURCE,
  };
  appendJsonLine(outboxFile(), message);
  return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
}

/** Every message sent in this data directory, oldest first. */
export function readOutbox(): OutboxMessage[] {
  return readJsonLines<OutboxMessage>(outboxFile());
}

export function clearOutbox(): void {
  truncateFile(outboxFile());
}
