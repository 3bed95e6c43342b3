import fs from 'node:fs';
import path from 'node:path';
import cloud from 'wx-server-sdk';
import { deleteFile, downloadFile, getTempFileURL, resolveStoredFile, uploadFile } from '@local-cloud/wechat';
import { rejection, TEST_PUBLIC_URL, useTempCloud } from './temp-cloud';

const cloudDir = useTempCloud();
const BUCKET = '7465-test-env-1300000000'; // hex("te"), env id, account id — WeChat's bucket pattern
const idOf = (cloudPath: string) => `cloud://test-env.${BUCKET}/${cloudPath}`;
const stored = (cloudPath: string) => path.join(cloudDir.dataDir, 'storage', ...cloudPath.split('/'));

describe('uploadFile', () => {
  it('stores a Buffer and answers with a cloud:// file id', async () => {
    const result = await uploadFile({ cloudPath: 'questions/q1/photo.jpg', fileContent: Buffer.from('jpeg bytes') });
    expect(result).toEqual({ fileID: idOf('questions/q1/photo.jpg'), statusCode: 200, errMsg: 'uploadFile:ok' });
    expect(fs.readFileSync(stored('questions/q1/photo.jpg'), 'utf8')).toBe('jpeg bytes');
  });

  it('stores an fs.ReadStream and replaces an existing file at the same path', async () => {
    const source = path.join(cloudDir.dataDir, 'source.txt');
    fs.writeFileSync(source, 'second version');
    await uploadFile({ cloudPath: 'a.txt', fileContent: Buffer.from('first version') });
    await uploadFile({ cloudPath: 'a.txt', fileContent: fs.createReadStream(source) });
    expect(fs.readFileSync(stored('a.txt'), 'utf8')).toBe('second version');
  });

  it.each([
    ['an empty path', ''],
    ['a leading /', '/a.png'],
    ['a double /', 'a//b.png'],
    ['a folder', 'photos/'],
    ['a climb out of storage', '../escape.txt'],
    ['a climb in the middle', 'a/../../escape.txt'],
    ['a . segment', 'a/./b.png'],
    ['a backslash', 'a\\..\\b.png'],
    ['a control character WeChat forbids', 'a\x1b.png'],
    ['more than 850 bytes', `${'长'.repeat(284)}.png`],
  ])('refuses %s with -501007 invalid parameters, writing nothing', async (_what, cloudPath) => {
    const error = await rejection(uploadFile({ cloudPath, fileContent: Buffer.from('x') }));
    expect(error.errCode).toBe(-501007);
    expect(error.errMsg).toMatch(/^uploadFile:fail -501007 invalid parameters\. /);
    expect(fs.existsSync(path.join(cloudDir.dataDir, 'escape.txt'))).toBe(false);
    expect(fs.existsSync(path.join(path.dirname(cloudDir.dataDir), 'escape.txt'))).toBe(false);
  });

  it('accepts a path of exactly 850 bytes', async () => {
    // In folders: a single name on disk is limited to 255 bytes, which WeChat does not have.
    const cloudPath = `${`${'长'.repeat(80)}/`.repeat(3)}${'长'.repeat(41)}.png`;
    expect(Buffer.byteLength(cloudPath)).toBe(850);
    await expect(uploadFile({ cloudPath, fileContent: Buffer.from('x') })).resolves.toMatchObject({ statusCode: 200 });
  });

  it('refuses content that is neither a Buffer nor a ReadStream, as the SDK does', async () => {
    expect((await rejection(uploadFile({ cloudPath: 'a.txt', fileContent: 'text' as never }))).errCode).toBe(-501007);
    const missing = await rejection(uploadFile({ cloudPath: 'a.txt', fileContent: undefined as never }));
    expect(missing.errCode).toBe(-1);
    expect(missing.errMsg).toBe('uploadFile:fail Type of fileContent must be fs.ReadStream instead of undefined');
    expect((await rejection(uploadFile({ cloudPath: 42 as never, fileContent: Buffer.from('x') }))).errMsg).toBe('parameter.cloudPath should be string instead of number;');
  });

  it('leaves no partial file behind when the source stream fails', async () => {
    const error = await rejection(uploadFile({ cloudPath: 'broken.txt', fileContent: fs.createReadStream(path.join(cloudDir.dataDir, 'no-such-file')) }));
    expect(error.errCode).toBe(-503001);
    expect(fs.existsSync(stored('broken.txt'))).toBe(false);
    expect(fs.readdirSync(path.join(cloudDir.dataDir, 'storage-uploads'))).toEqual([]);
  });
});

