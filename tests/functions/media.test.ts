/**
 * Uploaded images through the real media and consult functions: only images (by their bytes),
 * within the size limit; a message may carry only its author's own uploads; WeChat's media check
 * (emulated, with its asynchronous push) hides a flagged photo from all but the officer handling
 * the thread and tells the sender; a thread's photos resolve by file id, in batches of 50.
 */
import { consultActions } from '@domain/actions/consult';
import { MAX_IMAGE_BASE64_CHARS, mediaActions } from '@domain/actions/media';
import { LOCAL_RISKY_IMAGE_MARKER, deleteFile, settleMediaChecks } from '@local-cloud/wechat';
import { persona } from '../support/cloud-harness';
import { clockedHarness, failed, ok } from '../support/clocked-harness';

const WEDNESDAY_MORNING = new Date('2026-11-25T10:00:00+08:00');
const harness = clockedHarness(WEDNESDAY_MORNING);

const wang = () => persona('resident-xly2').openid;
const chen = () => persona('resident-hgby').openid;
const hallLi = () => persona('officer-hall-xly').openid;
const zhao = () => persona('officer-beat-xly').openid;

/** A tiny JPEG (SOI, a comment segment, EOI); `comment` lets a test carry the local "risky" marker. */
const jpeg = (comment = 'photo') => {
  const text = Buffer.from(comment, 'latin1');
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xfe, 0, text.length + 2]), text, Buffer.from([0xff, 0xd9])]).toString('base64');
};

/** Each upload's receipt by file id (a file id the test invents gets a well-formed forged one). */
const receipts = new Map<string, string>();
const FORGED_RECEIPT = `${new Date('2026-11-25T10:00:00+08:00').getTime().toString(36)}.${'A'.repeat(43)}`;
const receiptsOf = (photoFileIds: string[]) => photoFileIds.map((fileId) => receipts.get(fileId) ?? FORGED_RECEIPT);

const upload = async (openid: string, image = jpeg()) => {
  const uploaded = ok(await harness.call(openid, mediaActions.uploadImage, { context: 'consult', image }));
  receipts.set(uploaded.fileId, uploaded.receipt);
  return uploaded;
};

async function ask(openid: string, photoFileIds: string[] = []): Promise<string> {
  const started = ok(await harness.call(openid, consultActions.startThread, { category: 'household', text: '户口迁移要带什么材料？', photoFileIds, photoReceipts: receiptsOf(photoFileIds) }));
  if (started.kind !== 'sent') throw new Error('expected a thread');
  return started.threadId;
}
let sequence = 0;
const send = (openid: string, threadId: string, photoFileIds: string[]) =>
  harness.call(openid, consultActions.sendMessage, { threadId, clientId: `media-test-${String(++sequence).padStart(4, '0')}`, text: '', photoFileIds, photoReceipts: receiptsOf(photoFileIds) });

test('only images are accepted, judged by their bytes, and only up to the stated size', async () => {
  const page = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
  expect(failed(await harness.call(wang(), mediaActions.uploadImage, { context: 'consult', image: page })).message).toContain('只能上传照片');
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64');
  expect(failed(await harness.call(wang(), mediaActions.uploadImage, { context: 'consult', image: svg })).code).toBe('INVALID_INPUT');
  const huge = 'A'.repeat(MAX_IMAGE_BASE64_CHARS + 4);
  expect(failed(await harness.call(wang(), mediaActions.uploadImage, { context: 'consult', image: huge })).message).toContain('照片太大了');
  // Residents do not upload article images.
  expect(failed(await harness.call(wang(), mediaActions.uploadImage, { context: 'article', image: jpeg() })).code).toBe('FORBIDDEN');

  const uploaded = await upload(wang());
  expect(uploaded.fileId).toMatch(/^cloud:\/\/.+\/uploads\/consult\/[0-9a-f]{32}\.jpg$/);
  expect(harness.engine.find('media_files', { fileId: uploaded.fileId })).toEqual([expect.objectContaining({ context: 'consult', check: expect.objectContaining({ status: 'pending' }) })]);
});

test("a message may carry only its author's own uploads: a foreign or invented file id is refused", async () => {
  const theirs = await upload(chen());
  const threadId = await ask(wang());
  expect(failed(await send(wang(), threadId, [theirs.fileId])).code).toBe('FORBIDDEN');
  expect(failed(await send(wang(), threadId, ['cloud://test-env.7465-test-env-1300000000/consult/someone-else.jpg'])).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(wang(), consultActions.startThread, { category: 'household', text: '再问一个', photoFileIds: [theirs.fileId], photoReceipts: [theirs.receipt] })).code).toBe('FORBIDDEN');
  const mine = await upload(wang());
  // A receipt proves one file: it does not carry another, nor go without its own.
  expect(failed(await harness.call(wang(), consultActions.sendMessage, { threadId, clientId: 'media-test-swap', text: '', photoFileIds: [theirs.fileId], photoReceipts: [mine.receipt] })).code).toBe('FORBIDDEN');
  expect(failed(await harness.call(wang(), consultActions.sendMessage, { threadId, clientId: 'media-test-none', text: '', photoFileIds: [mine.fileId] })).code).toBe('FORBIDDEN');
  ok(await send(wang(), threadId, [mine.fileId]));
  expect(harness.engine.find('consult_messages', { threadId }).flatMap((message) => message.photoFileIds as string[])).toEqual([mine.fileId]);
});

