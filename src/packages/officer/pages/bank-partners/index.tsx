import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { accountActions, type InviteView } from '@domain/actions/account';
import type { BankBranchView } from '@domain/actions/bank-partners';
import { consultActions } from '@domain/actions/consult';
import { amountLabel, BANK_CHECK_OUTCOME_LABELS, BANK_CHECK_OUTCOMES } from '@domain/anti-fraud/bank-check';
import { roleProps } from '@/components/a11y';
import { BankCheckList } from '@/components/bank-check-list';
import { FieldError, inputFieldProps } from '@/components/field-error';
import { FormError, fieldMessage } from '@/components/form-error';
import { NoticeCard } from '@/components/notice-card';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { officerThreadPath } from '@/routes';
import { formatDateTime } from '@/utils/format-date';
import './index.scss';

/** The last 30 days at a glance: how many checks, how they ended, how much money stayed with its owners. */
function Figures({ stationId }: { stationId: string }) {
  const figures = useAction(consultActions.bankCheckFigures, { stationId, sinceDays: 30 }, { isEmpty: () => false });
  return (
    <PageState status={figures.status} error={figures.error} onRetry={figures.reload} loadingRows={2}>
      {figures.data && (
        <View className="bank-partners__figures" role="region" aria-label="近30天警银联动成效">
          <Text className="section-title">近 30 天</Text>
          <Text className="bank-partners__protected">守住 {amountLabel(figures.data.protectedAmount)}</Text>
          <View className="bank-partners__table">
            <View className="bank-partners__row">
              <Text>网点求助</Text>
              <Text>{figures.data.raised} 次（进行中 {figures.data.open}）</Text>
            </View>
            {BANK_CHECK_OUTCOMES.map((outcome) => (
              <View key={outcome} className="bank-partners__row">
                <Text>{BANK_CHECK_OUTCOME_LABELS[outcome]}</Text>
                <Text>{figures.data!.byOutcome[outcome]} 次</Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </PageState>
  );
}

function BranchForm({ stationId, onSaved }: { stationId: string; onSaved: (branch: BankBranchView) => void }) {
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const save = useSubmit(accountActions.saveBankBranch);
  return (
    <View className="bank-partners__form">
      <Text className="section-title">添加合作网点</Text>
      <Input className="bank-partners__input" value={name} maxlength={30} placeholder="网点名称，例如 工商银行康桥支行" {...inputFieldProps('branch-name', '网点名称', fieldMessage(save.error, 'name'))} onInput={(event) => setName(event.detail.value)} />
      <FieldError fieldId="branch-name" message={fieldMessage(save.error, 'name')} />
      <Input className="bank-partners__input" value={address} maxlength={60} placeholder="网点地址" {...inputFieldProps('branch-address', '网点地址', fieldMessage(save.error, 'address'))} onInput={(event) => setAddress(event.detail.value)} />
      <FieldError fieldId="branch-address" message={fieldMessage(save.error, 'address')} />
      <FormError error={save.error} shownAtFields={['name', 'address']} />
      <View
        className="bank-partners__button"
        {...roleProps('button')}
        aria-disabled={save.pending}
        onClick={async () => {
          if (save.pending) return;
          const saved = await save.submit({ stationId, name: name.trim(), address: address.trim() });
          if (!saved) return;
          setName('');
          setAddress('');
          onSaved(saved);
        }}
      >
        <Text>{save.pending ? '正在保存…' : '添加网点'}</Text>
      </View>
    </View>
  );
}

function BranchRow({ stationId, branch }: { stationId: string; branch: BankBranchView }) {
  const invite = useSubmit(accountActions.createPartnerInvite);
  const [code, setCode] = useState<InviteView>();
  return (
    <View className="bank-partners__branch">
      <Text className="bank-partners__branch-name">{branch.name}</Text>
      <Text className="muted">
        {branch.address} · 已加入 {branch.clerks} 人
      </Text>
      {code ? (
        <View className="bank-partners__code" aria-live="polite">
          <Text>
            邀请码 <Text className="bank-partners__code-value" userSelect>{code.code}</Text>
          </Text>
          <Text className="muted">网点工作人员在“我的 → 民警邀请码”输入，{formatDateTime(code.expiresAt)} 前有效，只能用一次</Text>
        </View>
      ) : (
        <View
          className="bank-partners__link"
          {...roleProps('button')}
          aria-label={`给${branch.name}的工作人员生成邀请码`}
          onClick={async () => {
            if (invite.pending) return;
            const created = await invite.submit({ stationId, branchId: branch.id, validHours: 24 });
            if (created) setCode(created);
          }}
        >
          <Text>{invite.pending ? '正在生成…' : '生成工作人员邀请码'}</Text>
        </View>
      )}
      <FormError error={invite.error} />
    </View>
  );
}

function BankPartners({ stationId }: { stationId: string }) {
  const open = useAction(consultActions.openBankChecks, { stationId }, { pullDownRefresh: true });
  const branches = useAction(accountActions.listBankBranches, { stationId });
  return (
    <View className="page">
      <Text className="page-title">警银联动</Text>
      <Text className="page-intro">合作银行网点遇到客户可能被骗、正要转账时，会在这里求助；5 分钟没人回复，值班民警也会收到。</Text>
      <Text className="section-title">等待核实</Text>
      <PageState status={open.status} error={open.error} onRetry={open.reload} emptyTitle="现在没有网点求助" emptyDescription="有新的求助会马上出现在收件箱最上面">
        {open.data && <BankCheckList checks={open.data} onOpen={(check) => void Taro.navigateTo({ url: officerThreadPath(check.threadId) })} />}
      </PageState>
      <Figures stationId={stationId} />
      <Text className="section-title">合作网点</Text>
      <PageState status={branches.status} error={branches.error} onRetry={branches.reload} emptyTitle="还没有合作网点" emptyDescription="添加网点后，给网点工作人员生成邀请码">
        {branches.data?.map((branch) => <BranchRow key={branch.id} stationId={stationId} branch={branch} />)}
      </PageState>
      <BranchForm stationId={stationId} onSaved={() => void branches.reload({ quiet: true })} />
    </View>
  );
}

export default function BankPartnersPage() {
  const me = useAction(accountActions.me, {}, { isEmpty: () => false });
  const stationId = me.data?.station?.id;
  return (
    <PageRoot className="bank-partners">
      <PageState status={me.status} error={me.error} onRetry={me.reload}>
        {stationId ? (
          <BankPartners stationId={stationId} />
        ) : (
          <NoticeCard title="警银联动由派出所反诈民警管理" tone="warning">
            <Text>请在“我的”页面用所里给的邀请码登记为民警。</Text>
          </NoticeCard>
        )}
      </PageState>
    </PageRoot>
  );
}