describe('getTempFileURL', () => {
  beforeEach(async () => {
    await uploadFile({ cloudPath: 'alerts/反诈海报.png', fileContent: Buffer.from('png') });
  });

  it('gives URLs under the local cloud, percent-encoding Chinese names, with the default one-day maxAge', async () => {
    const result = await getTempFileURL({ fileList: [idOf('alerts/反诈海报.png'), { fileID: idOf('alerts/反诈海报.png'), maxAge: 600 }] });
    const url = `${TEST_PUBLIC_URL}/__cloud/storage/alerts/${encodeURIComponent('反诈海报.png')}`;
    expect(result).toEqual({
      errMsg: 'getTempFileURL:ok',
      fileList: [
        { fileID: idOf('alerts/反诈海报.png'), tempFileURL: url, status: 0, errMsg: 'ok', maxAge: 86400 },
        { fileID: idOf('alerts/反诈海报.png'), tempFileURL: url, status: 0, errMsg: 'ok', maxAge: 600 },
      ],
    });
  });

  it('serves what the URL names: the HTTP server decodes the path and resolves it to the stored file', async () => {
    const [item] = (await getTempFileURL({ fileList: [idOf('alerts/反诈海报.png')] })).fileList;
    const pathname = new URL(item?.tempFileURL ?? '').pathname;
    const file = resolveStoredFile(decodeURIComponent(pathname.slice('/__cloud/storage/'.length)));
    expect(file && fs.readFileSync(file, 'utf8')).toBe('png');
  });

  it('reports per file what cannot be had, without failing the call', async () => {
    const result = await getTempFileURL({ fileList: [idOf('alerts/none.png'), `cloud://other-env.6f74-other-env-1300000000/a.png`, 'not-a-file-id'] });
    expect(result.fileList).toEqual([
      { fileID: idOf('alerts/none.png'), tempFileURL: '', status: -503003, errMsg: 'storage file not exists', maxAge: 86400 },
      { fileID: 'cloud://other-env.6f74-other-env-1300000000/a.png', tempFileURL: '', status: -503002, errMsg: 'storage permission denied', maxAge: 86400 },
      { fileID: 'not-a-file-id', tempFileURL: '', status: -501007, errMsg: 'invalid parameters', maxAge: 86400 },
    ]);
  });

  it('refuses malformed lists as the SDKs do', async () => {
    expect((await rejection(getTempFileURL({ fileList: [{ fileID: idOf('a.png') } as never] }))).errCode).toBe(-501007);
    expect((await rejection(getTempFileURL({ fileList: [42 as never] }))).errCode).toBe(-501007);
    expect((await rejection(getTempFileURL({ fileList: 'x' as never }))).errMsg).toBe('parameter.fileList should be array instead of string;');
  });

  it('takes at most 50 files per call', async () => {
    await expect(getTempFileURL({ fileList: Array(50).fill(idOf('alerts/反诈海报.png')) })).resolves.toMatchObject({ errMsg: 'getTempFileURL:ok' });
    expect((await rejection(getTempFileURL({ fileList: Array(51).fill(idOf('alerts/反诈海报.png')) }))).errCode).toBe(-501007);
  });
});

