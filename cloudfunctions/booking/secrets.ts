import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { fnv1a64, hashBase32, personKeyFor } from '@domain/booking';
import { requireSecret } from '@platform/cloud/settings';

/**
 * BOOKING_SECRET keeps person keys and check-in codes unguessable and the stored ID numbers
 * unreadable. `npm run deploy` sets it; without it a deployed function refuses to run
 * (platform/cloud/settings.ts). Only the local cloud has a development stand-in.
 */
export function bookingSecret(): string {
  return requireSecret('BOOKING_SECRET');
}

const keyedHash = (message: string) => createHmac('sha256', bookingSecret()).update(message).digest('base64url');

/** The person key of a family member, from their (validated) ID number. */
export const personKeyOfIdNumber = (idNumber: string): string => personKeyFor(idNumber, keyedHash);

const accountKeys = new Map<string, { key: string; secret: string }>();

/**
 * The account holder booking for themselves: the account has no ID number on file, so their
 * person key is derived from the account id (same shape as an ID-number key, never equal to one).
 */
export function personKeyOfAccount(accountId: string): string {
  const known = accountKeys.get(accountId);
  if (known && known.secret === bookingSecret()) return known.key;
  const key = `p_${keyedHash(`account:${accountId}`).slice(0, 32)}`;
  // An HMAC per booking action adds up under a rush; a warm instance remembers the last few thousand.
  if (accountKeys.size >= 5000) accountKeys.delete(accountKeys.keys().next().value as string);
  accountKeys.set(accountId, { key, secret: bookingSecret() });
  return key;
}

/** A family member's id: one document per (account, person), so saving the same person again updates. */
export const familyMemberIdFor = (accountId: string, personKey: string): string => `fm_${hashBase32(fnv1a64(`family\u0000${accountId}\u0000${personKey}`))}`;

const encryptionKey = () => createHash('sha256').update(`seal:${bookingSecret()}`).digest();

/** AES-256-GCM: 'v1.<iv>.<tag>.<ciphertext>', base64url. */
export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function unseal(sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
