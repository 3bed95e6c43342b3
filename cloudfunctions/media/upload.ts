import { randomBytes } from 'node:crypto';
import type { mediaActions } from '@domain/actions/media';
import { ActionError } from '@domain/errors';
import { IMAGE_EXTENSION, IMAGE_MIME, MAX_IMAGE_BYTES, sniffImageType } from '@domain/media/image-type';
import { isStaffRole } from '@domain/roles';
import { tempFileUrl } from '@platform/cloud/cloud-files';
import { COLLECTIONS, type MediaFileRecord } from '@platform/cloud/collections';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { mediaIdOf, uploadReceiptOf } from '@platform/cloud/media';
import { cloud, database } from '@platform/cloud/wx';

type UploadHandlers = Pick<Handlers<typeof mediaActions>, 'uploadImage'>;

/** msgSecCheck/mediaCheckAsync scene: 1 = profile (an officer's photo), 2 = comment (a message), 3 = forum (an article). */
const SCENE = { consult: 2, article: 3, mediation: 2, officerPhoto: 1 } as const;

export const uploadHandlers: UploadHandlers = {
  async uploadImage({ context: use, image }, context) {
    const { user, openid } = requireUser(context);
    if ((use === 'article' || use === 'officerPhoto') && !isStaffRole(user.role)) throw new ActionError('FORBIDDEN');
    const bytes = Buffer.from(image, 'base64');
    if (bytes.length > MAX_IMAGE_BYTES) throw new ActionError('INVALID_INPUT', `照片太大了（最大 ${Math.round(MAX_IMAGE_BYTES / 1024)} KB），请换一张或裁小一些`);
    // Judged by its bytes: a page or a script named photo.jpg is not an image.
    const type = sniffImageType(bytes);
    if (!type) throw new ActionError('INVALID_INPUT', '只能上传照片（JPG、PNG、GIF、WebP）');

    const cloudPath = `uploads/${use}/${randomBytes(16).toString('hex')}.${IMAGE_EXTENSION[type]}`;
    const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent: bytes })) as { fileID: string };
    const url = (await tempFileUrl(fileID)) ?? '';
    const record: MediaFileRecord = {
      _id: mediaIdOf(fileID),
      fileId: fileID,
      ownerUserId: user._id,
      context: use,
      type: IMAGE_MIME[type],
      bytes: bytes.length,
      check: { status: 'pending' },
      createdAt: context.now,
    };
    // WeChat looks at the image later and pushes its verdict (check-result.ts); until then it is shown.
    const { traceId } = (await cloud.openapi.security.mediaCheckAsync({ media_url: url, media_type: 2, version: 2, scene: SCENE[use], openid })) as { traceId: string };
    record.check.traceId = traceId;
    const { _id, ...data } = record;
    await database().collection(COLLECTIONS.mediaFiles).doc(_id).set({ data });
    return { fileId: fileID, url, receipt: uploadReceiptOf(user._id, use, fileID, context.now) };
  },
};
