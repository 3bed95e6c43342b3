/**
 * The routing engine for 问片警: which station, post and officer (or desk, or queue) gets a
 * resident's question. Pure: same input and snapshot → same decision. Never throws on missing
 * or unknown data; it degrades along the chain and records why in `steps`.
 *
 * 1. Where. The community (from the resident's address) decides station and post. A community
 *    whose station cannot be found counts as unknown. Without a usable community, the station
 *    found by location is used (post unknown). Without a station: the district's general queue
 *    (input.districtId, or the directory's only district); without a district: the global
 *    queue, watched by the platform's operators (see GLOBAL_QUEUE_NAME).
 *    When community and location disagree, the community wins (it is the resident's own
 *    jurisdiction) and the location's station is offered in `boundaryFlag`.
 * 2. What. The station's rule for the category (DEFAULT_ROUTING_RULES when the station has
 *    none, or a malformed one) gives the target and the priority. Without a station, the
 *    default priority applies.
 * 3. Who.
 *    hallDesk         → the station's hall desk (a queue: no duty check).
 *    dutyDesk         → the station's duty desk.
 *    beatOfficer      → the community's beat officers, best first (fewest communities, then id),
 *                       the first on duty; else an on-duty officer of the same post (beat, then
 *                       duty, then others; then id); else the station's duty desk.
 *    antiFraudOfficer → an on-duty anti-fraud officer of the station who can receive it (has an
 *                       account; by id); else one of another
 *                       station in the same district (by station id, then id) — a transfer about
 *                       to happen cannot wait for a queue; else the station's duty desk.
 *                       Without a station but with a district: the district's on-duty anti-fraud
 *                       officers, then the district queue.
 *
 * `steps` vocabulary (each step is `what:id[:status]`; the last step names the assignee):
 *   category:<x>:unknown                 not a category → treated as 'other'
 *   community:<id> | community:<id>:unknown | community:<id>:station-unknown
 *   post:<id> | post:<id>:unknown
 *   station:<id> | station:<id>:by-location | station:<id>:unknown
 *   district:<id> | district:<id>:unknown | district:<id>:only-one | district:none
 *   boundary:<id>:unknown | boundary:flagged
 *   rules:station | rules:default, then rule:<target>
 *   beat:<officerId>:off-duty | beat:<officerId>:on-leave | beat:none | beat:skipped:no-community
 *   post-colleague:none | post-colleague:skipped:no-post
 *   anti-fraud:<officerId>:off-duty | anti-fraud:<officerId>:on-leave | anti-fraud:<officerId>:no-account |
 *   anti-fraud:none | district-anti-fraud:none
 *   terminal: beat:<officerId> | post-colleague:<officerId> | anti-fraud:<officerId> |
 *             district-anti-fraud:<officerId> | hall-desk:<stationId> | duty-desk:<stationId> |
 *             district-queue:<districtId> | global-queue
 */
import { OFFICER_KIND_LABELS } from '../roles';
import { CONSULT_CATEGORIES, DEFAULT_ROUTING_RULES, type Community, type ConsultCategory, type District, type Officer, type Post, type Priority, type Station } from './model';
import { ruleFor } from './rules';
import { districtKindKey, stationKindKey, type RoutingSnapshot } from './snapshot';

export interface RoutingInput {
  /** The resident's community, from their address (resolved before routing). */
  communityId?: string;
  /** The station whose jurisdiction the resident's location falls in. */
  stationIdByLocation?: string;
  districtId?: string;
  category: ConsultCategory;
  at: Date;
  /** Communities near the resident's location (they may be at a boundary). */
  boundary?: { nearbyCommunityIds: readonly string[] };
}

export type Assignee =
  | { type: 'officer'; officerId: string }
  | { type: 'desk'; desk: 'hall' | 'duty'; stationId: string }
  | { type: 'districtQueue'; districtId: string }
  /** Neither station nor district known: the platform-wide intake, watched by operators. */
  | { type: 'globalQueue' };

export interface BoundaryFlag {
  nearbyStationIds: string[];
  nearbyCommunityIds: string[];
}

