import Taro from '@tarojs/taro';

/** Scenes of a card opened from a chat: 1007 one-to-one, 1008 group, 1044 a card with a share ticket. */
const CARD_SCENES = new Set([1007, 1008, 1044]);

/** Lets cards shared from this page carry a share ticket (so their group can be told apart). */
export function enableShareTickets(): void {
  if (typeof Taro.showShareMenu !== 'function') return;
  void Taro.showShareMenu({ withShareTicket: true, menus: ['shareAppMessage', 'shareTimeline'] } as Taro.showShareMenu.Option).catch(() => undefined);
}

/**
 * How this page was opened from a chat: `undefined` when not from a card at all; `{}` from a card
 * WeChat gives no group for; `{ cloudId }` from a group card (getShareInfo's cloudID, which only
 * the cloud function can exchange for the group's id).
 */
export async function cardOpening(): Promise<{ cloudId?: string } | undefined> {
  const options = typeof Taro.getEnterOptionsSync === 'function' ? Taro.getEnterOptionsSync() : undefined;
  if (!options || !CARD_SCENES.has(options.scene)) return undefined;
  if (!options.shareTicket) return {};
  try {
    const info = (await Taro.getShareInfo({ shareTicket: options.shareTicket })) as { cloudID?: string };
    return info.cloudID ? { cloudId: info.cloudID } : {};
  } catch {
    return {};
  }
}
