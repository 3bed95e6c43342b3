/**
 * Reach per neighbourhood group: cards opened from a group carry WeChat's encrypted group data
 * (AES-128-CBC with the reader's session key, exchanged through getOpenData). Landings count per
 * group, readers once, 我已知晓 for the group they came from; officers name groups once and see
 * which named groups an alert has not reached. No group data means no group, never a guess.
 */
import { feedActions } from '@domain/actions/feed';
import { decryptOpenData, encryptOpenData, getShareInfo, LOCAL_APP_ID, shareTicketFor } from '@local-cloud/wechat';
import { persona } from '../support/cloud-harness';
import { clockedHarness, failed, ok } from '../support/clocked-harness';
import { DEMO_ARTICLE, demoArticleId } from '../support/demo-articles';

const harness = clockedHarness(new Date('2026-11-25T10:00:00+08:00'));
/** 西罗园's urgent 冒充公安 alert (its id is made when the demo publishes it). */
const alert = () => demoArticleId(harness, DEMO_ARTICLE.xlyFakePolice);
const wang = () => persona('resident-xly2').openid;
const zhao = () => persona('officer-beat-xly').openid;
const GROUP = 'tGxly2Building3';
const OTHER_GROUP = 'tGxly1Building5';

test('WeChat\'s encrypted group data: a real AES-128-CBC round trip, refused with the wrong key or app', () => {
  const sessionKey = Buffer.alloc(16, 7).toString('base64');
  const sealed = encryptOpenData(sessionKey, { openGId: GROUP, watermark: { appid: LOCAL_APP_ID, timestamp: 1 } });
  expect(sealed.encryptedData).not.toContain(GROUP);
  expect(decryptOpenData(sessionKey, sealed.encryptedData, sealed.iv, LOCAL_APP_ID)).toMatchObject({ openGId: GROUP });
  expect(() => decryptOpenData(Buffer.alloc(16, 8).toString('base64'), sealed.encryptedData, sealed.iv, LOCAL_APP_ID)).toThrow();
  expect(() => decryptOpenData(sessionKey, sealed.encryptedData, sealed.iv, 'wx-another-app')).toThrow(/watermark/);
});

test('landings count per group and readers once; 我已知晓 counts for their group; named groups not reached are listed', async () => {
  const ticket = shareTicketFor(GROUP);
  // The officer opens the card from the group and names it once.
  const named = ok(await harness.call(zhao(), feedActions.nameGroup, { stationId: 'xiluoyuan', shareCloudId: getShareInfo(zhao(), ticket).cloudID, name: '西罗园二区3号楼群', communityId: 'xly-2' }));
  ok(await harness.call(zhao(), feedActions.nameGroup, { stationId: 'xiluoyuan', shareCloudId: getShareInfo(zhao(), shareTicketFor(OTHER_GROUP)).cloudID, name: '西罗园一区5号楼群', communityId: 'xly-1' }));

  // 王阿姨 opens the alert from the group twice, then acknowledges it; a neighbour opens it once.
  const first = ok(await harness.call(wang(), feedActions.recordGroupLanding, { articleId: alert(), shareCloudId: getShareInfo(wang(), ticket).cloudID }));
  expect(first).toEqual({ counted: 'group', group: { id: named.groupId, name: '西罗园二区3号楼群' } });
  ok(await harness.call(wang(), feedActions.recordGroupLanding, { articleId: alert(), shareCloudId: getShareInfo(wang(), ticket).cloudID }));
  ok(await harness.call(wang(), feedActions.acknowledgeArticle, { id: alert() }));
  ok(await harness.call(wang(), feedActions.acknowledgeArticle, { id: alert() }));
  ok(await harness.call('openid-neighbour', feedActions.recordGroupLanding, { articleId: alert(), shareCloudId: getShareInfo('openid-neighbour', ticket).cloudID }));
  // From a 1:1 chat WeChat gives no group: counted as such.
  expect(ok(await harness.call('openid-chat-friend', feedActions.recordGroupLanding, { articleId: alert() }))).toEqual({ counted: 'noGroup' });

  const reach = ok(await harness.call(zhao(), feedActions.articleGroupReach, { stationId: 'xiluoyuan', articleId: alert() }));
  expect(reach.groups).toEqual([{ groupId: named.groupId, name: '西罗园二区3号楼群', communityName: '西罗园第二社区', opens: 3, uniqueReaders: 2, acknowledgements: 1 }]);
  expect(reach.withoutGroup).toBe(1);
  expect(reach.unreached).toEqual([expect.objectContaining({ name: '西罗园一区5号楼群', communityName: '西罗园第一社区' })]);
});

test('someone else\'s group data is not accepted: nothing is guessed', async () => {
  const stolen = getShareInfo(wang(), shareTicketFor(GROUP)).cloudID;
  expect(ok(await harness.call('openid-other-person', feedActions.recordGroupLanding, { articleId: alert(), shareCloudId: stolen }))).toEqual({ counted: 'noGroup' });
  expect(failed(await harness.call(zhao(), feedActions.nameGroup, { stationId: 'xiluoyuan', shareCloudId: stolen, name: '冒名的群', communityId: 'xly-2' })).code).toBe('EXPIRED');
  expect(failed(await harness.call(wang(), feedActions.nameGroup, { stationId: 'xiluoyuan', shareCloudId: stolen, name: '居民起的名', communityId: 'xly-2' })).code).toBe('FORBIDDEN');
});
