import * as v from 'valibot';
import { CONSULT_CATEGORIES, CONSULT_CATEGORY_LABELS, DEFAULT_ROUTING_RULES, RoutingRulesSchema, ruleFor, validateRoutingRules } from '@domain/routing';

const valid = () => ({
  stationId: 's-xly',
  byCategory: { ...DEFAULT_ROUTING_RULES, dispute: { target: 'dutyDesk', priority: 'high' } },
  updatedAt: new Date('2026-03-01T09:00:00+08:00'),
  updatedBy: 'u-admin',
});

test('every category has a label and a default rule, as the brief sets them', () => {
  expect(Object.keys(CONSULT_CATEGORY_LABELS).sort()).toEqual([...CONSULT_CATEGORIES].sort());
  expect(CONSULT_CATEGORY_LABELS.fraudCheck).toBe('反诈咨询/转账核实');
  expect(DEFAULT_ROUTING_RULES).toEqual({
    household: { target: 'hallDesk', priority: 'normal' },
    exitEntry: { target: 'hallDesk', priority: 'normal' },
    residencePermit: { target: 'hallDesk', priority: 'normal' },
    dispute: { target: 'beatOfficer', priority: 'normal' },
    other: { target: 'beatOfficer', priority: 'normal' },
    publicSecurity: { target: 'beatOfficer', priority: 'high' },
    fraudCheck: { target: 'antiFraudOfficer', priority: 'urgent' },
  });
  expect(Object.isFrozen(DEFAULT_ROUTING_RULES)).toBe(true);
});

test('valid rules pass; an ISO timestamp from the wire becomes a Date', () => {
  const result = validateRoutingRules(valid());
  expect(result).toEqual({ ok: true, rules: valid() });

  const fromWire = validateRoutingRules({ ...valid(), updatedAt: '2026-03-01T01:00:00.000Z' });
  expect(fromWire.ok && fromWire.rules.updatedAt).toEqual(new Date('2026-03-01T01:00:00.000Z'));
});

test('the schema is exported for the admin action', () => {
  expect(v.is(RoutingRulesSchema, valid())).toBe(true);
  expect(v.is(RoutingRulesSchema, { ...valid(), extra: 1 })).toBe(false);
});

test('a bad target or priority is named by its category, in Chinese', () => {
  const result = validateRoutingRules({ ...valid(), byCategory: { ...DEFAULT_ROUTING_RULES, dispute: { target: 'mayor', priority: 'asap' } } });
  expect(result).toEqual({
    ok: false,
    message: '请为"纠纷调解"选择转给谁（综合服务大厅、社区民警、反诈民警或值班室）',
    fields: {
      'byCategory.dispute.target': '请为"纠纷调解"选择转给谁（综合服务大厅、社区民警、反诈民警或值班室）',
      'byCategory.dispute.priority': '请为"纠纷调解"选择优先级（紧急、优先或普通）',
    },
  });
});

test('every category needs a rule; unknown categories are refused', () => {
  const { fraudCheck: _dropped, ...rest } = DEFAULT_ROUTING_RULES;
  const result = validateRoutingRules({ ...valid(), byCategory: { ...rest, parking: { target: 'dutyDesk', priority: 'normal' } } });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.fields['byCategory.fraudCheck']).toBe('请为"反诈咨询/转账核实"设置转交规则');
  expect(result.fields['byCategory.parking']).toBe('没有"parking"这个咨询类别');
});

test('station, editor and time are checked', () => {
  const result = validateRoutingRules({ ...valid(), stationId: '西罗园', updatedBy: '', updatedAt: 'yesterday' });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.fields).toEqual({ stationId: '派出所编号无效', updatedBy: '修改人无效', updatedAt: '更新时间无效' });
});

test('anything that is not rules at all gets one message', () => {
  expect(validateRoutingRules(null)).toEqual({ ok: false, message: '转交规则格式不对', fields: { '': '转交规则格式不对' } });
  expect(validateRoutingRules({ ...valid(), byCategory: 'all to duty desk' }).ok).toBe(false);
});

test('ruleFor: the station rule, else the default for a missing or malformed entry', () => {
  expect(ruleFor({ dispute: { target: 'dutyDesk', priority: 'high' } }, 'dispute')).toEqual({ rule: { target: 'dutyDesk', priority: 'high' }, fromStation: true });
  expect(ruleFor({ dispute: { target: 'nobody', priority: 'high' } }, 'dispute')).toEqual({ rule: DEFAULT_ROUTING_RULES.dispute, fromStation: false });
  expect(ruleFor({}, 'fraudCheck')).toEqual({ rule: DEFAULT_ROUTING_RULES.fraudCheck, fromStation: false });
  expect(ruleFor(undefined, 'household')).toEqual({ rule: DEFAULT_ROUTING_RULES.household, fromStation: false });
});
