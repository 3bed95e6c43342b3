/**
 * The local cloud over HTTP, as the H5 app and curl use it: sign-in, function calls,
 * the realtime feed and the guards around them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import net from 'node:net';
import { startLocalCloud, type RunningLocalCloud } from '@local-cloud/start-local-cloud';

let cloud: RunningLocalCloud;
let dataDir: string;
let h5Dir: string;

beforeAll(async () => {
  process.env.LOCAL_CLOUD_FSYNC = '0';
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fq-http-'));
  h5Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fq-h5-'));
  fs.writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><title>枫桥邻警</title>');
  cloud = await startLocalCloud({ dataDir, h5Dir, port: 0 });
});

afterAll(async () => {
  await cloud.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(h5Dir, { recursive: true, force: true });
});

async function signIn(persona: string, next = '/'): Promise<{ cookie: string; location: string | null }> {
  const response = await fetch(`${cloud.url}/__local/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ persona, next }),
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, location: response.headers.get('location') };
}

async function call(cookie: string, fn: string, action: string, input: unknown = {}) {
  const response = await fetch(`${cloud.url}/__cloud/functions/${fn}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ action, input }),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; data?: any; error?: { code: string } } };
}

test('the sign-in page lists the demo personas', async () => {
  const page = await (await fetch(`${cloud.url}/__local/sign-in`)).text();
  for (const label of ['王阿姨', '赵警官', '户籍窗口', '西罗园内勤', '新用户']) expect(page).toContain(label);
});

test('a signed-in persona calls functions; identity is the persona, not anything in the body', async () => {
  const { cookie } = await signIn('resident-xly2');
  const me = await call(cookie, 'account', 'me');
  expect(me.body).toMatchObject({ ok: true, data: { nickname: '王阿姨', role: 'resident', homeCommunity: { name: '西罗园第二社区' } } });
});

test('without a session, or with a forged one, calls are refused with 401 UNAUTHENTICATED', async () => {
  const anonymous = await call('', 'account', 'me');
  expect(anonymous).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } });
  const forged = `fq_local_session=${Buffer.from('local-openid-admin-xiluoyuan').toString('base64url')}.bm90LWEtc2lnbmF0dXJl`;
  expect((await call(forged, 'account', 'me')).status).toBe(401);
});

test('sign-in only redirects inside the app', async () => {
  expect((await signIn('resident-xly2', 'https://evil.example/')).location).toBe('/');
  expect((await signIn('resident-xly2', '//evil.example/')).location).toBe('/');
  expect((await signIn('resident-xly2', '/#/pages/me/index')).location).toBe('/#/pages/me/index');
  // Paths a browser resolves to another site: backslashes, tabs and newlines, encoded or not.
  for (const hostile of ['/\\evil.example/', '/\\/evil.example/', '/\t/evil.example/', '/\n/evil.example', '\\\\evil.example', '/%5Cevil.example/x', ' //evil.example']) {
    const { location } = await signIn('resident-xly2', hostile);
    expect(new URL(location ?? '', cloud.url).origin).toBe(cloud.url);
    expect(location).toMatch(/^\/(?![/\\])/);
  }
  expect((await signIn('resident-xly2', '/pages/me/index?tab=1#x')).location).toBe('/pages/me/index?tab=1#x');
  // The sign-in page's hidden field carries the same judgement.
  const page = await (await fetch(`${cloud.url}/__local/sign-in?next=${encodeURIComponent('/\\evil.example/')}`)).text();
  expect(page).not.toContain('evil.example');
});

/** One raw request (fetch would refuse to send a malformed path or cookie). */
function rawRequest(options: http.RequestOptions, body?: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(cloud.url);
    const request = http.request({ host: url.hostname, port: url.port, ...options }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

test('malformed percent-encoding in a cookie, a page path or a storage path is a clear 401 or 400, never a 500', async () => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const cookie = await rawRequest({ method: 'POST', path: '/__cloud/functions/account', headers: { cookie: 'fq_local_session=%E0%A4%A' } }, Buffer.from('{"action":"me"}'));
    expect(cookie.status).toBe(401);
    expect(JSON.parse(cookie.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await rawRequest({ method: 'GET', path: '/__cloud/watch?collection=x', headers: { cookie: 'fq_local_session=%' } })).status).toBe(401);
    const pagePath = await rawRequest({ method: 'GET', path: '/pages/%E0%A4%A/index' });
    expect(pagePath.status).toBe(400);
    expect(JSON.parse(pagePath.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请求地址不正确' } });
    expect((await rawRequest({ method: 'GET', path: '/__cloud/storage/%zz/a.png' })).status).toBe(400);
    expect(errors).not.toHaveBeenCalled();
  } finally {
    errors.mockRestore();
  }
});

test('a body over the limit is answered 413 so that a client which reads only after sending everything still reads it', async () => {
  const { cookie } = await signIn('resident-xly2');
  const url = new URL(cloud.url);
  const total = 3 * 1024 * 1024;
  // A raw client like a slow phone's upload: it sends its whole body in pieces, and only then reads.
  const answer = await new Promise<{ text: string; writeError?: string }>((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let writeError: string | undefined;
    socket.on('error', (error: NodeJS.ErrnoException) => (writeError ??= error.code));
    socket.pause();
    socket.write(`POST /__cloud/functions/account HTTP/1.1\r\nHost: ${url.host}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: ${total}\r\n\r\n`);
    const chunk = Buffer.alloc(128 * 1024, 120);
    let sent = 0;
    const writeMore = () => {
      if (writeError || sent >= total) {
        let text = '';
        socket.setEncoding('utf8');
        socket.on('data', (data: string) => {
          text += data;
          if (text.includes('}}')) socket.end();
        });
        socket.on('close', () => resolve({ text, writeError }));
        socket.resume();
        return;
      }
      sent += chunk.length;
      socket.write(chunk);
      setTimeout(writeMore, 15);
    };
    writeMore();
  });
  expect(answer.writeError).toBeUndefined();
  expect(answer.text).toMatch(/^HTTP\/1\.1 413 /);
  expect(answer.text).toContain('提交的内容太大了');
  // The server is still there for the next call.
  expect((await call(cookie, 'account', 'me')).status).toBe(200);
});

test('unknown functions, bad JSON and oversized bodies get clear errors', async () => {
  const { cookie } = await signIn('resident-xly2');
  expect((await call(cookie, 'nosuch', 'me')).status).toBe(404);
  const badJson = await fetch(`${cloud.url}/__cloud/functions/account`, { method: 'POST', headers: { cookie }, body: '{not json' });
  expect(badJson.status).toBe(400);
  // As a browser sends it: the whole body at once, several times over.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const huge = await fetch(`${cloud.url}/__cloud/functions/account`, { method: 'POST', headers: { cookie }, body: 'x'.repeat(8 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ ok: false, error: { message: '提交的内容太大了' } });
  }
});

test('static files cannot escape the H5 folder, and unknown paths fall back to the app', async () => {
  const raw = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.get(`${cloud.url}/../../etc/passwd`.replace('/../../', '/%2e%2e/%2e%2e/'), (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
  expect(raw.body).not.toContain('root:');
  expect(raw.body).toContain('枫桥邻警');
});

test('the realtime feed streams a watched document when an action changes it', async () => {
  const { cookie } = await signIn('resident-hgby');
  await call(cookie, 'account', 'me');
  const controller = new AbortController();
  const response = await fetch(`${cloud.url}/__cloud/watch?collection=users&where=${encodeURIComponent(JSON.stringify({ openid: '{openid}' }))}`, {
    headers: { cookie },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const nextEvent = eventsOf(response);
  const initial = await nextEvent();
  expect(initial.type).toBe('init');
  expect(initial.docs.map((doc) => doc.nickname)).toEqual(['陈师傅']);

  await call(cookie, 'account', 'updateProfile', { nickname: '杭钢陈师傅' });
  const changed = await nextEvent();
  expect(changed.docs.map((doc) => doc.nickname)).toEqual(['杭钢陈师傅']);
  controller.abort();
});

test('a watch outside the security rules is refused, as CloudBase does', async () => {
  const { cookie } = await signIn('resident-hgby');
  const everyone = await fetch(`${cloud.url}/__cloud/watch?collection=users&where=${encodeURIComponent('{}')}`, { headers: { cookie } });
  expect(everyone.status).toBe(403);
  const someoneElse = await fetch(`${cloud.url}/__cloud/watch?collection=users&where=${encodeURIComponent(JSON.stringify({ openid: 'local-openid-admin-xiluoyuan' }))}`, { headers: { cookie } });
  expect(someoneElse.status).toBe(403);
  const invites = await fetch(`${cloud.url}/__cloud/watch?collection=invites&where=${encodeURIComponent('{}')}`, { headers: { cookie } });
  expect(invites.status).toBe(403);
});

test('a signed-in client uploads a file; the stored file is served back through its temp URL', async () => {
  const { cookie } = await signIn('resident-xly2');
  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  const uploaded = await fetch(`${cloud.url}/__cloud/storage/upload?cloudPath=${encodeURIComponent('consult/王阿姨/photo.png')}`, {
    method: 'POST',
    headers: { cookie },
    body: bytes,
  });
  const { fileID } = (await uploaded.json()) as { fileID: string };
  expect(fileID).toMatch(/^cloud:\/\/.+\/consult\/王阿姨\/photo\.png$/);
  const { getTempFileURL } = await import('@local-cloud/wechat');
  const { fileList } = await getTempFileURL({ fileList: [fileID] });
  const served = await fetch(fileList[0]!.tempFileURL);
  expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes);

  expect((await fetch(`${cloud.url}/__cloud/storage/upload?cloudPath=x.png`, { method: 'POST', body: bytes })).status).toBe(401);
  const traversal = await fetch(`${cloud.url}/__cloud/storage/upload?cloudPath=${encodeURIComponent('../escape.png')}`, { method: 'POST', headers: { cookie }, body: bytes });
  expect(traversal.status).toBe(400);
});

test('stored files can never run as pages: images by their bytes only, everything else sandboxed and downloaded', async () => {
  const { cookie } = await signIn('resident-xly2');
  const upload = (cloudPath: string, body: Buffer<ArrayBuffer>) =>
    fetch(`${cloud.url}/__cloud/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'POST', headers: { cookie }, body });
  const page = Buffer.from('<html><script>fetch("/__cloud/functions/consult")</script></html>');
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  expect((await upload('consult/evil.html', page)).status).toBe(415);
  expect((await upload('consult/evil.svg', svg)).status).toBe(415);
  // Named like a photo, but a page: still refused, the name decides nothing.
  expect((await upload('consult/evil.jpg', page)).status).toBe(415);

  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
  // A real image under a misleading name is served as what it is.
  const { fileID } = (await (await upload('consult/photo.html', jpeg)).json()) as { fileID: string };
  const { getTempFileURL, uploadFile } = await import('@local-cloud/wechat');
  const served = await fetch((await getTempFileURL({ fileList: [fileID] })).fileList[0]!.tempFileURL);
  expect(served.headers.get('content-type')).toBe('image/jpeg');
  expect(served.headers.get('x-content-type-options')).toBe('nosniff');
  expect(served.headers.get('content-security-policy')).toContain('sandbox');
  expect(served.headers.get('content-disposition')).toMatch(/^inline/);

  // A page a function wrote (the server-side SDK stores anything) is only ever a download.
  const stored = await uploadFile({ cloudPath: 'exports/page.html', fileContent: page });
  const download = await fetch((await getTempFileURL({ fileList: [stored.fileID] })).fileList[0]!.tempFileURL);
  expect(download.headers.get('content-type')).toBe('application/octet-stream');
  expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
  expect(download.headers.get('content-security-policy')).toContain('sandbox');
  expect(download.headers.get('x-content-type-options')).toBe('nosniff');
});

test('a subscription accepted in the browser allows exactly one message, which lands in the outbox', async () => {
  const { cookie } = await signIn('resident-hgby');
  const accepted = await fetch(`${cloud.url}/__local/subscribe`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ decisions: { 'tmpl-booking-reminder': 'accept' } }),
  });
  expect(accepted.status).toBe(200);
  const wechat = await import('@local-cloud/wechat');
  const { runInInvocation } = await import('@local-cloud/wx-server-sdk/invocation');
  const send = () =>
    runInInvocation({ ENV: 'test', SOURCE: 'wx_trigger', REQUEST_ID: 'r' }, () =>
      wechat.sendSubscribeMessage({ touser: 'local-openid-resident-chen', templateId: 'tmpl-booking-reminder', data: { thing1: { value: '身份证办理' } } }),
    );
  await expect(send()).resolves.toMatchObject({ errCode: 0 });
  await expect(send()).rejects.toMatchObject({ errCode: 43101 });
  const outbox = await (await fetch(`${cloud.url}/__local/outbox`)).text();
  expect(outbox).toContain('身份证办理');
});

/** Reads server-sent events one at a time. */
function eventsOf(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return async function next(): Promise<{ type?: string; docs: Record<string, unknown>[]; docChanges?: unknown[] }> {
    for (;;) {
      const boundary = buffer.indexOf('\n\n');
      if (boundary >= 0) {
        const chunk = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        if (chunk.startsWith('data: ')) return JSON.parse(chunk.slice(6));
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
}

test('a consult thread is watched through change signals only: no text on the wire, and only one’s own', async () => {
  const resident = (await signIn('resident-xly2')).cookie;
  const officer = (await signIn('officer-hall-xly')).cookie;
  const started = await call(resident, 'consult', 'startThread', { category: 'household', text: '户口迁移要带什么？电话13812345678' });
  const threadId = started.body.data.threadId as string;

  // Messages and threads are never readable by a client; another person's signals neither.
  for (const collection of ['consult_threads', 'consult_messages']) {
    expect((await fetch(`${cloud.url}/__cloud/watch?collection=${collection}&where=${encodeURIComponent(JSON.stringify({ threadId }))}`, { headers: { cookie: resident } })).status).toBe(403);
  }
  expect((await fetch(`${cloud.url}/__cloud/watch?collection=consult_watch&where=${encodeURIComponent(JSON.stringify({ threadId }))}`, { headers: { cookie: resident } })).status).toBe(403);

  const controller = new AbortController();
  const response = await fetch(`${cloud.url}/__cloud/watch?collection=consult_watch&where=${encodeURIComponent(JSON.stringify({ threadId, openid: '{openid}' }))}`, {
    headers: { cookie: resident },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const next = eventsOf(response);
  expect((await next()).docs).toHaveLength(1);
  await call(officer, 'consult', 'sendMessage', { threadId, clientId: 'officer-0001', text: '带户口本和身份证原件。' });
  const changed = await next();
  expect(changed.docs[0]).toMatchObject({ threadId, version: 1 });
  expect(JSON.stringify(changed)).not.toMatch(/户口本|13812345678/);
  controller.abort();
});

test('the local clock exists only when the server was started for browser tests', async () => {
  const post = (body: unknown) => fetch(`${cloud.url}/__local/clock`, { method: 'POST', body: JSON.stringify(body) });
  delete process.env.LOCAL_CLOUD_CLOCK_CONTROL;
  expect((await post({ now: '2026-11-25T22:00:00+08:00' })).status).toBe(405);

  process.env.LOCAL_CLOUD_CLOCK_CONTROL = '1';
  try {
    const pinned = (await (await post({ now: '2026-11-25T22:00:00+08:00' })).json()) as { now: string };
    expect(Math.abs(new Date(pinned.now).getTime() - Date.parse('2026-11-25T14:00:00Z'))).toBeLessThan(1000);
    const reset = (await (await post({ now: null })).json()) as { now: string };
    expect(Math.abs(new Date(reset.now).getTime() - Date.now())).toBeLessThan(1000);
    expect((await post({ now: 'soon' })).status).toBe(400);
  } finally {
    delete process.env.LOCAL_CLOUD_CLOCK_CONTROL;
    await post({ now: null });
  }
});
