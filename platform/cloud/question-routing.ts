/**
 * Who gets a resident's question, shared by the 问片警 preview (directory.routeQuestion, a dry
 * run that stores nothing) and sending (consult.startThread, which records the decision and
 * opens the thread). The rules themselves are domain/routing; this reads the directory, the
 * resident's community and location, and words the answer. A resident with no community registers
 * one first (by list, address, location or a group card: directory.bindHomeCommunity), so a question
 * takes no address of its own.
 */
import type { RoutingPreviewView } from '@domain/actions/directory';
import { DEFAULT_RESPONSE_TARGET_MINUTES, dueAt, PLACE_NEEDED, reachesNoStation, replyExpectation, type ResponseTargets } from '@domain/consult';
import { detectEmergency, EMERGENCY_PROMPT, type EmergencyDetection } from '@domain/emergency';
import type { LatLng } from '@domain/geo';
import { OFFICER_KIND_LABELS } from '@domain/roles';
import { route, type Assignee, type ConsultCategory, type RoutingDecision } from '@domain/routing';
import { tempFileUrl } from './cloud-files';
import type { UserRecord } from './collections';
import { communityViews, currentDirectory, type Directory } from './directory';

/** Boundary distance that makes a location ambiguous between two jurisdictions. */
export const BOUNDARY_METERS = 100;

export interface QuestionInput {
  category: ConsultCategory;
  text: string;
  location?: LatLng;
}

export interface RoutedQuestion {
  directory: Directory;
  decision: RoutingDecision;
  emergency: EmergencyDetection;
  communityId?: string;
  /** The deciding station's response targets (from the directory: no read of their own). */
  targets: ResponseTargets;
}

/** `asEmergency: false` for a fraud check: it has its own urgent path (the anti-fraud officer), whatever its words. */
export async function routeResidentQuestion(user: UserRecord, { category, text, location }: QuestionInput, now: Date, asEmergency = true): Promise<RoutedQuestion> {
  const emergency: EmergencyDetection = asEmergency ? detectEmergency(text) : { emergency: false, confidence: 0 };
  const directory = await currentDirectory(now);
  const communityByLocation = location ? directory.locator.locate(location) : undefined;
  const nearby = location ? directory.locator.nearbyAreas(location, BOUNDARY_METERS).map((area) => area.id) : [];
  const communityId = user.homeCommunityId ?? communityByLocation;
  const stationIdByLocation = communityByLocation ? directory.communities.get(communityByLocation)?.stationId : undefined;
  const elsewhere = communityByLocation && communityByLocation !== communityId ? [communityByLocation] : [];
  const decision = route(
    {
      ...(communityId ? { communityId } : {}),
      ...(stationIdByLocation ? { stationIdByLocation } : {}),
      ...(user.districtId ? { districtId: user.districtId } : {}),
      // An emergency goes to whoever handles public-security help, so the right officer hears of it.
      category: emergency.emergency ? 'publicSecurity' : category,
      at: now,
      ...(nearby.length || elsewhere.length ? { boundary: { nearbyCommunityIds: [...nearby, ...elsewhere] } } : {}),
    },
    directory.routing,
  );
  return { directory, decision, emergency, ...(communityId ? { communityId } : {}), targets: targetsIn(directory, decision.stationId) };
}

/**
 * A question about no resident's home: a bank branch's check goes to the branch's station by its
 * rules for the category (a fraud check: the anti-fraud officer, then the fallbacks).
 */
export async function routeStationQuestion(stationId: string, category: ConsultCategory, now: Date): Promise<RoutedQuestion> {
  const directory = await currentDirectory(now);
  const districtId = directory.stations.get(stationId)?.districtId;
  const decision = route({ stationIdByLocation: stationId, ...(districtId ? { districtId } : {}), category, at: now }, directory.routing);
  return { directory, decision, emergency: { emergency: false, confidence: 0 }, targets: targetsIn(directory, decision.stationId) };
}

