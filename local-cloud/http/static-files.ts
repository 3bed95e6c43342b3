import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { IMAGE_MIME, sniffImageType } from '@domain/media/image-type';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

export const contentTypeOf = (file: string): string => TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** The first bytes of a file, enough to tell an image by its magic number. */
function headOf(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    return head.subarray(0, fs.readSync(fd, head, 0, head.length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Headers for a file from cloud storage, which shares the app's origin here: whatever was
 * uploaded must never run as a page. The type comes from the file's bytes, not its name; an image
 * is shown inline, anything else (a resident's data export) is only ever downloaded; the browser
 * may not guess another type (nosniff) and the response is sandboxed with no scripts at all.
 */
export function storedFileHeaders(file: string): Record<string, string | number> {
  const image = sniffImageType(headOf(file));
  const name = encodeURIComponent(path.basename(file));
  return {
    'content-type': image ? IMAGE_MIME[image] : 'application/octet-stream',
    'content-disposition': `${image ? 'inline' : 'attachment'}; filename*=UTF-8''${name}`,
    'content-length': fs.statSync(file).size,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; img-src 'self'; sandbox",
    'cache-control': 'private, max-age=600',
  };
}

/** Resolves a URL path inside `root`, refusing anything that climbs out of it. */
export function safeJoin(root: string, urlPath: string): string | undefined {
  const decoded = decodeURIComponent(urlPath);
  const target = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return target === root || target.startsWith(root + path.sep) ? target : undefined;
}

export function sendFile(response: ServerResponse, file: string, cache: 'immutable' | 'no-cache'): void {
  const stat = fs.statSync(file);
  response.writeHead(200, {
    'content-type': contentTypeOf(file),
    'content-length': stat.size,
    'cache-control': cache === 'immutable' ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  fs.createReadStream(file).pipe(response);
}

/** The H5 build: files as they are, and index.html for everything else (hash router). */
export function serveH5(response: ServerResponse, h5Dir: string, urlPath: string): void {
  const index = path.join(h5Dir, 'index.html');
  if (!fs.existsSync(index)) {
    response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('H5 版本还没有构建：请先运行 npm run build:h5（npm start 会自动构建）');
    return;
  }
  const file = safeJoin(h5Dir, urlPath);
  if (file && fs.existsSync(file) && fs.statSync(file).isFile()) {
    // Taro names bundles by content hash under js/ and css/, so they can be cached for good.
    sendFile(response, file, /[\\/](js|css|static)[\\/]/.test(file) ? 'immutable' : 'no-cache');
    return;
  }
  sendFile(response, index, 'no-cache');
}
