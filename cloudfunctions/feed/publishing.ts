import { ackCountsOf, type AckCounts } from './ack-counts';
import { assertOwnUploads } from '@platform/cloud/media';
import type * as v from 'valibot';
import type { articleDraft, ArticleStatsView, feedActions, StationArticleView } from '@domain/actions/feed';
import { FEED_PAGE_SIZE } from '@domain/actions/feed';
import { ActionError } from '@domain/errors';
import {
  areaKey,
  decodeCursor,
  encodeCursor,
  filterKeysOf,
  isAfterCursor,

  searchFieldsOf,
  TARGET_SCOPE_LABELS,
  targetKeysOf,
  type FeedTarget,
} from '@domain/feed-targeting';
import { plainText } from '@domain/rich-text';
import type { Actor } from '@domain/roles';
import { COLLECTIONS, newArticleCounters, type ArticleRecord } from '@platform/cloud/collections';
import { assertTextIsSafe } from '@platform/cloud/content-security';
import { requireUser, type ActionContext, type Handlers } from '@platform/cloud/create-function';
import { currentDirectoryRecords, type DirectoryRecords } from '@platform/cloud/directory-records';
import { findById, findMany, isoDate, updated } from '@platform/cloud/documents';
import { database } from '@platform/cloud/wx';
import { PUBLISH_SEND_BUDGET_MS, queueAlertFanout, sendQueuedAlerts } from './alert-fanout';
import { counterOf, summaryOf } from './reader';

type PublishingHandlers = Pick<
  Handlers<typeof feedActions>,
  'publishArticle' | 'updateArticle' | 'withdrawArticle' | 'getDraft' | 'listStationArticles' | 'articleStats'
>;

type Draft = v.InferOutput<typeof articleDraft>;

const DEFAULT_PIN_HOURS = 72;

/**
 * Who may aim an item where: a station's anti-fraud and beat officers and its admins publish for
 * their station or its communities (the antiFraudStaff policy); the whole district or city only
 * a district admin, because it reaches every station's residents.
 */
function resolveTarget(draft: Draft, stationId: string, actor: Actor, directory: DirectoryRecords): FeedTarget {
  const station = directory.stations.get(stationId);
  const district = station ? directory.districts.get(station.districtId) : undefined;
  if (!station || !district) throw new ActionError('NOT_FOUND', '没有找到这个派出所');
  const wide = draft.target.scope === 'city' || draft.target.scope === 'district';
  if (wide && !(actor.type === 'user' && actor.role === 'districtAdmin')) {
    throw new ActionError('FORBIDDEN', '全区、全市范围的信息由分局统一发布');
  }
  switch (draft.target.scope) {
    case 'city':
      return { scope: 'city', city: district.city };
    case 'district':
      return { scope: 'district', districtId: district._id };
    case 'station':
      return { scope: 'station', stationId };
    case 'communities': {
      const foreign = draft.target.communityIds.filter((id) => directory.communities.get(id)?.stationId !== stationId);
      if (foreign.length > 0) throw new ActionError('INVALID_INPUT', '只能选择本所辖区内的社区', { 'draft.target': '只能选择本所辖区内的社区' });
      return { scope: 'communities', stationId, communityIds: [...new Set(draft.target.communityIds)] };
    }
  }
}

function publisherOf(target: FeedTarget, stationId: string, directory: DirectoryRecords): string {
  const station = directory.stations.get(stationId);
  if (target.scope === 'city' || target.scope === 'district') return directory.districts.get(station?.districtId ?? '')?.name ?? '公安分局';
  return station?.name ?? '派出所';
}

/** The communities whose residents an item reaches (for alert messages and per-community stats). */
function communitiesReached(target: FeedTarget, directory: DirectoryRecords): string[] {
  const all = [...directory.communities.values()];
  const stationOf = (communityId: string) => directory.stations.get(directory.communities.get(communityId)?.stationId ?? '');
  switch (target.scope) {
    case 'communities':
      return target.communityIds;
    case 'station':
      return all.filter((community) => community.stationId === target.stationId).map((community) => community._id);
    case 'district':
      return all.filter((community) => stationOf(community._id)?.districtId === target.districtId).map((community) => community._id);
    case 'city':
      return all.filter((community) => directory.districts.get(stationOf(community._id)?.districtId ?? '')?.city === target.city).map((community) => community._id);
  }
}

function targetLabel(target: FeedTarget, directory: DirectoryRecords): string {
  if (target.scope !== 'communities') return TARGET_SCOPE_LABELS[target.scope];
  return target.communityIds.map((id) => directory.communities.get(id)?.name ?? id).join('、');
}

/** msgSecCheck takes at most 2,500 characters per call. */
const SEC_CHECK_MAX_CHARS = 2500;