describe('downloadFile', () => {
  it('returns the stored bytes', async () => {
    const bytes = Buffer.from([0, 1, 2, 255]);
    const { fileID } = await uploadFile({ cloudPath: 'bin/data.bin', fileContent: bytes });
    const result = await downloadFile({ fileID });
    expect(result.statusCode).toBe(200);
    expect(result.errMsg).toBe('downloadFile:ok');
    expect(Buffer.compare(result.fileContent, bytes)).toBe(0);
  });

  it('fails for a missing file with -503003, and for another environment with -503002', async () => {
    const missing = await rejection(downloadFile({ fileID: idOf('nothing.bin') }));
    expect(missing.errCode).toBe(-503003);
    expect(missing.errMsg).toBe('downloadFile:fail -503003 storage file not exists. storage file not exist');
    expect((await rejection(downloadFile({ fileID: 'cloud://prod.7072-prod-1300000000/a.bin' }))).errCode).toBe(-503002);
  });

  it('is what the local wx-server-sdk exposes', async () => {
    await cloud.uploadFile({ cloudPath: 'sdk.txt', fileContent: Buffer.from('via sdk') });
    expect((await cloud.downloadFile({ fileID: idOf('sdk.txt') })).fileContent.toString()).toBe('via sdk');
  });
});

describe('deleteFile', () => {
  it('deletes, reports each file, and removes folders it leaves empty', async () => {
    await uploadFile({ cloudPath: 'q/1/a.jpg', fileContent: Buffer.from('a') });
    await uploadFile({ cloudPath: 'q/2/b.jpg', fileContent: Buffer.from('b') });
    const result = await deleteFile({ fileList: [idOf('q/1/a.jpg'), idOf('q/1/gone.jpg')] });
    expect(result).toEqual({
      errMsg: 'deleteFile:ok',
      fileList: [
        { fileID: idOf('q/1/a.jpg'), status: 0, errMsg: 'ok' },
        { fileID: idOf('q/1/gone.jpg'), status: -503003, errMsg: 'storage file not exists' },
      ],
    });
    expect(fs.existsSync(path.join(cloudDir.dataDir, 'storage', 'q', '1'))).toBe(false);
    expect(fs.existsSync(stored('q/2/b.jpg'))).toBe(true);
  });

  it('checks its arguments like the SDK and takes at most 50 files', async () => {
    const notString = await rejection(deleteFile({ fileList: [42 as never] }));
    expect(notString).toMatchObject({ errCode: -1, errMsg: 'deleteFile:fail Type of fileList[0] must be string instead of number' });
    expect((await rejection(deleteFile({ fileList: [''] }))).errCode).toBe(-501007);
    expect((await rejection(deleteFile({ fileList: Array(51).fill(idOf('a.jpg')) }))).errCode).toBe(-501007);
  });
});

describe('resolveStoredFile (for the HTTP server)', () => {
  beforeEach(async () => {
    await uploadFile({ cloudPath: 'docs/a.txt', fileContent: Buffer.from('a') });
  });

  it('finds stored files only', () => {
    expect(resolveStoredFile('docs/a.txt')).toBe(stored('docs/a.txt'));
    expect(resolveStoredFile('docs')).toBeUndefined();
    expect(resolveStoredFile('docs/missing.txt')).toBeUndefined();
  });

  it.each(['../subscriptions.json', 'docs/../../outbox.jsonl', '/etc/passwd', '', 'docs//a.txt', 'docs/a.txt\0'])('refuses %j', (attempt) => {
    expect(resolveStoredFile(attempt)).toBeUndefined();
  });

  it('does not follow a symbolic link planted in storage', () => {
    fs.writeFileSync(path.join(cloudDir.dataDir, 'secret.txt'), 'secret');
    fs.symlinkSync(path.join(cloudDir.dataDir, 'secret.txt'), stored('docs/link.txt'));
    expect(resolveStoredFile('docs/link.txt')).toBeUndefined();
  });

  it('does not follow a linked folder either', () => {
    fs.mkdirSync(path.join(cloudDir.dataDir, 'elsewhere'));
    fs.writeFileSync(path.join(cloudDir.dataDir, 'elsewhere', 'secret.txt'), 'secret');
    fs.symlinkSync(path.join(cloudDir.dataDir, 'elsewhere'), stored('linked'));
    expect(resolveStoredFile('linked/secret.txt')).toBeUndefined();
  });
});
