import { randomUUID } from 'node:crypto';
import type { directoryActions, OfficerAlertView, RoutingRulesView } from '@domain/actions/directory';
import { detectEmergency, EMERGENCY_PROMPT } from '@domain/emergency';
import { OFFICER_KIND_LABELS } from '@domain/roles';
import { DEFAULT_ROUTING_RULES, route, type RoutingDecision } from '@domain/routing';
import { COLLECTIONS, type OfficerNotificationRecord, type RoutingDecisionRecord, type RoutingRulesRecord, type UserRecord } from '@platform/cloud/collections';
import { assertTextIsSafe } from '@platform/cloud/content-security';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { bumpDirectoryVersion, currentDirectory, type Directory } from '@platform/cloud/directory';
import { findById, findMany, isoDate } from '@platform/cloud/documents';
import { inTransaction } from '@platform/cloud/transaction';
import { cloud, database } from '@platform/cloud/wx';
import { BOUNDARY_METERS } from './home-community';
import { communityViews } from './views';

type RoutingHandlers = Pick<Handlers<typeof directoryActions>, 'routeQuestion' | 'listOfficerAlerts' | 'getRoutingRules' | 'updateRoutingRules'>;

/** Alerts older than this are history, not something to act on from the workbench. */
const ALERT_WINDOW_MS = 7 * 86_400_000;

/** Subscribe-message template officers accept for emergency alerts (configured in the WeChat admin console). */
export const EMERGENCY_ALERT_TEMPLATE = 'tmpl-emergency-alert';

