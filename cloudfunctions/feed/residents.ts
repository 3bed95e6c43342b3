import type { ArticleView, feedActions, PinnedAlerts, SharedArticleView } from '@domain/actions/feed';
import { countGroupAcknowledgement } from './group-reach';
import { addAcknowledgementIn, ackCountsOf } from './ack-counts';
import { FEED_PAGE_SIZE } from '@domain/actions/feed';
import { ActionError } from '@domain/errors';
import { keywordKeysOf } from '@domain/search-keys';
import { decodeCursor, encodeCursor, isAfterCursor, readerFilterKeys, shareFromOf, type ReaderArea } from '@domain/feed-targeting';
import { COLLECTIONS, type AlertSubscriptionRecord, type ArticleAckRecord, type ArticleRecord } from '@platform/cloud/collections';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { currentDirectoryRecords, type DirectoryRecords } from '@platform/cloud/directory-records';
import { findById, findMany, insert } from '@platform/cloud/documents';
import { inContendedTransaction, inTransaction, readInTransaction } from '@platform/cloud/transaction';
import { recordStationEvent } from '@platform/cloud/station-events';
import { database } from '@platform/cloud/wx';
import { counterPath, feedKeysFor, readerArea, SUMMARY_PROJECTION, summariesOf, temporaryUrls, summaryOf } from './reader';

type ResidentHandlers = Pick<
  Handlers<typeof feedActions>,
  'listArticles' | 'listPinned' | 'getArticle' | 'readSharedArticle' | 'shareArticle' | 'acknowledgeArticle' | 'subscribeAlerts'
>;

/** At most this many pinned alerts: a pinned wall nobody scrolls past helps no one. */
const MAX_PINNED = 5;
/** Unexpired pins read to pick the newest MAX_PINNED from (a station has a few at a time). */
const MAX_PINNED_READ = 50;
/** Largest batch read while skipping items that share the cursor's exact publish time. */
const MAX_BATCH = 1000;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function publishedArticle(id: string): Promise<ArticleRecord> {
  const article = await findById<ArticleRecord>(COLLECTIONS.articles, id);
  // Shared cards travel between groups: an item from another area is still readable, a withdrawn one is not.
  if (!article || article.status !== 'published') throw new ActionError('NOT_FOUND', '这条信息已撤回或不存在');
  return article;
}

/**
 * Opens an item: "N人看过" counts people, so a signed-in reader is counted on their first opening
 * only (add() refuses a second document with the same id, as CloudBase does); a visitor without
 * identity is not counted. A card opened from a group counts for the area it was shared from.
 */
async function openArticle(
  id: string,
  from: string | undefined,
  area: ReaderArea,
  now: Date,
  readerId?: string,
): Promise<{ article: ArticleRecord; view: SharedArticleView }> {
  const article = await publishedArticle(id);
  const _ = database().command;
  const firstOpening = readerId
    ? await insert(COLLECTIONS.articleReaders, { _id: `${id}__${readerId}`, articleId: id, userId: readerId, at: now, ...(article.stationId ? { stationId: article.stationId } : {}) }).then(
        () => true,
        () => false,
      )
    : false;
  const counts: Record<string, unknown> = firstOpening ? { views: _.inc(1) } : {};
  if (from) counts[counterPath('landingsByArea', from)] = _.inc(1);
  if (Object.keys(counts).length > 0) await database().collection(COLLECTIONS.articles).doc(id).update({ data: counts });
  if (from) await recordStationEvent(article.stationId, { type: 'landing', articleId: id }, now);
  const urls = article.images.length > 0 ? await temporaryUrls(article.images) : new Map<string, string>();
  const view: SharedArticleView = {
    ...summaryOf({ ...article, views: (article.views ?? 0) + (firstOpening ? 1 : 0) }, area, now, urls),
    body: [...article.body],
    tips: [...article.tips],
    imageUrls: article.images.flatMap((file) => (urls.has(file) ? [urls.get(file) as string] : [])),
    acknowledgements: article.kind === 'alert' ? ((await ackCountsOf([{ ...article, _id: id }])).get(id)?.total ?? 0) : (article.acknowledgements ?? 0),
  };
  return { article, view };
}

