/**
 * Who sees which anti-fraud item. District-wide items reach everyone in the district; local ones
 * only the stations or communities they name. A reader with no known area sees district-wide
 * items of every district — better a general warning than none.
 */
export interface ArticleTarget {
  districtId: string;
  stationIds: readonly string[];
  communityIds: readonly string[];
  urgent: boolean;
  publishedAt: Date;
}

export interface ReaderArea {
  districtId?: string;
  stationId?: string;
  communityId?: string;
}

const isDistrictWide = (article: ArticleTarget) => article.stationIds.length === 0 && article.communityIds.length === 0;

/** Targets the reader's own station or community specifically. */
export function isLocalTo(article: ArticleTarget, reader: ReaderArea): boolean {
  return (
    (reader.stationId !== undefined && article.stationIds.includes(reader.stationId)) ||
    (reader.communityId !== undefined && article.communityIds.includes(reader.communityId))
  );
}

export function isVisibleTo(article: ArticleTarget, reader: ReaderArea): boolean {
  if (isLocalTo(article, reader)) return true;
  if (!isDistrictWide(article)) return false;
  return reader.districtId === undefined || reader.districtId === article.districtId;
}

/** Urgent first, then local, then newest. */
export function feedOrder(reader: ReaderArea) {
  return (a: ArticleTarget, b: ArticleTarget): number =>
    Number(b.urgent) - Number(a.urgent) || Number(isLocalTo(b, reader)) - Number(isLocalTo(a, reader)) || b.publishedAt.getTime() - a.publishedAt.getTime();
}
