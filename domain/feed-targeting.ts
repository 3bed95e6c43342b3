/**
 * Who sees which anti-fraud item, written so the database can answer it from an index: every
 * item carries the keys of the areas it is for (`city:北京`, `district:fengtai`,
 * `station:xiluoyuan`, `community:xly-2`), every reader has the keys of the areas they live in,
 * and an item is visible when the two share a key. One `in` query on an indexed array field.
 */
import { searchKeysOf } from './search-keys';
export type FeedTarget =
  | { scope: 'city'; city: string }
  | { scope: 'district'; districtId: string }
  | { scope: 'station'; stationId: string }
  | { scope: 'communities'; stationId: string; communityIds: string[] };

export type TargetScope = FeedTarget['scope'];

export const TARGET_SCOPE_LABELS: Record<TargetScope, string> = {
  city: '全市',
  district: '全区',
  station: '本所辖区',
  communities: '指定社区',
};

export interface ReaderArea {
  city?: string;
  districtId?: string;
  stationId?: string;
  communityId?: string;
}

export const areaKey = {
  city: (city: string) => `city:${city}`,
  district: (districtId: string) => `district:${districtId}`,
  station: (stationId: string) => `station:${stationId}`,
  community: (communityId: string) => `community:${communityId}`,
};

export function targetKeysOf(target: FeedTarget): string[] {
  switch (target.scope) {
    case 'city':
      return [areaKey.city(target.city)];
    case 'district':
      return [areaKey.district(target.districtId)];
    case 'station':
      return [areaKey.station(target.stationId)];
    case 'communities':
      return [...new Set(target.communityIds)].map(areaKey.community);
  }
}

/** The keys a reader's feed is queried with; a reader without a known area gets the wide ones of every city. */
export function readerKeys(area: ReaderArea, everyCity: readonly string[] = []): string[] {
  const keys: string[] = [];
  if (area.city) keys.push(areaKey.city(area.city));
  else keys.push(...everyCity.map(areaKey.city));
  if (area.districtId) keys.push(areaKey.district(area.districtId));
  if (area.stationId) keys.push(areaKey.station(area.stationId));
  if (area.communityId) keys.push(areaKey.community(area.communityId));
  return keys;
}

export function isVisibleTo(targetKeys: readonly string[], readerKeyList: readonly string[]): boolean {
  return targetKeys.some((key) => readerKeyList.includes(key));
}

/** Aimed at the reader's own station or community, rather than the whole district or city. */
export function isLocalTo(targetKeys: readonly string[], area: ReaderArea): boolean {
  return (
    (area.stationId !== undefined && targetKeys.includes(areaKey.station(area.stationId))) ||
    (area.communityId !== undefined && targetKeys.includes(areaKey.community(area.communityId)))
  );
}

/**
 * The feed's index keys: every target key alone, and combined with each fraud type, each
 * audience and each pair of them (`station:xiluoyuan|t:fake-police|a:elderly`). A filtered feed
 * is then still one `in` on one indexed field, reading about a page of documents however rare
 * the filter. An item has at most 20 target keys × (1 + 3 + 4 + 12) = 400 of them.
 */
export function filterKeysOf(targetKeys: readonly string[], fraudTypes: readonly string[], audiences: readonly string[]): string[] {
  const suffixes = [
    '',
    ...fraudTypes.map((type) => `|t:${type}`),
    ...audiences.map((audience) => `|a:${audience}`),
    ...fraudTypes.flatMap((type) => audiences.map((audience) => `|t:${type}|a:${audience}`)),
  ];
  return [...new Set(targetKeys.flatMap((key) => suffixes.map((suffix) => `${key}${suffix}`)))];
}

/** The filter keys a reader's feed is queried with, for the chosen fraud type and audience. */
export function readerFilterKeys(keys: readonly string[], filter: { fraudType?: string; audience?: string }): string[] {
  const suffix = `${filter.fraudType ? `|t:${filter.fraudType}` : ''}${filter.audience ? `|a:${filter.audience}` : ''}`;
  return keys.map((key) => `${key}${suffix}`);
}

/** Urgent items stay pinned until their pin runs out; after that they are ordinary items by date. */
export const MAX_PIN_HOURS = 7 * 24;

export function isPinned(item: { urgent: boolean; pinnedUntil?: Date }, now: Date): boolean {
  return item.urgent && item.pinnedUntil !== undefined && item.pinnedUntil.getTime() > now.getTime();
}

/**
 * Where the feed continues: the (publishedAt, id) of the last item shown. Items are ordered by
 * both, newest first, so an item published while someone scrolls lands above the cursor and
 * never shifts the pages below it (no duplicates, no gaps).
 */
export interface FeedCursor {
  publishedAt: Date;
  id: string;
}

export function encodeCursor(cursor: FeedCursor): string {
  return `${cursor.publishedAt.getTime().toString(36)}.${cursor.id}`;
}

export function decodeCursor(text: string): FeedCursor | undefined {
  const match = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{1,64})$/.exec(text);
  if (!match) return undefined;
  const ms = parseInt(match[1] as string, 36);
  if (!Number.isSafeInteger(ms)) return undefined;
  return { publishedAt: new Date(ms), id: match[2] as string };
}

/** Strictly after the cursor in feed order (newest first, then id descending). */
export function isAfterCursor(item: { publishedAt: Date; id: string }, cursor: FeedCursor): boolean {
  const diff = item.publishedAt.getTime() - cursor.publishedAt.getTime();
  return diff < 0 || (diff === 0 && item.id < cursor.id);
}

/** A "from" token on a shared card: the sharer's community or station, e.g. `community:xly-2`. */
export const SHARE_FROM_PATTERN = /^(community|station|district):[A-Za-z0-9_-]{1,64}$/;

export function shareFromOf(area: ReaderArea): string | undefined {
  if (area.communityId) return areaKey.community(area.communityId);
  if (area.stationId) return areaKey.station(area.stationId);
  return area.districtId ? areaKey.district(area.districtId) : undefined;
}

/** Lower-cased text that keyword search matches against. */
export function searchTextOf(parts: readonly string[]): string {
  return parts.join('\n').toLowerCase();
}

/** What an article stores for keyword search: the text to match, and the keys its index finds it by (domain/search-keys.ts). */
export function searchFieldsOf(parts: readonly string[]): { searchText: string; searchKeys: string[] } {
  const searchText = searchTextOf(parts);
  return { searchText, searchKeys: searchKeysOf(searchText) };
}
