import { actions, type ArticleSummary, type ArticleView } from '@domain/actions';
import { FEED_PAGE_SIZE } from '@domain/actions/feed';
import { ActionError } from '@domain/errors';
import { feedOrder, isLocalTo, isVisibleTo, type ReaderArea } from '@domain/feed-targeting';
import { COLLECTIONS, type ArticleRecord, type CommunityRecord, type StationRecord, type UserRecord } from '@platform/cloud/collections';
import { createCloudFunction, requireUser } from '@platform/cloud/create-function';
import { findById, findMany, isoDate } from '@platform/cloud/documents';
import { database } from '@platform/cloud/wx';

/** The newest items considered for one feed; older ones are archive material. */
const FEED_WINDOW = 300;

async function readerArea(user: UserRecord): Promise<ReaderArea> {
  if (user.homeCommunityId) {
    const community = await findById<CommunityRecord>(COLLECTIONS.communities, user.homeCommunityId);
    const station = community && (await findById<StationRecord>(COLLECTIONS.stations, community.stationId));
    if (community && station) return { communityId: community._id, stationId: station._id, districtId: station.districtId };
  }
  if (user.stationId) return { stationId: user.stationId, districtId: user.districtId };
  return user.districtId ? { districtId: user.districtId } : {};
}

function summaryOf(article: ArticleRecord, reader: ReaderArea): ArticleSummary {
  return {
    id: article._id,
    kind: article.kind,
    title: article.title,
    summary: article.summary,
    fraudTypes: [...article.fraudTypes],
    audiences: [...article.audiences],
    urgent: article.urgent,
    publisher: article.publisher,
    local: isLocalTo(article, reader),
    publishedAt: isoDate(article.publishedAt),
  };
}

/** The anti-fraud feed: alerts, cases and knowledge for the reader's area. */
export const main = createCloudFunction(actions.feed, {
  async listArticles({ fraudType, page }, context) {
    const reader = await readerArea(requireUser(context).user);
    const filter: Record<string, unknown> = { status: 'published' };
    if (fraudType) filter.fraudTypes = fraudType;
    const recent = await findMany<ArticleRecord>(
      database().collection(COLLECTIONS.articles).where(filter).orderBy('publishedAt', 'desc').field({ body: false }).limit(FEED_WINDOW),
    );
    const visible = recent.filter((article) => isVisibleTo(article, reader)).sort(feedOrder(reader));
    const start = page * FEED_PAGE_SIZE;
    return {
      items: visible.slice(start, start + FEED_PAGE_SIZE).map((article) => summaryOf(article, reader)),
      hasMore: visible.length > start + FEED_PAGE_SIZE,
    };
  },

  async getArticle({ id }, context) {
    const reader = await readerArea(requireUser(context).user);
    const article = await findById<ArticleRecord>(COLLECTIONS.articles, id);
    // Shared cards travel between groups: an item from another area is still readable, a withdrawn one is not.
    if (!article || article.status !== 'published') throw new ActionError('NOT_FOUND', '这条信息已撤回或不存在');
    const view: ArticleView = { ...summaryOf(article, reader), body: [...article.body] };
    return view;
  },
});