/** Paragraphs packed into as few msgSecCheck calls as fit (a paragraph is at most 500 characters). */
export function contentChunks(parts: readonly string[], max = SEC_CHECK_MAX_CHARS): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const part of parts) {
    const joined = current ? `${current}\n${part}` : part;
    if ([...joined].length <= max) current = joined;
    else {
      if (current) chunks.push(current);
      current = part;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

async function checkContent(openid: string, draft: Draft): Promise<void> {
  // Everything a resident will read; scene 3 = a public post. One rejected chunk rejects the item.
  for (const chunk of contentChunks([draft.title, draft.summary, ...draft.body, ...draft.tips])) await assertTextIsSafe(openid, chunk, 3);
}

/** The stored fields a draft decides (the same for a new item and an edit). */
function draftFields(draft: Draft, target: FeedTarget, now: Date, pinnedUntil: Date | undefined) {
  const targetKeys = targetKeysOf(target);
  const pinned = draft.urgent && pinnedUntil !== undefined && pinnedUntil > now;
  const fraudTypes = [...new Set(draft.fraudTypes)];
  const audiences = [...new Set(draft.audiences)];
  return {
    kind: draft.kind,
    title: draft.title,
    summary: draft.summary,
    body: draft.body,
    tips: draft.tips,
    images: draft.images,
    fraudTypes,
    audiences,
    target,
    targetKeys,
    filterKeys: filterKeysOf(targetKeys, fraudTypes, audiences),
    pinKeys: pinned ? targetKeys : [],
    urgent: draft.urgent,
    ...searchFieldsOf([draft.title, draft.summary, ...draft.body.map(plainText), ...draft.tips]),
  };
}

async function ownArticle(id: string, stationId: string): Promise<ArticleRecord> {
  const article = await findById<ArticleRecord>(COLLECTIONS.articles, id);
  // Another station's item is as good as absent: its existence is not this officer's business.
  if (!article || article.stationId !== stationId) throw new ActionError('NOT_FOUND', '没有找到这条信息');
  return article;
}

/**
 * An urgent alert goes to every resident of the communities it reaches who accepted one
 * (WeChat's one-time subscription: one acceptance, one message), through the outbox in
 * ./alert-fanout.ts: queued here, the first messages sent within a second, the rest by the
 * `sendAlertMessages` timer in bounded runs.
 */
async function notifySubscribers(article: ArticleRecord & { _id: string }, directory: DirectoryRecords, now: Date): Promise<number> {
  const communities = communitiesReached(article.target, directory);
  if (communities.length === 0) return 0;
  await queueAlertFanout(article, communities, now);
  const first = await sendQueuedAlerts({ budgetMs: PUBLISH_SEND_BUDGET_MS, onlyJob: article._id });
  return first.sent;
}

function stationArticleView(article: ArticleRecord, directory: DirectoryRecords, now: Date, acks: Map<string, AckCounts>): StationArticleView {
  return {
    ...summaryOf(article, {}, now, new Map()),
    status: article.status,
    targetScope: article.target.scope,
    targetLabel: targetLabel(article.target, directory),
    shares: article.shares ?? 0,
    acknowledgements: acks.get(article._id)?.total ?? article.acknowledgements ?? 0,
    ...(article.pinnedUntil ? { pinnedUntil: isoDate(article.pinnedUntil) } : {}),
  };
}

const pinUntil = (draft: Draft, now: Date): Date | undefined =>
  draft.urgent ? new Date(now.getTime() + (draft.pinHours ?? DEFAULT_PIN_HOURS) * 3_600_000) : undefined;

function authorOf(context: ActionContext): string {
  return requireUser(context).user._id;
}

export const publishingHandlers: PublishingHandlers = {
  async publishArticle({ stationId, draft }, context) {
    const { user, openid } = requireUser(context);
    const directory = await currentDirectoryRecords(context.now);
    const target = resolveTarget(draft, stationId, context.actor, directory);
    await checkContent(openid, draft);
    await assertOwnUploads(user._id, 'article', draft.images, context.now);
    const station = directory.stations.get(stationId);
    const pinnedUntil = pinUntil(draft, context.now);
    const record: Omit<ArticleRecord, '_id'> = {
      ...draftFields(draft, target, context.now, pinnedUntil),
      ...(pinnedUntil ? { pinnedUntil } : {}),
      districtId: station?.districtId ?? '',
      stationId,
      status: 'published',
      publisher: publisherOf(target, stationId, directory),
      publishedAt: context.now,
      updatedAt: context.now,
      authorId: authorOf(context),
      ...newArticleCounters(),
    };
    const { _id } = (await database().collection(COLLECTIONS.articles).add({ data: record })) as { _id: string };
    const notified = record.pinKeys.length > 0 ? await notifySubscribers({ ...record, _id }, directory, context.now) : 0;
    return { id: _id, notified };
  },

  async updateArticle({ stationId, id, draft }, context) {
    const { user, openid } = requireUser(context);
    const directory = await currentDirectoryRecords(context.now);
    const article = await ownArticle(id, stationId);
    const target = resolveTarget(draft, stationId, context.actor, directory);
    await checkContent(openid, draft);
    // Images already on the item stay (a colleague may have added them); new ones must be the editor's own.
    await assertOwnUploads(user._id, 'article', draft.images.filter((fileId) => !article.images.includes(fileId)), context.now);
    // Keeping an urgent item urgent keeps its pin; making it urgent now starts one.
    const pinnedUntil = draft.urgent ? (draft.pinHours ? pinUntil(draft, context.now) : (article.pinnedUntil ?? pinUntil(draft, context.now))) : undefined;
    const _ = database().command;
    const fields = draftFields(draft, target, context.now, pinnedUntil);
    const changed = await updated(
      database()
        .collection(COLLECTIONS.articles)
        .where({ _id: id, stationId })
        .update({
          data: {
            ...fields,
            pinKeys: article.status === 'published' ? fields.pinKeys : [],
            pinnedUntil: pinnedUntil ?? _.remove(),
            publisher: publisherOf(target, stationId, directory),
            updatedAt: context.now,
          },
        }),
    );
    if (changed !== 1) throw new ActionError('NOT_FOUND', '没有找到这条信息');
    return { id };
  },

  async withdrawArticle({ stationId, id }, context) {
    await ownArticle(id, stationId);
    await database()
      .collection(COLLECTIONS.articles)
      .where({ _id: id, stationId })
      .update({ data: { status: 'withdrawn', pinKeys: [], updatedAt: context.now } });
    return { id };
  },

  async getDraft({ stationId, id }) {
    const article = await ownArticle(id, stationId);
    const target: Draft['target'] =
      article.target.scope === 'communities' ? { scope: 'communities', communityIds: [...article.target.communityIds] } : { scope: article.target.scope };
    return {
      id,
      stationId,
      draft: {
        kind: article.kind,
        title: article.title,
        summary: article.summary,
        body: [...article.body],
        tips: [...article.tips],
        fraudTypes: [...article.fraudTypes],
        audiences: [...article.audiences],
        target,
        urgent: article.urgent,
        images: [...article.images],
      },
    };
  },

  async listStationArticles({ stationId, cursor }, context) {
    const directory = await currentDirectoryRecords(context.now);
    const after = cursor ? decodeCursor(cursor) : undefined;
    const _ = database().command;
    const where: Record<string, unknown> = { stationId };
    if (after) where.publishedAt = _.lte(after.publishedAt);
    // by_station index; ties at the cursor's millisecond are few, a page and a margin covers them.
    const found = await findMany<ArticleRecord>(
      database()
        .collection(COLLECTIONS.articles)
        .where(where)
        .orderBy('publishedAt', 'desc')
        .orderBy('_id', 'desc')
        .field({ body: false, tips: false, searchText: false, searchKeys: false, filterKeys: false })
        .limit(FEED_PAGE_SIZE + 21),
    );
    const page = after ? found.filter((article) => isAfterCursor({ publishedAt: article.publishedAt, id: article._id }, after)) : found;
    const items = page.slice(0, FEED_PAGE_SIZE);
    const last = items[items.length - 1];
    return {
      items: await (async () => {
        const acks = await ackCountsOf(items);
        return items.map((article) => stationArticleView(article, directory, context.now, acks));
      })(),
      ...(page.length > FEED_PAGE_SIZE && last ? { nextCursor: encodeCursor({ publishedAt: last.publishedAt, id: last._id }) } : {}),
    };
  },

  async articleStats({ stationId, id }, context) {
    const directory = await currentDirectoryRecords(context.now);
    const article = await ownArticle(id, stationId);
    const reached = new Set(communitiesReached(article.target, directory));
    const acks = (await ackCountsOf([{ ...article, _id: id }])).get(id) ?? { total: article.acknowledgements ?? 0, byArea: article.acksByArea ?? {} };
    // Communities that showed up in the counters although the item was not aimed at them (a card forwarded on).
    for (const counters of [acks.byArea, article.sharesByArea, article.landingsByArea]) {
      for (const communityId of Object.keys(counters?.community ?? {})) reached.add(communityId);
    }
    const byCommunity: ArticleStatsView['byCommunity'] = [...reached].map((communityId) => {
      const key = areaKey.community(communityId);
      return {
        key,
        name: directory.communities.get(communityId)?.name ?? communityId,
        acknowledgements: counterOf(acks.byArea, key),
        shares: counterOf(article.sharesByArea, key),
        landings: counterOf(article.landingsByArea, key),
      };
    });
    byCommunity.sort((a, b) => b.acknowledgements - a.acknowledgements || b.shares - a.shares || a.name.localeCompare(b.name, 'zh'));
    return {
      id,
      title: article.title,
      views: article.views ?? 0,
      shares: article.shares ?? 0,
      acknowledgements: acks.total,
      byCommunity,
    };
  },
};