test('a photo flagged by the media check is hidden from all but the officer handling the thread, and the sender is told', async () => {
  const clean = await upload(wang());
  const risky = await upload(wang(), jpeg(LOCAL_RISKY_IMAGE_MARKER));
  const threadId = await ask(wang(), [clean.fileId, risky.fileId]);
  // Until WeChat answers, both show.
  expect(ok(await harness.call(zhao(), consultActions.getThread, { threadId })).messages[0]!.photoUrls).toHaveLength(2);

  await settleMediaChecks();
  expect(harness.engine.find('media_files', { fileId: risky.fileId })[0]).toMatchObject({ check: { status: 'risky' } });
  expect(harness.engine.find('media_files', { fileId: clean.fileId })[0]).toMatchObject({ check: { status: 'pass' } });

  const handling = ok(await harness.call(hallLi(), consultActions.getThread, { threadId })).messages[0]!;
  expect(handling.photoUrls).toHaveLength(2);
  expect(handling.photoNotice).toContain('未通过微信安全检查');
  const colleague = ok(await harness.call(zhao(), consultActions.getThread, { threadId })).messages[0]!;
  expect(colleague.photoUrls).toEqual([clean.url]);
  const sender = ok(await harness.call(wang(), consultActions.getThread, { threadId })).messages[0]!;
  expect(sender.photoUrls).toEqual([clean.url]);
  expect(sender.photoNotice).toContain('已对他人隐藏');

  // A forged "pass" for the same trace id changes nothing: a verdict, once given, stands.
  const traceId = (harness.engine.find('media_files', { fileId: risky.fileId })[0] as { check: { traceId: string } }).check.traceId;
  await harness.raw(wang(), 'media', { MsgType: 'event', Event: 'wxa_media_check', trace_id: traceId, result: { suggest: 'pass', label: 100 } });
  expect(harness.engine.find('media_files', { fileId: risky.fileId })[0]).toMatchObject({ check: { status: 'risky' } });
});

test("a thread's photos resolve by file id in batches of 50: one missing file shifts nothing", async () => {
  const threadId = await ask(wang());
  const sent: string[][] = [];
  for (let index = 0; index < 20; index += 1) {
    const files = await Promise.all([0, 1, 2].map(async () => (await upload(wang())).fileId));
    ok(await send(wang(), threadId, files));
    sent.push(files);
  }
  // The first photo of the second message disappears from storage.
  await deleteFile({ fileList: [sent[1]![0]!] });
  const view = ok(await harness.call(hallLi(), consultActions.getThread, { threadId }));
  // The question itself carries no photos; the 20 messages after it do.
  const withPhotos = view.messages.filter((message) => message.from === 'resident').slice(1);
  const pathOf = (fileId: string) => fileId.slice(fileId.indexOf('/uploads/'));
  sent.forEach((files, index) => {
    const expected = files.filter((_, position) => !(index === 1 && position === 0)).map(pathOf);
    expect(withPhotos[index]!.photoUrls.map((url) => url.slice(url.indexOf('/uploads/')))).toEqual(expected);
  });
});

test('a photo uploaded but never sent is removed by the retention timer after a day; a sent one is kept', async () => {
  const abandoned = await upload(wang());
  const sentOne = await upload(wang());
  const inMessage = await upload(wang());
  const tooLate = await upload(wang());
  const threadId = await ask(wang(), [sentOne.fileId]);
  ok(await send(wang(), threadId, [inMessage.fileId]));
  // A receipt is no longer taken in the last hour before its upload is due for deletion.
  jest.setSystemTime(new Date(WEDNESDAY_MORNING.getTime() + 86_400_000 - 30 * 60_000));
  expect(failed(await send(wang(), threadId, [tooLate.fileId])).code).toBe('FORBIDDEN');
  jest.setSystemTime(new Date(WEDNESDAY_MORNING.getTime() + 2 * 86_400_000));
  const result = (await harness.timer('privacy', 'enforceRetention')) as { ok: true; data: { removed: Record<string, number> } };
  expect(result.data.removed.media_files).toBe(2);
  expect(harness.engine.find('media_files', { fileId: abandoned.fileId })).toHaveLength(0);
  expect(harness.engine.find('media_files', { fileId: tooLate.fileId })).toHaveLength(0);
  // Sent photos were never marked attached by the send: the timer found them in the question and the message.
  for (const sent of [sentOne, inMessage]) expect(harness.engine.find('media_files', { fileId: sent.fileId })).toEqual([expect.objectContaining({ attachedAt: expect.any(Date) })]);
  const again = (await harness.timer('privacy', 'enforceRetention')) as { ok: true; data: { removed: Record<string, number> } };
  expect(again.data.removed.media_files).toBeUndefined();
});
