import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { actionRefs } from '@domain/actions/ref';
import type { accountActions } from '@domain/actions/account';
import { FormCard } from '@/components/form-card';
import { FormError, fieldMessage } from '@/components/form-error';
import { PageRoot } from '@/components/page-root';
import { TextField } from '@/components/text-field';
import { useSubmit } from '@/hooks/use-submit';
import { announceMeChanged } from '@/state/me-changed';
import { Button } from '@/components/button';

const accountAction = actionRefs<typeof accountActions>('account');

const REDEEM_FIELDS = ['code', 'name', 'title', 'phone'] as const;

/**
 * "我是民警": an officer turns their resident account into a staff account with a one-time code.
 * Its own page in the officer subpackage (residents never need it in the main package); 我的
 * hears of the new role and says so when the officer is taken back there.
 */
export default function JoinAsOfficerPage() {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [phone, setPhone] = useState('');
  const { submit, pending, error, clearError } = useSubmit(accountAction('redeemInvite'));
  const problem = (field: (typeof REDEEM_FIELDS)[number]) => fieldMessage(error, field);
  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    clearError();
  };

  async function redeem() {
    const me = await submit({ code, name, title, phone });
    if (!me) return;
    announceMeChanged(me);
    void Taro.navigateBack();
  }

  return (
    <PageRoot className="join-page">
      <View className="page">
        <Text className="page-title">我是民警</Text>
        <Text className="page-intro">用所里给的邀请码登记民警身份。</Text>
        <FormCard>
          <Text className="form-card__label">民警邀请码</Text>
          <TextField
            className="form-card__input form-card__input--code"
            value={code}
            placeholder="8位字母或数字"
            maxLength={8}
            fieldId="redeem-code"
            error={problem('code')}
            clearable
            format={(value) => value.toUpperCase()}
            onChange={edit(setCode)}
          />
          <Text className="form-card__hint">邀请码由本所管理员生成，只能用一次。输错太多次需要等一会儿再试。</Text>
          <Text className="form-card__label">姓名</Text>
          <TextField className="form-card__input" value={name} placeholder="例如 赵文龙（同事看到）" maxLength={10} fieldId="redeem-name" error={problem('name')} onChange={edit(setName)} />
          <Text className="form-card__label">居民看到的称呼（可不填）</Text>
          <TextField className="form-card__input" value={title} placeholder="不填就是 姓+警官，例如 赵警官" maxLength={10} fieldId="redeem-title" error={problem('title')} onChange={edit(setTitle)} />
          <Text className="form-card__label">工作电话</Text>
          <TextField className="form-card__input" value={phone} placeholder="印在警民联系牌上的工作号码" maxLength={20} fieldId="redeem-phone" error={problem('phone')} onChange={edit(setPhone)} />
          <FormError error={error} shownAtFields={REDEEM_FIELDS} />
          <View className="form-card__actions">
            <Button className="form-card__action" onClick={() => void Taro.navigateBack()} disabled={pending}>
              取消
            </Button>
            <Button className="form-card__action" type="primary" loading={pending} onClick={() => void redeem()}>
              登记
            </Button>
          </View>
        </FormCard>
      </View>
    </PageRoot>
  );
}
