import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { roleProps } from '@/components/a11y';
import { ImageUploadError, uploadImage } from '@/platform/upload-image';
import './photo-picker.scss';

export interface PickedPhoto {
  fileId: string;
  /** The upload's receipt: the message carries it with the file id. */
  receipt: string;
  path: string;
}

const MAX_PHOTOS = 3;

/** Up to three photos, uploaded to cloud storage as they are picked; messages carry the file ids. */
export function PhotoPicker({ photos, onChange }: { photos: PickedPhoto[]; onChange: (photos: PickedPhoto[]) => void }) {
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string>();

  async function pick() {
    setError(undefined);
    let paths: string[];
    try {
      const chosen = await Taro.chooseImage({ count: MAX_PHOTOS - photos.length, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      paths = chosen.tempFilePaths;
    } catch {
      return; // cancelled
    }
    setUploading(true);
    try {
      // Made smaller on the phone, then recorded as this resident's upload for 问片警.
      const uploaded = await Promise.all(
        paths.map(async (path) => {
          const { fileId, receipt } = await uploadImage(path, 'consult');
          return { path, fileId, receipt };
        }),
      );
      onChange([...photos, ...uploaded].slice(0, MAX_PHOTOS));
    } catch (problem) {
      setError(problem instanceof ImageUploadError ? problem.message : '照片没有传上去，请检查网络后再试');
    } finally {
      setUploading(false);
    }
  }

  return (
    <View className="photo-picker">
      {photos.map((photo, index) => (
        <View key={photo.fileId} className="photo-picker__item">
          <Image className="photo-picker__image" src={photo.path} mode="aspectFill" aria-label={`要发的第 ${index + 1} 张照片`} nativeProps={{ alt: `要发的第 ${index + 1} 张照片` }} />
          <View
            className="photo-picker__remove"
            {...roleProps('button')}
            aria-label={`删除第 ${index + 1} 张照片`}
            onClick={() => onChange(photos.filter((other) => other.fileId !== photo.fileId))}
          >
            <Text>删除</Text>
          </View>
        </View>
      ))}
      {photos.length < MAX_PHOTOS && (
        <View className="photo-picker__add" hoverClass="photo-picker__add--pressed" {...roleProps('button')} aria-label={uploading ? '照片上传中' : `添加照片，还能加 ${MAX_PHOTOS - photos.length} 张`} onClick={() => void pick()}>
          <Text>{uploading ? '上传中…' : '+ 照片'}</Text>
        </View>
      )}
      <View className="photo-picker__status" aria-live="polite">
        {error && <Text className="field-error">{error}</Text>}
      </View>
    </View>
  );
}
