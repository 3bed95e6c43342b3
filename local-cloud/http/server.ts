import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FUNCTION_NAMES, type FunctionName } from '@domain/actions/define';
import { failure } from '@domain/result';
import type { LocalDatabase } from '../database';
import { clockControlEnabled, setLocalClock } from '../clock';
import { invokeLocalFunction } from '../functions';
import { DEMO_PERSONAS } from '../seed/demo-data';
import * as wechat from '../wechat';
import { signInPage, tablePage } from './pages';
import { serveWatch } from './realtime';
import { LocalSessions, SESSION_COOKIE, readCookie } from './sessions';
import { serveH5, storedFileHeaders } from './static-files';
import { sniffImageType } from '@domain/media/image-type';

export interface LocalCloudServerOptions {
  dataDir: string;
  envId: string;
  h5Dir: string;
  engine: LocalDatabase;
}

/** WeChat caps callFunction's payload; we refuse bodies past the same order of size. */
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** What a client may still send after its body was refused, before the connection is dropped. */
const DISCARD_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * The request body, or undefined once it passes `limit`. A refused body is still read to its end
 * and thrown away (up to DISCARD_LIMIT_BYTES), so the 413 the caller answers at once reaches a
 * client that is still sending; dropping the connection mid-upload would leave the client with a
 * reset instead of an answer.
 */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (refused) {
        if (size > limit + DISCARD_LIMIT_BYTES) request.destroy();
        return;
      }
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.once('end', () => resolve(refused ? undefined : Buffer.concat(chunks)));
    request.once('error', (error) => (refused ? undefined : reject(error)));
  });
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

function html(response: ServerResponse, body: string): void {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
}

const isFunctionName = (name: string): name is FunctionName => (FUNCTION_NAMES as readonly string[]).includes(name);

const FUNCTION_PATH = /^\/__cloud\/functions\/([\w-]+)$/;

const THIS_ORIGIN = 'http://local.invalid';

/**
 * Only a path of this site may be a sign-in's `next`. Browsers read `/\evil.example/` as
 * `//evil.example/` and drop tabs and newlines inside a URL, so the path is judged the way a
 * browser resolves it, and anything that lands on another origin goes to the app's start page.
 */
