/**
 * Free address text → community.
 *
 * Index (once, in createAddressResolver): every community's name, aliases and street names are
 * normalised (normalize.ts) and reduced to their core (花椒树社区 → 花椒树); each distinct string
 * is a *key*. Keys are indexed by character bigram. Administrative names (city, district, 街道)
 * from the books, plus a built-in list of provinces and big cities, become strippable prefixes.
 *
 * Resolve:
 *  1. normalise the text; remove admin names (suffixed forms such as 丰台区 / 西罗园街道 anywhere,
 *     bare forms such as 丰台 only at the start) and remember which were mentioned; mask
 *     building/unit/room numbers.
 *  2. candidate keys = keys sharing at least one bigram with the text (best-sharing first, capped).
 *  3. key score = 1 − d / |key|, d = approximate-substring edit distance (fuzzy.ts) of the key
 *     inside the text; then multiplied by
 *       0.85 if the key is a street with number ranges and the building number after it is in none,
 *       0.8  if the matched place is directly followed by 路/街/巷/道/弄/胡 (东园路 is not 东园),
 *       0.5 / 0.8 / 0.9 if the text names another city / district / 街道 than the community's,
 *       0.8  if the key's exact occurrence lies inside a longer exact key of another community.
 *     A community's score is its best key's score.
 *  4. communities scoring ≥ 0.6 are ranked (score ↓, matched key length ↓, communityId ↑ by code
 *     unit — deterministic). Those within 0.1 of the best are the candidates: one → match, more →
 *     ambiguous (at most 10). None, but a known 街道 was named → ambiguous over that 街道's
 *     communities (in book order) at score 0.4. Otherwise → none, with a hint.
 *
 * So: verbatim alias 1.0; one typo in a 4/5-character name 0.75/0.8; "西罗园5号楼" matches every
 * 西罗园N at 0.75 → ambiguous. Clients should confirm a match below ~0.9 with the resident.
 */
import { approximateSubstring } from './fuzzy';
import { coreName, maskNumbers, normalizeAddressText, NUMBER_MASK } from './normalize';
import type { AddressMatch, AddressResolution, AddressResolver, CommunityAddressBook } from './types';

export const MIN_SCORE = 0.6;
export const AMBIGUITY_MARGIN = 0.1;
export const MAX_CANDIDATES = 10;
const MAX_KEYS_SCORED = 300;
const OUT_OF_RANGE_FACTOR = 0.85;
const ROAD_FOLLOWS_FACTOR = 0.8;
const CITY_CONFLICT_FACTOR = 0.5;
const DISTRICT_CONFLICT_FACTOR = 0.8;
const STREET_CONFLICT_FACTOR = 0.9;
const DOMINATED_FACTOR = 0.8;
const STREET_ONLY_SCORE = 0.4;

export const HINT_NOT_FOUND = '没有找到这个地址，可以从列表里选择社区，或者发送位置';
export const HINT_EMPTY = '请输入小区或社区名称和楼号，例如“某某小区5号楼”；也可以从列表里选择社区，或者发送位置';
export const HINT_ONLY_AREA = '只找到了城市或区，请再写上小区或社区名称；也可以从列表里选择社区，或者发送位置';

const ROAD_CHARS = new Set(['路', '街', '巷', '道', '弄', '胡']);

type AdminLevel = 'country' | 'province' | 'city' | 'district' | 'street';

/** Provinces and big cities residents may write first; only stripped (and cities compared). */
const PROVINCES = [
  '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '海南',
  '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门',
];
const CITIES = [
  '北京', '上海', '天津', '重庆', '广州', '深圳', '杭州', '南京', '苏州', '无锡', '宁波', '温州', '绍兴', '嘉兴', '湖州', '金华',
  '武汉', '成都', '西安', '郑州', '长沙', '沈阳', '大连', '哈尔滨', '长春', '济南', '青岛', '合肥', '福州', '厦门', '南昌', '昆明',
  '贵阳', '南宁', '海口', '石家庄', '太原', '呼和浩特', '兰州', '西宁', '银川', '乌鲁木齐', '拉萨', '东莞', '佛山', '保定', '廊坊',
];

const ADMIN_SUFFIXES: Record<AdminLevel, string[]> = {
  country: [],
  province: ['省', '自治区', '特别行政区'],
  city: ['市'],
  district: ['区', '县', '市'],
  street: ['街道办事处', '街道', '地区办事处', '镇', '乡'],
};

