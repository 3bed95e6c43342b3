import type { consultActions } from '@domain/actions/consult';
import type { Assignee } from '@domain/routing';
import { COLLECTIONS, type ConsultThreadRecord } from '@platform/cloud/collections';
import { type Handlers } from '@platform/cloud/create-function';
import { currentDirectory, type Directory } from '@platform/cloud/directory';
import { findMany, updated } from '@platform/cloud/documents';
import { assigneeKey, assigneeLabel } from '@platform/cloud/question-routing';
import { database } from '@platform/cloud/wx';
import { isActionError } from '@domain/errors';
import { addSystemMessage } from './conversation';
import { allowWatching, assignedUsers, notifyOfficers, threadPageFor } from './threads';
import { recordStationEvent } from '@platform/cloud/station-events';

type EscalationHandlers = Pick<Handlers<typeof consultActions>, 'escalateOverdue'>;

/** Per timer run; the next run (5 minutes later) takes the rest. */
const BATCH = 100;
/**
 * A run stops starting new threads once this much of CloudBase's 3 s timeout is spent: what it did
 * not reach is still overdue and not yet escalated, so the next run finds it.
 */
const escalationBudgetMs = (): number => Number(process.env.CONSULT_ESCALATION_BUDGET_MS ?? 2000);
/** An escalation whose notices a cut-off run never sent is notified by a later run once it is this old. */
const NOTICE_LEASE_MS = 2 * 60_000;

/** Who takes an overdue thread: an on-duty duty officer of the station, else the station's duty desk. */
function dutyAssignee(directory: Directory, stationId: string, now: Date): Assignee {
  const onDuty = [...directory.officers.values()]
    .filter((officer) => officer.stationId === stationId && officer.kinds.includes('duty') && directory.routing.duty.isOnDuty(officer._id, now))
    .sort((a, b) => a._id.localeCompare(b._id))[0];
  return onDuty ? { type: 'officer', officerId: onDuty._id } : { type: 'desk', desk: 'duty', stationId };
}

/**
 * A thread one officer holds and has not answered within the station's target moves to the duty
 * officer, once, with a line in the thread saying so. A desk or queue thread stays with its team
 * (any of them may answer), but past the target the duty officer is reminded, once, and the
 * resident is told so: nobody waits on a queue that has gone quiet.
 */
export const escalationHandlers: EscalationHandlers = {
  async escalateOverdue(_input, context) {
    const _ = database().command;
    const deadline = Date.now() + escalationBudgetMs();
    // First the notices a run that was cut off after escalating never sent (escalated, notice still pending).
    const unsent = await findMany<ConsultThreadRecord>(
      database()
        .collection(COLLECTIONS.consultThreads)
        .where({ escalationNoticePending: true, escalatedAt: _.lte(new Date(context.now.getTime() - NOTICE_LEASE_MS)) })
        .orderBy('escalatedAt', 'asc')
        .orderBy('_id', 'asc')
        .limit(20),
    );
    const overdue = await findMany<ConsultThreadRecord>(
      database()
        .collection(COLLECTIONS.consultThreads)
        .where({ open: true, awaiting: 'officer', escalated: false, dueAt: _.lte(context.now) })
        .orderBy('dueAt', 'asc')
        .limit(BATCH),
    );
    if (overdue.length === 0 && unsent.length === 0) return { escalated: 0 };
    const directory = await currentDirectory(context.now);
    /** Tells the duty officer(s), then clears the pending notice; only the run that clears it counts it as sent. */
    const sendNotices = async (thread: ConsultThreadRecord, duty: Assignee, moving: boolean) => {
      const receivers = await assignedUsers(directory, duty);
      await allowWatching(thread, receivers, context.now);
      await notifyOfficers(receivers, threadPageFor('officer', thread._id), `${moving ? '超时转来' : '超时未回复'}：${thread.title}`, context.now);
      await database()
        .collection(COLLECTIONS.consultThreads)
        .where({ _id: thread._id, escalationNoticePending: true })
        .update({ data: { escalationNoticePending: false } });
    };
    for (const thread of unsent) {
      if (Date.now() >= deadline) break;
      if (!thread.stationId) continue;
      // Claim it again (the lease moves on), so two runs do not both send it.
      const claimed = await updated(
        database()
          .collection(COLLECTIONS.consultThreads)
          .where({ _id: thread._id, escalationNoticePending: true, escalatedAt: _.lte(new Date(context.now.getTime() - NOTICE_LEASE_MS)) })
          .update({ data: { escalatedAt: context.now } }),
      );
      if (claimed !== 1) continue;
      const duty = dutyAssignee(directory, thread.stationId, context.now);
      // A thread that was moved now has the duty officer as its assignee; a desk thread was only reminded.
      await sendNotices(thread, duty, thread.assigneeKey === assigneeKey(duty));
    }
    let escalated = 0;
    for (const thread of overdue) {
      if (Date.now() >= deadline) break;
      if (!thread.stationId) continue;
      const duty = dutyAssignee(directory, thread.stationId, context.now);
      const from = thread.assigneeLabel;
      const to = assigneeLabel(directory, duty, false);
      const moving = thread.claimed && assigneeKey(duty) !== thread.assigneeKey;
      const dutyName = `${duty.type === 'officer' ? '值班民警 ' : ' '}${to}`;
      try {
        await addSystemMessage(
          thread,
          moving ? `${from} 暂时没能回复，已转给${dutyName}，请您稍候` : `已超过回复时限，已提醒${dutyName} 尽快回复`,
          {
            escalated: true,
            escalatedAt: context.now,
            escalationNoticePending: true,
            ...(moving
              ? {
                  assignee: duty,
                  assigneeKey: assigneeKey(duty),
                  assigneeLabel: to,
                  claimed: duty.type === 'officer',
                  ...(duty.type === 'officer' ? { assignedOfficerId: duty.officerId } : {}),
                  reason: `${from} 超过回复时限，已转给${dutyName}`,
                }
              : {}),
          },
          context.now,
          { expectStatus: 'open' },
        );
      } catch (error) {
        if (isActionError(error)) continue; // closed meanwhile
        throw error;
      }
      escalated += 1;
      await recordStationEvent(thread.stationId, { type: 'escalation' }, context.now);
      await sendNotices(thread, duty, moving);
    }
    return { escalated };
  },
};
