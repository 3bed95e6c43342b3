/**
 * Cloud file storage (`cloud.uploadFile`, `getTempFileURL`, `downloadFile`, `deleteFile`) on disk
 * under `${dataDir}/storage/<cloudPath>`.
 *
 * Shapes and errors follow wx-server-sdk 4.0.2 over @cloudbase/node-sdk: argument type errors
 * (errCode -1) come from the SDK, service errors carry CloudBase's codes (-501007 invalid
 * parameters, -503002 permission denied, -503003 storage file not exists), and per-file
 * failures in list calls are reported in the item (`status` ≠ 0), not thrown.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cloudPathProblem, encodeCloudPath, fileIdOf, parseFileId } from './cloud-file-id';
import { TCB_ERRORS, WxCloudError, sdkParameterError, tcbError, typeName, type TcbErrorCode } from './wx-errors';
import { localCloudState } from '../wx-server-sdk/state';

/** Documented: getTempFileURL and deleteFile take at most 50 files per call. */
export const MAX_FILES_PER_CALL = 50;
/** Documented default (and client maximum) lifetime of a temporary URL: one day. */
export const DEFAULT_TEMP_URL_MAX_AGE = 86_400;
/**
 * CloudBase refuses request bodies over 100 MB (EXCEED_MAX_PAYLOAD_SIZE); COS itself allows more
 * per object, but nothing in this app comes near it.
 */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

export interface UploadFileParams {
  cloudPath: string;
  fileContent: Buffer | fs.ReadStream;
}

export interface UploadFileResult {
  fileID: string;
  statusCode: number;
  errMsg: 'uploadFile:ok';
}

export interface TempFileURLItem {
  fileID: string;
  tempFileURL: string;
  status: number;
  errMsg: string;
  maxAge: number;
}

export interface GetTempFileURLParams {
  fileList: (string | { fileID: string; maxAge: number })[];
}

export interface DownloadFileResult {
  fileContent: Buffer;
  statusCode: number;
  errMsg: 'downloadFile:ok';
}

export interface DeleteFileItem {
  fileID: string;
  status: number;
  errMsg: string;
}

const storageRoot = (): string => path.join(localCloudState().dataDir, 'storage');
/** Uploads are written here first and renamed into place, so no one ever reads half a file. */
const uploadTempDir = (): string => path.join(localCloudState().dataDir, 'storage-uploads');

/**
 * The file on disk for a stored cloudPath, for the local HTTP server to stream; undefined when the
 * path is not a valid cloudPath, would leave the storage folder, or is not a regular file.
 */
export function resolveStoredFile(relativePath: string): string | undefined {
  if (typeof relativePath !== 'string' || cloudPathProblem(relativePath)) return undefined;
  const root = storageRoot();
  const file = path.resolve(root, relativePath);
  if (!file.startsWith(root + path.sep)) return undefined;
  try {
    // No symbolic links, at the end or on the way (a linked folder could point anywhere).
    if (!fs.lstatSync(file).isFile()) return undefined;
    return fs.realpathSync(file) === path.join(fs.realpathSync(root), relativePath) ? file : undefined;
  } catch {
    return undefined;
  }
}

/** A per-file failure as the SDK reports it inside a list result. */
const itemFailure = (code: TcbErrorCode) => ({ status: TCB_ERRORS[code].errCode, errMsg: TCB_ERRORS[code].text });

/** The stored file for a fileID, or the per-file failure. */
function locate(fileID: string): { file: string; cloudPath: string } | { failure: TcbErrorCode } {
  const parsed = parseFileId(fileID, localCloudState().envId);
  if (!parsed.ok) return { failure: parsed.reason === 'other-env' ? 'STORAGE_EXCEED_AUTHORITY' : 'INVALID_PARAM' };
  const file = resolveStoredFile(parsed.cloudPath);
  return file ? { file, cloudPath: parsed.cloudPath } : { failure: 'STORAGE_FILE_NONEXIST' };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The SDK's `assertType` failure: a CloudSDKError with errCode -1. */
const typeError = (name: string, expected: string, value: unknown) => new WxCloudError(-1, `parameter.${name} should be ${expected} instead of ${typeName(value)};`);

async function writeUpload(content: Buffer | fs.ReadStream, target: string): Promise<void> {
  fs.mkdirSync(uploadTempDir(), { recursive: true });
  const temp = path.join(uploadTempDir(), `${randomUUID()}.part`);
  const fd = fs.openSync(temp, 'w');
  try {
    let size = 0;
    const chunks: AsyncIterable<Buffer> | Buffer[] = Buffer.isBuffer(content) ? [content] : content;
    for await (const chunk of chunks) {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) throw tcbError('uploadFile', 'STORAGE_REQUEST_FAIL', '[EntityTooLarge]: Your proposed upload exceeds the maximum allowed object size.');
      fs.writeSync(fd, chunk);
    }
    if (process.env.LOCAL_CLOUD_FSYNC !== '0') fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(temp, target);
  } catch (error) {
    try {
      fs.closeSync(fd);
    } catch {
      // already closed
    }
    fs.rmSync(temp, { force: true });
    if (error instanceof WxCloudError) throw error;
    // e.g. a file where the path needs a folder: COS would accept it, a disk cannot.
    throw tcbError('uploadFile', 'STORAGE_REQUEST_FAIL', (error as Error).message);
  }
}

