import * as v from 'valibot';
import { MAX_IMAGE_BASE64_CHARS, MAX_IMAGE_BYTES } from '../media/image-type';
import { action, defineFunction } from './define';

/** Where an image is used: a file uploaded for one may only be referenced there, by its uploader. */
/** officerPhoto: an officer's own photo on the 警民联系牌 and the officer list. */
export const UPLOAD_CONTEXTS = ['consult', 'article', 'mediation', 'officerPhoto'] as const;
export type UploadContext = (typeof UPLOAD_CONTEXTS)[number];

export { MAX_IMAGE_BASE64_CHARS };

export interface UploadedImageView {
  fileId: string;
  url: string;
  /** Signed proof that this upload is the caller's, for this context: a consult message carries it with the file id. */
  receipt: string;
}

export const mediaActions = defineFunction('media', {
  uploadImage: action<UploadedImageView>()({
    summary: '上传一张照片（已在手机上缩小）：只收图片，按内容判断；记录是谁为哪里上传的；送微信安全检查',
    input: v.strictObject({
      context: v.picklist(UPLOAD_CONTEXTS, '照片用途无效'),
      image: v.pipe(
        v.string('照片无效'),
        v.maxLength(MAX_IMAGE_BASE64_CHARS, `照片太大了（最大 ${Math.round(MAX_IMAGE_BYTES / 1024)} KB），请换一张或裁小一些`),
        v.regex(/^[A-Za-z0-9+/]+={0,2}$/, '照片无效'),
      ),
    }),
    policy: 'signedIn',
  }),
});
