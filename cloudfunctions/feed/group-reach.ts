import { createHash } from 'node:crypto';
import type { feedActions } from '@domain/actions/feed';
import { ActionError } from '@domain/errors';
import { COLLECTIONS, type ArticleRecord, type GroupReachRecord, type GroupReaderRecord, type WechatGroupRecord } from '@platform/cloud/collections';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { currentDirectoryRecords } from '@platform/cloud/directory-records';
import { findById, findMany } from '@platform/cloud/documents';
import { inTransaction, readInTransaction, type Transaction } from '@platform/cloud/transaction';
import { groupOfShare } from '@platform/cloud/wechat-open';
import { recordStationEvent } from '@platform/cloud/station-events';
import { database } from '@platform/cloud/wx';

type GroupHandlers = Pick<Handlers<typeof feedActions>, 'recordGroupLanding' | 'nameGroup' | 'articleGroupReach'>;

/** Landings WeChat names no group for are counted under this pseudo-group. */
export const NO_GROUP = 'none';
const MAX_GROUPS_READ = 500;

/** Our id for a group: openGId is the app's stable id for it; we keep it, but key by a short hash. */
export const groupIdOf = (openGId: string): string => `g${createHash('sha256').update(openGId).digest('hex').slice(0, 20)}`;
const reachId = (articleId: string, groupId: string) => `${articleId}.${groupId}`;
const readerId = (articleId: string, userId: string) => `${articleId}.${userId}`;

/** Counts an opening on the item's reach in the group, and as an event of the item's station (its dashboard's reach per group). */
async function countOpening(transaction: Transaction, article: ArticleRecord, groupId: string, userId: string, stationId: string | undefined, now: Date): Promise<void> {
  const articleId = article._id;
  const id = reachId(articleId, groupId);
  const reach = await readInTransaction<GroupReachRecord>(transaction, COLLECTIONS.groupReach, id);
  const reader = groupId === NO_GROUP ? undefined : await readInTransaction<GroupReaderRecord>(transaction, COLLECTIONS.groupReaders, readerId(articleId, userId));
  const firstTimeHere = groupId !== NO_GROUP && !reader;
  if (firstTimeHere) await transaction.collection(COLLECTIONS.groupReaders).doc(readerId(articleId, userId)).set({ data: { articleId, userId, groupId, at: now } });
  const next: Omit<GroupReachRecord, '_id'> = reach
    ? { ...reach, opens: reach.opens + 1, uniqueReaders: reach.uniqueReaders + (firstTimeHere ? 1 : 0), lastAt: now }
    : { articleId, groupId, ...(stationId ? { stationId } : {}), opens: 1, uniqueReaders: firstTimeHere ? 1 : 0, acknowledgements: 0, firstAt: now, lastAt: now };
  const { _id: _ignored, ...data } = next as GroupReachRecord;
  await transaction.collection(COLLECTIONS.groupReach).doc(id).set({ data });
  await recordStationEvent(article.stationId, { type: 'groupLanding', articleId, groupId, newReader: firstTimeHere }, now, transaction);
}

/** 我已知晓 by a reader who came from a group counts for that group (called once per new acknowledgement). */
export async function countGroupAcknowledgement(articleId: string, userId: string, stationId: string | undefined, now: Date): Promise<void> {
  const reader = await findById<GroupReaderRecord>(COLLECTIONS.groupReaders, readerId(articleId, userId));
  if (!reader) return;
  const _ = database().command;
  await database().collection(COLLECTIONS.groupReach).doc(reachId(articleId, reader.groupId)).update({ data: { acknowledgements: _.inc(1) } });
  await recordStationEvent(stationId, { type: 'groupAck', articleId, groupId: reader.groupId }, now);
}

