/**
 * 我已知晓 counts without a hot document. An urgent alert is acknowledged by thousands of
 * residents within minutes; if every acknowledgement's transaction also wrote the article, they
 * would all contend for that one document and, past CloudBase's retries, fail. Instead each
 * acknowledgement adds to one of ACK_SHARDS shard documents (`article_ack_shards/<id>:<n>`, n from
 * the reader's user id) in the same transaction as its own record, so one reader still counts
 * exactly once and contention is spread sixteen ways. A count is the article's own (from before
 * shards) plus its shards, read with one query.
 */
import { COLLECTIONS, type AreaCounters, type ArticleAckShardRecord, type ArticleRecord } from '@platform/cloud/collections';
import { findMany } from '@platform/cloud/documents';
import { readInTransaction, type Transaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';

export const ACK_SHARDS = 16;

/** A stable shard per reader (their repeated taps always land on the same one). */
export function ackShardOf(userId: string): number {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i++) hash = Math.imul(hash ^ userId.charCodeAt(i), 16777619);
  return (hash >>> 0) % ACK_SHARDS;
}

/** Inside the acknowledgement's transaction: one more in the reader's shard (and in their area's count). */
export async function addAcknowledgementIn(transaction: Transaction, articleId: string, userId: string, areaKey: string | undefined): Promise<void> {
  const id = `${articleId}:${ackShardOf(userId)}`;
  const shard = await readInTransaction<ArticleAckShardRecord>(transaction, COLLECTIONS.articleAckShards, id);
  const byArea: AreaCounters = { ...(shard?.byArea ?? {}) };
  if (areaKey) {
    const [kind = '', area = ''] = areaKey.split(':');
    byArea[kind] = { ...(byArea[kind] ?? {}), [area]: (byArea[kind]?.[area] ?? 0) + 1 };
  }
  const data: Omit<ArticleAckShardRecord, '_id'> = { articleId, count: (shard?.count ?? 0) + 1, byArea };
  await transaction.collection(COLLECTIONS.articleAckShards).doc(id).set({ data: data as unknown as Record<string, unknown> });
}

export interface AckCounts {
  total: number;
  byArea: AreaCounters;
}

function addInto(into: AreaCounters, from: AreaCounters | undefined): void {
  for (const [kind, areas] of Object.entries(from ?? {})) {
    const target = (into[kind] ??= {});
    for (const [area, count] of Object.entries(areas)) target[area] = (target[area] ?? 0) + count;
  }
}

/** The acknowledgement counts of these articles (only alerts have any): their own fields plus their shards. */
export async function ackCountsOf(articles: readonly (Pick<ArticleRecord, 'kind' | 'acknowledgements' | 'acksByArea'> & { _id: string })[]): Promise<Map<string, AckCounts>> {
  const counts = new Map<string, AckCounts>();
  for (const article of articles) {
    const byArea: AreaCounters = {};
    addInto(byArea, article.acksByArea);
    counts.set(article._id, { total: article.acknowledgements ?? 0, byArea });
  }
  const alerts = articles.filter((article) => article.kind === 'alert').map((article) => article._id);
  if (alerts.length === 0) return counts;
  const shards = await findMany<ArticleAckShardRecord>(
    database()
      .collection(COLLECTIONS.articleAckShards)
      .where({ articleId: database().command.in(alerts) })
      .orderBy('_id', 'asc')
      .limit(Math.min(1000, alerts.length * ACK_SHARDS)),
  );
  for (const shard of shards) {
    const entry = counts.get(shard.articleId);
    if (!entry) continue;
    entry.total += shard.count;
    addInto(entry.byArea, shard.byArea);
  }
  return counts;
}