/** Bare administrative name: 北京市 → 北京, 西罗园街道 → 西罗园. */
function bareAdminName(level: AdminLevel, normalized: string): string {
  for (const suffix of ADMIN_SUFFIXES[level]) {
    if (normalized.endsWith(suffix) && normalized.length > suffix.length + 1) return normalized.slice(0, -suffix.length);
  }
  return normalized;
}

interface AdminPrefix {
  text: string;
  level: AdminLevel;
  bare: string;
  /** Bare forms (丰台, 北京) are only stripped at the start of the text. */
  anywhere: boolean;
}

interface Key {
  chars: string[];
  text: string;
  book: number;
  display: string;
  /** display is written exactly as the key (洋桥东里), not with a generic suffix (洋桥东里社区). */
  displayIsCore: boolean;
  /** Number ranges of a street with this name in this community; undefined = unrestricted. */
  ranges: [number, number][] | undefined;
  unrestricted: boolean;
  bigrams: number;
}

interface BookInfo {
  book: CommunityAddressBook;
  city?: string;
  district?: string;
  street?: string;
}

interface Mentions {
  city: Set<string>;
  district: Set<string>;
  street: Set<string>;
}

interface Scored {
  book: number;
  score: number;
  keyLength: number;
  display: string;
}

const LEADING_FILLER = /^(我家|我们家|家)?(住在|住|在|位于|地址是|地址)/;

/** The character (code point) at UTF-16 index `at`. */
const charAt = (text: string, at: number): string => {
  const code = text.codePointAt(at);
  return code === undefined ? '' : String.fromCodePoint(code);
};

const roundScore = (x: number) => Math.round(x * 1000) / 1000;
const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function bigramsOf(chars: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}

