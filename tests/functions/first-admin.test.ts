/**
 * A fresh deployment's first district admin: the one-time code `npm run deploy` prints (derived
 * from BOOTSTRAP_SECRET) makes the first caller the admin of the configured district, once; that
 * admin then invites the first station admin through the ordinary invite.
 */
import { accountActions } from '@domain/actions/account';
import { firstAdminCode } from '../../cloudfunctions/account/first-admin';
import { startHarness, type CloudHarness } from '../support/cloud-harness';
import { failed, ok } from '../support/clocked-harness';

let harness: CloudHarness;
const saved = { ...process.env };
beforeAll(async () => {
  harness = await startHarness();
  Object.assign(process.env, { DISTRICT_ID: 'gongshu', DISTRICT_NAME: '拱墅区公安分局', DISTRICT_CITY: '杭州' });
});
afterAll(async () => {
  process.env = saved;
  await harness.close();
});

// On the local cloud BOOTSTRAP_SECRET has its development stand-in (platform/cloud/settings.ts).
const code = () => firstAdminCode('local-dev-only-bootstrap-secret');

test('the first-admin code makes the first caller the district admin, once; the admin invites the first station admin', async () => {
  const technicianColleague = 'openid-first-admin';
  const me = ok(await harness.call(technicianColleague, accountActions.redeemInvite, { code: code(), name: '王建国', phone: '0571-85000000' }));
  expect(me).toMatchObject({ role: 'districtAdmin', districtId: 'gongshu' });

  // Used: the same code is refused for anyone else.
  expect(failed(await harness.call('openid-latecomer', accountActions.redeemInvite, { code: code(), name: '王建国', phone: '0571-85000000' }))).toMatchObject({ code: 'CONFLICT' });

  const invite = ok(
    await harness.call(technicianColleague, accountActions.createInvite, { stationId: 'changqing', role: 'stationAdmin', officerKinds: ['duty'], validHours: 24, note: '所领导' }),
  );
  const stationAdmin = ok(await harness.call('openid-station-head', accountActions.redeemInvite, { code: invite.code, name: '李所长', phone: '0571-85000001' }));
  expect(stationAdmin).toMatchObject({ role: 'stationAdmin', station: { id: 'changqing' } });
});

test('a wrong code is an ordinary unknown invite', async () => {
  expect(failed(await harness.call('openid-guesser', accountActions.redeemInvite, { code: 'ABCDEFGH', name: '张三', phone: '0571-85000002' }))).toMatchObject({ code: 'NOT_FOUND' });
});
