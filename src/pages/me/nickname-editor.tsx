import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { actionRefs } from '@domain/actions/ref';
import type { accountActions, MeView } from '@domain/actions/account';
import { FormCard } from '@/components/form-card';
import { FormError, fieldMessage } from '@/components/form-error';
import { TextField } from '@/components/text-field';
import { useSubmit } from '@/hooks/use-submit';
import { Button } from '@/components/button';

const accountAction = actionRefs<typeof accountActions>('account');

export interface NicknameEditorProps {
  current: string;
  onSaved: (me: MeView) => void;
  onCancel: () => void;
}

/** Nickname form; the cloud runs WeChat content security on it, and says so when it refuses. */
export function NicknameEditor({ current, onSaved, onCancel }: NicknameEditorProps) {
  const [nickname, setNickname] = useState(current);
  const { submit, pending, error, clearError } = useSubmit(accountAction('updateProfile'));

  async function save() {
    const me = await submit({ nickname });
    if (!me) return;
    onSaved(me);
  }

  return (
    <FormCard>
      <Text className="form-card__label">新昵称</Text>
      <TextField
        className="form-card__input"
        value={nickname}
        placeholder="最多20个字"
        maxLength={20}
        label="新昵称"
        fieldId="nickname"
        error={fieldMessage(error, 'nickname')}
        clearable
        onChange={(value) => {
          setNickname(value);
          clearError();
        }}
      />
      <FormError error={error} shownAtFields={['nickname']} />
      <Text className="form-card__hint">为您服务的民警会看到这个昵称；保存前会经过微信内容安全检查。</Text>
      <View className="form-card__actions">
        <Button className="form-card__action" onClick={onCancel} disabled={pending}>
          取消
        </Button>
        <Button className="form-card__action" type="primary" loading={pending} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </FormCard>
  );
}
