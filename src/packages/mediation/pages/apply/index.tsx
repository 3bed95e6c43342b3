import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MAX_PHOTOS_PER_STEP, mediationActions } from '@domain/actions/mediation';
import { MEDIATION_CATEGORIES, MEDIATION_CATEGORY_LABELS, type MediationCategory } from '@domain/mediation';
import { Chip } from '@/components/chip';
import { EmergencyBar } from '@/components/emergency-bar';
import { FieldError, invalidProps } from '@/components/field-error';
import { FormError, fieldMessage } from '@/components/form-error';
import { Button, Card, LabeledInput, PhotoPicker, type PickedPhoto } from '@/components/mediation';
import { PageRoot } from '@/components/page-root';
import { useSubmit } from '@/hooks/use-submit';
import { mediationCasePath } from '@/routes';

/** The fields this form shows a message beside. */
const APPLY_FIELDS = ['category', 'description', 'place', 'place.text', 'otherParty.name', 'otherParty.phone', 'otherParty.address', 'myPhone'];

/** 申请调解: a resident asks the community's beat officer to bring the other side to the table. */
export default function MediationApplyPage() {
  const request = useSubmit(mediationActions.requestMediation);
  const [category, setCategory] = useState<MediationCategory>('neighbour');
  const [description, setDescription] = useState('');
  const [place, setPlace] = useState('');
  const [myPhone, setMyPhone] = useState('');
  const [other, setOther] = useState({ name: '', phone: '', address: '' });
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const problem = (field: string) => fieldMessage(request.error, field);
  async function submit() {
    const opened = await request.submit({
      category,
      description: description.trim(),
      place: { text: place.trim() },
      ...(photos.length ? { photoFileIds: photos.map((photo) => photo.fileId) } : {}),
      ...(myPhone.trim() ? { myPhone: myPhone.trim() } : {}),
      otherParty: { name: other.name.trim(), ...(other.phone.trim() ? { phone: other.phone.trim() } : {}), ...(other.address.trim() ? { address: other.address.trim() } : {}) },
    });
    if (opened) void Taro.redirectTo({ url: mediationCasePath(opened.id) });
  }
  return (
    <PageRoot className="mediation-apply">
      <EmergencyBar />
      <Text className="md-hint">和邻居、家人、物业有了矛盾，社区民警会请居委会、楼门长、司法员等一起坐下来商量。正在发生打架、威胁等紧急情况，请直接拨打 110。</Text>
      <Card title="是什么纠纷">
        <View className="md-chips" role="group" aria-label="纠纷类别" {...invalidProps('apply-category', problem('category'))}>
          {MEDIATION_CATEGORIES.map((option) => (
            <Chip key={option} label={MEDIATION_CATEGORY_LABELS[option]} selected={category === option} onClick={() => setCategory(option)} />
          ))}
        </View>
        <FieldError fieldId="apply-category" message={problem('category')} />
        <LabeledInput fieldId="apply-description" error={problem('description')} label="发生了什么，您希望怎么解决" value={description} onInput={setDescription} multiline maxlength={1000} />
        <LabeledInput fieldId="apply-place" error={problem('place.text') ?? problem('place')} label="在哪里" value={place} onInput={setPlace} placeholder="如：西罗园二区5号楼" />
        <Text className="md-field__label">照片（可以不拍）</Text>
        <PhotoPicker photos={photos} onChange={setPhotos} max={MAX_PHOTOS_PER_STEP} what="照片" />
      </Card>
      <Card title="另一方">
        <LabeledInput fieldId="apply-other-name" error={problem('otherParty.name')} label="对方怎么称呼" value={other.name} onInput={(value) => setOther((current) => ({ ...current, name: value }))} placeholder="如：楼上602的李先生" />
        <LabeledInput fieldId="apply-other-phone" error={problem('otherParty.phone')} label="对方电话（知道的话）" value={other.phone} onInput={(value) => setOther((current) => ({ ...current, phone: value }))} />
        <LabeledInput fieldId="apply-other-address" error={problem('otherParty.address')} label="对方住址（知道的话）" value={other.address} onInput={(value) => setOther((current) => ({ ...current, address: value }))} />
      </Card>
      <Card title="怎么联系您">
        <LabeledInput fieldId="apply-myPhone" error={problem('myPhone')} label="您的电话（民警联系您用，其他人看到的是打码的）" value={myPhone} onInput={setMyPhone} />
      </Card>
      <FormError error={request.error} shownAtFields={APPLY_FIELDS} />
      <Button label="提交申请" pending={request.pending} onClick={() => void submit()} />
    </PageRoot>
  );
}
