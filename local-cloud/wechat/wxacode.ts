/**
 * `cloud.openapi.wxacode.getUnlimited`, emulated: WeChat draws its round mini-program code; the
 * local cloud draws a plain QR code (a real, scannable PNG) of the H5 address of the same page
 * and scene, so a phone camera opens the card in the local build as WeChat would in the app.
 *
 * Checks follow WeChat's documentation
 * (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html):
 * scene ≤ 32 visible characters from 0-9 a-z A-Z !#$&'()*+,/:;=?@-._~ ; page without a leading
 * `/` or query; width 280–1280 px (default 430). Invalid arguments answer errcode 40169 / 40159
 * / 41030 as WeChat does.
 */
import { encode } from 'uqr';
import { localCloudState } from '../wx-server-sdk/state';
import { greyscalePng } from './png';
import { openApiError } from './wx-errors';

export interface GetUnlimitedParams {
  scene: string;
  page?: string;
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
  width?: number;
}

export interface GetUnlimitedResult {
  errCode: 0;
  errMsg: string;
  contentType: 'image/png';
  buffer: Buffer;
}

const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
const PAGE = /^[A-Za-z0-9_\-/]+$/;
const API = 'wxacode.getUnlimited';

/** Pages a released app has (set by the local cloud from app.config); empty = not checked. */
let knownPages: readonly string[] = [];
export function setKnownPages(pages: readonly string[]): void {
  knownPages = pages;
}

/** The address a scan of the local code opens: the H5 build's route for the page, with the scene. */
export function localCodeUrl(page: string, scene: string): string {
  return `${localCloudState().publicUrl}/#/${page}?scene=${encodeURIComponent(scene)}`;
}

export async function getUnlimited(params: GetUnlimitedParams): Promise<GetUnlimitedResult> {
  const { scene, page = 'pages/feed/index', checkPath = true, width = 430 } = params;
  if (typeof scene !== 'string' || !SCENE.test(scene)) throw openApiError(API, 40169, 'invalid length for scene, or the data is not json string');
  if (page.startsWith('/') || page.includes('?') || !PAGE.test(page)) throw openApiError(API, 41030, 'invalid page');
  if (checkPath && knownPages.length && !knownPages.includes(page)) throw openApiError(API, 41030, 'invalid page');
  if (!Number.isInteger(width) || width < 280 || width > 1280) throw openApiError(API, 40159, 'invalid width');

  const qr = encode(localCodeUrl(page, scene), { ecc: 'M', border: 4 });
  const scale = Math.max(1, Math.floor(width / qr.size));
  const side = qr.size * scale;
  const buffer = greyscalePng(side, side, (x, y) => (qr.data[Math.floor(y / scale)]![Math.floor(x / scale)] ? 0 : 255));
  return { errCode: 0, errMsg: `openapi.${API}:ok`, contentType: 'image/png', buffer };
}