export const groupReachHandlers: GroupHandlers = {
  async recordGroupLanding({ articleId, shareCloudId }, context) {
    const { user } = requireUser(context);
    const article = await findById<ArticleRecord>(COLLECTIONS.articles, articleId);
    if (!article || article.status !== 'published') throw new ActionError('NOT_FOUND', '这条信息已撤回或不存在');
    const openGId = shareCloudId ? await groupOfShare(shareCloudId) : undefined;
    if (!openGId) {
      await inTransaction((transaction) => countOpening(transaction, article, NO_GROUP, user._id, undefined, context.now));
      return { counted: 'noGroup' };
    }
    const groupId = groupIdOf(openGId);
    const group = await inTransaction(async (transaction) => {
      let known = await readInTransaction<WechatGroupRecord>(transaction, COLLECTIONS.wechatGroups, groupId);
      if (!known) {
        known = { _id: groupId, openGId, firstSeenAt: context.now };
        await transaction.collection(COLLECTIONS.wechatGroups).doc(groupId).set({ data: { openGId, firstSeenAt: context.now } });
      }
      await countOpening(transaction, article, groupId, user._id, known.stationId, context.now);
      return known;
    });
    return { counted: 'group', group: { id: groupId, ...(group.name ? { name: group.name } : {}) } };
  },

  async nameGroup({ stationId, shareCloudId, name, communityId }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectoryRecords(context.now);
    if (directory.communities.get(communityId)?.stationId !== stationId) throw new ActionError('NOT_FOUND', '本所没有这个社区', { communityId: '请选择本所的社区' });
    const openGId = await groupOfShare(shareCloudId);
    if (!openGId) throw new ActionError('EXPIRED', '没能读到群信息：请从群里的卡片重新进入再起名字');
    const groupId = groupIdOf(openGId);
    await inTransaction(async (transaction) => {
      const known = await readInTransaction<WechatGroupRecord>(transaction, COLLECTIONS.wechatGroups, groupId);
      if (known?.stationId && known.stationId !== stationId) throw new ActionError('CONFLICT', '这个群已经由别的派出所登记了');
      await transaction.collection(COLLECTIONS.wechatGroups).doc(groupId).set({
        data: { openGId, firstSeenAt: known?.firstSeenAt ?? context.now, stationId, communityId, name, namedBy: user._id, namedAt: context.now },
      });
      await transaction.collection(COLLECTIONS.auditLog).add({ data: { type: 'group.named', by: user._id, stationId, groupId, communityId, at: context.now } });
    });
    return { groupId, name };
  },

  async articleGroupReach({ stationId, articleId }, context) {
    const directory = await currentDirectoryRecords(context.now);
    const [reach, named] = await Promise.all([
      findMany<GroupReachRecord>(database().collection(COLLECTIONS.groupReach).where({ articleId }).orderBy('_id', 'asc').limit(MAX_GROUPS_READ)),
      findMany<WechatGroupRecord>(database().collection(COLLECTIONS.wechatGroups).where({ stationId }).orderBy('_id', 'asc').limit(MAX_GROUPS_READ)),
    ]);
    const byId = new Map(named.map((group) => [group._id, group]));
    const missing = reach.filter((row) => row.groupId !== NO_GROUP && !byId.has(row.groupId));
    for (const group of await Promise.all(missing.map((row) => findById<WechatGroupRecord>(COLLECTIONS.wechatGroups, row.groupId)))) if (group) byId.set(group._id, group);
    const communityName = (id?: string) => (id ? directory.communities.get(id)?.name : undefined);
    const groups = reach
      .filter((row) => row.groupId !== NO_GROUP)
      .map((row) => {
        const group = byId.get(row.groupId);
        const community = communityName(group?.communityId);
        return { groupId: row.groupId, name: group?.name ?? '未命名的群', ...(community ? { communityName: community } : {}), opens: row.opens, uniqueReaders: row.uniqueReaders, acknowledgements: row.acknowledgements };
      })
      .sort((a, b) => b.uniqueReaders - a.uniqueReaders || b.opens - a.opens);
    const reached = new Set(groups.map((row) => row.groupId));
    const unreached = named
      .filter((group) => group.name && !reached.has(group._id))
      .map((group) => {
        const community = communityName(group.communityId);
        return { groupId: group._id, name: group.name!, ...(community ? { communityName: community } : {}) };
      });
    return { articleId, groups, withoutGroup: reach.find((row) => row.groupId === NO_GROUP)?.opens ?? 0, unreached };
  },
};
