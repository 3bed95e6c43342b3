/**
 * An officer's own photo, through the real media and station functions: uploaded for this use
 * only (staff only, bytes sniffed, sent to WeChat's media check), set on their own record, shown on
 * the 警民联系牌 and the officer list — and shown to nobody once WeChat's check flags it.
 */
import { directoryActions } from '@domain/actions/directory';
import { mediaActions } from '@domain/actions/media';
import { stationActions } from '@domain/actions/station';
import { cloud } from '@platform/cloud/wx';
import { LOCAL_RISKY_IMAGE_MARKER, getTempFileURL, settleMediaChecks, uploadFile } from '@local-cloud/wechat';
import { deleteCloudFiles } from '@platform/cloud/cloud-files';
import { accountActions } from '@domain/actions/account';
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

/** Whether the stored file behind a cloud:// id is still there (the local cloud's storage, as WeChat's). */
const fileExists = async (fileId: string) => {
  const { fileList } = await getTempFileURL({ fileList: [fileId] });
  return fileList[0]?.status === 0;
};
const uploadRecords = (fileId: string) => harness.engine.find('media_files', { fileId });

describe('a photo that is no longer used is deleted', () => {
  test('replacing the photo deletes the old file and its upload record; taking it off deletes that one; both audited', async () => {
    const first = await uploadPhoto(zhao());
    ok(await harness.call(zhao(), stationActions.setMyOfficerPhoto, { photoFileId: first.fileId }));
    const second = await uploadPhoto(zhao(), jpeg('second portrait'));
    const view = ok(await harness.call(zhao(), stationActions.setMyOfficerPhoto, { photoFileId: second.fileId }));
    expect(view).toMatchObject({ hasPhoto: true, photoUrl: expect.stringMatching(/^http/) });
    expect(await fileExists(first.fileId)).toBe(false);
    expect(uploadRecords(first.fileId)).toEqual([]);
    expect(await fileExists(second.fileId)).toBe(true);

    // Setting the same photo again keeps it.
    ok(await harness.call(zhao(), stationActions.setMyOfficerPhoto, { photoFileId: second.fileId }));
    expect(await fileExists(second.fileId)).toBe(true);

    ok(await harness.call(zhao(), stationActions.setMyOfficerPhoto, { photoFileId: null }));
    expect(await fileExists(second.fileId)).toBe(false);
    expect(uploadRecords(second.fileId)).toEqual([]);
    expect(harness.engine.find('officers', { _id: officerIdOf('officer-beat-xly') })[0]).not.toHaveProperty('photoFileId');
    expect(harness.engine.find('audit_log', { type: 'officer.photo-updated' }).map((entry) => [entry.photo, entry.previousDeleted])).toEqual([
      ['set', false],
      ['set', true],
      ['set', false],
      ['removed', true],
    ]);
  });

  test('a photo WeChat’s check hides can still be taken off by the officer, and by the station admin; the file goes', async () => {
    const risky = await uploadPhoto(zhao(), jpeg(LOCAL_RISKY_IMAGE_MARKER));
    ok(await harness.call(zhao(), stationActions.setMyOfficerPhoto, { photoFileId: risky.fileId }));
    await settleMediaChecks();
    const mine = ok(await harness.call(zhao(), stationActions.myOfficerProfile, {}));
    expect(mine).toMatchObject({ hasPhoto: true });
    expect(mine?.photoUrl).toBeUndefined();

    // The admin takes it down (an officer of another station cannot, nor can a colleague).
    expect(failed(await harness.call(liu(), stationActions.removeOfficerPhoto, { stationId: 'xiluoyuan', officerId: officerIdOf('officer-beat-xly') })).code).toBe('FORBIDDEN');
    const after = ok(await harness.call(admin(), stationActions.removeOfficerPhoto, { stationId: 'xiluoyuan', officerId: officerIdOf('officer-beat-xly') }));
    expect(after).toMatchObject({ hasPhoto: false });
    expect(await fileExists(risky.fileId)).toBe(false);
    expect(uploadRecords(risky.fileId)).toEqual([]);
    expect(harness.engine.find('audit_log', { type: 'officer.photo-removed' })).toEqual([expect.objectContaining({ by: expect.any(String), officerId: officerIdOf('officer-beat-xly'), stationId: 'xiluoyuan' })]);
    expect(failed(await harness.call(admin(), stationActions.removeOfficerPhoto, { stationId: 'xiluoyuan', officerId: officerIdOf('officer-beat-xly') })).code).toBe('NOT_FOUND');
  });

  test('deactivating an officer deletes their photo; a moved officer keeps theirs', async () => {
    const photo = await uploadPhoto(liu());
    ok(await harness.call(liu(), stationActions.setMyOfficerPhoto, { photoFileId: photo.fileId }));
    const handover = ok(await harness.call(admin(), stationActions.deactivateOfficer, { stationId: 'xiluoyuan', officerId: officerIdOf('officer-beat-xly-south'), successorId: officerIdOf('officer-beat-xly') }));
    expect(handover.outcome).toBe('deactivated');
    expect(harness.engine.find('officers', { _id: officerIdOf('officer-beat-xly-south') })[0]).not.toHaveProperty('photoFileId');
    expect(await fileExists(photo.fileId)).toBe(false);
    expect(uploadRecords(photo.fileId)).toEqual([]);
    expect(harness.engine.find('audit_log', { type: 'officer.deactivated' })).toEqual([expect.objectContaining({ photo: 'deleted' })]);

    const mine = await uploadPhoto(zhao());
    ok(await harness.call(zhao(), stationActions.setMyOfficerPhoto, { photoFileId: mine.fileId }));
    ok(await harness.call(admin(), stationActions.deactivateOfficer, { stationId: 'xiluoyuan', officerId: officerIdOf('officer-beat-xly'), successorId: officerIdOf('officer-beat-xly-yangqiao'), moveToStationId: 'changqing' }));
    expect(harness.engine.find('officers', { _id: officerIdOf('officer-beat-xly') })[0]).toMatchObject({ photoFileId: mine.fileId, stationId: 'changqing' });
    expect(await fileExists(mine.fileId)).toBe(true);
  });

  test('taking the role back from an officer with no work deletes their photo too', async () => {
    const hall = () => persona('officer-hall-xly').openid;
    const photo = await uploadPhoto(hall());
    ok(await harness.call(hall(), stationActions.setMyOfficerPhoto, { photoFileId: photo.fileId }));
    const userId = harness.engine.find('officers', { _id: officerIdOf('officer-hall-xly') })[0]?.userId as string;
    // Her shifts go to a colleague first: the role can only be taken back from someone holding no work.
    for (const shift of harness.engine.find('duty_shifts', { officerId: officerIdOf('officer-hall-xly') })) {
      await harness.engine.api.collection('duty_shifts').doc(String(shift._id)).remove();
    }
    ok(await harness.call(admin(), accountActions.revokeStaff, { stationId: 'xiluoyuan', userId }));
    expect(harness.engine.find('officers', { _id: officerIdOf('officer-hall-xly') })[0]).toMatchObject({ active: false });
    expect(harness.engine.find('officers', { _id: officerIdOf('officer-hall-xly') })[0]).not.toHaveProperty('photoFileId');
    expect(await fileExists(photo.fileId)).toBe(false);
  });

  test('a deletion that fails at once is finished by the retention timer', async () => {
    const first = await uploadPhoto(zhao());
    ok(await harness.call(zhao(), stationActions.setMyOfficerPhoto, { photoFileId: first.fileId }));
    const second = await uploadPhoto(zhao(), jpeg('second portrait'));
    // WeChat's storage does not answer this once: the photo is replaced all the same, its old file waits.
    const spy = jest.spyOn(cloud, 'deleteFile').mockRejectedValueOnce(new Error('storage request fail'));
    try {
      ok(await harness.call(zhao(), stationActions.setMyOfficerPhoto, { photoFileId: second.fileId }));
    } finally {
      spy.mockRestore();
    }
    expect(await fileExists(first.fileId)).toBe(true);
    expect(uploadRecords(first.fileId)).toEqual([expect.objectContaining({ detachedAt: expect.any(Date) })]);

    // The daily retention run, later that night.
    jest.setSystemTime(new Date('2026-11-26T03:00:00+08:00'));
    const run = (await harness.timer('privacy', 'enforceRetention')) as { ok: boolean; data: { removed: Record<string, number> } };
    expect(run.data.removed.media_files).toBeGreaterThanOrEqual(1);
    expect(await fileExists(first.fileId)).toBe(false);
    expect(uploadRecords(first.fileId)).toEqual([]);
    expect(await fileExists(second.fileId)).toBe(true);
  });
});

test('the platform deletes files 50 per call (CloudBase refuses more), a file already gone counting as deleted', async () => {
  const ids: string[] = [];
  for (let n = 0; n < 120; n += 1) ids.push((await uploadFile({ cloudPath: `exports/bulk/${n}.txt`, fileContent: Buffer.from(`file ${n}`) })).fileID);
  const calls = jest.spyOn(cloud, 'deleteFile');
  try {
    const gone = ids[0]!.replace('/0.txt', '/never-there.txt');
    const otherEnv = ids[1]!.replace('test-env', 'someone-elses-env');
    expect(await deleteCloudFiles([...ids, gone, otherEnv])).toEqual([otherEnv]);
    expect(calls.mock.calls.map(([params]) => (params as { fileList: string[] }).fileList.length)).toEqual([50, 50, 22]);
  } finally {
    calls.mockRestore();
  }
  for (const fileId of [ids[0]!, ids[119]!]) expect(await fileExists(fileId)).toBe(false);
});
