/**
 * `cloud.openapi.security.msgSecCheck` version 2, answered locally.
 *
 * Emulated from WeChat's documentation: the request fields and limits (version 2, openid,
 * scene 1–4, content ≤ 2500 characters, signature only for scene 1), the errcodes for bad
 * requests, and the response: errcode 0 even for a violation, with `result.suggest`
 * (pass/review/risky), `result.label` and a `detail` list. The SDK converts WeChat's snake_case
 * to camelCase (`trace_id` → `traceId`). The verdict comes from content-security-words.json.
 */
import path from 'node:path';
import wordList from './content-security-words.json';
import { appendJsonLine, readJsonLines, truncateFile } from './json-files';
import { characterCount, normalizeForMatching } from './text-normalize';
import { WxCloudError, openApiError, wechatRequestId } from './wx-errors';
import { currentInvocation } from '../wx-server-sdk/invocation';
import { localCloudState } from '../wx-server-sdk/state';

export type SecuritySuggest = 'pass' | 'review' | 'risky';

/** WeChat's label numbers for msgSecCheck v2. */
export const MSG_SEC_LABELS = {
  normal: 100,
  ad: 10001,
  politics: 20001,
  porn: 20002,
  abuse: 20003,
  illegal: 20006,
  fraud: 20008,
  vulgar: 20012,
  copyright: 20013,
  other: 21000,
} as const;

export type MsgSecLabel = (typeof MSG_SEC_LABELS)[keyof typeof MSG_SEC_LABELS];

export const MSG_SEC_CHECK_MAX_CHARS = 2500;

export interface MsgSecCheckParams {
  version: 2;
  openid: string;
  /** 1 profile, 2 comment, 3 forum, 4 social log */
  scene: 1 | 2 | 3 | 4;
  content: string;
  title?: string;
  nickname?: string;
  /** Only checked for scene 1 (profile), as documented. */
  signature?: string;
}

export interface MsgSecCheckDetail {
  strategy: 'keyword';
  errcode: 0;
  suggest: SecuritySuggest;
  label: number;
  keyword?: string;
  prob?: number;
}

export interface MsgSecCheckResult {
  errCode: 0;
  errMsg: 'openapi.security.msgSecCheck:ok';
  result: { suggest: SecuritySuggest; label: number };
  detail: MsgSecCheckDetail[];
  traceId: string;
}

interface WordRule {
  label: number;
  suggest: 'risky' | 'review';
  words: string[];
}

interface CompiledWord {
  label: number;
  suggest: 'risky' | 'review';
  keyword: string;
  normalized: string;
}

const KNOWN_LABELS = new Set<number>(Object.values(MSG_SEC_LABELS));

/** Compiled once: the list is data shipped with the code, not state. */
const WORDS: CompiledWord[] = (wordList.rules as WordRule[]).flatMap((rule) => {
  if (!KNOWN_LABELS.has(rule.label) || (rule.suggest !== 'risky' && rule.suggest !== 'review')) {
    throw new Error(`content-security-words.json: bad rule ${JSON.stringify({ label: rule.label, suggest: rule.suggest })}`);
  }
  return rule.words
    .map((keyword) => ({ label: rule.label, suggest: rule.suggest, keyword, normalized: normalizeForMatching(keyword) }))
    .filter((word) => word.normalized.length > 0);
});

export interface TextVerdict {
  suggest: SecuritySuggest;
  label: number;
  hits: { keyword: string; label: number; suggest: 'risky' | 'review' }[];
}

/** The local "model": the most severe hit decides (risky over review; the list's order breaks ties). */
export function classifyText(...texts: string[]): TextVerdict {
  const haystacks = texts.map(normalizeForMatching);
  const hits = WORDS.filter((word) => haystacks.some((text) => text.includes(word.normalized))).map(({ keyword, label, suggest }) => ({ keyword, label, suggest }));
  const decisive = hits.find((hit) => hit.suggest === 'risky') ?? hits[0];
  return decisive ? { suggest: decisive.suggest, label: decisive.label, hits } : { suggest: 'pass', label: MSG_SEC_LABELS.normal, hits };
}

