import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { stationActions, type MyOfficerView } from '@domain/actions/station';
import { roleProps } from '@/components/a11y';
import { FormError } from '@/components/form-error';
import { useSubmit } from '@/hooks/use-submit';
import { uploadImage } from '@/platform/upload-image';
import { ActionButton } from '../../components/admin-kit';

/**
 * The officer's own photo on the 警民联系牌 and the officer list: chosen on the phone, uploaded
 * through the media function (only images, sent to WeChat's check), then set on their record.
 */
export function MyPhoto({ profile, onChange }: { profile: MyOfficerView; onChange: (next: MyOfficerView) => void }) {
  const set = useSubmit(stationActions.setMyOfficerPhoto);
  const [problem, setProblem] = useState('');
  const [uploading, setUploading] = useState(false);

  async function choose() {
    setProblem('');
    const chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] }).catch(() => undefined);
    const path = chosen?.tempFilePaths[0];
    if (!path) return;
    setUploading(true);
    try {
      const { fileId } = await uploadImage(path, 'officerPhoto');
      const next = await set.submit({ photoFileId: fileId });
      if (next) onChange({ ...profile, ...next });
    } catch (error) {
      setProblem(error instanceof Error && error.message ? error.message : '照片没有传上去，请再试一次');
    } finally {
      setUploading(false);
    }
  }

  async function remove() {
    const next = await set.submit({ photoFileId: null });
    if (next) onChange({ ...profile, ...next, photoUrl: undefined, hasPhoto: false });
  }

  return (
    <View className="my-photo">
      {profile.photoUrl ? (
        <Image className="my-photo__image" src={profile.photoUrl} mode="aspectFill" {...roleProps('img')} aria-label={`${profile.title}的照片`} />
      ) : profile.hasPhoto ? (
        <Text className="admin-warning">您的照片没有通过微信安全检查或还在检查中，居民暂时看不到。可以换一张，或去掉。</Text>
      ) : (
        <Text className="admin-row__text">还没有照片：警民联系牌上只显示称呼和电话。</Text>
      )}
      <ActionButton tone="plain" label={profile.hasPhoto ? '换一张照片' : '上传我的照片'} pending={uploading || set.pending} onClick={() => void choose()} />
      {/* Whenever a photo is set — also one the check hides: the officer can always take it down (its file is deleted). */}
      {profile.hasPhoto && <ActionButton tone="plain" label="去掉照片" pending={set.pending} onClick={() => void remove()} />}
      <FormError error={set.error} />
      {problem && <Text className="admin-warning">{problem}</Text>}
    </View>
  );
}