async function subscriptionView(userId: string, directory: DirectoryRecords): Promise<PinnedAlerts['subscription']> {
  const subscription = await findById<AlertSubscriptionRecord>(COLLECTIONS.alertSubscriptions, userId);
  const community = subscription ? directory.communities.get(subscription.communityId) : undefined;
  return { remaining: subscription?.remaining ?? 0, ...(community ? { communityName: community.name } : {}) };
}

/** The reader's area key for counters: community, else station, else none. */
const counterAreaOf = (area: ReaderArea): string | undefined => shareFromOf(area);

export const residentHandlers: ResidentHandlers = {
  async listArticles({ fraudType, audience, kind, keyword, cursor }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectoryRecords(context.now);
    const area = readerArea(user, directory);
    const _ = database().command;
    const after = cursor ? decodeCursor(cursor) : undefined;
    if (cursor && !after) throw new ActionError('INVALID_INPUT', '翻页位置无效，请下拉刷新');

    // The indexed shape (cloudbase/database-indexes.json, feed_by_filter_key): `in` on the reader's
    // area keys combined with the filter, newest first, then _id.
    const keys = readerFilterKeys(feedKeysFor(area, directory), { fraudType, audience });
    const where: Record<string, unknown> = { status: 'published', filterKeys: _.in(keys) };
    if (kind) where.kind = kind;
    if (keyword) {
      // The search index (articles.search_by_key) finds the articles holding every key of the
      // keyword by walking the rarest key's list; the substring test then runs on those only.
      const keys = keywordKeysOf(keyword);
      if (keys.length > 0) where.searchKeys = _.all(keys);
      where.searchText = database().RegExp({ regexp: escapeRegExp(keyword.toLowerCase()), options: '' });
    }
    if (after) where.publishedAt = _.lte(after.publishedAt);

    // Items published at the cursor's exact millisecond may sit before it: read past them.
    let batch = FEED_PAGE_SIZE + 1;
    for (;;) {
      const found = await findMany<ArticleRecord>(
        database().collection(COLLECTIONS.articles).where(where).orderBy('publishedAt', 'desc').orderBy('_id', 'desc').field(SUMMARY_PROJECTION).limit(batch),
      );
      const page = after ? found.filter((article) => isAfterCursor({ publishedAt: article.publishedAt, id: article._id }, after)) : found;
      if (page.length > FEED_PAGE_SIZE || found.length < batch || batch >= MAX_BATCH) {
        const items = page.slice(0, FEED_PAGE_SIZE);
        const last = items[items.length - 1];
        return {
          items: await summariesOf(items, area, context.now),
          ...(page.length > FEED_PAGE_SIZE && last ? { nextCursor: encodeCursor({ publishedAt: last.publishedAt, id: last._id }) } : {}),
        };
      }
      batch = Math.min(batch * 4, MAX_BATCH);
    }
  },

  async listPinned(_input, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectoryRecords(context.now);
    const area = readerArea(user, directory);
    const _ = database().command;
    // pins_by_target walks the reader's pins by expiry, latest first, and stops at the first one
    // already expired: expired pins, however many accumulate, are never read.
    const unexpired = await findMany<ArticleRecord>(
      database()
        .collection(COLLECTIONS.articles)
        .where({ status: 'published', pinKeys: _.in(feedKeysFor(area, directory)), pinnedUntil: _.gt(context.now) })
        .orderBy('pinnedUntil', 'desc')
        .orderBy('_id', 'desc')
        .field(SUMMARY_PROJECTION)
        .limit(MAX_PINNED_READ),
    );
    // Shown newest first.
    const found = unexpired.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a._id < b._id ? 1 : -1)).slice(0, MAX_PINNED);
    return { items: await summariesOf(found, area, context.now), subscription: await subscriptionView(user._id, directory) };
  },

  async getArticle({ id, from }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectoryRecords(context.now);
    const area = readerArea(user, directory);
    const { view } = await openArticle(id, from, area, context.now, user._id);
    const ack = await findById<ArticleAckRecord>(COLLECTIONS.articleAcks, `${id}__${user._id}`);
    const shareFrom = shareFromOf(area);
    const full: ArticleView = { ...view, acknowledged: ack !== undefined, ...(shareFrom ? { shareFrom } : {}) };
    return full;
  },

  /** 朋友圈's single-page mode has no identity: the text only, nothing about the reader. */
  async readSharedArticle({ id, from }, context) {
    const { view } = await openArticle(id, from, {}, context.now);
    return view;
  },

  async shareArticle({ id }, context) {
    const { user } = requireUser(context);
    const article = await publishedArticle(id);
    const area = readerArea(user, await currentDirectoryRecords(context.now));
    const _ = database().command;
    const counts: Record<string, unknown> = { shares: _.inc(1) };
    const areaKey = counterAreaOf(area);
    if (areaKey) counts[counterPath('sharesByArea', areaKey)] = _.inc(1);
    await database().collection(COLLECTIONS.articles).doc(id).update({ data: counts });
    await recordStationEvent(article.stationId, { type: 'share', articleId: id }, context.now);
    const after = await findById<ArticleRecord>(COLLECTIONS.articles, id);
    return { shares: after?.shares ?? 0 };
  },

  async acknowledgeArticle({ id }, context) {
    const { user } = requireUser(context);
    const area = readerArea(user, await currentDirectoryRecords(context.now));
    const ackId = `${id}__${user._id}`;
    let acknowledgedNow = false;
    const article = await inContendedTransaction(async (transaction) => {
      // Read only: acknowledgements never write the article (ack-counts.ts), so they do not contend for it.
      const current = await readInTransaction<ArticleRecord>(transaction, COLLECTIONS.articles, id);
      if (!current || current.status !== 'published') throw new ActionError('NOT_FOUND', '这条信息已撤回或不存在');
      if (current.kind !== 'alert') throw new ActionError('INVALID_INPUT', '只有预警需要点“我已知晓”');
      const existing = await readInTransaction<ArticleAckRecord>(transaction, COLLECTIONS.articleAcks, ackId);
      // A second tap (or a retried request) counts once.
      acknowledgedNow = !existing;
      if (existing) return current;
      const areaKey = counterAreaOf(area);
      const ack: Omit<ArticleAckRecord, '_id'> = { articleId: id, userId: user._id, at: context.now, ...(areaKey ? { areaKey } : {}), ...(current.stationId ? { stationId: current.stationId } : {}) };
      await transaction.collection(COLLECTIONS.articleAcks).doc(ackId).set({ data: ack });
      await addAcknowledgementIn(transaction, id, user._id, areaKey);
      return current;
    }, () => new ActionError('RATE_LIMITED', '现在点“我已知晓”的人很多，请稍等几秒再点一次'));
    // A reader who came from a neighbourhood group counts for that group too.
    if (acknowledgedNow) await countGroupAcknowledgement(id, user._id, article.stationId, context.now);
    const counts = await ackCountsOf([{ ...article, _id: id }]);
    return { acknowledgements: counts.get(id)?.total ?? 0 };
  },

  async subscribeAlerts({ accepted }, context) {
    const { user, openid } = requireUser(context);
    const directory = await currentDirectoryRecords(context.now);
    const community = user.homeCommunityId ? directory.communities.get(user.homeCommunityId) : undefined;
    if (!community) throw new ActionError('INVALID_INPUT', '请先在“我的”里设置您所在的社区，才能收到本社区的紧急预警');
    await inTransaction(async (transaction) => {
      const current = await readInTransaction<AlertSubscriptionRecord>(transaction, COLLECTIONS.alertSubscriptions, user._id);
      // A move to another community carries the credits along: they are WeChat's, per person.
      const record: Omit<AlertSubscriptionRecord, '_id'> = {
        openid,
        communityId: community._id,
        stationId: community.stationId,
        remaining: (current?.remaining ?? 0) + accepted,
        acceptedAt: context.now,
        // Kept across later acceptances: the dashboard counts a subscriber from the day they first opted in, whenever it rolls that day up.
        subscribedAt: current?.subscribedAt ?? current?.acceptedAt ?? context.now,
      };
      await transaction.collection(COLLECTIONS.alertSubscriptions).doc(user._id).set({ data: record });
    });
    return subscriptionView(user._id, directory);
  },
};
