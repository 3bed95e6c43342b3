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
const ALERTS_SHOWN = 50;
/** The question as the alert shows it (masked when stored), cut as alerts always were. */
const ALERT_TEXT_LENGTH = 200;

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
    const since = new Date(context.now.getTime() - ALERT_WINDOW_MS);
    // An emergency's routing decision is its alert; alerts written before December 2026 are
    // officer_notifications documents, each with its decision read for the community.
    const [decided, written] = await Promise.all([
      findMany<RoutingDecisionRecord>(database().collection(COLLECTIONS.routingDecisions).where({ 'alert.stationId': stationId, at: _.gt(since) }).orderBy('at', 'desc').limit(ALERTS_SHOWN)),
      findMany<OfficerNotificationRecord>(database().collection(COLLECTIONS.officerNotifications).where({ stationId, createdAt: _.gt(since) }).orderBy('createdAt', 'desc').limit(ALERTS_SHOWN)),
    ]);
    const decisions = new Map(
      (await Promise.all(written.map((alert) => findById<RoutingDecisionRecord>(COLLECTIONS.routingDecisions, alert.decisionId)))).flatMap((decision) =>
        decision ? [[decision._id, decision] as const] : [],
      ),
    );
    const alerts = [
      ...decided.map((decision) => ({ id: decision._id, officerId: decision.alert?.officerId ?? '', text: decision.input.text.slice(0, ALERT_TEXT_LENGTH), createdAt: decision.at, communityId: decision.input.communityId })),
      ...written.map((alert) => ({ id: alert._id, officerId: alert.officerId, text: alert.text, createdAt: alert.createdAt, communityId: decisions.get(alert.decisionId)?.input.communityId })),
    ]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, ALERTS_SHOWN);
    const myOfficerIds = new Set([...directory.officers.values()].filter((officer) => officer.userId === user._id).map((officer) => officer._id));
    return alerts.map((alert): OfficerAlertView => {
      const communityName = alert.communityId ? directory.communities.get(alert.communityId)?.name : undefined;
      return {
        id: alert.id,
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
