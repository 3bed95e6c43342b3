import type { ArticleSummary } from '@domain/actions/feed';
import { isLocalTo, isPinned, readerKeys, type ReaderArea } from '@domain/feed-targeting';
import type { ArticleRecord, UserRecord } from '@platform/cloud/collections';
import type { DirectoryRecords } from '@platform/cloud/directory-records';
import { isoDate } from '@platform/cloud/documents';
import { cloud } from '@platform/cloud/wx';

/** Where the reader lives, as far as we know: home community first, else an officer's station. */
export function readerArea(user: UserRecord, directory: DirectoryRecords): ReaderArea {
  const community = user.homeCommunityId ? directory.communities.get(user.homeCommunityId) : undefined;
  const stationId = community?.stationId ?? user.stationId;
  const station = stationId ? directory.stations.get(stationId) : undefined;
  const districtId = station?.districtId ?? user.districtId;
  const district = districtId ? directory.districts.get(districtId) : undefined;
  return {
    ...(district ? { city: district.city, districtId: district._id } : {}),
    ...(station ? { stationId: station._id } : {}),
    ...(community ? { communityId: community._id } : {}),
  };
}

/** The keys the reader's feed is queried with (every city's when we do not know where they live). */
export function feedKeysFor(area: ReaderArea, directory: DirectoryRecords): string[] {
  return readerKeys(area, [...new Set([...directory.districts.values()].map((district) => district.city))]);
}

/** Fields a feed card does not need: kept out of list queries so a page stays small. */
export const SUMMARY_PROJECTION = { body: false, tips: false, searchText: false, searchKeys: false, filterKeys: false, acksByArea: false, sharesByArea: false, landingsByArea: false } as const;

/** cloud:// ids → temporary https URLs, in one call per 50 (WeChat's limit). */
export async function temporaryUrls(fileIds: readonly string[]): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  const unique = [...new Set(fileIds)];
  for (let start = 0; start < unique.length; start += 50) {
    const { fileList } = (await cloud.getTempFileURL({ fileList: unique.slice(start, start + 50) })) as {
      fileList: { fileID: string; tempFileURL?: string; status: number }[];
    };
    for (const file of fileList) if (file.status === 0 && file.tempFileURL) urls.set(file.fileID, file.tempFileURL);
  }
  return urls;
}

export function summaryOf(article: ArticleRecord, area: ReaderArea, now: Date, urls: Map<string, string>): ArticleSummary {
  const cover = article.images?.[0];
  const coverUrl = cover ? urls.get(cover) : undefined;
  return {
    id: article._id,
    kind: article.kind,
    title: article.title,
    summary: article.summary,
    fraudTypes: [...article.fraudTypes],
    audiences: [...article.audiences],
    urgent: article.urgent,
    pinned: isPinned(article, now),
    publisher: article.publisher,
    local: isLocalTo(article.targetKeys, area),
    publishedAt: isoDate(article.publishedAt),
    views: article.views ?? 0,
    ...(coverUrl ? { coverUrl } : {}),
  };
}

export async function summariesOf(articles: readonly ArticleRecord[], area: ReaderArea, now: Date): Promise<ArticleSummary[]> {
  const covers = articles.flatMap((article) => (article.images?.[0] ? [article.images[0]] : []));
  const urls = covers.length > 0 ? await temporaryUrls(covers) : new Map<string, string>();
  return articles.map((article) => summaryOf(article, area, now, urls));
}

/** A nested counter path for an area key: `community:xly-2` → `community.xly-2`. */
export function counterPath(field: string, areaKey: string): string {
  return `${field}.${areaKey.replace(':', '.')}`;
}

export function counterOf(counters: Record<string, Record<string, number>> | undefined, areaKey: string): number {
  const [kind = '', id = ''] = areaKey.split(':');
  return counters?.[kind]?.[id] ?? 0;
}
