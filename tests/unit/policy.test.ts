import { decide } from '@domain/policy';
import type { Actor } from '@domain/roles';

const officer = (kinds: Actor extends infer A ? (A extends { officerKinds: infer K } ? K : never) : never, stationId = 's1'): Actor => ({
  type: 'user',
  userId: 'u',
  role: 'officer',
  officerKinds: kinds,
  stationId,
  districtId: 'd1',
});
const own = { stationId: 's1', districtId: 'd1' };
const sameDistrict = { stationId: 's2', districtId: 'd1' };
const otherDistrict = { stationId: 's9', districtId: 'd9' };

test('no actor is unauthenticated, whatever the policy', () => {
  expect(decide('signedIn', undefined)).toEqual({ allowed: false, reason: 'unauthenticated' });
});

test('station policies need a station to decide', () => {
  expect(decide('stationStaff', officer(['beat']))).toEqual({ allowed: false, reason: 'scope-required' });
});

test('officer kinds gate hall and anti-fraud work on their own station only', () => {
  expect(decide('hallStaff', officer(['hall']), own).allowed).toBe(true);
  expect(decide('hallStaff', officer(['beat']), own).allowed).toBe(false);
  expect(decide('hallStaff', officer(['hall']), sameDistrict).allowed).toBe(false);
  expect(decide('antiFraudStaff', officer(['beat']), own).allowed).toBe(true);
  expect(decide('antiFraudStaff', officer(['duty']), own).allowed).toBe(false);
});

test('a district admin reaches every station of the district and none beyond', () => {
  const districtAdmin: Actor = { type: 'user', userId: 'u', role: 'districtAdmin', officerKinds: [], districtId: 'd1' };
  expect(decide('stationAdmin', districtAdmin, sameDistrict).allowed).toBe(true);
  expect(decide('districtAdmin', districtAdmin, own).allowed).toBe(true);
  expect(decide('stationAdmin', districtAdmin, otherDistrict).allowed).toBe(false);
});

test('timers run system actions; people never do', () => {
  expect(decide('system', { type: 'system', trigger: 't' }).allowed).toBe(true);
  expect(decide('system', officer(['duty'])).allowed).toBe(false);
  expect(decide('signedIn', { type: 'system', trigger: 't' }).allowed).toBe(false);
});
