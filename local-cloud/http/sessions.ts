import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const SESSION_COOKIE = 'fq_local_session';

/**
 * Local sign-in only: the cookie carries the chosen persona's openid, signed with a secret
 * kept in the data directory, so sessions survive restarts and cannot be forged by editing
 * the cookie. WeChat builds never see any of this: there OPENID comes from WeChat itself.
 */
/** Tokens already verified, so a browser's every request does not pay an HMAC again (bounded: oldest dropped first). */
const VERIFIED_CACHE_SIZE = 1000;

export class LocalSessions {
  private readonly secret: Buffer;
  private readonly verified = new Map<string, string>();

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
    const known = this.verified.get(token);
    if (known !== undefined) return known;
    const openid = this.check(token);
    if (openid !== undefined) {
      if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value as string);
      this.verified.set(token, openid);
    }
    return openid;
  }

  private check(token: string): string | undefined {
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
    const cookie = part.trim();
    const equals = cookie.indexOf('=');
    if ((equals === -1 ? cookie : cookie.slice(0, equals)) !== name) continue;
    // A cookie with malformed percent-encoding is no session: the caller answers 401, not 500.
    try {
      return decodeURIComponent(equals === -1 ? '' : cookie.slice(equals + 1));
    } catch {
      return undefined;
    }
  }
  return undefined;
}
