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

test('a code the generator never issues is refused saying what is actually wrong with it', async () => {
  const v = await import('valibot');
  const { accountActions } = await import('@domain/actions/account');
  const { fieldErrorsOf, PARSE_CONFIG } = await import('@domain/actions/input-messages');
  const messageFor = (code: string) => {
    const parsed = v.safeParse(accountActions.redeemInvite.input, { code }, PARSE_CONFIG);
    return parsed.success ? undefined : fieldErrorsOf(parsed.issues).code;
  };
  // Eight letters or digits, but with symbols no invite code has: the old message said "8位字母或数字".
  expect(messageFor('AB0CD1EO')).toBe('邀请码里不会有“0、1、O”：为免看错，邀请码不用数字0、1和字母O、I、L，请核对');
  expect(messageFor('abcdefgl')).toContain('“L”');
  expect(messageFor('ABCDEFG')).toBe('邀请码是8位，您输入了7位，请核对');
  expect(messageFor('ABCD-EFGH')).toBe('邀请码只有字母和数字，请去掉空格和符号');
  expect(messageFor('   ')).toBe('请输入邀请码');
  expect(messageFor(' abcdefgh ')).toBeUndefined();
});