export function safeNext(next: string | null | undefined): string {
  const hasControlCharacter = [...(next ?? '')].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f);
  if (!next || !next.startsWith('/') || next.includes('\\') || hasControlCharacter) return '/';
  let resolved: URL;
  try {
    resolved = new URL(next, THIS_ORIGIN);
  } catch {
    return '/';
  }
  if (resolved.origin !== THIS_ORIGIN) return '/';
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/** decodeURIComponent that answers undefined for malformed percent-encoding instead of throwing. */
export function decodeOrUndefined(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export function createLocalCloudServer(options: LocalCloudServerOptions) {
  const sessions = new LocalSessions(options.dataDir);
  const openidOf = (request: IncomingMessage) => sessions.verify(readCookie(request.headers.cookie, SESSION_COOKIE));

  async function invokeFunction(name: FunctionName, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const openid = openidOf(request);
    if (!openid) return json(response, 401, failure('UNAUTHENTICATED', '请先选择演示身份登录'));
    const body = await readBody(request, MAX_BODY_BYTES);
    if (!body) return json(response, 413, failure('INVALID_INPUT', '提交的内容太大了'));
    let event: unknown;
    try {
      event = JSON.parse(body.toString('utf8') || '{}');
    } catch {
      return json(response, 400, failure('INVALID_INPUT', '请求格式不正确'));
    }
    json(response, 200, await invokeLocalFunction(name, event, { openid, envId: options.envId }));
  }

  function callFunction(name: string, request: IncomingMessage, response: ServerResponse): Promise<void> | void {
    if (request.method !== 'POST') return json(response, 405, failure('INVALID_INPUT', '请使用 POST'));
    if (!isFunctionName(name)) return json(response, 404, failure('NOT_FOUND', '没有这个云函数'));
    return invokeFunction(name, request, response);
  }

  async function signIn(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request, 16 * 1024);
    const form = new URLSearchParams(body?.toString('utf8') ?? '');
    const key = form.get('persona');
    const persona = DEMO_PERSONAS.find((candidate) => candidate.key === key);
    const openid = persona?.openid ?? (key === 'guest' ? `local-openid-guest-${randomBytes(6).toString('hex')}` : undefined);
    if (!openid) return json(response, 400, failure('INVALID_INPUT', '请选择一个演示身份'));
    response
      .writeHead(303, {
        location: safeNext(form.get('next')),
        'set-cookie': `${SESSION_COOKIE}=${encodeURIComponent(sessions.issue(openid))}; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000`,
      })
      .end();
  }

  async function upload(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (!openidOf(request)) return json(response, 401, { errCode: -1, errMsg: 'uploadFile:fail not signed in' });
    const body = await readBody(request, MAX_UPLOAD_BYTES);
    if (!body) return json(response, 413, { errCode: -1, errMsg: 'uploadFile:fail file too large' });
    // Clients may store images only, judged by their bytes (an .html named .jpg is refused).
    if (!sniffImageType(body)) return json(response, 415, { errCode: -1, errMsg: 'uploadFile:fail only images may be uploaded' });
    try {
      json(response, 200, await wechat.uploadFile({ cloudPath: url.searchParams.get('cloudPath') ?? '', fileContent: body }));
    } catch (error) {
      json(response, 400, { errCode: -1, errMsg: (error as { errMsg?: string }).errMsg ?? String(error) });
    }
  }

  async function recordSubscription(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const openid = openidOf(request);
    if (!openid) return json(response, 401, { errMsg: 'requestSubscribeMessage:fail not signed in' });
    const body = await readBody(request, 16 * 1024);
    try {
      const { decisions } = JSON.parse(body?.toString('utf8') ?? '{}') as { decisions: Record<string, 'accept' | 'reject'> };
      wechat.recordSubscription(openid, Object.keys(decisions), decisions);
      json(response, 200, { errMsg: 'requestSubscribeMessage:ok', ...decisions });
    } catch {
      json(response, 400, { errMsg: 'requestSubscribeMessage:fail invalid request' });
    }
  }

  /** Browser tests only (see ../clock.ts): {"now": ISO time} or {"now": null}. */
  async function setClock(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request, 1024);
    let now: unknown;
    try {
      now = (JSON.parse(body?.toString('utf8') ?? '') as { now?: unknown }).now;
    } catch {
      return json(response, 400, { ok: false });
    }
    if (now !== null && (typeof now !== 'string' || Number.isNaN(Date.parse(now)))) return json(response, 400, { ok: false });
    setLocalClock(now === null ? undefined : new Date(now));
    return json(response, 200, { ok: true, now: new Date().toISOString() });
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // A function call's path needs no URL parsing (it has no query, dots or escapes): most requests are one.
    const direct = FUNCTION_PATH.exec(request.url ?? '');
    if (direct?.[1] !== undefined) return callFunction(direct[1], request, response);
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://local');
    } catch {
      return json(response, 400, failure('INVALID_INPUT', '请求地址不正确'));
    }
    const method = request.method ?? 'GET';
    const pathname = url.pathname;

    const functionMatch = FUNCTION_PATH.exec(pathname);
    if (functionMatch?.[1] !== undefined) return callFunction(functionMatch[1], request, response);
    if (pathname === '/__local/sign-in') {
      if (method === 'POST') return signIn(request, response);
      const current = openidOf(request);
      const persona = DEMO_PERSONAS.find((candidate) => candidate.openid === current);
      return html(response, signInPage(DEMO_PERSONAS, safeNext(url.searchParams.get('next')), persona?.label ?? (current ? '新用户' : undefined)));
    }
    if (pathname === '/__local/sign-out' && method === 'POST') {
      response.writeHead(303, { location: '/__local/sign-in', 'set-cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0` }).end();
      return;
    }
    if (pathname === '/__local/subscribe' && method === 'POST') return recordSubscription(request, response);
    if (pathname === '/__local/outbox') {
      const rows = wechat.readOutbox().map((message) => [message.sentAt, message.touser, message.templateId, message.page ?? '', message.data]);
      return html(response, tablePage('订阅消息发件箱', '本地模式下发出的微信订阅消息（真实环境中由微信推送到用户手机）', ['时间', '接收人', '模板', '页面', '内容'], rows));
    }
    if (pathname === '/__cloud/watch') {
      const openid = openidOf(request);
      if (!openid) return json(response, 401, { errCode: -1, errMsg: 'watch:fail not signed in' });
      return serveWatch(request, response, url, options.engine, openid);
    }
    if (pathname === '/__cloud/storage/upload' && method === 'POST') return upload(request, response, url);
    if (pathname.startsWith('/__cloud/storage/')) {
      const storedPath = decodeOrUndefined(pathname.slice('/__cloud/storage/'.length));
      if (storedPath === undefined) return json(response, 400, { errCode: -1, errMsg: 'invalid file path' });
      const file = wechat.resolveStoredFile(storedPath);
      if (!file || !fs.existsSync(file)) return json(response, 404, { errCode: -1, errMsg: 'file not found' });
      response.writeHead(200, storedFileHeaders(file));
      fs.createReadStream(file).pipe(response);
      return;
    }
    if (pathname === '/__local/health') return json(response, 200, { ok: true });
    if (pathname === '/__local/clock' && method === 'POST' && clockControlEnabled()) return setClock(request, response);
    // Browser tests only, beside the clock: run a timer trigger now, as WeChat would (no OPENID), after moving the clock.
    const timerMatch = /^\/__local\/timers\/([\w-]+)\/([\w-]+)$/.exec(pathname);
    if (timerMatch?.[1] !== undefined && timerMatch[2] !== undefined && method === 'POST' && clockControlEnabled()) {
      if (!isFunctionName(timerMatch[1])) return json(response, 404, failure('NOT_FOUND', '没有这个云函数'));
      return json(response, 200, await invokeLocalFunction(timerMatch[1], { Type: 'Timer', TriggerName: timerMatch[2], Time: new Date().toISOString() }, { envId: options.envId }));
    }
    if (method !== 'GET' && method !== 'HEAD') return json(response, 405, failure('INVALID_INPUT', '不支持的请求'));
    if (decodeOrUndefined(pathname) === undefined) return json(response, 400, failure('INVALID_INPUT', '请求地址不正确'));
    serveH5(response, options.h5Dir, pathname);
  }

  const server = http.createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      console.error('[local-cloud] request failed', error);
      if (!response.headersSent) json(response, 500, failure('INTERNAL'));
      else response.end();
    });
  });

  return {
    server,
    listen(port: number, host = '127.0.0.1'): Promise<string> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          resolve(`http://${host}:${address.port}`);
        });
      });
    },
    close(): Promise<void> {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
