import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { DELETE_CONFIRMATION, privacyActions, type AccountDeletedView, type DataExportView, type DeletionPlanView, type KeptRecordView, type MyDataGroupView } from '@domain/actions/privacy';
import { EntryRow } from '@/components/entry-row';
import { FormCard } from '@/components/form-card';
import { FormError } from '@/components/form-error';
import { NoticeCard } from '@/components/notice-card';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { saveDownloadedFile } from '@/platform/save-file';
import { ROUTES } from '@/routes';
import { formatDate, formatDateTime } from '@/utils/format-date';
import './index.scss';

function Group({ group }: { group: MyDataGroupView }) {
  return (
    <View className="my-data__group" aria-label={`${group.title}，${group.count === 0 ? '没有' : `${group.count}条`}`}>
      <View className="my-data__group-head">
        <Text className="my-data__group-title">{group.title}</Text>
        <Text className="my-data__group-count">{group.count === 0 ? '没有' : `${group.count} 条`}</Text>
      </View>
      {group.lines.map((line) => (
        <Text key={line} className="my-data__line">
          {line}
        </Text>
      ))}
      <Text className="my-data__meta">用途：{group.purpose}</Text>
      <Text className="my-data__meta">保存：{group.retention}</Text>
    </View>
  );
}

function Export() {
  const { submit, pending, error } = useSubmit(privacyActions.exportMyData);
  const [exported, setExported] = useState<DataExportView>();
  const [saveError, setSaveError] = useState('');

  async function save(url: string, name: string) {
    setSaveError('');
    try {
      await saveDownloadedFile(url, name);
    } catch {
      setSaveError('文件没有保存下来，请检查网络后再试');
    }
  }

  return (
    <FormCard>
      <Text className="form-card__hint">导出两个文件：一份能直接阅读，一份是 JSON 格式（可交给其他程序）。下载链接只给您，{exported ? formatDateTime(exported.expiresAt) : '一天后'}失效并删除。</Text>
      {!exported && (
        <Button className="my-data__wide" type="primary" loading={pending} onClick={() => void submit({}).then((result) => result && setExported(result))}>
          导出我的数据
        </Button>
      )}
      <FormError error={error} />
      <View aria-live="polite">
        {exported && <Text className="my-data__done">✓ 已导出，请保存文件</Text>}
        {exported?.files.map((file) => (
          <Button key={file.kind} className="my-data__wide" onClick={() => void save(file.url, file.name)}>
            {file.kind === 'readable' ? `保存可阅读的文件（${Math.ceil(file.bytes / 1024)} KB）` : `保存 JSON 文件（${Math.ceil(file.bytes / 1024)} KB）`}
          </Button>
        ))}
        {saveError && <Text className="field-error">{saveError}</Text>}
      </View>
    </FormCard>
  );
}

function KeptList({ kept }: { kept: KeptRecordView[] }) {
  return (
    <View className="my-data__kept">
      {kept.map((item) => (
        <View key={item.what} className="my-data__kept-item">
          <Text className="my-data__kept-what">
            {item.what}：保留到 {formatDate(item.until)}
          </Text>
          <Text className="my-data__meta">{item.why}</Text>
        </View>
      ))}
    </View>
  );
}

function DeleteAccount({ onDeleted }: { onDeleted: (result: AccountDeletedView) => void }) {
  const planning = useSubmit(privacyActions.deletionPlan);
  const deleting = useSubmit(privacyActions.deleteAccount);
  const [plan, setPlan] = useState<DeletionPlanView>();

  if (!plan) {
    return (
      <FormCard>
        <Text className="form-card__hint">注销后，您在本程序里的信息会被删除；依法必须保留的会说明保留什么、到什么时候。注销前会先告诉您。</Text>
        <Button className="my-data__wide" loading={planning.pending} onClick={() => void planning.submit({}).then((result) => result && setPlan(result))}>
          注销账号…
        </Button>
        <FormError error={planning.error} />
      </FormCard>
    );
  }
  return (
    <FormCard title="注销前请看清楚">
      {plan.blockers.map((blocker) => (
        <Text key={blocker} className="field-error">
          {blocker}
        </Text>
      ))}
      <Text className="form-card__label">会删除</Text>
      {plan.erased.length === 0 && <Text className="my-data__line">除了账号本身，没有别的信息</Text>}
      {plan.erased.map((line) => (
        <Text key={line} className="my-data__line">
          · {line}
        </Text>
      ))}
      <Text className="form-card__label">会保留（不含昵称、电话、证件号和微信身份）</Text>
      <KeptList kept={plan.kept} />
      <Text className="form-card__hint">注销不能撤销。之后再打开本程序，会是一个全新的空账号。</Text>
      <FormError error={deleting.error} />
      <View className="form-card__actions">
        <Button className="form-card__action" onClick={() => setPlan(undefined)} disabled={deleting.pending}>
          不注销了
        </Button>
        {plan.blockers.length === 0 && (
          <Button
            className="form-card__action"
            type="danger"
            loading={deleting.pending}
            onClick={() => void deleting.submit({ confirmation: DELETE_CONFIRMATION }).then((result) => result && onDeleted(result))}
          >
            确认注销
          </Button>
        )}
      </View>
    </FormCard>
  );
}

/** 我的 → 我的数据: what is held about me, export it, or delete my account (PIPL). */
export default function MyDataPage() {
  const data = useAction(privacyActions.myData, {}, { pullDownRefresh: true, isEmpty: () => false });
  const [deleted, setDeleted] = useState<AccountDeletedView>();

  if (deleted) {
    return (
      <PageRoot className="my-data">
        <View aria-live="polite">
          <NoticeCard title="账号已注销">
            <Text>您的信息已经删除。下面这些依法保留，到期自动删除，和您不再有关联：</Text>
          </NoticeCard>
        </View>
        <KeptList kept={deleted.kept} />
        <Button className="my-data__wide" type="primary" onClick={() => void Taro.reLaunch({ url: ROUTES.me })}>
          回到“我的”
        </Button>
      </PageRoot>
    );
  }

  return (
    <PageRoot className="my-data">
      <Text className="page-intro">这里列出本程序保存的、与您有关的全部信息，每一类都写明用途和保存多久。证件号和电话只显示打码的部分。</Text>
      <PageState status={data.status} error={data.error} onRetry={data.reload} loadingRows={6}>
        {data.data && (
          <View className="my-data__groups">
            {data.data.groups.map((group) => (
              <Group key={group.group} group={group} />
            ))}
          </View>
        )}
      </PageState>
      <Text className="section-title">导出一份</Text>
      <Export />
      <Text className="section-title">注销账号</Text>
      <DeleteAccount onDeleted={setDeleted} />
      <EntryRow title="关于与隐私" description="每一类信息为什么保存、谁能看、保存多久" onClick={() => void Taro.navigateTo({ url: ROUTES.about })} />
    </PageRoot>
  );
}
