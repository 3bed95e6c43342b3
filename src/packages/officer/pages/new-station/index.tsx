import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { accountActions, type InviteView } from '@domain/actions/account';
import { stationActions, type CreatedStationView } from '@domain/actions/station';
import { FormError, fieldMessage } from '@/components/form-error';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useSubmit } from '@/hooks/use-submit';
import { ActionButton, Done, Field, Section } from '../../components/admin-kit';
import { useMyStation } from '../../components/use-my-station';

/** 分局: opens a new station and invites its first admin, who sets up the rest in the app. */
function NewStation({ districtId }: { districtId: string }) {
  const create = useSubmit(stationActions.createStation);
  const invite = useSubmit(accountActions.createInvite);
  const [form, setForm] = useState({ stationId: '', name: '', address: '', phone: '', latitude: '', longitude: '' });
  const [created, setCreated] = useState<CreatedStationView>();
  const [code, setCode] = useState<InviteView>();
  const set = (key: keyof typeof form) => (value: string) => setForm((current) => ({ ...current, [key]: value }));

  return (
    <View>
      <Section title="新建派出所">
        <Field fieldId="new-station-stationId" error={fieldMessage(create.error, 'stationId')} label="派出所编号（字母或数字）" value={form.stationId} onChange={set('stationId')} placeholder="例如 taoyuan" />
        <Field fieldId="new-station-name" error={fieldMessage(create.error, 'name')} label="派出所名称" value={form.name} onChange={set('name')} placeholder="例如 桃源派出所" />
        <Field fieldId="new-station-address" error={fieldMessage(create.error, 'address')} label="地址" value={form.address} onChange={set('address')} />
        <Field fieldId="new-station-phone" error={fieldMessage(create.error, 'phone')} label="值班电话" value={form.phone} onChange={set('phone')} placeholder="例如 010-6721 0110" />
        <Field fieldId="new-station-latitude" error={fieldMessage(create.error, 'latitude')} label="纬度" type="digit" value={form.latitude} onChange={set('latitude')} placeholder="例如 39.8498" />
        <Field fieldId="new-station-longitude" error={fieldMessage(create.error, 'longitude')} label="经度" type="digit" value={form.longitude} onChange={set('longitude')} placeholder="例如 116.3914" />
        <FormError error={create.error} shownAtFields={['stationId', 'name', 'address', 'phone', 'latitude', 'longitude']} />
        <ActionButton
          label="建立派出所"
          pending={create.pending}
          onClick={async () => {
            const answer = await create.submit({ districtId, ...form, latitude: Number(form.latitude), longitude: Number(form.longitude) });
            if (answer) setCreated(answer);
          }}
        />
        <Done text={created ? `已建立 ${created.name}` : undefined} />
      </Section>
      {created && (
        <Section title={`邀请 ${created.name} 的管理员`}>
          <Text className="admin-row__text">管理员用邀请码登记后，就能在手机上安排社区、大厅、民警和值班。</Text>
          <FormError error={invite.error} />
          <ActionButton
            label="生成管理员邀请码"
            pending={invite.pending}
            onClick={async () => {
              const answer = await invite.submit({ stationId: created.id, role: 'stationAdmin', officerKinds: ['duty'], validHours: 72, note: '所管理员' });
              if (answer) setCode(answer);
            }}
          />
          {code && (
            <View aria-live="polite">
              <Text className="admin-row__title">管理员邀请码</Text>
              <Text className="invite-code" userSelect>
                {code.code}
              </Text>
              <Text className="admin-row__text">72 小时内有效，只能用一次。请当面或通过工作群发给对方。</Text>
            </View>
          )}
        </Section>
      )}
    </View>
  );
}

export default function NewStationPage() {
  const { me } = useMyStation();
  const districtId = me.data?.role === 'districtAdmin' ? me.data.districtId : undefined;
  return (
    <PageRoot className="admin-page">
      <PageState status={me.status} error={me.error} onRetry={me.reload}>
        {districtId ? <NewStation districtId={districtId} /> : <Text>仅供分局管理员使用</Text>}
      </PageState>
    </PageRoot>
  );
}
