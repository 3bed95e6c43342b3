/** Photos of a mediation case: picking them (uploaded at once, removable until saved) and showing them with their text alternatives. */
import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PhotoView } from '@domain/actions/mediation';
import { roleProps } from '../a11y';
import { chooseImages } from '@/platform/choose-images';
import { ImageUploadError, uploadImage } from '@/platform/upload-image';
import './index.scss';

export interface PickedPhoto {
  fileId: string;
  /** The local path, shown until the photo is saved with the case. */
  path: string;
}

/**
 * Up to `max` photos, made smaller on the phone and uploaded as they are picked (recorded as this
 * officer's uploads for mediation). A photo removed here before saving is never attached; the
 * retention timer deletes such uploads after a day.
 */
export function PhotoPicker({ photos, onChange, max, what }: { photos: PickedPhoto[]; onChange: (photos: PickedPhoto[]) => void; max: number; what: string }) {
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string>();
  const room = max - photos.length;

  async function pick() {
    if (uploading) return;
    setError(undefined);
    const paths = await chooseImages(room);
    if (paths.length === 0) return;
    setUploading(true);
    try {
      const uploaded = await Promise.all(paths.map(async (path) => ({ path, fileId: (await uploadImage(path, 'mediation')).fileId })));
      onChange([...photos, ...uploaded].slice(0, max));
    } catch (problem) {
      setError(problem instanceof ImageUploadError ? problem.message : '照片没有传上去，请检查网络后再试');
    } finally {
      setUploading(false);
    }
  }

  return (
    <View className="md-photos">
      {photos.map((photo, index) => (
        <View key={photo.fileId} className="md-photos__item">
          <Image className="md-photos__image" src={photo.path} mode="aspectFill" aria-hidden="true" nativeProps={{ alt: `待保存的${what}，第 ${index + 1} 张` }} />
          <View className="md-photos__remove" {...roleProps('button')} aria-label={`删除待保存的${what}第 ${index + 1} 张`} onClick={() => onChange(photos.filter((other) => other.fileId !== photo.fileId))}>
            <Text>删除</Text>
          </View>
        </View>
      ))}
      {room > 0 && (
        <View className="md-photos__add" hoverClass="md-photos__add--pressed" {...roleProps('button')} aria-busy={uploading} onClick={() => void pick()}>
          <Text>{uploading ? '照片上传中…' : `+ 添加${what}（还能加 ${room} 张）`}</Text>
        </View>
      )}
      <View className="md-photos__status" aria-live="polite">
        {error && <Text className="field-error">{error}</Text>}
      </View>
    </View>
  );
}

/** Saved photos: each says what it shows (its alt text) and opens full screen. */
export function PhotoGallery({ photos, label }: { photos: PhotoView[]; label: string }) {
  if (photos.length === 0) return null;
  const urls = photos.map((photo) => photo.url);
  return (
    <View className="md-photos" {...roleProps('list')} aria-label={label}>
      {photos.map((photo) => (
        <View key={photo.url} className="md-photos__item" {...roleProps('listitem')}>
          <View className="md-photos__open" {...roleProps('button')} aria-label={`${photo.alt}，点开看大图`} onClick={() => void Taro.previewImage({ urls, current: photo.url }).catch(() => undefined)}>
            <Image className="md-photos__image" src={photo.url} mode="aspectFill" aria-hidden="true" nativeProps={{ alt: photo.alt }} />
          </View>
          {photo.flagged && <Text className="md-photos__flag">仅民警可见</Text>}
        </View>
      ))}
    </View>
  );
}
