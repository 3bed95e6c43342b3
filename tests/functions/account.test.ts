import { actions } from '@domain/actions';
import { userIdFor } from '@platform/cloud/identity';
import { officerIdOf, persona, startHarness, type CloudHarness } from '../support/cloud-harness';

// Officer records are made when the demo officers redeem their invites.
const CHENG = officerIdOf('officer-duty-xly');
const ZHAO = officerIdOf('officer-beat-xly');

let harness: CloudHarness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.close());

const admin = () => persona('admin-xly').openid;
const ok = <T>(result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.data;
};

describe('identity', () => {
  test('first use creates a resident account keyed by the WeChat openid', async () => {
    const me = ok(await harness.call('openid-new-person', actions.account.me, {}));
    expect(me).toMatchObject({ role: 'resident', officerKinds: [], nickname: '微信用户', userId: userIdFor('openid-new-person') });
    expect(harness.engine.find('users', { _id: me.userId })).toHaveLength(1);
  });

  test('parallel first calls end with exactly one account', async () => {
    await Promise.all(Array.from({ length: 8 }, () => harness.call('openid-racing', actions.account.me, {})));
    expect(harness.engine.find('users', { openid: 'openid-racing' })).toHaveLength(1);
  });

  test('an openid or role in the request body is ignored: identity comes from the WeChat context', async () => {
    const result = await harness.raw('openid-sneaky', 'account', { action: 'me', input: {}, openid: admin(), role: 'stationAdmin' });
    expect(result).toMatchObject({ ok: true, data: { role: 'resident' } });
    const forged = await harness.raw('openid-sneaky', 'account', { action: 'listInvites', input: { stationId: 'xiluoyuan' }, userInfo: { openId: admin() } });
    expect(forged).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('envelope', () => {
  test('an unknown action is a clear error, not undefined', async () => {
    const result = await harness.raw('openid-a', 'account', { action: 'mee', input: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
    expect((result as { error: { message: string } }).error.message).toMatch(/更新小程序/);
  });

  test('prototype names are not actions', async () => {
    for (const action of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(await harness.raw('openid-a', 'account', { action, input: {} })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
    }
  });

  test('a malformed event and invalid input answer INVALID_INPUT with readable field messages', async () => {
    expect(await harness.raw('openid-a', 'account', 'hello')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const result = await harness.raw(admin(), 'account', { action: 'createInvite', input: { stationId: 'xiluoyuan', role: 'officer', officerKinds: [], validHours: 500 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { officerKinds: '请至少选择一个警种', validHours: '有效期最长72小时' } } });
  });

  test('unexpected fields are rejected, so a renamed field cannot be silently dropped', async () => {
    const result = await harness.raw('openid-a', 'account', { action: 'updateProfile', input: { nickName: '老李' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  test('an unknown station is NOT_FOUND', async () => {
    const result = await harness.call(admin(), actions.account.listInvites, { stationId: 'atlantis' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('profile', () => {
  test('a nickname passes content security before it is saved', async () => {
    const saved = ok(await harness.call('openid-a', actions.account.updateProfile, { nickname: '  西罗园李大爷 ' }));
    expect(saved.nickname).toBe('西罗园李大爷');
    expect(ok(await harness.call('openid-a', actions.account.me, {})).nickname).toBe('西罗园李大爷');
  });

  test('a rejected nickname is not saved', async () => {
    const result = await harness.call('openid-a', actions.account.updateProfile, { nickname: '出售枪支弹药' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
    expect(ok(await harness.call('openid-a', actions.account.me, {})).nickname).toBe('微信用户');
  });
});

const officerProfile = { name: '冯志远', phone: '13800138000' };

describe('officer invites', () => {
  test('an admin invites, an officer redeems once, and gets the role at that station', async () => {
    const invite = ok(await harness.call(admin(), actions.account.createInvite, { stationId: 'xiluoyuan', role: 'officer', officerKinds: ['beat', 'duty'], validHours: 24, note: '新调入 洋桥警务区' }));
    expect(invite).toMatchObject({ status: 'open', officerKinds: ['beat', 'duty'] });
    expect(invite.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);

    const me = ok(await harness.call('openid-new-officer', actions.account.redeemInvite, { code: invite.code.toLowerCase(), ...officerProfile }));
    expect(me).toMatchObject({ role: 'officer', officerKinds: ['beat', 'duty'], station: { id: 'xiluoyuan', name: '西罗园派出所' } });

    const again = await harness.call('openid-someone-else', actions.account.redeemInvite, { code: invite.code, ...officerProfile });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const listed = ok(await harness.call(admin(), actions.account.listInvites, { stationId: 'xiluoyuan' }));
    expect(listed.find((item) => item.code === invite.code)).toMatchObject({ status: 'used' });
    const staff = ok(await harness.call(admin(), actions.account.listStaff, { stationId: 'xiluoyuan' }));
    expect(staff.map((member) => member.userId)).toContain(userIdFor('openid-new-officer'));
    expect(harness.engine.find('audit_log', { type: 'role.granted', userId: userIdFor('openid-new-officer') })).toHaveLength(1);
  });

  test('an expired invite cannot be redeemed', async () => {
    const invite = ok(await harness.call(admin(), actions.account.createInvite, { stationId: 'xiluoyuan', role: 'officer', officerKinds: ['hall'], validHours: 1 }));
    await harness.engine.api.collection('invites').doc(invite.code).update({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const result = await harness.call('openid-late', actions.account.redeemInvite, { code: invite.code, ...officerProfile });
    expect(result).toMatchObject({ ok: false, error: { code: 'EXPIRED' } });
    expect(ok(await harness.call('openid-late', actions.account.me, {})).role).toBe('resident');
  });

  test('a revoked invite cannot be redeemed, and only the own station can revoke', async () => {
    const invite = ok(await harness.call(admin(), actions.account.createInvite, { stationId: 'xiluoyuan', role: 'officer', officerKinds: ['beat'], validHours: 8 }));
    const otherAdmin = await harness.call(persona('admin-gongshu').openid, actions.account.revokeInvite, { stationId: 'xiluoyuan', code: invite.code });
    expect(otherAdmin).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(ok(await harness.call(admin(), actions.account.revokeInvite, { stationId: 'xiluoyuan', code: invite.code })).status).toBe('revoked');
    expect(await harness.call('openid-x', actions.account.redeemInvite, { code: invite.code, ...officerProfile })).toMatchObject({ ok: false, error: { code: 'EXPIRED' } });
  });

  test('guessing codes is rate limited after five wrong tries', async () => {
    const guesses = ['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC', 'DDDDDDDD', 'EEEEEEEE'];
    for (const code of guesses) {
      expect(await harness.call('openid-guesser', actions.account.redeemInvite, { code, ...officerProfile })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    const invite = ok(await harness.call(admin(), actions.account.createInvite, { stationId: 'xiluoyuan', role: 'officer', officerKinds: ['beat'], validHours: 8 }));
    expect(await harness.call('openid-guesser', actions.account.redeemInvite, { code: invite.code, ...officerProfile })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    // The valid invite is still open for the person it was meant for.
    expect(ok(await harness.call('openid-meant', actions.account.redeemInvite, { code: invite.code, ...officerProfile })).role).toBe('officer');
  });

  test('a failed redemption leaves no partial writes', async () => {
    const invite = ok(await harness.call(admin(), actions.account.createInvite, { stationId: 'xiluoyuan', role: 'officer', officerKinds: ['beat'], validHours: 8 }));
    const before = JSON.stringify([harness.engine.find('invites'), harness.engine.find('users'), harness.engine.find('audit_log')]);
    // A district admin may not redeem: the transaction must not have touched the invite.
    expect(await harness.call(persona('admin-gongshu').openid, actions.account.redeemInvite, { code: invite.code, ...officerProfile })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(JSON.stringify([harness.engine.find('invites'), harness.engine.find('users'), harness.engine.find('audit_log')])).toBe(before);
  });

  test('an officer with work is deactivated with a hand-over, not by taking the role back; then they are a resident again', async () => {
    const beat = persona('officer-beat-xly');
    expect(await harness.call(admin(), actions.account.revokeStaff, { stationId: 'xiluoyuan', userId: userIdFor(beat.openid) })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    ok(await harness.call(admin(), actions.station.deactivateOfficer, { stationId: 'xiluoyuan', officerId: ZHAO, successorId: CHENG }));
    const me = ok(await harness.call(beat.openid, actions.account.me, {}));
    expect(me).toMatchObject({ role: 'resident', officerKinds: [] });
    expect(me.station).toBeUndefined();
    expect(await harness.call(beat.openid, actions.account.listStaff, { stationId: 'xiluoyuan' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await harness.call(admin(), actions.account.revokeStaff, { stationId: 'xiluoyuan', userId: userIdFor(admin()) })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  test('the nightly purge removes invites expired more than 30 days ago and keeps the rest', async () => {
    const old = ok(await harness.call(admin(), actions.account.createInvite, { stationId: 'xiluoyuan', role: 'officer', officerKinds: ['beat'], validHours: 1 }));
    const recent = ok(await harness.call(admin(), actions.account.createInvite, { stationId: 'xiluoyuan', role: 'officer', officerKinds: ['beat'], validHours: 1 }));
    await harness.engine.api.collection('invites').doc(old.code).update({ data: { expiresAt: new Date(Date.now() - 31 * 86_400_000) } });
    expect(await harness.timer('account', 'purgeExpiredInvites')).toMatchObject({ ok: true, data: { removed: 1 } });
    // (The demo's used partner invite is recent too, and stays.)
    const left = harness.engine.find('invites').map((doc) => doc._id);
    expect(left).toContain(recent.code);
    expect(left).not.toContain(old.code);
  });
});