export async function uploadFile(params: UploadFileParams): Promise<UploadFileResult> {
  if (!isObject(params)) throw sdkParameterError('uploadFile', `Params for uploadFile must be an object instead of ${typeName(params)}`);
  const { cloudPath, fileContent } = params as Record<string, unknown>;
  if (typeof cloudPath !== 'string') throw typeError('cloudPath', 'string', cloudPath);
  if (!fileContent) throw sdkParameterError('uploadFile', `Type of fileContent must be fs.ReadStream instead of ${typeName(fileContent)}`);
  if (!Buffer.isBuffer(fileContent) && !(fileContent instanceof fs.ReadStream)) {
    throw tcbError('uploadFile', 'INVALID_PARAM', '[node-sdk] fileContent should be instance of fs.ReadStream or Buffer');
  }
  const problem = cloudPathProblem(cloudPath);
  if (problem) throw tcbError('uploadFile', 'INVALID_PARAM', problem);

  const target = path.resolve(storageRoot(), cloudPath);
  if (fs.existsSync(target) && !fs.lstatSync(target).isFile()) throw tcbError('uploadFile', 'STORAGE_REQUEST_FAIL', `${cloudPath} is a folder`);
  await writeUpload(fileContent, target);
  return { fileID: fileIdOf(localCloudState().envId, cloudPath), statusCode: 200, errMsg: 'uploadFile:ok' };
}

function checkFileListSize(api: string, fileList: unknown[]): void {
  if (fileList.length > MAX_FILES_PER_CALL) throw tcbError(api, 'INVALID_PARAM', `fileList must not have more than ${MAX_FILES_PER_CALL} items`);
}

export async function getTempFileURL(params: GetTempFileURLParams): Promise<{ fileList: TempFileURLItem[]; errMsg: 'getTempFileURL:ok' }> {
  if (!isObject(params)) throw sdkParameterError('getTempFileURL', `Params for getTempFileURL must be an object instead of ${typeName(params)}`);
  const fileList: unknown = params.fileList;
  if (!Array.isArray(fileList)) throw typeError('fileList', 'array', fileList);
  checkFileListSize('getTempFileURL', fileList);

  // The node SDK checks every element before asking the server.
  const requests = fileList.map((entry: unknown) => {
    if (typeof entry === 'string') return { fileID: entry, maxAge: DEFAULT_TEMP_URL_MAX_AGE };
    if (isObject(entry)) {
      if (!Object.hasOwn(entry, 'fileID') || !Object.hasOwn(entry, 'maxAge')) {
        throw tcbError('getTempFileURL', 'INVALID_PARAM', 'fileList 的元素如果是对象，必须是包含 fileID 和 maxAge 的对象');
      }
      if (typeof entry.maxAge !== 'number' || !(entry.maxAge > 0)) throw tcbError('getTempFileURL', 'INVALID_PARAM', 'maxAge must be a positive number of seconds');
      return { fileID: String(entry.fileID), maxAge: entry.maxAge };
    }
    throw tcbError('getTempFileURL', 'INVALID_PARAM', 'fileList的元素如果不是对象，则必须是字符串');
  });

  const { publicUrl } = localCloudState();
  const base = publicUrl.replace(/\/+$/, '');
  return {
    fileList: requests.map(({ fileID, maxAge }) => {
      const found = locate(fileID);
      if ('failure' in found) return { fileID, tempFileURL: '', ...itemFailure(found.failure), maxAge };
      return { fileID, tempFileURL: `${base}/__cloud/storage/${encodeCloudPath(found.cloudPath)}`, status: 0, errMsg: 'ok', maxAge };
    }),
    errMsg: 'getTempFileURL:ok',
  };
}

export async function downloadFile(params: { fileID: string }): Promise<DownloadFileResult> {
  if (!isObject(params)) throw sdkParameterError('downloadFile', `Params for downloadFile must be an object instead of ${typeName(params)}`);
  const { fileID } = params as Record<string, unknown>;
  if (typeof fileID !== 'string') throw typeError('fileID', 'string', fileID);
  const found = locate(fileID);
  if ('failure' in found) throw tcbError('downloadFile', found.failure, found.failure === 'STORAGE_FILE_NONEXIST' ? 'storage file not exist' : fileID);
  return { fileContent: fs.readFileSync(found.file), statusCode: 200, errMsg: 'downloadFile:ok' };
}

/** Removes folders left empty by a delete, up to (not including) the storage root. */
function pruneEmptyFolders(from: string): void {
  const root = storageRoot();
  for (let dir = from; dir.startsWith(root + path.sep); dir = path.dirname(dir)) {
    try {
      fs.rmdirSync(dir);
    } catch {
      return; // not empty (or gone): stop climbing
    }
  }
}

export async function deleteFile(params: { fileList: string[] }): Promise<{ fileList: DeleteFileItem[]; errMsg: 'deleteFile:ok' }> {
  if (!isObject(params)) throw sdkParameterError('deleteFile', `Params for deleteFile must be an object instead of ${typeName(params)}`);
  const fileList: unknown = params.fileList;
  if (!Array.isArray(fileList)) throw typeError('fileList', 'array', fileList);
  fileList.forEach((entry: unknown, index) => {
    if (typeof entry !== 'string') throw sdkParameterError('deleteFile', `Type of fileList[${index}] must be string instead of ${typeName(entry)}`);
  });
  const ids = fileList as string[];
  if (ids.some((id) => id === '')) throw tcbError('deleteFile', 'INVALID_PARAM', 'fileList的元素必须是非空的字符串');
  checkFileListSize('deleteFile', ids);

  return {
    fileList: ids.map((fileID) => {
      const found = locate(fileID);
      if ('failure' in found) return { fileID, ...itemFailure(found.failure) };
      fs.rmSync(found.file, { force: true });
      pruneEmptyFolders(path.dirname(found.file));
      return { fileID, status: 0, errMsg: 'ok' };
    }),
    errMsg: 'deleteFile:ok',
  };
}
