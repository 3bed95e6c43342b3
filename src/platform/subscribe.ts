import Taro from '@tarojs/taro';

/** Template code name → WeChat template id, embedded by the build (config/index.ts). */
declare const SUBSCRIBE_TEMPLATE_IDS: Record<string, string>;

export type SubscribeDecision = 'accept' | 'reject';

/**
 * weapp: WeChat's one-time subscription prompt. Must run inside a tap handler; each accepted
 * template lets the cloud send that person one message.
 */
export async function requestSubscription(templateIds: string[]): Promise<Record<string, SubscribeDecision>> {
  // The code names templates ('tmpl-fraud-alert'); WeChat knows them by the ids the deployment configured.
  const configured = typeof SUBSCRIBE_TEMPLATE_IDS === 'undefined' ? {} : SUBSCRIBE_TEMPLATE_IDS;
  const wechatIdOf = (name: string) => configured[name] ?? name;
  const result = (await Taro.requestSubscribeMessage({ tmplIds: templateIds.map(wechatIdOf), entityIds: [] })) as unknown as Record<string, string>;
  return Object.fromEntries(templateIds.map((name) => [name, result[wechatIdOf(name)] === 'accept' ? 'accept' : 'reject']));
}