function assigneeLabel(directory: Directory, decision: RoutingDecision): string {
  const { assignee } = decision;
  if (assignee.type === 'officer') {
    const officer = directory.officers.get(assignee.officerId);
    if (!officer) return '负责的民警';
    const kinds = officer.kinds.map((kind) => OFFICER_KIND_LABELS[kind]).join('、');
    return kinds ? `${officer.title}（${kinds}）` : officer.title;
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

/**
 * An emergency is not queued, but whoever would have got the question hears of it at once: a
 * notification on their workbench (written with the decision) and, where they accepted one,
 * a WeChat message.
 */
function emergencyNotification(decision: RoutingDecision, decisionId: string, text: string, now: Date): Omit<OfficerNotificationRecord, '_id'> | undefined {
  const officerId = decision.assignee.type === 'officer' ? decision.assignee.officerId : undefined;
  const stationId = decision.stationId ?? (decision.assignee.type === 'desk' ? decision.assignee.stationId : undefined);
  if (!stationId) return undefined;
  return { officerId: officerId ?? `duty-desk:${stationId}`, stationId, type: 'emergency', text: text.slice(0, 200), decisionId, createdAt: now };
}

async function sendEmergencyMessage(directory: Directory, decision: RoutingDecision, now: Date): Promise<void> {
  const officerId = decision.assignee.type === 'officer' ? decision.assignee.officerId : undefined;
  const userId = officerId ? directory.officers.get(officerId)?.userId : undefined;
  const officerUser = userId ? await findById<UserRecord>(COLLECTIONS.users, userId) : undefined;
  if (!officerUser) return;
  try {
    await cloud.openapi.subscribeMessage.send({
      touser: officerUser.openid,
      templateId: EMERGENCY_ALERT_TEMPLATE,
      page: 'packages/officer/pages/workbench/index',
      data: { thing1: { value: '居民提问疑似紧急情况' }, time2: { value: isoDate(now).slice(0, 16).replace('T', ' ') } },
    });
  } catch (error) {
    // 43101: the officer has no subscription left; the workbench notification still stands.
    console.warn('[routing] emergency message not sent', (error as { errCode?: number }).errCode);
  }
}

function rulesView(stationId: string, record: RoutingRulesRecord | undefined): RoutingRulesView {
  return record
    ? { stationId, byCategory: record.byCategory, isDefault: false, updatedAt: isoDate(record.updatedAt) }
    : { stationId, byCategory: { ...DEFAULT_ROUTING_RULES }, isDefault: true };
}

export const routingHandlers: RoutingHandlers = {
  async routeQuestion({ category, text, location, address }, context) {
    const { user, openid } = requireUser(context);
    const emergency = detectEmergency(text);
    // An emergency must never be held up by a content check: "有人拿刀砍人" has to get through.
    if (!emergency.emergency) await assertTextIsSafe(openid, text, 2);

    const directory = await currentDirectory(context.now);
    const communityByLocation = location ? directory.locator.locate(location) : undefined;
    const nearby = location ? directory.locator.nearbyAreas(location, BOUNDARY_METERS).map((area) => area.id) : [];
    // Only an unambiguous address counts: a guess must not send a question to the wrong officer.
    const resolved = !user.homeCommunityId && address ? directory.addresses.resolve(address) : undefined;
    const communityByAddress = resolved?.kind === 'match' ? resolved.match.communityId : undefined;
    const communityId = user.homeCommunityId ?? communityByAddress ?? communityByLocation;
    const stationIdByLocation = communityByLocation ? directory.communities.get(communityByLocation)?.stationId : undefined;
    const decision = route(
      {
        ...(communityId ? { communityId } : {}),
        ...(stationIdByLocation ? { stationIdByLocation } : {}),
        ...(user.districtId ? { districtId: user.districtId } : {}),
        // An emergency goes to whoever handles public-security help, so the right officer hears of it.
        category: emergency.emergency ? 'publicSecurity' : category,
        at: context.now,
        ...(nearby.length || (communityByLocation && communityByLocation !== communityId) ? { boundary: { nearbyCommunityIds: [...nearby, ...(communityByLocation && communityByLocation !== communityId ? [communityByLocation] : [])] } } : {}),
      },
      directory.routing,
    );

    const decisionId = randomUUID().replace(/-/g, '');
    const record: RoutingDecisionRecord = {
      _id: decisionId,
      userId: user._id,
      at: context.now,
      input: { category, text, ...(communityId ? { communityId } : {}), ...(location ? { location } : {}) },
      ...(emergency.emergency ? { emergency: { kind: emergency.kind ?? 'unknown', ...(emergency.matched ? { matched: emergency.matched } : {}) } } : {}),
      ...(decision.stationId ? { stationId: decision.stationId } : {}),
      ...(decision.postId ? { postId: decision.postId } : {}),
      ...(decision.districtId ? { districtId: decision.districtId } : {}),
      assignee: decision.assignee,
      priority: emergency.emergency ? 'urgent' : decision.priority,
      reason: decision.reason,
      steps: decision.steps,
      ...(decision.boundaryFlag ? { boundary: decision.boundaryFlag } : {}),
    };
    const notification = emergency.emergency ? emergencyNotification(decision, decisionId, text, context.now) : undefined;
    await inTransaction(async (transaction) => {
      await transaction.collection(COLLECTIONS.routingDecisions).add({ data: { ...record } });
      if (notification) await transaction.collection(COLLECTIONS.officerNotifications).add({ data: { ...notification } });
    });
    if (emergency.emergency) await sendEmergencyMessage(directory, decision, context.now);

    const station = decision.stationId ? directory.stations.get(decision.stationId) : undefined;
    const post = decision.postId ? directory.posts.get(decision.postId) : undefined;
    return {
      ...(emergency.emergency ? { emergency: { prompt: EMERGENCY_PROMPT, kind: emergency.kind ?? 'unknown' } } : {}),
      ...(station ? { stationName: station.name } : {}),
      ...(post ? { postName: post.name } : {}),
      assigneeLabel: assigneeLabel(directory, decision),
      priority: record.priority,
      reason: decision.reason,
      boundaryCommunities: communityViews(directory, decision.boundaryFlag?.nearbyCommunityIds ?? []),
      decisionId,
    };
  },

  async listOfficerAlerts({ stationId }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const _ = database().command;
    const alerts = await findMany<OfficerNotificationRecord>(
      database()
        .collection(COLLECTIONS.officerNotifications)
        .where({ stationId, createdAt: _.gt(new Date(context.now.getTime() - ALERT_WINDOW_MS)) })
        .orderBy('createdAt', 'desc')
        .limit(50),
    );
    const myOfficerIds = new Set([...directory.officers.values()].filter((officer) => officer.userId === user._id).map((officer) => officer._id));
    const decisions = new Map(
      (await Promise.all(alerts.map((alert) => findById<RoutingDecisionRecord>(COLLECTIONS.routingDecisions, alert.decisionId)))).flatMap((decision) =>
        decision ? [[decision._id, decision] as const] : [],
      ),
    );
    return alerts.map((alert): OfficerAlertView => {
      const communityId = decisions.get(alert.decisionId)?.input.communityId;
      const communityName = communityId ? directory.communities.get(communityId)?.name : undefined;
      return {
        id: alert._id,
        text: alert.text,
        createdAt: isoDate(alert.createdAt),
        assignee: directory.officers.get(alert.officerId)?.title ?? '值班室',
        ...(communityName ? { communityName } : {}),
        mine: myOfficerIds.has(alert.officerId),
      };
    });
  },

  async getRoutingRules({ stationId }) {
    return rulesView(stationId, await findById<RoutingRulesRecord>(COLLECTIONS.routingRules, stationId));
  },

  async updateRoutingRules({ stationId, byCategory }, context) {
    const { user } = requireUser(context);
    await inTransaction(async (transaction) => {
      await transaction.collection(COLLECTIONS.routingRules).doc(stationId).set({ data: { byCategory, updatedAt: context.now, updatedBy: user._id } });
      await transaction.collection(COLLECTIONS.auditLog).add({ data: { type: 'routing-rules.updated', stationId, by: user._id, at: context.now } });
    });
    await bumpDirectoryVersion(context.now);
    return rulesView(stationId, { _id: stationId, byCategory, updatedAt: context.now, updatedBy: user._id });
  },
};