export interface RoutingDecision {
  /** The resident's jurisdiction (not necessarily the assignee's station). */
  stationId?: string;
  postId?: string;
  districtId?: string;
  assignee: Assignee;
  priority: Priority;
  /** For the resident: where the question went and, after a fallback, briefly why. */
  reason: string;
  /** Machine-readable trace of the chain (vocabulary above). */
  steps: string[];
  /** Nearby communities/stations of another jurisdiction: transferring there is one tap. */
  boundaryFlag?: BoundaryFlag;
}

/** Name of the district-less queue in resident-facing texts. */
export const GLOBAL_QUEUE_NAME = '枫桥邻警 综合受理';

/** What the hall desk's reason says it handles. */
export const HALL_DESK_NOTE = '户籍/出入境窗口';

/** How residents see an officer: their title ("赵警官"), else surname + 警官. Never the full name. */
export function officerDisplayName(officer: Pick<Officer, 'name' | 'title'>): string {
  const title = officer.title?.trim();
  if (title) return title;
  const surname = [...(officer.name ?? '').trim()][0];
  return surname ? `${surname}警官` : '民警';
}

const names = (officers: readonly Officer[]) => officers.map(officerDisplayName).join('、');

const UNKNOWN_AREA = '暂时无法确定您所在的辖区';

interface Place {
  community?: Community;
  post?: Post;
  station?: Station;
  district?: District;
  /** A district id to report even when its record is missing (the station's). */
  districtId?: string;
}

export function route(input: RoutingInput, snapshot: RoutingSnapshot): RoutingDecision {
  const steps: string[] = [];
  const category: ConsultCategory = (CONSULT_CATEGORIES as readonly unknown[]).includes(input.category) ? input.category : 'other';
  if (category !== input.category) steps.push(`category:${String(input.category)}:unknown`);

  const place = locate(input, snapshot, steps);
  const boundaryFlag = flagBoundary(input, snapshot, place, steps);
  const decided = place.station ? routeInStation(input.at, category, place as Place & { station: Station }, snapshot, steps) : routeWithoutStation(input.at, category, place, snapshot, steps);

  return {
    ...(place.station && { stationId: place.station.id }),
    ...(place.post && { postId: place.post.id }),
    ...(place.districtId !== undefined && { districtId: place.districtId }),
    ...decided,
    steps,
    ...(boundaryFlag && { boundaryFlag }),
  };
}

// ─── 1. Where ────────────────────────────────────────────────────────────────────────────────

function locate(input: RoutingInput, snapshot: RoutingSnapshot, steps: string[]): Place {
  if (input.communityId !== undefined) {
    const community = snapshot.communities.get(input.communityId);
    if (!community) {
      steps.push(`community:${input.communityId}:unknown`);
    } else {
      const post = snapshot.posts.get(community.postId);
      const station = snapshot.stations.get(community.stationId) ?? (post && snapshot.stations.get(post.stationId));
      if (!station) {
        steps.push(`community:${community.id}:station-unknown`);
      } else {
        steps.push(`community:${community.id}`, post ? `post:${post.id}` : `post:${community.postId}:unknown`, `station:${station.id}`);
        return { community, post, station, district: snapshot.districts.get(station.districtId), districtId: station.districtId };
      }
    }
  }

  if (input.stationIdByLocation !== undefined) {
    const station = snapshot.stations.get(input.stationIdByLocation);
    if (station) {
      steps.push(`station:${station.id}:by-location`);
      return { station, district: snapshot.districts.get(station.districtId), districtId: station.districtId };
    }
    steps.push(`station:${input.stationIdByLocation}:unknown`);
  }

  if (input.districtId !== undefined) {
    const district = snapshot.districts.get(input.districtId);
    if (district) {
      steps.push(`district:${district.id}`);
      return { district, districtId: district.id };
    }
    steps.push(`district:${input.districtId}:unknown`);
  }

  const sole = snapshot.soleDistrictId !== undefined ? snapshot.districts.get(snapshot.soleDistrictId) : undefined;
  if (sole) {
    steps.push(`district:${sole.id}:only-one`);
    return { district: sole, districtId: sole.id };
  }
  steps.push('district:none');
  return {};
}

