import { INVITE_CODE_ALPHABET } from './actions/account';

export type InviteStatus = 'open' | 'used' | 'revoked' | 'expired';

export interface InviteState {
  expiresAt: Date;
  usedAt?: Date;
  revokedAt?: Date;
}

/** Used and revoked are final; an open invite turns expired by time alone. */
export function inviteStatus(invite: InviteState, now: Date): InviteStatus {
  if (invite.usedAt) return 'used';
  if (invite.revokedAt) return 'revoked';
  return invite.expiresAt.getTime() <= now.getTime() ? 'expired' : 'open';
}

/** 8 characters over 31 symbols ≈ 8.5e11 codes: guessing is hopeless with redemption rate-limited. */
export function newInviteCode(randomBytes: (size: number) => Uint8Array): string {
  const bytes = randomBytes(16);
  let code = '';
  for (const byte of bytes) {
    // Rejection sampling keeps every symbol equally likely.
    if (byte >= 248) continue;
    code += INVITE_CODE_ALPHABET[byte % INVITE_CODE_ALPHABET.length];
    if (code.length === 8) return code;
  }
  return newInviteCode(randomBytes);
}

/** How many wrong codes a person may try before a pause, and how long the pause lasts. */
export const REDEEM_ATTEMPTS = { max: 5, windowMinutes: 15 } as const;

/** Invites are kept this long after they stop being usable, then purged (PIPL: keep the least). */
export const INVITE_RETENTION_DAYS = 30;

/** What the first-admin code is keyed on: HMAC-SHA256(BOOTSTRAP_SECRET, this) (cloudfunctions/account/first-admin.ts). */
export const FIRST_ADMIN_LABEL = 'fengqiao first district admin';

/** Each district of a deployment has its own first-admin code: the label names the district. */
export const firstAdminMessage = (districtId: string): string => `${FIRST_ADMIN_LABEL}:${districtId}`;

/** An invite-shaped code from a keyed digest (≥ 16 bytes), by the same rejection sampling as newInviteCode. */
export function inviteCodeFromDigest(digest: Uint8Array): string {
  let code = '';
  for (const byte of digest) {
    if (byte >= 248) continue;
    code += INVITE_CODE_ALPHABET[byte % INVITE_CODE_ALPHABET.length];
    if (code.length === 8) return code;
  }
  throw new Error('digest too short for an invite code');
}
