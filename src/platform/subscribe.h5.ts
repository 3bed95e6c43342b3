import { askToConfirm } from '@/components/confirm-dialog/state';
import type { SubscribeDecision } from './subscribe';

export type { SubscribeDecision } from './subscribe';

/**
 * H5 (local mode): WeChat's prompt does not exist in a browser, so we ask in the app's own dialog
 * (readable in 长辈模式, named buttons, focus moved in and back) and tell the local cloud, which then allows one send per acceptance exactly like WeChat.
 */
export async function requestSubscription(templateIds: string[]): Promise<Record<string, SubscribeDecision>> {
  const confirm = await askToConfirm({ title: '接收消息提醒', content: '允许“枫桥邻警”给您发送一次提醒消息？', confirmText: '允许', cancelText: '拒绝' });
  const decisions = Object.fromEntries(templateIds.map((id) => [id, confirm ? 'accept' : 'reject'])) as Record<string, SubscribeDecision>;
  await fetch('/__local/subscribe', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ decisions }),
  });
  return decisions;
}