export function createAddressResolver(books: readonly CommunityAddressBook[]): AddressResolver {
  const infos: BookInfo[] = [];
  const keys: Key[] = [];
  const bigramIndex = new Map<string, number[]>();
  const keysByFirstChar = new Map<string, Key[]>();
  const prefixByText = new Map<string, AdminPrefix>();

  const addPrefix = (level: AdminLevel, raw: string) => {
    const normalized = normalizeAddressText(raw);
    if (normalized.length < 2) return;
    const bare = bareAdminName(level, normalized);
    const forms = new Set<string>();
    if (level === 'street') {
      // Never the bare form: 西罗园 is also the estate's name.
      if (normalized !== bare) forms.add(normalized);
      for (const suffix of ['街道', '街道办事处', '地区']) forms.add(bare + suffix);
    } else {
      forms.add(normalized);
      for (const suffix of ADMIN_SUFFIXES[level]) forms.add(bare + suffix);
      if (bare.length >= 2) forms.add(bare);
    }
    for (const form of forms) {
      if (prefixByText.has(form)) continue;
      prefixByText.set(form, { text: form, level, bare, anywhere: form !== bare });
    }
  };
  prefixByText.set('中国', { text: '中国', level: 'country', bare: '中国', anywhere: false });
  for (const p of PROVINCES) addPrefix('province', p);
  for (const c of CITIES) addPrefix('city', c);

  books.forEach((book, b) => {
    const info: BookInfo = { book };
    if (book.city) info.city = bareAdminName('city', normalizeAddressText(book.city));
    if (book.district) info.district = bareAdminName('district', normalizeAddressText(book.district));
    if (book.street) info.street = bareAdminName('street', normalizeAddressText(book.street));
    infos.push(info);
    if (book.city) addPrefix('city', book.city);
    if (book.district) addPrefix('district', book.district);
    if (book.street) addPrefix('street', book.street);

    const own = new Map<string, Key>();
    const add = (raw: string, street?: { numbers?: [number, number][] }) => {
      const full = maskNumbers(normalizeAddressText(raw)).text;
      const text = coreName(full);
      const chars = Array.from(text);
      if (chars.length < 2) return;
      let key = own.get(text);
      if (!key) {
        key = { chars, text, book: b, display: raw.trim(), displayIsCore: full === text, ranges: undefined, unrestricted: false, bigrams: Math.max(1, chars.length - 1) };
        own.set(text, key);
        keys.push(key);
      } else if (!key.displayIsCore && full === text) {
        key.display = raw.trim(); // show 洋桥东里 rather than 洋桥东里社区 for the key 洋桥东里
        key.displayIsCore = true;
      }
      if (street) {
        if (street.numbers && street.numbers.length > 0) (key.ranges ??= []).push(...street.numbers);
        else key.unrestricted = true;
      }
    };
    add(book.name);
    for (const alias of book.aliases) add(alias);
    for (const street of book.streets ?? []) add(street.name, street);
  });

  keys.forEach((key, k) => {
    for (const bigram of bigramsOf(key.chars)) {
      const list = bigramIndex.get(bigram);
      if (list) list.push(k);
      else bigramIndex.set(bigram, [k]);
    }
    const first = key.chars[0] ?? '';
    const list = keysByFirstChar.get(first);
    if (list) list.push(key);
    else keysByFirstChar.set(first, [key]);
  });
  // Distinct admin-name lengths, longest first: at each position try one map lookup per length.
  const prefixLengths = [...new Set([...prefixByText.keys()].map((t) => t.length))].sort((a, b) => b - a);

  /** A community key longer than the admin name starts here: 丰台东大街 is a place, not 丰台 + 东大街. */
  const keyStartsAt = (text: string, at: number, longerThan: number): boolean =>
    keysByFirstChar.get(charAt(text, at))?.some((key) => key.text.length > longerThan && text.startsWith(key.text, at)) ?? false;

  /** The admin name to strip at `at`, if any. */
  const adminAt = (text: string, at: number): AdminPrefix | undefined => {
    for (const length of prefixLengths) {
      const p = prefixByText.get(text.slice(at, at + length));
      if (!p || (at > 0 && !p.anywhere)) continue;
      if (!p.anywhere && ROAD_CHARS.has(text.charAt(at + length))) continue; // 北京路 is a road, not 北京
      if (keyStartsAt(text, at, length)) continue;
      return p;
    }
    return undefined;
  };

  /**
   * Remove admin names — bare or suffixed at the start (北京丰台西罗园街道…, 中国浙江省杭州市…),
   * suffixed anywhere (西罗园二区（丰台区）) — and note which were mentioned.
   */
  function stripAdmin(text: string, mentions: Mentions): string {
    let out = text.replace(LEADING_FILLER, '');
    let at = 0;
    while (at < out.length) {
      const p = adminAt(out, at);
      if (!p) {
        at++;
        continue;
      }
      if (p.level === 'city' || p.level === 'district' || p.level === 'street') mentions[p.level].add(p.bare);
      out = out.slice(0, at) + out.slice(at + p.text.length);
      if (at === 0) out = out.replace(LEADING_FILLER, '');
    }
    return out;
  }

  function contextFactor(info: BookInfo, mentions: Mentions): number {
    let factor = 1;
    if (info.city && mentions.city.size > 0 && !mentions.city.has(info.city)) factor *= CITY_CONFLICT_FACTOR;
    if (info.district && mentions.district.size > 0 && !mentions.district.has(info.district)) factor *= DISTRICT_CONFLICT_FACTOR;
    if (info.street && mentions.street.size > 0 && !mentions.street.has(info.street)) factor *= STREET_CONFLICT_FACTOR;
    return factor;
  }

  const inRanges = (value: number, ranges: readonly [number, number][]) => ranges.some(([lo, hi]) => value >= Math.min(lo, hi) && value <= Math.max(lo, hi));

  function resolve(input: string): AddressResolution {
    const mentions: Mentions = { city: new Set(), district: new Set(), street: new Set() };
    const normalized = normalizeAddressText(typeof input === 'string' ? input : '');
    if (normalized.length === 0) return { kind: 'none', hint: HINT_EMPTY };
    const masked = maskNumbers(stripAdmin(normalized, mentions));
    const chars = Array.from(masked.text);
    // Character position of each masked number, in order.
    const buildingAt: { at: number; value: number }[] = [];
    let nth = 0;
    chars.forEach((ch, at) => {
      if (ch !== NUMBER_MASK) return;
      const number = masked.numbers[nth++];
      if (number?.building) buildingAt.push({ at, value: number.value });
    });

    // 2. Candidate keys by shared bigrams.
    const shared = new Map<number, number>();
    for (const bigram of bigramsOf(chars)) {
      for (const k of bigramIndex.get(bigram) ?? []) shared.set(k, (shared.get(k) ?? 0) + 1);
    }
    let candidates = [...shared.entries()];
    if (candidates.length > MAX_KEYS_SCORED) {
      const ratio = ([k, count]: [number, number]) => count / (keys[k]?.bigrams ?? 1);
      candidates = candidates.sort((a, b) => ratio(b) - ratio(a) || a[0] - b[0]).slice(0, MAX_KEYS_SCORED);
    }

    // 3. Score keys; keep each community's best.
    const best = new Map<number, Scored>();
    const exact: { book: number; start: number; end: number }[] = [];
    const textChars = new Set(chars);
    for (const [k] of candidates) {
      const key = keys[k];
      if (!key) continue;
      // Each edit removes at most one of the key's characters from the text: skip hopeless keys cheaply.
      const maxEdits = Math.floor(key.chars.length * (1 - MIN_SCORE) + 1e-9);
      let present = 0;
      for (const ch of key.chars) if (textChars.has(ch)) present++;
      if (present < key.chars.length - maxEdits) continue;
      const { distance, ends } = approximateSubstring(key.chars, chars);
      const base = 1 - distance / key.chars.length;
      if (base < MIN_SCORE) continue;
      const keyEndsWithRoad = ROAD_CHARS.has(key.chars[key.chars.length - 1] ?? '');
      let keyScore = 0;
      for (const end of ends) {
        let score = base;
        if (!keyEndsWithRoad && ROAD_CHARS.has(chars[end] ?? '')) score *= ROAD_FOLLOWS_FACTOR;
        if (key.ranges && !key.unrestricted) {
          const number = buildingAt.find((n) => n.at >= end);
          if (number && !inRanges(number.value, key.ranges)) score *= OUT_OF_RANGE_FACTOR;
        }
        if (score > keyScore) keyScore = score;
        if (distance === 0) exact.push({ book: key.book, start: end - key.chars.length, end });
      }
      const info = infos[key.book];
      if (!info) continue;
      keyScore *= contextFactor(info, mentions);
      const previous = best.get(key.book);
      if (!previous || keyScore > previous.score || (keyScore === previous.score && key.chars.length > previous.keyLength)) {
        best.set(key.book, { book: key.book, score: keyScore, keyLength: key.chars.length, display: key.display });
      }
    }

    // A community whose every exact occurrence sits inside another community's longer exact match
    // (东园 inside 东园新村) was not what the resident meant.
    for (const scored of best.values()) {
      const own = exact.filter((e) => e.book === scored.book && e.end - e.start === scored.keyLength);
      if (own.length === 0) continue;
      const dominated = own.every((e) =>
        exact.some((o) => o.book !== scored.book && o.start <= e.start && o.end >= e.end && o.end - o.start > e.end - e.start),
      );
      if (dominated) scored.score *= DOMINATED_FACTOR;
    }

    const ranked = [...best.values()]
      .map((s) => ({ ...s, score: roundScore(s.score) }))
      .filter((s) => s.score >= MIN_SCORE)
      .sort((a, b) => b.score - a.score || b.keyLength - a.keyLength || compareCodeUnits(infos[a.book]?.book.communityId ?? '', infos[b.book]?.book.communityId ?? ''));

    const toMatch = (s: Scored): AddressMatch => ({ communityId: infos[s.book]?.book.communityId ?? '', score: s.score, matched: s.display });
    const top = ranked[0];
    if (top) {
      const close = ranked.filter((s) => s.score >= top.score - AMBIGUITY_MARGIN - 1e-9).slice(0, MAX_CANDIDATES);
      if (close.length === 1) return { kind: 'match', match: toMatch(top) };
      return { kind: 'ambiguous', candidates: close.map(toMatch) };
    }

    // 4. Only a 街道 named: offer its communities.
    if (mentions.street.size > 0) {
      const inStreet = infos
        .filter((info) => info.street !== undefined && mentions.street.has(info.street) && contextFactor(info, mentions) === 1)
        .slice(0, MAX_CANDIDATES)
        .map((info): AddressMatch => ({ communityId: info.book.communityId, score: STREET_ONLY_SCORE, matched: info.book.street ?? '' }));
      if (inStreet.length > 0) return { kind: 'ambiguous', candidates: inStreet };
    }
    const onlyArea = chars.every((ch) => ch === NUMBER_MASK || /[\d号楼院栋幢座单元室层户门排]/.test(ch));
    if (onlyArea && (mentions.city.size > 0 || mentions.district.size > 0)) return { kind: 'none', hint: HINT_ONLY_AREA };
    return { kind: 'none', hint: HINT_NOT_FOUND };
  }

  return { resolve };
}
