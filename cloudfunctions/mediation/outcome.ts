/** After the agreement: the 回访 the timer reminds of, closing a case, the reminders, the figures. */
import type { FiguresRow, mediationActions } from '@domain/actions/mediation';
import { ActionError } from '@domain/errors';
import { MEDIATION_TEMPLATES, SESSION_REMINDER_HOURS, figuresPeriod, mediationFigures, mediationFiguresBy, type CaseFacts, type MediationFigures } from '@domain/mediation';
import { COLLECTIONS, type MediationCaseRecord, type UserRecord } from '@platform/cloud/collections';
import { assertTextIsSafe } from '@platform/cloud/content-security';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { currentDirectory, type Directory } from '@platform/cloud/directory';
import { findById, findMany, isoDate } from '@platform/cloud/documents';
import { database } from '@platform/cloud/wx';
import { SYSTEM_USER_ID, actorOf, casePage, caseView, loadCaseAsOfficer, notify, passPage, reminderDueAt, saveCase, stepCase } from './cases';

type OutcomeHandlers = Pick<Handlers<typeof mediationActions>, 'recordFollowUp' | 'closeCase' | 'sendReminders' | 'figures'>;

const TIMER_BATCH = 100;
const FIGURES_PAGE = 1000;
/** A station's figures read at most this many cases (CloudBase get() ≤ 1000 a page). */
const FIGURES_MAX = 10_000;

async function usersOf(userIds: string[]): Promise<UserRecord[]> {
  const users = await Promise.all([...new Set(userIds)].map((userId) => findById<UserRecord>(COLLECTIONS.users, userId)));
  return users.filter((user): user is UserRecord => user !== undefined);
}

/** The accounts of the officers handling a case (owner and co-mediators who have signed in). */
const caseOfficerUsers = (record: MediationCaseRecord, directory: Directory) =>
  usersOf(record.officerIds.flatMap((officerId) => {
    const userId = directory.officers.get(officerId)?.userId;
    return userId ? [userId] : [];
  }));

/** Writes a change the timer makes, unless somebody changed the case meanwhile (it tries again next run). */
async function saveQuietly(next: MediationCaseRecord, version: number, now: Date, type: string): Promise<boolean> {
  const system: UserRecord = { _id: SYSTEM_USER_ID, openid: '', nickname: '定时任务', role: 'resident', officerKinds: [], createdAt: now, updatedAt: now };
  try {
    await saveCase(next, version, system, { type }, now);
    return true;
  } catch {
    return false;
  }
}

const facts = (record: MediationCaseRecord): CaseFacts => ({
  stationId: record.stationId,
  communityId: record.communityId,
  ownerOfficerId: record.ownerOfficerId,
  status: record.status,
  ...(record.outcome ? { outcome: record.outcome } : {}),
  ...(record.referral ? { referral: record.referral } : {}),
  ...(record.closedAt ? { closedAt: record.closedAt } : {}),
  history: record.history,
});

const row = (key: string, label: string, figures: MediationFigures): FiguresRow => ({ key, label, ...figures });

