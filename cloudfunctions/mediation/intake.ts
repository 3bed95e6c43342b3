/** A dispute becomes a case: from a 问片警 thread, a phone call or walk-in, or a resident's 申请调解. */
import { MAX_CASE_PHOTOS, type mediationActions } from '@domain/actions/mediation';
import { maskPersonalNumbers } from '@domain/consult';
import { ActionError } from '@domain/errors';
import type { LatLng } from '@domain/geo';
import { DEFAULT_FOLLOW_UP_DAYS, MEDIATION_CATEGORY_LABELS, MEDIATION_TEMPLATES, newCaseState, type MediationCategory } from '@domain/mediation';
import { COLLECTIONS, type ConsultThreadRecord, type MediationCaseRecord, type MediationPartyRecord, type RoutingDecisionRecord, type UserRecord } from '@platform/cloud/collections';
import { assertTextIsSafe } from '@platform/cloud/content-security';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { currentDirectory, type Directory } from '@platform/cloud/directory';
import { addressResolverOf } from '@platform/cloud/directory-addresses';
import { findById, findMany } from '@platform/cloud/documents';
import { BOUNDARY_METERS } from '@platform/cloud/question-routing';
import { assertOwnUploads } from '@platform/cloud/media';
import { assertWithinLimit, countAttempt } from '@platform/cloud/rate-limit';
import { database } from '@platform/cloud/wx';
import { actorOf, casePage, caseView, loadCase, loadCaseAsOfficer, notify, saveCase, stepCase, summaryOf } from './cases';

type IntakeHandlers = Pick<Handlers<typeof mediationActions>, 'openCase' | 'requestMediation' | 'addCasePhotos' | 'acceptRequest' | 'declineRequest' | 'listCases' | 'myCases' | 'getCase'>;

