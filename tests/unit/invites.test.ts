import { randomBytes } from 'node:crypto';
import { INVITE_CODE_ALPHABET } from '@domain/actions/account';
import { inviteStatus, newInviteCode } from '@domain/invites';

test('invite codes use only unambiguous symbols, evenly', () => {
  const counts = new Map<string, number>();
  for (let index = 0; index < 4000; index += 1) {
    const code = newInviteCode(randomBytes);
    expect(code).toMatch(new RegExp(`^[${INVITE_CODE_ALPHABET}]{8}$`));
    for (const char of code) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  expect(counts.size).toBe(INVITE_CODE_ALPHABET.length);
  const expected = (4000 * 8) / INVITE_CODE_ALPHABET.length;
  for (const count of counts.values()) expect(Math.abs(count - expected)).toBeLessThan(expected * 0.25);
});

test('used and revoked are final; open turns expired by time', () => {
  const now = new Date('2026-11-23T10:00:00+08:00');
  const later = new Date('2026-11-24T10:00:00+08:00');
  expect(inviteStatus({ expiresAt: later }, now)).toBe('open');
  expect(inviteStatus({ expiresAt: now }, now)).toBe('expired');
  expect(inviteStatus({ expiresAt: now, usedAt: now }, later)).toBe('used');
  expect(inviteStatus({ expiresAt: later, revokedAt: now }, now)).toBe('revoked');
});
