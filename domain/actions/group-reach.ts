import * as v from 'valibot';
import { action, id, text } from './define';

/**
 * Reach per neighbourhood group (西警便民群): a card opened from a group carries WeChat's share
 * ticket; the phone trades it for a cloudID (wx.getShareInfo), and the function asks WeChat for
 * the group's openGId (cloud.getOpenData). Where WeChat gives no group (1:1 chats, 朋友圈) the
 * landing counts as such; nothing is guessed.
 */

export interface GroupLandingView {
  /** The group the card came from, when WeChat said so (and whether an officer has named it). */
  group?: { id: string; name?: string };
  counted: 'group' | 'noGroup';
}

export interface GroupReachRowView {
  groupId: string;
  name: string;
  communityName?: string;
  opens: number;
  uniqueReaders: number;
  acknowledgements: number;
}

export interface ArticleGroupReachView {
  articleId: string;
  groups: GroupReachRowView[];
  /** Landings from chats and 朋友圈, where WeChat names no group. */
  withoutGroup: number;
  /** The station's named groups this item has not reached yet: where to post it next. */
  unreached: { groupId: string; name: string; communityName?: string }[];
}

/** WeChat's cloudID strings: letters, digits, `_` and `-`, a few dozen characters. */
const cloudId = v.pipe(v.string('群信息无效'), v.regex(/^[A-Za-z0-9_-]{8,200}$/, '群信息无效'));

/** Feed-function actions (spread into its table). */
export const groupReachSpecs = {
  recordGroupLanding: action<GroupLandingView>()({
    summary: '从群里打开的卡片：记下来自哪个群（微信给出群信息时），按群统计打开和阅读人数',
    input: v.strictObject({ articleId: id('文章'), shareCloudId: v.optional(cloudId) }),
    policy: 'signedIn',
  }),
  nameGroup: action<{ groupId: string; name: string }>()({
    summary: '民警从群里的卡片进入后，给这个群起名字并关联社区（只需一次）',
    input: v.strictObject({ stationId: id('派出所'), shareCloudId: cloudId, name: text('群名称', 30), communityId: id('社区') }),
    policy: 'stationStaff',
    stationOf: (input: { stationId: string }) => input.stationId,
  }),
  articleGroupReach: action<ArticleGroupReachView>()({
    summary: '一条信息在各个群的打开、阅读人数和“我已知晓”，以及还没发到的群',
    input: v.strictObject({ stationId: id('派出所'), articleId: id('文章') }),
    policy: 'stationStaff',
    stationOf: (input: { stationId: string }) => input.stationId,
  }),
};