function flagBoundary(input: RoutingInput, snapshot: RoutingSnapshot, place: Place, steps: string[]): BoundaryFlag | undefined {
  const stationIds = new Set<string>();
  const communityIds = new Set<string>();
  const here = place.station?.id;

  const byLocation = input.stationIdByLocation;
  if (here !== undefined && byLocation !== undefined && byLocation !== here && snapshot.stations.has(byLocation)) stationIds.add(byLocation);

  for (const id of input.boundary?.nearbyCommunityIds ?? []) {
    const community = snapshot.communities.get(id);
    if (!community) {
      steps.push(`boundary:${id}:unknown`);
      continue;
    }
    if (community.id === place.community?.id) continue;
    const otherStation = here === undefined || community.stationId !== here;
    // Another post of the same station counts only when the resident's post is known.
    const otherPost = place.post !== undefined && community.postId !== place.post.id;
    if (!otherStation && !otherPost) continue;
    communityIds.add(community.id);
    if (otherStation && snapshot.stations.has(community.stationId)) stationIds.add(community.stationId);
  }

  if (stationIds.size === 0 && communityIds.size === 0) return undefined;
  steps.push('boundary:flagged');
  return { nearbyStationIds: [...stationIds], nearbyCommunityIds: [...communityIds] };
}

// ─── 2 & 3. What and who ─────────────────────────────────────────────────────────────────────

type Outcome = Pick<RoutingDecision, 'assignee' | 'priority' | 'reason'>;

function routeWithoutStation(at: Date, category: ConsultCategory, place: Place, snapshot: RoutingSnapshot, steps: string[]): Outcome {
  const rule = DEFAULT_ROUTING_RULES[category];
  steps.push('rules:default', `rule:${rule.target}`);
  const district = place.district;
  if (!district) {
    steps.push('global-queue');
    return { assignee: { type: 'globalQueue' }, priority: rule.priority, reason: `${UNKNOWN_AREA}，已转到 ${GLOBAL_QUEUE_NAME}，会尽快为您转给负责的民警` };
  }

  if (rule.target === 'antiFraudOfficer') {
    const officer = firstOnDuty(snapshot.officersByDistrictKind.get(districtKindKey(district.id, 'antiFraud')), at, snapshot);
    if (officer) {
      steps.push(`district-anti-fraud:${officer.id}`);
      return { assignee: { type: 'officer', officerId: officer.id }, priority: rule.priority, reason: `已转给 ${stationName(officer, snapshot)}${officerDisplayName(officer)}（${OFFICER_KIND_LABELS.antiFraud}）` };
    }
    steps.push('district-anti-fraud:none');
  }

  steps.push(`district-queue:${district.id}`);
  return {
    assignee: { type: 'districtQueue', districtId: district.id },
    priority: rule.priority,
    reason: `${UNKNOWN_AREA}，已转到 ${district.name} ${district.generalQueueName}，会尽快为您转给负责的民警`,
  };
}