export interface ContentSecurityAuditEntry {
  at: string;
  traceId?: string;
  /** The user the text belongs to (the request's openid). */
  openid?: string;
  scene?: number;
  suggest?: SecuritySuggest;
  label?: number;
  keywords?: string[];
  /** Set when WeChat would have refused the request itself. */
  errCode?: number;
  errMsg?: string;
  /** First characters of the checked text, for the local viewer. */
  excerpt: string;
  /** Who asked: the invocation running the check (a timer run has no caller openid). */
  callerOpenid?: string;
  requestId?: string;
  source?: string;
}

const EXCERPT_CHARS = 120;
const auditFile = () => path.join(localCloudState().dataDir, 'content-security.jsonl');

function audit(entry: Omit<ContentSecurityAuditEntry, 'at' | 'callerOpenid' | 'requestId' | 'source'>): void {
  const invocation = currentInvocation();
  appendJsonLine(auditFile(), {
    at: new Date().toISOString(),
    ...entry,
    callerOpenid: invocation?.OPENID,
    requestId: invocation?.REQUEST_ID,
    source: invocation?.SOURCE,
  } satisfies ContentSecurityAuditEntry);
}

/** Every check made in this data directory, oldest first. */
export function readContentSecurityAudit(): ContentSecurityAuditEntry[] {
  return readJsonLines<ContentSecurityAuditEntry>(auditFile());
}

export function clearContentSecurityAudit(): void {
  truncateFile(auditFile());
}

const API = 'security.msgSecCheck';
const isString = (value: unknown): value is string => typeof value === 'string';

/** WeChat's own checks on the request, in the order of its errcode table. */
function validate(params: Record<string, unknown>): WxCloudError | undefined {
  if (params.version !== 2) return openApiError(API, 47001, 'data format error hint: [local cloud emulates version 2 only, version must be 2]');
  if (!isString(params.openid) || params.openid.trim() === '') return openApiError(API, 40003, 'invalid openid');
  if (typeof params.scene !== 'number' || ![1, 2, 3, 4].includes(params.scene)) return openApiError(API, 40129, 'invalid scene');
  if (params.content === undefined || params.content === null || params.content === '') return openApiError(API, 44002, 'empty post data');
  if (!isString(params.content)) return openApiError(API, 47001, 'data format error hint: [content must be a string]');
  if (characterCount(params.content) > MSG_SEC_CHECK_MAX_CHARS) {
    return openApiError(API, 47001, `data format error hint: [content exceeds ${MSG_SEC_CHECK_MAX_CHARS} characters]`);
  }
  for (const field of ['title', 'nickname', 'signature'] as const) {
    if (params[field] !== undefined && !isString(params[field])) return openApiError(API, 47001, `data format error hint: [${field} must be a string]`);
  }
  return undefined;
}

export async function msgSecCheck(params: MsgSecCheckParams): Promise<MsgSecCheckResult> {
  const input = (typeof params === 'object' && params !== null ? params : {}) as unknown as Record<string, unknown>;
  const excerpt = isString(input.content) ? [...input.content].slice(0, EXCERPT_CHARS).join('') : '';
  const refusal = validate(input);
  if (refusal) {
    audit({ openid: isString(input.openid) ? input.openid : undefined, scene: typeof input.scene === 'number' ? input.scene : undefined, errCode: refusal.errCode, errMsg: refusal.errMsg, excerpt });
    throw refusal;
  }
  const request = input as unknown as MsgSecCheckParams;
  // The signature only counts in the profile scene, as documented.
  const texts = [request.content, request.title ?? '', request.nickname ?? '', request.scene === 1 ? (request.signature ?? '') : ''];
  const verdict = classifyText(...texts);
  const traceId = wechatRequestId();
  audit({ traceId, openid: request.openid, scene: request.scene, suggest: verdict.suggest, label: verdict.label, keywords: verdict.hits.map((hit) => hit.keyword), excerpt });

  const detail: MsgSecCheckDetail[] = verdict.hits.length
    ? verdict.hits.map((hit) => ({ strategy: 'keyword', errcode: 0, suggest: hit.suggest, label: hit.label, keyword: hit.keyword }))
    : [{ strategy: 'keyword', errcode: 0, suggest: 'pass', label: MSG_SEC_LABELS.normal }];
  return {
    errCode: 0,
    errMsg: 'openapi.security.msgSecCheck:ok',
    result: { suggest: verdict.suggest, label: verdict.label },
    detail,
    traceId,
  };
}
