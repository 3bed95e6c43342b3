/**
 * 警民联系卡: the officer's mini-program code (wxacode.getUnlimited, emulated with a real QR PNG),
 * the scene it carries, and a resident scanning it: the card, the scan counts, and registering
 * the community in one tap.
 */
import { directoryActions } from '@domain/actions/directory';
import { cardIdFromScene, isValidScene, sceneForCard, SCENE_MAX_LENGTH } from '@domain/contact-card/scene';
import { getUnlimited } from '@local-cloud/wechat';
import { officerIdOf, persona, startHarness, type CloudHarness } from '../support/cloud-harness';

// Officer records are made when the demo officers redeem their invites.
const ZHAO = officerIdOf('officer-beat-xly');

let harness: CloudHarness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

const ok = <T>(result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.data;
};
const zhao = () => persona('officer-beat-xly').openid;

describe('scenes', () => {
  test('a card id makes a scene WeChat accepts, and comes back from the raw or URL-encoded query', () => {
    const scene = sceneForCard('Ab3dE9xY2k');
    expect(scene).toBe('k=Ab3dE9xY2k');
    expect(isValidScene(scene)).toBe(true);
    expect(scene.length).toBeLessThanOrEqual(SCENE_MAX_LENGTH);
    expect(cardIdFromScene(scene)).toBe('Ab3dE9xY2k');
    expect(cardIdFromScene(encodeURIComponent(scene))).toBe('Ab3dE9xY2k');
  });

  test('anything else is not a card: other keys, bad ids, malformed encoding, too long', () => {
    for (const bad of [undefined, '', 'x=Ab3dE9xY2k', 'k=short', 'k=Ab3dE9xY2k!', 'k%3', '%E0%A4%A', 'k=Ab3dE9xY2k&' + 'a'.repeat(40), 'k=中文中文中文中文中文']) {
      expect(cardIdFromScene(bad)).toBeUndefined();
    }
    expect(() => sceneForCard('bad id')).toThrow();
  });
});

describe('the emulated wxacode.getUnlimited', () => {
  test('draws a real PNG and refuses what WeChat refuses', async () => {
    const { buffer, contentType } = await getUnlimited({ scene: 'k=Ab3dE9xY2k', page: 'packages/content/pages/card/index' });
    expect(contentType).toBe('image/png');
    expect(buffer.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(buffer.readUInt32BE(16)).toBeGreaterThanOrEqual(280 - 60); // width from IHDR, a whole number of modules
    await expect(getUnlimited({ scene: 'x'.repeat(33) })).rejects.toMatchObject({ errCode: 40169 });
    await expect(getUnlimited({ scene: 'k=中文' })).rejects.toMatchObject({ errCode: 40169 });
    await expect(getUnlimited({ scene: 'k=1', page: '/pages/feed/index' })).rejects.toMatchObject({ errCode: 41030 });
    await expect(getUnlimited({ scene: 'k=1', width: 100 })).rejects.toMatchObject({ errCode: 40159 });
  });
});

describe('a beat officer\'s card', () => {
  test('the officer gets the code of their community; the same card every time', async () => {
    const first = ok(await harness.call(zhao(), directoryActions.contactCardCode, { stationId: 'xiluoyuan', communityId: 'xly-2', officerId: ZHAO }));
    expect(first.scene).toBe(`k=${first.cardId}`);
    expect(first.card).toMatchObject({ community: { id: 'xly-2' }, officer: { title: '赵警官' } });
    expect(first.codeUrl).toMatch(/^http/);
    const again = ok(await harness.call(zhao(), directoryActions.contactCardCode, { stationId: 'xiluoyuan', communityId: 'xly-2', officerId: ZHAO }));
    expect(again.cardId).toBe(first.cardId);
  });

  test('no card for a community the officer does not serve, or of another station', async () => {
    const other = await harness.call(zhao(), directoryActions.contactCardCode, { stationId: 'xiluoyuan', communityId: 'xly-1', officerId: ZHAO });
    expect(other).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const foreign = await harness.call(zhao(), directoryActions.contactCardCode, { stationId: 'changqing', communityId: 'xly-2' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const resident = await harness.call(persona('resident-xly2').openid, directoryActions.contactCardCode, { stationId: 'xiluoyuan', communityId: 'xly-2' });
    expect(resident).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('a newcomer scans it, sees the officer, registers the community in one tap; scans are counted', async () => {
    const code = ok(await harness.call(zhao(), directoryActions.contactCardCode, { stationId: 'xiluoyuan', communityId: 'xly-2', officerId: ZHAO }));
    const newcomer = 'openid-scanned-a-card';
    const card = ok(await harness.call(newcomer, directoryActions.openContactCard, { scene: encodeURIComponent(code.scene) }));
    expect(card).toMatchObject({ cardId: code.cardId, canRegister: true, isMyCommunity: false, officer: { title: '赵警官' }, post: { phone: expect.any(String) } });
    ok(await harness.call(newcomer, directoryActions.openContactCard, { scene: code.scene }));
    const me = ok(await harness.call(newcomer, directoryActions.bindHomeCommunity, { communityId: card.community.id, via: 'card' }));
    expect(me.homeCommunity?.id).toBe('xly-2');
    const after = ok(await harness.call(newcomer, directoryActions.openContactCard, { scene: code.scene }));
    expect(after).toMatchObject({ canRegister: false, isMyCommunity: true });
    ok(await harness.call(persona('resident-xly2').openid, directoryActions.openContactCard, { scene: code.scene }));

    const counted = ok(await harness.call(zhao(), directoryActions.contactCardCode, { stationId: 'xiluoyuan', communityId: 'xly-2', officerId: ZHAO }));
    expect(counted.scans - code.scans).toBe(4);
    expect(counted.uniqueScanners - code.uniqueScanners).toBe(2);
  });

  test('a scene that is no card gets a clear answer', async () => {
    const result = await harness.call('openid-curious', directoryActions.openContactCard, { scene: 'k=ZZZZZZZZZZ' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('警民联系卡') } });
  });
});
