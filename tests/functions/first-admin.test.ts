/**
 * A deployment's first district admins: the one-time code `npm run deploy` prints for each
 * configured district (derived from BOOTSTRAP_SECRET and the district's id) makes the first caller
 * the admin of that district, once; that admin then opens a station and invites its first admin
 * through the ordinary actions. The demo's two districts were claimed this way when it loaded.
 */
import { createHmac } from 'node:crypto';
import { accountActions } from '@domain/actions/account';
import { FIRST_ADMIN_LABEL, inviteCodeFromDigest } from '@domain/invites';
import { stationActions } from '@domain/actions/station';
import { firstAdminCode } from '../../cloudfunctions/account/first-admin';
import { persona, startHarness, type CloudHarness } from '../support/cloud-harness';
import { failed, ok } from '../support/clocked-harness';

let harness: CloudHarness;
const saved = { ...process.env };
beforeAll(async () => {
  harness = await startHarness();
});
/** The local cloud's own configuration (local-cloud/deployment.ts) is put back after each test. */
let localDistricts = '';
beforeEach(() => {
  localDistricts = process.env.DISTRICTS ?? '';
});
afterEach(() => {
  for (const name of ['DISTRICT_ID', 'DISTRICT_NAME', 'DISTRICT_CITY']) delete process.env[name];
  process.env.DISTRICTS = localDistricts;
});
afterAll(async () => {
  process.env = saved;
  await harness.close();
});

// On the local cloud BOOTSTRAP_SECRET has its development stand-in (platform/cloud/settings.ts).
const code = (districtId: string) => firstAdminCode('local-dev-only-bootstrap-secret', districtId);

test('the demo districts come from the local configuration and were claimed by their admins with their codes, audited', async () => {
  expect(localDistricts).toBe('gongshu:拱墅区公安分局:杭州,fengtai:丰台区公安分局:北京');
  for (const [districtId, admin] of [['fengtai', 'admin-fengtai'], ['gongshu', 'admin-gongshu']] as const) {
    const claim = harness.engine.find('meta', { _id: `first-admin.${districtId}` });
    expect(claim).toEqual([expect.objectContaining({ districtId })]);
    expect(ok(await harness.call(persona(admin).openid, accountActions.me, {}))).toMatchObject({ role: 'districtAdmin', districtId });
    expect(harness.engine.find('audit_log', { type: 'role.granted', invite: 'first-admin', districtId })).toEqual([expect.objectContaining({ userId: claim[0]?.userId })]);
  }
  expect(harness.engine.find('districts').map((district) => district._id).sort()).toEqual(['fengtai', 'gongshu']);
  expect(harness.engine.find('audit_log', { type: 'district.created' }).map((entry) => entry.districtId).sort()).toEqual(['fengtai', 'gongshu']);
  // Used: each demo district's code is refused from now on.
  for (const districtId of ['fengtai', 'gongshu']) {
    expect(failed(await harness.call('openid-latecomer', accountActions.redeemInvite, { code: code(districtId), name: '王建国', phone: '0571-85000000' })).code).toBe('CONFLICT');
  }
});

