import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { directoryActions, type AddressResolutionView, type CommunityView } from '@domain/actions/directory';
import { FormCard } from '@/components/form-card';
import { inputFieldProps } from '@/components/field-error';
import { FormError } from '@/components/form-error';
import { NoticeCard } from '@/components/notice-card';
import { useSubmit } from '@/hooks/use-submit';
import { CommunityOptions, whereOf } from './community-option';
import type { BindMode } from './modes';

export interface AddressModeProps {
  selectedId?: string;
  currentId?: string;
  /** undefined: a new lookup started, the earlier pick no longer stands. */
  onSelect: (community: CommunityView | undefined) => void;
  /** "是 X 吗？" → 确认: registers at once. */
  onConfirm: (community: CommunityView) => void;
  confirming: boolean;
  onSwitch: (mode: BindMode) => void;
}

/** 输入地址: the resident writes where they live; the cloud finds the community, or asks which one. */
export function AddressMode({ selectedId, currentId, onSelect, onConfirm, confirming, onSwitch }: AddressModeProps) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<AddressResolutionView>();
  const resolve = useSubmit(directoryActions.resolveAddress);

  async function find() {
    setResult(undefined);
    onSelect(undefined);
    const answer = await resolve.submit({ text });
    if (answer) setResult(answer);
  }

  return (
    <View className="address-mode">
      <FormCard>
        <Text className="form-card__label">您家的地址</Text>
        <Input
          className="form-card__input"
          value={text}
          placeholder="例如：西罗园二区5号楼3单元301"
          maxLength={60}
          {...inputFieldProps('home-address', '您家的地址', resolve.error?.message)}
          clearable
          onChange={(value) => {
            setText(value);
            setResult(undefined);
            onSelect(undefined);
            resolve.clearError();
          }}
        />
        <FormError error={resolve.error} field="text" fieldId="home-address" />
        <Text className="form-card__hint">写小区或社区的名字和楼号就可以。地址只用来查找社区，不会保存。</Text>
        <Button type="primary" block className="home-community__big-button" loading={resolve.pending} onClick={() => void find()}>
          查找
        </Button>
      </FormCard>

      {result?.kind === 'match' && (
        <View className="address-match">
          <Text className="address-match__question">是 {result.community.name} 吗？</Text>
          <Text className="address-match__where">{whereOf(result.community)}</Text>
          <View className="form-card__actions">
            <Button className="form-card__action home-community__big-button" disabled={confirming} onClick={() => setResult(undefined)}>
              不是
            </Button>
            <Button
              type="primary"
              className="form-card__action home-community__big-button"
              loading={confirming}
              onClick={() => onConfirm(result.community)}
            >
              确认
            </Button>
          </View>
        </View>
      )}

      {result?.kind === 'ambiguous' && (
        <View>
          <Text className="home-community__question">这个地址可能属于下面几个社区，请选您住的那个：</Text>
          <CommunityOptions communities={result.candidates} selectedId={selectedId} currentId={currentId} onSelect={onSelect} />
        </View>
      )}

      {result?.kind === 'none' && (
        <NoticeCard title="换个方式试试" tone="building">
          <Text>{result.hint}</Text>
          <View className="home-community__switches">
            <Button className="home-community__switch" onClick={() => onSwitch('list')}>
              从列表选
            </Button>
            <Button className="home-community__switch" onClick={() => onSwitch('location')}>
              发送位置
            </Button>
          </View>
        </NoticeCard>
      )}
    </View>
  );
}
