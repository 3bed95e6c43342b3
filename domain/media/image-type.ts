/**
 * What an uploaded file is, decided by its first bytes (magic numbers), never by its name: a file
 * called photo.jpg may be an HTML page. Only these raster formats are accepted anywhere in the app;
 * SVG is refused on purpose (it is XML that can carry scripts).
 */
export type ImageType = 'jpeg' | 'png' | 'gif' | 'webp';

export const IMAGE_MIME: Record<ImageType, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
};

export const IMAGE_EXTENSION: Record<ImageType, string> = { jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp' };

/**
 * The largest image accepted after the phone has resized it (long side ≤ MAX_IMAGE_SIDE,
 * JPEG quality 0.8 makes a photo of about 150–400 KB). Stated on the privacy page.
 */
export const MAX_IMAGE_BYTES = 600 * 1024;

/** Base64 grows 4/3: the limit on the text is the limit on the image. */
export const MAX_IMAGE_BASE64_CHARS = Math.ceil(MAX_IMAGE_BYTES / 3) * 4;
export const MAX_IMAGE_SIDE = 1600;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((value, index) => bytes[at + index] === value);

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/** The image type of these bytes, or undefined when they are not one of the accepted images. */
export function sniffImageType(bytes: Uint8Array): ImageType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  return undefined;
}