/** "赵警官（社区民警）", "西罗园派出所 综合服务大厅" — how the resident reads who has the question. */
export function assigneeLabel(directory: Directory, assignee: Assignee, withKinds = true): string {
  if (assignee.type === 'officer') {
    const officer = directory.officers.get(assignee.officerId);
    if (!officer) return '负责的民警';
    const kinds = officer.kinds.map((kind) => OFFICER_KIND_LABELS[kind]).join('、');
    return withKinds && kinds ? `${officer.title}（${kinds}）` : officer.title;
  }
  if (assignee.type === 'desk') {
    const station = directory.stations.get(assignee.stationId)?.name ?? '';
    return `${station} ${assignee.desk === 'hall' ? '综合服务大厅' : '值班室'}`.trim();
  }
  if (assignee.type === 'districtQueue') {
    const district = directory.districts.get(assignee.districtId);
    return district ? `${district.name} ${district.generalQueueName}` : '综合受理';
  }
  return '综合受理';
}

/** 'officer:o-zhao', 'desk:hall:xiluoyuan', …: one equality key an inbox query can use. */
export function assigneeKey(assignee: Assignee): string {
  switch (assignee.type) {
    case 'officer':
      return `officer:${assignee.officerId}`;
    case 'desk':
      return `desk:${assignee.desk}:${assignee.stationId}`;
    case 'districtQueue':
      return `district:${assignee.districtId}`;
    default:
      return 'global';
  }
}

/** A station's response targets as the directory holds them (it is rebuilt when they are saved), or the defaults. */
export function targetsIn(directory: Directory, stationId: string | undefined): ResponseTargets {
  return (stationId ? directory.responseTargets.get(stationId) : undefined) ?? { ...DEFAULT_RESPONSE_TARGET_MINUTES };
}

/** "赵警官 今天 18:00 前回复", from the officer's shift and the station's target. */
export function expectationFor(directory: Directory, assignee: Assignee, due: Date, now: Date): string {
  const who = assigneeLabel(directory, assignee, false);
  if (assignee.type !== 'officer') return replyExpectation({ who, isDesk: true, due, now });
  const onDutyUntil = directory.routing.duty.onDutyUntil(assignee.officerId, now);
  return replyExpectation({ who, isDesk: false, due, now, ...(onDutyUntil ? { onDutyUntil } : {}) });
}

export async function routingPreviewView({ directory, decision, emergency, targets }: RoutedQuestion, now: Date): Promise<RoutingPreviewView> {
  const priority = emergency.emergency ? 'urgent' : decision.priority;
  const station = decision.stationId ? directory.stations.get(decision.stationId) : undefined;
  const post = decision.postId ? directory.posts.get(decision.postId) : undefined;
  const officer = decision.assignee.type === 'officer' ? directory.officers.get(decision.assignee.officerId) : undefined;
  const due = dueAt(now, priority, targets);
  const photoUrl = await tempFileUrl(officer?.photoFileId);
  return {
    ...(emergency.emergency ? { emergency: { prompt: EMERGENCY_PROMPT, kind: emergency.kind ?? 'unknown' } } : {}),
    ...(station ? { stationName: station.name } : {}),
    ...(post ? { postName: post.name } : {}),
    assigneeLabel: assigneeLabel(directory, decision.assignee),
    ...(photoUrl ? { officerPhotoUrl: photoUrl } : {}),
    priority,
    // Nothing is sent to a queue no inbox shows (see domain/consult/place-needed.ts): say what is missing.
    ...(reachesNoStation(decision.assignee)
      ? { placeNeeded: true, reason: PLACE_NEEDED.question, expectation: PLACE_NEEDED.expectation }
      : { reason: decision.reason, expectation: expectationFor(directory, decision.assignee, due, now) }),
    boundaryCommunities: communityViews(directory, decision.boundaryFlag?.nearbyCommunityIds ?? []),
  };
}
