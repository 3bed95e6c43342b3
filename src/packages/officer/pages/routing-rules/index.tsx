import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { directoryActions } from '@domain/actions/directory';
import { CONSULT_CATEGORIES, CONSULT_CATEGORY_LABELS, PRIORITIES, PRIORITY_LABELS, ROUTING_TARGETS, ROUTING_TARGET_LABELS, type RoutingRuleTable } from '@domain/routing/model';
import { FormError, fieldMessage } from '@/components/form-error';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { ROUTES } from '@/routes';
import { ActionButton, Choice, Choices, Done, Section } from '../../components/admin-kit';
import { useMyStation } from '../../components/use-my-station';

/** Which desk or officer gets each kind of question, and how urgent it is (the 问片警 router reads this). */
function Rules({ stationId, isAdmin }: { stationId: string; isAdmin: boolean }) {
  const current = useAction(directoryActions.getRoutingRules, { stationId }, { isEmpty: () => false });
  const save = useSubmit(directoryActions.updateRoutingRules);
  const [table, setTable] = useState<RoutingRuleTable>();
  const [done, setDone] = useState<string>();
  useEffect(() => {
    if (current.data) setTable(current.data.byCategory);
  }, [current.data]);
  return (
    <PageState status={current.status} error={current.error} onRetry={current.reload}>
      {table && (
        <View>
          <Text className="admin-row__text">{current.data?.isDefault ? '本所现在使用分局的默认规则。' : '本所的规则。'}社区民警不在岗时，提问会转给同一警务区在岗的同事，再转给值班室。</Text>
          {CONSULT_CATEGORIES.map((category) => (
            <Section key={category} title={CONSULT_CATEGORY_LABELS[category]}>
              <Choices label={`${CONSULT_CATEGORY_LABELS[category]}交给`} fieldId={`routing-${category}-target`} error={fieldMessage(save.error, `byCategory.${category}.target`)}>
                {ROUTING_TARGETS.map((target) => (
                  <Choice key={target} radio label={ROUTING_TARGET_LABELS[target]} selected={table[category].target === target} onToggle={() => isAdmin && setTable({ ...table, [category]: { ...table[category], target } })} />
                ))}
              </Choices>
              <Choices label={`${CONSULT_CATEGORY_LABELS[category]}的优先级`} fieldId={`routing-${category}-priority`} error={fieldMessage(save.error, `byCategory.${category}.priority`)}>
                {PRIORITIES.map((priority) => (
                  <Choice key={priority} radio label={PRIORITY_LABELS[priority]} selected={table[category].priority === priority} onToggle={() => isAdmin && setTable({ ...table, [category]: { ...table[category], priority } })} />
                ))}
              </Choices>
            </Section>
          ))}
          <FormError error={save.error} shownAtFields={CONSULT_CATEGORIES.flatMap((category) => [`byCategory.${category}.target`, `byCategory.${category}.priority`])} />
          {isAdmin && (
            <ActionButton
              label="保存转交规则"
              pending={save.pending}
              onClick={async () => {
                const answer = await save.submit({ stationId, byCategory: table });
                if (answer) {
                  current.setData(answer);
                  setDone('转交规则已保存，新的提问马上按新规则转交');
                }
              }}
            />
          )}
          <Done text={done} />
          <ActionButton tone="plain" label="回复时限和快捷回复" onClick={() => void Taro.navigateTo({ url: ROUTES.quickReplies })} />
        </View>
      )}
    </PageState>
  );
}

export default function RoutingRulesPage() {
  const { me, stationId, isAdmin } = useMyStation();
  return (
    <PageRoot className="admin-page">
      <PageState status={me.status} error={me.error} onRetry={me.reload}>
        {stationId ? <Rules stationId={stationId} isAdmin={isAdmin} /> : <Text>仅供派出所民警使用</Text>}
      </PageState>
    </PageRoot>
  );
}
