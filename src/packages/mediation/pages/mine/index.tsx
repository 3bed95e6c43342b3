import Taro from '@tarojs/taro';
import { mediationActions } from '@domain/actions/mediation';
import { Button, CaseRow } from '@/components/mediation';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { ROUTES, mediationCasePath } from '@/routes';

/** The cases the resident is a party to: only their own. */
export default function MyMediationPage() {
  const cases = useAction(mediationActions.myCases, {}, { pullDownRefresh: true });
  return (
    <PageRoot className="mediation-mine">
      <PageState
        status={cases.status}
        error={cases.error}
        onRetry={cases.reload}
        emptyTitle="您还没有调解案件"
        emptyDescription="和邻居、家人、物业有矛盾，可以申请社区民警组织调解"
        emptyAction={{ label: '申请调解', onClick: () => void Taro.navigateTo({ url: ROUTES.mediationApply }) }}
      >
        {cases.data?.map((item) => (
          <CaseRow key={item.id} item={item} onOpen={() => void Taro.navigateTo({ url: mediationCasePath(item.id) })} />
        ))}
        <Button label="申请调解" tone="plain" onClick={() => void Taro.navigateTo({ url: ROUTES.mediationApply })} />
      </PageState>
    </PageRoot>
  );
}
