/**
 * Cloud file ids and paths. A real id is `cloud://<env>.<bucket>/<cloudPath>`, the bucket being
 * the hex of the env's first two characters, the env id and the account's numeric id
 * (`cloud://prod-3g5d.7072-prod-3g5d-1301234567/a.png`); ours is built the same way.
 */

/** The account id part of the bucket name is fixed locally. */
const LOCAL_ACCOUNT_ID = '1300000000';

export const bucketOf = (envId: string): string => `${Buffer.from(envId.slice(0, 2), 'utf8').toString('hex')}-${envId}-${LOCAL_ACCOUNT_ID}`;

export const fileIdOf = (envId: string, cloudPath: string): string => `cloud://${envId}.${bucketOf(envId)}/${cloudPath}`;

export type ParsedFileId = { ok: true; cloudPath: string } | { ok: false; reason: 'malformed' | 'other-env' };

/** The cloudPath inside this environment's bucket, or why the id is not one of ours. */
export function parseFileId(fileID: string, envId: string): ParsedFileId {
  const match = /^cloud:\/\/([^./]+)\.([^/]+)\/(.+)$/.exec(fileID);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, env, bucket, cloudPath = ''] = match;
  if (env !== envId || bucket !== bucketOf(envId)) return { ok: false, reason: 'other-env' };
  return cloudPathProblem(cloudPath) ? { ok: false, reason: 'malformed' } : { ok: true, cloudPath };
}

/** Documented limit on a cloudPath's encoded length. */
export const MAX_CLOUD_PATH_BYTES = 850;

/**
 * WeChat's file naming rules (not empty, no leading '/', no '//', ≤ 850 bytes, no CAN/EM/SUB/ESC)
 * plus what keeps a path inside the storage folder on disk ('.'/'..' segments, backslashes,
 * NUL, a trailing '/' that would name a folder).
 */
export function cloudPathProblem(cloudPath: string): string | undefined {
  if (cloudPath === '') return 'cloudPath must not be empty';
  if (cloudPath.startsWith('/')) return 'cloudPath must not start with /';
  if (cloudPath.includes('//')) return 'cloudPath must not contain //';
  if (cloudPath.endsWith('/')) return 'cloudPath must name a file, not a folder';
  if (Buffer.byteLength(cloudPath, 'utf8') > MAX_CLOUD_PATH_BYTES) return `cloudPath must be at most ${MAX_CLOUD_PATH_BYTES} bytes`;
  // eslint-disable-next-line no-control-regex -- WeChat forbids exactly these control characters in cloud paths
  if (/[\x00\x18-\x1b]/.test(cloudPath)) return 'cloudPath contains unsupported control characters';
  if (cloudPath.includes('\\')) return 'cloudPath must not contain \\';
  if (cloudPath.split('/').some((segment) => segment === '.' || segment === '..')) return 'cloudPath must not contain . or .. segments';
  return undefined;
}

/** URL path of a stored file: each segment percent-encoded, as WeChat does for Chinese names. */
export const encodeCloudPath = (cloudPath: string): string => cloudPath.split('/').map(encodeURIComponent).join('/');