const newCaseId = () => `mc_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const REQUESTS_PER_DAY = { max: 3, windowMinutes: 24 * 60 };
const LIST_LIMIT = 100;

interface PlaceFacts {
  communityId: string;
  stationId: string;
  districtId: string;
  ownerOfficerId?: string;
  coStationIds: string[];
  coMediatorOfficerIds: string[];
}

/** The community's beat officer: the one with the fewest communities (the same rule as routing). */
function beatOfficerOf(directory: Directory, communityId: string): string | undefined {
  const candidates = [...directory.officers.values()].filter((officer) => officer.kinds.includes('beat') && officer.communityIds.includes(communityId));
  candidates.sort((a, b) => a.communityIds.length - b.communityIds.length || a._id.localeCompare(b._id));
  return candidates[0]?._id;
}

/**
 * Where the dispute is, and who mediates it: the community (given, by location, or by an
 * unambiguous address), its beat officer, and — when the place lies within the boundary flag of
 * another jurisdiction (within BOUNDARY_METERS of it, or the thread's routing flagged it) — that
 * jurisdiction's beat officer as co-mediator.
 */
function placeFacts(directory: Directory, place: { text: string; location?: LatLng }, hint: { communityId?: string; flaggedStationIds?: string[]; flaggedCommunityIds?: string[] }): PlaceFacts {
  const byLocation = place.location ? directory.locator.locate(place.location) : undefined;
  const resolved = addressResolverOf(directory).resolve(place.text);
  const byAddress = resolved.kind === 'match' ? resolved.match.communityId : undefined;
  const communityId = hint.communityId ?? byLocation ?? byAddress;
  const community = communityId ? directory.communities.get(communityId) : undefined;
  const station = community ? directory.stations.get(community.stationId) : undefined;
  if (!community || !station) throw new ActionError('INVALID_INPUT', '没能确定纠纷发生在哪个社区，请选择社区或附上位置', { communityId: '请选择社区' });

  const nearby = place.location ? directory.locator.nearbyAreas(place.location, BOUNDARY_METERS).map((area) => area.id) : [];
  const flaggedCommunities = new Set([...nearby, ...(byLocation ? [byLocation] : []), ...(hint.flaggedCommunityIds ?? [])]);
  const coMediators = new Set<string>();
  const coStations = new Set<string>();
  for (const flaggedId of flaggedCommunities) {
    const other = directory.communities.get(flaggedId);
    if (!other || other.stationId === station._id) continue;
    coStations.add(other.stationId);
    const officerId = beatOfficerOf(directory, other._id);
    if (officerId) coMediators.add(officerId);
  }
  for (const stationId of hint.flaggedStationIds ?? []) if (stationId !== station._id && directory.stations.has(stationId)) coStations.add(stationId);
  const ownerOfficerId = beatOfficerOf(directory, community._id);
  return {
    communityId: community._id,
    stationId: station._id,
    districtId: station.districtId,
    ...(ownerOfficerId ? { ownerOfficerId } : {}),
    coStationIds: [...coStations],
    coMediatorOfficerIds: [...coMediators],
  };
}

function titleOf(category: MediationCategory, description: string): string {
  const words = Array.from(maskPersonalNumbers(description).text.replace(/\s+/g, ' ').trim());
  return `${MEDIATION_CATEGORY_LABELS[category]}：${words.slice(0, 18).join('')}${words.length > 18 ? '…' : ''}`;
}

const partyRecords = (parties: { name: string; phone?: string; address?: string }[], firstId: number): MediationPartyRecord[] =>
  parties.map((party, index) => ({ id: `p${firstId + index}`, name: party.name, ...(party.phone ? { phone: party.phone } : {}), ...(party.address ? { address: party.address } : {}) }));

function newCase(base: Omit<MediationCaseRecord, keyof ReturnType<typeof newCaseState> | 'version' | 'officerIds' | 'partyUserIds' | 'inviteeUserIds' | 'sessions' | 'open' | 'updatedAt'>, state: ReturnType<typeof newCaseState>): MediationCaseRecord {
  return {
    ...base,
    ...state,
    version: 0,
    officerIds: [base.ownerOfficerId, ...base.coMediatorOfficerIds],
    partyUserIds: base.parties.flatMap((party) => (party.userId ? [party.userId] : [])),
    inviteeUserIds: [],
    sessions: [],
    open: true,
    updatedAt: base.createdAt,
  };
}

/** The officer records of a user (an account may be on the roster once per station). */
const officerIdOf = (directory: Directory, user: UserRecord) => [...directory.officers.values()].find((officer) => officer.userId === user._id)?._id;

/** The owner (when someone else entered the case) and each co-mediator from another station hear of it. */
async function tellOtherMediators(record: MediationCaseRecord, directory: Directory, openedBy: string | undefined, now: Date): Promise<void> {
  const others = [record.ownerOfficerId, ...record.coMediatorOfficerIds].filter((officerId) => officerId !== openedBy);
  await Promise.all(
    others.map(async (officerId) => {
      const officer = directory.officers.get(officerId);
      const account = officer?.userId ? await findById<UserRecord>(COLLECTIONS.users, officer.userId) : undefined;
      const title = officerId === record.ownerOfficerId ? `新调解案件：${record.title}` : `请协同调解：${record.title}`;
      await notify(account?.openid, MEDIATION_TEMPLATES.caseUpdate, casePage('officer', record._id), title, now);
    }),
  );
}

export const intakeHandlers: IntakeHandlers = {
  async openCase(input, context) {
    const { user, openid } = requireUser(context);
    const directory = await currentDirectory(context.now);

    let thread: ConsultThreadRecord | undefined;
    let decision: RoutingDecisionRecord | undefined;
    if (input.source === 'thread') {
      if (!input.threadId) throw new ActionError('INVALID_INPUT', '请选择要转为调解的对话', { threadId: '请选择对话' });
      thread = await findById<ConsultThreadRecord>(COLLECTIONS.consultThreads, input.threadId);
      if (!thread || (thread.stationId !== user.stationId && user.role !== 'districtAdmin')) throw new ActionError('NOT_FOUND', '没有找到这个提问');
      const existing = await findMany<MediationCaseRecord>(database().collection(COLLECTIONS.mediationCases).where({ threadId: thread._id }).orderBy('_id', 'asc').limit(1));
      if (existing[0]) throw new ActionError('CONFLICT', '这个提问已经转为调解案件了', { caseId: existing[0]._id });
      decision = await findById<RoutingDecisionRecord>(COLLECTIONS.routingDecisions, thread.decisionId);
    }
    if (user.role === 'resident') throw new ActionError('FORBIDDEN', '只有民警可以建立调解案件，居民请使用“申请调解”');
    await assertOwnUploads(user._id, 'mediation', input.photoFileIds ?? [], context.now);
    await assertTextIsSafe(openid, [input.description, input.place.text, ...input.parties.map((party) => `${party.name} ${party.address ?? ''}`)].join('\n'), 2);

    const facts = placeFacts(directory, input.place, {
      ...(input.communityId ?? thread?.communityId ? { communityId: input.communityId ?? thread?.communityId } : {}),
      ...(decision?.boundary ? { flaggedStationIds: decision.boundary.nearbyStationIds, flaggedCommunityIds: decision.boundary.nearbyCommunityIds } : {}),
    });
    const inScope = user.role === 'districtAdmin' ? user.districtId === facts.districtId : user.stationId === facts.stationId || facts.coStationIds.includes(user.stationId ?? '');
    if (!inScope) throw new ActionError('FORBIDDEN', '这个社区不在本所辖区，请转给所在派出所');

    const residentParty: MediationPartyRecord[] = thread ? [{ id: 'p1', name: thread.residentLabel, userId: thread.residentUserId, openid: thread.residentOpenid }] : [];
    const record = newCase(
      {
        _id: newCaseId(),
        stationId: facts.stationId,
        districtId: facts.districtId,
        communityId: facts.communityId,
        ownerOfficerId: facts.ownerOfficerId ?? officerIdOf(directory, user) ?? 'unassigned',
        coMediatorOfficerIds: facts.coMediatorOfficerIds,
        coStationIds: facts.coStationIds,
        category: input.category,
        source: input.source,
        ...(thread ? { threadId: thread._id } : {}),
        title: titleOf(input.category, input.description),
        description: input.description,
        place: { text: input.place.text, ...(input.place.location ? { location: input.place.location } : {}) },
        photoFileIds: input.photoFileIds ?? [],
        parties: [...residentParty, ...partyRecords(input.parties, residentParty.length + 1)],
        followUpDays: input.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS,
        createdBy: user._id,
        createdAt: context.now,
      },
      newCaseState('accepted', context.now, actorOf(user, directory)),
    );
    if (record.parties.length < 2) throw new ActionError('INVALID_INPUT', '请填写纠纷的另一方', { parties: '至少要有两方当事人' });
    const saved = await saveCase(record, 0, user, { type: 'case.opened', detail: { source: input.source } }, context.now);
    await tellOtherMediators(saved, directory, officerIdOf(directory, user), context.now);
    return caseView({ record: saved, role: 'officer' }, user, directory, context.now);
  },

  async requestMediation(input, context) {
    const { user, openid } = requireUser(context);
    const limitKey = `mediation-request:${user._id}`;
    await assertWithinLimit(limitKey, REQUESTS_PER_DAY, context.now);
    await assertOwnUploads(user._id, 'mediation', input.photoFileIds ?? [], context.now);
    await assertTextIsSafe(openid, [input.description, input.place.text, input.otherParty.name, input.otherParty.address ?? ''].join('\n'), 2);
    const directory = await currentDirectory(context.now);
    const facts = placeFacts(directory, input.place, user.homeCommunityId ? { communityId: user.homeCommunityId } : {});
    if (!facts.ownerOfficerId) throw new ActionError('NOT_FOUND', '这个社区暂时没有社区民警，请拨打派出所电话');
    const record = newCase(
      {
        _id: newCaseId(),
        stationId: facts.stationId,
        districtId: facts.districtId,
        communityId: facts.communityId,
        ownerOfficerId: facts.ownerOfficerId,
        coMediatorOfficerIds: facts.coMediatorOfficerIds,
        coStationIds: facts.coStationIds,
        category: input.category,
        source: 'residentRequest',
        title: titleOf(input.category, input.description),
        description: input.description,
        place: { text: input.place.text, ...(input.place.location ? { location: input.place.location } : {}) },
        photoFileIds: input.photoFileIds ?? [],
        parties: [{ id: 'p1', name: user.nickname, userId: user._id, openid, ...(input.myPhone ? { phone: input.myPhone } : {}) }, ...partyRecords([input.otherParty], 2)],
        followUpDays: DEFAULT_FOLLOW_UP_DAYS,
        createdBy: user._id,
        createdAt: context.now,
      },
      newCaseState('requested', context.now, { userId: user._id, label: user.nickname }),
    );
    const saved = await saveCase(record, 0, user, { type: 'case.requested' }, context.now);
    await countAttempt(limitKey, REQUESTS_PER_DAY, context.now);
    const owner = directory.officers.get(facts.ownerOfficerId);
    const ownerUser = owner?.userId ? await findById<UserRecord>(COLLECTIONS.users, owner.userId) : undefined;
    await notify(ownerUser?.openid, MEDIATION_TEMPLATES.caseUpdate, casePage('officer', saved._id), `调解申请：${saved.title}`, context.now);
    return caseView({ record: saved, role: 'party', partyId: 'p1' }, user, directory, context.now);
  },

  async addCasePhotos({ caseId, photoFileIds }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const record = await loadCaseAsOfficer(caseId, user, directory);
    if (!record.open) throw new ActionError('CONFLICT', '案件已经办结，不能再补充照片');
    const added = [...new Set(photoFileIds)].filter((fileId) => !record.photoFileIds.includes(fileId));
    if (record.photoFileIds.length + added.length > MAX_CASE_PHOTOS) {
      throw new ActionError('INVALID_INPUT', `一个案件最多 ${MAX_CASE_PHOTOS} 张现场照片，还能加 ${Math.max(0, MAX_CASE_PHOTOS - record.photoFileIds.length)} 张`, { photoFileIds: '照片太多了' });
    }
    await assertOwnUploads(user._id, 'mediation', added, context.now);
    const saved = await saveCase({ ...record, photoFileIds: [...record.photoFileIds, ...added] }, record.version, user, { type: 'case.photosAdded', detail: { photos: added.length } }, context.now);
    return caseView({ record: saved, role: 'officer' }, user, directory, context.now);
  },

  async acceptRequest({ caseId }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const record = await loadCaseAsOfficer(caseId, user, directory);
    const saved = await saveCase(stepCase(record, { type: 'accept' }, context.now, actorOf(user, directory)), record.version, user, { type: 'case.accepted' }, context.now);
    await tellOtherMediators(saved, directory, officerIdOf(directory, user), context.now);
    const applicant = saved.parties[0];
    await notify(applicant?.openid, MEDIATION_TEMPLATES.caseUpdate, casePage('party', caseId), `已受理：${saved.title}`, context.now);
    return caseView({ record: saved, role: 'officer' }, user, directory, context.now);
  },

  async declineRequest({ caseId, reason }, context) {
    const { user, openid } = requireUser(context);
    await assertTextIsSafe(openid, reason, 2);
    const directory = await currentDirectory(context.now);
    const record = await loadCaseAsOfficer(caseId, user, directory);
    const saved = await saveCase(stepCase(record, { type: 'decline', reason }, context.now, actorOf(user, directory)), record.version, user, { type: 'case.declined' }, context.now);
    await notify(saved.parties[0]?.openid, MEDIATION_TEMPLATES.caseUpdate, casePage('party', caseId), `未受理：${reason}`, context.now);
    return caseView({ record: saved, role: 'officer' }, user, directory, context.now);
  },

  async listCases({ stationId, view }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const _ = database().command;
    const collection = database().collection(COLLECTIONS.mediationCases);
    let records: MediationCaseRecord[];
    if (view === 'mine') {
      const mine = [...directory.officers.values()].filter((officer) => officer.userId === user._id).map((officer) => officer._id);
      records = mine.length ? await findMany<MediationCaseRecord>(collection.where({ officerIds: _.in(mine), open: true }).orderBy('updatedAt', 'desc').orderBy('_id', 'desc').limit(LIST_LIMIT)) : [];
    } else if (view === 'followUps') {
      records = await findMany<MediationCaseRecord>(collection.where({ stationId, status: 'agreed' }).orderBy('followUpDueAt', 'asc').orderBy('_id', 'asc').limit(LIST_LIMIT));
    } else {
      records = await findMany<MediationCaseRecord>(collection.where({ stationId, open: view === 'station' }).orderBy('updatedAt', 'desc').orderBy('_id', 'desc').limit(LIST_LIMIT));
    }
    return records.map((record) => summaryOf(record, directory, 'officer'));
  },

  async myCases(_input, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const records = await findMany<MediationCaseRecord>(
      database().collection(COLLECTIONS.mediationCases).where({ partyUserIds: user._id }).orderBy('updatedAt', 'desc').orderBy('_id', 'desc').limit(LIST_LIMIT),
    );
    return records.map((record) => summaryOf(record, directory, 'party'));
  },

  async getCase({ caseId }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectory(context.now);
    return caseView(await loadCase(caseId, user, directory), user, directory, context.now);
  },
};