test('a city bureau adds a third 分局: its own code makes the first caller its admin, once; the admin opens a station and invites its admin', async () => {
  process.env.DISTRICTS = `${localDistricts},shangcheng:上城区公安分局:杭州`;
  const colleague = 'openid-first-admin-shangcheng';
  const me = ok(await harness.call(colleague, accountActions.redeemInvite, { code: code('shangcheng'), name: '王建国', phone: '0571-85000000' }));
  expect(me).toMatchObject({ role: 'districtAdmin', districtId: 'shangcheng' });
  expect(harness.engine.find('districts', { _id: 'shangcheng' })).toEqual([expect.objectContaining({ name: '上城区公安分局', city: '杭州' })]);
  expect(failed(await harness.call('openid-latecomer', accountActions.redeemInvite, { code: code('shangcheng'), name: '王建国', phone: '0571-85000000' }))).toMatchObject({ code: 'CONFLICT' });

  // Another district's admin is who they are: the code does not move them (nor anyone already a district admin).
  expect(failed(await harness.call(persona('admin-gongshu').openid, accountActions.redeemInvite, { code: code('shangcheng'), name: '拱墅分局', phone: '0571-85000000' })).code).toBe('CONFLICT');

  ok(await harness.call(colleague, stationActions.createStation, { districtId: 'shangcheng', stationId: 'hubin', name: '湖滨派出所', address: '杭州市上城区湖滨路 1 号', phone: '0571-8700 0001', latitude: 30.259, longitude: 120.164 }));
  // Only within its own district.
  expect(failed(await harness.call(colleague, stationActions.createStation, { districtId: 'gongshu', stationId: 'gs-new', name: '新派出所', address: '杭州市拱墅区某路 1 号', phone: '0571-8700 0002', latitude: 30.3, longitude: 120.15 })).code).toBe('FORBIDDEN');
  const invite = ok(await harness.call(colleague, accountActions.createInvite, { stationId: 'hubin', role: 'stationAdmin', officerKinds: ['duty'], validHours: 24, note: '所领导' }));
  const stationAdmin = ok(await harness.call('openid-station-head', accountActions.redeemInvite, { code: invite.code, name: '李所长', phone: '0571-85000001' }));
  expect(stationAdmin).toMatchObject({ role: 'stationAdmin', station: { id: 'hubin' } });
});

test('a single-district deployment (DISTRICT_ID, DISTRICT_NAME, DISTRICT_CITY) still makes its one district; a configuration naming both forms is refused', async () => {
  delete process.env.DISTRICTS;
  Object.assign(process.env, { DISTRICT_ID: 'xihu', DISTRICT_NAME: '西湖区公安分局', DISTRICT_CITY: '杭州' });
  expect(ok(await harness.call('openid-first-admin-xihu', accountActions.redeemInvite, { code: code('xihu'), name: '赵建华', phone: '0571-85000003' }))).toMatchObject({ role: 'districtAdmin', districtId: 'xihu' });
  // A code of a district this deployment does not serve is an ordinary unknown invite.
  expect(failed(await harness.call('openid-other', accountActions.redeemInvite, { code: code('shangcheng'), name: '赵建华', phone: '0571-85000003' })).code).toBe('NOT_FOUND');

  process.env.DISTRICTS = localDistricts;
  expect(failed(await harness.call('openid-confused', accountActions.redeemInvite, { code: code('xihu'), name: '赵建华', phone: '0571-85000003' })).code).toBe('CONFLICT');
});

test('a single-district deployment’s code printed before codes named their district still works there (and only there)', async () => {
  const legacy = inviteCodeFromDigest(createHmac('sha256', 'local-dev-only-bootstrap-secret').update(FIRST_ADMIN_LABEL).digest());
  // The local cloud serves two districts: the old single code means nothing here.
  expect(failed(await harness.call('openid-old-code', accountActions.redeemInvite, { code: legacy, name: '钱立', phone: '0571-85000004' })).code).toBe('NOT_FOUND');
  delete process.env.DISTRICTS;
  Object.assign(process.env, { DISTRICT_ID: 'yuhang', DISTRICT_NAME: '余杭区公安分局', DISTRICT_CITY: '杭州' });
  expect(ok(await harness.call('openid-old-code', accountActions.redeemInvite, { code: legacy, name: '钱立', phone: '0571-85000004' }))).toMatchObject({ role: 'districtAdmin', districtId: 'yuhang' });
  expect(failed(await harness.call('openid-old-code-2', accountActions.redeemInvite, { code: code('yuhang'), name: '钱立', phone: '0571-85000004' })).code).toBe('CONFLICT');
});

test('a wrong code is an ordinary unknown invite', async () => {
  expect(failed(await harness.call('openid-guesser', accountActions.redeemInvite, { code: 'ABCDEFGH', name: '张三', phone: '0571-85000002' }))).toMatchObject({ code: 'NOT_FOUND' });
});
