import type { directoryActions, OfficerAlertView, RoutingRulesView } from '@domain/actions/directory';
import { DEFAULT_ROUTING_RULES } from '@domain/routing';
import { COLLECTIONS, type OfficerNotificationRecord, type RoutingDecisionRecord, type RoutingRulesRecord } from '@platform/cloud/collections';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { bumpDirectoryVersion, currentDirectory } from '@platform/cloud/directory';
import { findById, findMany, isoDate } from '@platform/cloud/documents';
import { routeResidentQuestion, routingPreviewView } from '@platform/cloud/question-routing';
import { inTransaction } from '@platform/cloud/transaction';
import { database } from '@platform/cloud/wx';

type RoutingHandlers = Pick<Handlers<typeof directoryActions>, 'routeQuestion' | 'listOfficerAlerts' | 'getRoutingRules' | 'updateRoutingRules'>;

/** Alerts older than this are history, not something to act on from the workbench. */
const ALERT_WINDOW_MS = 7 * 86_400_000;

function rulesView(stationId: string, record: RoutingRulesRecord | undefined): RoutingRulesView {
  return record
    ? { stationId, byCategory: record.byCategory, isDefault: false, updatedAt: isoDate(record.updatedAt) }
    : { stationId, byCategory: { ...DEFAULT_ROUTING_RULES }, isDefault: true };
}

export const routingHandlers: RoutingHandlers = {
  /**
   * A dry run: who would get the question and when to expect an answer, or the 110 prompt.
   * Nothing is stored and nobody is notified; sending (consult.startThread) does that. The
   * text is not content-checked here either, since nobody but the resident sees a preview.
   */
  async routeQuestion(input, context) {
    const { user } = requireUser(context);
    return routingPreviewView(await routeResidentQuestion(user, input, context.now), context.now);
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
