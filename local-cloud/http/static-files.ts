import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

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
