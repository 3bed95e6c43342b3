import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { actionRefs } from '@domain/actions/ref';
import type { accountActions, MeView } from '@domain/actions/account';
import { ROLE_LABELS } from '@domain/roles';
import { EntryRow } from '@/components/entry-row';
import { FormCard } from '@/components/form-card';
import { FormError, fieldMessage } from '@/components/form-error';
import { TextField } from '@/components/text-field';
import { useSubmit } from '@/hooks/use-submit';
import { Button } from '@/components/button';

const accountAction = actionRefs<typeof accountActions>('account');

const REDEEM_FIELDS = ['code', 'name', 'title', 'phone'] as const;

/** "我是民警": an officer turns their resident account into a staff account with a one-time code. */
export function RedeemInvite({ onRedeemed }: { onRedeemed: (me: MeView) => void }) {
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [phone, setPhone] = useState('');
  const { submit, pending, error, clearError } = useSubmit(accountAction('redeemInvite'));
  const problem = (field: (typeof REDEEM_FIELDS)[number]) => fieldMessage(error, field);
  // Said on the page, not in a toast that vanishes before an older reader has read it.
  const [registeredAs, setRegisteredAs] = useState('');

  async function redeem() {
    const me = await submit({ code, name, title, phone });
    if (!me) return;
    onRedeemed(me);
    setOpen(false);
    setCode('');
    setRegisteredAs(ROLE_LABELS[me.role]);
  }

  if (!open) {
    return (
      <View aria-live="polite">
        {registeredAs ? <Text className="me-page__done">✓ 已登记为{registeredAs}</Text> : <EntryRow title="我是民警" description="用所里给的邀请码登记民警身份" onClick={() => setOpen(true)} />}
      </View>
    );
  }

  return (
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
        onChange={(value) => {
          setCode(value);
          clearError();
        }}
      />
      <Text className="form-card__hint">邀请码由本所管理员生成，只能用一次。输错太多次需要等一会儿再试。</Text>
      <Text className="form-card__label">姓名</Text>
      <TextField className="form-card__input" value={name} placeholder="例如 赵文龙（同事看到）" maxLength={10} fieldId="redeem-name" error={problem('name')} onChange={(value) => { setName(value); clearError(); }} />
      <Text className="form-card__label">居民看到的称呼（可不填）</Text>
      <TextField className="form-card__input" value={title} placeholder="不填就是 姓+警官，例如 赵警官" maxLength={10} fieldId="redeem-title" error={problem('title')} onChange={(value) => { setTitle(value); clearError(); }} />
      <Text className="form-card__label">工作电话</Text>
      <TextField className="form-card__input" value={phone} placeholder="印在警民联系牌上的工作号码" maxLength={20} fieldId="redeem-phone" error={problem('phone')} onChange={(value) => { setPhone(value); clearError(); }} />
      <FormError error={error} shownAtFields={REDEEM_FIELDS} />
      <View className="form-card__actions">
        <Button className="form-card__action" onClick={() => setOpen(false)} disabled={pending}>
          取消
        </Button>
        <Button className="form-card__action" type="primary" loading={pending} onClick={() => void redeem()}>
          登记
        </Button>
      </View>
    </FormCard>
  );
}
