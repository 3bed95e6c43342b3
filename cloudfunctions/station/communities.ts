import type { BoundaryCheckView, CommunityAdminView, stationActions } from '@domain/actions/station';
import { ActionError } from '@domain/errors';
import { polygonInteriorPoint, type Polygon } from '@domain/geo';
import { boundaryOverlap, isActiveOfficer, parseBoundaryGeoJson } from '@domain/station';
import { COLLECTIONS, type CommunityRecord, type DistrictRecord, type PostRecord, type StationRecord } from '@platform/cloud/collections';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { findById, findMany } from '@platform/cloud/documents';
import { database } from '@platform/cloud/wx';
import { inTransaction, readInTransaction } from '@platform/cloud/transaction';
import { audit, directoryChanged, stationCommunities, stationOfficers } from './shared';

type CommunityHandlers = Pick<Handlers<typeof stationActions>, 'createStation' | 'savePost' | 'checkBoundary' | 'saveCommunity'>;

const newId = (prefix: string, now: Date) => `${prefix}-${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A code the admin chose for a new post or community names it for good: it must be free (across stations). */
async function assertCodeFree(collection: string, code: string, message: string): Promise<void> {
  if (await findById(collection, code)) throw new ActionError('CONFLICT', message, { code: '编号已被使用' });
}

/** Communities whose boxes could touch this boundary: neighbours are usually in the same or the next station. */
async function neighbours(exceptId: string | undefined): Promise<CommunityRecord[]> {
  const all: CommunityRecord[] = [];
  for (let skip = 0; ; skip += 1000) {
    const page = await findMany<CommunityRecord>(database().collection(COLLECTIONS.communities).orderBy('_id', 'asc').skip(skip).limit(1000));
    all.push(...page);
    if (page.length < 1000) break;
  }
  return all.filter((community) => community._id !== exceptId && (community.boundary?.outer?.length ?? 0) >= 3);
}

async function checkAgainstNeighbours(geojson: string, communityId: string | undefined): Promise<BoundaryCheckView & { polygon?: Polygon }> {
  const parsed = parseBoundaryGeoJson(geojson);
  if (!parsed.ok) return { ok: false, problem: parsed.problem, outline: [], overlaps: [] };
  const overlaps: BoundaryCheckView['overlaps'] = [];
  for (const other of await neighbours(communityId)) {
    const overlap = boundaryOverlap(parsed.polygon, other.boundary);
    if (overlap) overlaps.push({ communityId: other._id, name: other.name, areaSquareMeters: overlap.areaSquareMeters, outline: overlap.outline, boundary: [...other.boundary.outer] });
  }
  const problem = overlaps.length
    ? `边界与${overlaps.map((overlap) => `${overlap.name}（约${overlap.areaSquareMeters.toLocaleString('en-US')}平方米）`).join('、')}重叠，请修改边界后再导入`
    : undefined;
  return { ok: overlaps.length === 0, ...(problem ? { problem } : {}), outline: [...parsed.polygon.outer], overlaps, polygon: parsed.polygon };
}

export const communityHandlers: CommunityHandlers = {
  async createStation({ districtId, stationId, name, address, phone, latitude, longitude }, context) {
    const { user } = requireUser(context);
    const district = await findById<DistrictRecord>(COLLECTIONS.districts, districtId);
    if (!district) throw new ActionError('NOT_FOUND', '没有找到这个分局');
    if (await findById<StationRecord>(COLLECTIONS.stations, stationId)) throw new ActionError('CONFLICT', '这个派出所编号已经有了，请换一个', { stationId: '编号已被使用' });
    const siblings = await findMany<StationRecord>(database().collection(COLLECTIONS.stations).where({ districtId }).orderBy('order', 'desc').orderBy('_id', 'desc').limit(1));
    const record: Omit<StationRecord, '_id'> = {
      name,
      districtId,
      address,
      phone,
      // Filled in from the hall settings when the station's admin saves them.
      hallHours: '暂未开通网上预约',
      hallServices: [],
      location: { latitude, longitude },
      order: (siblings[0]?.order ?? 0) + 1,
    };
    // add() with the id refuses a duplicate, so two admins racing cannot both open it.
    await database().collection(COLLECTIONS.stations).add({ data: { _id: stationId, ...record } });
    await audit('station.created', user._id, stationId, context.now, { districtId, name });
    await directoryChanged(context.now);
    return { id: stationId, name, districtId };
  },

  async savePost({ stationId, postId, code, name, phone }, context) {
    const { user } = requireUser(context);
    const existing = postId ? await findById<PostRecord>(COLLECTIONS.posts, postId) : undefined;
    if (postId && (!existing || existing.stationId !== stationId)) throw new ActionError('NOT_FOUND', '本所没有这个警务区');
    if (!postId && code) await assertCodeFree(COLLECTIONS.posts, code, '这个警务区编号已经有了，请换一个');
    const id = postId ?? code ?? newId(`${stationId}-post`, context.now).slice(0, 64);
    const record: Omit<PostRecord, '_id'> = { name, stationId, phone, communityIds: existing?.communityIds ?? [] };
    await database().collection(COLLECTIONS.posts).doc(id).set({ data: record });
    await audit(postId ? 'post.updated' : 'post.created', user._id, stationId, context.now, { postId: id, name, phone });
    await directoryChanged(context.now);
    return { id, name, phone };
  },

  async checkBoundary({ communityId, geojson }) {
    const { polygon: _polygon, ...view } = await checkAgainstNeighbours(geojson, communityId);
    return view;
  },

  async saveCommunity({ stationId, communityId, code, name, aliases, postId, geojson }, context) {
    const { user } = requireUser(context);
    const existing = communityId ? await findById<CommunityRecord>(COLLECTIONS.communities, communityId) : undefined;
    if (communityId && (!existing || existing.stationId !== stationId)) throw new ActionError('NOT_FOUND', '本所没有这个社区');
    if (!communityId && code) await assertCodeFree(COLLECTIONS.communities, code, '这个社区编号已经有了，请换一个');
    const post = await findById<PostRecord>(COLLECTIONS.posts, postId);
    if (!post || post.stationId !== stationId) throw new ActionError('NOT_FOUND', '请先选择本所的警务区', { postId: '请选择警务区' });
    let boundary: Polygon | undefined = existing?.boundary;
    if (geojson) {
      const checked = await checkAgainstNeighbours(geojson, communityId);
      if (!checked.polygon) throw new ActionError('INVALID_INPUT', checked.problem, { geojson: checked.problem ?? '边界文件无法读取' });
      if (!checked.ok) throw new ActionError('CONFLICT', checked.problem, { geojson: checked.problem ?? '边界重叠' });
      boundary = checked.polygon;
    }
    if (!boundary) throw new ActionError('INVALID_INPUT', '请导入社区边界（GeoJSON 文件）', { geojson: '请导入社区边界' });
    const id = communityId ?? code ?? newId(`${stationId}-c`, context.now).slice(0, 64);
    const siblings = await stationCommunities(stationId);
    const record: Omit<CommunityRecord, '_id'> = {
      name,
      stationId,
      postId,
      order: existing?.order ?? siblings.length + 1,
      boundary: { outer: [...boundary.outer], ...(boundary.holes?.length ? { holes: boundary.holes.map((hole) => [...hole]) } : {}) },
      centre: polygonInteriorPoint(boundary),
      address: { ...(existing?.address ?? {}), aliases: [...new Set(aliases)] },
    };
    // One transaction: the community and the posts that list it (the beat card and routing read both).
    await inTransaction(async (transaction) => {
      await transaction.collection(COLLECTIONS.communities).doc(id).set({ data: record });
      if (existing && existing.postId !== postId) {
        const previous = await readInTransaction<PostRecord>(transaction, COLLECTIONS.posts, existing.postId);
        if (previous) await transaction.collection(COLLECTIONS.posts).doc(previous._id).update({ data: { communityIds: previous.communityIds.filter((other) => other !== id) } });
      }
      const current = await readInTransaction<PostRecord>(transaction, COLLECTIONS.posts, postId);
      if (current && !current.communityIds.includes(id)) await transaction.collection(COLLECTIONS.posts).doc(postId).update({ data: { communityIds: [...current.communityIds, id] } });
    });
    await audit(communityId ? 'community.updated' : 'community.created', user._id, stationId, context.now, { communityId: id, name, postId, boundaryImported: Boolean(geojson) });
    await directoryChanged(context.now);
    const officers = await stationOfficers(stationId);
    const view: CommunityAdminView = {
      id,
      name,
      aliases: record.address.aliases,
      postId,
      postName: post.name,
      beatOfficers: officers.filter((officer) => isActiveOfficer(officer) && officer.kinds.includes('beat') && officer.communityIds.includes(id)).map((officer) => officer.title),
      hasBoundary: true,
      boundary: [...record.boundary.outer],
    };
    return view;
  },
};