export const outcomeHandlers: OutcomeHandlers = {
  async recordFollowUp({ caseId, result, note }, context) {
    const { user, openid } = requireUser(context);
    await assertTextIsSafe(openid, note, 2);
    const directory = await currentDirectory(context.now);
    const record = await loadCaseAsOfficer(caseId, user, directory);
    const stepped = stepCase(record, { type: 'followUp', result }, context.now, actorOf(user, directory));
    const { followUpRemindedAt: _reminded, ...rest } = stepped;
    // A broken agreement reopens the case: the old terms stay in the history, a new agreement is needed.
    const { agreement: _agreement, ...reopened } = rest;
    const next = result === 'broken' ? reopened : rest;
    const saved = await saveCase(next as MediationCaseRecord, record.version, user, { type: 'follow-up.recorded', detail: { result, note } }, context.now);
    await Promise.all(saved.parties.map((party) => notify(party.openid, MEDIATION_TEMPLATES.caseUpdate, casePage('party', caseId), result === 'broken' ? '协议未履行，民警将重新组织调解' : '回访完成，案件已结案', context.now)));
    return caseView({ record: saved, role: 'officer' }, user, directory, context.now);
  },

  async closeCase({ caseId, outcome, referral, note }, context) {
    const { user, openid } = requireUser(context);
    await assertTextIsSafe(openid, note, 2);
    const directory = await currentDirectory(context.now);
    const record = await loadCaseAsOfficer(caseId, user, directory);
    const stepped = stepCase(record, { type: 'close', outcome, ...(referral ? { referral } : {}) }, context.now, actorOf(user, directory));
    const { reminderDueAt: _due, ...next } = stepped;
    const saved = await saveCase(next, record.version, user, { type: 'case.closed', detail: { outcome, referral, note } }, context.now);
    return caseView({ record: saved, role: 'officer' }, user, directory, context.now);
  },

  async sendReminders(_input, context) {
    const now = context.now;
    const _ = database().command;
    const directory = await currentDirectory(now);
    const collection = database().collection(COLLECTIONS.mediationCases);
    let sessionReminders = 0;
    let followUpReminders = 0;

    // Sessions within SESSION_REMINDER_HOURS: every invitee who has the pass (and allowed messages) is reminded once.
    const sessionsDue = await findMany<MediationCaseRecord>(collection.where({ open: true, reminderDueAt: _.lte(now) }).orderBy('reminderDueAt', 'asc').orderBy('_id', 'asc').limit(TIMER_BATCH));
    for (const record of sessionsDue) {
      const dueSessions = record.sessions.filter((session) => session.status === 'scheduled' && !session.remindedAt && session.at.getTime() - SESSION_REMINDER_HOURS * 3_600_000 <= now.getTime());
      const sessions = record.sessions.map((session) => (dueSessions.includes(session) ? { ...session, remindedAt: now } : session));
      const due = reminderDueAt(sessions, SESSION_REMINDER_HOURS);
      const { reminderDueAt: _old, ...rest } = record;
      if (!(await saveQuietly({ ...rest, sessions, ...(due ? { reminderDueAt: due } : {}) }, record.version, now, 'session.reminded'))) continue;
      for (const session of dueSessions) {
        for (const invitation of session.invitations.filter((candidate) => candidate.response !== 'declined')) {
          if (await notify(invitation.openid, MEDIATION_TEMPLATES.session, passPage(invitation.token), `明天调解会：${session.place}`, session.at)) sessionReminders += 1;
        }
      }
    }

    // 回访 due: the officers handling the case are told once per agreement (the workbench lists it too).
    const followUpsDue = await findMany<MediationCaseRecord>(
      collection.where({ status: 'agreed', followUpDueAt: _.lte(now) }).orderBy('followUpDueAt', 'asc').orderBy('_id', 'asc').limit(TIMER_BATCH),
    );
    for (const record of followUpsDue.filter((candidate) => !candidate.followUpRemindedAt)) {
      if (!(await saveQuietly({ ...record, followUpRemindedAt: now }, record.version, now, 'follow-up.reminded'))) continue;
      for (const officer of await caseOfficerUsers(record, directory)) {
        if (await notify(officer.openid, MEDIATION_TEMPLATES.followUpDue, casePage('officer', record._id), `该回访了：${record.title}`, record.followUpDueAt ?? now)) followUpReminders += 1;
      }
    }
    return { sessionReminders, followUpReminders };
  },

  async figures({ stationId, period: kind, from, to }, context) {
    const calendar = figuresPeriod(kind ?? 'thisYear', context.now);
    const day = (date: Date) => isoDate(new Date(date.getTime() + 8 * 3_600_000)).slice(0, 10);
    const explicit = { from: from ? new Date(from) : calendar.from, to: to ? new Date(to) : calendar.to };
    const period = from || to ? { ...explicit, label: `${day(explicit.from)} 至 ${day(new Date(explicit.to.getTime() - 1))}` } : calendar;
    if (!(period.from.getTime() < period.to.getTime())) throw new ActionError('INVALID_INPUT', '开始日期要早于结束日期', { from: '开始日期要早于结束日期' });
    const directory = await currentDirectory(context.now);
    const records: MediationCaseRecord[] = [];
    for (let skip = 0; skip < FIGURES_MAX; skip += FIGURES_PAGE) {
      const page = await findMany<MediationCaseRecord>(
        database()
          .collection(COLLECTIONS.mediationCases)
          .where({ stationId })
          .orderBy('updatedAt', 'desc')
          .orderBy('_id', 'desc')
          .field({ stationId: true, communityId: true, ownerOfficerId: true, status: true, outcome: true, referral: true, closedAt: true, history: true })
          .skip(skip)
          .limit(FIGURES_PAGE),
      );
      records.push(...page);
      if (page.length < FIGURES_PAGE) break;
    }
    const all = records.map(facts);
    const byCommunity = mediationFiguresBy(all, period, 'community');
    const byOfficer = mediationFiguresBy(all, period, 'officer');
    const communities = [...directory.communities.values()].filter((community) => community.stationId === stationId).sort((a, b) => a.order - b.order);
    return {
      stationId,
      from: isoDate(period.from),
      to: isoDate(period.to),
      label: period.label,
      station: row(stationId, directory.stations.get(stationId)?.name ?? stationId, mediationFigures(all, period)),
      byCommunity: communities.map((community) => row(community._id, community.name, byCommunity.get(community._id) ?? mediationFigures([], period))),
      byOfficer: [...byOfficer].map(([officerId, figures]) => row(officerId, directory.officers.get(officerId)?.title ?? officerId, figures)),
    };
  },
};