function routeInStation(at: Date, category: ConsultCategory, place: Place & { station: Station }, snapshot: RoutingSnapshot, steps: string[]): Outcome {
  const { station, community, post } = place;
  const { rule, fromStation } = ruleFor(snapshot.rulesByStation.get(station.id)?.byCategory, category);
  steps.push(fromStation ? 'rules:station' : 'rules:default', `rule:${rule.target}`);
  const { priority } = rule;

  const toOfficer = (officer: Officer, reason: string, step: string): Outcome => {
    steps.push(`${step}:${officer.id}`);
    return { assignee: { type: 'officer', officerId: officer.id }, priority, reason };
  };
  const toDutyDesk = (why?: string): Outcome => {
    steps.push(`duty-desk:${station.id}`);
    return { assignee: { type: 'desk', desk: 'duty', stationId: station.id }, priority, reason: `${why ? `${why}，` : ''}已转给 ${station.name} ${station.dutyDeskName}` };
  };

  switch (rule.target) {
    case 'hallDesk':
      steps.push(`hall-desk:${station.id}`);
      return { assignee: { type: 'desk', desk: 'hall', stationId: station.id }, priority, reason: `已转给 ${station.name} ${station.hallDeskName}（${HALL_DESK_NOTE}）` };

    case 'dutyDesk':
      return toDutyDesk();

    case 'antiFraudOfficer': {
      const local = snapshot.officersByStationKind.get(stationKindKey(station.id, 'antiFraud')) ?? [];
      for (const officer of local) {
        // A transfer about to happen cannot wait on an officer nobody can reach (no account yet).
        if (officer.reachable === false) {
          steps.push(`anti-fraud:${officer.id}:no-account`);
          continue;
        }
        const status = snapshot.duty.status(officer.id, at);
        if (status === 'on-duty') return toOfficer(officer, `已转给 ${station.name} ${officerDisplayName(officer)}（${OFFICER_KIND_LABELS.antiFraud}）`, 'anti-fraud');
        steps.push(`anti-fraud:${officer.id}:${status}`);
      }
      if (local.length === 0) steps.push('anti-fraud:none');

      const why = `${station.name}暂时没有在岗的反诈民警`;
      const elsewhere = firstOnDuty(snapshot.officersByDistrictKind.get(districtKindKey(station.districtId, 'antiFraud')), at, snapshot, (o) => o.stationId !== station.id);
      if (elsewhere) return toOfficer(elsewhere, `${why}，已转给 ${stationName(elsewhere, snapshot)}${officerDisplayName(elsewhere)}（${OFFICER_KIND_LABELS.antiFraud}）`, 'district-anti-fraud');
      steps.push('district-anti-fraud:none');
      return toDutyDesk(why);
    }

    case 'beatOfficer': {
      const missed: Officer[] = [];
      if (!community) {
        steps.push('beat:skipped:no-community');
      } else {
        const beats = snapshot.beatOfficersByCommunity.get(community.id) ?? [];
        if (beats.length === 0) steps.push('beat:none');
        for (const officer of beats) {
          const status = snapshot.duty.status(officer.id, at);
          if (status === 'on-duty') {
            const why = missed.length > 0 ? `${names(missed)}现在不在岗，` : '';
            return toOfficer(officer, `${why}已转给 ${station.name} ${officerDisplayName(officer)}（${community.name} ${OFFICER_KIND_LABELS.beat}）`, 'beat');
          }
          steps.push(`beat:${officer.id}:${status}`);
          missed.push(officer);
        }
      }

      const why = !community ? '暂时无法确定您所在的社区' : missed.length > 0 ? `${names(missed)}现在不在岗` : `${community.name}暂未安排社区民警`;

      if (!post) {
        steps.push('post-colleague:skipped:no-post');
      } else {
        const colleague = firstOnDuty(snapshot.officersByPost.get(post.id), at, snapshot, (o) => !missed.includes(o));
        if (colleague) return toOfficer(colleague, `${why}，已转给 ${post.name} 值班的${officerDisplayName(colleague)}`, 'post-colleague');
        steps.push('post-colleague:none');
      }
      return toDutyDesk(why);
    }

    default:
      // Unreachable with valid rules (ruleFor guarantees a known target); the desk is the safe answer.
      return toDutyDesk();
  }
}

function firstOnDuty(candidates: readonly Officer[] | undefined, at: Date, snapshot: RoutingSnapshot, keep: (o: Officer) => boolean = () => true): Officer | undefined {
  for (const officer of candidates ?? []) if (officer.reachable !== false && keep(officer) && snapshot.duty.isOnDuty(officer.id, at)) return officer;
  return undefined;
}

/** "洋桥派出所 " — the officer's station name and a space, or nothing when unknown. */
function stationName(officer: Officer, snapshot: RoutingSnapshot): string {
  const station = snapshot.stations.get(officer.stationId);
  return station ? `${station.name} ` : '';
}
