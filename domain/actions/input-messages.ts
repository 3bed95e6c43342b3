import * as v from 'valibot';

/**
 * The Chinese wording for any input problem a schema has no message of its own for. valibot's
 * defaults are English ("Invalid key: Expected \"slotId\" but received undefined"): a missing or
 * unknown key of a strictObject, a pipe step written without a message. Every parse of an action's
 * input goes through PARSE_CONFIG, so nothing a person can see is left in English.
 */
export function chineseIssueMessage(issue: v.BaseIssue<unknown>): string {
  const isObject = issue.type === 'object' || issue.type === 'strict_object' || issue.type === 'loose_object';
  if (isObject && issue.expected === 'never') return '提交的内容里有多余的项目，请更新小程序后再试';
  if (isObject && issue.input === undefined && issue.path?.length) return '缺少必填的内容，请检查后再试';
  if (isObject) return '提交的内容格式不正确，请更新小程序后再试';
  if (issue.kind === 'schema') return '填写的内容格式不正确';
  return '填写的内容不符合要求，请检查后再试';
}

/** Config for every safeParse of user input: the message fallback above, in Chinese. */
export const PARSE_CONFIG: v.Config<v.BaseIssue<unknown>> = { lang: 'zh-CN', message: chineseIssueMessage };

/** Problems by dotted field path ("_" for the whole input), the first message of each. */
export function fieldErrorsOf(issues: readonly v.BaseIssue<unknown>[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path?.map((item) => String(item.key)).join('.') || '_';
    fields[path] ??= issue.message;
  }
  return fields;
}
