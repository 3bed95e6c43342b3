import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const SESSION_COOKIE = 'fq_local_session';

/**
 * Local sign-in only: the cookie carries the chosen persona's openid, signed with a secret
 * kept in the data directory, so sessions survive restarts and cannot be forged by editing
 * the cookie. WeChat builds never see any of this: there OPENID comes from WeChat itself.
 */
export class LocalSessions {
  private readonly secret: Buffer;

  constructor(dataDir: string) {
    const file = path.join(dataDir, 'session-secret');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    }
    this.secret = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  }

  issue(openid: string): string {
    const payload = Buffer.from(openid, 'utf8').toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The openid in a valid session token, else undefined. */
  verify(token: string | undefined): string | undefined {
    if (!token) return undefined;
    const [payload, signature] = token.split('.');
    if (!payload || !signature) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    return Buffer.from(payload, 'base64url').toString('utf8');
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    // A cookie with malformed percent-encoding is no session: the caller answers 401, not 500.
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}
