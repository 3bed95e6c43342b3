import Taro from '@tarojs/taro';

export type SubscribeDecision = 'accept' | 'reject';

/**
 * weapp: WeChat's one-time subscription prompt. Must run inside a tap handler; each accepted
 * template lets the cloud send that person one message.
 */
export async function requestSubscription(templateIds: string[]): Promise<Record<string, SubscribeDecision>> {
  const result = (await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] })) as unknown as Record<string, string>;
  return Object.fromEntries(templateIds.map((id) => [id, result[id] === 'accept' ? 'accept' : 'reject']));
}
