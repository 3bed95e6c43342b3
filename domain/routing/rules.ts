/**
 * Validation of a station's routing rules, shared by the admin action (which saves them) and
 * the engine's snapshot (which reads them back). Messages are for the station admin, in Chinese.
 */
import * as v from 'valibot';
import { PARSE_CONFIG } from '../actions/input-messages';
import {
  CONSULT_CATEGORIES,
  CONSULT_CATEGORY_LABELS,
  DEFAULT_ROUTING_RULES,
  PRIORITIES,
  ROUTING_TARGETS,
  type ConsultCategory,
  type RoutingRule,
  type RoutingRules,
} from './model';

const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

/** One category's rule; `label` names the category in messages. */
export const routingRuleSchema = (label: string) =>
  v.strictObject(
    {
      target: v.picklist(ROUTING_TARGETS, `请为"${label}"选择转给谁（综合服务大厅、社区民警、反诈民警或值班室）`),
      priority: v.picklist(PRIORITIES, `请为"${label}"选择优先级（紧急、优先或普通）`),
    },
    `"${label}"的规则格式不对`,
  );


/** A missing category names itself; anything else about the table's shape is one message. */
const tableMessage = (issue: v.BaseIssue<unknown>): string => {
  const key = issue.path?.[issue.path.length - 1]?.key;
  if (issue.input === undefined && typeof key === 'string' && isCategoryKey(key)) return `请为"${CONSULT_CATEGORY_LABELS[key]}"设置转交规则`;
  if (typeof key === 'string' && issue.expected === 'never') return `没有"${key}"这个咨询类别`;
  return '转交规则格式不对';
};

const isCategoryKey = (key: string): key is ConsultCategory => (CONSULT_CATEGORIES as readonly string[]).includes(key);

const tableSchema = () =>
  v.strictObject(
    Object.fromEntries(CONSULT_CATEGORIES.map((category) => [category, routingRuleSchema(CONSULT_CATEGORY_LABELS[category])])) as {
      [K in ConsultCategory]: ReturnType<typeof routingRuleSchema>;
    },
    tableMessage,
  );

/**
 * The full table: every category must have exactly one rule; unknown categories are refused.
 * Built in a pure call, so a bundle that only routes (consult) leaves the schemas out.
 */
export const RoutingRuleTableSchema = /* @__PURE__ */ tableSchema();

/** Accepts a Date or an ISO timestamp string (what the wire carries); yields a Date. */
const timestamp = () =>
  v.union(
    [
      v.date('更新时间无效'),
      v.pipe(
        v.string('更新时间无效'),
        v.isoTimestamp('更新时间无效'),
        v.transform((s) => new Date(s)),
      ),
    ],
    '更新时间无效',
  );

const rulesSchema = () =>
  v.strictObject(
    {
      stationId: v.pipe(v.string('派出所编号无效'), v.regex(ID_RE, '派出所编号无效')),
      byCategory: RoutingRuleTableSchema,
      updatedAt: timestamp(),
      updatedBy: v.pipe(v.string('修改人无效'), v.regex(ID_RE, '修改人无效')),
    },
    '转交规则格式不对',
  );

export const RoutingRulesSchema = /* @__PURE__ */ rulesSchema();

export type RoutingRulesInput = v.InferInput<typeof RoutingRulesSchema>;

export type RulesValidation =
  | { ok: true; rules: RoutingRules }
  | {
      ok: false;
      /** The first problem, ready to show. */
      message: string;
      /** Every problem by dotted path (e.g. "byCategory.fraudCheck.target") → message. */
      fields: Record<string, string>;
    };

/** Checks rules from the admin form or the database; never throws. */
export function validateRoutingRules(input: unknown): RulesValidation {
  const result = v.safeParse(RoutingRulesSchema, input, PARSE_CONFIG);
  if (result.success) return { ok: true, rules: result.output };
  const fields: Record<string, string> = {};
  for (const issue of result.issues) {
    const path = v.getDotPath(issue) ?? '';
    if (!(path in fields)) fields[path] = issue.message;
  }
  return { ok: false, message: result.issues[0]?.message ?? '转交规则格式不对', fields };
}

/** The station's rule for a category, or the default when the stored one is missing or malformed. */
export function ruleFor(table: Partial<Record<ConsultCategory, unknown>> | undefined, category: ConsultCategory): { rule: RoutingRule; fromStation: boolean } {
  const candidate = table?.[category];
  if (isRule(candidate)) return { rule: candidate, fromStation: true };
  return { rule: DEFAULT_ROUTING_RULES[category], fromStation: false };
}

function isRule(value: unknown): value is RoutingRule {
  if (typeof value !== 'object' || value === null) return false;
  const { target, priority } = value as Record<string, unknown>;
  return (ROUTING_TARGETS as readonly unknown[]).includes(target) && (PRIORITIES as readonly unknown[]).includes(priority);
}
