/**
 * The scene of an officer's or a community's mini-program code (警民联系卡).
 *
 * `wxacode.getUnlimited` takes a scene of at most 32 visible characters from
 * `0-9 a-z A-Z !#$&'()*+,/:;=?@-._~` (no `%`, so ids cannot be URL-encoded into it), and hands it
 * back to the page as the `scene` query parameter, URL-encoded by WeChat
 * (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html).
 * So the scene names a card document by a short id (`k=Ab3dE9xY2k`); the card says which
 * community and which officer it is for, and counts its scans.
 */

export const SCENE_MAX_LENGTH = 32;
const SCENE_CHARACTERS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;

/** Card ids: 10 characters of [0-9A-Za-z], derived on the server from community and officer. */
export const CARD_ID_PATTERN = /^[0-9A-Za-z]{10}$/;
const CARD_KEY = 'k';

export const isValidScene = (scene: string): boolean => scene.length > 0 && scene.length <= SCENE_MAX_LENGTH && SCENE_CHARACTERS.test(scene);

export function sceneForCard(cardId: string): string {
  if (!CARD_ID_PATTERN.test(cardId)) throw new Error(`not a card id: ${cardId}`);
  const scene = `${CARD_KEY}=${cardId}`;
  if (!isValidScene(scene)) throw new Error(`scene not allowed by WeChat: ${scene}`);
  return scene;
}

/** Percent-decoding that answers undefined instead of throwing on a malformed sequence. */
function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * The card id in a scene as the page receives it: raw (`k=Ab3dE9xY2k`), or URL-encoded once
 * (`k%3DAb3dE9xY2k`) as WeChat passes it in the page's query. Anything else is not a card.
 */
export function cardIdFromScene(received: string | undefined): string | undefined {
  if (!received || received.length > SCENE_MAX_LENGTH * 3) return undefined;
  const scene = received.includes('%') ? safeDecode(received) : received;
  if (!scene || !isValidScene(scene)) return undefined;
  const params = new Map<string, string>();
  for (const pair of scene.split('&')) {
    const at = pair.indexOf('=');
    if (at <= 0) return undefined;
    params.set(pair.slice(0, at), pair.slice(at + 1));
  }
  const cardId = params.get(CARD_KEY);
  return cardId && CARD_ID_PATTERN.test(cardId) ? cardId : undefined;
}
