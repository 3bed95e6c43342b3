/**
 * An officer's own photo, through the real media and station functions: uploaded for this use
 * only (staff only, bytes sniffed, sent to WeChat's media check), set on their own record, shown on
 * the 警民联系牌 and the officer list — and shown to nobody once WeChat's check flags it.
 */
import { directoryActions } from '@domain/actions/directory';
import { mediaActions } from '@domain/actions/media';
import { stationActions } from '@domain/actions/station';
import { LOCAL_RISKY_IMAGE_MARKER, settleMediaChecks } from '@local-cloud/wechat';
import { officerIdOf, persona } from '../support/cloud-harness';
import { clockedHarness, failed, ok } from '../support/clocked-harness';

const harness = clockedHarness(new Date('2026-11-25T10:00:00+08:00'));

const zhao = () => persona('officer-beat-xly').openid;
const liu = () => persona('officer-beat-xly-south').openid;
const wang = () => persona('resident-xly2').openid;
const admin = () => persona('admin-xly').openid;

/** A tiny JPEG; `comment` can carry the local media check's "risky" marker. */
const jpeg = (comment = 'portrait') => {
  const text = Buffer.from(comment, 'latin1');
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xfe, 0, text.length + 2]), text, Buffer.from([0xff, 0xd9])]).toString('base64');
};
const uploadPhoto = async (openid: string, image = jpeg()) => ok(await harness.call(openid, mediaActions.uploadImage, { context: 'officerPhoto', image }));
const zhaoInList = async () => ok(await harness.call(admin(), stationActions.listOfficers, { stationId: 'xiluoyuan' })).find((officer) => officer.id === officerIdOf('officer-beat-xly'));

test('an officer sets their own photo: it shows on the contact card residents see and in the officer list, and can be taken off', async () => {
  const photo = await uploadPhoto(zhao());
  const view = ok(await harness.call(zhao(), stationActions.setMyOfficerPhoto, { photoFileId: photo.fileId }));
  expect(view.photoUrl).toMatch(/^http/);
  expect((await zhaoInList())?.photoUrl).toMatch(/^http/);
  expect(ok(await harness.call(wang(), directoryActions.myBeatCard, {}))?.officer?.photoUrl).toMatch(/^http/);
  expect(harness.engine.find('audit_log', { type: 'officer.photo-updated' })).toEqual([expect.objectContaining({ officerId: officerIdOf('officer-beat-xly'), photo: 'set' })]);

  ok(await harness.call(zhao(), stationActions.setMyOfficerPhoto, { photoFileId: null }));
  expect((await zhaoInList())?.photoUrl).toBeUndefined();
  expect(ok(await harness.call(wang(), directoryActions.myBeatCard, {}))?.officer?.photoUrl).toBeUndefined();
});

test('only an officer uploads a photo for this, and only their own upload becomes their photo', async () => {
  expect(failed(await harness.call(wang(), mediaActions.uploadImage, { context: 'officerPhoto', image: jpeg() })).code).toBe('FORBIDDEN');
  const consultPhoto = ok(await harness.call(zhao(), mediaActions.uploadImage, { context: 'consult', image: jpeg() }));
  expect(failed(await harness.call(zhao(), stationActions.setMyOfficerPhoto, { photoFileId: consultPhoto.fileId })).code).toBe('FORBIDDEN');
  const colleagues = await uploadPhoto(liu());
  expect(failed(await harness.call(zhao(), stationActions.setMyOfficerPhoto, { photoFileId: colleagues.fileId })).code).toBe('FORBIDDEN');
  // A resident has no officer record to put a photo on.
  expect(failed(await harness.call(wang(), stationActions.setMyOfficerPhoto, { photoFileId: null })).code).toBe('NOT_FOUND');
  expect(harness.engine.find('officers', { _id: officerIdOf('officer-beat-xly') })[0]).not.toHaveProperty('photoFileId');
});

test('a photo WeChat’s check flags is shown to nobody', async () => {
  const risky = await uploadPhoto(zhao(), jpeg(LOCAL_RISKY_IMAGE_MARKER));
  ok(await harness.call(zhao(), stationActions.setMyOfficerPhoto, { photoFileId: risky.fileId }));
  await settleMediaChecks();
  expect((await zhaoInList())?.photoUrl).toBeUndefined();
  expect(ok(await harness.call(wang(), directoryActions.myBeatCard, {}))?.officer?.photoUrl).toBeUndefined();
});
